/**
 * The Online Retail importer on the bundled sample, on this file's engine: what it reports and
 * writes equals what the file holds (computed here independently), and importing again changes nothing.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/connect.js';
import { openTestDb, type TestDb } from '../helpers/engines.js';
import { importOnlineRetail, type ImportSummary } from '../../src/import/online-retail.js';
import { sums } from './helpers.js';

const SAMPLE = fileURLToPath(new URL('../../../../demo/data/online_retail_sample.csv', import.meta.url));

/** The sample's expected content, computed here independently of the importer (BigInt micros). */
function expected() {
  const rows = Papa.parse<Record<string, string>>(readFileSync(SAMPLE, 'utf8'), { header: true, skipEmptyLines: true }).data;
  const customers = new Set<string>();
  const orders = new Map<string, bigint>();
  const refunds = new Map<string, bigint>();
  let orderLines = 0;
  let guestLines = 0;
  let asOf = '';
  for (const r of rows) {
    const [whole, frac = ''] = r.UnitPrice!.replace('-', '').split('.');
    const micros = (BigInt(whole!) * 1_000_000n + BigInt(frac.padEnd(6, '0'))) * (r.UnitPrice!.startsWith('-') ? -1n : 1n);
    const at = `${r.InvoiceDate!.replace(' ', 'T')}.000Z`;
    if (at > asOf) asOf = at;
    if (!r.CustomerID) {
      guestLines++;
      continue;
    }
    customers.add(r.CustomerID);
    const target = r.InvoiceNo!.startsWith('C') ? refunds : orders;
    target.set(r.InvoiceNo!, (target.get(r.InvoiceNo!) ?? 0n) + BigInt(r.Quantity!) * micros);
    if (target === orders) orderLines++;
  }
  const minor = (m: bigint) => Number((m < 0n ? m - 5000n : m + 5000n) / 10000n); // half away from zero
  const sum = (m: Map<string, bigint>, f: (x: number) => number) => [...m.values()].reduce((s, v) => s + f(minor(v)), 0);
  return {
    rows: rows.length,
    customers: customers.size,
    orders: orders.size,
    refunds: refunds.size,
    orderLines,
    guestLines,
    products: new Set(rows.map((r) => r.StockCode)).size,
    asOf,
    ordersMinor: sum(orders, (x) => x),
    refundsMinor: sum(refunds, Math.abs),
  };
}

describe('importing the bundled sample', () => {
  let test: TestDb;
  let db: Db;
  let summary: ImportSummary;
  const want = expected();
  beforeAll(async () => {
    test = await openTestDb(); // this file's engine
    db = test.db;
    summary = await importOnlineRetail(db, SAMPLE);
  });
  afterAll(() => test.close());

  it('reports what the file holds', () => {
    expect(summary).toEqual({
      file: SAMPLE,
      rows: want.rows,
      customers: want.customers,
      orders: want.orders,
      orderLines: want.orderLines,
      refunds: want.refunds,
      guestLines: want.guestLines,
      products: want.products,
      asOf: want.asOf,
      skippedAsDuplicate: false,
    });
    expect(want.customers).toBeGreaterThanOrEqual(200);
  });

  it('writes one customer per CustomerID, one order per invoice, one refund per cancellation, exact totals', async () => {
    const count = async (table: 'customers' | 'orders' | 'order_items' | 'payments' | 'activity' | 'products') =>
      Number(
        (
          await db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    expect(await count('customers')).toBe(want.customers);
    expect(await count('orders')).toBe(want.orders);
    expect(await count('order_items')).toBe(want.orderLines);
    expect(await count('payments')).toBe(want.refunds);
    expect(await count('activity')).toBe(want.orders + want.refunds);
    expect(await count('products')).toBe(want.products);
    const s = await db
      .selectFrom('customer_stats')
      .select((eb) => [eb.fn.sum<number>('total_spent_minor').as('spent'), eb.fn.sum<number>('total_refunded_minor').as('refunded')])
      .executeTakeFirstOrThrow();
    expect([s.spent, s.refunded]).toEqual([want.ordersMinor, want.refundsMinor]);
    for (const id of ['17850', '12346', '13047']) {
      expect(await db.selectFrom('customers').select('id').where('id', '=', id).executeTakeFirst()).toEqual({ id });
    }
  });

  it('changes no count and no sum when imported again', async () => {
    const before = await sums(db);
    expect((await importOnlineRetail(db, SAMPLE)).skippedAsDuplicate).toBe(true);
    await importOnlineRetail(db, SAMPLE, { force: true });
    expect(await sums(db)).toEqual(before);
  });
});
