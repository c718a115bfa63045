/**
 * The database side of the Online Retail import: buffered multi-row upserts while the file streams
 * (customers and order headers first, so that order lines satisfy their foreign keys), then the
 * final per-invoice rows, product statistics and bookkeeping. Every write is an upsert or
 * insert-or-ignore keyed by a deterministic id, so replaying a file changes nothing.
 * @module
 */
import { sql, type Insertable } from 'kysely';
import type { Db } from '../db/connect.js';
import type { CustomersTable, OrderItemsTable, OrdersTable } from '../db/schema.js';
import { customerSearchText } from '../aggregate/search-text.js';
import type { StatsDelta } from '../aggregate/stats-delta.js';
import { batchSize, inBatches } from './batch.js';
import { InsertTemplate } from './insert-template.js';

/** Source tag of orders written by this importer. */
export const RETAIL_SOURCE = 'online-retail';
const ITEM_FLUSH = batchSize(7) * 4;

/** A customer's facts gathered from the file. */
export interface CustomerAgg {
  id: string;
  /** Earliest InvoiceDate of any of its invoices (ISO). */
  registeredAt: string;
  country: string | null;
  /** InvoiceDate of the line `country` was taken from (the latest one). */
  countryAt: string;
}

/** One invoice of a known customer, aggregated over its lines. */
export interface InvoiceAgg {
  invoiceNo: string;
  customerId: string;
  cancel: boolean;
  /** Earliest line's InvoiceDate (ISO). */
  at: string;
  lines: number;
  quantity: number;
  /** Exact Σ quantity × unit price in micros. */
  micros: number;
  /** Total in minor units, rounded once (set when the file is read). */
  totalMinor: number;
}

/** A product (StockCode) seen in the file, with the guest sales that are new to the database. */
export interface ProductAgg {
  id: string;
  name: string;
  guestLines: number;
  guestUnits: number;
  guestRevenueMinor: number;
}

/** Order lines: inserted, or updated to the file's values when their id exists (a re-import). */
const ITEMS = new InsertTemplate<Insertable<OrderItemsTable>>((db, rows) =>
  db
    .insertInto('order_items')
    .values(rows)
    .onConflict((oc) =>
      oc.column('id').doUpdateSet((eb) => ({
        order_id: eb.ref('excluded.order_id'),
        line_no: eb.ref('excluded.line_no'),
        product_id: eb.ref('excluded.product_id'),
        description: eb.ref('excluded.description'),
        quantity: eb.ref('excluded.quantity'),
        unit_price_micros: eb.ref('excluded.unit_price_micros'),
      })),
    ),
);

/** Streams rows in foreign-key order: customers, then order headers, then order lines. */
export class RetailRowWriter {
  private customers: Insertable<CustomersTable>[] = [];
  private orders: Insertable<OrdersTable>[] = [];
  private items: Insertable<OrderItemsTable>[] = [];

  constructor(
    private readonly db: Db,
    private readonly currency: string,
    private readonly now: string,
    private readonly stats: StatsDelta,
  ) {}

  /** First sight of a customer: inserted if absent (final values come with {@link writeInvoices}). */
  customer(c: CustomerAgg): void {
    this.customers.push(customerRow(c, this.currency, this.now));
    this.stats.customer(c.id);
  }

  /** First sight of an order: its header with placeholder totals, so its lines can reference it. */
  order(inv: InvoiceAgg): void {
    this.orders.push(orderRow(inv, this.currency));
  }

  /** One order line; flushes every few thousand lines. */
  async item(row: Insertable<OrderItemsTable>): Promise<void> {
    this.items.push(row);
    if (this.items.length >= ITEM_FLUSH) await this.flush();
  }

  /** Writes everything buffered. */
  async flush(): Promise<void> {
    const [customers, orders, items] = [this.customers, this.orders, this.items];
    this.customers = [];
    this.orders = [];
    this.items = [];
    await inBatches(customers, (b) =>
      this.db
        .insertInto('customers')
        .values(b)
        .onConflict((oc) => oc.column('id').doNothing())
        .execute(),
    );
    await this.stats.beforeOrders(
      this.db,
      orders.map((o) => o.id),
    ); // before the file changes them
    await inBatches(orders, (b) =>
      this.db
        .insertInto('orders')
        .values(b)
        .onConflict((oc) => oc.column('id').doNothing())
        .execute(),
    );
    await ITEMS.insert(this.db, items);
  }
}

function customerRow(c: CustomerAgg, currency: string, now: string): Insertable<CustomersTable> {
  const name = `Customer ${c.id}`;
  return {
    id: c.id,
    name,
    email: null,
    phone: null,
    search_text: customerSearchText({ name }),
    country: c.country,
    registered_at: c.registeredAt,
    status: 'active',
    avatar_url: null,
    vip: 0,
    currency,
    synthetic: 0,
    created_at: now,
    updated_at: now,
  };
}

