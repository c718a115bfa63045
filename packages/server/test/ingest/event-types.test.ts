/**
 * Every event type through POST /events on the real app and the real sample: the rows it writes and
 * its timeline entry; orders and refunds as the 360 metrics see them (SPEC §4).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSampleApp, type SampleApp } from '../helpers/sample-db.js';
import { eventMaker, poster, rowsOf, timeline } from './helpers.js';

let sample: SampleApp;
beforeAll(async () => {
  sample = await openSampleApp();
});
afterAll(() => sample.close());

const post = poster(() => sample);
const ev = eventMaker('types');

/** Posts a batch that must apply fully. */
async function apply(...events: unknown[]): Promise<void> {
  const res = await post(events);
  expect(res.body).toEqual({ received: events.length, applied: events.length, duplicates: 0 });
}

async function newCustomer(customerId: string): Promise<void> {
  await apply(ev('customer.upserted', { customerId, name: `Test ${customerId}` }, '2011-01-01T00:00:00.000Z'));
}

const metrics = async (id: string) => (await sample.call(`/customers/${id}/360`)).body.metrics;
const pence = (major: number) => Math.round(major * 100);
const entry = async (customerId: string, id: string) => (await timeline(sample, customerId)).find((e) => e.id === id);

describe('order.placed and order.status_changed', () => {
  it('writes the order, its lines, products and category, with a timeline entry; revenue only once delivered', async () => {
    await newCustomer('ING-ORD');
    await apply(
      ev(
        'order.placed',
        {
          customerId: 'ING-ORD',
          orderId: 'ING-O1',
          number: 'W-1001',
          currency: 'GBP',
          shipping: 4.99,
          lines: [
            { productId: 'ING-P1', description: 'TEA SET', quantity: 2, unitPrice: 12.5, categoryId: 'ING-K1', categoryName: 'Kitchen' },
            { productId: 'ING-P2', quantity: 3, unitPrice: 0.333 },
          ],
        },
        '2011-11-02T10:00:00+01:00',
      ),
    );

    // 2 × 12.5 + 3 × 0.333 = 25.999 → 26.00 (rounded once), + 4.99 shipping.
    expect(await rowsOf(sample.db, 'orders', 'id', 'ING-O1')).toEqual([
      {
        id: 'ING-O1',
        customer_id: 'ING-ORD',
        number: 'W-1001',
        status: 'pending',
        placed_at: '2011-11-02T09:00:00.000Z',
        currency: 'GBP',
        subtotal_minor: 2600,
        shipping_minor: 499,
        total_minor: 3099,
        items_count: 2,
        quantity: 5,
        source: 'events',
      },
    ]);
    const items = await rowsOf(sample.db, 'order_items', 'order_id', 'ING-O1');
    expect(items.map((i) => [i.id, i.product_id, i.quantity, i.unit_price_micros])).toEqual([
      ['ING-O1:1', 'ING-P1', 2, 12_500_000],
      ['ING-O1:2', 'ING-P2', 3, 333_000],
    ]);
    expect(await rowsOf(sample.db, 'products', 'id', 'ING-P1')).toMatchObject([{ name: 'TEA SET', category_id: 'ING-K1', lines_sold: 0 }]);
    expect(await rowsOf(sample.db, 'products', 'id', 'ING-P2')).toMatchObject([{ name: 'ING-P2', category_id: null }]);
    expect(await rowsOf(sample.db, 'categories', 'id', 'ING-K1')).toEqual([{ id: 'ING-K1', name: 'Kitchen', parent_id: null }]);
    expect(await entry('ING-ORD', 'order:ING-O1')).toMatchObject({
      id: 'order:ING-O1',
      type: 'order',
      title: 'Order W-1001',
      description: '2 lines · 5 items · incl. shipping',
      occurredAt: '2011-11-02T09:00:00.000Z',
      amount: 30.99,
      currency: 'GBP',
      ref: { kind: 'order', id: 'ING-O1' },
    });
    expect(await metrics('ING-ORD')).toMatchObject({ totalOrders: 1, completedOrders: 0, lifetimeValue: 0 });

    const delivered = ev(
      'order.status_changed',
      { customerId: 'ING-ORD', orderId: 'ING-O1', status: 'delivered', reason: 'Signed for' },
      '2011-11-04T10:00:00Z',
    );
    await apply(delivered);
    expect((await rowsOf(sample.db, 'orders', 'id', 'ING-O1'))[0].status).toBe('delivered');
    expect(await entry('ING-ORD', `event:${delivered.id}`)).toMatchObject({
      type: 'order',
      title: 'Order W-1001 delivered',
      description: 'Status pending → delivered · Signed for',
      amount: 30.99,
      ref: { kind: 'order', id: 'ING-O1' },
    });
    expect(await metrics('ING-ORD')).toMatchObject({
      totalOrders: 1,
      completedOrders: 1,
      lifetimeValue: 30.99,
      lastPurchaseAt: '2011-11-02T09:00:00.000Z',
    });
    expect(await rowsOf(sample.db, 'products', 'id', 'ING-P1')).toMatchObject([{ lines_sold: 1, units_sold: 2, revenue_minor: 2500 }]);
    const orders = (await sample.call('/customers/ING-ORD/orders')).body;
    expect(orders.orders[0]).toMatchObject({
      id: 'ING-O1',
      number: 'W-1001',
      status: 'delivered',
      total: 30.99,
      itemsCount: 2,
      quantity: 5,
    });
  });

  it("changes a sample customer's lifetime value by exactly the order total", async () => {
    const before = await metrics('17850');
    await apply(
      ev(
        'order.placed',
        { customerId: '17850', orderId: 'ING-O2', currency: 'GBP', lines: [{ productId: '85123A', quantity: 7, unitPrice: 2.55 }] },
        '2011-12-09T09:00:00Z',
      ),
      ev('order.status_changed', { customerId: '17850', orderId: 'ING-O2', status: 'completed' }, '2011-12-09T10:00:00Z'),
    );
    const after = await metrics('17850');
    expect(pence(after.lifetimeValue) - pence(before.lifetimeValue)).toBe(1785);
    expect(after.totalOrders - before.totalOrders).toBe(1);
    expect(after.completedOrders - before.completedOrders).toBe(1);
  });

  it('a status change reaches imported orders: a cancelled order stops counting as revenue', async () => {
    const before = await metrics('17850');
    const total = (await rowsOf(sample.db, 'orders', 'id', '536365'))[0].total_minor;
    await apply(ev('order.status_changed', { customerId: '17850', orderId: '536365', status: 'cancelled' }, '2011-12-09T11:00:00Z'));
    const after = await metrics('17850');
    expect(pence(before.lifetimeValue) - pence(after.lifetimeValue)).toBe(total);
    expect(after.totalOrders).toBe(before.totalOrders);
  });
});

