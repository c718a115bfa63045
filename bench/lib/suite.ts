/**
 * `npm run bench`: imports the Online Retail file into a fresh SQLite database, measures the
 * customer reads, prints a Markdown table and writes it to bench/results/.
 * @module
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import SQLite from 'better-sqlite3';
import { openDb } from '../../packages/server/src/db/connect.js';
import { enrichDemo } from '../../packages/server/src/demo/load-demo.js';
import { parseBenchArgs, reproduceCommand, USAGE, type BenchArgs } from './args.js';
import { dbSizeMiB, parseOnly, timedImport } from './import.js';
import { loadAverage, machineInfo } from './machine.js';
import { createBenchToken } from './auth.js';
import { fixturesIfEnriched, runExtended } from './extended.js';
import { runReads } from './reads.js';
import type { IngestReport } from './report-extra.js';
import { renderReport, type Report } from './report.js';
import { prng } from './stats.js';
import { customerIds, pickCustomers, searchQueries } from './workload.js';
import { flagsOrExitCode } from './cli.js';

const RESULTS_DIR = fileURLToPath(new URL('../results/', import.meta.url));
const log = (line: string) => process.stderr.write(`bench: ${line}\n`);

/** Runs the benchmark; returns the process exit code. */
export async function main(argv: string[]): Promise<number> {
  const args = flagsOrExitCode(argv, parseBenchArgs, USAGE);
  if (typeof args === 'number') return args;
  if (!existsSync(args.csv)) {
    console.error(
      `bench: the Online Retail CSV ${args.csv} does not exist; nothing was measured. ` +
        'Pass its location with --csv FILE (UCI "Online Retail", see /work/shared/data/online_retail/SOURCE.md).',
    );
    return 1;
  }
  if (args.keepDb && existsSync(args.keepDb)) {
    console.error(`bench: --keep-db ${args.keepDb} already exists; the import needs a fresh database. Remove it or pick another path.`);
    return 1;
  }
  const tempDir = args.keepDb ? undefined : mkdtempSync(join(tmpdir(), 'c360-bench-'));
  const dbFile = args.keepDb ? resolve(args.keepDb) : join(tempDir!, 'bench.db');
  try {
    await run(args, dbFile);
    if (args.keepDb) log(`database kept at ${dbFile}`);
    return 0;
  } finally {
    if (tempDir) rmSync(tempDir, { recursive: true, force: true });
  }
}

async function run(args: BenchArgs, dbFile: string): Promise<void> {
  const startedAt = new Date();
  const probe = new SQLite(':memory:');
  const machine = machineInfo((probe.prepare('select sqlite_version() as v').get() as { v: string }).v);
  probe.close();

  // The parse reference first: it also brings the file into the page cache, so the import is not
  // penalised for a cold first read.
  log(`reference: parsing ${args.csv} without a database …`);
  const parse = await parseOnly(args.csv);

  log(`importing into ${dbFile} …`);
  const opened = performance.now();
  const db = await openDb({ file: dbFile });
  const openMs = performance.now() - opened;
  const importTiming = await timedImport(db, args.csv);
  const s = importTiming.summary;
  log(`imported ${s.rows} lines in ${importTiming.seconds.toFixed(2)} s`);
  let enrichSeconds: number | undefined;
  let enrichment: IngestReport['enrichment'];
  if (args.enrich) {
    log('applying the demo enrichment (ingestion through applyEvents) …');
    const t0 = performance.now();
    const e = await enrichDemo(db, s.asOf);
    enrichSeconds = (performance.now() - t0) / 1000;
    enrichment = { events: e.events, applied: e.applied, customers: e.customers, seconds: enrichSeconds };
    log(`enrichment: ${e.events} events in ${enrichSeconds.toFixed(1)} s`);
  }
  await createBenchToken(db); // every API route needs a bearer token

  const conn = new SQLite(dbFile, { readonly: true });
  try {
    const asOfText = (conn.prepare("select value from meta where key = 'dataset_as_of'").get() as { value: string } | undefined)?.value;
    if (!asOfText) throw new Error('meta.dataset_as_of is missing after the import');
    const asOf = new Date(asOfText);
    const count = (table: string) => (conn.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;

    const rand = prng(args.seed);
    const all = customerIds(conn);
    const ids = pickCustomers(all, args.customers, rand);
    const warmIds = pickCustomers(all, Math.max(1, args.warmup), rand);
    const fixtures = await fixturesIfEnriched(args, db, asOf, all, ids);
    const { queries, mix } = searchQueries(conn, args.customers, rand);
    const warmQueries = searchQueries(conn, Math.max(1, args.warmup), rand).queries;

    const reads = await runReads({ db, file: dbFile, conn, asOf, ids, warmIds, queries, warmQueries, warmup: args.warmup });
    reads.notes.push(
      `Search queries: ${mix.fragments} name/email fragments (3–8 characters), ${mix.orderNumbers} exact order ` +
        `numbers, ${mix.customerIds} exact customer ids. Without \`--enrich\` the names are the importer's \`Customer <id>\` and ` +
        'there are no emails, phones, addresses, tags, segments, tickets, sessions or marketing events: those /360 statements ' +
        'return no rows (`--enrich` adds them).',
    );
    reads.notes.push(
      `Sampled customers: ${ids.length} of ${all.length}` +
        (ids.length > all.length ? ' (more than exist: the shuffled list is cycled)' : ', distinct') +
        '.',
    );
    const more = await runExtended({ args, db, file: dbFile, conn, asOf, ids, warmIds, fixtures, enrichment });

    const report: Report = {
      startedAt,
      machine,
      loadAtEnd: loadAverage(),
      command: reproduceCommand(args),
      csv: { file: args.csv, sizeMiB: statSync(args.csv).size / 2 ** 20 },
      dataset: {
        rows: s.rows,
        customers: count('customers'),
        orders: count('orders'),
        orderLines: count('order_items'),
        refunds: s.refunds,
        guestLines: s.guestLines,
        products: count('products'),
        activity: count('activity'),
        asOf: asOfText,
        dbMiB: dbSizeMiB(conn),
        enriched: args.enrich,
      },
      openMs,
      importTiming,
      parse,
      enrichSeconds,
      warmup: args.warmup,
      seed: args.seed,
      rows: reads.rows,
      target360: reads.target360,
      notes: [...reads.notes, ...more.notes],
      statements: [...reads.statements, ...more.statements],
      groups: more.groups,
      ingest: more.ingest,
    };
    const markdown = renderReport(report);
    console.log(markdown);
    mkdirSync(RESULTS_DIR, { recursive: true });
    const out = join(RESULTS_DIR, `${startedAt.toISOString().slice(0, 10)}-import-and-360${args.enrich ? '-enriched' : ''}.md`);
    writeFileSync(out, markdown + '\n');
    log(`results written to ${out}`);
  } finally {
    conn.close();
    await db.destroy();
  }
}
