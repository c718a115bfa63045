/**
 * API key lookups are cached briefly (auth/api-keys.ts, API_KEY_CACHE_MS): a revocation through
 * revokeApiKey (any handle of this process: the CLI, the API) takes effect at once; one written by
 * another process (here: the row updated directly) within API_KEY_CACHE_MS — checked with the
 * lookup's clock, and once through the real app with the real clock.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSampleApp, type SampleApp } from '../helpers/sample-db.js';
import { API_KEY_CACHE_MS, createApiKey, findApiKey, revokeApiKey } from '../../src/auth/api-keys.js';
import { openDb } from '../../src/db/connect.js';

let sample: SampleApp;
let customer: string;
beforeAll(async () => {
  sample = await openSampleApp();
  customer = (await sample.db.selectFrom('customers').select('id').orderBy('id').executeTakeFirstOrThrow()).id;
});
afterAll(() => sample.close());

/** Revokes the key as another process would: the row changes, this process is not told. */
const revokeElsewhere = (id: string) =>
  sql`update api_tokens set revoked_at = ${new Date().toISOString()} where id = ${id}`.execute(sample.db);

const view = (token: string) => sample.call(`/customers/${customer}/360`, { as: { token } });

describe('API key cache', () => {
  it('a revocation by another process applies within API_KEY_CACHE_MS, not before the cached lookup expires', async () => {
    const { token, info } = await createApiKey(sample.db, { name: 'Cached', role: 'viewer' });
    const t0 = Date.now() + 60_000; // a clock of the lookup's own, ahead of any earlier lookup
    expect((await findApiKey(sample.db, token, t0))?.revoked_at).toBeNull();
    await revokeElsewhere(info.id);
    expect((await findApiKey(sample.db, token, t0 + API_KEY_CACHE_MS - 1))?.revoked_at).toBeNull(); // still cached
    expect((await findApiKey(sample.db, token, t0 + API_KEY_CACHE_MS))?.revoked_at).toBeTruthy(); // read again
  });

  it('through the app: 200 while cached, 401 once API_KEY_CACHE_MS has passed', async () => {
    const { token, info } = await createApiKey(sample.db, { name: 'Cached app', role: 'viewer' });
    expect((await view(token)).status).toBe(200);
    await revokeElsewhere(info.id);
    const revokedAt = Date.now();
    const soon = await view(token);
    if (Date.now() - revokedAt < API_KEY_CACHE_MS - 200) expect(soon.status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, API_KEY_CACHE_MS + 50));
    const later = await view(token);
    expect(later.status).toBe(401);
    expect(later.body.detail).toMatch(/revoked at/);
  });

  it('revokeApiKey in this process, through another handle of the database, applies at once', async () => {
    const { token, info } = await createApiKey(sample.db, { name: 'Revoked here', role: 'viewer' });
    expect((await view(token)).status).toBe(200);
    const other = await openDb(sample.engine === 'postgres' ? { url: sample.location } : { file: sample.location });
    try {
      await revokeApiKey(other, info.id);
    } finally {
      await other.destroy();
    }
    expect((await view(token)).status).toBe(401);
  });
});
