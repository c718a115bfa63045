/**
 * Accent-insensitive search on both engines (issue 10): `customers.search_text` is folded (lower
 * case, accents dropped) and so is the query, so "francois" finds "François" and "FRANÇOIS" finds
 * "Francois" — through the engine's index (SQLite FTS5 trigram, PostgreSQL pg_trgm) and with short
 * queries alike — while the exact matching rules stay those of Property 10.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSampleApp, type SampleApp } from '../helpers/sample-db.js';

let sample: SampleApp;
beforeAll(async () => {
  sample = await openSampleApp();
  const upsert = (id: string, customerId: string, name: string, email: string) =>
    sample.call('/events', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify([{ id, type: 'customer.upserted', occurredAt: '2011-11-01T00:00:00Z', data: { customerId, name, email } }]),
    });
  expect((await upsert('acc-1', 'ACC-1', 'François Dupré', 'francois.dupre@example.org')).status).toBe(200);
  expect((await upsert('acc-2', 'ACC-2', 'Zoë Ångström', 'zoe@example.org')).status).toBe(200);
  expect((await upsert('acc-3', 'ACC-3', 'Francois Martin', 'fm@example.org')).status).toBe(200);
});
afterAll(() => sample.close());

const ids = async (q: string): Promise<string[]> => {
  const res = await sample.call(`/customers?limit=100&q=${encodeURIComponent(q)}`);
  expect(res.status, q).toBe(200);
  return res.body.items
    .map((i: { id: string }) => i.id)
    .filter((id: string) => id.startsWith('ACC-'))
    .sort();
};

describe('accent-insensitive search', () => {
  it('finds accented names from plain text and plain names from accented text', async () => {
    expect(await ids('francois')).toEqual(['ACC-1', 'ACC-3']);
    expect(await ids('FRANÇOIS')).toEqual(['ACC-1', 'ACC-3']);
    expect(await ids('dupre')).toEqual(['ACC-1']);
    expect(await ids('Dupré')).toEqual(['ACC-1']);
    expect(await ids('angstrom')).toEqual(['ACC-2']);
    expect(await ids('zoe')).toEqual(['ACC-2']);
    expect(await ids('Zo')).toEqual(['ACC-2']); // shorter than a trigram: the scan alone
  });

  it('still requires the whole fragment', async () => {
    expect(await ids('francoise')).toEqual([]);
    expect(await ids('dupret')).toEqual([]);
  });
});
