/**
 * Done-when check of the first slice: for every customer of the bundled sample, /360 and /orders
 * give exactly the SPEC §4 values, against numbers computed here straight from the CSV rows with
 * BigInt arithmetic — not through any of our code.
 */
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSampleApp, SAMPLE_FILE, type SampleApp } from '../helpers/sample-db.js';

interface Row {
  InvoiceNo: string;
  Quantity: string;
  InvoiceDate: string;
  UnitPrice: string;
  CustomerID: string;
}

interface Expected {
  orders: Map<string, { placed: string; thousandths: bigint }>;
  refunds: Map<string, bigint>;
  first: string;
}

/** Price string → thousandths of a pound (the data has at most 3 decimals). */
function thousandths(price: string): bigint {
  const [whole, fraction = ''] = price.replace('-', '').split('.');
  if (fraction.length > 3) throw new Error(`unexpected precision ${price}`);
  const value = BigInt(whole!) * 1000n + BigInt(fraction.padEnd(3, '0'));
  return price.startsWith('-') ? -value : value;
}

/** Thousandths of a pound → pence, rounded half away from zero. */
function pence(t: bigint): bigint {
  const negative = t < 0n;
  const abs = negative ? -t : t;
  const p = abs / 10n + (abs % 10n >= 5n ? 1n : 0n);
  return negative ? -p : p;
}

const DAY = 86_400_000;
const days = (fromSql: string, asOf: Date) => Math.floor((asOf.getTime() - Date.parse(fromSql.replace(' ', 'T') + 'Z')) / DAY);
const pounds = (p: bigint) => Number(p) / 100;

function expectedFromCsv(): Map<string, Expected> {
  const rows = Papa.parse<Row>(readFileSync(SAMPLE_FILE, 'utf8'), { header: true, skipEmptyLines: true }).data;
  const byCustomer = new Map<string, Expected>();
  for (const row of rows) {
    if (!row.CustomerID) continue;
    const customer = byCustomer.get(row.CustomerID) ?? { orders: new Map(), refunds: new Map(), first: row.InvoiceDate };
    byCustomer.set(row.CustomerID, customer);
    if (row.InvoiceDate < customer.first) customer.first = row.InvoiceDate;
    const line = BigInt(row.Quantity) * thousandths(row.UnitPrice);
    if (row.InvoiceNo.startsWith('C')) {
      customer.refunds.set(row.InvoiceNo, (customer.refunds.get(row.InvoiceNo) ?? 0n) + line);
    } else {
      const order = customer.orders.get(row.InvoiceNo) ?? { placed: row.InvoiceDate, thousandths: 0n };
      order.thousandths += line;
      if (row.InvoiceDate < order.placed) order.placed = row.InvoiceDate;
      customer.orders.set(row.InvoiceNo, order);
    }
  }
  return byCustomer;
}

describe('metrics of every sample customer equal SPEC §4 computed from the CSV', () => {
  let sample: SampleApp;
  const expected = expectedFromCsv();
  beforeAll(async () => {
    sample = await openSampleApp();
  });
  afterAll(() => sample.close());

  it('covers a few hundred customers', () => {
    expect(expected.size).toBeGreaterThan(150);
  });

  it('/360 metrics and /orders totals match for every customer', async () => {
    for (const [id, e] of expected) {
      const orders = [...e.orders.values()];
      const spent = orders.reduce((sum, o) => sum + pence(o.thousandths), 0n);
      const refunded = [...e.refunds.values()].reduce((sum, t) => sum + -pence(t), 0n);
      const last = orders
        .map((o) => o.placed)
        .sort()
        .at(-1);
      // AOV in pence, rounded half away from zero.
      const aov = orders.length ? Number(roundDiv(spent, BigInt(orders.length))) / 100 : 0;

      const { status, body } = await sample.call(`/customers/${id}/360`);
      expect(status, id).toBe(200);
      const m = body.metrics;
      expect(m.currency).toBe('GBP');
      expect({ id, v: m.lifetimeValue }).toEqual({ id, v: pounds(spent) });
      expect(m.totalSpent).toBe(pounds(spent));
      expect({ id, v: m.averageOrderValue }).toEqual({ id, v: aov });
      expect(m.totalOrders).toBe(orders.length);
      expect(m.completedOrders).toBe(orders.length);
      expect({ id, v: m.totalRefunded }).toEqual({ id, v: pounds(refunded) });
      expect(m.daysSinceLastPurchase).toBe(last ? days(last, sample.asOf) : null);
      expect(m.tenureDays).toBe(days(e.first, sample.asOf));

      const page = await sample.call(`/customers/${id}/orders?limit=200`);
      expect(page.status).toBe(200);
      expect(page.body.totalOrders).toBe(orders.length);
      expect(page.body.totalRevenue).toBe(pounds(spent));
      expect(page.body.averageOrderValue).toBe(aov);
    }
  });
});

/** a / b rounded half away from zero, for positive b. */
function roundDiv(a: bigint, b: bigint): bigint {
  if (a < 0n) return -roundDiv(-a, b);
  return (2n * a + b) / (2n * b);
}