describe('payment.recorded and payment_method.saved', () => {
  it('a refund adds to totalRefunded and never changes lifetimeValue; a charge changes neither', async () => {
    const before = await metrics('17850');
    const refund = ev(
      'payment.recorded',
      {
        customerId: '17850',
        paymentId: 'ING-REF-1',
        kind: 'refund',
        amount: 12.5,
        currency: 'GBP',
        orderId: '536365',
        reason: 'Damaged',
        reference: 'RE-77',
      },
      '2011-12-09T12:00:00Z',
    );
    const charge = ev(
      'payment.recorded',
      { customerId: '17850', paymentId: 'ING-PAY-1', kind: 'charge', status: 'failed', amount: 20, currency: 'GBP' },
      '2011-12-09T12:30:00Z',
    );
    await apply(refund, charge);
    const after = await metrics('17850');
    expect(pence(after.totalRefunded) - pence(before.totalRefunded)).toBe(1250);
    expect(after.lifetimeValue).toBe(before.lifetimeValue);
    expect(await rowsOf(sample.db, 'payments', 'id', 'ING-REF-1')).toEqual([
      {
        id: 'ING-REF-1',
        customer_id: '17850',
        order_id: '536365',
        kind: 'refund',
        status: 'succeeded',
        amount_minor: 1250,
        currency: 'GBP',
        method_id: null,
        reference: 'RE-77',
        occurred_at: '2011-12-09T12:00:00.000Z',
      },
    ]);
    expect(await entry('17850', 'payment:ING-REF-1')).toMatchObject({
      type: 'refund',
      title: 'Refund issued',
      description: 'Order 536365 · Damaged · ref RE-77',
      amount: 12.5,
      currency: 'GBP',
      ref: { kind: 'payment', id: 'ING-REF-1' },
    });
    expect(await entry('17850', 'payment:ING-PAY-1')).toMatchObject({ type: 'payment', title: 'Payment failed', amount: 20 });

    // Recording the same payment again updates it (pending → succeeded), never duplicates it.
    await apply(
      ev(
        'payment.recorded',
        { customerId: '17850', paymentId: 'ING-PAY-1', kind: 'charge', amount: 20, currency: 'GBP' },
        '2011-12-09T12:31:00Z',
      ),
    );
    expect(await rowsOf(sample.db, 'payments', 'id', 'ING-PAY-1')).toMatchObject([{ status: 'succeeded' }]);
    expect(await entry('17850', 'payment:ING-PAY-1')).toMatchObject({ title: 'Payment received' });
  });

  it('saves methods with only the last 4 digits; a new default replaces the old one', async () => {
    await newCustomer('ING-PM');
    const first = ev('payment_method.saved', {
      customerId: 'ING-PM',
      methodId: 'ING-M1',
      type: 'card',
      brand: 'visa',
      last4: '4242',
      expMonth: 4,
      expYear: 2027,
      default: true,
    });
    const second = ev(
      'payment_method.saved',
      { customerId: 'ING-PM', methodId: 'ING-M2', type: 'paypal', default: true },
      '2011-12-02T10:00:00Z',
    );
    await apply(first, second);
    const methods = await rowsOf(sample.db, 'payment_methods', 'customer_id', 'ING-PM');
    expect(methods.map((m) => [m.id, m.type, m.brand, m.last4, m.exp_month, m.exp_year, m.is_default]).sort()).toEqual([
      ['ING-M1', 'card', 'visa', '4242', 4, 2027, 0],
      ['ING-M2', 'paypal', null, null, null, null, 1],
    ]);
    expect(await entry('ING-PM', `event:${first.id}`)).toMatchObject({
      type: 'payment',
      title: 'Payment method added',
      description: 'Visa •••• 4242 · expires 04/2027 · default',
      amount: null,
      ref: { kind: 'payment_method', id: 'ING-M1' },
    });
  });

  it('rejects a full card number anywhere, and any field but the known ones', async () => {
    const pan = await post([
      ev('payment_method.saved', { customerId: 'ING-PM', methodId: 'ING-M3', type: 'card', brand: '4242 4242 4242 4242', last4: '4242' }),
    ]);
    expect(pan.status).toBe(400);
    expect(pan.body.errors).toEqual([{ field: 'body.0.data.brand', message: expect.stringContaining('card number') }]);
    const extra = await post([
      {
        ...ev('payment_method.saved', { customerId: 'ING-PM', methodId: 'ING-M3', type: 'card', last4: '4242' }),
        data: { customerId: 'ING-PM', methodId: 'ING-M3', type: 'card', last4: '4242', number: '4242424242424242' },
      },
    ]);
    expect(extra.status).toBe(400);
    expect(extra.body.errors[0]).toEqual({ field: 'body.0.data.number', message: 'is not a known field' });
    const long = await post([
      ev('payment_method.saved', { customerId: 'ING-PM', methodId: 'ING-M3', type: 'card', last4: '4242424242424242' }),
    ]);
    expect(long.body.errors[0].field).toBe('body.0.data.last4');
    expect(await rowsOf(sample.db, 'payment_methods', 'id', 'ING-M3')).toEqual([]);
  });
});

