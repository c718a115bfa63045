/**
 * Demo campaigns: a dozen over 2011 (eleven emails and one SMS). Each goes to its audience (all,
 * or half for interest-based lists) among the customers registered and opted in on that channel at
 * send time: sent, then delivered or bounced; opened
 * with the customer's own propensity (about 20% of sent overall) and clicked by a few of those who
 * open (about 3% of sent); a few unsubscribe from a message they opened. Hard-bounced addresses
 * are suppressed from later sends. Returns the visits that clicks open.
 * @module
 */
import type { CampaignVisit } from './behaviour.js';
import type { DemoContext, DemoCustomer, EventLog } from './facts.js';
import type { OptInHistory } from './preferences.js';
import { DAY, HOUR, MINUTE, rngFor } from './random.js';

export interface DemoCampaign {
  id: string;
  name: string;
  channel: 'email' | 'sms';
  /** Send day, UTC. */
  date: string;
  /** How much more (or less) it is opened than the customer's usual. */
  appeal: number;
  /** Share of opted-in customers it targets (interest-based lists get half). */
  audience: number;
}

/** The demo's campaigns, oldest first. */
export const DEMO_CAMPAIGNS: readonly DemoCampaign[] = [
  {
    id: 'demo-2011-01-clearance',
    name: 'January clearance: up to 40% off',
    channel: 'email',
    date: '2011-01-12',
    appeal: 1.1,
    audience: 1,
  },
  { id: 'demo-2011-02-spring-preview', name: 'Spring gift-ware preview', channel: 'email', date: '2011-02-09', appeal: 1.0, audience: 0.5 },
  { id: 'demo-2011-03-easter', name: 'Easter & garden collection', channel: 'email', date: '2011-03-16', appeal: 0.9, audience: 0.5 },
  {
    id: 'demo-2011-05-summer-party',
    name: 'Summer party & picnic range',
    channel: 'email',
    date: '2011-05-11',
    appeal: 0.85,
    audience: 0.5,
  },
  {
    id: 'demo-2011-06-price-list',
    name: 'Wholesale price list: summer update',
    channel: 'email',
    date: '2011-06-15',
    appeal: 1.15,
    audience: 1,
  },
  {
    id: 'demo-2011-07-back-to-school',
    name: 'Back to school: lunch bags & stationery',
    channel: 'email',
    date: '2011-07-13',
    appeal: 0.8,
    audience: 0.5,
  },
  { id: 'demo-2011-08-autumn-decor', name: 'Autumn home décor preview', channel: 'email', date: '2011-08-17', appeal: 0.95, audience: 0.5 },
  {
    id: 'demo-2011-09-christmas-catalogue',
    name: 'Christmas trade catalogue 2011',
    channel: 'email',
    date: '2011-09-14',
    appeal: 1.35,
    audience: 1,
  },
  { id: 'demo-2011-10-halloween', name: 'Halloween & bonfire night', channel: 'email', date: '2011-10-12', appeal: 0.8, audience: 0.5 },
  {
    id: 'demo-2011-10-restock',
    name: 'Christmas best-sellers back in stock',
    channel: 'email',
    date: '2011-10-26',
    appeal: 1.1,
    audience: 0.5,
  },
  {
    id: 'demo-2011-11-last-orders',
    name: 'Last order dates for Christmas delivery',
    channel: 'email',
    date: '2011-11-16',
    appeal: 1.2,
    audience: 1,
  },
  {
    id: 'demo-2011-12-sms-reminder',
    name: 'Christmas last-order reminder (SMS)',
    channel: 'sms',
    date: '2011-12-05',
    appeal: 1,
    audience: 1,
  },
];

const UNSUBSCRIBE_REASONS = [
  'Too many emails',
  'No longer relevant to our shop',
  'We receive these at another address',
  'Shop closing down',
];

export function marketingEvents(log: EventLog, customer: DemoCustomer, ctx: DemoContext, optIns: OptInHistory): CampaignVisit[] {
  const rng = rngFor(customer.id, 'marketing');
  const visits: CampaignVisit[] = [];
  const c = { customerId: customer.id };
  // How often this customer opens: rarely, sometimes or often; and clicks once opened.
  const style = rng.weighted({ rarely: 30, sometimes: 45, often: 25 });
  const openRate = style === 'rarely' ? rng.between(0.02, 0.08) : style === 'sometimes' ? rng.between(0.12, 0.3) : rng.between(0.3, 0.5);
  const clickRate = rng.between(0.06, 0.24);
  const badAddress = rng.chance(0.03);
  const lastOrder = customer.orders.at(-1)?.at ?? customer.registeredAt;
  let suppressed = false;
  let unsubscribed = false;

  for (const campaign of DEMO_CAMPAIGNS) {
    const sentAt = Date.parse(`${campaign.date}T07:00:00Z`) + rng.int(0, 90) * MINUTE + rng.int(0, 59) * 1000;
    const targeted = rng.chance(campaign.audience);
    if (!targeted || sentAt < customer.registeredAt + DAY || !log.happened(sentAt) || !optIns.at(campaign.channel, sentAt)) continue;
    const ref = { ...c, campaignId: campaign.id, campaignName: campaign.name, channel: campaign.channel };
    const id = { ...c, campaignId: campaign.id, channel: campaign.channel };
    if (campaign.channel === 'email' && (suppressed || unsubscribed)) continue;
    log.add('sent', 'marketing.email_sent', sentAt, ref);
    if (campaign.channel === 'email' && (badAddress || rng.chance(0.015))) {
      const hard = badAddress;
      log.add('bounced', 'marketing.email_bounced', sentAt + rng.int(1, 5) * MINUTE, {
        ...id,
        reason: hard ? '550 5.1.1 Mailbox does not exist' : '452 4.2.2 Mailbox full',
      });
      suppressed ||= hard;
      continue;
    }
    const deliveredAt = sentAt + rng.int(1, 4) * MINUTE;
    if (!log.happened(deliveredAt)) continue;
    log.add('delivered', 'marketing.email_delivered', deliveredAt, id);

    if (campaign.channel === 'sms') {
      const clickAt = deliveredAt + rng.logNormal(40 * MINUTE, 1);
      if (rng.chance(0.08) && log.happened(clickAt + HOUR)) {
        log.add('clicked', 'marketing.email_clicked', clickAt, { ...id, url: `https://shop.example.com/c/${campaign.id}?utm_medium=sms` });
        visits.push({ at: clickAt, source: 'sms' });
      }
      continue;
    }
    // Customers who stopped buying open less.
    const lapsed = sentAt > lastOrder + 120 * DAY ? 0.6 : 1;
    const openedAt = deliveredAt + Math.min(5 * DAY, rng.logNormal(3 * HOUR, 1.2));
    if (!rng.chance(openRate * campaign.appeal * lapsed) || !log.happened(openedAt)) continue;
    log.add('opened', 'marketing.email_opened', openedAt, id);
    const clickAt = openedAt + rng.logNormal(2 * MINUTE, 0.8);
    if (rng.chance(clickRate) && log.happened(clickAt + HOUR)) {
      log.add('clicked', 'marketing.email_clicked', clickAt, { ...id, url: `https://shop.example.com/c/${campaign.id}?utm_medium=email` });
      visits.push({ at: clickAt, source: 'newsletter' });
    } else if (rng.chance(0.035)) {
      const at = openedAt + rng.int(1, 10) * MINUTE;
      if (!log.happened(at)) continue;
      log.add('unsubscribed', 'marketing.unsubscribed', at, { ...id, reason: rng.pick(UNSUBSCRIBE_REASONS) });
      unsubscribed = true;
    }
  }
  return visits;
}
