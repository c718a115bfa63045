/**
 * Follow-ups after they are scheduled (actions/follow-up.ts): the lists — a customer's, and one
 * assignee's across customers, soonest due first, keyset-paginated by (due time, id) — and
 * `PATCH /follow-ups/{id}` (done, cancelled, reopened, reassigned, rescheduled, note edited), one
 * write of the pipeline with its timeline entry, audit row and change-feed rows.
 * @module
 */
import type { CustomerFollowUpsQuery, FollowUp, FollowUpsPage, FollowUpsQuery, FollowUpUpdate } from '@c360/sdk';
import type { z } from 'zod';
import type { Db } from '../db/connect.js';
import type { Actor } from '../core/actor.js';
import { decodeCursor, encodeCursor } from '../core/cursor.js';
import { invalidRequest, ProblemError } from '../core/problem.js';
import type { ActivityEntry } from '../ingest/shared.js';
import type { ChangeDraft } from '../realtime/feed.js';
import { runWrite } from '../write/pipeline.js';
import { followUpDb, toFollowUp, type FollowUpsTable } from './tables.js';

/** How far in the past a due time may be (a clock difference, a slow form), in milliseconds. */
export const DUE_GRACE_MS = 60_000;

/** The due time as stored (ISO UTC); 400 naming `body.dueAt` when it is more than a minute before `now`. */
export function checkDueAt(dueAt: string, now: Date): string {
  const due = new Date(dueAt);
  if (due.getTime() < now.getTime() - DUE_GRACE_MS) {
    throw invalidRequest([{ field: 'body.dueAt', message: `is in the past (the server’s clock is ${now.toISOString()})` }]);
  }
  return due.toISOString();
}

/** The timeline entry of a follow-up event (`type` note, linked to the follow-up). */
export function followUpActivity(row: FollowUpsTable, title: string, at: string): ActivityEntry {
  const note = row.note.replace(/\s+/g, ' ').trim();
  return {
    id: `follow_up:${row.id}`,
    type: 'note',
    title,
    description: `For ${row.assignee}, due ${row.due_at}${note ? `: ${note.length > 200 ? `${note.slice(0, 199)}…` : note}` : ''}`,
    occurredAt: at,
    ref: { kind: 'follow_up', id: row.id },
  };
}

/** The change-feed drafts of a follow-up change: the `notes` section (where the 360 lists them) and the timeline. */
export function followUpDrafts(customerId: string, type: string, id: string, activityId = `follow_up:${id}`): ChangeDraft[] {
  const sourceKey = `follow_up:${id}:${type}:${Date.now()}`;
  return (['notes', 'timeline'] as const).map((section) => ({ customerId, section, type, activityId, sourceKey }));
}

type Page = { status: 'open' | 'done' | 'cancelled' | 'all'; limit: number; cursor?: string | undefined };

async function page(
  db: Db,
  where: { customerId?: string; assignee?: string; dueBefore?: string },
  q: Page,
  now: Date,
): Promise<FollowUpsPage> {
  let query = followUpDb(db).selectFrom('follow_ups').selectAll();
  if (where.customerId !== undefined) query = query.where('customer_id', '=', where.customerId);
  if (where.assignee !== undefined) query = query.where('assignee', '=', where.assignee);
  if (where.dueBefore !== undefined) query = query.where('due_at', '<', where.dueBefore);
  if (q.status !== 'all') query = query.where('status', '=', q.status);
  if (q.cursor) {
    const [due, id] = decodeCursor(q.cursor, 2).map(String) as [string, string];
    query = query.where((eb) => eb.or([eb('due_at', '>', due), eb.and([eb('due_at', '=', due), eb('id', '>', id)])]));
  }
  const rows = await query
    .orderBy('due_at')
    .orderBy('id')
    .limit(q.limit + 1)
    .execute();
  const items = rows.slice(0, q.limit);
  const last = items.at(-1);
  return {
    items: items.map(toFollowUp),
    nextCursor: rows.length > q.limit && last ? encodeCursor([last.due_at, last.id]) : null,
    now: now.toISOString(),
  };
}

