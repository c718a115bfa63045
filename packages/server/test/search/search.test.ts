/**
 * Customer search over the real app and sample (R15, design Property 10): free text through the
 * FTS5 trigram index gives exactly the customers a brute-force reading of the rules gives (not only
 * every result matching, but every match found), the index follows changes, and the new filters
 * (`segment`, `tier`, `tag`) combine with the others with a correct `total`.
 */
import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSampleApp, type SampleApp } from '../helpers/sample-db.js';
import { testEngine } from '../helpers/engines.js';
import { foldText } from '../../src/aggregate/search-text.js';

let sample: SampleApp;
let people: Array<{ id: string; name: string; email: string | null; phone: string | null; country: string | null }>;
beforeAll(async () => {
  sample = await openSampleApp();
  people = await sample.db.selectFrom('customers').select(['id', 'name', 'email', 'phone', 'country']).execute();
});
afterAll(() => sample.close());

const send = (method: string, path: string, body?: unknown) =>
  sample.call(path, {
    method,
    headers: { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });

async function search(query: string): Promise<{ ids: string[]; total: number }> {
  const out: string[] = [];
  let cursor: string | null = null;
  let total = -1;
  do {
    const res = await sample.call(`/customers?limit=100&${query}${cursor ? `&cursor=${cursor}` : ''}`);
    expect(res.status, query).toBe(200);
    out.push(...res.body.items.map((i: { id: string }) => i.id));
    total = res.body.total;
    cursor = res.body.nextCursor;
  } while (cursor);
  return { ids: out.sort(), total };
}

/** The rules of `q`, read independently: exact id or order number, substring of name/email/phone digits. */
async function expectedFor(raw: string): Promise<string[]> {
  const q = raw.replace(/[\u0000-\u001f\u007f]/g, ' ').trim();
  if (!q) return people.map((p) => p.id).sort();
  const lower = foldText(q); // search_text and queries are folded: accents never decide
  const digits = q.replace(/\D/g, '');
  const phoneQuery = digits.length >= 4 && digits.length === q.replace(/[\s()+.-]/g, '').length;
  const owners = new Set(
    (await sample.db.selectFrom('orders').select('customer_id').where('number', '=', q).execute()).map((r) => r.customer_id),
  );
  return people
    .filter((p) => {
      const phoneDigits = (p.phone ?? '').replace(/\D/g, '');
      return (
        p.id === q ||
        owners.has(p.id) ||
        foldText(p.name).includes(lower) ||
        foldText(p.email ?? '').includes(lower) ||
        phoneDigits.includes(lower) ||
        (phoneQuery && phoneDigits.includes(digits))
      );
    })
    .map((p) => p.id)
    .sort();
}

describe('free text through FTS5', () => {
  it('the text index exists (SQLite: FTS5 holding every customer; PostgreSQL: the pg_trgm GIN index)', async () => {
    if (testEngine() === 'sqlite') {
      const { rows } = await sql<{ n: number }>`select count(*) as n from customers_fts`.execute(sample.db);
      expect(rows[0]!.n).toBe(people.length);
    } else {
      const { rows } = await sql<{ def: string }>`select indexdef as def from pg_indexes where tablename = 'customers'`.execute(sample.db);
      expect(rows.map((r) => r.def).filter((d) => /using gin \(search_text gin_trgm_ops\)/i.test(d))).toHaveLength(1);
    }
  });

  it('finds exactly the customers whose name, email or phone contains the text (any length), or whose id / order number it is', async () => {
    const numbers = (await sample.db.selectFrom('orders').select('number').limit(300).execute()).map((o) => o.number);
    const fragment = (text: string) =>
      fc.tuple(fc.nat(), fc.integer({ min: 1, max: 9 })).map(([start, len]) => {
        const s = start % Math.max(1, text.length);
        return text.slice(s, s + len);
      });
    const query = fc.oneof(
      fc.constantFrom(...people).chain((p) => fragment(p.name)),
      fc.constantFrom(...people).chain((p) => fragment(p.name).map((s) => s.toUpperCase())),
      fc.constantFrom(...people).chain((p) => fragment(p.email ?? p.name)),
      fc.constantFrom(...people).chain((p) => fragment((p.phone ?? '').replace(/\D/g, '') || p.name)),
      fc
        .constantFrom(...people)
        .filter((p) => !!p.phone)
        .map((p) => p.phone!.slice(0, 9)),
      fc.constantFrom(...numbers),
      fc.constantFrom(...people).map((p) => p.id),
      fc.string({ minLength: 1, maxLength: 6 }),
      fc.constantFrom('"', '""x"', 'a%b', '_an', 'AND', 'o OR a', '*', 'ma*', 'NEAR(a b)', '-', "'"),
    );
    await fc.assert(
      fc.asyncProperty(query, async (raw) => {
        const result = await search(`q=${encodeURIComponent(raw)}`);
        const expected = await expectedFor(raw);
        expect(result.ids, JSON.stringify(raw)).toEqual(expected);
        expect(result.total).toBe(expected.length);
      }),
      { numRuns: 200 },
    );
  });

  it('follows inserts and renames at once (triggers keep the index in sync)', async () => {
    const upsert = (n: number, name: string, email: string) =>
      send('POST', '/events', [
        { id: `fts-${n}`, type: 'customer.upserted', occurredAt: '2011-11-01T00:00:00Z', data: { customerId: 'FTS-1', name, email } },
      ]);
    expect((await upsert(1, 'Zebediah Quartermaine', 'zq@example.org')).status).toBe(200);
    expect((await search('q=ediah%20quart')).ids).toEqual(['FTS-1']);
    expect((await search('q=ZQ%40EXAMPLE')).ids).toEqual(['FTS-1']);
    await upsert(2, 'Ottoline Vance', 'ov@example.org');
    expect((await search('q=ediah%20quart')).ids).toEqual([]);
    expect((await search('q=ottoline')).ids).toEqual(['FTS-1']);
    if (sample.engine !== 'sqlite') return; // the FTS5 table itself (PostgreSQL's GIN index has no rows to read)
    const { rows } = await sql<{ n: number }>`select count(*) as n from customers_fts where customers_fts match '"quartermaine"'`.execute(
      sample.db,
    );
    expect(rows[0]!.n).toBe(0);
  });
});

describe('segment, tier and tag filters', () => {
  it('combine with each other and with the existing filters, with a correct total', async () => {
    const tiers = await sample.db.selectFrom('loyalty_accounts').select(['customer_id', 'tier']).execute();
    const tierOf = new Map(tiers.map((t) => [t.customer_id, t.tier]));
    const tier = [...new Set(tiers.map((t) => t.tier))].sort(
      (a, b) => tiers.filter((t) => t.tier === b).length - tiers.filter((t) => t.tier === a).length,
    )[0]!;
    expect((await search(`tier=${tier}`)).ids).toEqual(
      tiers
        .filter((t) => t.tier === tier)
        .map((t) => t.customer_id)
        .sort(),
    );

    // A manual segment and a tag over overlapping halves of the customers.
    const seg = (await send('POST', '/segments', { name: 'Search test', kind: 'manual' })).body;
    const inSeg = people.filter((_, i) => i % 2 === 0).map((p) => p.id);
    const tagged = people.filter((_, i) => i % 3 === 0).map((p) => p.id);
    for (const id of inSeg) await send('POST', `/customers/${id}/segments`, { segmentId: seg.id });
    for (const id of tagged) await send('POST', `/customers/${id}/tags`, { name: 'Search tag' });
    const stats = new Map(
      (await sample.db.selectFrom('customer_stats').select(['customer_id', 'total_spent_minor', 'total_orders']).execute()).map((s) => [
        s.customer_id,
        s,
      ]),
    );

    const expected = people
      .filter((p) => inSeg.includes(p.id) && tagged.includes(p.id) && tierOf.get(p.id) === tier)
      .filter((p) => Number(stats.get(p.id)?.total_spent_minor ?? 0) >= 10_000 && p.country === 'United Kingdom')
      .map((p) => p.id)
      .sort();
    expect(expected.length).toBeGreaterThan(0);
    const result = await search(`segment=${encodeURIComponent(seg.id)}&tag=search%20tag&tier=${tier}&clvMin=100&country=United%20Kingdom`);
    expect(result.ids).toEqual(expected);
    expect(result.total).toBe(expected.length);

    // With free text too: the first letter pair of a member's name.
    if (expected.length) {
      const name = people.find((p) => p.id === expected[0])!.name.slice(0, 4);
      const withText = await search(
        `q=${encodeURIComponent(name)}&segment=${encodeURIComponent(seg.id)}&tag=search%20tag&tier=${tier}&clvMin=100&country=United%20Kingdom`,
      );
      const textMatches = new Set(await expectedFor(name));
      expect(withText.ids).toEqual(expected.filter((id) => textMatches.has(id)));
    }

    // Sorted and paged: the same set in every sort order, no repeats.
    for (const sort of ['name', '-lifetimeValue', '-lastPurchaseAt', '-totalOrders', 'id']) {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const res = await sample.call(
          `/customers?limit=7&sort=${sort}&segment=${encodeURIComponent(seg.id)}&tag=search%20tag${cursor ? `&cursor=${cursor}` : ''}`,
        );
        seen.push(...res.body.items.map((i: { id: string }) => i.id));
        cursor = res.body.nextCursor;
      } while (cursor);
      expect(seen.sort(), sort).toEqual(inSeg.filter((id) => tagged.includes(id)).sort());
    }

    expect((await search('segment=no-such-segment')).total).toBe(0);
    expect((await sample.call('/customers?tier=diamond')).body.errors[0].field).toBe('query.tier');
  });

  it('documents the new parameters in the OpenAPI document', async () => {
    const doc = (await sample.call('/openapi.json')).body;
    const params = doc.paths['/customers'].get.parameters.map((p: { name: string }) => p.name);
    expect(params).toEqual(expect.arrayContaining(['segment', 'tier', 'tag']));
    for (const path of [
      '/customers/{id}/notes',
      '/tags',
      '/customers/{id}/tags',
      '/customers/{id}/tags/{tagId}',
      '/segments',
      '/segments/{segmentId}',
      '/customers/{id}/segments',
      '/customers/{id}/segments/{segmentId}',
      '/customers/compare',
    ]) {
      expect(Object.keys(doc.paths), path).toContain(path);
    }
    expect(Object.keys(doc.components.schemas)).toEqual(
      expect.arrayContaining(['Note', 'NotesPage', 'TagSummary', 'SegmentCriteria', 'Segment', 'CustomerComparison']),
    );
  });
});
