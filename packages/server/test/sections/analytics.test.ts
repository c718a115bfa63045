/**
 * GET /customers/:id/analytics (R10, CLV and CSAT trends) over the real app: viewed and purchased
 * categories, sessions by device, the weekday × hour heat map (UTC), the cumulative CLV by month and
 * the CSAT by month; on the Online Retail sample, products instead of categories, and the heat map and
 * CLV trend agree with the 360 metrics.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BehaviorAnalytics, type IngestEventInput, type OrderStatus } from '@c360/sdk';
import { clvTrend, nextMonth, weekdayMondayFirst } from '../../src/read/analytics.js';
import { expectProblem, openSections, type SectionsFixture } from './helpers.js';

let f: SectionsFixture;
let sampleIds: string[];
beforeAll(async () => {
  f = await openSections('sec-ana');
  sampleIds = (await f.sample.db.selectFrom('customers').select('id').orderBy('id').execute()).map((r) => r.id);
});
afterAll(() => f.sample.close());

/** A 7 × 24 matrix of zeros with the given cells set. */
function heatMap(cells: Array<[weekday: number, hour: number, count: number]>): number[][] {
  const m = Array.from({ length: 7 }, () => Array.from({ length: 24 }, () => 0));
  for (const [d, h, n] of cells) m[d]![h] = n;
  return m;
}

