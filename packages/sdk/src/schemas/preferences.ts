/**
 * Editing a customer's communication preferences and consent (R5, 004):
 * `PATCH /customers/{id}/preferences`. The server applies the edit as a `preferences.updated`
 * event through the ingestion path, so the consent log, the timeline, the audit log and the live
 * feed follow exactly as for an ingested event.
 * @module
 */
import { z } from 'zod';
import { PreferenceFields } from './events/index.js';
import { ConsentLogEntry, MarketingPreferences } from './sections.js';

/** Text in the API body: trimmed, then 1 to `max` characters (the event's texts are not trimmed). */
const Text = (max: number) => z.string().trim().min(1).max(max);

/**
 * Body of PATCH /customers/{id}/preferences: only the given fields change. A change of opt-in needs
 * a `reason` (the consent log keeps it); `source` says where the customer asked (default
 * `c360`). `quietHours: null` (and `timezone`, `language`, `frequency` null) clears.
 */
export const PreferencesEdit = z
  .strictObject({
    ...PreferenceFields,
    optIns: PreferenceFields.optIns.meta({
      description: 'Opt-in (true) or opt-out (false) per channel; channels left out keep their value',
    }),
    reason: Text(500).optional().meta({ description: 'Why consent changed, e.g. "asked by phone to stop texts" (required with optIns)' }),
    source: Text(200).optional().meta({ description: 'Where the customer asked, e.g. "phone", "chat" (consent log; default "c360")' }),
  })
  .superRefine((d, ctx) => {
    if (![d.optIns, d.quietHours, d.timezone, d.language, d.frequency].some((v) => v !== undefined)) {
      ctx.addIssue({ code: 'custom', path: ['optIns'], message: 'give at least one of optIns, quietHours, timezone, language, frequency' });
    }
    if (d.optIns && Object.keys(d.optIns).length === 0)
      ctx.addIssue({ code: 'custom', path: ['optIns'], message: 'name at least one channel' });
    if (d.optIns && Object.keys(d.optIns).length > 0 && d.reason === undefined) {
      ctx.addIssue({ code: 'custom', path: ['reason'], message: 'a consent change needs a reason' });
    }
  })
  .meta({ id: 'PreferencesEdit' });
export type PreferencesEdit = z.input<typeof PreferencesEdit>;

/** Answer of PATCH /customers/{id}/preferences: the preferences as they now are, and the consent changes the edit made. */
export const PreferencesEdited = z
  .object({
    optIns: z.object({ email: z.boolean(), sms: z.boolean(), push: z.boolean(), whatsapp: z.boolean() }),
    preferences: MarketingPreferences,
    consentChanges: z.array(ConsentLogEntry).meta({ description: 'The consent log rows this edit wrote (none when no opt-in changed)' }),
  })
  .meta({ id: 'PreferencesEdited' });
export type PreferencesEdited = z.infer<typeof PreferencesEdited>;
