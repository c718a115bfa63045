/**
 * Importer of the UCI "Online Retail" dataset (SPEC §6), as CSV or as the original
 * `Online Retail.xlsx` (xlsx-rows.ts): one streaming pass over the file maps every
 * line to customers, completed orders with their lines, refunds (cancellation invoices `C…`),
 * timeline entries, and moves customer and product statistics by what the file changed
 * (aggregate/stats-delta.ts), committed in chunks of whole invoices (online-retail-chunks.ts) that
 * a killed import resumes after.
 *
 * Shape: `csv-rows.ts` streams records with line numbers (any CSV layout), `fields.ts` validates
 * fields, this module maps Online Retail records and aggregates per invoice, and
 * `online-retail-chunks.ts` commits chunk by chunk through `online-retail-store.ts` /
 * `product-stats.ts` / `bookkeeping.ts`. Another source plugs in
 * as its own mapper beside this one.
 * @module
 */
import type { Db } from '../db/connect.js';
import { currencyExponent, divRoundHalfAwayFromZero } from '../scoring/money.js';
import { getMeta, hasKey, keysWithPrefix } from './bookkeeping.js';
import { fingerprintFile, readCsvRows, type CsvRow, type ReadProgress } from './csv-rows.js';
import { ImportError } from './errors.js';
import { decimalMicrosField, integerField, textField, timestampField, type DateFormat } from './fields.js';
import { readXlsxRows } from './xlsx-rows.js';
import { DEFAULT_CHUNK_LINES, GUEST_KIND, GUEST_PREFIX, RetailChunks, resumePosition } from './online-retail-chunks.js';

/** Columns the file must have (the original UCI names); others are ignored. */
export const ONLINE_RETAIL_COLUMNS = [
  'InvoiceNo',
  'StockCode',
  'Description',
  'Quantity',
  'InvoiceDate',
  'UnitPrice',
  'CustomerID',
  'Country',
] as const;
type Column = (typeof ONLINE_RETAIL_COLUMNS)[number];

/** What an import did. Counts are of the file's content (0 when `skippedAsDuplicate`). */
export interface ImportSummary {
  /** The file as given. */
  file: string;
  /** Data lines read (header and blank lines excluded). */
  rows: number;
  /** Distinct customers (CustomerID) in the file. */
  customers: number;
  /** Completed orders: distinct non-`C` invoices with a customer. */
  orders: number;
  /** Lines of those orders. */
  orderLines: number;
  /** Refunds: distinct `C` invoices with a customer. */
  refunds: number;
  /** Lines without CustomerID (guest sales and guest cancellations). */
  guestLines: number;
  /** Distinct StockCodes in the file. */
  products: number;
  /** Latest InvoiceDate in the file, ISO 8601 UTC (`2011-12-09T12:50:00.000Z`); when skipped, the stored `dataset_as_of`. */
  asOf: string;
  /** True when this exact file (same SHA-256) had been imported before and nothing was done. */
  skippedAsDuplicate: boolean;
}

export interface ImportOptions {
  /** Called every 10 000 lines and at the end: bytes read of the file's size, data lines read. */
  onProgress?: (progress: ReadProgress) => void;
  /** ISO 4217 currency of the prices; default `GBP`. */
  currency?: string;
  /** Re-apply a file already imported (row by row; still changes nothing for identical data). */
  force?: boolean;
  /** How InvoiceDate is written: `ymd` (default) `2010-12-01 08:26[:00]`, `dmy` `01/12/2010 08:26`, `mdy` `12/1/2010 8:26`. */
  dateFormat?: DateFormat;
  /** Lines per committed chunk (rounded up to the end of an invoice); default 50 000. */
  chunkLines?: number;
}

/** One validated line of the file. */
export interface RetailLine {
  line: number;
  invoiceNo: string;
  cancel: boolean;
  stockCode: string;
  description: string;
  quantity: number;
  unitPriceMicros: number;
  /** InvoiceDate as ISO UTC. */
  at: string;
  customerId: string | null;
  country: string | null;
}

