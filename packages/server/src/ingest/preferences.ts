/**
 * `preferences.updated`: opt-ins per channel, quiet hours, time zone, language and frequency; only
 * the given fields change. Every opt-in that changes — or is stated for the first time — writes a
 * `consent_log` row `<event id>:<channel>` with its reason and source (also used by
 * `marketing.unsubscribed`).
 * @module
 */
import type { MarketingChannel, PreferencesUpdatedEvent } from '@c360/sdk';
import type { Selectable } from 'kysely';
import type { Db } from '../db/connect.js';
import type { BatchRows } from './batch-rows.js';
import type { PreferencesTable } from '../db/schema.js';
import { eventActivityId, label, parts, utc, type Applied, type CustomerRef } from './shared.js';

const CHANNELS = ['email', 'sms', 'push', 'whatsapp'] as const satisfies readonly MarketingChannel[];
const column = (channel: MarketingChannel) => `${channel}_opt_in` as const;
const CHANNEL_NAMES: Record<MarketingChannel, string> = { email: 'Email', sms: 'SMS', push: 'Push', whatsapp: 'WhatsApp' };

type PreferencesPatch = Partial<Omit<Selectable<PreferencesTable>, 'customer_id' | 'updated_at'>>;

export interface ConsentChange {
  channel: MarketingChannel;
  granted: boolean;
}

/**
 * Applies `patch` and `optIns` to the customer's preferences (created with every opt-in off when
 * absent), logs each consent change, and returns those changes.
 */
export async function updatePreferences(
  db: Db,
  customerId: string,
  optIns: Partial<Record<MarketingChannel, boolean>>,
  patch: PreferencesPatch,
  consent: { eventId: string; at: string; reason: string | null; source: string | null },
): Promise<ConsentChange[]> {
  const current = await db.selectFrom('preferences').selectAll().where('customer_id', '=', customerId).executeTakeFirst();
  const changes: ConsentChange[] = [];
  for (const channel of CHANNELS) {
    const granted = optIns[channel];
    if (granted === undefined) continue;
    if (!current || current[column(channel)] !== Number(granted)) changes.push({ channel, granted });
  }
  const set: PreferencesPatch & { updated_at: string } = { ...patch, updated_at: consent.at };
  for (const { channel, granted } of changes) set[column(channel)] = Number(granted);
  await db
    .insertInto('preferences')
    .values({
      customer_id: customerId,
      email_opt_in: 0,
      sms_opt_in: 0,
      push_opt_in: 0,
      whatsapp_opt_in: 0,
      quiet_hours_start: null,
      quiet_hours_end: null,
      timezone: null,
      language: null,
      frequency: null,
      ...set,
    })
    .onConflict((oc) => oc.column('customer_id').doUpdateSet(set))
    .execute();
  if (changes.length) {
    await db
      .insertInto('consent_log')
      .values(
        changes.map(({ channel, granted }) => ({
          id: `${consent.eventId}:${channel}`,
          customer_id: customerId,
          channel,
          granted: Number(granted),
          reason: consent.reason,
          source: consent.source,
          occurred_at: consent.at,
        })),
      )
      .onConflict((oc) => oc.column('id').doNothing())
      .execute();
  }
  return changes;
}

/** `Email opted in`, `SMS opted out`. */
export const consentText = (c: ConsentChange): string => `${CHANNEL_NAMES[c.channel]} opted ${c.granted ? 'in' : 'out'}`;

export async function applyPreferencesUpdated(
  db: Db,
  event: PreferencesUpdatedEvent,
  customer: CustomerRef,
  rows: BatchRows,
): Promise<Applied> {
  const d = event.data;
  const at = utc(event.occurredAt);
  const patch: PreferencesPatch = {};
  if (d.quietHours !== undefined) {
    patch.quiet_hours_start = d.quietHours?.start ?? null;
    patch.quiet_hours_end = d.quietHours?.end ?? null;
  }
  if (d.timezone !== undefined) patch.timezone = d.timezone;
  if (d.language !== undefined) patch.language = d.language;
  if (d.frequency !== undefined) patch.frequency = d.frequency;
  const changes = await updatePreferences(db, customer.id, d.optIns ?? {}, patch, {
    eventId: event.id,
    at,
    reason: d.reason ?? null,
    source: d.source ?? null,
  });

  rows.activity(customer.id, {
    id: eventActivityId(event.id),
    type: 'marketing',
    title: 'Communication preferences updated',
    description: parts(
      ...changes.map(consentText),
      d.quietHours !== undefined && (d.quietHours ? `quiet hours ${d.quietHours.start}–${d.quietHours.end}` : 'no quiet hours'),
      d.timezone !== undefined && d.timezone !== null && `time zone ${d.timezone}`,
      d.language !== undefined && d.language !== null && `language ${d.language}`,
      d.frequency !== undefined && d.frequency !== null && `${label(d.frequency)} messages`,
      d.reason,
    ),
    occurredAt: at,
    ref: { kind: 'preferences', id: customer.id },
  });
  return { customerId: customer.id };
}
