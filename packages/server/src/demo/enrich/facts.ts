/**
 * The real facts the demo enrichment builds on, read once from the database: each customer's
 * registration, country, completed orders (with the products bought) and imported refunds.
 * @module
 */
import type { IngestEvent } from '@c360/sdk';
import type { Db } from '../../db/connect.js';
import { currencyExponent } from '../../scoring/money.js';
import { DAY, iso } from './random.js';

export interface DemoProduct {
  id: string;
  name: string;
}

export interface DemoOrder {
  id: string;
  number: string;
  /** Placed time, epoch ms. */
  at: number;
  totalMinor: number;
  /** Distinct products of its lines, in line order (postage and fees left out). */
  products: DemoProduct[];
}

export interface DemoRefund {
  id: string;
  at: number;
  reference: string | null;
  amountMinor: number;
}

export interface DemoCustomer {
  id: string;
  country: string | null;
  currency: string;
  /** Registration, epoch ms: no generated event is earlier. */
  registeredAt: number;
  /** Lifetime value in major units. */
  lifetimeValue: number;
  /** Completed orders, oldest first. */
  orders: DemoOrder[];
  refunds: DemoRefund[];
}

/** What every generator gets: the dataset's as-of (no generated event is later). */
export interface DemoContext {
  asOf: number;
}

/** Non-merchandise StockCodes and names (postage, fees, manual adjustments): never "viewed". */
const NOT_A_PRODUCT = /^(POST|DOT|M|C2|D|S|B|CRUK|PADS|BANK CHARGES|AMAZONFEE|gift_\d+_\d+)$/i;
const NOT_A_PRODUCT_NAME = /POSTAGE|CARRIAGE|^MANUAL$|DISCOUNT|BANK CHARGES|AMAZON FEE|SAMPLES/i;

export const isMerchandise = (p: DemoProduct): boolean => !NOT_A_PRODUCT.test(p.id) && !NOT_A_PRODUCT_NAME.test(p.name);

/** Major units of `minor` as a plain decimal number (1234 GBP → 12.34). */
export const major = (minor: number, currency: string): number => minor / 10 ** currencyExponent(currency);

/** Every customer (by id) with its completed orders and refunds. */
export async function loadDemoCustomers(db: Db): Promise<DemoCustomer[]> {
  const customers = await db
    .selectFrom('customers as c')
    .leftJoin('customer_stats as s', 's.customer_id', 'c.id')
    .select(['c.id', 'c.country', 'c.currency', 'c.registered_at', 's.total_spent_minor'])
    .orderBy('c.id')
    .execute();
  const orders = await db
    .selectFrom('orders')
    .select(['id', 'customer_id', 'number', 'placed_at', 'total_minor'])
    .where('status', 'in', ['completed', 'delivered'])
    .orderBy('placed_at')
    .orderBy('id')
    .execute();
  const lines = await db
    .selectFrom('order_items as i')
    .innerJoin('orders as o', 'o.id', 'i.order_id')
    .leftJoin('products as p', 'p.id', 'i.product_id')
    .select(['i.order_id', 'i.product_id', 'p.name'])
    .where('o.status', 'in', ['completed', 'delivered'])
    .where('i.product_id', 'is not', null)
    .orderBy('i.order_id')
    .orderBy('i.line_no')
    .execute();
  const refunds = await db
    .selectFrom('payments')
    .select(['id', 'customer_id', 'occurred_at', 'reference', 'amount_minor'])
    .where('kind', '=', 'refund')
    .where('status', '=', 'succeeded')
    .orderBy('occurred_at')
    .orderBy('id')
    .execute();

  const productsOf = new Map<string, DemoProduct[]>();
  for (const line of lines) {
    const list = productsOf.get(line.order_id) ?? [];
    if (!productsOf.has(line.order_id)) productsOf.set(line.order_id, list);
    const product = { id: line.product_id!, name: line.name ?? line.product_id! };
    if (isMerchandise(product) && !list.some((p) => p.id === product.id)) list.push(product);
  }
  const byCustomer = new Map<string, DemoCustomer>();
  const out = customers.map((c) => {
    const customer: DemoCustomer = {
      id: c.id,
      country: c.country,
      currency: c.currency,
      registeredAt: Date.parse(c.registered_at),
      lifetimeValue: major(Number(c.total_spent_minor ?? 0), c.currency),
      orders: [],
      refunds: [],
    };
    byCustomer.set(c.id, customer);
    return customer;
  });
  for (const o of orders) {
    byCustomer.get(o.customer_id)?.orders.push({
      id: o.id,
      number: o.number,
      at: Date.parse(o.placed_at),
      totalMinor: Number(o.total_minor),
      products: productsOf.get(o.id) ?? [],
    });
  }
  for (const r of refunds) {
    byCustomer
      .get(r.customer_id)
      ?.refunds.push({ id: r.id, at: Date.parse(r.occurred_at), reference: r.reference, amountMinor: Number(r.amount_minor) });
  }
  return out;
}

type EventOf<T extends IngestEvent['type']> = Extract<IngestEvent, { type: T }>;

/**
 * Collects one customer's generated events with deterministic ids `demo:v1:<customer>:<kind>:<n>`,
 * every timestamp clamped to [registration, as-of].
 */
export class EventLog {
  readonly events: IngestEvent[] = [];
  private readonly counters = new Map<string, number>();

  constructor(
    readonly customer: DemoCustomer,
    readonly ctx: DemoContext,
  ) {}

  /** Latest time an event may have. */
  get end(): number {
    return this.ctx.asOf;
  }

  /** True when `at` is not after as-of (events later than it did not happen yet). */
  happened(at: number): boolean {
    return at <= this.ctx.asOf;
  }

  add<T extends IngestEvent['type']>(kind: string, type: T, at: number, data: EventOf<T>['data']): EventOf<T> {
    const n = (this.counters.get(kind) ?? 0) + 1;
    this.counters.set(kind, n);
    if (at > this.ctx.asOf + DAY) throw new Error(`demo enrichment: ${kind} of ${this.customer.id} at ${iso(at)} is after as-of`);
    const time = Math.max(this.customer.registeredAt, Math.min(this.ctx.asOf, at));
    const event = { id: `demo:v1:${this.customer.id}:${kind}:${n}`, type, occurredAt: iso(time), data } as EventOf<T>;
    this.events.push(event);
    return event;
  }
}