describe('ticket.opened and ticket.updated', () => {
  it('opens, resolves (with CSAT, NPS and a comment) and reopens a ticket', async () => {
    await newCustomer('ING-TK');
    const opened = ev(
      'ticket.opened',
      {
        customerId: 'ING-TK',
        ticketId: 'ING-T1',
        subject: 'Broken cup',
        priority: 'high',
        channel: 'email',
        description: 'One cup arrived broken',
      },
      '2011-12-01T09:00:00Z',
    );
    await apply(opened);
    expect(await rowsOf(sample.db, 'tickets', 'id', 'ING-T1')).toEqual([
      {
        id: 'ING-T1',
        customer_id: 'ING-TK',
        subject: 'Broken cup',
        status: 'open',
        priority: 'high',
        channel: 'email',
        created_at: '2011-12-01T09:00:00.000Z',
        resolved_at: null,
        csat: null,
        nps: null,
      },
    ]);
    expect(await entry('ING-TK', 'ticket:ING-T1')).toMatchObject({
      type: 'ticket',
      title: 'Ticket opened: Broken cup',
      description: 'high priority · via email · One cup arrived broken',
      ref: { kind: 'ticket', id: 'ING-T1' },
    });

    const resolved = ev(
      'ticket.updated',
      { customerId: 'ING-TK', ticketId: 'ING-T1', status: 'resolved', csat: 4, nps: 9, comment: 'Sent a new cup', actor: 'agent:ann' },
      '2011-12-02T15:30:00Z',
    );
    await apply(resolved);
    expect(await rowsOf(sample.db, 'tickets', 'id', 'ING-T1')).toMatchObject([
      { status: 'resolved', resolved_at: '2011-12-02T15:30:00.000Z', csat: 4, nps: 9 },
    ]);
    const events = await rowsOf(sample.db, 'ticket_events', 'ticket_id', 'ING-T1');
    expect(events.map((e) => [e.type, e.body, e.actor]).sort()).toEqual([
      ['comment', 'Sent a new cup', 'agent:ann'],
      ['opened', 'One cup arrived broken', null],
      ['rating', 'CSAT 4/5 · NPS 9/10', 'agent:ann'],
      ['status_changed', 'open → resolved', 'agent:ann'],
    ]);
    expect(await entry('ING-TK', `event:${resolved.id}`)).toMatchObject({
      type: 'ticket',
      title: 'Ticket resolved: Broken cup',
      description: 'open → resolved · CSAT 4/5 · NPS 9/10 · Sent a new cup',
    });

    const reopened = ev('ticket.updated', { customerId: 'ING-TK', ticketId: 'ING-T1', status: 'in_progress' }, '2011-12-03T08:00:00Z');
    await apply(reopened);
    expect(await rowsOf(sample.db, 'tickets', 'id', 'ING-T1')).toMatchObject([{ status: 'in_progress', resolved_at: null, csat: 4 }]);
    expect(await entry('ING-TK', `event:${reopened.id}`)).toMatchObject({ title: 'Ticket reopened: Broken cup' });
    const support = (await sample.call('/customers/ING-TK/360')).body.flags;
    expect(support.hasOpenTickets).toBe(true);
  });
});

