/**
 * The Refine data provider (@c360/sdk/refine) against the real API over HTTP: the sample database
 * (Online Retail slice + demo enrichment), the real app listening on a free port, the SDK client
 * with real fetch. Checks paging over keyset cursors, sorters, filters, getOne/getMany, and that
 * what the API cannot express is refused with a clear error (writes and live: refine-writes-live.test.ts).
 */
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serve, type ServerType } from '@hono/node-server';
import { createClient, type CustomerSummary } from '@c360/sdk';
import { c360DataProvider, C360RefineError, type C360DataProvider, type Customer360Record } from '@c360/sdk/refine';
import { openSampleApp, type SampleApp } from '../../server/test/helpers/sample-db.js';

let sample: SampleApp;
let server: ServerType;
let baseUrl: string;
/** Paths of the requests the provider made (to count cursor walks). */
const requests: string[] = [];

const provider = (): C360DataProvider =>
  c360DataProvider(
    createClient({
      baseUrl,
      token: sample.tokens.admin,
      fetch: (input, init) => {
        requests.push(new URL(String(input)).search);
        return fetch(input, init);
      },
    }),
  );

/** GET /customers straight from the API (the expected answer). */
async function api(query: string): Promise<{ items: CustomerSummary[]; total: number; nextCursor: string | null }> {
  const res = await fetch(`${baseUrl}/customers?${query}`, { headers: { authorization: `Bearer ${sample.tokens.admin}` } });
  expect(res.status).toBe(200);
  return res.json();
}

const ids = (rows: { id?: unknown }[]) => rows.map((r) => String(r.id));

async function rejection(promise: Promise<unknown>): Promise<C360RefineError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(C360RefineError);
  return error as C360RefineError;
}

