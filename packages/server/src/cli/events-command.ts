/**
 * `c360 import events FILE.ndjson [--db FILE]`: applies a file of ingestion events (one JSON
 * event per line, the same events as POST /api/events) in one transaction, with progress lines on
 * stderr and what was imported on stdout. Re-running it changes nothing (event ids are idempotency
 * keys).
 * @module
 */
import { parseArgs } from 'node:util';
import { openDb } from '../db/connect.js';
import { assertReadableFile } from '../import/csv-rows.js';
import { importEventsFile, type EventsFileProgress, type EventsFileSummary } from '../ingest/events-file.js';
import { resolveDbFile } from './options.js';

const OPTIONS = {
  db: { type: 'string' },
  'database-url': { type: 'string' },
} as const;

const USAGE = 'usage: c360 import events FILE.ndjson [--db FILE]';

/**
 * Runs `c360 import events FILE.ndjson [--db FILE]` (`args` are what follows `import events`).
 * @throws Error with a usage message on bad arguments; ImportError naming the file and line of each
 *   invalid event, or of the event that cannot be applied — the database is then unchanged.
 */
export async function eventsCommand(args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({ args, options: OPTIONS, allowPositionals: true, strict: true });
  const [file, ...extra] = positionals;
  if (!file) throw new Error(`missing FILE.ndjson; ${USAGE}`);
  if (extra.length > 0) throw new Error(`unexpected argument "${extra[0]}"; ${USAGE}`);

  const dbFile = resolveDbFile(values);
  const totalBytes = await assertReadableFile(file); // before the database file is created
  const db = await openDb({ file: dbFile });
  const started = performance.now();
  try {
    const summary = await importEventsFile(db, file, { totalBytes, onProgress: progressLines() });
    process.stdout.write(report(summary, dbFile, (performance.now() - started) / 1000));
  } finally {
    await db.destroy();
  }
}

/** A plain progress line on stderr at every 10 % of the file. */
function progressLines(): (p: EventsFileProgress) => void {
  let next = 10;
  return (p) => {
    const percent = p.totalBytes > 0 ? Math.min(100, Math.floor((p.bytes / p.totalBytes) * 100)) : 100;
    if (percent < next) return;
    process.stderr.write(`import events: ${percent}% (${p.lines.toLocaleString('en-US')} lines)\n`);
    next = Math.floor(percent / 10) * 10 + 10;
  };
}

function report(s: EventsFileSummary, dbFile: string, seconds: number): string {
  const n = (x: number): string => x.toLocaleString('en-US');
  const types = Object.entries(s.byType).sort(([a], [b]) => a.localeCompare(b));
  return [
    `Imported ${s.file} (events) into ${dbFile} in ${seconds.toFixed(1)} s:`,
    `  ${n(s.events)} events read`,
    `  ${n(s.applied)} applied`,
    `  ${n(s.duplicates)} already received (skipped)`,
    ...(types.length ? ['  by type:', ...types.map(([type, count]) => `    ${type}: ${n(count)}`)] : []),
    '',
  ].join('\n');
}