describe('loyalty and referrals', () => {
  it('enrols, earns, redeems and changes tier, keeping balance and lifetime points', async () => {
    await newCustomer('ING-LOY');
    const enrolled = ev('loyalty.enrolled', { customerId: 'ING-LOY', tier: 'silver', referralCode: 'ADA-2011' }, '2011-12-01T09:00:00Z');
    const earned = ev(
      'loyalty.points_earned',
      { customerId: 'ING-LOY', points: 300, reason: 'Order W-1', expiresAt: '2012-12-01T00:00:00Z' },
      '2011-12-02T09:00:00Z',
    );
    const redeemed = ev('loyalty.points_redeemed', { customerId: 'ING-LOY', points: 120, reason: 'Voucher' }, '2011-12-03T09:00:00Z');
    const tier = ev('loyalty.tier_changed', { customerId: 'ING-LOY', tier: 'gold', reason: 'Spent £1,000' }, '2011-12-04T09:00:00Z');
    await apply(enrolled, earned, redeemed, tier);

    expect(await rowsOf(sample.db, 'loyalty_accounts', 'customer_id', 'ING-LOY')).toEqual([
      {
        customer_id: 'ING-LOY',
        tier: 'gold',
        points_balance: 180,
        lifetime_points: 300,
        referral_code: 'ADA-2011',
        enrolled_at: '2011-12-01T09:00:00.000Z',
      },
    ]);
    const txs = await rowsOf(sample.db, 'loyalty_transactions', 'customer_id', 'ING-LOY');
    expect(txs.map((t) => [t.id, t.kind, t.points, t.reason, t.expires_at]).sort()).toEqual([
      [earned.id, 'earn', 300, 'Order W-1', '2012-12-01T00:00:00.000Z'],
      [redeemed.id, 'redeem', -120, 'Voucher', null],
    ]);
    const line = await timeline(sample, 'ING-LOY');
    const byId = (id: string) => line.find((e) => e.id === `event:${id}`);
    expect(byId(enrolled.id)).toMatchObject({
      type: 'loyalty',
      title: 'Joined the loyalty programme',
      description: 'Silver tier · referral code ADA-2011',
    });
    expect(byId(earned.id)).toMatchObject({
      type: 'loyalty',
      title: 'Earned 300 points',
      description: 'Order W-1 · expire 2012-12-01 · balance 300',
    });
    expect(byId(redeemed.id)).toMatchObject({ type: 'loyalty', title: 'Redeemed 120 points', description: 'Voucher · balance 180' });
    expect(byId(tier.id)).toMatchObject({ type: 'loyalty', title: 'Tier upgraded to Gold', description: 'was Silver · Spent £1,000' });
  });

  it('earning enrols a customer who was not enrolled; referrals point at the referred customer', async () => {
    await newCustomer('ING-LOY2');
    const referral = ev(
      'referral.recorded',
      { customerId: 'ING-LOY2', referralId: 'ING-RF1', referredCustomerId: '17850' },
      '2011-12-05T09:00:00Z',
    );
    await apply(ev('loyalty.points_earned', { customerId: 'ING-LOY2', points: 50 }), referral);
    expect(await rowsOf(sample.db, 'loyalty_accounts', 'customer_id', 'ING-LOY2')).toMatchObject([
      { tier: 'bronze', points_balance: 50, lifetime_points: 50 },
    ]);
    expect(await rowsOf(sample.db, 'referrals', 'id', 'ING-RF1')).toEqual([
      { id: 'ING-RF1', referrer_id: 'ING-LOY2', referred_customer_id: '17850', created_at: '2011-12-05T09:00:00.000Z' },
    ]);
    const name = (await rowsOf(sample.db, 'customers', 'id', '17850'))[0].name;
    expect(await entry('ING-LOY2', `event:${referral.id}`)).toMatchObject({
      type: 'loyalty',
      title: 'Referred a new customer',
      description: `${name} (17850)`,
      ref: { kind: 'customer', id: '17850' },
    });
  });
});

