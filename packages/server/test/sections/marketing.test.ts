/**
 * GET /customers/:id/marketing (R5, preferences and consent) over the real app: opt-ins,
 * preferences and quiet hours, the consent log, the last 10 campaigns, email open and click rates
 * over the 365 days up to as-of (checked against a model for random event sequences), last open and
 * click, and segments.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IngestEventInput, MarketingChannel } from '@c360/sdk';
import { expectProblem, openSections, type SectionsFixture } from './helpers.js';

let f: SectionsFixture;
beforeAll(async () => {
  f = await openSections('sec-mkt');
});
afterAll(() => f.sample.close());

type Kind = 'sent' | 'delivered' | 'opened' | 'clicked' | 'bounced';
const TYPE = {
  sent: 'marketing.email_sent',
  delivered: 'marketing.email_delivered',
  opened: 'marketing.email_opened',
  clicked: 'marketing.email_clicked',
  bounced: 'marketing.email_bounced',
} as const;

/** A campaign event of `kind` for `customerId`. */
function campaignEvent(
  customerId: string,
  campaignId: string,
  kind: Kind,
  at: string,
  extra: { campaignName?: string; channel?: MarketingChannel } = {},
): IngestEventInput {
  return f.ev(TYPE[kind], { customerId, campaignId, ...extra }, at);
}

