/**
 * The Markdown report of the scale bench: per size and engine, each measure beside its reference
 * and the ingestion rates; per size, the engines side by side; and per engine the growth table —
 * for each measure, the p50 at every size and the exponent k of cost ∝ Nᵏ between consecutive sizes
 * (k ≈ 0: flat, k ≈ 1: linear).
 * @module
 */
import type { Summary } from './measure.js';
import type { LoadResult } from './load.js';
import type { IngestRow } from './ingest.js';
import type { ExportRun } from './export-memory.js';

/** One engine at one size. */
export interface ScaleRun {
  /** `SQLite` or `PostgreSQL`. */
  engine: string;
  /** The data's as-of date (the dataset's latest event). */
  asOf: Date;
  customers: number;
  seedSeconds: number | null;
  derivedSeconds: number;
  rows: Array<{ name: string; what: string; summary: Summary; raw?: Summary }>;
  export: ExportRun;
  load: LoadResult[];
  /** Ingestion on a scratch copy (absent with `--ingest-events 0`). */
  ingest?: IngestRow[];
}

const mib = (v: number | null) => (v === null ? '—' : `${v >= 0 ? '+' : ''}${v.toFixed(1)}`);

/** The export's memory after forced GCs (bench/scale/export-memory.ts), in one sentence. */
function exportMemory({ memory: m }: ExportRun): string {
  return (
    `After a forced GC at ${m.samples} points (start, each tenth of the rows, end): heap in use ${m.heapFirstMiB.toFixed(1)} MiB at the start, ` +
    `${m.heapMaxMiB.toFixed(1)} at most, ${m.heapLastMiB.toFixed(1)} at the end; resident memory from start to end: anonymous ${mib(m.anonGrowthMiB)} MiB, ` +
    `file-backed ${mib(m.fileGrowthMiB)} MiB (pages of the memory-mapped database, up to \`mmap_size\`, reclaimable).`
  );
}

const ms = (v: number) => (Number.isFinite(v) ? (v < 10 ? v.toFixed(2) : v.toFixed(1)) : '—');
const count = (n: number) => n.toLocaleString('en');

export function renderScaleReport(input: { runs: ScaleRun[]; machine: string; load: string; command: string }): string {
  const { runs } = input;
  const lines: string[] = [
    `# Scale bench (issues 9 and 10): ${[...new Set(runs.map((r) => r.engine))].join(' and ')} at ${[...new Set(runs.map((r) => count(r.customers)))].join(', ')} customers`,
    '',
    `Run ${new Date().toISOString()} with \`${input.command}\` on ${input.machine}; load average at the end ${input.load}.`,
    "**The machine was shared with several other engineers' builds and test runs while this ran (load average far above the",
    '2 cores): absolute times are inflated and noisy; the same-run references and the growth between sizes are the measure.**',
    '',
    'Server-side times: the real Hono API app called in-process (`app.request`), sequentially, after warm-up. "raw" = the',
    'same SQL statements the handler ran (captured through a logging Kysely), replayed on one connection of the same',
    'engine as prepared statements — cached better-sqlite3 statements on SQLite, named node-postgres (`pg`) statements',
    'on PostgreSQL: the floor for that work. Data: `c360 seed --customers N --seed 1` (Online Retail shapes, ~10 events',
    'per customer; SQLite `c360-N.db`, PostgreSQL `c360_bench_N`); derived state (rule memberships, stored scores)',
    'refreshed first. Ingestion runs on a scratch copy of the database; its raw reference replays the statements of a',
    'twin pass of the same events (captured, ids swapped), transaction control included.',
    '',
  ];
  for (const run of runs) {
    lines.push(`## ${count(run.customers)} customers — ${run.engine}`, '');
    lines.push(
      `Seed: ${run.seedSeconds === null ? 'reused a kept database' : `${run.seedSeconds.toFixed(1)} s`}; full derived-state refresh (background job): ${run.derivedSeconds.toFixed(1)} s.`,
      '',
    );
    lines.push(
      '| measure | what | n | p50 ms | p95 ms | p99 ms | raw p50 ms | handler / raw (p50) |',
      '| --- | --- | --: | --: | --: | --: | --: | --: |',
    );
    for (const r of run.rows) {
      lines.push(
        `| ${r.name} | ${r.what} | ${r.summary.n} | ${ms(r.summary.p50)} | ${ms(r.summary.p95)} | ${ms(r.summary.p99)} | ${r.raw ? ms(r.raw.p50) : ''} | ${r.raw ? `${(r.summary.p50 / Math.max(r.raw.p50, 0.001)).toFixed(1)}×` : ''} |`,
      );
    }
    const e = run.export;
    lines.push(
      '',
      `Bulk CSV export of every customer (keyset pages of 500, one count): ${count(e.rows)} rows, ${(e.bytes / 2 ** 20).toFixed(1)} MiB in ${e.seconds.toFixed(2)} s (${count(Math.round(e.rows / e.seconds))} rows/s), RSS growth ${e.rssGrowthMiB.toFixed(0)} MiB. ` +
        exportMemory(e),
      '',
    );
    lines.push('| over HTTP, 20 connections | req/s | p50 ms | p99 ms | errors |', '| --- | --: | --: | --: | --: |');
    for (const l of run.load)
      lines.push(`| ${l.name} | ${count(Math.round(l.requestsPerSecond))} | ${ms(l.latency.p50)} | ${ms(l.latency.p99)} | ${l.errors} |`);
    const [a, b] = [run.load.find((l) => l.name === '/360'), run.load.find((l) => l.name === 'trivial')];
    if (a && b)
      lines.push('', `/360 throughput = ${((100 * a.requestsPerSecond) / b.requestsPerSecond).toFixed(1)} % of Hono's trivial route.`);
    lines.push('');
    if (run.ingest?.length) {
      lines.push(
        '| ingestion | what | events | p50 ms | p99 ms | events/s | raw p50 ms | raw events/s | handler / raw |',
        '| --- | --- | --: | --: | --: | --: | --: | --: | --: |',
      );
      for (const r of run.ingest)
        lines.push(
          `| ${r.name} | ${r.what} | ${count(r.events)} | ${ms(r.summary.p50)} | ${ms(r.summary.p99)} | ${count(Math.round(r.eventsPerSecond))} | ${ms(r.raw.p50)} | ${count(Math.round(r.rawEventsPerSecond))} | ${(r.rawEventsPerSecond / Math.max(r.eventsPerSecond, 0.001)).toFixed(1)}× |`,
        );
      lines.push('');
    }
  }
  lines.push(...sideBySide(runs));
  for (const engine of new Set(runs.map((r) => r.engine))) lines.push(...growth(runs.filter((r) => r.engine === engine)));
  return `${lines.join('\n')}\n`;
}

