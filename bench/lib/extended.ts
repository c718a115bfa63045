/**
 * The phases after the core reads: the 360 sections, compare and segments (`--enrich`), search
 * filters, and last — because it writes — ingestion throughput. Also the fixtures the sections need,
 * created before any read is measured.
 * @module
 */
import type SQLite from 'better-sqlite3';
import type { Db } from '../../packages/server/src/db/connect.js';
import type { BenchArgs } from './args.js';
import { benchApp } from './auth.js';
import { createFixtures, type FixtureSummary } from './fixtures.js';
import { runIngest } from './ingest.js';
import type { IngestReport, RowGroup } from './report-extra.js';
import type { Report } from './report.js';
import { runSearchFilters } from './search-filters.js';
import { runSections } from './sections.js';

const log = (line: string) => process.stderr.write(`bench: ${line}\n`);

/** With `--enrich`: tags, notes, rule and manual segments through the API (before the reads). */
export async function fixturesIfEnriched(
  args: BenchArgs,
  db: Db,
  asOf: Date,
  all: string[],
  ids: string[],
): Promise<FixtureSummary | undefined> {
  if (!args.enrich) return undefined;
  log('creating fixtures: tags, notes, rule and manual segments …');
  return createFixtures(benchApp(db, asOf), all, ids, args.seed);
}

export interface ExtendedInputs {
  args: BenchArgs;
  db: Db;
  file: string;
  conn: SQLite.Database;
  asOf: Date;
  ids: string[];
  warmIds: string[];
  fixtures?: FixtureSummary;
  enrichment?: IngestReport['enrichment'];
}

/** Runs the extended phases; returns what the report adds. */
export async function runExtended(
  x: ExtendedInputs,
): Promise<Required<Pick<Report, 'groups' | 'ingest'>> & Pick<Report, 'notes' | 'statements'>> {
  const { args } = x;
  const groups: RowGroup[] = [];
  const notes: string[] = [];
  const statements: Report['statements'] = [];
  if (x.fixtures) {
    const f = x.fixtures;
    notes.push(
      `Bench fixtures (\`--enrich\`, through the API before any read): ${f.tags} tags on ${f.tagAssignments} customers, ` +
        `${f.ruleSegments} rule segments, a manual segment with ${f.manualAssignments} members, ${f.notes} notes on the sampled ` +
        `customers (0–4 each); ${f.seconds.toFixed(1)} s. The /360 rows above therefore read tags and rule/manual segments too.`,
    );
  }
  if (args.enrich) {
    const sections = await runSections({
      db: x.db,
      file: x.file,
      conn: x.conn,
      asOf: x.asOf,
      ids: x.ids,
      warmIds: x.warmIds,
      warmup: args.warmup,
    });
    groups.push({
      title: '360 sections, compare, segments',
      intro:
        'The section endpoints of the 360 view for the sampled customers, GET /customers/compare for triples of them and ' +
        'GET /segments, each via `app.request()` beside the very statements those requests issued, replayed as raw SQL.',
      rows: sections.rows,
    });
    notes.push(...sections.notes);
    statements.push(...sections.statements);
  } else {
    notes.push(
      'Section endpoints (loyalty, marketing, support, payments, analytics, notes, compare, segments) are measured with ' +
        '`--enrich` only: without it they have no data.',
    );
  }
  const filters = await runSearchFilters({
    db: x.db,
    file: x.file,
    conn: x.conn,
    asOf: x.asOf,
    n: args.customers,
    warmup: args.warmup,
    seed: args.seed,
    tagged: args.enrich,
  });
  groups.push({
    title: 'Search filters and free text',
    intro:
      'GET /customers with filters, and free-text queries long enough for the FTS5 trigram index against the `LIKE` scan ' +
      'that shorter ones fall back to, each beside the same statements as raw SQL.',
    rows: filters.rows,
  });
  notes.push(...filters.notes);
  statements.push(...filters.statements);

  const ingest = await runIngest({
    db: x.db,
    file: x.file,
    conn: x.conn,
    asOf: x.asOf,
    events: args.events,
    batch: args.batch,
    seed: args.seed,
  });
  notes.push(...ingest.notes);
  return { groups, ingest: { rows: ingest.rows, batch: args.batch, enrichment: x.enrichment }, notes, statements };
}
