/**
 * Design properties over the real app and the real sample: CLV = Σ completed order totals
 * (Property 2), timeline newest first without gaps or repeats across pages (Property 3), scores
 * within 0–100 (Property 4), every search result matches the query (Property 10).
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TimelineEventType } from '@c360/sdk';
import { openSampleApp, type SampleApp } from '../helpers/sample-db.js';

let sample: SampleApp;
let ids: string[];
beforeAll(async () => {
  sample = await openSampleApp();
  ids = (await sample.db.selectFrom('customers').select('id').orderBy('id').execute()).map((r) => r.id);
});
afterAll(() => sample.close());

const customer = () => fc.integer({ min: 0, max: 10_000 }).map((i) => ids[i % ids.length]!);

describe('Property 2: lifetime value = sum of completed order totals', () => {
  it('holds for any sample customer', async () => {
    await fc.assert(
      fc.asyncProperty(customer(), async (id) => {
        const view = (await sample.call(`/customers/${id}/360`)).body;
        let cursor: string | null = null;
        let pence = 0;
        do {
          const page: any = (await sample.call(`/customers/${id}/orders?limit=200${cursor ? `&cursor=${cursor}` : ''}`)).body;
          for (const o of page.orders) if (o.status === 'completed' || o.status === 'delivered') pence += Math.round(o.total * 100);
          cursor = page.nextCursor;
        } while (cursor);
        expect(Math.round(view.metrics.lifetimeValue * 100)).toBe(pence);
      }),
      { numRuns: 60 },
    );
  });
});

describe('Property 3: timeline newest first, no gaps or repeats across pages', () => {
  it('paging with any page size and type filter yields exactly the matching events in order', async () => {
    const types = fc.subarray([...TimelineEventType.options], { minLength: 0, maxLength: 3 });
    await fc.assert(
      fc.asyncProperty(customer(), fc.integer({ min: 1, max: 25 }), types, async (id, limit, typeList) => {
        const seen: Array<{ id: string; occurredAt: string; type: string }> = [];
        let cursor: string | null = null;
        const filter = typeList.length ? `&types=${typeList.join(',')}` : '';
        do {
          const res = await sample.call(`/customers/${id}/timeline?limit=${limit}${filter}${cursor ? `&cursor=${cursor}` : ''}`);
          expect(res.status).toBe(200);
          expect(res.body.events.length).toBeLessThanOrEqual(limit);
          seen.push(...res.body.events);
          cursor = res.body.nextCursor;
        } while (cursor);

        let q = sample.db.selectFrom('activity').select(['id']).where('customer_id', '=', id);
        if (typeList.length) q = q.where('type', 'in', typeList);
        const all = await q.orderBy('occurred_at', 'desc').orderBy('id', 'desc').execute();
        expect(seen.map((e) => e.id)).toEqual(all.map((r) => r.id));
        for (let i = 1; i < seen.length; i++) expect(seen[i - 1]!.occurredAt >= seen[i]!.occurredAt).toBe(true);
        if (typeList.length) for (const e of seen) expect(typeList).toContain(e.type);
      }),
      { numRuns: 60 },
    );
  });
});

describe('Property 4: health and churn scores within 0–100', () => {
  it('holds for every sample customer', async () => {
    for (const id of ids) {
      const { health, churn } = (await sample.call(`/customers/${id}/360`)).body;
      for (const s of [health.score, churn.score]) {
        expect(Number.isInteger(s)).toBe(true);
        expect(s).toBeGreaterThanOrEqual(0);
        expect(s).toBeLessThanOrEqual(100);
      }
    }
  });
});

describe('Property 10: every search result matches the query', () => {
  it('holds for substrings of real names, emails, phones, order numbers and random text', async () => {
    const people = await sample.db.selectFrom('customers').select(['id', 'name', 'email', 'phone']).execute();
    const numbers = (await sample.db.selectFrom('orders').select('number').limit(500).execute()).map((o) => o.number);
    const fragment = (text: string) =>
      fc.tuple(fc.nat(), fc.integer({ min: 1, max: 8 })).map(([start, len]) => {
        const s = start % Math.max(1, text.length);
        return text.slice(s, s + len);
      });
    const query = fc.oneof(
      fc.constantFrom(...people).chain((p) => fragment(p.name)),
      fc.constantFrom(...people).chain((p) => fragment(p.email ?? p.name)),
      fc.constantFrom(...people).chain((p) => fragment((p.phone ?? '').replace(/\D/g, '') || p.name)),
      fc.constantFrom(...numbers),
      fc.constantFrom(...ids),
      fc.string({ minLength: 1, maxLength: 6 }),
    );
    const byId = new Map(people.map((p) => [p.id, p]));
    const orderOwners = async (n: string) =>
      new Set((await sample.db.selectFrom('orders').select('customer_id').where('number', '=', n).execute()).map((r) => r.customer_id));

    await fc.assert(
      fc.asyncProperty(query, async (raw) => {
        const q = raw.replace(/[\u0000-\u001f\u007f]/g, ' ').trim();
        const res = await sample.call(`/customers?limit=100&q=${encodeURIComponent(raw)}`);
        expect(res.status).toBe(200);
        if (!q) return;
        const owners = await orderOwners(q);
        const digits = q.replace(/\D/g, '');
        for (const item of res.body.items) {
          const p = byId.get(item.id)!;
          const matches =
            p.id === q ||
            owners.has(p.id) ||
            p.name.toLowerCase().includes(q.toLowerCase()) ||
            (p.email ?? '').toLowerCase().includes(q.toLowerCase()) ||
            (digits.length >= 4 && (p.phone ?? '').replace(/\D/g, '').includes(digits)) ||
            (p.phone ?? '').replace(/\D/g, '').includes(q);
          expect(matches, `"${q}" returned ${p.id} ${p.name} ${p.email} ${p.phone}`).toBe(true);
        }
        expect(res.body.total).toBeGreaterThanOrEqual(res.body.items.length);
      }),
      { numRuns: 150 },
    );
  });
});
