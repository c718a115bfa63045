/**
 * Marketing events; see the events index for the wire conventions.
 * @module
 */
import { z } from 'zod';
import { CustomerId } from '../common.js';
import { EventBase, Id, Text } from './common.js';

// ---- marketing -----------------------------------------------------------------------------------

export const MarketingChannel = z.enum(['email', 'sms', 'push', 'whatsapp']);
export type MarketingChannel = z.infer<typeof MarketingChannel>;

const CampaignFields = {
  customerId: CustomerId,
  campaignId: Id('Campaign'),
  campaignName: Text(200).optional().meta({ description: 'Names (or renames) the campaign' }),
  channel: MarketingChannel.default('email'),
};

function marketingEvent<T extends string, S extends z.ZodRawShape>(type: T, id: string, description: string, extra: S) {
  return z
    .strictObject({ ...EventBase, type: z.literal(type), data: z.strictObject({ ...CampaignFields, ...extra }) })
    .meta({ id, description });
}

/** A campaign message sent to the customer. */
export const MarketingEmailSentEvent = marketingEvent('marketing.email_sent', 'MarketingEmailSentEvent', 'A campaign message was sent', {});
export type MarketingEmailSentEvent = z.infer<typeof MarketingEmailSentEvent>;
/** A campaign message delivered. */
export const MarketingEmailDeliveredEvent = marketingEvent(
  'marketing.email_delivered',
  'MarketingEmailDeliveredEvent',
  'A campaign message was delivered',
  {},
);
export type MarketingEmailDeliveredEvent = z.infer<typeof MarketingEmailDeliveredEvent>;
/** A campaign message opened (counts in the open rate and engagement). */
export const MarketingEmailOpenedEvent = marketingEvent(
  'marketing.email_opened',
  'MarketingEmailOpenedEvent',
  'A campaign message was opened',
  {},
);
export type MarketingEmailOpenedEvent = z.infer<typeof MarketingEmailOpenedEvent>;
/** A link in a campaign message clicked. */
export const MarketingEmailClickedEvent = marketingEvent(
  'marketing.email_clicked',
  'MarketingEmailClickedEvent',
  'A link in a campaign message was clicked',
  {
    url: z.url().max(2000).optional(),
  },
);
export type MarketingEmailClickedEvent = z.infer<typeof MarketingEmailClickedEvent>;
/** A campaign message bounced. */
export const MarketingEmailBouncedEvent = marketingEvent(
  'marketing.email_bounced',
  'MarketingEmailBouncedEvent',
  'A campaign message bounced',
  {
    reason: Text(500).optional(),
  },
);
export type MarketingEmailBouncedEvent = z.infer<typeof MarketingEmailBouncedEvent>;

/** The customer unsubscribed from a channel: its opt-in is cleared and the consent log records it. */
export const MarketingUnsubscribedEvent = z
  .strictObject({
    ...EventBase,
    type: z.literal('marketing.unsubscribed'),
    data: z.strictObject({
      ...CampaignFields,
      campaignId: Id('Campaign').optional().meta({ description: 'The campaign the unsubscribe came from, if any' }),
      reason: Text(500).optional(),
    }),
  })
  .meta({
    id: 'MarketingUnsubscribedEvent',
    description: 'Unsubscribed from a channel: clears its opt-in and writes the consent log.',
  });
export type MarketingUnsubscribedEvent = z.infer<typeof MarketingUnsubscribedEvent>;

export const ContactFrequency = z.enum(['immediate', 'daily', 'weekly', 'monthly']);
export type ContactFrequency = z.infer<typeof ContactFrequency>;

const ClockTime = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time HH:MM (00:00–23:59)')
  .meta({ example: '22:00' });

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/**
 * The preference fields a change may give, shared by the `preferences.updated` event's data and
 * the body of PATCH /customers/{id}/preferences (`PreferencesEdit`, which words some descriptions
 * for the API). `null` (quietHours, timezone, language, frequency) clears.
 */
export const PreferenceFields = {
  optIns: z
    .strictObject({ email: z.boolean(), sms: z.boolean(), push: z.boolean(), whatsapp: z.boolean() })
    .partial()
    .optional()
    .meta({ description: 'Opt-in per channel; channels left out keep their value' }),
  quietHours: z
    .strictObject({ start: ClockTime, end: ClockTime })
    .nullable()
    .optional()
    .meta({ description: 'No messages from start to end (may wrap midnight), in `timezone`; null clears' }),
  timezone: z.string().max(64).refine(isTimeZone, 'must be an IANA time zone such as Europe/London').nullable().optional(),
  language: z
    .string()
    .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'must be a language tag such as en or fr-CA')
    .nullable()
    .optional(),
  frequency: ContactFrequency.nullable().optional(),
  reason: Text(500).optional().meta({ description: 'Why consent changed (consent log)' }),
  source: Text(200).optional().meta({ description: 'Where consent changed, e.g. "preference-centre" (consent log)' }),
};

/**
 * Communication preferences; only the given fields change. Every opt-in that changes (or is stated
 * for the first time) is written to the consent log with `reason` and `source`.
 */
export const PreferencesUpdatedEvent = z
  .strictObject({
    ...EventBase,
    type: z.literal('preferences.updated'),
    data: z
      .strictObject({ customerId: CustomerId, ...PreferenceFields })
      .refine((d) => [d.optIns, d.quietHours, d.timezone, d.language, d.frequency].some((v) => v !== undefined), {
        message: 'give at least one of optIns, quietHours, timezone, language, frequency',
      }),
  })
  .meta({
    id: 'PreferencesUpdatedEvent',
    description: 'Communication preferences; only the given fields change; each opt-in change is written to the consent log.',
  });
export type PreferencesUpdatedEvent = z.infer<typeof PreferencesUpdatedEvent>;
