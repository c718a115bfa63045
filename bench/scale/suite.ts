/**
 * `npm run bench -- --scale 10000,100000[,1000000] [--engines sqlite,postgres] [--database-url URL]
 * [--db-dir DIR] [--samples N] [--ingest-events N] [--out FILE]` (`--help` lists the flags): for each
 * size and engine, reuses or seeds the size's database (engines.ts: SQLite `DIR/c360-N.db`,
 * PostgreSQL `c360_bench_N`, seeded like `c360 seed --customers N --seed 1` and kept), brings the
 * derived state current (the background refresh), then measures the reads of issues 9 and 10
 * in-process (server-side time through the real Hono app, `app.request`) beside their references —
 * the same SQL statements replayed raw with prepared statements on one connection of that engine,
 * and Hono's trivial route over HTTP under 20 connections — and ingestion on a scratch copy
 * (ingest.ts); writes a Markdown report with both engines side by side and a table of how each cost
 * grows from one size to the next.
 * @module
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { Hono } from 'hono';
import { sql } from 'kysely';
import { createApiApp } from '../../packages/server/src/api/app.js';
import { createApiKey } from '../../packages/server/src/auth/api-keys.js';
import { datasetAsOf } from '../../packages/server/src/demo/load-demo.js';
import { refreshDerivedIfStale } from '../../packages/server/src/segments/derived-job.js';
import { loadCustomer360 } from '../../packages/server/src/read/customer-360.js';
import { searchCustomers } from '../../packages/server/src/read/search.js';
import { loadTimeline } from '../../packages/server/src/read/timeline.js';
import { computeRfmBreakpoints } from '../../packages/server/src/read/rfm-population.js';
import { INLINE_MAX_CUSTOMERS, rfmCountsSettled } from '../../packages/server/src/segments/rfm-counts.js';
import { CustomerSearchQuery, TimelineQuery } from '@c360/sdk';
import { machineInfo, loadAverage } from '../lib/machine.js';
import { prng, sample } from '../lib/stats.js';
import { DEFAULT_PG_URL } from '../lib/pg-admin.js';
import { SCALE_USAGE as USAGE } from './usage.js';
import { series, summarise, type Statement, type Summary } from './measure.js';
import { prepareTarget, type EngineName, type ScaleTarget } from './engines.js';
import { measureIngestion } from './ingest.js';
import { throughput } from './load.js';
import { measureExport } from './export-memory.js';
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
      engines: { type: 'string' },
      'postgres-scale': { type: 'string' },
      'database-url': { type: 'string' },
      'ingest-events': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const sizesOf = (list: string) => list.split(',').map((s) => Number(s.trim()));
  const sizes = sizesOf(values.scale ?? '10000');
  const pgSizes = values['postgres-scale'] ? sizesOf(values['postgres-scale']) : sizes;
  if ([...sizes, ...pgSizes].some((n) => !Number.isInteger(n) || n < 100)) {
    console.error('bench scale: --scale takes comma-separated customer counts ≥ 100, e.g. 10000,100000');
    return 1;
  }
  const dir = resolve(values['db-dir'] ?? 'bench/data');
  mkdirSync(dir, { recursive: true });
  const samples = Number(values.samples ?? 200);
  const seconds = Number(values.seconds ?? 5);
  const ingestEvents = Number(values['ingest-events'] ?? 10_000);
  const adminUrl = values['database-url'] ?? DEFAULT_PG_URL;
  const engines = (values.engines ?? (values['database-url'] ? 'sqlite,postgres' : 'sqlite')).split(',').map((e) => e.trim());
  if (engines.some((e) => e !== 'sqlite' && e !== 'postgres') || !Number.isInteger(ingestEvents) || ingestEvents < 0) {
    console.error(`bench scale: bad --engines or --ingest-events\n${USAGE}`);
    return 1;
  }
  const loadAtStart = loadAverage();
  const runs: ScaleRun[] = [];
  for (const n of [...new Set([...sizes, ...pgSizes])].sort((a, b) => a - b)) {
    for (const engine of engines as EngineName[]) {
      if (!(engine === 'postgres' ? pgSizes : sizes).includes(n)) continue;
      const { target, seedSeconds } = await prepareTarget(engine, n, { dir, adminUrl });
      const run = await measureSize(target, samples, seconds);
      if (ingestEvents > 0) {
        log(`${target.label}: scratch copy for ingestion …`);
        const scratch = await target.scratch();
        try {
          run.ingest = await measureIngestion(scratch, run.asOf, ingestEvents);
        } finally {
          await scratch.drop();
        }
      }
      runs.push({ ...run, seedSeconds });
    }
  }
  const sqlite = (await import('better-sqlite3')).default;
  const probe = new sqlite(':memory:');
  const m = machineInfo((probe.prepare('select sqlite_version() as v').get() as { v: string }).v);
  probe.close();
  const pgVersion = engines.includes('postgres') ? `, ${await postgresVersion(adminUrl)}` : '';
  const machine = `${m.cpu}, ${m.cores} cores, ${m.ramGiB.toFixed(0)} GiB, ${m.os}, Node ${m.node}, SQLite ${m.sqlite}${pgVersion}; revision ${m.revision}; load average at start ${loadAtStart}`;
  const report = renderScaleReport({
    runs,
    machine,
    load: loadAverage(),
    command: `npm run bench -- --scale ${sizes.join(',')} --engines ${engines.join(',')}${values['postgres-scale'] ? ` --postgres-scale ${pgSizes.join(',')}` : ''} --samples ${samples} --ingest-events ${ingestEvents}`,
  });
  const out = resolve(values.out ?? `bench/results/${new Date().toISOString().slice(0, 10)}-scale.md`);
  writeFileSync(out, report);
  process.stdout.write(report);
  log(`written to ${out}`);
  return 0;
}

/** `PostgreSQL 15.20` (the server's version string up to its build details). */
async function postgresVersion(adminUrl: string): Promise<string> {
  const pg = (await import('pg')).default;
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return String((await client.query('select version() as v')).rows[0].v).split(' on ')[0]!;
  } finally {
    await client.end();
  }
}

