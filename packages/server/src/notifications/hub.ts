/**
 * Live in-app notifications: the per-database {@link NotificationHub} publishes newly committed
 * `notifications` rows to the subscribers of each recipient (GET /stream sends them as
 * `event: notification`). Writers call {@link notificationsCommitted} after their commit; while
 * anyone subscribes the hub also polls every {@link POLL_MS}, so rows written by another process
 * arrive too. Rows are read in id order (ids are time-ordered, `ntf_<ms><random>`); a row another
 * process commits with an id below one already published is listed by GET /notifications but not
 * pushed.
 * @module
 */
import type { Notification } from '@c360/sdk';
import type { Db } from '../db/connect.js';
import { notificationDb } from './tables.js';
import { toNotification } from './store.js';
import { deliveryWorker } from './deliver.js';
import { flushIfSubscribed, perDatabase, PollingHub } from '../realtime/per-db.js';

export const POLL_MS = 1_000;

export type NotificationListener = (notification: Notification) => void;

/** Publishes one database's new notifications by recipient: `subscribe(recipient, listener)`. */
export class NotificationHub extends PollingHub<Notification> {
  private last: string | undefined;

  constructor(
    private readonly db: Db,
    pollMs = POLL_MS,
  ) {
    super('notifications', pollMs);
  }

  protected start(): void {
    void this.queue.enqueue(async () => {
      const row = await notificationDb(this.db).selectFrom('notifications').select('id').orderBy('id', 'desc').limit(1).executeTakeFirst();
      this.last = row?.id ?? '';
    });
  }

  protected forget(): void {
    this.last = undefined;
  }

  /** Publishes the rows committed since the last flush. */
  flush(): Promise<void> {
    return this.queue.enqueue(async () => {
      if (this.last === undefined) return;
      const rows = await notificationDb(this.db)
        .selectFrom('notifications')
        .selectAll()
        .where('id', '>', this.last)
        .orderBy('id')
        .limit(1000)
        .execute();
      for (const row of rows) {
        this.last = row.id;
        this.emitter.emit(row.recipient, toNotification(row));
      }
    });
  }
}

const hubs = perDatabase((db) => new NotificationHub(db));

/** The hub of a database (created on first use). Pass the database, never a transaction. */
export function notificationHub(db: Db): NotificationHub {
  return hubs.get(db);
}

/**
 * Call after a transaction that may have raised notifications committed: pushes them to live
 * subscribers and starts their email/webhook deliveries. Never throws.
 */
export function notificationsCommitted(db: Db): void {
  flushIfSubscribed(hubs, db);
  deliveryWorker(db).kick();
}
