/**
 * Segments over the real app and sample (R11): criteria validation naming the path; rule members
 * equal to an independent evaluation over the 360 view (fast-check over random criteria);
 * recompute when customer data changes (ingestion, tags) and in the background refresh (stats
 * changed outside ingestion, a later as-of; never in a read);
 * manual assignment and audited removal; RFM segment counts.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LoyaltyTier, RfmSegmentName, SEGMENT_FIELDS, SEGMENT_OPERATORS, type SegmentCriteria, type SegmentField } from '@c360/sdk';
import { openSampleApp, TEST_SECRET, withToken, type SampleApp } from '../helpers/sample-db.js';
import { createApiApp } from '../../src/api/app.js';
import { recomputeCustomerStats } from '../../src/aggregate/customer-stats.js';
import { eventMaker } from '../ingest/helpers.js';
import { refreshDerivedIfStale } from '../../src/segments/derived-job.js';

let sample: SampleApp;
let ids: string[];

/** What the 360 view (and the loyalty account) says about a customer: the ground truth of rules. */
interface Truth {
  id: string;
  values: Partial<Record<SegmentField, number | string | null>>;
  tags: Set<string>;
}
let truths: Truth[];

async function json(method: string, path: string, body?: unknown, app = sample.app): Promise<{ status: number; body: any }> {
  const r = await app.request(`http://localhost${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: r.status, body: r.status === 204 ? null : await r.json() };
}

/** Change-feed rows after `id`, in order. */
async function feedSince(id: number): Promise<Array<{ id: number; customer_id: string; section: string; type: string }>> {
  return sample.db
    .withTables<{ change_feed: { id: number; customer_id: string; section: string; type: string } }>()
    .selectFrom('change_feed')
    .select(['id', 'customer_id', 'section', 'type'])
    .where('id', '>', id)
    .orderBy('id')
    .execute();
}

/** `customer segment` of every automatic (rule) membership. */
async function automaticAssignments(): Promise<Set<string>> {
  const rows = await sample.db
    .selectFrom('segment_assignments')
    .select(['customer_id', 'segment_id'])
    .where('how', '=', 'automatic')
    .execute();
  return new Set(rows.map((r) => `${r.customer_id} ${r.segment_id}`));
}

async function lastFeedId(): Promise<number> {
  const rows = await feedSince(0);
  return rows.at(-1)?.id ?? 0;
}

async function loadTruth(id: string, app = sample.app): Promise<Truth> {
  const v = await (await app.request(`http://localhost/customers/${id}/360`)).json();
  const tier = await sample.db.selectFrom('loyalty_accounts').select('tier').where('customer_id', '=', id).executeTakeFirst();
  const m = v.metrics;
  return {
    id,
    values: {
      lifetimeValue: m.lifetimeValue,
      averageOrderValue: m.averageOrderValue,
      totalOrders: m.totalOrders,
      completedOrders: m.completedOrders,
      totalRefunded: m.totalRefunded,
      daysSinceLastPurchase: m.daysSinceLastPurchase,
      tenureDays: m.tenureDays,
      purchaseFrequency: m.purchaseFrequency,
      'rfm.r': v.rfm?.r ?? null,
      'rfm.f': v.rfm?.f ?? null,
      'rfm.m': v.rfm?.m ?? null,
      rfmSegment: v.rfm?.segment ?? null,
      healthScore: v.health.score,
      churnScore: v.churn.score,
      tier: tier?.tier ?? null,
      country: v.profile.country,
      registeredAt: v.profile.registeredAt,
      lastPurchaseAt: m.lastPurchaseAt,
    },
    tags: new Set(v.tags.flatMap((t: { id: string; name: string }) => [t.id, t.name.toLowerCase()])),
  };
}

const RANK: Record<string, number> = { bronze: 1, silver: 2, gold: 3, platinum: 4 };

/** An independent reading of docs/segments.md. */
function holds(node: SegmentCriteria, t: Truth): boolean {
  if ('all' in node) return node.all.every((n) => holds(n, t));
  if ('any' in node) return node.any.some((n) => holds(n, t));
  if ('not' in node) return !holds(node.not, t);
  if (node.op === '!=') return !holds({ ...node, op: '=' }, t);
  const list = Array.isArray(node.value) ? node.value : [node.value];
  if (node.field === 'tag') return list.some((v) => t.tags.has(String(v)) || t.tags.has(String(v).toLowerCase()));
  const actual = t.values[node.field];
  if (actual === null || actual === undefined) return false;
  const kind = SEGMENT_FIELDS[node.field].kind;
  const cmp = (a: number, b: number) =>
    ({ '=': a === b, '>': a > b, '>=': a >= b, '<': a < b, '<=': a <= b })[node.op as '=' | '>' | '>=' | '<' | '<='] ?? false;
  if (kind === 'date') {
    const v = String(node.value);
    const at = Date.parse(actual as string);
    const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(v);
    return node.op === 'before' ? at < Date.parse(v) : dateOnly ? at >= Date.parse(v) + 86_400_000 : at > Date.parse(v);
  }
  if (kind === 'text') {
    const a = String(actual).toLowerCase();
    return node.op === 'contains' ? a.includes(String(node.value).toLowerCase()) : list.some((v) => String(v).toLowerCase() === a);
  }
  if (node.op === 'in') return list.includes(actual);
  if (kind === 'tier') return cmp(RANK[actual as string]!, RANK[node.value as string]!);
  if (kind === 'rfmSegment') return actual === node.value;
  return cmp(actual as number, node.value as number);
}

async function members(segmentId: string, app = sample.app): Promise<string[]> {
  const out: string[] = [];
  let cursor: string | null = null;
  do {
    const res = await app.request(
      `http://localhost/customers?limit=100&segment=${encodeURIComponent(segmentId)}${cursor ? `&cursor=${cursor}` : ''}`,
    );
    const body = await res.json();
    expect(res.status).toBe(200);
    out.push(...body.items.map((i: { id: string }) => i.id));
    cursor = body.nextCursor;
  } while (cursor);
  return out.sort();
}

beforeAll(async () => {
  sample = await openSampleApp();
  ids = (await sample.db.selectFrom('customers').select('id').orderBy('id').execute()).map((r) => r.id);
  // A few tags, so that rules on tags have something to find.
  for (const [i, id] of ids.slice(0, 60).entries()) {
    await json('POST', `/customers/${id}/tags`, { name: ['Wholesale', 'Gift buyer', 'Press'][i % 3] });
  }
  truths = [];
  for (const id of ids) truths.push(await loadTruth(id));
});
afterAll(() => sample.close());

describe('criteria validation', () => {
  it('answers 400 naming the path of the bad part, and creates nothing', async () => {
    const before = (await json('GET', '/segments')).body.segments.length;
    const cases: Array<[unknown, string]> = [
      [
        {
          all: [
            { field: 'lifetimeValue', op: '>', value: 10 },
            { field: 'tier', op: 'bogus', value: 'gold' },
          ],
        },
        'body.criteria.all.1.op',
      ],
      [
        {
          all: [
            { field: 'lifetimeValue', op: '>', value: 10 },
            { field: 'tier', op: 'contains', value: 'gold' },
          ],
        },
        'body.criteria.all.1.op',
      ],
      [{ any: [{ not: { field: 'nope', op: '=', value: 1 } }] }, 'body.criteria.any.0.not.field'],
      [{ any: [{ field: 'country', op: 'in', value: 'UK' }] }, 'body.criteria.any.0.value'],
      [{ field: 'rfmSegment', op: 'in', value: ['Champions', 'Nope'] }, 'body.criteria.value.1'],
      [{ field: 'registeredAt', op: 'before', value: 'yesterday' }, 'body.criteria.value'],
      [{ field: 'totalOrders', op: '>', value: '3' }, 'body.criteria.value'],
      [{ all: [{ field: 'totalOrders', op: '>' }] }, 'body.criteria.all.0.value'],
      [{ all: [] }, 'body.criteria.all'],
      [
        { all: [{ field: 'totalOrders', op: '>', value: 1, any: [{ field: 'totalOrders', op: '>', value: 1 }] }] },
        'body.criteria.all.0.field',
      ],
      [{}, 'body.criteria'],
    ];
    for (const [criteria, field] of cases) {
      const res = await json('POST', '/segments', { name: 'Bad', kind: 'rule', criteria });
      expect(res.status, JSON.stringify(criteria)).toBe(400);
      expect(
        res.body.errors.map((e: { field: string }) => e.field),
        JSON.stringify(criteria),
      ).toContain(field);
    }
    expect((await json('POST', '/segments', { name: 'Bad', kind: 'rule' })).body.errors[0].field).toBe('body.criteria');
    expect(
      (await json('POST', '/segments', { name: 'Bad', kind: 'manual', criteria: { field: 'totalOrders', op: '>', value: 1 } })).body
        .errors[0].field,
    ).toBe('body.criteria');
    expect((await json('POST', '/segments', { name: 'Bad', kind: 'rfm' })).body.errors[0].field).toBe('body.kind');
    expect((await json('GET', '/segments')).body.segments.length).toBe(before);
  });

  it('refuses a name taken by any segment, ignoring case (409)', async () => {
    const res = await json('POST', '/segments', { name: 'champions', kind: 'manual' });
    expect(res.status).toBe(409);
    expect(res.body.detail).toContain('Champions');
  });
});

/** A random condition whose values come from the sample, so that rules select some customers. */
function condition(): fc.Arbitrary<SegmentCriteria> {
  const fields = Object.keys(SEGMENT_FIELDS) as SegmentField[];
  return fc.constantFrom(...fields).chain((field) => {
    const kind = SEGMENT_FIELDS[field].kind;
    const observed = [...new Set(truths.map((t) => t.values[field]).filter((v) => v !== null && v !== undefined))] as Array<
      string | number
    >;
    const ops = SEGMENT_OPERATORS[kind];
    let scalar: fc.Arbitrary<string | number>;
    switch (kind) {
      case 'rfmSegment':
        scalar = fc.constantFrom(...RfmSegmentName.options);
        break;
      case 'tier':
        scalar = fc.constantFrom(...LoyaltyTier.options);
        break;
      case 'tag':
        scalar = fc.constantFrom('wholesale', 'GIFT BUYER', 'Press', 'absent tag');
        break;
      case 'text':
        scalar = fc.oneof(
          fc.constantFrom(...observed).map((v) => String(v).toUpperCase()),
          fc.constantFrom('king', 'an', 'Nowhere'),
        );
        break;
      case 'date':
        scalar = fc.oneof(
          fc.constantFrom(...observed).map(String),
          fc.constantFrom(...observed).map((v) => String(v).slice(0, 10)),
        );
        break;
      default:
        scalar = observed.length ? fc.constantFrom(...observed) : fc.constant(0);
    }
    return fc
      .constantFrom(...ops)
      .chain((op) =>
        (op === 'in' ? fc.array(scalar, { minLength: 1, maxLength: 4 }) : scalar).map((value) => ({ field, op, value }) as SegmentCriteria),
      );
  });
}

const criteria: fc.Arbitrary<SegmentCriteria> = fc.letrec<{ node: SegmentCriteria }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    condition(),
    fc.array(tie('node'), { minLength: 1, maxLength: 3 }).map((all) => ({ all })),
    fc.array(tie('node'), { minLength: 1, maxLength: 3 }).map((any) => ({ any })),
    tie('node').map((not) => ({ not })),
  ),
})).node;