async function measureSize(target: ScaleTarget, samples: number, seconds: number): Promise<Omit<ScaleRun, 'seedSeconds'>> {
  log(`${target.label}: measuring ${target.location}`);
  const db = await target.open();
  const asOf = new Date((await datasetAsOf(db)) ?? Date.now());
  const customers = Number((await sql<{ n: number }>`select count(*) as n from customers`.execute(db)).rows[0]!.n);

  log('derived state (rule memberships, stored scores) …');
  const t = performance.now();
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
  const ref = target.rawReference();
  const results: ScaleRun['rows'] = [];
  const add = (name: string, what: string, summary: Summary, raw?: Summary) => {
    results.push({ name, what, summary, raw });
    log(
      `${target.label} ${name}: p50 ${summary.p50.toFixed(2)} ms, p99 ${summary.p99.toFixed(2)} ms${raw ? ` (raw p50 ${raw.p50.toFixed(2)})` : ''}`,
    );
  };

  // /360 and its raw statements.
  const stmts360 = new Map<string, Statement[]>();
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
  // Routes without one domain function to capture: the statements of a request to a second app on the capture connection.
  const captureApi = createApiApp({ db: ref.capture, asOf, auth: { writeRate: 0 } });
  const recorded = async (path: string) => {
    const request = async () => (await captureApi.request(`http://localhost${path}`, { headers })).text();
    await request(); // warm its caches first, as the measured app is warm
    return ref.statementsOf(request);
  };
  const stmtsSegments = await recorded('/segments');
  add(
    'GET /segments (warm)',
    'counts cached for the stats epoch',
    await series(
      Array.from({ length: 50 }, (_, i) => i),
      () => get('/segments'),
    ),
    await series(
      Array.from({ length: 50 }, (_, i) => i),
      async () => ref.replay(stmtsSegments),
    ),
  );
  // After a batch: the GET is timed; the RFM regrouping it leaves running (over INLINE_MAX_CUSTOMERS,
  // segments/rfm-counts.ts) is awaited untimed and timed apart, so it never lands in the next sample.
  const afterBatch: number[] = [];
  const regroup: number[] = [];
  for (let i = 0; i < 5; i++) {
    await sql`update meta set value = cast(cast(value as integer) + 1 as text) where key = 'stats_version'`.execute(db);
    const t0 = performance.now();
    await get('/segments');
    const t1 = performance.now();
    await rfmCountsSettled(db);
    afterBatch.push(t1 - t0);
    regroup.push(performance.now() - t1);
  }
  add(
    'GET /segments (after a batch)',
    `first call after \`stats_version\` moved (over ${INLINE_MAX_CUSTOMERS.toLocaleString('en')} customers: the previous epoch's RFM counts, regrouped after the GET)`,
    summarise(afterBatch),
  );
  add('RFM counts regrouped', 'the grouping a GET of a new stats epoch leaves running (0 when done inline)', summarise(regroup));
  const triples = Array.from({ length: Math.min(50, samples) }, (_, i) =>
    picked.slice((i * 3) % (picked.length - 3), ((i * 3) % (picked.length - 3)) + 3).join(','),
  );
  const stmtsCompare = new Map<string, Statement[]>();
  for (const q of triples) stmtsCompare.set(q, await recorded(`/customers/compare?ids=${q}`));
  add(
    'compare',
    'GET /customers/compare?ids=a,b,c',
    await series(triples, (q) => get(`/customers/compare?ids=${q}`)),
    await series(triples, async (q) => ref.replay(stmtsCompare.get(q)!)),
  );
  const stmtsRfm = await ref.statementsOf((c) => computeRfmBreakpoints(c, asOf));
  add(
    'RFM breakpoints',
    'computed from the indexes (a miss)',
    await series([0, 1, 2, 3, 4], () => computeRfmBreakpoints(db, asOf), 1),
    await series([0, 1, 2, 3, 4], async () => ref.replay(stmtsRfm), 1),
  );

  log('bulk export of every customer (heap and resident memory after a forced GC at every tenth) …');
  const exported = await measureExport(db);

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
    engine: target.label,
    asOf,
    customers,
    derivedSeconds,
    rows: results,
    export: exported,
    load,
  };
}
