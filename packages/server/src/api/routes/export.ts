/**
 * Exports (R17): one customer as PDF or CSV, and the customers matching a search as a streamed CSV.
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

const IdParam = z.object({ id: CustomerId.meta({ param: { name: 'id', in: 'path' } }) });

const binary = z.string().meta({ format: 'binary' });
const attachment = { 'Content-Disposition': { description: 'attachment; filename="c360-<id>-<as-of date>.<format>"', schema: { type: 'string' as const } } };

const customerExport = secureRoute({ permission: 'export' }, {
  method: 'get',
  path: '/customers/{id}/export',
  tags: ['Export'],
  summary: 'Export one customer as PDF or CSV (R17)',
  description:
    'PDF (A4): every section of the 360 view — profile and addresses, key metrics, health score with factors, weights and '
    + 'recommendations, churn risk with factors and strategies, RFM and segments, tags, every order, loyalty, marketing, support, '
    + 'payments (masked unless `payments:full`, as GET /payments), behaviour, the notes the caller may read and the last 50 timeline '
    + 'events — with the export time, the exporting user and role, and the as-of date. '
    + 'CSV: `#` comment lines (customer, export time and user, as-of), a `metric,value,unit` block, a blank line, then the order '
    + 'history `number,placedAt,status,total,currency,items,quantity` (numbers as the API returns them). '
    + 'Each export writes an `audit_log` row (`export.pdf` / `export.csv`) and an `export` timeline entry.',
  request: { params: IdParam, query: ExportQuery },
  responses: {
    200: {
      description: 'The file, as an attachment',
      headers: attachment,
      content: { 'application/pdf': { schema: binary }, 'text/csv': { schema: binary } },
    },
    ...customerProblems,
  },
});

const bulkExport = secureRoute({ permission: 'export' }, {
  method: 'get',
  path: '/customers/export.csv',
  tags: ['Export'],
  summary: 'Export the customers matching a search as CSV',
  description:
    'The filters and sort of GET /customers (without `limit`/`cursor`); every matching customer, streamed page by page. '
    + `A \`#\` comment line (export time, user, filters, count), then the header \`${BULK_COLUMNS.join(',')}\` and one row per customer. `
    + 'Audited once (`export.customers.csv`).',
  request: { query: BulkExportQuery },
  responses: {
    200: { description: 'The CSV, as an attachment', headers: attachment, content: { 'text/csv': { schema: binary } } },
    ...commonProblems,
  },
});

function disposition(filename: string): string {
  return `attachment; filename="${filename}"`;
}

/** Mounts the export routes. */
export function exportRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(bulkExport, async (c) => {
    const actor = c.var.actor;
    const query = c.req.valid('query');
    const filters = bulkFilters(query);
    const now = new Date();
    const started = await exportCustomersCsv(c.var.read.db, { ...query, limit: 100 }, {
      ctx: c.var.read,
      comment: `c360 customers export · exported ${now.toISOString()} by ${actor.name} (${actor.role}) · data as of ${c.var.read.asOf.toISOString()}`
        + ` · filters ${JSON.stringify(filters)}`,
    });
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
    });
  });

  app.openapi(customerExport, async (c) => {
    const actor = c.var.actor;
    const { id } = c.req.valid('param');
    const { format } = c.req.valid('query');
    const report = await loadCustomerReport(c.var.read, actor, id);
    const exportedAt = new Date();
    const meta = { exportedAt, actor };
    const filename = exportFilename(id, report.view.asOf, format);
    const body: Uint8Array = format === 'pdf' ? renderCustomerPdf(report, meta) : new TextEncoder().encode(renderCustomerCsv(report, meta));
    await recordCustomerExport(c.var.read.db, actor, id, format, { filename, bytes: body.byteLength, asOf: report.view.asOf }, exportedAt);
    return c.body(body as Uint8Array<ArrayBuffer>, 200, {
      'content-type': format === 'pdf' ? 'application/pdf' : 'text/csv; charset=utf-8',
      'content-disposition': disposition(filename),
    });
  });
}
