/**
 * Search at scale (issue 9): health and churn on every summary row, as filters and as sorts, from the
 * stored scores the derived-state refresh writes (equal to the 360 view's at the same as-of);
 * `ids=a,b,c` for one page of known customers (Refine's getMany); and the bounded count — exact up
 * to SEARCH_COUNT_LIMIT, then that limit with `totalIsEstimate`.
 */
import { SEARCH_COUNT_LIMIT, SEARCH_IDS_MAX } from '@c360/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSampleApp, type SampleApp } from '../helpers/sample-db.js';
import { refreshDerivedIfStale } from '../../src/segments/derived-job.js';

let sample: SampleApp;
interface Scored {
  id: string;
  health: number;
  churn: number;
}
let scored: Scored[];

beforeAll(async () => {
  sample = await openSampleApp();
  await refreshDerivedIfStale(sample.db, { asOf: sample.asOf });
  scored = (await sample.db.selectFrom('customer_scores').select(['customer_id', 'health_score', 'churn_score']).execute()).map((r) => ({
    id: r.customer_id,
    health: Number(r.health_score),
    churn: Number(r.churn_score),
  }));
});
afterAll(() => sample.close());

/** Every page of `query`, following the cursors. */
async function walk(query: string): Promise<{
  items: Array<{ id: string; healthScore: number | null; churnRisk: number | null }>;
  total: number;
  totalIsEstimate: boolean;
}> {
  const items = [];
  let cursor: string | null = null;
  let last: any;
  do {
    const res = await sample.call(`/customers?limit=89&${query}${cursor ? `&cursor=${cursor}` : ''}`);
    expect(res.status, query).toBe(200);
    items.push(...res.body.items);
    last = res.body;
    cursor = res.body.nextCursor;
  } while (cursor);
  return { items, total: last.total, totalIsEstimate: last.totalIsEstimate };
}

describe('health and churn', () => {
  it('every customer is scored, and a summary row shows the same scores as the 360 view', async () => {
    const customers = await sample.db.selectFrom('customers').select('id').execute();
    expect(scored.length).toBe(customers.length);
    const { items } = await walk('sort=id');
    const byId = new Map(items.map((i) => [i.id, i]));
    for (const id of customers.map((c) => c.id).filter((_, i) => i % 17 === 0)) {
      const view = (await sample.call(`/customers/${id}/360`)).body;
      expect(byId.get(id), id).toMatchObject({ healthScore: view.health.score, churnRisk: view.churn.score });
    }
  });

  const cmp = (a: number, b: number) => a - b;
  const SORTS: Record<string, (a: Scored, b: Scored) => number> = {
    healthScore: (a, b) => cmp(a.health, b.health) || (a.id < b.id ? -1 : 1),
    '-healthScore': (a, b) => cmp(b.health, a.health) || (a.id < b.id ? -1 : 1),
    churnRisk: (a, b) => cmp(a.churn, b.churn) || (a.id < b.id ? -1 : 1),
    '-churnRisk': (a, b) => cmp(b.churn, a.churn) || (a.id < b.id ? -1 : 1),
  };
  const FILTERS: Array<[string, (s: Scored) => boolean]> = [
    ['', () => true],
    ['healthMin=60', (s) => s.health >= 60],
    ['healthMax=39', (s) => s.health <= 39],
    ['churnMin=34&churnMax=66', (s) => s.churn >= 34 && s.churn <= 66],
    ['healthMin=40&churnMin=67', (s) => s.health >= 40 && s.churn >= 67],
  ];

  it('sort and filter: every match once, in score order (ties by id), with the right total', async () => {
    for (const [filter, keep] of FILTERS) {
      for (const [sort, order] of Object.entries(SORTS)) {
        const expected = scored
          .filter(keep)
          .sort(order)
          .map((s) => s.id);
        const got = await walk(`sort=${sort}&${filter}`);
        expect(
          got.items.map((i) => i.id),
          `${sort} ${filter}`,
        ).toEqual(expected);
        expect(got.total, `${sort} ${filter}`).toBe(expected.length);
        expect(got.totalIsEstimate).toBe(false);
      }
    }
    expect(
      scored.some((s) => s.health >= 40 && s.churn >= 67),
      'the last filter selects someone',
    ).toBe(true);
  });

  it('refuses scores outside 0–100, naming the field', async () => {
    for (const [query, field] of [
      ['healthMin=101', 'query.healthMin'],
      ['churnMax=-1', 'query.churnMax'],
      ['healthMax=5.5', 'query.healthMax'],
    ]) {
      const res = await sample.call(`/customers?${query}`);
      expect(res.status, query).toBe(400);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    }
  });
});