describe('marketing events and preferences', () => {
  it('records each campaign interaction, names the campaign, and unsubscribing clears the opt-in with a consent log row', async () => {
    await newCustomer('ING-MKT');
    const c = { customerId: 'ING-MKT', campaignId: 'ING-XMAS' };
    const batch = [
      ev('preferences.updated', { customerId: 'ING-MKT', optIns: { email: true, sms: false }, source: 'signup' }, '2011-11-30T09:00:00Z'),
      ev('marketing.email_sent', { ...c, campaignName: 'Christmas gifts' }, '2011-12-01T07:00:00Z'),
      ev('marketing.email_delivered', c, '2011-12-01T07:01:00Z'),
      ev('marketing.email_opened', c, '2011-12-01T08:00:00Z'),
      ev('marketing.email_clicked', { ...c, url: 'https://shop.example.com/xmas' }, '2011-12-01T08:01:00Z'),
      ev(
        'marketing.email_bounced',
        { customerId: 'ING-MKT', campaignId: 'ING-SMS', campaignName: 'Flash sale', channel: 'sms', reason: 'Unknown number' },
        '2011-12-02T08:00:00Z',
      ),
      ev('marketing.unsubscribed', { ...c, reason: 'Too many emails' }, '2011-12-03T08:00:00Z'),
    ];
    await apply(...batch);
    expect(await rowsOf(sample.db, 'campaigns', 'id', 'ING-XMAS')).toEqual([
      { id: 'ING-XMAS', name: 'Christmas gifts', channel: 'email', sent_at: '2011-12-01T07:00:00.000Z' },
    ]);
    expect(await rowsOf(sample.db, 'campaigns', 'id', 'ING-SMS')).toEqual([
      { id: 'ING-SMS', name: 'Flash sale', channel: 'sms', sent_at: null },
    ]);
    const events = await rowsOf(sample.db, 'marketing_events', 'customer_id', 'ING-MKT');
    expect(events.map((e) => `${e.channel}:${e.type}:${e.campaign_id}`).sort()).toEqual([
      'email:clicked:ING-XMAS',
      'email:delivered:ING-XMAS',
      'email:opened:ING-XMAS',
      'email:sent:ING-XMAS',
      'email:unsubscribed:ING-XMAS',
      'sms:bounced:ING-SMS',
    ]);
    expect(await rowsOf(sample.db, 'preferences', 'customer_id', 'ING-MKT')).toMatchObject([{ email_opt_in: 0, sms_opt_in: 0 }]);
    const consent = await rowsOf(sample.db, 'consent_log', 'customer_id', 'ING-MKT');
    expect(consent.map((r) => [r.channel, r.granted, r.reason, r.source, r.occurred_at]).sort()).toEqual([
      ['email', 0, 'Too many emails', 'campaign:ING-XMAS', '2011-12-03T08:00:00.000Z'],
      ['email', 1, null, 'signup', '2011-11-30T09:00:00.000Z'],
      ['sms', 0, null, 'signup', '2011-11-30T09:00:00.000Z'],
    ]);
    const titles = (await timeline(sample, 'ING-MKT')).filter((e) => e.type === 'marketing').map((e) => [e.title, e.description]);
    expect(titles).toEqual([
      ['Unsubscribed from emails', 'from Christmas gifts · Too many emails'],
      ['SMS bounced: Flash sale', 'Unknown number'],
      ['Email link clicked: Christmas gifts', 'https://shop.example.com/xmas'],
      ['Email opened: Christmas gifts', null],
      ['Email delivered: Christmas gifts', null],
      ['Email sent: Christmas gifts', null],
      ['Communication preferences updated', 'Email opted in · SMS opted out'],
    ]);
  });

  it('preferences: only given fields change; only opt-in changes are logged', async () => {
    await newCustomer('ING-PREF');
    const first = ev('preferences.updated', {
      customerId: 'ING-PREF',
      optIns: { email: true, push: true },
      quietHours: { start: '22:00', end: '07:00' },
      timezone: 'Europe/Paris',
      language: 'fr',
      frequency: 'weekly',
      reason: 'Preference centre',
      source: 'web',
    });
    const second = ev(
      'preferences.updated',
      { customerId: 'ING-PREF', optIns: { email: true, push: false }, quietHours: null },
      '2011-12-02T10:00:00Z',
    );
    await apply(first, second);
    expect(await rowsOf(sample.db, 'preferences', 'customer_id', 'ING-PREF')).toEqual([
      {
        customer_id: 'ING-PREF',
        email_opt_in: 1,
        sms_opt_in: 0,
        push_opt_in: 0,
        whatsapp_opt_in: 0,
        quiet_hours_start: null,
        quiet_hours_end: null,
        timezone: 'Europe/Paris',
        language: 'fr',
        frequency: 'weekly',
        updated_at: '2011-12-02T10:00:00.000Z',
      },
    ]);
    const consent = await rowsOf(sample.db, 'consent_log', 'customer_id', 'ING-PREF');
    expect(consent.map((r) => [r.id, r.granted, r.reason, r.source]).sort()).toEqual([
      [`${first.id}:email`, 1, 'Preference centre', 'web'],
      [`${first.id}:push`, 1, 'Preference centre', 'web'],
      [`${second.id}:push`, 0, null, null],
    ]);
    expect(await entry('ING-PREF', `event:${first.id}`)).toMatchObject({
      type: 'marketing',
      title: 'Communication preferences updated',
      description:
        'Email opted in · Push opted in · quiet hours 22:00–07:00 · time zone Europe/Paris · language fr · Weekly messages · Preference centre',
    });
    expect(await entry('ING-PREF', `event:${second.id}`)).toMatchObject({ description: 'Push opted out · no quiet hours' });
  });
});