/** Per size measured on several engines: each measure's p50 and raw p50 on each engine, in one table. */
function sideBySide(runs: ScaleRun[]): string[] {
  const lines: string[] = [];
  for (const size of new Set(runs.map((r) => r.customers))) {
    const at = runs.filter((r) => r.customers === size);
    if (at.length < 2) continue;
    lines.push(
      `## ${count(size)} customers: ${at.map((r) => r.engine).join(' beside ')}`,
      '',
      'p50 in ms (ingestion: events/s), each beside its raw SQL on the same engine.',
      '',
      `| measure | ${at.map((r) => `${r.engine} | raw`).join(' | ')} |`,
      `| --- | ${at.map(() => '--: | --:').join(' | ')} |`,
    );
    for (const row of at[0]!.rows) {
      const cells = at.map((r) => {
        const x = r.rows.find((y) => y.name === row.name);
        return `${x ? ms(x.summary.p50) : '—'} | ${x?.raw ? ms(x.raw.p50) : ''}`;
      });
      lines.push(`| ${row.name} | ${cells.join(' | ')} |`);
    }
    for (const row of at[0]!.ingest ?? []) {
      const cells = at.map((r) => {
        const x = r.ingest?.find((y) => y.name === row.name);
        return x ? `${count(Math.round(x.eventsPerSecond))} ev/s | ${count(Math.round(x.rawEventsPerSecond))} ev/s` : '— | —';
      });
      lines.push(`| ${row.name} | ${cells.join(' | ')} |`);
    }
    lines.push(
      `| bulk export (total) | ${at.map((r) => `${ms(r.export.seconds * 1000)} | `).join(' | ')} |`,
      `| /360 under 20 connections (req/s) | ${at.map((r) => `${count(Math.round(r.load.find((l) => l.name === '/360')?.requestsPerSecond ?? 0))} | `).join(' | ')} |`,
      '',
    );
  }
  return lines;
}

/** The growth table of one engine's runs (several sizes). */
function growth(runs: ScaleRun[]): string[] {
  const lines: string[] = [];
  if (runs.length > 1) {
    lines.push(
      `## How each cost grows — ${runs[0]!.engine}`,
      '',
      'p50 in ms at each size, and k in cost ∝ Nᵏ between consecutive sizes (0 = flat, 1 = linear).',
      '',
    );
    const header = [
      'measure',
      ...runs.map((r) => count(r.customers)),
      ...runs.slice(1).map((r, i) => `k ${count(runs[i]!.customers)}→${count(r.customers)}`),
    ];
    lines.push(
      `| ${header.join(' | ')} |`,
      `| --- | ${header
        .slice(1)
        .map(() => '--:')
        .join(' | ')} |`,
    );
    const names = runs[0]!.rows.map((r) => r.name);
    const k = (x0: number, x1: number, n0: number, n1: number) => (Math.log(x1 / x0) / Math.log(n1 / n0)).toFixed(2);
    for (const name of names) {
      const values = runs.map((r) => r.rows.find((x) => x.name === name)?.summary.p50 ?? Number.NaN);
      lines.push(
        `| ${name} | ${values.map(ms).join(' | ')} | ${values
          .slice(1)
          .map((v, i) => k(values[i]!, v, runs[i]!.customers, runs[i + 1]!.customers))
          .join(' | ')} |`,
      );
    }
    const ex = runs.map((r) => r.export.seconds * 1000);
    lines.push(
      `| bulk export (total) | ${ex.map(ms).join(' | ')} | ${ex
        .slice(1)
        .map((v, i) => k(ex[i]!, v, runs[i]!.customers, runs[i + 1]!.customers))
        .join(' | ')} |`,
    );
    lines.push('');
  }
  return lines;
}
