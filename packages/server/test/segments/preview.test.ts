/**
 * POST /segments/preview over the real app and sample: the count equals the member count of the
 * rule segment saved with the same criteria, the sample is the first matching customers in id
 * order, nothing is written, bad criteria are a 400 naming the part, only roles that create
 * segments may ask, and the count stops at 10,000 ("10,000+") like search's.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEARCH_COUNT_LIMIT, SegmentPreview, type SegmentCriteria } from '@c360/sdk';
import { openSampleApp, type SampleApp } from '../helpers/sample-db.js';
import { snapshotAll } from '../ingest/helpers.js';
import { previewSegment } from '../../src/segments/preview.js';

let sample: SampleApp;
let n = 0;

beforeAll(async () => {
  sample = await openSampleApp();
}, 120_000);
afterAll(async () => {
  await sample?.close();
});

const post = (body: unknown) => ({ method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

async function preview(criteria: unknown, as?: 'viewer' | 'agent' | 'manager') {
  return sample.call('/segments/preview', { ...post({ criteria }), ...(as ? { as } : {}) });
}

/** Saves a rule segment with `criteria`; returns its member count and members in id order. */
async function saved(criteria: SegmentCriteria): Promise<{ count: number; members: string[] }> {
  const res = await sample.call('/segments', post({ name: `Preview check ${++n}`, kind: 'rule', criteria }));
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  const rows = await sample.db
    .selectFrom('segment_assignments')
    .select('customer_id')
    .where('segment_id', '=', res.body.id)
    .orderBy('customer_id')
    .execute();
  return { count: res.body.memberCount, members: rows.map((r) => r.customer_id) };
}

const CASES: SegmentCriteria[] = [
  {
    all: [
      { field: 'country', op: '=', value: 'United Kingdom' },
      { field: 'lifetimeValue', op: '>', value: 1000 },
    ],
  },
  { any: [{ field: 'rfmSegment', op: 'in', value: ['Champions', 'At Risk'] }, { not: { field: 'churnScore', op: '<', value: 60 } }] },
  {
    all: [
      { field: 'registeredAt', op: 'after', value: '2010-06-01' },
      { field: 'healthScore', op: '>=', value: 50 },
    ],
  },
  { field: 'country', op: 'contains', value: 'no such country' },
];

describe('POST /segments/preview', () => {
  it('counts what saving the rule selects and names the first five members in id order, writing nothing', async () => {
    for (const criteria of CASES) {
      const before = await snapshotAll(sample.db);
      const res = await preview(criteria);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect(await snapshotAll(sample.db)).toEqual(before);
      const body = SegmentPreview.parse(res.body);
      const truth = await saved(criteria);
      expect(body.count, JSON.stringify(criteria)).toBe(truth.count);
      expect(body.countIsEstimate).toBe(false);
      expect(body.sample.map((s) => s.id)).toEqual(truth.members.slice(0, 5)); // both in the engine's id order
      for (const s of body.sample) {
        const row = await sample.db.selectFrom('customers').select('name').where('id', '=', s.id).executeTakeFirstOrThrow();
        expect(s.name).toBe(row.name);
      }
    }
    // The first case selects some customers, the last none.
    expect((await preview(CASES[0])).body.count).toBeGreaterThan(0);
    expect((await preview(CASES[3])).body).toMatchObject({ count: 0, sample: [] });
  });

  it('stops when the caller gives up (an aborted signal)', async () => {
    const gaveUp = new AbortController();
    gaveUp.abort(new Error('stale preview'));
    await expect(previewSegment(sample.db, { asOf: sample.asOf }, CASES[0]!, gaveUp.signal)).rejects.toThrow('stale preview');
  });

  it('refuses bad criteria with a 400 naming the part', async () => {
    const res = await preview({
      all: [
        { field: 'country', op: '=', value: 'France' },
        { field: 'lifetimeValue', op: '>', value: 'lots' },
      ],
    });
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toContain('body.criteria.all.1.value');
    const deep = await preview({
      not: { not: { not: { not: { not: { not: { not: { not: { not: { field: 'tier', op: '=', value: 'gold' } } } } } } } } },
    });
    expect(deep.status).toBe(400);
    expect(JSON.stringify(deep.body)).toContain('body.criteria.not');
    expect((await sample.call('/segments/preview', post({}))).status).toBe(400);
  });

  it('answers the roles that create segments only', async () => {
    const criteria = { field: 'totalOrders', op: '>=', value: 10 };
    expect((await preview(criteria, 'viewer')).status).toBe(403);
    expect((await preview(criteria, 'agent')).status).toBe(403);
    expect((await preview(criteria, 'manager')).status).toBe(200);
    expect((await sample.call('/segments/preview', { ...post({ criteria }), as: null })).status).toBe(401);
  });

  it('counts exactly up to 10,000, then answers 10,000 with countIsEstimate', async () => {
    const { rows } = await sql<{ n: number }>`select count(*) as n from customers`.execute(sample.db);
    const have = Number(rows[0]!.n);
    const criteria = { field: 'totalOrders', op: '>=', value: 0 } as const; // every customer
    expect((await preview(criteria)).body).toMatchObject({ count: have, countIsEstimate: false });
    // Copies of the sample's customers (no orders) until there are more than 10,000.
    for (let copy = 1; have * copy <= SEARCH_COUNT_LIMIT; copy++) {
      await sql`insert into customers (id, name, search_text, country, registered_at, status, vip, currency, synthetic, created_at, updated_at)
        select ${`copy${copy}-`} || id, name, search_text, country, registered_at, status, vip, currency, synthetic, created_at, updated_at
        from customers where id not like 'copy%'`.execute(sample.db);
    }
    const res = await preview(criteria);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ count: SEARCH_COUNT_LIMIT, countIsEstimate: true });
    expect(res.body.sample).toHaveLength(5);
  }, 180_000);
});