describe('session.started and product.viewed', () => {
  it('records visits and product views, creating products and categories', async () => {
    await newCustomer('ING-WEB');
    const session = ev(
      'session.started',
      { customerId: 'ING-WEB', sessionId: 'ING-S1', device: 'tablet', durationSeconds: 725, source: 'newsletter' },
      '2011-12-01T20:00:00Z',
    );
    const view = ev(
      'product.viewed',
      {
        customerId: 'ING-WEB',
        productId: 'ING-P9',
        productName: 'CAKE STAND',
        categoryId: 'ING-K9',
        categoryName: 'Baking',
        sessionId: 'ING-S1',
      },
      '2011-12-01T20:02:00Z',
    );
    await apply(session, view);
    expect(await rowsOf(sample.db, 'sessions', 'id', 'ING-S1')).toEqual([
      {
        id: 'ING-S1',
        customer_id: 'ING-WEB',
        started_at: '2011-12-01T20:00:00.000Z',
        duration_seconds: 725,
        device: 'tablet',
        source: 'newsletter',
      },
    ]);
    expect(await rowsOf(sample.db, 'page_views', 'customer_id', 'ING-WEB')).toEqual([
      {
        id: view.id,
        session_id: 'ING-S1',
        customer_id: 'ING-WEB',
        category_id: 'ING-K9',
        product_id: 'ING-P9',
        occurred_at: '2011-12-01T20:02:00.000Z',
      },
    ]);
    expect(await rowsOf(sample.db, 'products', 'id', 'ING-P9')).toMatchObject([
      { name: 'CAKE STAND', category_id: 'ING-K9', currency: 'GBP' },
    ]);
    expect(await rowsOf(sample.db, 'categories', 'id', 'ING-K9')).toEqual([{ id: 'ING-K9', name: 'Baking', parent_id: null }]);
    expect(await entry('ING-WEB', 'session:ING-S1')).toMatchObject({
      type: 'session',
      title: 'Visited the shop on tablet',
      description: '12 min · from newsletter',
      ref: { kind: 'session', id: 'ING-S1' },
    });
    expect(await entry('ING-WEB', `event:${view.id}`)).toMatchObject({
      type: 'session',
      title: 'Viewed CAKE STAND',
      description: 'in Baking',
      ref: { kind: 'product', id: 'ING-P9' },
    });

    // A view of a known product keeps its category; the session sent again with its final duration updates it.
    await apply(
      ev('product.viewed', { customerId: 'ING-WEB', productId: 'ING-P9' }, '2011-12-01T20:05:00Z'),
      ev(
        'session.started',
        { customerId: 'ING-WEB', sessionId: 'ING-S1', device: 'tablet', durationSeconds: 1800 },
        '2011-12-01T20:00:00Z',
      ),
    );
    expect((await rowsOf(sample.db, 'page_views', 'customer_id', 'ING-WEB')).map((v) => v.category_id)).toEqual(['ING-K9', 'ING-K9']);
    expect(await rowsOf(sample.db, 'sessions', 'customer_id', 'ING-WEB')).toMatchObject([{ duration_seconds: 1800 }]);
    expect((await timeline(sample, 'ING-WEB')).filter((e) => e.id === 'session:ING-S1')).toHaveLength(1);
  });
});
