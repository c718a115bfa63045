/**
 * `c360 export customers --out FILE.csv [--q …] [--segment …] [--tag …] [--tier …] [--country …] [--clv-min N] [--clv-max N] [--db FILE]`
 * and `c360 export customer ID --format pdf|csv --out FILE [--as-of DATE|dataset] [--db FILE]`: the
 * exports of the API, run on the database directly as the local operator (audited like the API's,
 * actor "c360 CLI (<OS user>)", role admin). A progress bar on a TTY stderr, plain lines otherwise.
 * @module
 */
import { createWriteStream } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { once } from 'node:events';
import { userInfo } from 'node:os';
import { parseArgs } from 'node:util';
import cliProgress from 'cli-progress';
import { CustomerSearchQuery } from '@c360/sdk';
import { openDb } from '../db/connect.js';
import { resolveDbFile } from './options.js';
import { resolveAsOf } from '../scoring/clock.js';
import { datasetAsOf } from '../demo/load-demo.js';
import type { Actor } from '../core/actor.js';
import { exportFilename, loadCustomerReport } from '../export/report.js';
import { renderCustomerPdf } from '../export/pdf.js';
import { renderCustomerCsv } from '../export/csv.js';
import { recordBulkExport, recordCustomerExport } from '../export/audit.js';
import { bulkFilters, exportCustomersCsv } from '../export/bulk.js';

const OPTIONS = {
  db: { type: 'string' },
  'database-url': { type: 'string' },
  out: { type: 'string' },
  format: { type: 'string' },
  'as-of': { type: 'string' },
  q: { type: 'string' },
  segment: { type: 'string' },
  tag: { type: 'string' },
  tier: { type: 'string' },
  country: { type: 'string' },
  'clv-min': { type: 'string' },
  'clv-max': { type: 'string' },
  sort: { type: 'string' },
} as const;

const USAGE = 'usage: c360 export customers --out FILE.csv [--q TEXT] [--segment ID] [--tag TAG] [--clv-min N] [--db FILE]\n'
  + '       c360 export customer ID --format pdf|csv --out FILE [--db FILE]';

function cliActor(): Actor {
  let user = 'local';
  try {
    user = userInfo().username;
  } catch { /* no passwd entry */ }
  return { name: `c360 CLI (${user})`, role: 'admin', tokenId: 'cli', kind: 'api-key' };
}

export async function exportCommand(args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({ args, options: OPTIONS, allowPositionals: true, strict: true });
  const [what, id, ...extra] = positionals;
  if (what !== 'customers' && what !== 'customer') throw new Error(`export what? ${USAGE}`);
  if (!values.out) throw new Error(`missing --out FILE; ${USAGE}`);
  if (extra.length || (what === 'customers' && id)) throw new Error(`unexpected argument "${extra[0] ?? id}"; ${USAGE}`);
  const dbFile = resolveDbFile(values);
  const db = await openDb({ file: dbFile });
  try {
    const recorded = await datasetAsOf(db);
    const asOf = resolveAsOf({
      asOf: values['as-of'] === 'dataset' ? undefined : values['as-of'],
      env: values['as-of'] === 'dataset' ? {} : process.env,
      fallback: recorded ?? undefined,
    });
    const ctx = { db, asOf };
    const actor = cliActor();
    if (what === 'customer') {
      if (!id) throw new Error(`missing customer ID; ${USAGE}`);
      const format = values.format ?? (values.out.toLowerCase().endsWith('.csv') ? 'csv' : 'pdf');
      if (format !== 'pdf' && format !== 'csv') throw new Error(`--format: "${format}" is not pdf or csv`);
      const report = await loadCustomerReport(ctx, actor, id);
      const exportedAt = new Date();
      const body = format === 'pdf' ? renderCustomerPdf(report, { exportedAt, actor }) : new TextEncoder().encode(renderCustomerCsv(report, { exportedAt, actor }));
      await writeFile(values.out, body);
      await recordCustomerExport(db, actor, id, format, { filename: exportFilename(id, report.view.asOf, format), bytes: body.byteLength, asOf: report.view.asOf }, exportedAt);
      process.stdout.write(`Exported customer ${id} (${format}, ${body.byteLength.toLocaleString('en-US')} bytes) to ${values.out}\n`);
      return;
    }
    const parsed = CustomerSearchQuery.safeParse({
      q: values.q, segment: values.segment, tag: values.tag, tier: values.tier, country: values.country,
      clvMin: values['clv-min'], clvMax: values['clv-max'], sort: values.sort,
    });
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new Error(`--${String(issue.path[0]).replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}: ${issue.message}`);
    }
    const now = new Date();
    const filters = bulkFilters(parsed.data);
    const progress = progressReporter();
    const started = await exportCustomersCsv(db, parsed.data, {
      ctx,
      comment: `c360 customers export · exported ${now.toISOString()} by ${actor.name} (${actor.role}) · data as of ${asOf.toISOString()} · filters ${JSON.stringify(filters)}`,
      onRows: progress.update,
    });
    await recordBulkExport(db, actor, { filters, total: started.total }, now);
    const out = createWriteStream(values.out);
    try {
      for await (const chunk of started.chunks) {
        if (!out.write(chunk)) await once(out, 'drain');
      }
    } finally {
      progress.stop();
      out.end();
      await once(out, 'close');
    }
    process.stdout.write(`Exported ${started.total.toLocaleString('en-US')} customers to ${values.out}\n`);
  } finally {
    await db.destroy();
  }
}

/** A cli-progress bar on a TTY stderr, else a plain line at every 10 % step. */
function progressReporter(): { update: (done: number, total: number) => void; stop: () => void } {
  if (process.stderr.isTTY) {
    const bar = new cliProgress.SingleBar(
      { stream: process.stderr, format: 'exporting [{bar}] {percentage}% | {value}/{total} customers | ETA {eta}s', hideCursor: true, clearOnComplete: true },
      cliProgress.Presets.shades_classic,
    );
    let started = false;
    let stopped = false;
    return {
      update: (done, total) => {
        if (stopped) return;
        if (!started) {
          bar.start(total, 0);
          started = true;
        }
        bar.update(done);
      },
      stop: () => {
        if (started && !stopped) bar.stop();
        stopped = true;
      },
    };
  }
  let nextStep = 10;
  return {
    update: (done, total) => {
      const percent = total > 0 ? Math.floor((done / total) * 100) : 100;
      if (percent < nextStep) return;
      process.stderr.write(`export: ${percent}% (${done.toLocaleString('en-US')} of ${total.toLocaleString('en-US')} customers)\n`);
      nextStep = Math.floor(percent / 10) * 10 + 10;
    },
    stop: () => {},
  };
}
