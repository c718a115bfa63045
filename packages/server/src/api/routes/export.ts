/**
 * Exports (R17, 003): one customer as PDF, CSV or Excel, and the customers matching a search as a
 * streamed CSV or Excel workbook.
 * Every export is audited (`audit_log`); a one-customer export also gets an `export` timeline
 * entry, in the same transaction, after the file was built.
 * @module
 */
import type { OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import { BulkExportQuery, CustomerId, ExportQuery } from '@c360/sdk';
import type { AppEnv } from '../context.js';
import { secureRoute } from '../guard.js';
import { commonProblems, customerProblems } from '../openapi-helpers.js';
import { exportFilename, loadCustomerReport } from '../../export/report.js';
import { renderCustomerPdf } from '../../export/pdf.js';
import { renderCustomerCsv } from '../../export/csv.js';
import { recordBulkExport, recordCustomerExport } from '../../export/audit.js';
import { BULK_COLUMNS, bulkFilters, exportCustomersCsv } from '../../export/bulk.js';
import { renderCustomerXlsx, XLSX_SHEETS } from '../../export/xlsx.js';
import { exportCustomersXlsx } from '../../export/xlsx-bulk.js';
import { writeTime } from '../../core/read-context.js';
import { ExportText, resolveExportLocale } from '../../export/labels/index.js';
import { Readable } from 'node:stream';

const IdParam = z.object({ id: CustomerId.meta({ param: { name: 'id', in: 'path' } }) });

/** The media type of an `.xlsx` workbook. */
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const CONTENT_TYPES = { pdf: 'application/pdf', csv: 'text/csv; charset=utf-8', xlsx: XLSX_TYPE } as const;

const binary = z.string().meta({ format: 'binary' });
const attachment = {
  'Content-Disposition': { description: 'attachment; filename="c360-<id>-<as-of date>.<format>"', schema: { type: 'string' as const } },
};

const customerExport = secureRoute(
  { permission: 'export' },
  {
    method: 'get',
    path: '/customers/{id}/export',
    tags: ['Export'],
    summary: 'Export one customer as PDF, CSV or Excel (R17, 003)',
    description:
      'PDF (A4): every section of the 360 view — profile and addresses, key metrics, health score with factors, weights and ' +
      'recommendations, churn risk with factors and strategies, RFM and segments, tags, every order, loyalty, marketing, support, ' +
      'payments (masked unless `payments:full`, as GET /payments), behaviour, the notes the caller may read and the last 50 timeline ' +
      'events — with the export time, the exporting user and role, and the as-of date. ' +
      'CSV: `#` comment lines (customer, export time and user, as-of), a `metric,value,unit` block, a blank line, then the order ' +
      'history `number,placedAt,status,total,currency,items,quantity` (numbers as the API returns them). ' +
      `XLSX: an Excel workbook with one sheet per section (${XLSX_SHEETS.join(', ')}); numbers as numeric cells in the API's units, ` +
      'timestamps as ISO text, text escaped against formulas as in the CSV. ' +
      '`locale` (`en`, `fr`, `ar`; default: `Accept-Language`, else `en`): the PDF in that language (Arabic right to left, ' +
      'an embedded font), the CSV/XLSX headers, sheet names and comment lines in it (cells unchanged). ' +
      'Each export writes an `audit_log` row (`export.pdf` / `export.csv` / `export.xlsx`) and an `export` timeline entry.',
    request: { params: IdParam, query: ExportQuery },
    responses: {
      200: {
        description: 'The file, as an attachment',
        headers: attachment,
        content: { 'application/pdf': { schema: binary }, 'text/csv': { schema: binary }, [XLSX_TYPE]: { schema: binary } },
      },
      ...customerProblems,
    },
  },
);

const bulkExport = secureRoute(
  { permission: 'export' },
  {
    method: 'get',
    path: '/customers/export.csv',
    tags: ['Export'],
    summary: 'Export the customers matching a search as CSV',
    description:
      'The filters and sort of GET /customers (without `limit`/`cursor`); every matching customer, streamed page by page. ' +
      `A \`#\` comment line (export time, user, filters, count), then the header \`${BULK_COLUMNS.join(',')}\` and one row per customer. ` +
      '`locale` (`en`, `fr`, `ar`; default: `Accept-Language`, else `en`) translates the comment line and the header. ' +
      'Audited once (`export.customers.csv`).',
    request: { query: BulkExportQuery },
    responses: {
      200: { description: 'The CSV, as an attachment', headers: attachment, content: { 'text/csv': { schema: binary } } },
      ...commonProblems,
    },
  },
);

const bulkXlsxExport = secureRoute(
  { permission: 'export' },
  {
    method: 'get',
    path: '/customers/export.xlsx',
    tags: ['Export'],
    summary: 'Export the customers matching a search as an Excel workbook (003)',
    description:
      'The filters and sort of GET /customers (without `limit`/`cursor`); every matching customer, written with a streaming ' +
      `workbook writer page by page. Sheet \`Customers\`: the header \`${BULK_COLUMNS.join(',')}\` and one row per customer; ` +
      'sheet `Export`: export time, user, as-of, filters and count. `locale` (`en`, `fr`, `ar`; default: `Accept-Language`, else `en`) ' +
      'translates the sheet names and headers. Audited once (`export.customers.xlsx`).',
    request: { query: BulkExportQuery },
    responses: {
      200: { description: 'The workbook, as an attachment', headers: attachment, content: { [XLSX_TYPE]: { schema: binary } } },
      ...commonProblems,
    },
  },
);

function disposition(filename: string): string {
  return `attachment; filename="${filename}"`;
}

/** Mounts the export routes. */
export function exportRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(bulkExport, async (c) => {
    const actor = c.var.actor;
    const { locale: requested, ...query } = c.req.valid('query');
    const locale = resolveExportLocale(requested, c.req.header('accept-language'));
    const t = new ExportText(locale);
    const filters = bulkFilters(query);
    const now = writeTime(c.var.read);
    const started = await exportCustomersCsv(
      c.var.read.db,
      { ...query, limit: 100 },
      {
        ctx: c.var.read,
        locale,
        comment: t.t('bulk.comment', {
          at: now.toISOString(),
          name: actor.name,
          role: t.value('role', actor.role),
          asOf: c.var.read.asOf.toISOString(),
          filters: JSON.stringify(filters),
        }),
      },
    );
    await recordBulkExport(c.var.read.db, actor, { filters, total: started.total }, now);
    const encoder = new TextEncoder();
    const iterator = started.chunks;
    const stream = new ReadableStream<Uint8Array>({
      async pull(controller) {
        try {
          const next = await iterator.next();
          if (next.done) controller.close();
          else controller.enqueue(encoder.encode(next.value));
        } catch (error) {
          controller.error(error);
        }
      },
      async cancel() {
        await iterator.return(undefined);
      },
    });
    return c.body(stream, 200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': disposition(`c360-customers-${c.var.read.asOf.toISOString().slice(0, 10)}.csv`),
      'x-c360-total': String(started.total),
      'content-language': locale,
    });
  });

  app.openapi(bulkXlsxExport, async (c) => {
    const actor = c.var.actor;
    const { locale: requested, ...query } = c.req.valid('query');
    const locale = resolveExportLocale(requested, c.req.header('accept-language'));
    const filters = bulkFilters(query);
    const now = writeTime(c.var.read);
    const started = await exportCustomersXlsx(
      c.var.read.db,
      { ...query, limit: 100 },
      {
        ctx: c.var.read,
        locale,
        about: [
          ['exportedAt', now.toISOString()],
          ['exportedBy', `${actor.name} (${actor.role})`],
          ['asOf', c.var.read.asOf.toISOString()],
          ['filters', JSON.stringify(filters)],
        ],
      },
    );
    await recordBulkExport(c.var.read.db, actor, { filters, total: started.total }, now, 'xlsx');
    return c.body(Readable.toWeb(started.stream) as ReadableStream<Uint8Array>, 200, {
      'content-type': XLSX_TYPE,
      'content-disposition': disposition(`c360-customers-${c.var.read.asOf.toISOString().slice(0, 10)}.xlsx`),
      'x-c360-total': String(started.total),
      'content-language': locale,
    });
  });

  app.openapi(customerExport, async (c) => {
    const actor = c.var.actor;
    const { id } = c.req.valid('param');
    const { format, locale: requested } = c.req.valid('query');
    const locale = resolveExportLocale(requested, c.req.header('accept-language'));
    const report = await loadCustomerReport(c.var.read, actor, id);
    const exportedAt = writeTime(c.var.read);
    const meta = { exportedAt, actor };
    const filename = exportFilename(id, report.view.asOf, format);
    const body: Uint8Array =
      format === 'pdf'
        ? renderCustomerPdf(report, meta, locale)
        : format === 'xlsx'
          ? await renderCustomerXlsx(report, meta, locale)
          : new TextEncoder().encode(renderCustomerCsv(report, meta, locale));
    await recordCustomerExport(c.var.read.db, actor, id, format, { filename, bytes: body.byteLength, asOf: report.view.asOf }, exportedAt);
    return c.body(body as Uint8Array<ArrayBuffer>, 200, {
      'content-type': CONTENT_TYPES[format],
      'content-disposition': disposition(filename),
      'content-language': locale,
    });
  });
}
