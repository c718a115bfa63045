/**
 * Bulk CSV export of customers (GET /customers/export.csv, `c360 export customers`): the rows of
 * the search for the same filters and sort, fetched page by page with its keyset cursor and never
 * counted again (one exact count first, for the total), so time grows linearly and memory stays
 * flat however many customers match. Columns are the search result's (stats of `customer_stats`).
 * @module
 */
import { csvComment, csvLines } from './csv.js';
import type { CustomerSearchQuery, CustomerSummary, ExportLocale } from '@c360/sdk';
import { columnLabel } from './labels/columns.js';
import type { z } from 'zod';
import type { Db } from '../db/connect.js';
import type { EvalContext } from '../segments/facts.js';
import { countCustomers, searchPage } from '../read/search.js';

export const BULK_COLUMNS = [
  'id',
  'name',
  'email',
  'phone',
  'country',
  'currency',
  'lifetimeValue',
  'totalOrders',
  'lastPurchaseAt',
] as const;

/** Rows per database page. */
export const BULK_PAGE_SIZE = 500;

type Query = z.output<typeof CustomerSearchQuery>;

/** The filters of a query (no paging), as recorded in the audit row and the comment line. */
export function bulkFilters(query: Partial<Query> & { locale?: ExportLocale }): Record<string, unknown> {
  const { limit: _limit, cursor: _cursor, locale: _locale, ...filters } = query;
  return Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== undefined && v !== ''));
}

const row = (c: CustomerSummary) => [
  c.id,
  c.name,
  c.email,
  c.phone,
  c.country,
  c.currency,
  c.lifetimeValue,
  c.totalOrders,
  c.lastPurchaseAt,
];

export interface BulkExport {
  /** Customers matching the filters (counted exactly once, before the first page). */
  total: number;
  /** CSV chunks: the comment and header line first, then one chunk per page; CRLF line ends. */
  chunks: AsyncGenerator<string, void, undefined>;
}

/**
 * Starts a bulk export: reads the first page (so the total is known and a bad filter fails before
 * anything is sent), then yields the CSV page by page. `onRows(done, total)` after each page.
 */
export async function exportCustomersCsv(
  db: Db,
  query: Query,
  options: {
    ctx?: EvalContext;
    comment?: string;
    pageSize?: number;
    onRows?: (done: number, total: number) => void;
    /** Language of the header row (default `en`: the API's field names); the rows never change. */
    locale?: ExportLocale;
  } = {},
): Promise<BulkExport> {
  const pageSize = options.pageSize ?? BULK_PAGE_SIZE;
  const base: Query = { ...query, limit: pageSize, cursor: undefined };
  const first = await searchPage(db, base, options.ctx);
  const total = first.nextCursor ? await countCustomers(db, base, options.ctx) : first.items.length;
  async function* chunks(): AsyncGenerator<string, void, undefined> {
    // The comment and the header line are escaped like the rows (export/csv.ts).
    yield `${options.comment ? `${csvComment(options.comment)}\r\n` : ''}${csvLines([BULK_COLUMNS.map((c) => columnLabel(options.locale ?? 'en', c))])}\r\n`;
    let page = first;
    let done = 0;
    for (;;) {
      if (page.items.length) {
        done += page.items.length;
        yield `${csvLines(page.items.map(row))}\r\n`;
        options.onRows?.(done, total);
      }
      if (!page.nextCursor) break;
      page = await searchPage(db, { ...base, cursor: page.nextCursor }, options.ctx);
    }
  }
  return { total, chunks: chunks() };
}