/** GET /customers/:id/follow-ups (the customer's existence is checked by the caller's read). */
export async function listCustomerFollowUps(
  db: Db,
  customerId: string,
  query: z.output<typeof CustomerFollowUpsQuery>,
  now: Date,
): Promise<FollowUpsPage> {
  const customer = await db.selectFrom('customers').select('id').where('id', '=', customerId).executeTakeFirst();
  if (!customer) throw new ProblemError(404, 'not-found', 'Customer not found', `No customer with id "${customerId}"`);
  return page(db, { customerId }, query, now);
}

/** The customer a follow-up is about (it never changes), or undefined when there is no follow-up `id`. */
export async function followUpCustomer(db: Db, id: string): Promise<string | undefined> {
  const row = await followUpDb(db).selectFrom('follow_ups').select('customer_id').where('id', '=', id).executeTakeFirst();
  return row?.customer_id;
}

/** GET /follow-ups: one assignee's (`me`: the caller's) follow-ups across customers. */
export async function listFollowUps(db: Db, actor: Actor, query: z.output<typeof FollowUpsQuery>, now: Date): Promise<FollowUpsPage> {
  const assignee = query.assignee === 'me' ? actor.name : query.assignee;
  return page(db, { assignee, dueBefore: query.dueBefore ? new Date(query.dueBefore).toISOString() : undefined }, query, now);
}

const CHANGE_TITLE = {
  done: 'Follow-up done',
  cancelled: 'Follow-up cancelled',
  open: 'Follow-up reopened',
  rescheduled: 'Follow-up rescheduled',
  reassigned: 'Follow-up reassigned',
  edited: 'Follow-up edited',
} as const;

/**
 * PATCH /follow-ups/:id. A new status `done`/`cancelled` sets `completed_at`, `open` clears it; a
 * new `dueAt` (checked like a new one) clears `notified_at`, so the assignee is reminded again then.
 * Changing nothing writes nothing.
 * @throws ProblemError 404 unknown follow-up, 400 `body.dueAt` in the past.
 */
export async function updateFollowUp(
  db: Db,
  actor: Actor,
  id: string,
  input: z.output<typeof FollowUpUpdate>,
  now: Date = new Date(),
): Promise<FollowUp> {
  return runWrite(
    db,
    async (w) => {
      const fdb = followUpDb(w.trx);
      const row = await fdb.selectFrom('follow_ups').selectAll().where('id', '=', id).executeTakeFirst();
      if (!row) throw new ProblemError(404, 'not-found', 'Follow-up not found', `No follow-up "${id}"`);
      const at = now.toISOString();
      const next: FollowUpsTable = { ...row };
      if (input.status !== undefined && input.status !== row.status) {
        next.status = input.status;
        next.completed_at = input.status === 'open' ? null : at;
      }
      if (input.dueAt !== undefined && new Date(input.dueAt).getTime() !== new Date(row.due_at).getTime()) {
        next.due_at = checkDueAt(input.dueAt, now);
        next.notified_at = null;
      }
      if (input.assignee !== undefined) next.assignee = input.assignee;
      if (input.note !== undefined) next.note = input.note;
      const changed = (['status', 'due_at', 'assignee', 'note'] as const).filter((k) => next[k] !== row[k]);
      if (changed.length === 0) return toFollowUp(row);
      await fdb
        .updateTable('follow_ups')
        .set({
          status: next.status,
          completed_at: next.completed_at,
          due_at: next.due_at,
          notified_at: next.notified_at,
          assignee: next.assignee,
          note: next.note,
        })
        .where('id', '=', id)
        .execute();
      const what = changed.includes('status')
        ? next.status
        : changed.includes('due_at')
          ? 'rescheduled'
          : changed.includes('assignee')
            ? 'reassigned'
            : 'edited';
      const type = `follow_up.${what}`;
      const activityId = `follow_up:${id}:${what}:${at}`;
      await w.activity(row.customer_id, { ...followUpActivity(next, `${CHANGE_TITLE[what]} by ${actor.name}`, at), id: activityId });
      await w.audit({
        actor: actor.name,
        action: 'follow_up.updated',
        customerId: row.customer_id,
        details: { followUpId: id, changed, status: next.status, assignee: next.assignee, dueAt: next.due_at },
      });
      w.change(followUpDrafts(row.customer_id, type, id, activityId));
      return toFollowUp(next);
    },
    now,
  );
}
