/**
 * The one write pipeline every writer goes through (issue 10 item 1): a transaction; inside it the
 * writer's own rows plus, through its {@link WriteScope}, its timeline (`activity`) rows, its
 * `audit_log` rows and its change-feed drafts; at the end of the transaction the drafts are
 * recorded (one `change_feed` row per customer × section × type); after the commit, and only when
 * something was recorded, the live-stream subscribers and the notification deliveries are woken.
 * A writer that fails rolls everything back and wakes nobody.
 *
 *     const note = await runWrite(db, async (w) => {
 *       await w.trx.insertInto('notes').values(row).execute();
 *       await w.activity(customerId, { id: `note:${row.id}`, type: 'note', … });
 *       await w.audit({ actor: actor.name, action: 'note.created', customerId, details: { noteId: row.id } });
 *       w.change(draftsOf(customerId, 'note.added', `note:${row.id}`));
 *       return row;
 *     });
 * @module
 */
import type { Db } from '../db/connect.js';
import { writeActivity, type ActivityEntry } from '../ingest/shared.js';
import { notifyCommitted, recordChanges, type ChangeDraft } from '../realtime/feed.js';
import { notificationsCommitted } from '../notifications/hub.js';

/** One `audit_log` row: who did what to which customer (null for catalogue changes), with JSON details. */
export interface AuditEntry {
  actor: string;
  action: string;
  customerId: string | null;
  details?: object;
}

/** What a writer writes through, inside the pipeline's transaction. */
export class WriteScope {
  private readonly drafts: ChangeDraft[] = [];
  private woken = false;

  /** `trx`: the transaction (write the writer's own rows with it); `now`: the time of the write's rows. */
  constructor(
    readonly trx: Db,
    readonly now: Date,
  ) {}

  /** Inserts or replaces the timeline entry `entry.id` of `customerId`. */
  async activity(customerId: string, entry: ActivityEntry): Promise<void> {
    await writeActivity(this.trx, customerId, entry);
  }

  /** Appends an audit row at {@link now}. */
  async audit(entry: AuditEntry): Promise<void> {
    await this.trx
      .insertInto('audit_log')
      .values({
        actor: entry.actor,
        action: entry.action,
        customer_id: entry.customerId,
        details: entry.details ? JSON.stringify(entry.details) : null,
        at: this.now.toISOString(),
      })
      .execute();
  }

  /** Queues change-feed drafts, recorded when the writer is done (still inside the transaction). */
  change(drafts: readonly ChangeDraft[]): void {
    this.drafts.push(...drafts);
  }

  /** Asks for subscribers to be woken after the commit even without change-feed drafts (a raised notification). */
  wake(): void {
    this.woken = true;
  }

  /**
   * Records the queued drafts — or hands them (and a {@link wake}) to `enclosing`, the pipeline
   * write this one is part of, which records them at its end; true when subscribers are to be woken.
   */
  async record(enclosing?: WriteScope): Promise<boolean> {
    const drafts = this.drafts.splice(0);
    if (enclosing) {
      enclosing.change(drafts);
      if (this.woken) enclosing.wake();
    } else if (drafts.length > 0) await recordChanges(this.trx, drafts, new Date());
    return drafts.length > 0 || this.woken;
  }
}

/** The scope of each transaction {@link runWrite} has open, for the writes composed into it. */
const openScopes = new WeakMap<Db, WriteScope>();

/**
 * Runs `work` through the pipeline in a new transaction (see the module comment) and returns its
 * result. Errors of `work` propagate after the rollback.
 */
export async function runWrite<T>(db: Db, work: (w: WriteScope) => Promise<T>, now: Date = new Date()): Promise<T> {
  let recorded = false;
  const result = await db.transaction().execute(async (trx) => {
    const scope = new WriteScope(trx, now);
    openScopes.set(trx, scope);
    try {
      const value = await work(scope);
      recorded = await scope.record();
      return value;
    } finally {
      openScopes.delete(trx);
    }
  });
  if (recorded) afterCommit(db);
  return result;
}

/**
 * {@link runWrite} inside the caller's transaction (a writer composed into a larger write, such as
 * a quick action applying ingestion events). When that transaction is a {@link runWrite}'s, the
 * drafts join it (recorded at its end, subscribers woken after its commit); otherwise they are
 * recorded at the end of `work` and waking subscribers is left to whoever commits, with
 * {@link afterCommit}.
 */
export async function runWriteIn<T>(trx: Db, work: (w: WriteScope) => Promise<T>, now: Date = new Date()): Promise<T> {
  const scope = new WriteScope(trx, now);
  const value = await work(scope);
  await scope.record(openScopes.get(trx));
  return value;
}

/** Wakes the live stream and the notification deliveries of `db` (never a transaction) after a commit. Never throws. */
export function afterCommit(db: Db): void {
  notifyCommitted(db);
  notificationsCommitted(db);
}