describe('GET /customers/:id/marketing', () => {
  it('a customer without marketing data gets everything off and empty', async () => {
    await f.newCustomer('SEC-MKT0');
    expect(await f.client.getMarketing('SEC-MKT0')).toEqual({
      asOf: '2011-12-09T12:21:00.000Z',
      optIns: { email: false, sms: false, push: false, whatsapp: false },
      preferences: { quietHours: null, timezone: null, language: null, frequency: null, updatedAt: null },
      consentLog: [],
      campaigns: [],
      emailsDelivered: 0,
      emailsOpened: 0,
      emailsClicked: 0,
      openRate: null,
      clickRate: null,
      lastOpenAt: null,
      lastOpenedCampaign: null,
      lastClickAt: null,
      lastClickedCampaign: null,
      segments: [],
    });
  });

  it('computes opt-ins, consent log, campaigns, rates, last open and click, and segments', async () => {
    const id = 'SEC-MKT1';
    const c = { customerId: id };
    await f.newCustomer(id);
    const e = (campaign: string, kind: Kind, at: string, extra?: { campaignName?: string; channel?: MarketingChannel }) =>
      campaignEvent(id, `SEC-MKT1-${campaign}`, kind, at, extra);
    await f.apply(
      f.ev(
        'preferences.updated',
        {
          ...c,
          optIns: { email: true, sms: true },
          quietHours: { start: '22:00', end: '07:00' },
          timezone: 'Europe/London',
          language: 'en',
          frequency: 'weekly',
          reason: 'Signed up',
          source: 'preference-centre',
        },
        '2011-02-01T10:00:00Z',
      ),
      f.ev(
        'preferences.updated',
        { ...c, optIns: { push: true, whatsapp: false }, reason: 'App install', source: 'app' },
        '2011-08-01T10:00:00Z',
      ),
      // In the rate window (2010-12-09T12:21Z, 2011-12-09T12:21Z], email:
      e('C1', 'sent', '2011-03-01T09:00:00Z', { campaignName: 'Spring' }),
      e('C1', 'delivered', '2011-03-01T09:01:00Z'),
      e('C1', 'opened', '2011-03-02T08:00:00Z'),
      e('C1', 'clicked', '2011-03-02T08:01:00Z'), // opened, clicked
      e('C2', 'sent', '2011-06-01T09:00:00Z', { campaignName: 'Summer' }),
      e('C2', 'opened', '2011-06-03T20:00:00Z'), // opened
      e('C3', 'sent', '2011-09-01T09:00:00Z', { campaignName: 'Autumn' }),
      e('C3', 'delivered', '2011-09-01T09:02:00Z'), // delivered only
      e('C9', 'sent', '2011-10-15T09:00:00Z', { campaignName: 'Halloween' }), // delivered only
      e('C4', 'sent', '2011-11-25T09:00:00Z', { campaignName: 'Black Friday' }),
      e('C4', 'bounced', '2011-11-25T09:00:30Z'), // not delivered
      e('C5', 'sent', '2011-12-01T09:00:00Z', { campaignName: 'Christmas' }),
      e('C5', 'clicked', '2011-12-02T19:00:00Z'), // a click implies an open
      // Not in the email rates: SMS, before the window, after as-of.
      e('C7', 'sent', '2011-12-03T09:00:00Z', { campaignName: 'SMS promo', channel: 'sms' }),
      e('C7', 'clicked', '2011-12-04T10:00:00Z', { channel: 'sms' }),
      e('C6', 'sent', '2010-11-01T09:00:00Z', { campaignName: 'Old news' }),
      e('C6', 'opened', '2010-11-02T09:00:00Z'),
      e('C10', 'sent', '2010-10-01T09:00:00Z', { campaignName: 'Older news' }),
      e('C11', 'sent', '2010-09-01T09:00:00Z', { campaignName: 'Oldest news' }),
      e('C8', 'sent', '2011-12-10T09:00:00Z', { campaignName: 'After as-of' }),
      f.ev('marketing.unsubscribed', { ...c, campaignId: 'SEC-MKT1-C3', reason: 'Too many emails' }, '2011-09-02T10:00:00Z'),
    );
    await f.sample.db
      .insertInto('segments')
      .values([
        {
          id: 'SEC-MKT-SEG1',
          name: 'Newsletter readers',
          kind: 'rule',
          criteria: null,
          description: null,
          created_at: '2011-01-01T00:00:00.000Z',
        },
        {
          id: 'SEC-MKT-SEG2',
          name: 'Gift buyers',
          kind: 'manual',
          criteria: null,
          description: null,
          created_at: '2011-01-01T00:00:00.000Z',
        },
      ])
      .execute();
    await f.sample.db
      .insertInto('segment_assignments')
      .values([
        { customer_id: id, segment_id: 'SEC-MKT-SEG1', assigned_at: '2011-05-01T00:00:00.000Z', assigned_by: null, how: 'automatic' },
        {
          customer_id: id,
          segment_id: 'SEC-MKT-SEG2',
          assigned_at: '2011-06-01T00:00:00.000Z',
          assigned_by: 'agent@example.com',
          how: 'manual',
        },
      ])
      .execute();

    const m = await f.client.getMarketing(id);
    expect(m.optIns).toEqual({ email: false, sms: true, push: true, whatsapp: false });
    expect(m.preferences).toEqual({
      quietHours: { start: '22:00', end: '07:00' },
      timezone: 'Europe/London',
      language: 'en',
      frequency: 'weekly',
      updatedAt: '2011-09-02T10:00:00.000Z',
    });
    // Newest first (changes of one event by id, descending); whatsapp was already off, so stating it is no change.
    expect(m.consentLog.map(({ id: _id, ...rest }) => rest)).toEqual([
      {
        channel: 'email',
        granted: false,
        reason: 'Too many emails',
        source: 'campaign:SEC-MKT1-C3',
        occurredAt: '2011-09-02T10:00:00.000Z',
      },
      { channel: 'push', granted: true, reason: 'App install', source: 'app', occurredAt: '2011-08-01T10:00:00.000Z' },
      { channel: 'sms', granted: true, reason: 'Signed up', source: 'preference-centre', occurredAt: '2011-02-01T10:00:00.000Z' },
      { channel: 'email', granted: true, reason: 'Signed up', source: 'preference-centre', occurredAt: '2011-02-01T10:00:00.000Z' },
    ]);
    // 11 campaigns: the 10 newest, by send time (C11, the oldest, is left out).
    expect(m.campaigns.map((x) => [x.name, x.channel, x.sentAt.slice(0, 10), x.opened, x.clicked, x.bounced])).toEqual([
      ['After as-of', 'email', '2011-12-10', false, false, false],
      ['SMS promo', 'sms', '2011-12-03', true, true, false],
      ['Christmas', 'email', '2011-12-01', true, true, false],
      ['Black Friday', 'email', '2011-11-25', false, false, true],
      ['Halloween', 'email', '2011-10-15', false, false, false],
      ['Autumn', 'email', '2011-09-01', false, false, false],
      ['Summer', 'email', '2011-06-01', true, false, false],
      ['Spring', 'email', '2011-03-01', true, true, false],
      ['Old news', 'email', '2010-11-01', true, false, false],
      ['Older news', 'email', '2010-10-01', false, false, false],
    ]);
    // Delivered email in the window: Spring, Summer, Autumn, Halloween, Christmas (Black Friday bounced) = 5;
    // opened: Spring, Summer, Christmas = 3; clicked: Spring, Christmas = 2.
    expect(m).toMatchObject({ emailsDelivered: 5, emailsOpened: 3, emailsClicked: 2, openRate: 3 / 5, clickRate: 2 / 5 });
    expect(m.lastOpenAt).toBe('2011-12-04T10:00:00.000Z'); // the SMS click (a click implies an open)
    expect(m.lastOpenedCampaign).toEqual({ id: 'SEC-MKT1-C7', name: 'SMS promo', channel: 'sms' });
    expect(m.lastClickAt).toBe('2011-12-04T10:00:00.000Z');
    expect(m.lastClickedCampaign).toEqual({ id: 'SEC-MKT1-C7', name: 'SMS promo', channel: 'sms' });
    expect(m.segments).toEqual([
      { id: 'SEC-MKT-SEG2', name: 'Gift buyers', kind: 'manual', assignedAt: '2011-06-01T00:00:00.000Z', how: 'manual' },
      { id: 'SEC-MKT-SEG1', name: 'Newsletter readers', kind: 'rule', assignedAt: '2011-05-01T00:00:00.000Z', how: 'automatic' },
    ]);
  });

  it('the last open is the latest open or click of any campaign', async () => {
    const id = 'SEC-MKT2';
    await f.newCustomer(id);
    await f.apply(
      campaignEvent(id, 'SEC-MKT2-A', 'sent', '2011-11-01T09:00:00Z', { campaignName: 'A' }),
      campaignEvent(id, 'SEC-MKT2-A', 'clicked', '2011-11-01T10:00:00Z'),
      campaignEvent(id, 'SEC-MKT2-B', 'sent', '2011-11-05T09:00:00Z', { campaignName: 'B' }),
      campaignEvent(id, 'SEC-MKT2-B', 'opened', '2011-11-06T09:00:00Z'),
    );
    const m = await f.client.getMarketing(id);
    expect([m.lastOpenAt, m.lastOpenedCampaign?.name, m.lastClickAt, m.lastClickedCampaign?.name]).toEqual([
      '2011-11-06T09:00:00.000Z',
      'B',
      '2011-11-01T10:00:00.000Z',
      'A',
    ]);
    expect([m.openRate, m.clickRate]).toEqual([1, 0.5]);
  });

  it('404 for an unknown customer', async () => {
    await expectProblem(f.client.getMarketing('NO-SUCH-CUSTOMER'), 404, 'Customer not found');
  });
});

