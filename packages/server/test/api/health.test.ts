/**
 * GET /healthz (the process is up) and GET /readyz (the database answers and its migrations are
 * current; 503 problem+json otherwise), outside /api and without a token (src/api/health.ts).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { migrations } from '../../src/db/migrations/index.js';
import { createServerApp } from '../../src/server.js';
import { openTestDb, type TestDb } from '../helpers/engines.js';

const open: TestDb[] = [];

/** The server app over a new database of this file's engine (migrated unless `migrate` is false). */
async function serverOver(migrate = true) {
  const test = await openTestDb({ migrate });
  open.push(test);
  return { db: test.db, app: createServerApp({ db: test.db, asOf: new Date('2011-12-10T00:00:00Z') }) };
}

afterAll(async () => {
  for (const test of open) await test.close();
});

describe('health checks', () => {
  it('GET /healthz is 200 {status: ok}, no token needed, never cached', async () => {
    const { app } = await serverOver();
    const res = await app.request('/healthz');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
    expect(res.headers.get('cache-control')).toBe('no-store');
  });

  it('GET /readyz is 200 with the number of applied migrations on a migrated database', async () => {
    const { app } = await serverOver();
    const res = await app.request('/readyz');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ready', migrations: Object.keys(migrations).length });
  });

  it('GET /readyz is 503 problem+json naming the pending migrations on a database not migrated', async () => {
    const { app } = await serverOver(false);
    const res = await app.request('/readyz');
    expect(res.status).toBe(503);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    const body = await res.json();
    expect(body).toMatchObject({ type: 'https://c360.dev/problems/not-ready', status: 503, instance: '/readyz' });
    for (const name of Object.keys(migrations)) expect(body.detail).toContain(name);
    // /healthz still says the process is up.
    expect((await app.request('/healthz')).status).toBe(200);
  });

  it('GET /readyz is 503 when the database does not answer', async () => {
    const { db, app } = await serverOver();
    await db.destroy();
    const res = await app.request('/readyz');
    expect(res.status).toBe(503);
    expect((await res.json()).detail).toMatch(/database does not answer/);
  });
});
