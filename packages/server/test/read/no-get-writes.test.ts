/**
 * Reads never write (issue 9): every GET route of the app's route table, served through a
 * read-only connection to the sample database (engines.ts `openReadOnlyDb`: SQLite opened
 * read-only; PostgreSQL sessions with `default_transaction_read_only = on`), answers 2xx or 4xx —
 * never the 500 a write attempt would raise ("attempt to write a readonly database", "cannot
 * execute INSERT in a read-only transaction").
 * Rule memberships and stored scores are then stale on purpose (a later as-of than the one they
 * were computed at, and stats changed outside ingestion), which is when GETs used to recompute.
 *
 * POST /segments/preview, a read that takes its criteria as a body, is checked the same way.
 *
 * Exception, by design: the export routes (GET /customers/:id/export, /customers/export.csv|.xlsx)
 * write their audit row (R17) — they are checked to be the only GETs that do.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSampleApp, TEST_SECRET, withToken, type SampleApp } from '../helpers/sample-db.js';
import { createApiApp } from '../../src/api/app.js';
import type { Db } from '../../src/db/connect.js';
import { openReadOnlyDb } from '../helpers/engines.js';
import { recomputeCustomerStats } from '../../src/aggregate/customer-stats.js';

/** GET routes that write by design (audited exports, R17). */
const WRITING_GETS = new Set(['/customers/{id}/export', '/customers/export.csv', '/customers/export.xlsx']);

let sample: SampleApp;
let readonlyDb: Db;
let app: ReturnType<typeof withToken>;
let rawApp: ReturnType<typeof createApiApp>;

beforeAll(async () => {
  sample = await openSampleApp();
  // A rule segment, then stale derived state: stats rebuilt outside ingestion.
  const created = await sample.call('/segments', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'Recent', kind: 'rule', criteria: { field: 'daysSinceLastPurchase', op: '<=', value: 30 } }),
  });
  expect(created.status).toBe(201);
  const some = (await sample.db.selectFrom('customers').select('id').limit(5).execute()).map((r) => r.id);
  await recomputeCustomerStats(sample.db, some);
  await sql`update meta set value = cast(value as integer) + 1 where key = 'stats_version'`.execute(sample.db);

  readonlyDb = await openReadOnlyDb(sample.location);
  // A later as-of than the stored memberships were computed at.
  rawApp = createApiApp({
    db: readonlyDb,
    asOf: new Date(sample.asOf.getTime() + 40 * 86_400_000),
    auth: { secret: TEST_SECRET, writeRate: 0 },
  });
  app = withToken(rawApp, sample.tokens.admin);
});
afterAll(async () => {
  await readonlyDb?.destroy();
  await sample.close();
});

async function pathsOf(template: string): Promise<string[]> {
  const customer = await sample.db.selectFrom('tickets').select(['customer_id', 'id']).limit(1).executeTakeFirstOrThrow();
  const [a, b] = (await sample.db.selectFrom('customers').select('id').orderBy('id').limit(2).execute()).map((r) => r.id);
  const filled = template.replace('{id}', customer.customer_id).replace('{ticketId}', customer.id).replace('{segmentId}', 'rfm:champions');
  switch (filled) {
    case '/customers':
      return [
        '/customers',
        '/customers?q=an',
        '/customers?q=mail&sort=-healthScore',
        '/customers?segment=rfm:champions',
        `/customers?segment=${encodeURIComponent((await sample.db.selectFrom('segments').select('id').where('kind', '=', 'rule').executeTakeFirstOrThrow()).id)}`,
        '/customers?healthMin=50&sort=churnRisk',
        `/customers?ids=${a},${b}`,
      ];
    case '/customers/compare':
      return [`/customers/compare?ids=${a},${b}`];
    case '/stream':
      return [`/stream?customer=${customer.customer_id}`];
    default:
      return [filled];
  }
}

describe('GET routes on a read-only connection', () => {
  it('every GET of the route table answers 2xx/4xx, never a write error (exports excepted, by design)', async () => {
    const gets = rawApp.openAPIRegistry.definitions
      .flatMap((d) => (d.type === 'route' ? [d.route as unknown as { method: string; path: string }] : []))
      .filter((r) => r.method === 'get')
      .map((r) => r.path);
    expect(gets.length).toBeGreaterThan(15);
    expect(gets).toContain('/customers/{id}/360');
    const seen: string[] = [];
    for (const template of gets) {
      for (const path of await pathsOf(template)) {
        const res = await app.request(`http://localhost${path}`);
        const body = res.headers.get('content-type')?.startsWith('text/event-stream') ? (await res.body?.cancel(), '') : await res.text();
        if (WRITING_GETS.has(template)) {
          expect(res.status, `${path} writes its audit row`).toBe(500);
          continue;
        }
        expect(res.status, `${path}: ${body.slice(0, 300)}`).toBeLessThan(500);
        seen.push(path);
      }
    }
    expect(seen.filter((p) => p.startsWith('/customers/compare?') || p.startsWith('/segments') || p.endsWith('/360'))).toHaveLength(3);
  });

  it('POST /segments/preview, a read with a body, answers on the read-only connection with stale derived state', async () => {
    const criteria = {
      all: [
        { field: 'country', op: '=', value: 'United Kingdom' },
        { field: 'healthScore', op: '>=', value: 40 },
      ],
    };
    const res = await app.request('http://localhost/segments/preview', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ criteria }),
    });
    expect(res.status, await res.clone().text()).toBe(200);
    expect((await res.json()).count).toBeGreaterThan(0);
  });
});