function orderRow(inv: InvoiceAgg, currency: string): Insertable<OrdersTable> {
  return {
    id: inv.invoiceNo,
    customer_id: inv.customerId,
    number: inv.invoiceNo,
    status: 'completed',
    placed_at: inv.at,
    currency,
    subtotal_minor: inv.totalMinor,
    shipping_minor: 0,
    total_minor: inv.totalMinor,
    items_count: inv.lines,
    quantity: inv.quantity,
    source: RETAIL_SOURCE,
  };
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * Final customer facts (country of the latest line, registration = min of existing and new; name,
 * email, phone and status are never touched), order headers with their totals (status is left to
 * later events), refunds as `payments`, and one timeline entry per order and refund. The refunds'
 * previous states go to `stats` (the orders' went when their headers were first written).
 */
export async function writeInvoices(
  db: Db,
  customers: Iterable<CustomerAgg>,
  invoices: Iterable<InvoiceAgg>,
  currency: string,
  now: string,
  stats: StatsDelta,
): Promise<void> {
  const rows = [...customers].map((c) => customerRow(c, currency, now));
  await inBatches(rows, (b) =>
    db
      .insertInto('customers')
      .values(b)
      .onConflict((oc) =>
        oc
          .column('id')
          .doUpdateSet((eb) => ({
            country: eb.ref('excluded.country'),
            registered_at: sql<string>`case when excluded.registered_at < customers.registered_at
          then excluded.registered_at else customers.registered_at end`,
            updated_at: eb.ref('excluded.updated_at'),
          }))
          .where((eb) =>
            eb.or([
              eb('customers.country', 'is distinct from', eb.ref('excluded.country')),
              eb('excluded.registered_at', '<', eb.ref('customers.registered_at')),
            ]),
          ),
      )
      .execute(),
  );

  const orders: Insertable<OrdersTable>[] = [];
  const refunds = [];
  const activity = [];
  for (const inv of invoices) {
    if (inv.cancel) {
      const id = `refund:${inv.invoiceNo}`;
      const amount = Math.abs(inv.totalMinor);
      refunds.push({
        id,
        customer_id: inv.customerId,
        order_id: null,
        kind: 'refund',
        status: 'succeeded',
        amount_minor: amount,
        currency,
        method_id: null,
        reference: inv.invoiceNo,
        occurred_at: inv.at,
      });
      activity.push({
        id,
        customer_id: inv.customerId,
        type: 'refund',
        title: `Refund ${inv.invoiceNo}`,
        description: `Cancellation of ${plural(inv.lines, 'line')}`,
        occurred_at: inv.at,
        amount_minor: amount,
        currency,
        ref_kind: 'payment',
        ref_id: id,
      });
    } else {
      orders.push(orderRow(inv, currency));
      activity.push({
        id: `order:${inv.invoiceNo}`,
        customer_id: inv.customerId,
        type: 'order',
        title: `Order ${inv.invoiceNo}`,
        description: `${plural(inv.lines, 'line')} · ${plural(inv.quantity, 'item')}`,
        occurred_at: inv.at,
        amount_minor: inv.totalMinor,
        currency,
        ref_kind: 'order',
        ref_id: inv.invoiceNo,
      });
    }
  }
  await inBatches(orders, (b) =>
    db
      .insertInto('orders')
      .values(b)
      .onConflict((oc) =>
        oc.column('id').doUpdateSet((eb) => ({
          customer_id: eb.ref('excluded.customer_id'),
          number: eb.ref('excluded.number'),
          placed_at: eb.ref('excluded.placed_at'),
          currency: eb.ref('excluded.currency'),
          subtotal_minor: eb.ref('excluded.subtotal_minor'),
          shipping_minor: eb.ref('excluded.shipping_minor'),
          total_minor: eb.ref('excluded.total_minor'),
          items_count: eb.ref('excluded.items_count'),
          quantity: eb.ref('excluded.quantity'),
          source: eb.ref('excluded.source'),
        })),
      )
      .execute(),
  );
  await stats.beforePayments(
    db,
    refunds.map((r) => r.id),
  );
  await inBatches(refunds, (b) =>
    db
      .insertInto('payments')
      .values(b)
      .onConflict((oc) =>
        oc.column('id').doUpdateSet((eb) => ({
          customer_id: eb.ref('excluded.customer_id'),
          amount_minor: eb.ref('excluded.amount_minor'),
          currency: eb.ref('excluded.currency'),
          reference: eb.ref('excluded.reference'),
          occurred_at: eb.ref('excluded.occurred_at'),
        })),
      )
      .execute(),
  );
  await inBatches(activity, (b) =>
    db
      .insertInto('activity')
      .values(b)
      .onConflict((oc) =>
        oc.column('id').doUpdateSet((eb) => ({
          customer_id: eb.ref('excluded.customer_id'),
          title: eb.ref('excluded.title'),
          description: eb.ref('excluded.description'),
          occurred_at: eb.ref('excluded.occurred_at'),
          amount_minor: eb.ref('excluded.amount_minor'),
          currency: eb.ref('excluded.currency'),
        })),
      )
      .execute(),
  );
}
