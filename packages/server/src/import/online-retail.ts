/**
 * Importer of the UCI "Online Retail" dataset (SPEC §6), as CSV or as the original
 * `Online Retail.xlsx` (xlsx-rows.ts): one streaming pass over the file maps every
 * line to customers, completed orders with their lines, refunds (cancellation invoices `C…`),
 * timeline entries, and moves customer and product statistics by what the file changed
 * (aggregate/stats-delta.ts), all in one transaction.
 *
 * Shape: `csv-rows.ts` streams records with line numbers (any CSV layout), `fields.ts` validates
 * fields, this module maps Online Retail records and aggregates per invoice, and
 * `online-retail-store.ts` / `product-stats.ts` / `bookkeeping.ts` write. Another source plugs in
 * as its own mapper beside this one.
 * @module
 */
import type { Db } from '../db/connect.js';
import { StatsDelta } from '../aggregate/stats-delta.js';
import { currencyExponent, divRoundHalfAwayFromZero } from '../scoring/money.js';
import { getMeta, hasKey, keysWithPrefix, raiseMeta, recordKeys } from './bookkeeping.js';
import { fingerprintFile, readCsvRows, type CsvRow, type ReadProgress } from './csv-rows.js';
import { ImportError } from './errors.js';
import { decimalMicrosField, integerField, textField, timestampField, type DateFormat } from './fields.js';
import { readXlsxRows } from './xlsx-rows.js';
import { RetailRowWriter, writeInvoices, type CustomerAgg, type InvoiceAgg } from './online-retail-store.js';
import { upsertProducts, type ProductUpsert } from './product-stats.js';

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

const GUEST_KIND = 'guest-invoice';
const GUEST_PREFIX = 'online-retail:guest:';

/**
 * Imports an Online Retail file into `db` in one transaction: a `.xlsx` file is read as a workbook
 * (first worksheet, date cells as dates), anything else as CSV: on any error nothing is written.
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

  return db.transaction().execute(async (trx) => {
    if (!options.force && (await hasKey(trx, fileKey))) {
      const asOf = (await getMeta(trx, 'dataset_as_of')) ?? '';
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
    const knownGuests = await keysWithPrefix(trx, GUEST_KIND, GUEST_PREFIX);
    const stats = new StatsDelta(); // customer and product statistics move by what the file changes
    const writer = new RetailRowWriter(trx, currency, now, stats);
    const customers = new Map<string, CustomerAgg>();
    const invoices = new Map<string, InvoiceAgg & { firstLine: number }>();
    const guestInvoices = new Map<string, number>();
    const products = new Map<string, ProductUpsert>();
    const newGuestKeys = new Set<string>();
    let rows = 0;
    let orderLines = 0;
    let guestLines = 0;
    let asOf = '';

    const dateFormat = options.dateFormat ?? 'ymd';
    const read = /\.xlsx$/i.test(file)
      ? readXlsxRows(file, ONLINE_RETAIL_COLUMNS, { onProgress: options.onProgress, dateFormat })
      : readCsvRows(file, ONLINE_RETAIL_COLUMNS, { onProgress: options.onProgress });
    for await (const row of read) {
      const l = mapRetailRow(file, row, dateFormat);
      rows++;
      if (l.at > asOf) asOf = l.at;
      let product = products.get(l.stockCode);
      if (!product) {
        product = { id: l.stockCode, name: l.description || l.stockCode, guestLines: 0, guestUnits: 0, guestRevenueMinor: 0 };
        products.set(l.stockCode, product);
      } else if (product.name === product.id && l.description) {
        product.name = l.description;
      }
      const lineMicros = l.quantity * l.unitPriceMicros;

      if (l.customerId === null) {
        if (invoices.has(l.invoiceNo)) mixedInvoice(file, l, invoices.get(l.invoiceNo)!.firstLine);
        if (!guestInvoices.has(l.invoiceNo)) guestInvoices.set(l.invoiceNo, l.line);
        guestLines++;
        const key = GUEST_PREFIX + l.invoiceNo;
        if (!l.cancel && !knownGuests.has(key)) {
          newGuestKeys.add(key);
          product.guestLines += 1;
          product.guestUnits += l.quantity;
          product.guestRevenueMinor += toMinor(lineMicros);
        }
        continue;
      }

      let customer = customers.get(l.customerId);
      if (!customer) {
        customer = { id: l.customerId, registeredAt: l.at, country: l.country, countryAt: l.at };
        customers.set(l.customerId, customer);
        writer.customer(customer);
      } else {
        if (l.at < customer.registeredAt) customer.registeredAt = l.at;
        if (l.at >= customer.countryAt) Object.assign(customer, { country: l.country, countryAt: l.at });
      }
      if (guestInvoices.has(l.invoiceNo)) mixedInvoice(file, l, guestInvoices.get(l.invoiceNo)!);
      let inv = invoices.get(l.invoiceNo);
      if (!inv) {
        inv = {
          invoiceNo: l.invoiceNo,
          customerId: l.customerId,
          cancel: l.cancel,
          at: l.at,
          lines: 0,
          quantity: 0,
          micros: 0,
          totalMinor: 0,
          firstLine: l.line,
        };
        invoices.set(l.invoiceNo, inv);
        if (!l.cancel) writer.order(inv);
      } else if (inv.customerId !== l.customerId) {
        mixedInvoice(file, l, inv.firstLine);
      }
      if (l.at < inv.at) inv.at = l.at;
      inv.lines++;
      inv.quantity += l.quantity;
      inv.micros += lineMicros;
      if (!Number.isSafeInteger(inv.micros)) {
        throw new ImportError(file, `invoice ${l.invoiceNo} total exceeds the exact range`, { line: l.line, column: 'Quantity' });
      }
      if (!l.cancel) {
        orderLines++;
        await writer.item({
          id: `${l.invoiceNo}:${inv.lines}`,
          order_id: l.invoiceNo,
          line_no: inv.lines,
          product_id: l.stockCode,
          description: l.description || null,
          quantity: l.quantity,
          unit_price_micros: l.unitPriceMicros,
        });
      }
    }
    if (rows === 0) throw new ImportError(file, 'no data lines');
    await writer.flush();

    // Σ quantity × unit price exactly, rounded once: what orderTotalMinor computes, without the lines.
    for (const inv of invoices.values()) inv.totalMinor = toMinor(inv.micros);
    await writeInvoices(trx, customers.values(), invoices.values(), currency, now, stats);
    await upsertProducts(trx, [...products.values()], currency);
    await recordKeys(trx, GUEST_KIND, newGuestKeys, now);
    await stats.apply(trx);
    await raiseMeta(trx, 'dataset_as_of', asOf);
    await recordKeys(trx, 'import-file', [fileKey], now);

    let refunds = 0;
    for (const inv of invoices.values()) if (inv.cancel) refunds++;
    return {
      file,
      rows,
      customers: customers.size,
      orders: invoices.size - refunds,
      orderLines,
      refunds,
      guestLines,
      products: products.size,
      asOf,
      skippedAsDuplicate: false,
    };
  });
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

function mixedInvoice(file: string, l: RetailLine, firstLine: number): never {
  throw new ImportError(file, `invoice ${l.invoiceNo} has another CustomerID on line ${firstLine}`, {
    line: l.line,
    column: 'CustomerID',
  });
}
