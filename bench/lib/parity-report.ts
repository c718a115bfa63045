/**
 * The Markdown report of the full-file parity check (lib/parity-suite.ts): the imports with their
 * timings, then per compared endpoint the calls and how many answers differed, the differing fields
 * grouped by path (array indexes folded) with a first example, and the first differing calls.
 * @module
 */
import { fieldOf, type JsonDifference } from './json-diff.js';

/** One engine's import of the file and the derived refresh after it. */
export interface EngineImport {
  engine: string;
  importSeconds: number;
  /** Seconds of the demo enrichment (`--enrich`), else undefined. */
  enrichSeconds?: number;
  derivedSeconds: number;
}

/** One endpoint asked of both engines: the paths whose answers differed, with their differences. */
export interface Compared {
  name: string;
  calls: number;
  differences: Array<{ path: string; diff: JsonDifference[] }>;
}

export interface ParityReportInput {
  command: string;
  machine: string;
  csv: string;
  asOf: string;
  imports: Array<EngineImport & { rows: number; customers: number; orders: number }>;
  customers: { sqlite: number; postgres: number; idDifferences: number };
  compared: Compared[];
  /** Fields left out of the comparison (wall-clock times of the run). */
  ignored: string[];
}

const count = (n: number) => n.toLocaleString('en');
const show = (v: unknown) => (v === undefined ? '(absent)' : `\`${JSON.stringify(v)?.slice(0, 80)}\``);

export function renderParityReport(input: ParityReportInput): string {
  const differing = input.compared.reduce((n, c) => n + c.differences.length, 0);
  const calls = input.compared.reduce((n, c) => n + c.calls, 0);
  const enriched = input.imports.some((i) => i.enrichSeconds !== undefined);
  const lines = [
    '# PostgreSQL parity on the full Online Retail file (issue 10)',
    '',
    `Run ${new Date().toISOString()} with \`${input.command}\` on ${input.machine}.`,
    '',
    `The whole file (\`${input.csv}\`) imported with \`importOnlineRetail\` into a fresh SQLite file and into a fresh`,
    `PostgreSQL database${enriched ? ', then the demo enrichment applied to both (`enrichDemo`: every /360 section filled)' : ''}, each then brought current by the derived-state refresh the server runs in the background`,
    `(rule memberships, stored scores); then the real API app of each (\`createApiApp\`, as-of = the dataset's date,`,
    `${input.asOf}) asked the same GETs in-process, and the parsed JSON answers (with the status) compared leaf by`,
    `leaf, numbers exactly; left out: ${input.ignored.map((f) => `\`${f}\``).join(', ')} (the moment each database was migrated).`,
    '',
    `**Result: ${differing === 0 && input.customers.idDifferences === 0 ? 'identical' : `${count(differing)} of ${count(calls)} answers differ`}** — ${count(calls)} GETs on each engine, ${count(input.customers.sqlite)} customers (${count(input.customers.postgres)} on PostgreSQL, ${input.customers.idDifferences} id differences).`,
    '',
    '| engine | lines | customers | orders | import s | lines/s | demo enrichment s | derived refresh s |',
    '| --- | --: | --: | --: | --: | --: | --: | --: |',
    ...input.imports.map(
      (i) =>
        `| ${i.engine} | ${count(i.rows)} | ${count(i.customers)} | ${count(i.orders)} | ${i.importSeconds.toFixed(1)} | ${count(Math.round(i.rows / i.importSeconds))} | ${i.enrichSeconds === undefined ? '—' : i.enrichSeconds.toFixed(1)} | ${i.derivedSeconds.toFixed(1)} |`,
    ),
    '',
    'The machine is shared with other engineers’ builds and tests: the import times are wall times under that load.',
    '',
    '| compared | calls | differing |',
    '| --- | --: | --: |',
    ...input.compared.map((c) => `| \`${c.name}\` | ${count(c.calls)} | ${count(c.differences.length)} |`),
    '',
  ];
  for (const c of input.compared.filter((x) => x.differences.length)) {
    const byField = new Map<string, { calls: number; example: JsonDifference; at: string }>();
    for (const d of c.differences) {
      for (const field of new Set(d.diff.map((x) => fieldOf(x.path)))) {
        const first = d.diff.find((x) => fieldOf(x.path) === field)!;
        const entry = byField.get(field) ?? { calls: 0, example: first, at: d.path };
        entry.calls++;
        byField.set(field, entry);
      }
    }
    lines.push(
      `## Differences in \`${c.name}\``,
      '',
      '| field | calls | first example | SQLite | PostgreSQL |',
      '| --- | --: | --- | --- | --- |',
    );
    for (const [field, e] of [...byField].sort((a, b) => b[1].calls - a[1].calls).slice(0, 40))
      lines.push(`| \`${field}\` | ${e.calls} | \`${e.at}\` \`${e.example.path}\` | ${show(e.example.left)} | ${show(e.example.right)} |`);
    lines.push('');
  }
  return `${lines.join('\n')}\n`;
}
