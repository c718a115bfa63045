/**
 * The aggregates ingestion recomputes once per batch: product sales statistics (for the products the
 * batch's orders changed) equal a from-scratch recompute and what one event per batch gives; every
 * customer, new ones included, has its `customer_stats` row (search joins it).
 */
import { IngestEvent, type IngestEventInput } from '@c360/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/connect.js';
import { applyEvents } from '../../src/ingest/apply-events.js';
import { recomputeProductStats } from '../../src/import/product-stats.js';
import { openSampleApp, type SampleApp } from '../helpers/sample-db.js';
import { eventMaker } from './helpers.js';

let whole: SampleApp;
let oneByOne: SampleApp;
beforeAll(async () => {
  [whole, oneByOne] = await Promise.all([openSampleApp(), openSampleApp()]);
});
afterAll(async () => {
  await Promise.all([whole.close(), oneByOne.close()]);
});

const productStats = (db: Db) =>
  db.selectFrom('products').select(['id', 'lines_sold', 'units_sold', 'revenue_minor']).orderBy('id').execute();

/** Orders of the same products placed, replaced and moved in and out of completed, in one batch. */
function events(): IngestEventInput[] {
  const ev = eventMaker('bagg');
  const c = { customerId: 'BAGG-C', currency: 'GBP' };
  const at = (day: number) => `2011-12-0${day}T10:00:00.000Z`;
  return [
    ev('customer.upserted', { customerId: 'BAGG-C', name: 'Batch Buyer' }, at(1)),
    ev(
      'order.placed',
      {
        ...c,
        orderId: 'BAGG-O1',
        status: 'completed',
        lines: [
          { productId: '85123A', quantity: 7, unitPrice: 2.55 },
          { productId: 'BAGG-P1', quantity: 2, unitPrice: 1.005 },
        ],
      },
      at(1),
    ),
    ev(
      'order.placed',
      {
        ...c,
        orderId: 'BAGG-O2',
        lines: [
          { productId: '85123A', quantity: 3, unitPrice: 2.55 },
          { productId: 'BAGG-P1', quantity: 1, unitPrice: 0.333 },
        ],
      },
      at(2),
    ),
    ev(
      'order.placed',
      {
        customerId: '17850',
        currency: 'GBP',
        orderId: 'BAGG-O3',
        status: 'delivered',
        lines: [
          { productId: '85123A', quantity: 1, unitPrice: 2.95 },
          { productId: 'BAGG-P1', quantity: 5, unitPrice: 1 },
        ],
      },
      at(2),
    ),
    ev('order.status_changed', { customerId: 'BAGG-C', orderId: 'BAGG-O2', status: 'completed' }, at(3)),
    // O1 again: BAGG-P1 leaves it, BAGG-P2 joins it.
    ev(
      'order.placed',
      {
        ...c,
        orderId: 'BAGG-O1',
        status: 'completed',
        lines: [
          { productId: 'BAGG-P2', quantity: 4, unitPrice: 0.5 },
          { productId: '85123A', quantity: 2, unitPrice: 2.55 },
        ],
      },
      at(4),
    ),
    ev('order.status_changed', { customerId: '17850', orderId: 'BAGG-O3', status: 'cancelled' }, at(5)),
    ev('customer.upserted', { customerId: 'BAGG-NONE', name: 'No Orders Yet' }, at(5)),
  ];
}

describe('product statistics after a batch', () => {
  it('equal a from-scratch recompute and one event per batch, for several orders of the same products', async () => {
    const before = new Map((await productStats(whole.db)).map((p) => [p.id, p]));
    const batch = events().map((e) => IngestEvent.parse(e));
    expect(await applyEvents(whole.db, batch)).toMatchObject({ applied: batch.length });
    for (const event of batch) await applyEvents(oneByOne.db, [event]);

    const after = await productStats(whole.db);
    const byId = new Map(after.map((p) => [p.id, p]));
    // 85123A: + O1' (2 units, £5.10) + O2 (3 units, £7.65); O3 was cancelled.
    const mug = before.get('85123A')!;
    expect(byId.get('85123A')).toEqual({
      id: '85123A',
      lines_sold: mug.lines_sold + 2,
      units_sold: mug.units_sold + 5,
      revenue_minor: mug.revenue_minor + 510 + 765,
    });
    // BAGG-P1: only O2's line is left (0.333 → 33p); BAGG-P2: O1's new line.
    expect(byId.get('BAGG-P1')).toEqual({ id: 'BAGG-P1', lines_sold: 1, units_sold: 1, revenue_minor: 33 });
    expect(byId.get('BAGG-P2')).toEqual({ id: 'BAGG-P2', lines_sold: 1, units_sold: 4, revenue_minor: 200 });

    expect(await productStats(oneByOne.db)).toEqual(after);
    await whole.db.transaction().execute(async (trx) => {
      await recomputeProductStats(
        trx,
        after.map((p) => p.id),
      );
    });
    expect(await productStats(whole.db)).toEqual(after);
  });

  it('leaves every customer, a new one without orders too, with its customer_stats row', async () => {
    const missing = await whole.db
      .selectFrom('customers as c')
      .leftJoin('customer_stats as s', 's.customer_id', 'c.id')
      .select('c.id')
      .where('s.customer_id', 'is', null)
      .execute();
    expect(missing).toEqual([]);
    expect(await whole.db.selectFrom('customer_stats').selectAll().where('customer_id', '=', 'BAGG-NONE').execute()).toMatchObject([
      { total_orders: 0, completed_orders: 0, total_spent_minor: 0, total_refunded_minor: 0, last_completed_at: null },
    ]);
    const found = (await whole.call('/customers?q=No%20Orders%20Yet&clvMax=0&ordersMax=0&sort=lifetimeValue')).body;
    expect(found).toMatchObject({ total: 1, items: [{ id: 'BAGG-NONE', lifetimeValue: 0, totalOrders: 0, lastPurchaseAt: null }] });
  });
});
