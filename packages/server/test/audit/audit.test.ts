/**
 * GET /audit through the real app over a real SQLite copy of the sample: filters (customer, actor,
 * action and action family, dates), keyset paging that never skips or repeats, manager and up only,
 * customer-scoped tokens only for their own customer; bulk exports are listed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { AuditPage, type AuditEntry, type Role } from '@c360/sdk';
import { openSampleApp, type SampleApp } from '../helpers/sample-db.js';

let sample: SampleApp;
let C: string;
let D: string;

const patch = (body: unknown): RequestInit => ({
  method: 'PATCH',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
});

async function audit(query: string, as: Role | { token: string } = 'manager') {
  const res = await sample.call(`/audit${query}`, { as });
  return res;
}

/** Every entry matching `query`, walking the cursor with pages of `limit`. */
async function all(query: string, limit: number): Promise<AuditEntry[]> {
  const out: AuditEntry[] = [];
  let cursor: string | null = null;
  do {
    const sep = query ? '&' : '?';
    const res = await audit(`${query}${sep}limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const page = AuditPage.parse(res.body);
    out.push(...page.entries);
    cursor = page.nextCursor;
  } while (cursor);
  return out;
}

beforeAll(async () => {
  sample = await openSampleApp();
  const ids = await sample.db.selectFrom('customers').select('id').orderBy('id').limit(2).execute();
  [C, D] = [ids[0]!.id, ids[1]!.id];
  // Known rows at known times, beside what the app writes itself.
  await sample.db
    .insertInto('audit_log')
    .values([
      {
        actor: 'Auditor A',
        action: 'export.pdf',
        customer_id: C,
        details: JSON.stringify({ filename: 'a.pdf' }),
        at: '2011-03-01T10:00:00.000Z',
      },
      {
        actor: 'Auditor B',
        action: 'export.csv',
        customer_id: D,
        details: JSON.stringify({ filename: 'b.csv' }),
        at: '2011-03-02T10:00:00.000Z',
      },
      { actor: 'Auditor A', action: 'segment.member_removed', customer_id: C, details: null, at: '2011-03-03T10:00:00.000Z' },
      { actor: 'Auditor A', action: 'export_x.odd', customer_id: C, details: 'not json', at: '2011-03-03T10:00:00.000Z' },
    ])
    .execute();
  expect((await sample.call(`/customers/${C}/preferences`, { ...patch({ frequency: 'weekly' }), as: 'agent' })).status).toBe(200);
  expect((await sample.call('/customers/export.csv?clvMin=100000', { as: 'manager' })).status).toBe(200);
});
afterAll(() => sample.close());

describe('GET /audit', () => {
  it('lists entries newest first with actor, action, customer and details; bulk exports have no customer', async () => {
    const entries = await all('', 200);
    const times = entries.map((e) => e.at);
    expect(times).toEqual([...times].sort().reverse());
    expect(entries.find((e) => e.action === 'preferences.updated' && e.customerId === C)).toMatchObject({
      actor: 'Test agent',
      details: expect.objectContaining({ frequency: 'weekly' }),
    });
    expect(entries.find((e) => e.action === 'export.customers.csv')).toMatchObject({ actor: 'Test manager', customerId: null });
    expect(entries.find((e) => e.action === 'export_x.odd')!.details).toEqual({ value: 'not json' });
  });

  it('filters by customer, actor, exact action, action family and dates', async () => {
    expect((await all(`?customer=${C}&actor=Auditor%20A`, 50)).map((e) => e.action)).toEqual([
      'export_x.odd',
      'segment.member_removed',
      'export.pdf',
    ]);
    expect((await all('?action=export.csv&actor=Auditor%20B', 50)).map((e) => e.customerId)).toEqual([D]);
    const family = await all('?action=export.*', 50);
    expect(family.length).toBeGreaterThanOrEqual(3);
    expect(family.every((e) => e.action.startsWith('export.'))).toBe(true); // not export_x.odd
    expect((await all('?actor=Auditor%20A&from=2011-03-02&to=2011-03-03', 50)).map((e) => e.action).sort()).toEqual([
      'export_x.odd',
      'segment.member_removed',
    ]);
    expect(await all('?actor=Auditor%20B&to=2011-03-01', 50)).toEqual([]);
  });

  it('property: any page size walks every entry exactly once, in order', async () => {
    const everything = (await all('', 200)).map((e) => e.id);
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 7 }), async (limit) => {
        expect((await all('', limit)).map((e) => e.id)).toEqual(everything);
      }),
      { numRuns: 6 },
    );
  });

  it('manager and admin only; a customer-scoped token only with its own ?customer=', async () => {
    for (const [role, status] of [
      ['viewer', 403],
      ['agent', 403],
      ['manager', 200],
      ['admin', 200],
    ] as const) {
      const res = await audit('?limit=1', role);
      expect(res.status, role).toBe(status);
      if (status === 403) expect(res.body.detail).toBe('needs audit:read');
    }
    const scoped = { token: sample.embedToken(C, { role: 'manager' }) };
    expect((await audit(`?customer=${C}`, scoped)).status).toBe(200);
    expect((await audit(`?customer=${D}`, scoped)).status).toBe(403);
    expect((await audit('', scoped)).status).toBe(403);
  });

  it('400 naming the field for a bad cursor, limit or date', async () => {
    for (const [query, field] of [
      ['?cursor=nope', 'query.cursor'],
      ['?limit=0', 'query.limit'],
      ['?from=yesterday', 'query.from'],
    ] as const) {
      const res = await audit(query);
      expect(res.status, query).toBe(400);
      expect(
        (res.body.errors as Array<{ field: string }>).map((e) => e.field),
        query,
      ).toContain(field);
    }
  });
});
