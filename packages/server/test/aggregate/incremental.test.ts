/**
 * Incremental aggregates (issue 9, item 1): for random event sequences — orders placed, replaced
 * (same orderId again, other lines, other time), moved in and out of completed, charges and
 * refunds (recorded again with another status or amount), customers created, and replays of
 * earlier events — applied batch by batch through the ingestion path, `customer_stats` and the
 * product sales statistics equal a full rebuild from the base tables (`rebuildStats`, what
 * `c360 rebuild-stats` runs) on the same data. Customers in GBP and in JPY (another rounding unit).
 * On both engines (40 runs on SQLite, 8 on PostgreSQL; `FUZZ_RUNS` overrides).
 */
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { IngestEvent, OrderStatus, type IngestEventInput } from '@c360/sdk';
import type { Db } from '../../src/db/connect.js';
import { applyEvents } from '../../src/ingest/apply-events.js';
import { rebuildStats } from '../../src/aggregate/rebuild.js';
import { openTestDb, testEngine, type TestDb } from '../helpers/engines.js';

let test: TestDb;
let db: Db;
beforeEach(async () => {
  test = await openTestDb();
  db = test.db;
});
afterEach(() => test.close());

const CUSTOMERS = [
  { id: 'A', currency: 'GBP' },
  { id: 'B', currency: 'GBP' },
  { id: 'J', currency: 'JPY' },
] as const;
/** Owner of order/payment k: fixed, so no event moves a record to another customer (a conflict). */
const ownerOf = (k: number) => CUSTOMERS[k % CUSTOMERS.length]!;

const line = fc.record({
  product: fc.integer({ min: 1, max: 4 }),
  quantity: fc.integer({ min: 1, max: 40 }),
  // micros; multiples of 5,000 give half-penny ties, multiples of 500,000 half-yen ties
  micros: fc.oneof(
    fc.integer({ min: 0, max: 3_000_000 }),
    fc.integer({ min: 0, max: 600 }).map((k) => k * 5_000),
    fc.integer({ min: 0, max: 9 }).map((k) => k * 500_000),
  ),
});
const step = fc.oneof(
  fc.record({
    kind: fc.constant('order' as const),
    order: fc.nat({ max: 5 }),
    status: fc.constantFrom(...OrderStatus.options),
    lines: fc.array(line, { minLength: 1, maxLength: 3 }),
    day: fc.integer({ min: 1, max: 28 }),
  }),
  fc.record({ kind: fc.constant('status' as const), order: fc.nat({ max: 5 }), status: fc.constantFrom(...OrderStatus.options) }),
  fc.record({
    kind: fc.constant('payment' as const),
    payment: fc.nat({ max: 3 }),
    refund: fc.boolean(),
    status: fc.constantFrom('succeeded', 'failed', 'pending'),
    amount: fc.integer({ min: 1, max: 5000 }),
  }),
  fc.record({ kind: fc.constant('replay' as const), pick: fc.nat() }),
);

/**
 * Turns steps into valid events (a status change only for a placed order), replays included; every
 * id (event, customer, order, product, payment) starts with `p`, so runs sharing a database stay apart.
 */
