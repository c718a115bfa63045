/**
 * Preference and consent edits by a person (R5, 004): `PATCH /customers/{id}/preferences`.
 *
 * The edit becomes a `preferences.updated` event applied by the ingestion path (`applyEventsIn`,
 * preferences.ts), so the preferences row, the consent log (one row per channel whose opt-in
 * changes, with the reason and source), the timeline entry and the change feed are exactly what an
 * ingested event writes; the audit row (with the actor) commits in the same transaction of the write
 * pipeline (write/pipeline.ts `runWrite`), which wakes real-time subscribers after the commit.
 *
 * Idempotency (`Idempotency-Key`, like the quick actions): the key is recorded as
 * `action:preferences:<customerId>:<key>` in `idempotency_keys` with `ref` = JSON
 * `{ fingerprint, result }` (fingerprint: the actor and the body). A retry with the same key
 * returns the first result and changes nothing; the same key with another body is a 422.
 * @module
 */
import { createHash } from 'node:crypto';
import type { z } from 'zod';
import type {
  ConsentLogEntry,
  IngestEvent,
  MarketingChannel,
  PreferencesEdit,
  PreferencesEdited,
  PreferencesUpdatedEvent,
} from '@c360/sdk';
import type { Db } from '../db/connect.js';
import type { Actor } from '../core/actor.js';
import { customerNotFound, ProblemError } from '../core/problem.js';
import { sortableId } from '../write/ids.js';
import { runWrite } from '../write/pipeline.js';
import { applyEventsIn } from './apply-events.js';

/** The `source` recorded in the consent log when the edit names none. */
export const DEFAULT_CONSENT_SOURCE = 'c360';

export interface PreferenceEditOptions {
  idempotencyKey?: string;
  /** When the edit happens (default: real time). */
  now?: Date;
}

interface Stored {
  fingerprint: string;
  result: PreferencesEdited;
}

const CHANNELS = ['email', 'sms', 'push', 'whatsapp'] as const satisfies readonly MarketingChannel[];

/** The preferences of `customerId` as they are now (every opt-in off and nothing set when none were recorded). */
async function currentPreferences(db: Db, customerId: string): Promise<Omit<PreferencesEdited, 'consentChanges'>> {
  const p = await db.selectFrom('preferences').selectAll().where('customer_id', '=', customerId).executeTakeFirst();
  return {
    optIns: {
      email: p?.email_opt_in === 1,
      sms: p?.sms_opt_in === 1,
      push: p?.push_opt_in === 1,
      whatsapp: p?.whatsapp_opt_in === 1,
    },
    preferences: {
      quietHours: p?.quiet_hours_start && p.quiet_hours_end ? { start: p.quiet_hours_start, end: p.quiet_hours_end } : null,
      timezone: p?.timezone ?? null,
      language: p?.language ?? null,
      frequency: (p?.frequency ?? null) as PreferencesEdited['preferences']['frequency'],
      updatedAt: p?.updated_at ?? null,
    },
  };
}

/** The `preferences.updated` event of the edit (only the fields the body gives). */
function eventOf(id: string, customerId: string, input: z.output<typeof PreferencesEdit>, at: string): IngestEvent {
  const data: PreferencesUpdatedEvent['data'] = { customerId };
  if (input.optIns) data.optIns = input.optIns;
  if (input.quietHours !== undefined) data.quietHours = input.quietHours;
  if (input.timezone !== undefined) data.timezone = input.timezone;
  if (input.language !== undefined) data.language = input.language;
  if (input.frequency !== undefined) data.frequency = input.frequency;
  if (input.reason !== undefined) data.reason = input.reason;
  data.source = input.source ?? DEFAULT_CONSENT_SOURCE;
  return { id, type: 'preferences.updated', occurredAt: at, data };
}

/**
 * Applies a preference edit by `actor` to `customerId`; returns the preferences as they now are and
 * the consent log rows the edit wrote (`replayed`: an earlier request with the same key did it).
 * @throws ProblemError 404 for an unknown customer; 422 `idempotency-key-reused` when the key was
 *   used for another body or by another caller.
 */
export async function editPreferences(
  db: Db,
  actor: Actor,
  customerId: string,
  input: z.output<typeof PreferencesEdit>,
  options: PreferenceEditOptions = {},
): Promise<{ result: PreferencesEdited; replayed: boolean }> {
  const now = options.now ?? new Date();
  const key = options.idempotencyKey;
  const store = key === undefined ? undefined : `action:preferences:${customerId}:${key}`;
  const fingerprint = createHash('sha256')
    .update(JSON.stringify([actor.tokenId, actor.name, input]))
    .digest('hex');
  return runWrite(
    db,
    async (w) => {
      const { trx } = w;
      if (store) {
        const seen = await trx.selectFrom('idempotency_keys').select('ref').where('key', '=', store).executeTakeFirst();
        const stored = seen?.ref ? (JSON.parse(seen.ref) as Stored) : undefined;
        if (seen && stored?.fingerprint === fingerprint) return { result: stored.result, replayed: true };
        if (seen) {
          throw new ProblemError(
            422,
            'idempotency-key-reused',
            'Idempotency-Key reused',
            `Key "${key}" was already used for a different request`,
            [{ field: 'header.idempotency-key', message: 'was already used for a different request' }],
          );
        }
      }
      const exists = await trx.selectFrom('customers').select('id').where('id', '=', customerId).executeTakeFirst();
      if (!exists) throw customerNotFound(customerId);
      const at = now.toISOString();
      const eventId = `api:preferences:${sortableId('pref_', now)}`;
      await applyEventsIn(trx, [eventOf(eventId, customerId, input, at)], now);
      const logged = await trx
        .selectFrom('consent_log')
        .selectAll()
        .where('customer_id', '=', customerId)
        .where('id', 'like', `${eventId}:%`)
        .execute();
      const consentChanges: ConsentLogEntry[] = CHANNELS.flatMap((channel) => {
        const row = logged.find((r) => r.channel === channel);
        return row
          ? [{ id: row.id, channel, granted: row.granted === 1, reason: row.reason, source: row.source, occurredAt: row.occurred_at }]
          : [];
      });
      const result: PreferencesEdited = { ...(await currentPreferences(trx, customerId)), consentChanges };
      await w.audit({
        actor: actor.name,
        action: 'preferences.updated',
        customerId,
        details: {
          eventId,
          ...input,
          source: input.source ?? DEFAULT_CONSENT_SOURCE,
          consentChanges: consentChanges.map((c) => ({ channel: c.channel, granted: c.granted })),
        },
      });
      if (store) {
        await trx
          .insertInto('idempotency_keys')
          .values({
            key: store,
            kind: 'action.preferences',
            received_at: at,
            ref: JSON.stringify({ fingerprint, result } satisfies Stored),
          })
          .execute();
      }
      return { result, replayed: false };
    },
    now,
  ); // a replay records no change, so it wakes nobody
}
