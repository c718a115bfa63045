/**
 * GET /customers/:id/marketing (R5, preferences and consent): opt-ins per channel, preferences and
 * quiet hours, the consent log, the last 10 campaigns received, email open and click rates, the last
 * open and click, and the customer's segments.
 *
 * A campaign message is one (customer, campaign) pair, summarised from its `marketing_events`:
 * sent at its earliest `sent`/`delivered` event; opened when it has an `opened` or a `clicked` event
 * (a click implies an open); delivered when sent and not bounced, or opened. Rates count the email
 * messages sent in the 365 days up to as-of, with events up to as-of (see `MarketingEngagement`).
 * @module
 */
import { MARKETING_RATE_WINDOW_DAYS, type ContactFrequency, type MarketingChannel, type MarketingEngagement } from '@c360/sdk';
import { sql } from 'kysely';
import type { Db } from '../db/connect.js';
import { loadSegmentMemberships } from './segment-memberships.js';
import { customerNotFound } from '../core/problem.js';
import { MS_PER_DAY } from '../scoring/clock.js';
import type { ReadContext } from '../core/read-context.js';

const OPENED = sql<number>`max(case when m.type in ('opened', 'clicked') then 1 else 0 end)`;
const CLICKED = sql<number>`max(case when m.type = 'clicked' then 1 else 0 end)`;
const BOUNCED = sql<number>`max(case when m.type = 'bounced' then 1 else 0 end)`;
const SENT_AT = sql<string | null>`min(case when m.type in ('sent', 'delivered') then m.occurred_at end)`;

/** One row per campaign the customer got a message of, optionally from events up to `until` only. */
function messages(db: Db, customerId: string, until?: string) {
  let q = db
    .selectFrom('marketing_events as m')
    .innerJoin('campaigns as c', 'c.id', 'm.campaign_id')
    .select([
      'c.id',
      'c.name',
      'c.channel',
      SENT_AT.as('sent_at'),
      sql<string>`min(m.occurred_at)`.as('first_at'),
      OPENED.as('opened'),
      CLICKED.as('clicked'),
      BOUNCED.as('bounced'),
    ])
    .where('m.customer_id', '=', customerId)
    .where('m.type', '!=', 'unsubscribed');
  if (until) q = q.where('m.occurred_at', '<=', until);
  return q.groupBy(['c.id', 'c.name', 'c.channel']);
}

/** The latest event of one of `types`, with its campaign. */
function latest(db: Db, customerId: string, types: string[]) {
  return db
    .selectFrom('marketing_events as m')
    .innerJoin('campaigns as c', 'c.id', 'm.campaign_id')
    .select(['m.occurred_at', 'c.id', 'c.name', 'c.channel'])
    .where('m.customer_id', '=', customerId)
    .where('m.type', 'in', types)
    .orderBy('m.occurred_at', 'desc')
    .orderBy('m.id', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export async function loadMarketing(ctx: ReadContext, customerId: string): Promise<MarketingEngagement> {
  const { db, asOf } = ctx;
  const end = asOf.toISOString();
  const start = new Date(asOf.getTime() - MARKETING_RATE_WINDOW_DAYS * MS_PER_DAY).toISOString();
  const [customer, prefs, consent, campaigns, rates, lastOpen, lastClick, segments] = await Promise.all([
    db.selectFrom('customers').select('id').where('id', '=', customerId).executeTakeFirst(),
    db.selectFrom('preferences').selectAll().where('customer_id', '=', customerId).executeTakeFirst(),
    db
      .selectFrom('consent_log')
      .selectAll()
      .where('customer_id', '=', customerId)
      .orderBy('occurred_at', 'desc')
      .orderBy('id', 'desc')
      .limit(20)
      .execute(),
    db
      .selectFrom(messages(db, customerId).as('x'))
      .selectAll()
      .orderBy(sql`coalesce(x.sent_at, x.first_at)`, 'desc')
      .orderBy('x.id', 'desc')
      .limit(10)
      .execute(),
    db
      .selectFrom(messages(db, customerId, end).as('x'))
      .select([
        sql<number>`sum(case when x.bounced = 0 or x.opened = 1 then 1 else 0 end)`.as('delivered'),
        sql<number>`sum(x.opened)`.as('opened'),
        sql<number>`sum(x.clicked)`.as('clicked'),
      ])
      .where('x.channel', '=', 'email')
      .where('x.sent_at', '>', start)
      .where('x.sent_at', '<=', end)
      .executeTakeFirst(),
    latest(db, customerId, ['opened', 'clicked']),
    latest(db, customerId, ['clicked']),
    loadSegmentMemberships(db, customerId),
  ]);
  if (!customer) throw customerNotFound(customerId);

  const delivered = Number(rates?.delivered ?? 0);
  const opened = Number(rates?.opened ?? 0);
  const clicked = Number(rates?.clicked ?? 0);
  const ref = (row: typeof lastOpen) => (row ? { id: row.id, name: row.name, channel: row.channel as MarketingChannel } : null);
  return {
    asOf: end,
    optIns: {
      email: prefs?.email_opt_in === 1,
      sms: prefs?.sms_opt_in === 1,
      push: prefs?.push_opt_in === 1,
      whatsapp: prefs?.whatsapp_opt_in === 1,
    },
    preferences: {
      quietHours: prefs?.quiet_hours_start && prefs.quiet_hours_end ? { start: prefs.quiet_hours_start, end: prefs.quiet_hours_end } : null,
      timezone: prefs?.timezone ?? null,
      language: prefs?.language ?? null,
      frequency: (prefs?.frequency ?? null) as ContactFrequency | null,
      updatedAt: prefs?.updated_at ?? null,
    },
    consentLog: consent.map((r) => ({
      id: r.id,
      channel: r.channel as MarketingChannel,
      granted: r.granted === 1,
      reason: r.reason,
      source: r.source,
      occurredAt: r.occurred_at,
    })),
    campaigns: campaigns.map((r) => ({
      id: r.id,
      name: r.name,
      channel: r.channel as MarketingChannel,
      sentAt: r.sent_at ?? r.first_at,
      opened: Number(r.opened) === 1,
      clicked: Number(r.clicked) === 1,
      bounced: Number(r.bounced) === 1,
    })),
    emailsDelivered: delivered,
    emailsOpened: opened,
    emailsClicked: clicked,
    openRate: delivered > 0 ? opened / delivered : null,
    clickRate: delivered > 0 ? clicked / delivered : null,
    lastOpenAt: lastOpen?.occurred_at ?? null,
    lastOpenedCampaign: ref(lastOpen),
    lastClickAt: lastClick?.occurred_at ?? null,
    lastClickedCampaign: ref(lastClick),
    segments,
  };
}
