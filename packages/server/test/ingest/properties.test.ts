/**
 * Property 2 through ingestion: for any sequence of valid order.placed / order.status_changed
 * events, posted in any batch split, lifetimeValue from /360 = Σ totals of the orders whose final
 * status is completed/delivered, each total computed independently here; replaying the whole
 * sequence changes nothing.
 */
import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OrderStatus, type IngestEventInput } from '@c360/sdk';
import { openSampleApp, type SampleApp } from '../helpers/sample-db.js';
import { poster } from './helpers.js';

let sample: SampleApp;
beforeAll(async () => {
  sample = await openSampleApp();
});
afterAll(() => sample.close());

const post = poster(() => sample);

const line = fc.record({
  product: fc.integer({ min: 1, max: 4 }),
  quantity: fc.integer({ min: 1, max: 50 }),
  // Unit prices in micros; half of them multiples of £0.005 so that half-penny ties (rounded up) occur.
  micros: fc.oneof(
    fc.integer({ min: 0, max: 5_000_000 }),
    fc.integer({ min: 0, max: 1_000 }).map((k) => k * 5_000),
  ),
});
const order = fc.record({
  status: fc.constantFrom(...OrderStatus.options),
  lines: fc.array(line, { minLength: 1, maxLength: 3 }),
  shippingPence: fc.integer({ min: 0, max: 1000 }),
});
const scenario = fc.array(order, { minLength: 1, maxLength: 5 }).chain((orders) =>
  fc.record({
    orders: fc.constant(orders),
    changes: fc.array(fc.record({ order: fc.nat({ max: orders.length - 1 }), status: fc.constantFrom(...OrderStatus.options) }), {
      maxLength: 8,
    }),
    batchSize: fc.integer({ min: 1, max: 8 }),
  }),
);

/** Σ quantity × unit price, exact, rounded once to pence half away from zero (all amounts ≥ 0), + shipping. */
const expectedTotal = (o: { lines: { quantity: number; micros: number }[]; shippingPence: number }) => {
  const micros = o.lines.reduce((sum, l) => sum + BigInt(l.quantity) * BigInt(l.micros), 0n);
  return Number((micros + 5_000n) / 10_000n) + o.shippingPence;
};

/** Row counts of every table, and every row about this customer. */
async function state(customerId: string): Promise<unknown> {
  const tables = (await sample.db.introspection.getTables()).map((t) => t.name); // either engine's catalogue
  const counts: Record<string, number> = {};
  for (const name of tables) {
    counts[name] = Number((await sql<{ n: number }>`select count(*) n from ${sql.table(name)}`.execute(sample.db)).rows[0]!.n);
  }
  const of = async (table: string, where = sql`customer_id = ${customerId}`) =>
    (await sql`select * from ${sql.table(table)} where ${where} order by 1`.execute(sample.db)).rows;
  return {
    counts,
    orders: await of('orders'),
    items: await of('order_items', sql`order_id in (select id from orders where customer_id = ${customerId})`),
    activity: await of('activity'),
    stats: await of('customer_stats'),
    products: await of('products', sql`id like 'PROP-P%'`),
    meta: await of('meta', sql`1 = 1`),
  };
}

let run = 0;

describe('Property 2 through ingestion', () => {
  it('lifetimeValue = Σ totals of completed orders, for any sequence and batch split; a replay changes nothing', async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async ({ orders, changes, batchSize }) => {
        const customerId = `PROP-${++run}`;
        let n = 0;
        const event = (type: string, data: object): IngestEventInput =>
          ({
            id: `${customerId}-e${++n}`,
            type,
            occurredAt: `2011-06-01T10:${String(n % 60).padStart(2, '0')}:00Z`,
            data: { customerId, ...data },
          }) as IngestEventInput;
        const events = [
          event('customer.upserted', { name: 'Property' }),
          ...orders.map((o, i) =>
            event('order.placed', {
              orderId: `${customerId}-O${i}`,
              status: o.status,
              currency: 'GBP',
              shipping: o.shippingPence / 100,
              lines: o.lines.map((l) => ({ productId: `PROP-P${l.product}`, quantity: l.quantity, unitPrice: l.micros / 1e6 })),
            }),
          ),
          ...changes.map((c) => event('order.status_changed', { orderId: `${customerId}-O${c.order}`, status: c.status })),
        ];
        const batches: IngestEventInput[][] = [];
        for (let i = 0; i < events.length; i += batchSize) batches.push(events.slice(i, i + batchSize));
        for (const batch of batches) expect((await post(batch)).status).toBe(200);

        const finalStatus = orders.map((o) => o.status as string);
        for (const c of changes) finalStatus[c.order] = c.status;
        const completed = orders.filter((_, i) => finalStatus[i] === 'delivered' || finalStatus[i] === 'completed');
        const metrics = (await sample.call(`/customers/${customerId}/360`)).body.metrics;
        expect(Math.round(metrics.lifetimeValue * 100)).toBe(completed.reduce((sum, o) => sum + expectedTotal(o), 0));
        expect(metrics.totalOrders).toBe(orders.length);
        expect(metrics.completedOrders).toBe(completed.length);

        const before = await state(customerId);
        for (const batch of batches) expect((await post(batch)).body).toMatchObject({ applied: 0, duplicates: batch.length });
        expect((await post(events)).body).toMatchObject({ applied: 0 });
        expect(await state(customerId)).toEqual(before);
      }),
      { numRuns: 30 },
    );
  });
});