describe('GET /customers/:id/analytics', () => {
  it('computes every figure for a known event history', async () => {
    const c = { customerId: 'SEC-ANA1' };
    const { ev } = f;
    await f.newCustomer(c.customerId);
    const line = (productId: string, quantity: number, unitPrice: number, category?: [string, string]) => ({
      productId,
      description: `Product ${productId}`,
      quantity,
      unitPrice,
      ...(category ? { categoryId: category[0], categoryName: category[1] } : {}),
    });
    const kitchen: [string, string] = ['SEC-K1', 'Kitchen'];
    const garden: [string, string] = ['SEC-K2', 'Garden'];
    const order = (orderId: string, status: OrderStatus, at: string, lines: ReturnType<typeof line>[]) =>
      ev('order.placed', { ...c, orderId, status, currency: 'GBP', lines }, at);
    const view = (productId: string, category: [string, string] | null, at: string) =>
      ev('product.viewed', { ...c, productId, ...(category ? { categoryId: category[0], categoryName: category[1] } : {}) }, at);
    await f.apply(
      // 2011-09-05 is a Monday, 2011-10-15 a Saturday, 2011-11-20 a Sunday.
      order('SEC-O1', 'completed', '2011-09-05T09:15:00Z', [line('SEC-PA', 2, 10, kitchen), line('SEC-PB', 1, 5, garden)]), // 25.00
      order('SEC-O2', 'completed', '2011-09-05T09:45:00Z', [line('SEC-PA', 3, 10)]), // 30.00
      order('SEC-O3', 'delivered', '2011-10-15T18:00:00Z', [line('SEC-PC', 4, 2.5, garden), line('SEC-PD', 10, 1)]), // 20.00, SEC-PD uncategorised
      order('SEC-O4', 'cancelled', '2011-11-20T23:30:00Z', [line('SEC-PB', 100, 5)]), // never counts
      order('SEC-O5', 'completed', '2011-11-21T00:10:00+01:00', [line('SEC-PB', 1, 7.99)]), // 23:10 UTC on Sunday; 7.99
      order('SEC-O6', 'pending', '2011-12-01T12:00:00Z', [line('SEC-PA', 1, 10)]), // not completed
      ev('session.started', { ...c, sessionId: 'SEC-S1', device: 'desktop', durationSeconds: 600 }, '2011-09-01T10:00:00Z'),
      ev('session.started', { ...c, sessionId: 'SEC-S2', device: 'mobile', durationSeconds: 300 }, '2011-09-02T10:00:00Z'),
      ev('session.started', { ...c, sessionId: 'SEC-S3', device: 'mobile', durationSeconds: 120 }, '2011-09-03T10:00:00Z'),
      ev('session.started', { ...c, sessionId: 'SEC-S4', device: 'tablet', durationSeconds: 61 }, '2011-09-04T10:00:00Z'),
      view('SEC-PA', kitchen, '2011-09-01T10:01:00Z'),
      view('SEC-PA', kitchen, '2011-09-01T10:02:00Z'),
      view('SEC-PA', kitchen, '2011-09-02T10:01:00Z'),
      view('SEC-PE', ['SEC-K3', 'Lighting'], '2011-09-02T10:02:00Z'),
      view('SEC-PE', ['SEC-K3', 'Lighting'], '2011-09-03T10:02:00Z'),
      view('SEC-PC', garden, '2011-09-03T10:03:00Z'),
      view('SEC-PF', ['SEC-K4', 'Toys'], '2011-09-03T10:04:00Z'),
      view('SEC-PG', ['SEC-K5', 'Books'], '2011-09-03T10:05:00Z'),
      view('SEC-PH', ['SEC-K6', 'Art'], '2011-09-03T10:06:00Z'),
      view('SEC-PD', null, '2011-09-03T10:07:00Z'),
      // CSAT by month of resolution (creation when unresolved).
      ev('ticket.opened', { ...c, ticketId: 'SEC-AT1', subject: 'A' }, '2011-10-03T10:00:00Z'),
      ev('ticket.updated', { ...c, ticketId: 'SEC-AT1', status: 'resolved', csat: 5 }, '2011-10-04T10:00:00Z'),
      ev('ticket.opened', { ...c, ticketId: 'SEC-AT2', subject: 'B' }, '2011-10-20T10:00:00Z'),
      ev('ticket.updated', { ...c, ticketId: 'SEC-AT2', status: 'resolved', csat: 2 }, '2011-11-02T10:00:00Z'),
      ev('ticket.opened', { ...c, ticketId: 'SEC-AT3', subject: 'C' }, '2011-11-10T10:00:00Z'),
      ev('ticket.updated', { ...c, ticketId: 'SEC-AT3', status: 'resolved', csat: 4 }, '2011-11-11T10:00:00Z'),
      ev('ticket.opened', { ...c, ticketId: 'SEC-AT4', subject: 'D' }, '2011-12-01T10:00:00Z'),
      ev('ticket.updated', { ...c, ticketId: 'SEC-AT4', csat: 3 }, '2011-12-01T11:00:00Z'),
      ev('ticket.opened', { ...c, ticketId: 'SEC-AT5', subject: 'E' }, '2011-12-02T10:00:00Z'),
    );

    const analytics = await f.client.getAnalytics('SEC-ANA1');
    expect(analytics).toEqual({
      asOf: '2011-12-09T12:21:00.000Z',
      currency: 'GBP',
      // Kitchen 3, Lighting 2, then the ties of 1 by name (Toys is the sixth).
      topViewedCategories: [
        { id: 'SEC-K1', name: 'Kitchen', count: 3 },
        { id: 'SEC-K3', name: 'Lighting', count: 2 },
        { id: 'SEC-K6', name: 'Art', count: 1 },
        { id: 'SEC-K5', name: 'Books', count: 1 },
        { id: 'SEC-K2', name: 'Garden', count: 1 },
      ],
      // Garden: 1 (O1) + 4 (O3) + 1 (O5) in 3 orders; Kitchen: 2 + 3 in 2 orders; uncategorised SEC-PD is left out.
      topPurchased: {
        basis: 'category',
        items: [
          { id: 'SEC-K2', name: 'Garden', quantity: 6, orders: 3 },
          { id: 'SEC-K1', name: 'Kitchen', quantity: 5, orders: 2 },
        ],
      },
      sessions: 4,
      averageDurationSeconds: 270, // 1081 / 4 = 270.25
      deviceBreakdown: [
        { device: 'desktop', sessions: 1, share: 0.25 },
        { device: 'mobile', sessions: 2, share: 0.5 },
        { device: 'tablet', sessions: 1, share: 0.25 },
      ],
      shoppingTimes: heatMap([
        [0, 9, 2],
        [5, 18, 1],
        [6, 23, 1],
      ]),
      clvTrend: [
        { month: '2011-09', value: 55, added: 55 },
        { month: '2011-10', value: 75, added: 20 },
        { month: '2011-11', value: 82.99, added: 7.99 },
        { month: '2011-12', value: 82.99, added: 0 },
      ],
      csatTrend: [
        { month: '2011-10', average: 5, responses: 1 },
        { month: '2011-11', average: 3, responses: 2 },
        { month: '2011-12', average: 3, responses: 1 },
      ],
    });
    expect(BehaviorAnalytics.parse(analytics)).toEqual(analytics);
    const metrics = (await f.client.getCustomer360('SEC-ANA1')).metrics;
    expect(metrics.lifetimeValue).toBe(82.99);
    expect(analytics.shoppingTimes.flat().reduce((a, b) => a + b, 0)).toBe(metrics.completedOrders);
  });

  it('a sample customer: heat map total = completed orders, CLV trend from the first order month to as-of ending at lifetimeValue', async () => {
    const [analytics, view] = await Promise.all([f.client.getAnalytics('17850'), f.client.getCustomer360('17850')]);
    expect(analytics.topPurchased.items.length).toBeGreaterThan(0);
    const quantities = analytics.topPurchased.items.map((i) => i.quantity);
    expect(quantities).toEqual([...quantities].sort((a, b) => b - a));
    expect(analytics.shoppingTimes.flat().reduce((a, b) => a + b, 0)).toBe(view.metrics.completedOrders);
    expect(analytics.clvTrend.at(-1)).toMatchObject({ month: '2011-12', value: view.metrics.lifetimeValue });
    expect(analytics.clvTrend[0]!.month).toBe(view.metrics.firstOrderAt!.slice(0, 7));
  });

  it('without categorised products (as in Online Retail) the top purchases are products by quantity', async () => {
    const c = { customerId: 'SEC-ANA2' };
    await f.newCustomer(c.customerId);
    const lines = [
      { productId: 'SEC-PU1', description: 'WHITE HANGING HEART T-LIGHT HOLDER', quantity: 6, unitPrice: 2.55 },
      { productId: 'SEC-PU2', description: 'WHITE METAL LANTERN', quantity: 6, unitPrice: 3.39 },
      { productId: 'SEC-PU3', description: 'CREAM CUPID HEARTS COAT HANGER', quantity: 8, unitPrice: 2.75 },
    ];
    await f.apply(
      f.ev('order.placed', { ...c, orderId: 'SEC-ANA2-O1', status: 'completed', currency: 'GBP', lines }, '2011-11-01T10:00:00Z'),
      f.ev(
        'order.placed',
        { ...c, orderId: 'SEC-ANA2-O2', status: 'completed', currency: 'GBP', lines: [lines[0]!] },
        '2011-11-02T10:00:00Z',
      ),
    );
    expect((await f.client.getAnalytics('SEC-ANA2')).topPurchased).toEqual({
      basis: 'product',
      items: [
        { id: 'SEC-PU1', name: 'WHITE HANGING HEART T-LIGHT HOLDER', quantity: 12, orders: 2 },
        { id: 'SEC-PU3', name: 'CREAM CUPID HEARTS COAT HANGER', quantity: 8, orders: 1 },
        { id: 'SEC-PU2', name: 'WHITE METAL LANTERN', quantity: 6, orders: 1 },
      ],
    });
  });

  it('a customer without any activity: empty lists, zeros, null average', async () => {
    await f.newCustomer('SEC-ANA0');
    expect(await f.client.getAnalytics('SEC-ANA0')).toEqual({
      asOf: '2011-12-09T12:21:00.000Z',
      currency: 'GBP',
      topViewedCategories: [],
      topPurchased: { basis: 'product', items: [] },
      sessions: 0,
      averageDurationSeconds: null,
      deviceBreakdown: [
        { device: 'desktop', sessions: 0, share: 0 },
        { device: 'mobile', sessions: 0, share: 0 },
        { device: 'tablet', sessions: 0, share: 0 },
      ],
      shoppingTimes: heatMap([]),
      clvTrend: [],
      csatTrend: [],
    });
  });

  it('404 for an unknown customer', async () => {
    await expectProblem(f.client.getAnalytics('NO-SUCH-CUSTOMER'), 404, 'Customer not found');
  });
});

