/**
 * `c360 export customers --out FILE.csv [--q …] [--segment …] [--tag …] [--tier …] [--country …] [--clv-min N] [--clv-max N] [--sort S]`
 * and `c360 export customer ID --out FILE [--format pdf|csv] [--locale en|fr|ar]`, both with `[--as-of DATE|dataset]`:
 * the exports of the API, run on the database directly as the local operator (audited like the
 * API's, actor "c360 CLI (<OS user>)", role admin). A progress bar on a TTY stderr, plain lines otherwise.
 * @module
 */
import { createWriteStream } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { once } from 'node:events';
import { userInfo } from 'node:os';
import { Command, Option } from 'commander';
import { CustomerSearchQuery, EXPORT_LOCALES, type ExportLocale } from '@c360/sdk';
import type { Db } from '../db/connect.js';
import { resolveAsOf } from '../scoring/clock.js';
import { datasetAsOf } from '../demo/load-demo.js';
import type { Actor } from '../core/actor.js';
import type { ReadContext } from '../core/read-context.js';
import { exportFilename, loadCustomerReport } from '../export/report.js';
import { renderCustomerPdf } from '../export/pdf.js';
import { renderCustomerCsv } from '../export/csv.js';
import { recordBulkExport, recordCustomerExport } from '../export/audit.js';
import { bulkFilters, exportCustomersCsv } from '../export/bulk.js';
import { count, progressReporter } from './progress.js';
import { withAsOfOption, withCommandDb, withDbOptions, type DbFlags } from './options.js';
import { exportScheduleCommand } from './export-schedule-command.js';

interface ExportFlags extends DbFlags {
  out: string;
  asOf?: string;
}

interface CustomerFlags extends ExportFlags {
  format?: 'pdf' | 'csv';
  locale: ExportLocale;
}

interface CustomersFlags extends ExportFlags {
  q?: string;
  segment?: string;
  tag?: string;
  tier?: string;
  country?: string;
  clvMin?: string;
  clvMax?: string;
  sort?: string;
}

function cliActor(): Actor {
  let user = 'local';
  try {
    user = userInfo().username;
  } catch {
    /* no passwd entry */
  }
  return { name: `c360 CLI (${user})`, role: 'admin', tokenId: 'cli', kind: 'api-key' };
}

/** `--as-of dataset` = the imported data's latest timestamp; else `--as-of`, `C360_NOW`, that timestamp, now. */
async function readContext(db: Db, asOf: string | undefined): Promise<ReadContext> {
  const recorded = await datasetAsOf(db);
  return {
    db,
    asOf: resolveAsOf({
      asOf: asOf === 'dataset' ? undefined : asOf,
      env: asOf === 'dataset' ? {} : process.env,
      fallback: recorded ?? undefined,
    }),
  };
}

function common(command: Command): Command {
  return withAsOfOption(withDbOptions(command.requiredOption('--out <file>', 'where to write the export')));
}

/** The `export` command: `customers` (a search as CSV) and `customer ID` (one report, PDF or CSV). */
export function exportCommand(): Command {
  const customer = common(
    new Command('customer')
      .description("One customer's report as PDF or CSV (audited)")
      .argument('<id>', 'customer id')
      .addOption(new Option('--format <format>', 'pdf or csv (default: from the --out extension, else pdf)').choices(['pdf', 'csv']))
      .addOption(
        new Option('--locale <locale>', 'language of the file: labels, headings, dates and money (ar: right to left)')
          .choices(EXPORT_LOCALES)
          .default('en'),
      ),
  ).action(async (id: string, flags: CustomerFlags) => {
    await withCommandDb(flags, async (db) => {
      const ctx = await readContext(db, flags.asOf);
      const actor = cliActor();
      const format = flags.format ?? (flags.out.toLowerCase().endsWith('.csv') ? 'csv' : 'pdf');
      const report = await loadCustomerReport(ctx, actor, id);
      const exportedAt = new Date();
      const body =
        format === 'pdf'
          ? renderCustomerPdf(report, { exportedAt, actor }, flags.locale)
          : new TextEncoder().encode(renderCustomerCsv(report, { exportedAt, actor }, flags.locale));
      await writeFile(flags.out, body);
      await recordCustomerExport(
        db,
        actor,
        id,
        format,
        { filename: exportFilename(id, report.view.asOf, format), bytes: body.byteLength, asOf: report.view.asOf },
        exportedAt,
      );
      process.stdout.write(`Exported customer ${id} (${format}, ${flags.locale}, ${count(body.byteLength)} bytes) to ${flags.out}\n`);
    });
  });

  const customers = common(
    new Command('customers')
      .description('Customers matching a search as CSV (the filters of GET /api/customers)')
      .option('--q <text>', 'name, email, phone or order number')
      .option('--segment <id>', 'segment id')
      .option('--tag <tag>', 'tag id or name')
      .option('--tier <tier>', 'loyalty tier')
      .option('--country <country>', 'country')
      .option('--clv-min <amount>', 'lifetime value at least (major units)')
      .option('--clv-max <amount>', 'lifetime value at most (major units)')
      .option('--sort <order>', 'sort order of GET /api/customers'),
  ).action(async (flags: CustomersFlags) => {
    const parsed = CustomerSearchQuery.safeParse({
      q: flags.q,
      segment: flags.segment,
      tag: flags.tag,
      tier: flags.tier,
      country: flags.country,
      clvMin: flags.clvMin,
      clvMax: flags.clvMax,
      sort: flags.sort,
    });
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new Error(`--${String(issue.path[0]).replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}: ${issue.message}`);
    }
    await withCommandDb(flags, async (db) => {
      const ctx = await readContext(db, flags.asOf);
      const actor = cliActor();
      const now = new Date();
      const filters = bulkFilters(parsed.data);
      const progress = progressReporter({ label: 'export', detail: (done, total) => `${count(done)} of ${count(total)} customers` });
      const started = await exportCustomersCsv(db, parsed.data, {
        ctx,
        comment: `c360 customers export · exported ${now.toISOString()} by ${actor.name} (${actor.role}) · data as of ${ctx.asOf.toISOString()} · filters ${JSON.stringify(filters)}`,
        onRows: (done, total) => progress.update(done, total, done),
      });
      await recordBulkExport(db, actor, { filters, total: started.total }, now);
      const out = createWriteStream(flags.out);
      try {
        for await (const chunk of started.chunks) {
          if (!out.write(chunk)) await once(out, 'drain');
        }
      } finally {
        progress.stop();
        out.end();
        await once(out, 'close');
      }
      process.stdout.write(`Exported ${count(started.total)} customers to ${flags.out}\n`);
    });
  });

  return new Command('export')
    .description('Export customers (CSV) or one customer (PDF, CSV), audited as the local operator; schedule exports')
    .addCommand(customers)
    .addCommand(customer)
    .addCommand(exportScheduleCommand());
}