describe('rule segments', () => {
  it('have exactly the customers that satisfy the rule, by an independent evaluation of the 360 views', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(criteria, async (rule) => {
        run += 1;
        const res = await json('POST', '/segments', { name: `Random rule ${run}`, kind: 'rule', criteria: rule });
        expect(res.status, JSON.stringify(res.body)).toBe(201);
        const expected = truths
          .filter((t) => holds(rule, t))
          .map((t) => t.id)
          .sort();
        expect(res.body.memberCount).toBe(expected.length);
        expect(await members(res.body.id)).toEqual(expected);
      }),
      { numRuns: 60 },
    );
  });

  it('covers every field and shows in the 360 view as automatic with the time the customer entered', async () => {
    const rule: SegmentCriteria = {
      any: [
        {
          all: [
            { field: 'lifetimeValue', op: '>=', value: 2000 },
            { field: 'daysSinceLastPurchase', op: '<', value: 60 },
          ],
        },
        { all: [{ field: 'healthScore', op: '>=', value: 60 }, { not: { field: 'country', op: '=', value: 'united kingdom' } }] },
        { field: 'rfmSegment', op: 'in', value: ['Cannot Lose Them', 'At Risk'] },
        {
          all: [
            { field: 'tier', op: '>=', value: 'gold' },
            { field: 'churnScore', op: '<', value: 50 },
          ],
        },
      ],
    };
    const before = new Date().toISOString();
    const res = await json('POST', '/segments', {
      name: 'Worth a call',
      kind: 'rule',
      criteria: rule,
      description: 'Valuable or healthy abroad',
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ name: 'Worth a call', kind: 'rule', criteria: rule, description: 'Valuable or healthy abroad' });
    const expected = truths
      .filter((t) => holds(rule, t))
      .map((t) => t.id)
      .sort();
    expect(expected.length).toBeGreaterThan(3);
    expect(expected.length).toBeLessThan(ids.length - 3);
    expect(await members(res.body.id)).toEqual(expected);
    const view = (await json('GET', `/customers/${expected[0]}/360`)).body;
    const membership = view.segments.find((s: { id: string }) => s.id === res.body.id);
    expect(membership).toMatchObject({ name: 'Worth a call', kind: 'rule', how: 'automatic' });
    expect(membership.assignedAt >= before).toBe(true);
    const listed = (await json('GET', '/segments')).body.segments.find((s: { id: string }) => s.id === res.body.id);
    expect(listed).toMatchObject({ memberCount: expected.length, criteria: rule });
  });

  it('recompute when customer data changes: orders through ingestion, tags, stats rebuilt by an import', async () => {
    const ev = eventMaker('seg-change');
    const post = (...events: unknown[]) => json('POST', '/events', events);
    const rich = (
      await json('POST', '/segments', {
        name: 'Testland big spenders',
        kind: 'rule',
        criteria: {
          all: [
            { field: 'country', op: '=', value: 'Testland' },
            { field: 'lifetimeValue', op: '>=', value: 500 },
          ],
        },
      })
    ).body;
    const fresh = (
      await json('POST', '/segments', {
        name: 'Testland no orders',
        kind: 'rule',
        criteria: {
          all: [
            { field: 'country', op: '=', value: 'Testland' },
            { field: 'totalOrders', op: '=', value: 0 },
          ],
        },
      })
    ).body;
    const watched = (
      await json('POST', '/segments', { name: 'Watched', kind: 'rule', criteria: { field: 'tag', op: 'contains', value: 'fraud watch' } })
    ).body;

    expect(
      (await post(ev('customer.upserted', { customerId: 'SEG-1', name: 'Tess Land', country: 'Testland' }, '2011-11-01T10:00:00.000Z')))
        .status,
    ).toBe(200);
    expect(await members(fresh.id)).toEqual(['SEG-1']);
    expect(await members(rich.id)).toEqual([]);

    const line = { productId: '85123A', quantity: 100, unitPrice: 2.55 };
    await post(
      ev(
        'order.placed',
        { customerId: 'SEG-1', orderId: 'SEG-O1', currency: 'GBP', status: 'pending', lines: [line] },
        '2011-11-02T10:00:00.000Z',
      ),
    );
    expect(await members(fresh.id)).toEqual([]); // one order now
    expect(await members(rich.id)).toEqual([]); // 255.00, and not completed
    const before = new Date().toISOString();
    await post(
      ev(
        'order.placed',
        { customerId: 'SEG-1', orderId: 'SEG-O2', currency: 'GBP', status: 'delivered', lines: [line, line] },
        '2011-11-03T10:00:00.000Z',
      ),
    );
    expect(await members(rich.id)).toEqual(['SEG-1']); // 510.00 completed
    const row = await sample.db.selectFrom('segment_assignments').selectAll().where('segment_id', '=', rich.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ customer_id: 'SEG-1', how: 'automatic', assigned_by: null });
    expect(row.assigned_at >= before).toBe(true);
    const titles = (await json('GET', '/customers/SEG-1/timeline?types=segment&limit=200')).body.events
      .map((e: { title: string }) => e.title)
      .filter((t: string) => t.includes('Testland'));
    expect(titles).toEqual([
      'Entered segment “Testland big spenders”',
      'Left segment “Testland no orders”',
      'Entered segment “Testland no orders”',
    ]);
    // Ingestion keeps the evaluation context current (no full recompute needed afterwards).
    const context = JSON.parse(
      (await sample.db.selectFrom('meta').select('value').where('key', '=', 'segments_context').executeTakeFirstOrThrow()).value,
    );
    const version = (await sample.db.selectFrom('meta').select('value').where('key', '=', 'stats_version').executeTakeFirstOrThrow()).value;
    expect(context.statsVersion).toBe(version);

    // Tags count at once.
    const tagged = await json('POST', `/customers/${ids[5]}/tags`, { name: 'Fraud watch' });
    expect(await members(watched.id)).toEqual([ids[5]]);
    await json('DELETE', `/customers/${ids[5]}/tags/${tagged.body.tags.find((t: { name: string }) => t.name === 'Fraud watch').id}`);
    expect(await members(watched.id)).toEqual([]);

    // Stats rebuilt outside ingestion (as an import does): reads show the committed memberships
    // until the background refresh runs (once: it is current afterwards).
    await sample.db.updateTable('orders').set({ status: 'cancelled' }).where('id', '=', 'SEG-O2').execute();
    await recomputeCustomerStats(sample.db, ['SEG-1']);
    expect(await members(rich.id)).toEqual(['SEG-1']);
    expect(await refreshDerivedIfStale(sample.db, { asOf: sample.asOf })).toBe(true);
    expect(await members(rich.id)).toEqual([]);
    expect(await refreshDerivedIfStale(sample.db, { asOf: sample.asOf })).toBe(false);
  });

  it('follow the latest as-of of the servers sharing the database, moved by the background refresh, never by a read', async () => {
    const recent = (
      await json('POST', '/segments', {
        name: 'Bought in the last 45 days',
        kind: 'rule',
        criteria: { field: 'daysSinceLastPurchase', op: '<=', value: 45 },
      })
    ).body;
    const laterAsOf = new Date(sample.asOf.getTime() + 30 * 86_400_000);
    const later = withToken(
      createApiApp({ db: sample.db, asOf: laterAsOf, auth: { secret: TEST_SECRET, writeRate: 0 } }),
      sample.tokens.admin,
    );
    const expectedLater: string[] = [];
    for (const id of ids) {
      const t = await loadTruth(id, later);
      if (holds(recent.criteria, t)) expectedLater.push(id);
    }
    expectedLater.sort();
    const expectedNow = truths
      .filter((t) => holds(recent.criteria, t))
      .map((t) => t.id)
      .sort();
    const changed = expectedNow.find((id) => !expectedLater.includes(id))!;
    expect(changed).toBeDefined();
    const inView = async (app: typeof sample.app) =>
      ((await json('GET', `/customers/${changed}/360`, undefined, app)).body.segments as Array<{ id: string }>).some(
        (s) => s.id === recent.id,
      );
    const listedCount = async (app: typeof sample.app) =>
      (await json('GET', '/segments', undefined, app)).body.segments.find((s: { id: string }) => s.id === recent.id).memberCount;

    // The later server reads what is committed (computed at the first server's as-of) …
    expect(await members(recent.id, later)).toEqual(expectedNow);
    expect(await listedCount(later)).toBe(expectedNow.length);
    expect(await inView(later)).toBe(true);
    // … until its background refresh moves the memberships to its as-of, with a change-feed row
    // (`segments`) for each customer who entered or left, and none for the others.
    const feedBefore = await lastFeedId();
    const assignedBefore = await automaticAssignments();
    expect(await refreshDerivedIfStale(sample.db, { asOf: laterAsOf })).toBe(true);
    const assignedAfter = await automaticAssignments();
    expect(await listedCount(later)).toBe(expectedLater.length);
    expect(await members(recent.id, later)).toEqual(expectedLater);
    expect(await inView(later)).toBe(false);
    const moved = (await feedSince(feedBefore)).filter((r) => r.section === 'segments');
    const customersOf = (pairs: Set<string>) => [...new Set([...pairs].map((p) => p.split(' ')[0]!))].sort();
    const customersIn = (type: string) => [...new Set(moved.filter((r) => r.type === type).map((r) => r.customer_id))].sort();
    expect(customersIn('segment.removed')).toEqual(customersOf(new Set([...assignedBefore].filter((p) => !assignedAfter.has(p)))));
    expect(customersIn('segment.assigned')).toEqual(customersOf(new Set([...assignedAfter].filter((p) => !assignedBefore.has(p)))));
    expect(customersIn('segment.removed')).toContain(changed);
    // The earlier server's refresh does not move them back (the as-of only moves forward), nor does a segment write.
    expect(await refreshDerivedIfStale(sample.db, { asOf: sample.asOf })).toBe(false);
    await json('PATCH', `/segments/${recent.id}`, { description: 'Recent buyers' });
    expect(await members(recent.id)).toEqual(expectedLater);
    expect(await inView(sample.app)).toBe(false);

    // Back to the sample's as-of for the other tests (forgetting the stored context).
    await sample.db.deleteFrom('meta').where('key', '=', 'segments_context').execute();
    expect(await refreshDerivedIfStale(sample.db, { asOf: sample.asOf })).toBe(true);
    expect(await members(recent.id)).toEqual(expectedNow);
  });

  it('can be renamed and given new criteria, which recomputes the members', async () => {
    const seg = (
      await json('POST', '/segments', { name: 'Two plus', kind: 'rule', criteria: { field: 'completedOrders', op: '>=', value: 2 } })
    ).body;
    const res = await json('PATCH', `/segments/${seg.id}`, {
      name: 'Ten plus',
      criteria: { field: 'completedOrders', op: '>=', value: 10 },
    });
    expect(res.status).toBe(200);
    const expected = truths
      .filter((t) => (t.values.completedOrders as number) >= 10)
      .map((t) => t.id)
      .sort();
    expect(res.body).toMatchObject({ name: 'Ten plus', memberCount: expected.length });
    expect(await members(seg.id)).toEqual(expected);
    expect((await json('PATCH', '/segments/rfm:champions', { name: 'Heroes' })).status).toBe(409);
    expect((await json('PATCH', '/segments/nope', { name: 'x' })).status).toBe(404);
  });
});

