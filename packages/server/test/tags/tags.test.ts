/**
 * Tags over the real app and sample: the catalogue, tag uniqueness per customer under any sequence
 * of assign / assign again / remove (design Property 8), the `tag` search filter at once, timeline
 * and audit rows, validation.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, DEFAULT_TAG_COLOR } from '@c360/sdk';
import { openSampleApp, type SampleApp } from '../helpers/sample-db.js';

let sample: SampleApp;
let ids: string[];
beforeAll(async () => {
  sample = await openSampleApp();
  ids = (await sample.db.selectFrom('customers').select('id').orderBy('id').execute()).map((r) => r.id);
});
afterAll(() => sample.close());

const json = (method: string, path: string, body?: unknown) =>
  sample.call(path, {
    method,
    headers: { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });

async function searchIds(query: string): Promise<string[]> {
  const out: string[] = [];
  let cursor: string | null = null;
  do {
    const res = await sample.call(`/customers?limit=100&${query}${cursor ? `&cursor=${cursor}` : ''}`);
    expect(res.status).toBe(200);
    out.push(...res.body.items.map((i: { id: string }) => i.id));
    cursor = res.body.nextCursor;
  } while (cursor);
  return out.sort();
}

describe('GET/POST /tags', () => {
  it('creates tags unique by name ignoring case, lists them with usage counts', async () => {
    const created = await json('POST', '/tags', { name: 'Wholesale', color: '#1D4ED8', description: 'Buys in bulk' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: 'Wholesale', color: '#1d4ed8', description: 'Buys in bulk', usageCount: 0 });
    const clash = await json('POST', '/tags', { name: '  wholesale ', color: '#000000' });
    expect(clash.status).toBe(409);
    expect(clash.body.detail).toContain('Wholesale');

    await json('POST', `/customers/${ids[0]}/tags`, { tagId: created.body.id });
    await json('POST', `/customers/${ids[1]}/tags`, { name: 'WHOLESALE' });
    const list = await sample.call('/tags');
    expect(list.status).toBe(200);
    expect(list.body.tags.find((t: any) => t.id === created.body.id)).toMatchObject({ name: 'Wholesale', usageCount: 2 });
    expect(list.body.tags.filter((t: any) => t.name.toLowerCase() === 'wholesale')).toHaveLength(1);
  });

  it('answers 400 naming the invalid field', async () => {
    const cases: Array<[unknown, string]> = [
      [{ name: 'x', color: 'blue' }, 'body.color'],
      [{ name: 'x', color: '#12345' }, 'body.color'],
      [{ name: '', color: '#123456' }, 'body.name'],
      [{ name: 'x'.repeat(41), color: '#123456' }, 'body.name'],
      [{ color: '#123456' }, 'body.name'],
    ];
    for (const [payload, field] of cases) {
      const res = await json('POST', '/tags', payload);
      expect(res.status).toBe(400);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    }
  });
});

describe('POST/DELETE /customers/:id/tags', () => {
  it('tags by name (creating the tag with the default colour), writes timeline and audit, removes at once', async () => {
    const id = ids[2]!;
    const res = await json('POST', `/customers/${id}/tags`, { name: 'Gift buyer' });
    expect(res.status).toBe(200);
    const tag = res.body.tags.find((t: any) => t.name === 'Gift buyer');
    expect(tag).toMatchObject({ color: DEFAULT_TAG_COLOR });
    expect((await sample.call(`/customers/${id}/360`)).body.tags).toContainEqual(tag);

    const removed = await sample.call(`/customers/${id}/tags/${tag.id}`, { method: 'DELETE' });
    expect(removed.status).toBe(204);
    expect((await sample.call(`/customers/${id}/tags`)).body.tags).not.toContainEqual(tag);
    expect((await sample.call(`/customers/${id}/tags/${tag.id}`, { method: 'DELETE' })).status).toBe(404);

    const timeline = (await sample.call(`/customers/${id}/timeline?types=tag`)).body.events;
    expect(timeline.map((e: any) => e.title)).toEqual(['Tag “Gift buyer” removed', 'Tagged “Gift buyer”']);
    expect(timeline.every((e: any) => e.ref.id === tag.id)).toBe(true);
    const audit = await sample.db.selectFrom('audit_log').select(['action', 'actor']).where('customer_id', '=', id).orderBy('id').execute();
    expect(audit).toEqual([
      { action: 'tag.assigned', actor: 'local operator' },
      { action: 'tag.removed', actor: 'local operator' },
    ]);
  });

  it('answers 400, 404 as the contract says', async () => {
    const id = ids[3]!;
    const both = await json('POST', `/customers/${id}/tags`, { tagId: 'x', name: 'y' });
    expect(both.status).toBe(400);
    expect(both.body.errors[0].field).toMatch(/^body\.(name|tagId)$/);
    expect((await json('POST', `/customers/${id}/tags`, {})).status).toBe(400);
    expect((await json('POST', `/customers/${id}/tags`, { tagId: 'tag_missing' })).status).toBe(404);
    expect((await json('POST', '/customers/NOPE/tags', { name: 'x' })).status).toBe(404);
    expect((await sample.call(`/customers/${id}/tags/tag_missing`, { method: 'DELETE' })).status).toBe(404);
  });
});

describe('Property 8: each tag at most once per customer', () => {
  it('any sequence of assign / assign again / remove leaves what a set model predicts, and search agrees at once', async () => {
    let run = 0;
    const customers = ids.slice(10, 14);
    const op = fc.record({
      kind: fc.constantFrom('assignById', 'assignByName', 'remove'),
      customer: fc.constantFrom(...customers),
      tag: fc.integer({ min: 0, max: 3 }),
      upper: fc.boolean(),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 25 }), async (ops) => {
        run += 1;
        const names = [0, 1, 2, 3].map((i) => `p8-${run}-t${i}`);
        const tagIds: string[] = [];
        for (const name of names) tagIds.push((await json('POST', '/tags', { name, color: '#0f766e' })).body.id);
        const model = new Map(customers.map((c) => [c, new Set<number>()]));

        for (const o of ops) {
          const has = model.get(o.customer)!;
          if (o.kind === 'remove') {
            const res = await sample.call(`/customers/${o.customer}/tags/${tagIds[o.tag]}`, { method: 'DELETE' });
            expect(res.status).toBe(has.has(o.tag) ? 204 : 404);
            has.delete(o.tag);
          } else {
            const body =
              o.kind === 'assignById' ? { tagId: tagIds[o.tag] } : { name: o.upper ? names[o.tag]!.toUpperCase() : names[o.tag] };
            const res = await json('POST', `/customers/${o.customer}/tags`, body);
            expect(res.status).toBe(200);
            has.add(o.tag);
            const mine = res.body.tags
              .filter((t: any) => names.includes(t.name))
              .map((t: any) => t.id)
              .sort();
            expect(mine).toEqual([...has].map((i) => tagIds[i]).sort());
          }
        }

        for (const [customer, has] of model) {
          const tags = (await sample.call(`/customers/${customer}/tags`)).body.tags.filter((t: any) => names.includes(t.name));
          expect(tags.map((t: any) => t.id).sort()).toEqual([...has].map((i) => tagIds[i]).sort());
        }
        const rows = await sample.db
          .selectFrom('tag_assignments')
          .select(['customer_id', 'tag_id'])
          .where('tag_id', 'in', tagIds)
          .execute();
        expect(new Set(rows.map((r) => `${r.customer_id}/${r.tag_id}`)).size).toBe(rows.length);
        const usage = new Map((await sample.call('/tags')).body.tags.map((t: any) => [t.id, t.usageCount]));
        for (const [i, tagId] of tagIds.entries()) {
          const expected = customers.filter((c) => model.get(c)!.has(i)).sort();
          expect(usage.get(tagId)).toBe(expected.length);
          expect(await searchIds(`tag=${tagId}`)).toEqual(expected);
          expect(await searchIds(`tag=${encodeURIComponent(names[i]!.toUpperCase())}`)).toEqual(expected);
        }
        // No tag was created twice by name.
        expect((await sample.call('/tags')).body.tags.filter((t: any) => t.name.startsWith(`p8-${run}-`))).toHaveLength(4);
      }),
      { numRuns: 25 },
    );
  });
});

describe('tag search filter', () => {
  it('returns exactly the tagged customers at once, combined with other filters', async () => {
    const client = createClient({ baseUrl: 'http://localhost', fetch: async (input, init) => sample.app.request(String(input), init) });
    const tagged = ids.slice(30, 42);
    for (const id of tagged) await client.tagCustomer(id, { name: 'Newsletter VIP' });
    expect(await searchIds('tag=newsletter%20vip')).toEqual([...tagged].sort());

    const uk = (
      await sample.db.selectFrom('customers').select('id').where('country', '=', 'United Kingdom').where('id', 'in', tagged).execute()
    ).map((r) => r.id);
    const page = await client.searchCustomers({ tag: 'Newsletter VIP', country: 'United Kingdom', limit: 100 });
    expect(page.items.map((i) => i.id).sort()).toEqual(uk.sort());
    expect(page.total).toBe(uk.length);

    const tagId = (await client.getCustomerTags(tagged[0]!)).tags.find((t) => t.name === 'Newsletter VIP')!.id;
    await client.untagCustomer(tagged[0]!, tagId);
    expect(await searchIds(`tag=${tagId}`)).toEqual(tagged.slice(1).sort());
    expect((await client.getTags()).tags.find((t) => t.id === tagId)?.usageCount).toBe(tagged.length - 1);
    expect(await searchIds('tag=no-such-tag')).toEqual([]);
  });
});