describe('properties', () => {
  it('for any sample customer: heat map total = completed orders, last CLV = lifetime value', async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat(10_000), async (i) => {
        const id = sampleIds[i % sampleIds.length]!;
        const [analytics, view] = await Promise.all([f.client.getAnalytics(id), f.client.getCustomer360(id)]);
        expect(analytics.shoppingTimes.flat().reduce((a, b) => a + b, 0)).toBe(view.metrics.completedOrders);
        expect(analytics.clvTrend.at(-1)?.value ?? 0).toBe(view.metrics.lifetimeValue);
      }),
      { numRuns: 40 },
    );
  });

  it('for random orders: every heat-map cell counts the completed orders placed in it (UTC)', async () => {
    let run = 0;
    const start = Date.parse('2011-01-01T00:00:00Z');
    const orderArb = fc.record({
      minutes: fc.integer({ min: 0, max: 330 * 24 * 60 }),
      status: fc.constantFrom<OrderStatus>('completed', 'delivered', 'pending', 'cancelled', 'shipped'),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(orderArb, { maxLength: 20 }), async (orders) => {
        const id = `SEC-ANA-P${++run}`;
        await f.newCustomer(id);
        const events: IngestEventInput[] = orders.map((o, n) =>
          f.ev(
            'order.placed',
            {
              customerId: id,
              orderId: `${id}-O${n}`,
              status: o.status,
              currency: 'GBP',
              lines: [{ productId: 'SEC-PX', quantity: 1, unitPrice: 1 }],
            },
            new Date(start + o.minutes * 60_000).toISOString(),
          ),
        );
        if (events.length) await f.apply(...events);
        const expected = heatMap([]);
        for (const o of orders) {
          if (o.status !== 'completed' && o.status !== 'delivered') continue;
          const at = new Date(start + o.minutes * 60_000);
          expected[(at.getUTCDay() + 6) % 7]![at.getUTCHours()]! += 1;
        }
        const analytics = await f.client.getAnalytics(id);
        expect(analytics.shoppingTimes).toEqual(expected);
        const completed = orders.filter((o) => o.status === 'completed' || o.status === 'delivered').length;
        expect(analytics.clvTrend.at(-1)?.value ?? 0).toBe(completed);
      }),
      { numRuns: 25 },
    );
  });
});

describe('helpers', () => {
  it('nextMonth, weekdayMondayFirst and clvTrend', () => {
    expect([nextMonth('2011-11'), nextMonth('2011-12'), nextMonth('2012-09')]).toEqual(['2011-12', '2012-01', '2012-10']);
    expect([weekdayMondayFirst('2011-12-05'), weekdayMondayFirst('2011-12-11')]).toEqual([0, 6]);
    expect(clvTrend([], '2011-12', 'GBP')).toEqual([]);
    // Orders after the as-of month extend the trend to them.
    expect(
      clvTrend(
        [
          { month: '2011-11', minor: 150 },
          { month: '2012-01', minor: 1 },
        ],
        '2011-12',
        'GBP',
      ),
    ).toEqual([
      { month: '2011-11', value: 1.5, added: 1.5 },
      { month: '2011-12', value: 1.5, added: 0 },
      { month: '2012-01', value: 1.51, added: 0.01 },
    ]);
    expect(clvTrend([{ month: '2011-11', minor: 500 }], '2011-11', 'JPY')).toEqual([{ month: '2011-11', value: 500, added: 500 }]);
  });
});
