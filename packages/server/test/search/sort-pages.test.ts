/**
 * Sorted search pages (R15): walking the keyset cursors of every sort, with and without the money and
 * order-count filters, gives exactly the customers the filters select, in the order a brute-force
 * reading of the stats gives (ties by id), and `total` counts them — customers without any order
 * (zero stats, no last purchase) included.
 */
import type { IngestEventInput } from '@c360/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CustomerSearchQuery } from '@c360/sdk';
import { openSampleApp, type SampleApp } from '../helpers/sample-db.js';
import { searchCustomers } from '../../src/read/search.js';

let sample: SampleApp;
beforeAll(async () => {
  sample = await openSampleApp();
  // Customers without orders: zero lifetime value and orders, no last purchase.
  const events: IngestEventInput[] = ['SP-1', 'SP-2', 'SP-3'].map((id) => ({
    id: `sort-pages-${id}`,
    type: 'customer.upserted',
    occurredAt: '2011-06-01T00:00:00.000Z',
    data: { customerId: id, name: `Sort ${id}` },
  }));
  const res = await sample.call('/events', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(events),
  });
  expect(res.status).toBe(200);
});
afterAll(() => sample.close());

interface Row {
  id: string;
  name: string;
  email: string;
  spent: number;
  orders: number;
  last: string;
}

async function everyone(): Promise<Row[]> {
  const customers = await sample.db.selectFrom('customers').select(['id', 'name', 'email']).execute();
  const stats = new Map((await sample.db.selectFrom('customer_stats').selectAll().execute()).map((s) => [s.customer_id, s]));
  return customers.map((c) => {
    const s = stats.get(c.id);
    return {
      id: c.id,
      name: c.name,
      email: c.email ?? '',
      spent: Number(s?.total_spent_minor ?? 0),
      orders: Number(s?.total_orders ?? 0),
      last: s?.last_completed_at ?? '',
    };
  });
}

const cmp = <T extends string | number>(a: T, b: T) => (a < b ? -1 : a > b ? 1 : 0);
const ORDER: Record<string, (a: Row, b: Row) => number> = {
  name: (a, b) => cmp(a.name, b.name) || cmp(a.id, b.id),
  id: (a, b) => cmp(a.id, b.id),
  '-lifetimeValue': (a, b) => cmp(b.spent, a.spent) || cmp(a.id, b.id),
  lifetimeValue: (a, b) => cmp(a.spent, b.spent) || cmp(a.id, b.id),
  '-lastPurchaseAt': (a, b) => cmp(b.last, a.last) || cmp(a.id, b.id),
  '-totalOrders': (a, b) => cmp(b.orders, a.orders) || cmp(a.id, b.id),
};

const FILTERS: Array<[string, (r: Row) => boolean]> = [
  ['', () => true],
  ['clvMin=1000', (r) => r.spent >= 100_000],
  ['clvMax=150', (r) => r.spent <= 15_000],
  ['clvMin=100&clvMax=2000', (r) => r.spent >= 10_000 && r.spent <= 200_000],
  ['ordersMin=2&ordersMax=4', (r) => r.orders >= 2 && r.orders <= 4],
  ['ordersMax=0', (r) => r.orders === 0],
  // A text most customers match (their example.com address): the pages walk the sort order (read/search.ts).
  ['q=example', (r) => r.email.includes('example') || r.name.toLowerCase().includes('example')],
  ['q=example&clvMin=100', (r) => (r.email.includes('example') || r.name.toLowerCase().includes('example')) && r.spent >= 10_000],
];

describe('sorted, filtered search pages', () => {
  it('walk every match once, in sort order, with the right total', async () => {
    const rows = await everyone();
    for (const [filter, keep] of FILTERS) {
      for (const [sort, order] of Object.entries(ORDER)) {
        const expected = rows
          .filter(keep)
          .sort(order)
          .map((r) => r.id);
        const seen: string[] = [];
        let cursor: string | null = null;
        let total = -1;
        do {
          const res = await sample.call(`/customers?limit=97&sort=${sort}&${filter}${cursor ? `&cursor=${cursor}` : ''}`);
          expect(res.status, `${sort} ${filter}`).toBe(200);
          seen.push(...res.body.items.map((i: { id: string }) => i.id));
          total = res.body.total;
          cursor = res.body.nextCursor;
        } while (cursor);
        expect(seen, `${sort} ${filter}`).toEqual(expected);
        expect(total, `${sort} ${filter}`).toBe(expected.length);
      }
    }
  });

  it('give the same pages when a text with many matches walks the sort order instead of the index hits', async () => {
    const pages = async (q: string, sort: string, walkFrom: number) => {
      const seen: string[] = [];
      let cursor: string | undefined;
      let total = -1;
      do {
        const query = CustomerSearchQuery.parse({ q, sort, limit: 37, ...(cursor ? { cursor } : {}) });
        const page = await searchCustomers(sample.db, query, undefined, { walkFrom });
        seen.push(...page.items.map((i) => i.id));
        total = page.total;
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      return { seen, total };
    };
    for (const q of ['example', 'an', 'son', 'e']) {
      for (const sort of Object.keys(ORDER)) {
        const walked = await pages(q, sort, 1);
        expect(walked, `${q} ${sort}`).toEqual(await pages(q, sort, Number.POSITIVE_INFINITY));
        expect(walked.seen.length, `${q} ${sort}`).toBe(walked.total);
      }
    }
  });
});
