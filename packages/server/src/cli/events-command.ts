/**
 * `c360 import events FILE.ndjson`: applies a file of ingestion events (one JSON event per line,
 * the same events as POST /api/events) in one transaction, with progress lines on stderr and what
 * was imported on stdout. Re-running it changes nothing (event ids are idempotency keys).
 * @module
 */
import { Command } from 'commander';
import { assertReadableFile } from '../import/csv-rows.js';
import { importEventsFile, type EventsFileSummary } from '../ingest/events-file.js';
import { count, progressReporter } from './progress.js';
import { withCommandDb, withDbOptions, type DbFlags } from './options.js';

/**
 * The `import events` command. Fails with an ImportError naming the file and line of each refused
 * line (the first 100; the database is then unchanged unless `--skip-invalid`), or of the event that
 * cannot be applied. `--report FILE` writes every refused line with its reasons.
 */
export function eventsCommand(): Command {
  return withDbOptions(
    new Command('events')
      .description('Apply an NDJSON file of ingestion events (the events of POST /api/events); replaying it changes nothing')
      .argument('<file>', 'one JSON event per line')
      .option('--skip-invalid', 'import the valid lines even when some are refused (default: a refused line imports nothing)')
      .option('--report <file>', 'write every refused line with its reasons to FILE (NDJSON: {line, reasons, text})'),
  ).action(async (file: string, flags: DbFlags & { skipInvalid?: boolean; report?: string }) => {
    const totalBytes = await assertReadableFile(file); // before the database file is created
    await withCommandDb(flags, async (db, dbFile) => {
      const progress = progressReporter({
        label: 'import events',
        detail: (_bytes, _total, lines) => `${count(lines)} lines`,
      });
      const started = performance.now();
      const summary = await importEventsFile(db, file, {
        totalBytes,
        skipInvalid: flags.skipInvalid,
        reportFile: flags.report,
        onProgress: (p) => progress.update(p.bytes, p.totalBytes, p.lines),
      });
      progress.stop();
      process.stdout.write(report(summary, dbFile, (performance.now() - started) / 1000, flags.report));
    });
  });
}

function report(s: EventsFileSummary, dbFile: string, seconds: number, reportFile: string | undefined): string {
  const types = Object.entries(s.byType).sort(([a], [b]) => a.localeCompare(b));
  return [
    `Imported ${s.file} (events) into ${dbFile} in ${seconds.toFixed(1)} s:`,
    `  ${count(s.events)} events read`,
    `  ${count(s.applied)} applied`,
    `  ${count(s.duplicates)} already received (skipped)`,
    ...(s.refused ? [`  ${count(s.refused)} lines refused and skipped${reportFile ? ` (see ${reportFile})` : ''}`] : []),
    ...(types.length ? ['  by type:', ...types.map(([type, n]) => `    ${type}: ${count(n)}`)] : []),
    '',
  ].join('\n');
}
