/**
 * `c360 import online-retail FILE.csv|FILE.xlsx [--date-format ymd|dmy|mdy] [--force]` and
 * `c360 import events FILE.ndjson` (events-command.ts): import a file into the database with a
 * progress bar on a TTY (plain lines every 10 % otherwise) and a "finishing…" line while the last
 * chunk is written, both on stderr, and what was imported on stdout.
 * @module
 */
import { Command, Option } from 'commander';
import { assertReadableFile } from '../import/csv-rows.js';
import { DATE_FORMATS, type DateFormat } from '../import/fields.js';
import { importOnlineRetail, type ImportSummary } from '../import/online-retail.js';
import { count, progressReporter } from './progress.js';
import { withCommandDb, withDbOptions, type DbFlags } from './options.js';
import { eventsCommand } from './events-command.js';

interface OnlineRetailFlags extends DbFlags {
  force?: boolean;
  dateFormat: DateFormat;
}

/** The `import` command and its sources. */
export function importCommand(): Command {
  const onlineRetail = withDbOptions(
    new Command('online-retail')
      .description('Import the UCI Online Retail dataset: its CSV, or the original "Online Retail.xlsx"')
      .argument('<file>', 'a .csv (header InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country) or the .xlsx')
      .addOption(
        new Option(
          '--date-format <order>',
          'how CSV InvoiceDate text is written: ymd = YYYY-MM-DD HH:MM[:SS], dmy = DD/MM/YYYY HH:MM, mdy = M/D/YYYY H:MM',
        )
          .choices(DATE_FORMATS)
          .default('ymd'),
      )
      .option('--force', 're-apply a file that was already imported (same content)'),
  ).action(async (file: string, flags: OnlineRetailFlags) => {
    await assertReadableFile(file); // before the database file is created
    await withCommandDb(flags, async (db, dbFile) => {
      const progress = progressReporter({
        label: 'import',
        detail: (_bytes, _total, rows) => `${count(rows)} lines`,
        finishing: 'writing customers, orders, refunds and statistics',
      });
      const started = performance.now();
      try {
        const summary = await importOnlineRetail(db, file, {
          onProgress: (p) => progress.update(p.bytes, p.totalBytes, p.rows),
          force: flags.force,
          dateFormat: flags.dateFormat,
        });
        progress.stop();
        process.stdout.write(report(summary, dbFile, (performance.now() - started) / 1000));
      } finally {
        progress.stop();
      }
    });
  });

  return new Command('import').description('Import a data file into the database').addCommand(onlineRetail).addCommand(eventsCommand());
}

function report(s: ImportSummary, dbFile: string, seconds: number): string {
  if (s.skippedAsDuplicate) {
    return `${s.file} was already imported into ${dbFile} (same content); nothing to do. Use --force to re-apply it.\n`;
  }
  return [
    `Imported ${s.file} (online-retail) into ${dbFile} in ${seconds.toFixed(1)} s:`,
    `  ${count(s.rows)} lines read`,
    `  ${count(s.customers)} customers`,
    `  ${count(s.orders)} completed orders with ${count(s.orderLines)} lines`,
    `  ${count(s.refunds)} refunds (cancellation invoices)`,
    `  ${count(s.guestLines)} guest lines (product statistics only)`,
    `  ${count(s.products)} products`,
    `  data as of ${s.asOf}`,
    '',
  ].join('\n');
}
