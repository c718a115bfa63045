/**
 * The follow-up quick action (issue 12 item 10a): `POST /customers/{id}/actions/follow-up`
 * schedules a reminder about the customer for an assignee (default: the caller), due at `dueAt`,
 * with a note. One write of the pipeline (write/pipeline.ts): the `follow_ups` row, the timeline
 * entry "Follow-up scheduled", an audit row (`follow_up.scheduled`), change-feed rows (sections
 * `notes` and `timeline`, type `follow_up.scheduled`) and, with an `Idempotency-Key`, the key's
 * result — a retry returns the first follow-up (`replayed`), the same key with another body is a
 * 422 (quick-actions.ts `earlier`).
 * @module
 */
import type { FollowUp, NewFollowUp } from '@c360/sdk';
import type { z } from 'zod';
import type { Db } from '../db/connect.js';
import type { Actor } from '../core/actor.js';
import { customerNotFound } from '../core/problem.js';
import { runWrite } from '../write/pipeline.js';
import { sortableId } from '../write/ids.js';
import { followUpDb, toFollowUp, type FollowUpsTable } from '../follow-ups/tables.js';
import { checkDueAt, followUpActivity, followUpDrafts } from '../follow-ups/store.js';
import { earlier, fingerprintOf, remember, storeKey, type ActionOptions, type ActionResult } from './quick-actions.js';

/**
 * Schedules the follow-up (see the module comment); `options.now` is the server's write clock.
 * @throws ProblemError 400 `body.dueAt` more than a minute before now, 404 unknown customer, 422 key reused.
 */
export async function scheduleFollowUpAction(
  db: Db,
  actor: Actor,
  customerId: string,
  input: z.output<typeof NewFollowUp>,
  options: ActionOptions = {},
): Promise<ActionResult<FollowUp>> {
  const now = options.now ?? new Date();
  const key = options.idempotencyKey;
  const store = key === undefined ? undefined : storeKey('follow-up', customerId, key);
  const fingerprint = fingerprintOf(actor, input);
  return runWrite(
    db,
    async (w): Promise<ActionResult<FollowUp>> => {
      const at = now.toISOString();
      if (store && key !== undefined) {
        const result = await earlier<FollowUp>(w.trx, 'follow-up', store, key, fingerprint, at);
        if (result) return { result, replayed: true };
      }
      const customer = await w.trx.selectFrom('customers').select('id').where('id', '=', customerId).executeTakeFirst();
      if (!customer) throw customerNotFound(customerId);
      const dueAt = checkDueAt(input.dueAt, now);
      const row: FollowUpsTable = {
        id: sortableId('fu_', now),
        customer_id: customerId,
        due_at: dueAt,
        assignee: input.assignee ?? actor.name,
        note: input.note,
        status: 'open',
        created_by: actor.name,
        created_at: at,
        completed_at: null,
        notified_at: null,
      };
      await followUpDb(w.trx).insertInto('follow_ups').values(row).execute();
      await w.activity(customerId, followUpActivity(row, `Follow-up scheduled by ${actor.name}`, at));
      await w.audit({
        actor: actor.name,
        action: 'follow_up.scheduled',
        customerId,
        details: { followUpId: row.id, assignee: row.assignee, dueAt: row.due_at, length: row.note.length },
      });
      w.change(followUpDrafts(customerId, 'follow_up.scheduled', row.id));
      const result = toFollowUp(row);
      if (store) await remember(w.trx, 'follow-up', store, fingerprint, result, at);
      return { result, replayed: false };
    },
    now,
  );
}