describe('ids=a,b,c', () => {
  it('returns exactly the known ones of those customers, in the sort order, combined with other filters', async () => {
    const pick = scored.slice(0, 7).map((s) => s.id);
    const res = await sample.call(`/customers?ids=${[...pick, 'NO-SUCH-ID', pick[0]].join(',')}&sort=id`);
    expect(res.status).toBe(200);
    expect(res.body.items.map((i: { id: string }) => i.id)).toEqual([...pick].sort());
    expect(res.body.total).toBe(pick.length);
    const healthy = scored
      .slice(0, 7)
      .filter((s) => s.health >= 50)
      .map((s) => s.id)
      .sort();
    expect(
      (await sample.call(`/customers?ids=${pick.join(',')}&healthMin=50&sort=id`)).body.items.map((i: { id: string }) => i.id),
    ).toEqual(healthy);
  });

  it(`refuses more than ${SEARCH_IDS_MAX} ids, an empty list and a malformed id, naming query.ids`, async () => {
    const many = Array.from({ length: SEARCH_IDS_MAX + 1 }, (_, i) => `C${i}`).join(',');
    for (const ids of [many, ',', 'ok,not ok']) {
      const res = await sample.call(`/customers?ids=${encodeURIComponent(ids)}`);
      expect(res.status, ids).toBe(400);
      expect(res.body.errors[0].field).toBe('query.ids');
    }
  });
});

describe('bounded count', () => {
  it(`is exact up to ${SEARCH_COUNT_LIMIT.toLocaleString('en')}, then that many with totalIsEstimate`, async () => {
    const n = SEARCH_COUNT_LIMIT + 25;
    const at = '2011-01-01T00:00:00.000Z';
    await sample.db.transaction().execute(async (trx) => {
      for (let i = 0; i < n; i += 500) {
        const ids = Array.from({ length: Math.min(500, n - i) }, (_, k) => `BULK-${String(i + k).padStart(6, '0')}`);
        await trx
          .insertInto('customers')
          .values(
            ids.map((id) => ({
              id,
              name: `Bulkwright ${id}`,
              email: null,
              phone: null,
              country: 'Bulkland',
              currency: 'GBP',
              registered_at: at,
              created_at: at,
              updated_at: at,
              search_text: `bulkwright ${id.toLowerCase()}`,
            })) as never,
          )
          .execute();
        await trx
          .insertInto('customer_stats')
          .values(
            ids.map((id) => ({
              customer_id: id,
              currency: 'GBP',
              total_orders: 0,
              completed_orders: 0,
              total_spent_minor: 0,
              total_refunded_minor: 0,
              first_order_at: null,
              first_completed_at: null,
              last_completed_at: null,
            })),
          )
          .execute();
      }
    });
    const broad = await sample.call('/customers?q=bulkwright&limit=5');
    expect(broad.body).toMatchObject({ total: SEARCH_COUNT_LIMIT, totalIsEstimate: true });
    expect(broad.body.items).toHaveLength(5);
    const country = await sample.call('/customers?country=Bulkland&limit=5');
    expect(country.body).toMatchObject({ total: SEARCH_COUNT_LIMIT, totalIsEstimate: true });
    const narrow = await sample.call('/customers?q=bulkwright%20bulk-0000&limit=5');
    expect(narrow.body).toMatchObject({ total: 100, totalIsEstimate: false });
  });
});