function toEvents(steps: ReadonlyArray<typeof step extends fc.Arbitrary<infer T> ? T : never>, p = ''): IngestEventInput[] {
  const events: IngestEventInput[] = CUSTOMERS.map((c) => ({
    id: `${p}cust-${c.id}`,
    type: 'customer.upserted',
    occurredAt: '2011-01-01T00:00:00.000Z',
    data: { customerId: `${p}${c.id}`, name: `Customer ${c.id}`, currency: c.currency },
  }));
  const placed = new Set<number>();
  let n = 0;
  for (const s of steps) {
    const id = `${p}e-${++n}`;
    if (s.kind === 'order') {
      const c = ownerOf(s.order);
      placed.add(s.order);
      events.push({
        id,
        type: 'order.placed',
        occurredAt: `2011-02-${String(s.day).padStart(2, '0')}T10:00:00.000Z`,
        data: {
          customerId: `${p}${c.id}`,
          orderId: `${p}O${s.order}`,
          currency: c.currency,
          status: s.status,
          lines: s.lines.map((l) => ({ productId: `${p}P${l.product}`, quantity: l.quantity, unitPrice: l.micros / 1e6 })),
        },
      });
    } else if (s.kind === 'status' && placed.has(s.order)) {
      events.push({
        id,
        type: 'order.status_changed',
        occurredAt: '2011-03-01T10:00:00.000Z',
        data: { customerId: `${p}${ownerOf(s.order).id}`, orderId: `${p}O${s.order}`, status: s.status },
      });
    } else if (s.kind === 'payment') {
      const c = ownerOf(s.payment);
      const amount = c.currency === 'JPY' ? s.amount : s.amount / 100;
      events.push({
        id,
        type: 'payment.recorded',
        occurredAt: '2011-03-02T10:00:00.000Z',
        data: {
          customerId: `${p}${c.id}`,
          paymentId: `${p}PAY${s.payment}`,
          kind: s.refund ? 'refund' : 'charge',
          status: s.status as 'succeeded',
          amount,
          currency: c.currency,
        },
      });
    } else if (s.kind === 'replay' && events.length > 0) {
      events.push(events[s.pick % events.length]!);
    }
  }
  return events;
}

/** The statistics rows of the customers and products whose ids start with `p`. */
const customerStats = (d: Db, p = '') =>
  d.selectFrom('customer_stats').selectAll().where('customer_id', 'like', `${p}%`).orderBy('customer_id').execute();
const productStats = (d: Db, p = '') =>
  d.selectFrom('products').select(['id', 'lines_sold', 'units_sold', 'revenue_minor']).where('id', 'like', `${p}%`).orderBy('id').execute();

describe('incremental statistics', () => {
  it('equal a full rebuild after random event sequences applied in random batches', async () => {
    // One database for every run, each run's ids prefixed (a fresh PostgreSQL database per run would take a second each).
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 25 }), fc.integer({ min: 1, max: 6 }), async (steps, batchSize) => {
        const p = `r${++run}-`;
        const events = toEvents(steps, p).map((e) => IngestEvent.parse(e));
        for (let i = 0; i < events.length; i += batchSize)
          await applyEvents(db, events.slice(i, i + batchSize), new Date('2011-04-01T00:00:00Z'));
        const incremental = { customers: await customerStats(db, p), products: await productStats(db, p) };
        await rebuildStats(db);
        expect({ customers: await customerStats(db, p), products: await productStats(db, p) }).toEqual(incremental);
      }),
      // Fewer runs on PostgreSQL, where each statement is a round trip.
      { numRuns: Number(process.env.FUZZ_RUNS ?? (testEngine() === 'postgres' ? 8 : 40)) },
    );
  });

  it('notices a wrong row: a rebuild repairs a stats row edited by hand (the comparison can fail)', async () => {
    const events = toEvents([
      { kind: 'order', order: 0, status: 'completed', lines: [{ product: 1, quantity: 2, micros: 1_250_000 }], day: 3 },
    ]);
    await applyEvents(
      db,
      events.map((e) => IngestEvent.parse(e)),
    );
    const right = await customerStats(db);
    expect(right.find((r) => r.customer_id === 'A')).toMatchObject({ total_orders: 1, completed_orders: 1, total_spent_minor: 250 });
    await db.updateTable('customer_stats').set({ total_spent_minor: 999 }).where('customer_id', '=', 'A').execute();
    await db.updateTable('products').set({ lines_sold: 7 }).where('id', '=', 'P1').execute();
    expect(await customerStats(db)).not.toEqual(right);
    await rebuildStats(db);
    expect(await customerStats(db)).toEqual(right);
    expect((await productStats(db)).find((p) => p.id === 'P1')).toEqual({ id: 'P1', lines_sold: 1, units_sold: 2, revenue_minor: 250 });
  });
});