/**
 * Imports an Online Retail file into `db`: a `.xlsx` file is read as a workbook (first worksheet,
 * date cells as dates), anything else as CSV. Lines are committed in chunks of whole invoices
 * (`chunkLines`), each with a progress record (`meta` `online-retail:progress:<sha256>` = last
 * committed line); an interrupted run (killed, or failed on a bad line) leaves the chunks before it,
 * and running the same file again resumes after them and ends with exactly the rows of an
 * uninterrupted import. A file within one chunk is all or nothing.
 * Importing the same data again changes nothing (deterministic ids, upserts; guest sales are counted
 * once per guest invoice, with the lines of the first file that carried it); an identical file (by
 * SHA-256) is skipped unless `force`. Guest cancellation lines count in `guestLines` but add no sales.
 *
 * @throws ImportError (`file`, `line`, `column`) for a missing/unreadable file — before the database
 *   is touched —, an empty file or one without data lines, a missing header column, a line with the
 *   wrong number of fields, a malformed value (e.g. `data.csv: line 4, column Quantity: not an
 *   integer: "x"`) or an invoice whose lines name different customers.
 * @throws RangeError for an invalid `currency`.
 */
export async function importOnlineRetail(db: Db, file: string, options: ImportOptions = {}): Promise<ImportSummary> {
  const currency = options.currency ?? 'GBP';
  // micros per minor unit (10 000 for GBP); also a RangeError for an invalid code, before any work
  const microsPerMinor = 10 ** (6 - currencyExponent(currency));
  const toMinor = (micros: number): number => divRoundHalfAwayFromZero(micros, microsPerMinor);
  const { sha256 } = await fingerprintFile(file);
  const fileKey = `online-retail:file:${sha256}`;
  const now = new Date().toISOString();

  if (!options.force && (await hasKey(db, fileKey))) {
    const asOf = (await getMeta(db, 'dataset_as_of')) ?? '';
    return {
      file,
      rows: 0,
      customers: 0,
      orders: 0,
      orderLines: 0,
      refunds: 0,
      guestLines: 0,
      products: 0,
      asOf,
      skippedAsDuplicate: true,
    };
  }
  const resumeAfter = await resumePosition(db, sha256);
  const knownGuests = await keysWithPrefix(db, GUEST_KIND, GUEST_PREFIX);
  const chunkLines = options.chunkLines ?? DEFAULT_CHUNK_LINES;
  const chunks = new RetailChunks(db, file, sha256, knownGuests, { currency, now, toMinor, chunkLines });

  const dateFormat = options.dateFormat ?? 'ymd';
  const read = /\.xlsx$/i.test(file)
    ? readXlsxRows(file, ONLINE_RETAIL_COLUMNS, { onProgress: options.onProgress, dateFormat })
    : readCsvRows(file, ONLINE_RETAIL_COLUMNS, { onProgress: options.onProgress });
  for await (const row of read) {
    const l = mapRetailRow(file, row, dateFormat);
    if (chunks.full(l)) await chunks.commit(false, fileKey);
    chunks.add(l, l.line > resumeAfter);
  }
  if (chunks.rows === 0) throw new ImportError(file, 'no data lines');
  await chunks.commit(true, fileKey);

  let refunds = 0;
  for (const inv of chunks.invoices.values()) if (inv.cancel) refunds++;
  return {
    file,
    rows: chunks.rows,
    customers: chunks.customers.size,
    orders: chunks.invoices.size - refunds,
    orderLines: chunks.orderLines,
    refunds,
    guestLines: chunks.guestLines,
    products: chunks.products.size,
    asOf: chunks.asOf,
    skippedAsDuplicate: false,
  };
}

/**
 * Validates one record and maps it: CustomerID blank → guest (`null`), a trailing `.0` stripped;
 * InvoiceDate (written as `dateFormat` says, default `ymd`) taken as UTC. Throws ImportError naming
 * the line and column.
 */
export function mapRetailRow(file: string, row: CsvRow<Column>, dateFormat: DateFormat = 'ymd'): RetailLine {
  const at = { file, line: row.line };
  const v = row.values;
  const invoiceNo = textField(at, 'InvoiceNo', v.InvoiceNo, true);
  const customer = textField(at, 'CustomerID', v.CustomerID);
  const quantity = integerField(at, 'Quantity', v.Quantity);
  const unitPriceMicros = decimalMicrosField(at, 'UnitPrice', v.UnitPrice);
  if (!Number.isSafeInteger(quantity * unitPriceMicros)) {
    throw new ImportError(file, 'quantity × unit price exceeds the exact range', { line: row.line, column: 'UnitPrice' });
  }
  return {
    line: row.line,
    invoiceNo,
    cancel: invoiceNo.startsWith('C'),
    stockCode: textField(at, 'StockCode', v.StockCode, true),
    description: textField(at, 'Description', v.Description),
    quantity,
    unitPriceMicros,
    at: timestampField(at, 'InvoiceDate', v.InvoiceDate, dateFormat),
    customerId: customer === '' ? null : customer.replace(/^(\d+)\.0+$/, '$1'),
    country: textField(at, 'Country', v.Country) || null,
  };
}
