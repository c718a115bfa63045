/**
 * GET /healthz (the process is up) and GET /readyz (the database answers and its migrations are
 * current; 503 problem+json otherwise), outside /api and without a token (src/api/health.ts).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb, type Db } from '../../src/db/connect.js';
import { migrations } from '../../src/db/migrations/index.js';
import { createServerApp } from '../../src/server.js';

const dir = mkdtempSync(join(tmpdir(), 'c360-health-'));
const open: Db[] = [];

async function serverOver(file: string, migrate = true) {
  const db = await openDb({ file: join(dir, file), migrate });
  open.push(db);
  return { db, app: createServerApp({ db, asOf: new Date('2011-12-10T00:00:00Z') }) };
}

beforeAll(() => undefined);
afterAll(async () => {
  for (const db of open) await db.destroy().catch(() => {});
  rmSync(dir, { recursive: true, force: true });
});

describe('health checks', () => {
  it('GET /healthz is 200 {status: ok}, no token needed, never cached', async () => {
    const { app } = await serverOver('up.db');
    const res = await app.request('/healthz');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
    expect(res.headers.get('cache-control')).toBe('no-store');
  });

  it('GET /readyz is 200 with the number of applied migrations on a migrated database', async () => {
    const { app } = await serverOver('ready.db');
    const res = await app.request('/readyz');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ready', migrations: Object.keys(migrations).length });
  });

  it('GET /readyz is 503 problem+json naming the pending migrations on a database not migrated', async () => {
    const { app } = await serverOver('pending.db', false);
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
    const { db, app } = await serverOver('closed.db');
    await db.destroy();
    const res = await app.request('/readyz');
    expect(res.status).toBe(503);
    expect((await res.json()).detail).toMatch(/database does not answer/);
  });
});
