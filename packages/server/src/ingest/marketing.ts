/**
 * Campaign events: `marketing.email_sent|delivered|opened|clicked|bounced` and
 * `marketing.unsubscribed`, on any channel (email, sms, push, whatsapp). Each writes one
 * `marketing_events` row keyed by the event id and upserts its campaign (id, name, channel, first
 * send time). Unsubscribing also clears the channel's opt-in, with a consent log row.
 * @module
 */
import type {
  MarketingChannel,
  MarketingEmailBouncedEvent,
  MarketingEmailClickedEvent,
  MarketingEmailDeliveredEvent,
  MarketingEmailOpenedEvent,
  MarketingEmailSentEvent,
  MarketingUnsubscribedEvent,
} from '@c360/sdk';
import type { Db } from '../db/connect.js';
import type { BatchRows } from './batch-rows.js';
import { updatePreferences } from './preferences.js';
import { clip, eventActivityId, parts, utc, type Applied, type CustomerRef } from './shared.js';

export type MarketingEvent =
  | MarketingEmailSentEvent
  | MarketingEmailDeliveredEvent
  | MarketingEmailOpenedEvent
  | MarketingEmailClickedEvent
  | MarketingEmailBouncedEvent
  | MarketingUnsubscribedEvent;

/** `marketing.email_opened` → `opened`: the `marketing_events.type`. */
const KIND = {
  'marketing.email_sent': 'sent',
  'marketing.email_delivered': 'delivered',
  'marketing.email_opened': 'opened',
  'marketing.email_clicked': 'clicked',
  'marketing.email_bounced': 'bounced',
  'marketing.unsubscribed': 'unsubscribed',
} as const satisfies Record<MarketingEvent['type'], string>;

const MESSAGE: Record<MarketingChannel, string> = { email: 'Email', sms: 'SMS', push: 'Push notification', whatsapp: 'WhatsApp message' };
const UNSUBSCRIBED: Record<MarketingChannel, string> = {
  email: 'emails',
  sms: 'SMS',
  push: 'push notifications',
  whatsapp: 'WhatsApp messages',
};
const VERB = { sent: 'sent', delivered: 'delivered', opened: 'opened', clicked: 'link clicked', bounced: 'bounced' } as const;

export async function applyMarketingEvent(db: Db, event: MarketingEvent, customer: CustomerRef, rows: BatchRows): Promise<Applied> {
  const d = event.data;
  const kind = KIND[event.type];
  const at = utc(event.occurredAt);
  let campaignName: string | null = null;
  if (d.campaignId) {
    rows.campaigns.add(d.campaignId, d.campaignName, d.channel, kind === 'sent' ? at : null);
    // its name now: given here or earlier in the batch, else the stored one (a new campaign is named by its id)
    campaignName =
      rows.campaigns.givenName(d.campaignId) ??
      (await db.selectFrom('campaigns').select('name').where('id', '=', d.campaignId).executeTakeFirst())?.name ??
      d.campaignId;
  }
  rows.insertNew('marketing_events', {
    id: event.id,
    customer_id: customer.id,
    campaign_id: d.campaignId ?? null,
    channel: d.channel,
    type: kind,
    occurred_at: at,
  });

  let title: string;
  let description: string | null;
  if (event.type === 'marketing.unsubscribed') {
    await updatePreferences(
      db,
      customer.id,
      { [d.channel]: false },
      {},
      {
        eventId: event.id,
        at,
        reason: event.data.reason ?? 'unsubscribed',
        source: d.campaignId ? `campaign:${d.campaignId}` : 'unsubscribe',
      },
    );
    title = `Unsubscribed from ${UNSUBSCRIBED[d.channel]}`;
    description = parts(campaignName && `from ${campaignName}`, clip(event.data.reason));
  } else {
    title = `${MESSAGE[d.channel]} ${VERB[kind as keyof typeof VERB]}${campaignName ? `: ${campaignName}` : ''}`;
    description = parts(
      event.type === 'marketing.email_clicked' && event.data.url,
      event.type === 'marketing.email_bounced' && clip(event.data.reason),
    );
  }
  rows.activity(customer.id, {
    id: eventActivityId(event.id),
    type: 'marketing',
    title,
    description,
    occurredAt: at,
    ref: d.campaignId ? { kind: 'campaign', id: d.campaignId } : null,
  });
  return { customerId: customer.id };
}
