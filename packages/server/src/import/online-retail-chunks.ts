/**
 * The chunked writes of the Online Retail import (online-retail.ts): lines are aggregated into
 * per-file facts as they stream, and every chunk (whole invoices, about {@link DEFAULT_CHUNK_LINES}
 * lines) is written and committed in its own short transaction together with the file's progress
 * record, so that readers wait at most one chunk and a killed import resumes after the last
 * committed line. A chunk writes what it touched with the facts gathered so far (a customer's
 * earliest registration and latest country, an invoice's totals over all its lines so far, a
 * product's first name): the upserts are the same as one final write would make, so the chunked
 * import ends with exactly the rows of a one-transaction import, and statistics move by each
 * chunk's delta (aggregate/stats-delta.ts).
 *
 * Memory: the lines of one chunk, plus one small record per customer, invoice and product of the
 * file (needed for invoices whose lines are not contiguous and for the mixed-customer check) —
 * never every line.
 * @module
 */
import type { Db } from '../db/connect.js';
import { StatsDelta } from '../aggregate/stats-delta.js';
import { deleteMeta, getMeta, raiseMeta, recordKeys, setMeta } from './bookkeeping.js';
import { ImportError } from './errors.js';
import { RetailRowWriter, writeInvoices, type CustomerAgg, type InvoiceAgg } from './online-retail-store.js';
import { upsertProducts, type ProductUpsert } from './product-stats.js';
import type { RetailLine } from './online-retail.js';

/** Lines per committed chunk (rounded up to the end of the invoice being read). */
export const DEFAULT_CHUNK_LINES = 50_000;

/** `idempotency_keys.kind` of the guest invoices whose sales were counted once. */
export const GUEST_KIND = 'guest-invoice';
/** Key prefix of those guest invoices (followed by the InvoiceNo). */
export const GUEST_PREFIX = 'online-retail:guest:';

/** `meta` key of a file's progress record: the last data line committed (a decimal line number). */
export const progressKey = (sha256: string): string => `online-retail:progress:${sha256}`;

/** Line number after which an interrupted import of the file with this SHA-256 resumes (0 = from the start). */
export async function resumePosition(db: Db, sha256: string): Promise<number> {
  return Number((await getMeta(db, progressKey(sha256))) ?? 0);
}

type Invoice = InvoiceAgg & { firstLine: number };
interface ItemRow {
  id: string;
  order_id: string;
  line_no: number;
  product_id: string;
  description: string | null;
  quantity: number;
  unit_price_micros: number;
}

/** Aggregates a file's lines and writes them chunk by chunk (see the module comment). */
export class RetailChunks {
  readonly customers = new Map<string, CustomerAgg>();
  readonly invoices = new Map<string, Invoice>();
  readonly products = new Map<string, string>(); // id → name (first non-empty description, else the id)
  private readonly guestInvoices = new Map<string, number>();
  private readonly newGuestKeys = new Set<string>();
  rows = 0;
  orderLines = 0;
  guestLines = 0;
  asOf = '';
  private lastLine = 0;
  private lastInvoice = '';
  private chunk = {
    customers: new Set<string>(),
    invoices: new Set<string>(),
    items: [] as ItemRow[],
    products: new Map<string, ProductUpsert>(),
  };
  private chunkLines = 0;

  constructor(
    private readonly db: Db,
    private readonly file: string,
    private readonly sha256: string,
    private readonly knownGuests: ReadonlySet<string>,
    private readonly opts: { currency: string; now: string; toMinor: (micros: number) => number; chunkLines: number },
  ) {}

  /** Whether a chunk is full and `next` starts another invoice: the moment to {@link commit}. */
  full(next: RetailLine): boolean {
    return this.chunkLines >= this.opts.chunkLines && next.invoiceNo !== this.lastInvoice;
  }

