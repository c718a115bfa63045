/**
 * One run of a scheduled export: the bulk export of the schedule's filters (CSV or Excel, the same
 * writers as GET /customers/export.csv and .xlsx, as the schedule's owner), then its delivery —
 * email with the file attached (the configured mail transport), a signed webhook POST of the file
 * (`C360-Signature` as notification webhooks, `C360_WEBHOOK_SECRET`), or a file kept under
 * `C360_EXPORTS_DIR` (default `./data/exports`) until `expires_at` — recorded in `export_runs`
 * (one row per schedule and occurrence: a second attempt at the same occurrence does nothing) and
 * audited (`export.schedule.run`, with the outcome). The file is built in memory (an attachment or
 * a POST needs it whole).
 * @module
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { CustomerSearchQuery, type ExportDelivery } from '@c360/sdk';
import type { Db } from '../db/connect.js';
import type { EvalContext } from '../segments/facts.js';
import { mailConfigFromEnv, type MailConfig } from '../actions/mail-transport.js';
import { exportCustomersCsv } from '../export/bulk.js';
import { exportCustomersXlsx } from '../export/xlsx-bulk.js';
import { resolveExportLocale } from '../export/labels/index.js';
import { notificationConfig } from '../notifications/config.js';
import { SIGNATURE_HEADER, signWebhook } from '../notifications/signature.js';
import { sortableId } from '../write/ids.js';
import { runWrite } from '../write/pipeline.js';
import { scheduleDb, type ExportRunsTable, type ExportSchedulesTable } from './tables.js';

export interface RunOptions {
  /** As-of and weights of segment filters (the server's read context). */
  ctx?: EvalContext;
  mail?: MailConfig;
  fetch?: typeof fetch;
  /** Where kept files go (default `C360_EXPORTS_DIR`, else ./data/exports). */
  exportsDir?: string;
  now?: () => Date;
}

