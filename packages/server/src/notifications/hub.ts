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
import { EventEmitter } from 'node:events';
import type { Notification } from '@c360/sdk';
import type { Db } from '../db/connect.js';
import { notificationDb } from './tables.js';
import { toNotification } from './store.js';
import { deliveryWorker } from './deliver.js';
import { flushIfSubscribed, perDatabase, SerialQueue } from '../realtime/per-db.js';

export const POLL_MS = 1_000;

export type NotificationListener = (notification: Notification) => void;

export class NotificationHub {
  private readonly emitter = new EventEmitter();
  private subscribers = 0;
  private last: string | undefined;
  private readonly queue = new SerialQueue('notifications');
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly db: Db,
    private readonly pollMs = POLL_MS,
  ) {
    this.emitter.setMaxListeners(0);
  }

  /** Subscribes to `recipient`'s new notifications; `ready` resolves once later rows will be delivered. */
  subscribe(recipient: string, listener: NotificationListener): { ready: Promise<void>; unsubscribe: () => void } {
    this.emitter.on(recipient, listener);
    this.subscribers += 1;
    if (this.subscribers === 1) {
      this.queue.enqueue(async () => {
        const row = await notificationDb(this.db)
          .selectFrom('notifications')
          .select('id')
          .orderBy('id', 'desc')
          .limit(1)
          .executeTakeFirst();
        this.last = row?.id ?? '';
      });
      this.timer = setInterval(() => void this.flush(), this.pollMs);
      this.timer.unref();
    }
    let done = false;
    return {
      ready: this.queue.idle,
      unsubscribe: () => {
        if (done) return;
        done = true;
        this.emitter.off(recipient, listener);
        this.subscribers -= 1;
        if (this.subscribers === 0) {
          clearInterval(this.timer);
          this.queue.enqueue(async () => {
            if (this.subscribers === 0) this.last = undefined;
          });
        }
      },
    };
  }

  get size(): number {
    return this.subscribers;
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