  /**
   * Adds one line to the file's facts; with `write` false (lines an interrupted run already
   * committed) nothing is queued for writing. Throws ImportError for a mixed-customer invoice or a
   * total beyond the exact range.
   */
  add(l: RetailLine, write: boolean): void {
    this.rows++;
    this.lastLine = l.line;
    this.lastInvoice = l.invoiceNo;
    if (l.at > this.asOf) this.asOf = l.at;
    const name = this.products.get(l.stockCode);
    if (name === undefined || (name === l.stockCode && l.description)) this.products.set(l.stockCode, own(l.description || l.stockCode));
    const product = write ? this.productTouch(l.stockCode) : undefined;
    const lineMicros = l.quantity * l.unitPriceMicros;
    if (write) this.chunkLines++;

    if (l.customerId === null) {
      if (this.invoices.has(l.invoiceNo)) mixedInvoice(this.file, l, this.invoices.get(l.invoiceNo)!.firstLine);
      if (!this.guestInvoices.has(l.invoiceNo)) this.guestInvoices.set(l.invoiceNo, l.line);
      this.guestLines++;
      const key = GUEST_PREFIX + l.invoiceNo;
      if (!l.cancel && !this.knownGuests.has(key)) {
        this.newGuestKeys.add(key);
        if (product) {
          product.guestLines += 1;
          product.guestUnits += l.quantity;
          product.guestRevenueMinor += this.opts.toMinor(lineMicros);
        }
      }
      return;
    }

    let customer = this.customers.get(l.customerId);
    if (!customer) {
      customer = { id: l.customerId, registeredAt: l.at, country: own(l.country), countryAt: l.at };
      this.customers.set(l.customerId, customer);
    } else {
      if (l.at < customer.registeredAt) customer.registeredAt = l.at;
      if (l.at >= customer.countryAt) {
        if (l.country !== customer.country) customer.country = own(l.country);
        customer.countryAt = l.at;
      }
    }
    if (this.guestInvoices.has(l.invoiceNo)) mixedInvoice(this.file, l, this.guestInvoices.get(l.invoiceNo)!);
    let inv = this.invoices.get(l.invoiceNo);
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
      this.invoices.set(l.invoiceNo, inv);
    } else if (inv.customerId !== l.customerId) {
      mixedInvoice(this.file, l, inv.firstLine);
    }
    if (l.at < inv.at) inv.at = l.at;
    inv.lines++;
    inv.quantity += l.quantity;
    inv.micros += lineMicros;
    if (!Number.isSafeInteger(inv.micros)) {
      throw new ImportError(this.file, `invoice ${l.invoiceNo} total exceeds the exact range`, { line: l.line, column: 'Quantity' });
    }
    if (!l.cancel) this.orderLines++;
    if (!write) return;
    this.chunk.customers.add(l.customerId);
    this.chunk.invoices.add(l.invoiceNo);
    if (!l.cancel) {
      this.chunk.items.push({
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

  /**
   * Writes the queued chunk and its progress record in one transaction; with `last`, also the
   * file's guest-invoice keys and its "imported" key, and removes the progress record.
   */
  async commit(last: boolean, fileKey: string): Promise<void> {
    const chunk = this.chunk;
    this.chunk = { customers: new Set(), invoices: new Set(), items: [], products: new Map() };
    this.chunkLines = 0;
    const { currency, now, toMinor } = this.opts;
    await this.db.transaction().execute(async (trx) => {
      const stats = new StatsDelta();
      const writer = new RetailRowWriter(trx, currency, now, stats);
      const customers = [...chunk.customers].map((id) => this.customers.get(id)!);
      const invoices = [...chunk.invoices].map((no) => this.invoices.get(no)!);
      for (const c of customers) writer.customer(c);
      for (const inv of invoices) if (!inv.cancel) writer.order(inv);
      for (const item of chunk.items) await writer.item(item);
      await writer.flush();
      // Σ quantity × unit price exactly, rounded once: what orderTotalMinor computes, without the lines.
      for (const inv of invoices) inv.totalMinor = toMinor(inv.micros);
      await writeInvoices(trx, customers, invoices, currency, now, stats);
      await upsertProducts(trx, [...chunk.products.values()], currency);
      await stats.apply(trx);
      await raiseMeta(trx, 'dataset_as_of', this.asOf);
      if (last) {
        await recordKeys(trx, GUEST_KIND, this.newGuestKeys, now);
        await recordKeys(trx, 'import-file', [fileKey], now);
        await deleteMeta(trx, progressKey(this.sha256));
      } else {
        await setMeta(trx, progressKey(this.sha256), String(this.lastLine));
      }
    });
  }

  private productTouch(id: string): ProductUpsert {
    let p = this.chunk.products.get(id);
    if (!p) {
      p = { id, name: '', guestLines: 0, guestUnits: 0, guestRevenueMinor: 0 };
      this.chunk.products.set(id, p);
    }
    p.name = this.products.get(id)!;
    return p;
  }
}

/**
 * A copy of `s` that does not share the parsed chunk's memory: V8 keeps a substring of 13+
 * characters as a view of its parent, so one description kept for the whole file would keep the
 * whole megabyte of text it was cut from.
 */
function own<T extends string | null>(s: T): T {
  return (s === null || s.length < 13 ? s : Buffer.from(s, 'utf8').toString('utf8')) as T;
}

function mixedInvoice(file: string, l: RetailLine, firstLine: number): never {
  throw new ImportError(file, `invoice ${l.invoiceNo} has another CustomerID on line ${firstLine}`, {
    line: l.line,
    column: 'CustomerID',
  });
}
