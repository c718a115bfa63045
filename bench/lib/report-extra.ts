/**
 * The report's sections for the section reads, search filters and ingestion (report.ts renders the
 * header, targets, import and the core reads, and calls these).
 * @module
 */
import type { IngestRow } from './ingest.js';
import type { Row } from './report.js';
import { int, ms, pct } from './stats.js';

/** A titled table of read rows, rendered with report.ts's reads table. */
export interface RowGroup {
  title: string;
  intro: string;
  rows: Row[];
}

export interface IngestReport {
  rows: IngestRow[];
  batch: number;
  /** The demo enrichment (`--enrich`): events generated, validated and applied through applyEvents. */
  enrichment?: { events: number; applied: number; seconds: number; customers: number };
}

export function groupSections(groups: readonly RowGroup[], table: (rows: readonly Row[]) => string[]): string[] {
  return groups.flatMap((g) => (g.rows.length ? [`## ${g.title}`, '', g.intro, '', ...table(g.rows), ''] : []));
}

export function ingestSection(r: IngestReport): string[] {
  const out = [
    '## Ingestion',
    '',
    `Batches of ${int(r.batch)} events, one call in flight; latencies are per **batch** (ms), events/s = events ÷ wall time of the ` +
      'series. Each measurement is followed by its references: the same kind of batches applied by `applyEvents()` directly, and ' +
      'the rows they add inserted with raw better-sqlite3 statements (the floor).',
    '',
    '| Measurement | events | batches | events/s | p50 ms | p95 ms | p99 ms | max ms | waited |',
    '|---|--:|--:|--:|--:|--:|--:|--:|--:|',
  ];
  for (const row of r.rows) {
    const s = row.summary;
    out.push(
      `| ${row.what} | ${int(row.events)} | ${int(s.n)} | ${int(row.eventsPerSecond)} | ${ms(s.p50)} | ${ms(s.p95)} | ` +
        `${ms(s.p99)} | ${ms(s.max)} | ${pct(s.waited)} |`,
    );
  }
  if (r.enrichment) {
    const e = r.enrichment;
    out.push(
      `| demo enrichment (\`enrichDemo\`, \`--enrich\`): generate, validate (zod) and \`applyEvents\` in batches of 25 customers | ` +
        `${int(e.events)} | | ${int(e.events / e.seconds)} | | | | ${e.seconds.toFixed(1)} s total | |`,
    );
  }
  out.push('');
  if (r.enrichment) {
    out.push(
      `Ingestion through applyEvents during the demo enrichment: ${int(r.enrichment.events)} events (${int(r.enrichment.applied)} ` +
        `applied) for ${int(r.enrichment.customers)} customers in ${r.enrichment.seconds.toFixed(1)} s = ` +
        `${int(r.enrichment.events / r.enrichment.seconds)} events/s, generation and validation included.`,
      '',
    );
  }
  return out;
}
