/**
 * `npm run bench -- --scale 10000,100000[,1000000] [--db-dir DIR] [--samples N] [--out FILE]`: for
 * each size, seeds a database with `c360 seed` (seed/seed.ts, seed 1) or reuses `DIR/c360-N.db`
 * (kept, so a later run measures without seeding again), brings the derived state current (the
 * background refresh), then measures the reads of issue 9 in-process (server-side time through the
 * real Hono app, `app.request`) beside their references — the same SQL statements replayed raw with
 * prepared statements, and Hono's trivial route over HTTP under 20 connections — and writes a
 * Markdown report with a table of how each cost grows from one size to the next.
 * @module
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { Hono } from 'hono';
import { sql } from 'kysely';
import { openDb } from '../../packages/server/src/db/connect.js';
import { createApiApp } from '../../packages/server/src/api/app.js';
import { createApiKey } from '../../packages/server/src/auth/api-keys.js';
import { datasetAsOf } from '../../packages/server/src/demo/load-demo.js';
import { seedDatabase } from '../../packages/server/src/seed/seed.js';
import { refreshDerivedIfStale } from '../../packages/server/src/segments/derived-job.js';
import { loadCustomer360 } from '../../packages/server/src/read/customer-360.js';
import { searchCustomers } from '../../packages/server/src/read/search.js';
import { loadTimeline } from '../../packages/server/src/read/timeline.js';
import { computeRfmBreakpoints } from '../../packages/server/src/read/rfm-population.js';
import { exportCustomersCsv } from '../../packages/server/src/export/bulk.js';
import { CustomerSearchQuery, TimelineQuery } from '@c360/sdk';
import { machineInfo, loadAverage } from '../lib/machine.js';
import { prng, sample } from '../lib/stats.js';
import { RawReference, series, type Summary } from './measure.js';
import { throughput } from './load.js';
import { renderScaleReport, type ScaleRun } from './report.js';

const log = (line: string) => process.stderr.write(`bench scale: ${line}\n`);

export async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      scale: { type: 'string' },
      'db-dir': { type: 'string' },
      samples: { type: 'string' },
      out: { type: 'string' },
      seconds: { type: 'string' },
    },
  });
  const sizes = (values.scale ?? '10000').split(',').map((s) => Number(s.trim()));
  if (sizes.some((n) => !Number.isInteger(n) || n < 100)) {
    console.error('bench scale: --scale takes comma-separated customer counts ≥ 100, e.g. 10000,100000');
    return 1;
  }
  const dir = resolve(values['db-dir'] ?? 'bench/data');
  mkdirSync(dir, { recursive: true });
  const samples = Number(values.samples ?? 200);
  const seconds = Number(values.seconds ?? 5);
  const loadAtStart = loadAverage();
  const runs: ScaleRun[] = [];
  for (const n of sizes) runs.push(await measureSize(n, resolve(dir, `c360-${n}.db`), samples, seconds));
  const sqlite = (await import('better-sqlite3')).default;
  const probe = new sqlite(':memory:');
  const m = machineInfo((probe.prepare('select sqlite_version() as v').get() as { v: string }).v);
  probe.close();
  const machine = `${m.cpu}, ${m.cores} cores, ${m.ramGiB.toFixed(0)} GiB, ${m.os}, Node ${m.node}, SQLite ${m.sqlite}; revision ${m.revision}; load average at start ${loadAtStart}`;
  const report = renderScaleReport({
    runs,
    machine,
    load: loadAverage(),
    command: `npm run bench -- --scale ${sizes.join(',')} --samples ${samples}`,
  });
  const out = resolve(values.out ?? `bench/results/${new Date().toISOString().slice(0, 10)}-scale.md`);
  writeFileSync(out, report);
  process.stdout.write(report);
  log(`written to ${out}`);
  return 0;
}

async function measureSize(n: number, file: string, samples: number, seconds: number): Promise<ScaleRun> {
  const fresh = !existsSync(file);
  const db = await openDb({ file });
  let seedSeconds: number | null = null;
  if (fresh) {
    log(`seeding ${n} customers into ${file} …`);
    const t = performance.now();
    await seedDatabase(db, {
      customers: n,
      seed: 1,
      onProgress: (done, total) => done % Math.max(1, Math.floor(total / 10)) === 0 && log(`  ${done}/${total}`),
    });
    seedSeconds = (performance.now() - t) / 1000;
  } else log(`reusing ${file}`);
  const asOf = new Date((await datasetAsOf(db)) ?? Date.now());
  const customers = Number((await sql<{ n: number }>`select count(*) as n from customers`.execute(db)).rows[0]!.n);

  log('derived state (rule memberships, stored scores) …');
  let t = performance.now();
  await refreshDerivedIfStale(db, { asOf });
  const derivedSeconds = (performance.now() - t) / 1000;

  const { token } = await createApiKey(db, { name: `bench-scale-${Date.now()}`, role: 'admin', createdBy: 'bench' });
  const headers = { authorization: `Bearer ${token}` };
  const api = createApiApp({ db, asOf, auth: { writeRate: 0 } });
  const get = async (path: string) => {
    const res = await api.request(`http://localhost${path}`, { headers });
    const body = await res.text();
    if (res.status !== 200) throw new Error(`GET ${path}: ${res.status} ${body.slice(0, 200)}`);
    return body;
  };
  const rand = prng(360);
  const ids = (await db.selectFrom('customers').select('id').orderBy('id').execute()).map((r) => r.id);
  const picked = sample(ids, samples, rand);
  const names = (await db.selectFrom('customers').select('name').where('id', 'in', picked.slice(0, 50)).execute()).map((r) =>
    r.name.toLowerCase(),
  );
  const fragments = sample(
    names.map((nm) => nm.replace(/[^a-z]/g, '').slice(1, 4)).filter((f) => f.length === 3),
    samples,
    rand,
  );
  const country =
    (
      await sql<{
        country: string;
      }>`select country from customers where country is not null group by country order by count(*) desc limit 1`.execute(db)
    ).rows[0]?.country ?? 'United Kingdom';
  const ref = new RawReference(file);
  const results: ScaleRun['rows'] = [];
  const add = (name: string, what: string, summary: Summary, raw?: Summary) => {
    results.push({ name, what, summary, raw });
    log(`${name}: p50 ${summary.p50.toFixed(2)} ms, p99 ${summary.p99.toFixed(2)} ms${raw ? ` (raw p50 ${raw.p50.toFixed(2)})` : ''}`);
  };

  // /360 and its raw statements.
  const stmts360 = new Map<string, Awaited<ReturnType<RawReference['statementsOf']>>>();
  for (const id of picked) stmts360.set(id, await ref.statementsOf((c) => loadCustomer360({ db: c, asOf }, id)));
  add(
    '/360',
    'GET /customers/:id/360, random customers',
    await series(picked, (id) => get(`/customers/${id}/360`)),
    await series(picked, async (id) => ref.replay(stmts360.get(id)!)),
  );

  const searches: Array<[string, string, Record<string, string>]> = [
    ['search typical', '`q` = 3 letters of a name', {}],
    ['search broad q=a', '`q=a` (nearly everyone matches)', { q: 'a' }],
    ['search broad q=an', '`q=an`', { q: 'an' }],
    ['search country', `\`country=${country}\`, sort name`, { country }],
    ['search clvMin', '`clvMin=500&sort=-lifetimeValue`', { clvMin: '500', sort: '-lifetimeValue' }],
    ['search health', '`healthMin=70&sort=-healthScore`', { healthMin: '70', sort: '-healthScore' }],
    ['search churn', '`churnMin=67&sort=-churnRisk`', { churnMin: '67', sort: '-churnRisk' }],
    ['search last purchase', '`sort=-lastPurchaseAt`', { sort: '-lastPurchaseAt' }],
  ];
  for (const [name, what, fixed] of searches) {
    const inputs = fragments
      .slice(0, Math.min(samples, 100))
      .map((f) => ({ ...(Object.keys(fixed).length ? fixed : { q: f }), limit: '20' }));
    const paths = inputs.map((q) => `/customers?${new URLSearchParams(q)}`);
    const stmts = await ref.statementsOf((c) => searchCustomers(c, CustomerSearchQuery.parse(inputs[0]), { asOf }));
    add(name, what, await series(paths, (p) => get(p)), await series(inputs, async () => ref.replay(stmts)));
  }

  const stmtsTimeline = await ref.statementsOf((c) =>
    loadTimeline(c, picked[0]!, TimelineQuery.parse({ limit: 50 }), { maskPayments: false }),
  );
  add(
    'timeline',
    'GET /customers/:id/timeline?limit=50',
    await series(picked, (id) => get(`/customers/${id}/timeline?limit=50`)),
    await series(picked.slice(0, 50), async () => ref.replay(stmtsTimeline)),
  );
  add(
    'GET /segments (warm)',
    'counts cached for the stats epoch',
    await series(
      Array.from({ length: 50 }, (_, i) => i),
      () => get('/segments'),
    ),
  );
  add(
    'GET /segments (after a batch)',
    'first call after `stats_version` moved (RFM counts grouped once)',
    await series(
      Array.from({ length: 5 }, (_, i) => i),
      async () => {
        await sql`update meta set value = cast(cast(value as integer) + 1 as text) where key = 'stats_version'`.execute(db);
        return get('/segments');
      },
      0,
    ),
  );
  const triples = Array.from({ length: Math.min(50, samples) }, (_, i) =>
    picked.slice((i * 3) % (picked.length - 3), ((i * 3) % (picked.length - 3)) + 3).join(','),
  );
  add('compare', 'GET /customers/compare?ids=a,b,c', await series(triples, (q) => get(`/customers/compare?ids=${q}`)));
  add('RFM breakpoints', 'computed from the indexes (a miss)', await series([0, 1, 2, 3, 4], () => computeRfmBreakpoints(db, asOf), 1));

  log('bulk export of every customer …');
  global.gc?.();
  const rss0 = process.memoryUsage().rss;
  let peak = rss0;
  t = performance.now();
  const started = await exportCustomersCsv(db, CustomerSearchQuery.parse({ sort: 'id' }), {
    onRows: () => (peak = Math.max(peak, process.memoryUsage().rss)),
  });
  let bytes = 0;
  for await (const chunk of started.chunks) bytes += chunk.length;
  const exportSeconds = (performance.now() - t) / 1000;

  log("HTTP under 20 connections: /360 and Hono's trivial route …");
  const trivial = new Hono().get('/trivial', (c) => c.text('ok'));
  const server = new Hono().route('/api', api).route('/', trivial);
  const load = await throughput(server, seconds, 20, [
    ['/360', (i: number) => `/api/customers/${picked[i % picked.length]}/360`, headers],
    ['trivial', () => '/trivial', {}],
  ]);

  await ref.close();
  await db.destroy();
  return {
    customers,
    seedSeconds,
    derivedSeconds,
    rows: results,
    export: { seconds: exportSeconds, rows: started.total, bytes, rssGrowthMiB: (peak - rss0) / 2 ** 20 },
    load,
  };
}
