/**
 * The Markdown report of the scale bench: per size, each measure beside its reference, and the
 * growth table — for each measure, the p50 at every size and the exponent k of cost ∝ Nᵏ between
 * consecutive sizes (k ≈ 0: flat, k ≈ 1: linear).
 * @module
 */
import type { Summary } from './measure.js';
import type { LoadResult } from './load.js';

export interface ScaleRun {
  customers: number;
  seedSeconds: number | null;
  derivedSeconds: number;
  rows: Array<{ name: string; what: string; summary: Summary; raw?: Summary }>;
  export: { seconds: number; rows: number; bytes: number; rssGrowthMiB: number };
  load: LoadResult[];
}

const ms = (v: number) => (Number.isFinite(v) ? (v < 10 ? v.toFixed(2) : v.toFixed(1)) : '—');
const count = (n: number) => n.toLocaleString('en');

export function renderScaleReport(input: { runs: ScaleRun[]; machine: string; load: string; command: string }): string {
  const { runs } = input;
  const lines: string[] = [
    `# Scale bench (issue 9): reads at ${runs.map((r) => count(r.customers)).join(', ')} customers`,
    '',
    `Run ${new Date().toISOString()} with \`${input.command}\` on ${input.machine}; load average at the end ${input.load}.`,
    "**The machine was shared with several other engineers' builds and test runs while this ran (load average far above the",
    '2 cores): absolute times are inflated and noisy; the same-run references and the growth between sizes are the measure.**',
    '',
    'Server-side times: the real Hono API app called in-process (`app.request`), sequentially, after warm-up. "raw" = the',
    'same SQL statements the handler ran (captured through a logging Kysely), replayed with cached better-sqlite3',
    'prepared statements on one connection: the floor for that work. Data: `c360 seed --customers N --seed 1`',
    '(Online Retail shapes, ~10 events per customer); derived state (rule memberships, stored scores) refreshed first.',
    '',
  ];
  for (const run of runs) {
    lines.push(`## ${count(run.customers)} customers`, '');
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
      `Bulk CSV export of every customer (keyset pages of 500, one count): ${count(e.rows)} rows, ${(e.bytes / 2 ** 20).toFixed(1)} MiB in ${e.seconds.toFixed(2)} s (${count(Math.round(e.rows / e.seconds))} rows/s), RSS growth ${e.rssGrowthMiB.toFixed(0)} MiB.`,
      '',
    );
    lines.push('| over HTTP, 20 connections | req/s | p50 ms | p99 ms | errors |', '| --- | --: | --: | --: | --: |');
    for (const l of run.load)
      lines.push(`| ${l.name} | ${count(Math.round(l.requestsPerSecond))} | ${ms(l.latency.p50)} | ${ms(l.latency.p99)} | ${l.errors} |`);
    const [a, b] = [run.load.find((l) => l.name === '/360'), run.load.find((l) => l.name === 'trivial')];
    if (a && b)
      lines.push('', `/360 throughput = ${((100 * a.requestsPerSecond) / b.requestsPerSecond).toFixed(1)} % of Hono's trivial route.`);
    lines.push('');
  }
  if (runs.length > 1) {
    lines.push(
      '## How each cost grows',
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
  return `${lines.join('\n')}\n`;
}