describe('open and click rates for any event sequence', () => {
  const asOf = Date.parse('2011-12-09T12:21:00.000Z');
  const windowStart = asOf - 365 * 86_400_000;
  const event = fc.record({
    campaign: fc.nat(3),
    kind: fc.constantFrom<Kind>('sent', 'delivered', 'opened', 'clicked', 'bounced'),
    // From 400 days before as-of to 5 days after, in hours.
    hour: fc.integer({ min: -400 * 24, max: 5 * 24 }),
  });
  let run = 0;

  it('0 ≤ clickRate ≤ openRate ≤ 1, exactly as the documented definition says', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(event, { maxLength: 25 }),
        fc.array(fc.constantFrom<MarketingChannel>('email', 'sms'), { minLength: 4, maxLength: 4 }),
        async (events, channels) => {
          const id = `SEC-MKT-P${++run}`;
          await f.newCustomer(id);
          const at = (hour: number) => new Date(asOf + hour * 3_600_000).toISOString();
          if (events.length) {
            await f.apply(
              ...events.map((e) => campaignEvent(id, `${id}-C${e.campaign}`, e.kind, at(e.hour), { channel: channels[e.campaign]! })),
            );
          }
          // The model: one message per email campaign, events up to as-of only.
          let delivered = 0;
          let opened = 0;
          let clicked = 0;
          for (let campaign = 0; campaign < 4; campaign++) {
            if (channels[campaign] !== 'email') continue;
            const mine = events.filter((e) => e.campaign === campaign && asOf + e.hour * 3_600_000 <= asOf);
            const sends = mine.filter((e) => e.kind === 'sent' || e.kind === 'delivered').map((e) => asOf + e.hour * 3_600_000);
            if (!sends.length) continue;
            const sentAt = Math.min(...sends);
            if (sentAt <= windowStart || sentAt > asOf) continue;
            const wasOpened = mine.some((e) => e.kind === 'opened' || e.kind === 'clicked');
            if (mine.some((e) => e.kind === 'bounced') && !wasOpened) continue;
            delivered += 1;
            if (wasOpened) opened += 1;
            if (mine.some((e) => e.kind === 'clicked')) clicked += 1;
          }
          const m = await f.client.getMarketing(id);
          expect([m.emailsDelivered, m.emailsOpened, m.emailsClicked]).toEqual([delivered, opened, clicked]);
          expect(m.openRate).toBe(delivered ? opened / delivered : null);
          expect(m.clickRate).toBe(delivered ? clicked / delivered : null);
          if (m.openRate !== null && m.clickRate !== null) {
            expect(m.clickRate).toBeGreaterThanOrEqual(0);
            expect(m.clickRate).toBeLessThanOrEqual(m.openRate);
            expect(m.openRate).toBeLessThanOrEqual(1);
          }
        },
      ),
      { numRuns: 40 },
    );
  });
});
