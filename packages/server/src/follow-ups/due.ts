/**
 * Reminders of follow-ups falling due (issue 12 item 10a). {@link raiseDueFollowUps} finds the open
 * follow-ups whose due time has passed on the server's clock (the demo's: as-of + elapsed) and
 * not yet notified, and for each, in one write of the pipeline: claims it — `UPDATE follow_ups SET
 * notified_at = now WHERE id = ? AND notified_at IS NULL AND status = 'open' AND due_at = <read>`,
 * which exactly one instance of several on a database wins — then raises one `follow_up.due`
 * notification to its assignee (notifications/store.ts: in-app; email and webhook when their
 * preferences subscribe to `follow_up.due` on those channels; the dedup key names the follow-up
 * and its due time) and records a `follow_up.due` change, so the 360 view and the bell update
 * live. A reschedule clears `notified_at`, so the new due time reminds again.
 * {@link startFollowUpReminders} runs it every few seconds in `c360 serve` / `c360 demo`.
 * @module
 */
import { Cron } from 'croner';
import type { NotificationChannel, NotificationKind } from '@c360/sdk';
import type { Db } from '../db/connect.js';
import { runWrite } from '../write/pipeline.js';
import { raiseNotifications } from '../notifications/store.js';
import { notificationDb } from '../notifications/tables.js';
import type { Subscriber } from '../notifications/preferences.js';
import { followUpDb, type FollowUpsTable } from './tables.js';
import { followUpDrafts } from './store.js';

const KIND: NotificationKind = 'follow_up.due';
/** Most follow-ups one pass handles (the next tick takes the rest). */
const BATCH = 200;

const list = <T>(json: string): T[] => {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? (value as T[]) : [];
  } catch {
    return [];
  }
};

/**
 * The assignee as a recipient: with saved preferences, their role and — when their kinds include
 * `follow_up.due` — their channels; without, an agent reached in-app only.
 */
async function recipient(db: Db, name: string): Promise<Subscriber> {
  const row = await notificationDb(db).selectFrom('notification_preferences').selectAll().where('user_name', '=', name).executeTakeFirst();
  const subscribed = row ? list<NotificationKind>(row.kinds).includes(KIND) : false;
  return {
    name,
    role: row?.role ?? 'agent',
    kinds: [KIND],
    channels: subscribed && row ? list<NotificationChannel>(row.channels) : ['in_app'],
    email: row?.email ?? null,
    webhookUrl: row?.webhook_url ?? null,
  };
}

/** Notifies one claimed follow-up's assignee; true when this call claimed it. */
async function remind(db: Db, f: FollowUpsTable, now: Date): Promise<boolean> {
  return runWrite(
    db,
    async (w) => {
      const claimed = await followUpDb(w.trx)
        .updateTable('follow_ups')
        .set({ notified_at: now.toISOString() })
        .where('id', '=', f.id)
        .where('notified_at', 'is', null)
        .where('status', '=', 'open')
        .where('due_at', '=', f.due_at)
        .executeTakeFirst();
      if (Number(claimed.numUpdatedRows) !== 1) return false; // done, rescheduled or taken by another instance
      const note = f.note.replace(/\s+/g, ' ').trim();
      await raiseNotifications(
        w.trx,
        [
          {
            kind: KIND,
            customerId: f.customer_id,
            key: `follow_up:${f.id}:${f.due_at}`,
            title: note ? `Follow-up due: ${note.length > 120 ? `${note.slice(0, 119)}…` : note}` : 'Follow-up due',
            body: `due ${f.due_at}, scheduled by ${f.created_by}`,
          },
        ],
        now,
        [await recipient(w.trx, f.assignee)],
      );
      w.change(followUpDrafts(f.customer_id, 'follow_up.due', f.id));
      return true;
    },
    now,
  );
}

/** Raises the reminders of every follow-up due at `now` (see the module comment); resolves to how many this call raised. */
export async function raiseDueFollowUps(db: Db, now: Date = new Date()): Promise<number> {
  const due = await followUpDb(db)
    .selectFrom('follow_ups')
    .selectAll()
    .where('status', '=', 'open')
    .where('notified_at', 'is', null)
    .where('due_at', '<=', now.toISOString())
    .orderBy('due_at')
    .limit(BATCH)
    .execute();
  let raised = 0;
  for (const f of due) if (await remind(db, f, now)) raised += 1;
  return raised;
}

export interface ReminderOptions {
  /** Seconds between two passes (1–59, default 15). */
  tickSeconds?: number;
  /** The server's clock (default real time; the demo's runs on from its as-of). */
  now?: () => Date;
}

/** Runs {@link raiseDueFollowUps} every `tickSeconds` (croner; a slow pass is never overlapped). Returns the job (call `stop()`). */
export function startFollowUpReminders(db: Db, options: ReminderOptions = {}): Cron {
  const seconds = Math.min(59, Math.max(1, Math.trunc(options.tickSeconds ?? 15)));
  const clock = options.now ?? (() => new Date());
  return new Cron(
    `*/${seconds} * * * * *`,
    { protect: true, unref: true, catch: (error) => console.error('follow-up reminders:', error) },
    async () => {
      await raiseDueFollowUps(db, clock());
    },
  );
}