const CONTENT_TYPE = { csv: 'text/csv; charset=utf-8', xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' } as const;

/** The email's words in the schedule's language (en, fr, ar; others get English). */
const MAIL_TEXT: Record<string, (name: string, rows: number) => { subject: string; text: string }> = {
  en: (name, rows) => ({
    subject: `[c360] Scheduled export: ${name}`,
    text: `The scheduled export "${name}" is attached (${rows} customers).`,
  }),
  fr: (name, rows) => ({ subject: `[c360] Export planifié : ${name}`, text: `L’export planifié « ${name} » est joint (${rows} clients).` }),
  ar: (name, rows) => ({ subject: `[c360] تصدير مجدول: ${name}`, text: `التصدير المجدول "${name}" مرفق (${rows} عميل).` }),
};

/** The file of a run: its bytes, name and customer count. */
async function buildFile(db: Db, s: ExportSchedulesTable, at: Date, ctx: EvalContext | undefined) {
  const query = CustomerSearchQuery.parse({ ...(JSON.parse(s.filters) as object), limit: 100 });
  const locale = resolveExportLocale(undefined, s.locale); // headers and sheet names in the schedule's language
  const about = `c360 scheduled export "${s.name}" · run ${at.toISOString()} as ${s.owner} (${s.owner_role}) · filters ${s.filters}`;
  const filename = `c360-${s.name.replace(/[^A-Za-z0-9._-]+/g, '_').slice(0, 60) || 'export'}-${at.toISOString().slice(0, 16).replace(/:/g, '')}.${s.format}`;
  if (s.format === 'xlsx') {
    const started = await exportCustomersXlsx(db, query, { ...(ctx ? { ctx } : {}), locale, about: [['export', about]] });
    const chunks: Buffer[] = [];
    for await (const chunk of started.stream) chunks.push(chunk as Buffer);
    return { bytes: new Uint8Array(Buffer.concat(chunks)), rows: started.total, filename };
  }
  const started = await exportCustomersCsv(db, query, { ...(ctx ? { ctx } : {}), locale, comment: about });
  let text = '';
  for await (const chunk of started.chunks) text += chunk;
  return { bytes: new TextEncoder().encode(text), rows: started.total, filename };
}

async function deliver(
  s: ExportSchedulesTable,
  file: { bytes: Uint8Array; rows: number; filename: string },
  run: string,
  at: Date,
  options: RunOptions,
) {
  const delivery = JSON.parse(s.delivery) as ExportDelivery;
  const contentType = CONTENT_TYPE[s.format as 'csv' | 'xlsx'];
  if (delivery.kind === 'email') {
    const mail = options.mail ?? mailConfigFromEnv();
    const words = (MAIL_TEXT[s.locale.slice(0, 2)] ?? MAIL_TEXT.en!)(s.name, file.rows);
    await mail.transport.send({
      id: sortableId('msg_', at),
      from: mail.from,
      to: delivery.to.join(', '),
      subject: words.subject,
      text: `${words.text}\n`,
      date: at,
      headers: { 'X-C360-Export-Schedule': s.id, 'X-C360-Export-Run': run },
      attachments: [{ filename: file.filename, contentType, content: file.bytes }],
    });
    return {};
  }
  if (delivery.kind === 'webhook') {
    const secret = notificationConfig().webhookSecret;
    if (!secret) throw new Error('no webhook secret configured (C360_WEBHOOK_SECRET)');
    const body = Buffer.from(file.bytes);
    const res = await (options.fetch ?? globalThis.fetch)(delivery.url, {
      method: 'POST',
      body,
      redirect: 'manual',
      signal: AbortSignal.timeout(30_000),
      headers: {
        'content-type': contentType,
        'content-disposition': `attachment; filename="${file.filename}"`,
        [SIGNATURE_HEADER]: signWebhook(secret, body, at),
        'C360-Export-Schedule': s.id,
        'C360-Export-Run': run,
      },
    });
    await res.body?.cancel();
    if (res.status < 200 || res.status > 299) throw new Error(`webhook answered ${res.status}`);
    return {};
  }
  const dir = resolve(options.exportsDir ?? process.env.C360_EXPORTS_DIR?.trim() ?? './data/exports');
  await mkdir(dir, { recursive: true });
  const path = join(dir, `${run}-${file.filename}`);
  await writeFile(path, file.bytes);
  return { file_path: path, expires_at: new Date(at.getTime() + delivery.retentionDays * 86_400_000).toISOString() };
}

/**
 * Runs schedule `s` for its occurrence `scheduledFor` (see the module comment). Returns the run's
 * row, or undefined when that occurrence was already run (by this or another instance).
 */
export async function runSchedule(
  db: Db,
  s: ExportSchedulesTable,
  scheduledFor: Date,
  options: RunOptions = {},
): Promise<ExportRunsTable | undefined> {
  const now = options.now ?? (() => new Date());
  const started = now();
  const sdb = scheduleDb(db);
  const run: ExportRunsTable = {
    id: sortableId('run_', started),
    schedule_id: s.id,
    scheduled_for: scheduledFor.toISOString(),
    started_at: started.toISOString(),
    finished_at: null,
    status: 'running',
    rows: null,
    filename: null,
    bytes: null,
    file_path: null,
    expires_at: null,
    error: null,
  };
  const inserted = await sdb
    .insertInto('export_runs')
    .values(run)
    .onConflict((oc) => oc.columns(['schedule_id', 'scheduled_for']).doNothing())
    .executeTakeFirst();
  if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) return undefined;
  try {
    const file = await buildFile(db, s, started, options.ctx);
    const kept = await deliver(s, file, run.id, started, options);
    Object.assign(run, { status: 'succeeded', rows: file.rows, filename: file.filename, bytes: file.bytes.byteLength, ...kept });
  } catch (error) {
    Object.assign(run, { status: 'failed', error: ((error as Error).message || String(error)).slice(0, 500) });
  }
  run.finished_at = now().toISOString();
  await runWrite(
    db,
    async (w) => {
      const { id, ...set } = run;
      await scheduleDb(w.trx).updateTable('export_runs').set(set).where('id', '=', id).execute();
      await w.audit({
        actor: s.owner,
        action: 'export.schedule.run',
        customerId: null,
        details: {
          scheduleId: s.id,
          runId: run.id,
          scheduledFor: run.scheduled_for,
          status: run.status,
          rows: run.rows,
          bytes: run.bytes,
          format: s.format,
          delivery: (JSON.parse(s.delivery) as ExportDelivery).kind,
          role: s.owner_role,
          ...(run.error ? { error: run.error } : {}),
        },
      });
    },
    new Date(run.finished_at),
  );
  return run;
}
