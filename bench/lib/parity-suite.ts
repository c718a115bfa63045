/**
 * The full-file PostgreSQL parity check of issue 10 (`bench/parity-full.ts`, `--help` lists the
 * flags): the whole Online Retail file imported into a fresh SQLite file and into a fresh PostgreSQL
 * database (created, and dropped at the end unless `--keep`), each brought current by the derived
 * refresh the server runs in the background, then the real API app of each asked the same GETs —
 * `/customers/:id/360` for every customer (as-of = the dataset's date), the first pages of timeline
 * and orders for a seeded sample (with `--enrich`, every /360 section filled by the demo enrichment first), `GET /segments` and a set of searches — and the answers compared
 * field by field. Prints a Markdown summary and writes it to `bench/results/<date>-postgres-parity.md`.
 * Exit code 0 when every answer is equal, 1 when any differs, 2 on a bad flag.
 * @module
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { openDb, type Db } from '../../packages/server/src/db/connect.js';
import { createApiApp } from '../../packages/server/src/api/app.js';
import { createApiKey } from '../../packages/server/src/auth/api-keys.js';
import { importOnlineRetail, type ImportSummary } from '../../packages/server/src/import/online-retail.js';
import { enrichDemo } from '../../packages/server/src/demo/load-demo.js';
import { refreshDerivedIfStale } from '../../packages/server/src/segments/derived-job.js';
import { DEFAULT_CSV } from './args.js';
import { flagsOrExitCode } from './cli.js';
import { fieldOf, jsonDifferences, type JsonDifference } from './json-diff.js';
import { loadAverage, machineInfo } from './machine.js';
import { createDatabase, dropDatabase, DEFAULT_PG_URL, redacted, withDatabase } from './pg-admin.js';
import { prng, sample } from './stats.js';
import { renderParityReport, type Compared, type EngineImport } from './parity-report.js';

export const USAGE = `usage: tsx --conditions=@c360/source bench/parity-full.ts [--csv FILE] [--database-url URL] [--enrich]
                                   [--keep] [--limit N] [--sample N] [--out FILE]

  --csv FILE          Online Retail CSV (default ${DEFAULT_CSV})
  --database-url URL  maintenance URL of the PostgreSQL server; the run creates a fresh database
                      c360_parity_<time> on it (default ${DEFAULT_PG_URL})
  --enrich            after the import, apply the demo enrichment (profiles, loyalty, marketing,
                      support, payments, browsing: every /360 section filled) on both engines
  --keep              keep the PostgreSQL database and the SQLite file (paths printed at the end)
  --limit N           compare /360 of the first N customers only (default: every customer)
  --sample N          customers whose timeline and orders pages are compared (default 500)
  --out FILE          report file (default bench/results/<date>-postgres-parity.md)`;

interface ParityArgs {
  csv: string;
  adminUrl: string;
  keep: boolean;
  enrich: boolean;
  limit?: number;
  sample: number;
  out?: string;
}

function parse(argv: string[]): ParityArgs | null {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      csv: { type: 'string' },
      'database-url': { type: 'string' },
      keep: { type: 'boolean' },
      enrich: { type: 'boolean' },
      limit: { type: 'string' },
      sample: { type: 'string' },
      out: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) return null;
  const int = (flag: string, text: string | undefined) => {
    const n = Number(text);
    if (!Number.isInteger(n) || n < 1) throw new Error(`--${flag}: "${text}" is not an integer ≥ 1\n${USAGE}`);
    return n;
  };
  return {
    csv: values.csv ?? DEFAULT_CSV,
    adminUrl: values['database-url'] ?? DEFAULT_PG_URL,
    keep: values.keep ?? false,
    enrich: values.enrich ?? false,
    limit: values.limit === undefined ? undefined : int('limit', values.limit),
    sample: values.sample === undefined ? 500 : int('sample', values.sample),
    out: values.out,
  };
}

const log = (line: string) => process.stderr.write(`parity: ${line}\n`);

/** Searches compared on both engines: free text (short, trigram-length, digits, ids), filters, sorts. */
const SEARCHES = [
  'q=an',
  'q=mar',
  'q=cus',
  'q=Customer%201234',
  'q=0',
  'q=12',
  'q=1234',
  'q=536365',
  'q=United',
  'q=%C3%A9',
  'sort=name',
  'sort=-lifetimeValue&limit=50',
  'sort=-lastPurchaseAt&limit=50',
  'sort=-totalOrders&country=United%20Kingdom',
  'country=France&sort=name&limit=100',
  'clvMin=100&clvMax=2000&sort=lifetimeValue',
  'healthMin=70&sort=-healthScore',
  'churnMin=67&sort=-churnRisk',
  'segment=rfm:champions',
  'segment=rfm:lost&sort=name',
  'segment=rfm:at_risk&sort=-lifetimeValue',
];

