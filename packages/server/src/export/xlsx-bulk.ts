/**
 * Bulk Excel export of customers (GET /customers/export.xlsx, scheduled exports): the rows of the
 * bulk CSV export ({@link BULK_COLUMNS}, same filters and sort) written with exceljs' streaming
 * WorkbookWriter, one committed row at a time, page by page with the search's keyset cursor, so
 * memory stays flat however many customers match. One sheet `Customers` (a header row, then one
 * row per customer) and one sheet `Export` (who, when, as-of, filters, count).
 * @module
 */
import { PassThrough, type Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { CustomerSearchQuery, ExportLocale } from '@c360/sdk';
import type { z } from 'zod';
import type { Db } from '../db/connect.js';
import type { EvalContext } from '../segments/facts.js';
import { countCustomers, searchPage } from '../read/search.js';
import { BULK_COLUMNS, BULK_PAGE_SIZE } from './bulk.js';
import { xlsxCell, type XlsxCell } from './xlsx.js';
import { columnLabel } from './labels/columns.js';

type Query = z.output<typeof CustomerSearchQuery>;

export interface BulkXlsxExport {
  /** Customers matching the filters (counted before the first row is written). */
  total: number;
  /** The workbook's bytes as they are produced; ends when the workbook is complete. */
  stream: Readable;
}

/** Resolves when the reader has taken what was buffered, or has gone away. */
function drained(stream: PassThrough): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      stream.off('drain', done).off('close', done);
      resolve();
    };
    stream.on('drain', done).on('close', done);
  });
}

/**
 * Starts a bulk Excel export: reads the first page (so the total is known and a bad filter fails
 * before anything is sent), then writes the workbook into `stream` in the background. `about`
 * holds the `Export` sheet's field/value rows; `onRows(done, total)` after each page.
 */
export async function exportCustomersXlsx(
  db: Db,
  query: Query,
  options: {
    ctx?: EvalContext;
    about?: [string, string][];
    pageSize?: number;
    onRows?: (done: number, total: number) => void;
    /** Language of the sheet names, headers and `about` field names (default `en`: the API's names). */
    locale?: ExportLocale;
  } = {},
): Promise<BulkXlsxExport> {
  const label = (name: string) => columnLabel(options.locale ?? 'en', name);
  const rtl = options.locale === 'ar';
  const pageSize = options.pageSize ?? BULK_PAGE_SIZE;
  const base: Query = { ...query, limit: pageSize, cursor: undefined };
  const first = await searchPage(db, base, options.ctx);
  const total = first.nextCursor ? await countCustomers(db, base, options.ctx) : first.items.length;
  const stream = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useSharedStrings: false, useStyles: true });
  const write = async () => {
    const sheet = workbook.addWorksheet(label('Customers'), { views: [{ state: 'frozen', ySplit: 1, rightToLeft: rtl }] });
    const header = sheet.addRow(BULK_COLUMNS.map(label));
    header.font = { bold: true };
    header.commit();
    let page = first;
    let done = 0;
    for (;;) {
      for (const c of page.items) {
        const row: XlsxCell[] = [c.id, c.name, c.email, c.phone, c.country, c.currency, c.lifetimeValue, c.totalOrders, c.lastPurchaseAt];
        sheet.addRow(row.map(xlsxCell)).commit();
      }
      done += page.items.length;
      if (page.items.length) options.onRows?.(done, total);
      if (!page.nextCursor) break;
      if (stream.writableNeedDrain) await drained(stream);
      if (stream.destroyed) return; // the reader went away
      page = await searchPage(db, { ...base, cursor: page.nextCursor }, options.ctx);
    }
    sheet.commit();
    const about = workbook.addWorksheet(label('Export'), { views: [{ rightToLeft: rtl }] });
    about.addRow([label('field'), label('value')]).commit();
    for (const [field, value] of [...(options.about ?? []), ['customers', String(total)] as [string, string]])
      about.addRow([label(field), value].map(xlsxCell)).commit();
    about.commit();
    await workbook.commit();
  };
  write().catch((error: unknown) => stream.destroy(error as Error));
  return { total, stream };
}
