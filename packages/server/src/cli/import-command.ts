/**
 * `c360 import online-retail FILE.csv [--db FILE] [--force]` (and `c360 import events FILE.ndjson`): imports a file into the database with
 * a progress bar on a TTY (plain progress lines every 10 % otherwise), both on stderr, and prints
 * what was imported on stdout.
 * @module
 */
import { parseArgs } from 'node:util';
import cliProgress from 'cli-progress';
import { openDb } from '../db/connect.js';
import { assertReadableFile, type ReadProgress } from '../import/csv-rows.js';
import { importOnlineRetail, type ImportSummary } from '../import/online-retail.js';
import { resolveDbFile } from './options.js';
import { eventsCommand } from './events-command.js';

const OPTIONS = {
  db: { type: 'string' },
  'database-url': { type: 'string' },
  force: { type: 'boolean' },
} as const;

const USAGE = 'usage: c360 import online-retail FILE.csv [--db FILE] [--force]';
const SOURCES = ['online-retail'];

/**
 * Runs `c360 import <source> FILE [--db FILE] [--force]` (args after `import`).
 * @throws Error with a usage message on bad arguments or an unknown source; ImportError (an Error)
 *   naming the file, line and column when the input is bad, in which case the database is unchanged.
 */
export async function importCommand(args: string[]): Promise<void> {
  if (args[0] === 'events') return eventsCommand(args.slice(1));
  const { values, positionals } = parseArgs({ args, options: OPTIONS, allowPositionals: true, strict: true });
  const [source, file, ...extra] = positionals;
  if (!source) throw new Error(`missing source type; ${USAGE}`);
  if (!SOURCES.includes(source)) throw new Error(`unknown source type "${source}"; known: ${SOURCES.join(', ')}, events`);
  if (!file) throw new Error(`missing FILE.csv; ${USAGE}`);
  if (extra.length > 0) throw new Error(`unexpected argument "${extra[0]}"; ${USAGE}`);

  const dbFile = resolveDbFile(values);
  await assertReadableFile(file); // before the database file is created
  const db = await openDb({ file: dbFile });
  const progress = progressReporter();
  const started = performance.now();
  try {
    const summary = await importOnlineRetail(db, file, { onProgress: progress.update, force: values.force });
    progress.stop();
    process.stdout.write(report(summary, dbFile, (performance.now() - started) / 1000));
  } finally {
    progress.stop();
    await db.destroy();
  }
}

function report(s: ImportSummary, dbFile: string, seconds: number): string {
  if (s.skippedAsDuplicate) {
    return `${s.file} was already imported into ${dbFile} (same content); nothing to do. Use --force to re-apply it.\n`;
  }
  const n = (x: number): string => x.toLocaleString('en-US');
  return [
    `Imported ${s.file} (online-retail) into ${dbFile} in ${seconds.toFixed(1)} s:`,
    `  ${n(s.rows)} lines read`,
    `  ${n(s.customers)} customers`,
    `  ${n(s.orders)} completed orders with ${n(s.orderLines)} lines`,
    `  ${n(s.refunds)} refunds (cancellation invoices)`,
    `  ${n(s.guestLines)} guest lines (product statistics only)`,
    `  ${n(s.products)} products`,
    `  data as of ${s.asOf}`,
    '',
  ].join('\n');
}

interface ProgressReporter {
  update: (p: ReadProgress) => void;
  stop: () => void;
}

/** A cli-progress bar on a TTY stderr, else a plain line at every 10 % step. */
function progressReporter(): ProgressReporter {
  if (process.stderr.isTTY) {
    const bar = new cliProgress.SingleBar(
      { stream: process.stderr, format: 'importing [{bar}] {percentage}% | {rows} lines | ETA {eta}s', hideCursor: true, clearOnComplete: true },
      cliProgress.Presets.shades_classic,
    );
    let started = false;
    let stopped = false;
    return {
      update: (p) => {
        if (stopped) return;
        if (!started) {
          bar.start(p.totalBytes, 0, { rows: 0 });
          started = true;
        }
        bar.update(p.bytes, { rows: p.rows.toLocaleString('en-US') });
      },
      stop: () => {
        if (started && !stopped) bar.stop();
        stopped = true;
      },
    };
  }
  let nextStep = 10;
  return {
    update: (p) => {
      const percent = p.totalBytes > 0 ? Math.floor((p.bytes / p.totalBytes) * 100) : 100;
      if (percent < nextStep) return;
      process.stderr.write(`import: ${percent}% (${p.rows.toLocaleString('en-US')} lines)\n`);
      nextStep = Math.floor(percent / 10) * 10 + 10;
    },
    stop: () => {},
  };
}