interface Engine {
  label: 'SQLite' | 'PostgreSQL';
  db: Db;
  get: (path: string) => Promise<{ status: number; body: unknown }>;
}

async function importInto(
  label: Engine['label'],
  db: Db,
  csv: string,
  enrich: boolean,
): Promise<EngineImport & { summary: ImportSummary }> {
  log(`${label}: importing ${csv} …`);
  const t = performance.now();
  const summary = await importOnlineRetail(db, csv, {
    onProgress: (p) => p.rows % 100_000 === 0 && log(`  ${label}: ${p.rows.toLocaleString('en')} lines`),
  });
  const importSeconds = (performance.now() - t) / 1000;
  const asOf = new Date(summary.asOf);
  let enrichSeconds: number | undefined;
  if (enrich) {
    const t1 = performance.now();
    const enriched = await enrichDemo(db, summary.asOf);
    enrichSeconds = (performance.now() - t1) / 1000;
    log(`${label}: enriched with ${enriched.events} events in ${enrichSeconds.toFixed(1)} s`);
  }
  const t2 = performance.now();
  await refreshDerivedIfStale(db, { asOf });
  const derivedSeconds = (performance.now() - t2) / 1000;
  log(`${label}: imported ${summary.rows} lines in ${importSeconds.toFixed(1)} s, derived refresh ${derivedSeconds.toFixed(1)} s`);
  return { engine: label, importSeconds, enrichSeconds, derivedSeconds, summary };
}

async function apiOf(label: Engine['label'], db: Db, asOf: Date): Promise<Engine> {
  const app = createApiApp({ db, asOf, auth: { writeRate: 0 } });
  const { token } = await createApiKey(db, { name: 'parity', role: 'admin', createdBy: 'bench' });
  const headers = { authorization: `Bearer ${token}` };
  return {
    label,
    db,
    get: async (path) => {
      const res = await app.request(`http://localhost${path}`, { headers });
      const text = await res.text();
      return { status: res.status, body: res.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text };
    },
  };
}

/**
 * Fields that record the wall-clock time of the run, not the data: the built-in segments' `createdAt`
 * is the moment each database was migrated. Left out of the comparison and named in the report.
 */
export const WALL_CLOCK_FIELDS = ['$.body.segments[].createdAt'];

/** Asks both engines each path and records the differences (status included, wall-clock fields left out). */
async function compare(name: string, paths: readonly string[], lite: Engine, pg: Engine): Promise<Compared> {
  const differences: Array<{ path: string; diff: JsonDifference[] }> = [];
  let done = 0;
  for (const path of paths) {
    const [a, b] = await Promise.all([lite.get(path), pg.get(path)]);
    const diff = jsonDifferences({ status: a.status, body: a.body }, { status: b.status, body: b.body }).filter(
      (d) => !WALL_CLOCK_FIELDS.includes(fieldOf(d.path)),
    );
    if (a.status !== 200) diff.unshift({ path: '$.status (not 200 on SQLite)', left: a.status, right: b.status });
    if (diff.length) differences.push({ path, diff });
    if (++done % 500 === 0) log(`  ${name}: ${done}/${paths.length}, ${differences.length} differing`);
  }
  log(`${name}: ${paths.length} compared, ${differences.length} differing`);
  return { name, calls: paths.length, differences };
}

