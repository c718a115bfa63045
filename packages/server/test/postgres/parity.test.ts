/**
 * Done-when of issue 10: the bundled sample imported into PostgreSQL (through the importer and the
 * ingestion path, in the global setup) answers `/api/customers/:id/360` for every customer exactly
 * as the same import into SQLite does, field by field; and search answers the same customers in the
 * same order. Runs in the `postgres` project only (it needs both engines).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb, type Db } from '../../src/db/connect.js';
import { datasetAsOf, ensureDemoData } from '../../src/demo/load-demo.js';
import { createApiApp } from '../../src/api/app.js';
import { createApiKey } from '../../src/auth/api-keys.js';
import { openSampleApp, withToken, TEST_SECRET, type SampleApp, type TestApp } from '../helpers/sample-db.js';

let postgres: SampleApp;
let sqlite: { db: Db; app: TestApp; dir: string };
let ids: string[];

beforeAll(async () => {
  postgres = await openSampleApp();
  expect(postgres.engine).toBe('postgres');
  const dir = mkdtempSync(join(tmpdir(), 'c360-parity-'));
  const db = await openDb({ file: join(dir, 'c360.db') });
  await ensureDemoData(db);
  const asOf = new Date((await datasetAsOf(db))!);
  expect(asOf.toISOString()).toBe(postgres.asOf.toISOString());
  const app = createApiApp({ db, asOf, auth: { secret: TEST_SECRET, writeRate: 0 } });
  const { token } = await createApiKey(db, { name: 'parity', role: 'admin', createdBy: 'test' });
  sqlite = { db, app: withToken(app, token), dir };
  ids = (await postgres.db.selectFrom('customers').select('id').orderBy('id').execute()).map((r) => r.id);
}, 300_000);

afterAll(async () => {
  await postgres?.close();
  await sqlite?.db.destroy();
  if (sqlite) rmSync(sqlite.dir, { recursive: true, force: true });
});

const get = async (app: TestApp, path: string) => {
  const res = await app.request(`http://localhost${path}`);
  return { status: res.status, body: await res.json() };
};

describe('PostgreSQL and SQLite answer the same', () => {
  it('hold the same customers', async () => {
    const onSqlite = (await sqlite.db.selectFrom('customers').select('id').orderBy('id').execute()).map((r) => r.id);
    expect(ids.length).toBeGreaterThan(100);
    expect(ids).toEqual(onSqlite);
  });

  it('/customers/:id/360 of every customer, field by field', async () => {
    const differing: string[] = [];
    for (const id of ids) {
      const path = `/customers/${encodeURIComponent(id)}/360`;
      const [pg, lite] = await Promise.all([get(postgres.app, path), get(sqlite.app, path)]);
      expect(pg.status, id).toBe(200);
      expect(lite.status, id).toBe(200);
      try {
        expect(pg.body).toEqual(lite.body);
      } catch (error) {
        differing.push(id);
        if (differing.length === 1) throw error; // show the first difference in full
      }
    }
    expect(differing).toEqual([]);
  });

  it('search: the same customers, in the same order, for text, filters and sorts', async () => {
    const queries = [
      'q=an',
      'q=mar',
      'q=SMITH',
      'q=0',
      'q=1234',
      'q=%40example',
      'q=United',
      'sort=name',
      'sort=-lifetimeValue&limit=50',
      'sort=-lastPurchaseAt&limit=50',
      'sort=-totalOrders&country=United%20Kingdom',
      'tier=gold',
      'clvMin=100&clvMax=2000&sort=lifetimeValue',
      'segment=rfm:champions',
      'segment=rfm:lost&sort=name',
      `q=${encodeURIComponent(ids[3]!)}`,
    ];
    for (const query of queries) {
      const [pg, lite] = await Promise.all([get(postgres.app, `/customers?${query}`), get(sqlite.app, `/customers?${query}`)]);
      expect(pg.status, query).toBe(200);
      expect(pg.body, query).toEqual(lite.body);
    }
  });
});