describe('manual segments', () => {
  it('assign at once, remove with an audit row and a timeline entry (R11.4, R11.5)', async () => {
    const id = ids[7]!;
    const seg = (await json('POST', '/segments', { name: 'Hand picked', kind: 'manual', description: 'Chosen by the team' })).body;
    expect(seg).toMatchObject({ kind: 'manual', criteria: null, memberCount: 0 });

    const added = await json('POST', `/customers/${id}/segments`, { segmentId: seg.id });
    expect(added.status).toBe(200);
    const membership = added.body.segments.find((s: { id: string }) => s.id === seg.id);
    expect(membership).toMatchObject({ name: 'Hand picked', kind: 'manual', how: 'manual' });
    expect((await json('GET', `/customers/${id}/360`)).body.segments).toContainEqual(membership);
    expect((await json('POST', `/customers/${id}/segments`, { segmentId: seg.id })).status).toBe(200); // again: no change
    expect(await members(seg.id)).toEqual([id]);

    const removed = await json('DELETE', `/customers/${id}/segments/${seg.id}`);
    expect(removed.status).toBe(204);
    expect(await members(seg.id)).toEqual([]);
    expect((await json('DELETE', `/customers/${id}/segments/${seg.id}`)).status).toBe(404);

    const audit = await sample.db
      .selectFrom('audit_log')
      .selectAll()
      .where('customer_id', '=', id)
      .where('action', 'like', 'segment.%')
      .orderBy('id')
      .execute();
    expect(audit.map((a) => [a.action, a.actor])).toEqual([
      ['segment.assigned', 'local operator'],
      ['segment.removed', 'local operator'],
    ]);
    expect(JSON.parse(audit[1]!.details!)).toMatchObject({ segmentId: seg.id, name: 'Hand picked', assignedBy: 'local operator' });
    const timeline = (await json('GET', `/customers/${id}/timeline?types=segment`)).body.events;
    expect(timeline.map((e: { title: string }) => e.title)).toEqual([
      'Removed from segment “Hand picked”',
      'Added to segment “Hand picked”',
    ]);
    expect(timeline[0].ref).toEqual({ kind: 'segment', id: seg.id });
  });

  it('refuses automatic segments (409) and unknown ids (404)', async () => {
    const id = ids[8]!;
    const rule = (await json('GET', '/segments')).body.segments.find((s: { kind: string }) => s.kind === 'rule');
    expect((await json('POST', `/customers/${id}/segments`, { segmentId: rule.id })).status).toBe(409);
    expect((await json('POST', `/customers/${id}/segments`, { segmentId: 'rfm:champions' })).status).toBe(409);
    expect((await json('DELETE', `/customers/${id}/segments/rfm:champions`)).status).toBe(409);
    expect((await json('POST', `/customers/${id}/segments`, { segmentId: 'nope' })).status).toBe(404);
    expect((await json('POST', '/customers/NOPE/segments', { segmentId: rule.id })).status).toBe(404);
    expect((await json('POST', `/customers/${id}/segments`, {})).body.errors[0].field).toBe('body.segmentId');
  });
});

describe('RFM segments', () => {
  it('exist out of the box; counts sum to the customers with a completed order and match the 360 views and the filter', async () => {
    const { segments } = (await json('GET', '/segments')).body;
    const rfm = segments.filter((s: { kind: string }) => s.kind === 'rfm');
    expect(rfm.map((s: { name: string }) => s.name)).toEqual(RfmSegmentName.options);
    const withOrder = truths.filter((t) => (t.values.completedOrders as number) > 0);
    expect(rfm.reduce((n: number, s: { memberCount: number }) => n + s.memberCount, 0)).toBe(withOrder.length);
    for (const s of rfm) {
      const expected = withOrder
        .filter((t) => t.values.rfmSegment === s.name)
        .map((t) => t.id)
        .sort();
      expect(s.memberCount, s.name).toBe(expected.length);
      expect(s.criteria).toEqual({ field: 'rfmSegment', op: '=', value: s.name });
      expect(await members(s.id), s.name).toEqual(expected);
    }
  });
});