export async function main(argv: string[]): Promise<number> {
  const args = flagsOrExitCode(argv, parse, USAGE);
  if (typeof args === 'number') return args;
  if (!existsSync(args.csv)) {
    console.error(`parity: ${args.csv} not found (give --csv FILE)`);
    return 1;
  }
  const loadAtStart = loadAverage();
  const stamp = new Date().toISOString().replace(/[-:T]/g, '').slice(0, 14);
  const dbName = `c360_parity_${stamp}`;
  const pgUrl = withDatabase(args.adminUrl, dbName);
  const dir = mkdtempSync(join(tmpdir(), 'c360-parity-'));
  const file = join(dir, 'c360.db');
  await createDatabase(args.adminUrl, dbName);
  log(`fresh PostgreSQL database ${redacted(pgUrl)}, fresh SQLite file ${file}`);
  let liteDb: Db | undefined;
  let pgDb: Db | undefined;
  let equal = false;
  try {
    liteDb = await openDb({ file });
    pgDb = await openDb({ url: pgUrl });
    const imports = [
      await importInto('SQLite', liteDb, args.csv, args.enrich),
      await importInto('PostgreSQL', pgDb, args.csv, args.enrich),
    ];
    const [liteImport, pgImport] = imports as [(typeof imports)[0], (typeof imports)[0]];
    if (liteImport.summary.asOf !== pgImport.summary.asOf)
      throw new Error(`as-of differs: ${liteImport.summary.asOf} vs ${pgImport.summary.asOf}`);
    const asOf = new Date(liteImport.summary.asOf);
    const lite = await apiOf('SQLite', liteDb, asOf);
    const pg = await apiOf('PostgreSQL', pgDb, asOf);

    const idsOf = async (db: Db) => (await db.selectFrom('customers').select('id').orderBy('id').execute()).map((r) => r.id);
    const [liteIds, pgIds] = [await idsOf(liteDb), await idsOf(pgDb)];
    const customerIds = jsonDifferences(liteIds, pgIds);
    const ids = args.limit ? liteIds.slice(0, args.limit) : liteIds;
    const picked = sample(liteIds, Math.min(args.sample, liteIds.length), prng(360));
    const enc = encodeURIComponent;
    const compared = [
      await compare(
        '/customers/:id/360',
        ids.map((id) => `/customers/${enc(id)}/360`),
        lite,
        pg,
      ),
      await compare(
        '/customers/:id/timeline?limit=50',
        picked.map((id) => `/customers/${enc(id)}/timeline?limit=50`),
        lite,
        pg,
      ),
      await compare(
        '/customers/:id/orders?limit=50',
        picked.map((id) => `/customers/${enc(id)}/orders?limit=50`),
        lite,
        pg,
      ),
      await compare('/segments', ['/segments'], lite, pg),
      await compare(
        '/customers?… (search)',
        [...SEARCHES, `q=${enc(liteIds[3]!)}`].map((q) => `/customers?${q}`),
        lite,
        pg,
      ),
    ];
    equal = customerIds.length === 0 && compared.every((c) => c.differences.length === 0);
    const m = machineInfo(
      String((await liteDb.selectNoFrom((eb) => eb.fn<string>('sqlite_version', []).as('v')).executeTakeFirstOrThrow()).v),
    );
    const pgVersion = String((await pgDb.selectNoFrom((eb) => eb.fn<string>('version', []).as('v')).executeTakeFirstOrThrow()).v);
    const report = renderParityReport({
      command: `tsx --conditions=@c360/source bench/parity-full.ts${argv.length ? ` ${argv.join(' ')}` : ''}`,
      machine: `${m.cpu}, ${m.cores} cores, ${m.ramGiB.toFixed(0)} GiB, ${m.os}, Node ${m.node}, SQLite ${m.sqlite}, ${pgVersion.split(' on ')[0]}; revision ${m.revision}; load average at start ${loadAtStart}, at the end ${loadAverage()}`,
      csv: args.csv,
      asOf: asOf.toISOString(),
      imports: imports.map(({ summary, ...rest }) => ({
        ...rest,
        rows: summary.rows,
        customers: summary.customers,
        orders: summary.orders,
      })),
      customers: { sqlite: liteIds.length, postgres: pgIds.length, idDifferences: customerIds.length },
      compared,
      ignored: WALL_CLOCK_FIELDS,
    });
    const out = resolve(
      args.out ?? `bench/results/${new Date().toISOString().slice(0, 10)}-postgres-parity${args.enrich ? '-enriched' : ''}.md`,
    );
    writeFileSync(out, report);
    process.stdout.write(report);
    log(`written to ${out}`);
  } finally {
    await liteDb?.destroy();
    await pgDb?.destroy();
    if (args.keep) log(`kept ${file} and ${redacted(pgUrl)}`);
    else {
      rmSync(dir, { recursive: true, force: true });
      await dropDatabase(args.adminUrl, dbName);
    }
  }
  return equal ? 0 : 1;
}