beforeAll(async () => {
  sample = await openSampleApp();
  server = await new Promise<ServerType>((resolve) => {
    const s = serve({ fetch: sample.rawApp.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await sample.close();
});

describe('getList of customers: pages over keyset cursors', () => {
  it('pages are disjoint, in the API order, and carry the API total', async () => {
    const dp = provider();
    const expected = await api('limit=30');
    const pages = [];
    for (const currentPage of [1, 2, 3]) {
      pages.push(await dp.getList({ resource: 'customers', pagination: { currentPage, pageSize: 10 } }));
    }
    expect(pages.map((p) => p.data.length)).toEqual([10, 10, 10]);
    const all = pages.flatMap((p) => ids(p.data));
    expect(new Set(all).size).toBe(30);
    expect(all).toEqual(ids(expected.items));
    for (const page of pages) expect(page.total).toBe(expected.total);
    const names = pages.flatMap((p) => p.data.map((c) => String(c.name)));
    expect(names).toEqual(expected.items.map((c) => c.name));
  });

  it('jumps straight to a far page by walking the cursors, then moves by one request per page', async () => {
    const dp = provider();
    const expected = await api('limit=100');
    const next = await api(`limit=100&cursor=${expected.nextCursor}`);
    const rows = [...expected.items, ...next.items];
    requests.length = 0;
    const page15 = await dp.getList({ resource: 'customers', pagination: { currentPage: 15, pageSize: 12 } });
    expect(ids(page15.data)).toEqual(ids(rows.slice(14 * 12, 15 * 12)));
    // Offset 168: one hop of 100, one of 68, then the page.
    expect(requests).toHaveLength(3);
    requests.length = 0;
    const page16 = await dp.getList({ resource: 'customers', pagination: { currentPage: 16, pageSize: 12 } });
    const page14 = await dp.getList({ resource: 'customers', pagination: { currentPage: 14, pageSize: 12 } });
    expect(ids(page16.data)).toEqual(ids(rows.slice(15 * 12, 16 * 12)));
    expect(ids(page14.data)).toEqual(ids(rows.slice(13 * 12, 14 * 12)));
    expect(requests).toHaveLength(3); // page 16 from page 15's cursor; page 14 from the hop's cursor at 100 (+ one hop)
  });

  it('a page past the end is empty with the total', async () => {
    const { total } = await api('limit=1');
    const page = await provider().getList({ resource: 'customers', pagination: { currentPage: Math.ceil(total / 50) + 1, pageSize: 50 } });
    expect(page).toEqual({ data: [], total });
  });

  it('pagination mode "off" returns every match', async () => {
    const expected = await api('country=France&limit=100');
    const all = await provider().getList({
      resource: 'customers',
      pagination: { mode: 'off' },
      filters: [{ field: 'country', operator: 'eq', value: 'France' }],
    });
    expect(all.data.length).toBe(expected.total);
    expect(all.total).toBe(expected.total);
  });
});

describe('getList of customers: sorters and filters', () => {
  it('sorts by lifetime value, descending and ascending', async () => {
    const dp = provider();
    const desc = await dp.getList({
      resource: 'customers',
      pagination: { currentPage: 2, pageSize: 10 },
      sorters: [{ field: 'lifetimeValue', order: 'desc' }],
    });
    const values = desc.data.map((c) => Number(c.lifetimeValue));
    expect(values).toEqual([...values].sort((a, b) => b - a));
    expect(ids(desc.data)).toEqual(ids((await api('sort=-lifetimeValue&limit=20')).items.slice(10)));
    const asc = await dp.getList({
      resource: 'customers',
      pagination: { currentPage: 1, pageSize: 10 },
      sorters: [{ field: 'lifetimeValue', order: 'asc' }],
    });
    expect(Number(asc.data[0]!.lifetimeValue)).toBeLessThanOrEqual(Number(asc.data[9]!.lifetimeValue));
    expect(Number(asc.data[9]!.lifetimeValue)).toBeLessThanOrEqual(values[0]!);
  });

  it('applies country, CLV range, order count and free-text filters (AND), across pages', async () => {
    const dp = provider();
    const { total: everyone } = await api('limit=1');
    const filters = [
      { field: 'country', operator: 'eq' as const, value: 'United Kingdom' },
      { operator: 'and' as const, value: [{ field: 'lifetimeValue', operator: 'between' as const, value: [500, '5000'] }] },
      { field: 'totalOrders', operator: 'gte' as const, value: 2 },
    ];
    const first = await dp.getList({ resource: 'customers', pagination: { currentPage: 1, pageSize: 5 }, filters });
    const second = await dp.getList({ resource: 'customers', pagination: { currentPage: 2, pageSize: 5 }, filters });
    expect(first.total).toBe((await api('country=United%20Kingdom&clvMin=500&clvMax=5000&ordersMin=2&limit=1')).total);
    expect(first.total).toBeLessThan(everyone);
    for (const c of [...first.data, ...second.data]) {
      expect(c.country).toBe('United Kingdom');
      expect(c.lifetimeValue).toBeGreaterThanOrEqual(500);
      expect(c.lifetimeValue).toBeLessThanOrEqual(5000);
      expect(c.totalOrders).toBeGreaterThanOrEqual(2);
    }
    expect(ids(first.data).some((id) => ids(second.data).includes(id))).toBe(false);

    const name = String(first.data[0]!.name).split(' ')[0]!;
    const byName = await dp.getList({ resource: 'customers', filters: [{ field: 'name', operator: 'contains', value: name }] });
    expect(byName.total).toBeGreaterThan(0);
    expect(byName.total).toBeLessThan(everyone);
    expect(byName.data.every((c) => `${c.name} ${c.email}`.toLowerCase().includes(name.toLowerCase()))).toBe(true);
  });

  it('filters by loyalty tier and RFM segment like the API, and skips cleared filters', async () => {
    const dp = provider();
    const gold = await dp.getList({
      resource: 'customers',
      filters: [
        { field: 'tier', operator: 'eq', value: 'gold' },
        { field: 'segment', operator: 'eq', value: 'rfm:champions' },
        { field: 'q', operator: 'contains', value: undefined },
      ],
    });
    const expected = await api('tier=gold&segment=rfm%3Achampions&limit=10');
    expect(gold.total).toBe(expected.total);
    expect(ids(gold.data)).toEqual(ids(expected.items));
  });
});

describe('getOne and getMany of customers', () => {
  it('getOne returns the 360 summary with the id on top', async () => {
    const { data } = await provider().getOne<Customer360Record>({ resource: 'customers', id: '17850' });
    expect(data.id).toBe('17850');
    expect(data.profile.id).toBe('17850');
    expect(data.metrics.currency).toBe('GBP');
    expect(data.health.score).toBeGreaterThanOrEqual(0);
    expect(data.churn.level).toBeTruthy();
  });

  it('getMany returns the summary rows of the ids, in order, in one request', async () => {
    requests.length = 0;
    const { data } = await provider().getMany!({ resource: 'customers', ids: ['12346', 17850, 'no-such-customer'] });
    expect(ids(data)).toEqual(['12346', '17850']);
    expect(requests).toEqual([`?${new URLSearchParams({ ids: '12346,17850,no-such-customer', limit: '3' })}`]);
    expect(data[1]).toMatchObject({ id: '17850', healthScore: expect.any(Number), churnRisk: expect.any(Number) });
  });

  it('an unknown customer is a 404 with the API message', async () => {
    const error = await rejection(provider().getOne({ resource: 'customers', id: 'nope-1' }));
    expect(error.statusCode).toBe(404);
    expect(error.message).toContain('nope-1');
  });
});

describe('segments and tags for filter forms', () => {
  it('lists every segment and tag', async () => {
    const dp = provider();
    const segments = await dp.getList({ resource: 'segments', pagination: { mode: 'off' } });
    expect(segments.data.map((s) => s.id)).toContain('rfm:champions');
    const tags = await dp.getList({ resource: 'tags', pagination: { currentPage: 1, pageSize: 100 } });
    expect(tags.total).toBe(tags.data.length);
  });
});

describe('what the API cannot express is refused clearly', () => {
  it('an unknown field or operator names the supported filters', async () => {
    const dp = provider();
    const field = await rejection(
      dp.getList({ resource: 'customers', filters: [{ field: 'favouriteColour', operator: 'eq', value: 'red' }] }),
    );
    expect(field.statusCode).toBe(400);
    expect(field.message).toMatch(/cannot filter customers by the field "favouriteColour"; supported: q\/name/);
    expect(field.errors).toEqual({ favouriteColour: 'the field "favouriteColour"' });
    const operator = await rejection(
      dp.getList({ resource: 'customers', filters: [{ field: 'lifetimeValue', operator: 'gt', value: 10 }] }),
    );
    expect(operator.message).toContain('lifetimeValue gt');
    const or = await rejection(
      dp.getList({ resource: 'customers', filters: [{ operator: 'or', value: [{ field: 'tier', operator: 'eq', value: 'gold' }] }] }),
    );
    expect(or.message).toContain('"or" group');
    const nan = await rejection(dp.getList({ resource: 'customers', filters: [{ field: 'totalOrders', operator: 'gte', value: 'many' }] }));
    expect(nan.message).toContain('non-numeric');
  });

  it('a value the API rejects comes back with the API field error', async () => {
    const error = await rejection(
      provider().getList({ resource: 'customers', filters: [{ field: 'tier', operator: 'eq', value: 'diamond' }] }),
    );
    expect(error.statusCode).toBe(400);
    expect(Object.keys(error.errors ?? {})).toEqual(['tier']);
    expect(error.message).toContain('tier');
    expect(error.problem?.status).toBe(400);
  });

  it('unsupported sorts, page sizes, resources and writes', async () => {
    const dp = provider();
    expect((await rejection(dp.getList({ resource: 'customers', sorters: [{ field: 'name', order: 'desc' }] }))).message).toContain(
      'cannot sort customers by name desc',
    );
    expect((await rejection(dp.getList({ resource: 'customers', pagination: { pageSize: 500 } }))).message).toContain(
      'pageSize must be 1–100',
    );
    expect((await rejection(dp.getList({ resource: 'orders' }))).statusCode).toBe(404);
    const write = await rejection(dp.create({ resource: 'customers', variables: { name: 'X' } }));
    expect(write.statusCode).toBe(405);
    expect(write.message).toContain('it writes notes (create)');
    expect((await rejection(dp.deleteOne({ resource: 'customers', id: '17850' }))).statusCode).toBe(405);
  });
});
