/**
 * Incremental aggregates: `customer_stats` and product sales statistics updated by the DELTA of a
 * batch, never re-aggregated from the whole history on the write path.
 *
 * A writer tells a {@link StatsDelta} which orders and payments it is about to change
 * ({@link StatsDelta.beforeOrders}, {@link StatsDelta.beforePayments}: the rows are read as they
 * were, once per batch) and which customers it created ({@link StatsDelta.customer}); after the
 * batch's writes, {@link StatsDelta.apply} reads the same rows as they are now and applies
 * `after − before`: counts and sums are added, `first_order_at`/`first_completed_at`/
 * `last_completed_at` move to a newer extreme, and only when a removed value was the extreme are
 * they re-read from that customer's orders (an index range of one customer, not the history).
 * `c360 rebuild-stats` (aggregate/rebuild.ts) recomputes everything from the base tables; the
 * property test test/aggregate/incremental.test.ts proves both give the same rows.
 * @module
 */
import { sql } from 'kysely';
import type { Db } from '../db/connect.js';
import { COMPLETED_SQL } from './customer-stats.js';
import {
  addOrderSales,
  chunks,
  isCompleted,
  loadOrders,
  loadPayments,
  type OrderState,
  type PaymentState,
  type ProductSale,
} from './stats-state.js';

type TimeKind = 'first_order_at' | 'first_completed_at' | 'last_completed_at';
const TIME_KINDS: readonly TimeKind[] = ['first_order_at', 'first_completed_at', 'last_completed_at'];
/** Products per sales update statement (4 parameters each). */
const SALES_SLICE = 500;

/** Net change of one customer's stats within a batch; timestamps as multisets (value → net count). */
interface CustomerChange {
  orders: number;
  completed: number;
  spent: number;
  refunded: number;
  times: Record<TimeKind, Map<string, number>>;
}

/** What {@link StatsDelta.apply} changed. */
export interface AppliedDelta {
  /** Customers whose `customer_stats` row was inserted or changed. */
  customers: number;
  /** Products whose sales statistics changed. */
  products: number;
}

/** Collects a batch's before-states and applies the difference to the aggregates (see the module comment). */
export class StatsDelta {
  private readonly orders = new Map<string, OrderState | null>();
  private readonly payments = new Map<string, PaymentState | null>();
  private readonly customers = new Set<string>();

  /** Records the orders (header and lines) as they are, unless already recorded in this batch. Call before changing them. */
  async beforeOrders(db: Db, ids: readonly string[]): Promise<void> {
    const fresh = [...new Set(ids)].filter((id) => !this.orders.has(id));
    if (fresh.length === 0) return;
    const found = await loadOrders(db, fresh);
    for (const id of fresh) this.orders.set(id, found.get(id) ?? null);
  }

  /** Records orders the writer found absent (no read needed): their before-state is "none". */
  newOrder(id: string): void {
    if (!this.orders.has(id)) this.orders.set(id, null);
  }

  /** Records a payment the writer found absent: its before-state is "none". */
  newPayment(id: string): void {
    if (!this.payments.has(id)) this.payments.set(id, null);
  }

  /** Records the payments as they are, unless already recorded in this batch. Call before changing them. */
  async beforePayments(db: Db, ids: readonly string[]): Promise<void> {
    const fresh = [...new Set(ids)].filter((id) => !this.payments.has(id));
    if (fresh.length === 0) return;
    const found = await loadPayments(db, fresh);
    for (const id of fresh) this.payments.set(id, found.get(id) ?? null);
  }

  /** A customer whose stats row must exist and follow its currency (created or updated by the batch). */
  customer(id: string): void {
    this.customers.add(id);
  }

  /**
   * Applies `after − before` of everything recorded, in the caller's transaction, then forgets it.
   * Bumps `meta.stats_version` when a `customer_stats` row changed (population-wide values such as
   * RFM breakpoints are derived from it).
   */
  async apply(db: Db): Promise<AppliedDelta> {
    const changes = new Map<string, CustomerChange>();
    const sales = new Map<string, ProductSale>();
    // after-states a slice at a time: memory stays bounded by the deltas, not by the rows (an import)
    for (const ids of chunks([...this.orders.keys()])) {
      const afterOrders = await loadOrders(db, ids);
      for (const id of ids) {
        const before = this.orders.get(id) ?? null;
        const after = afterOrders.get(id) ?? null;
        addOrderSales(sales, before, -1);
        addOrderSales(sales, after, 1);
        addOrder(changes, before, -1);
        addOrder(changes, after, 1);
      }
    }
    for (const ids of chunks([...this.payments.keys()])) {
      const afterPayments = await loadPayments(db, ids);
      for (const id of ids) {
        addPayment(changes, this.payments.get(id) ?? null, -1);
        addPayment(changes, afterPayments.get(id) ?? null, 1);
      }
    }
    for (const id of this.customers) changeOf(changes, id);
    this.orders.clear();
    this.payments.clear();
    this.customers.clear();

    const customers = await writeCustomerStats(db, changes);
    const products = await writeProductSales(db, sales);
    if (customers > 0) {
      await sql`
        insert into meta (key, value) values ('stats_version', '1')
        on conflict (key) do update set value = cast(cast(meta.value as integer) + 1 as text)
      `.execute(db);
    }
    return { customers, products };
  }
}

function changeOf(changes: Map<string, CustomerChange>, customerId: string): CustomerChange {
  let c = changes.get(customerId);
  if (!c) {
    c = {
      orders: 0,
      completed: 0,
      spent: 0,
      refunded: 0,
      times: { first_order_at: new Map(), first_completed_at: new Map(), last_completed_at: new Map() },
    };
    changes.set(customerId, c);
  }
  return c;
}

function addTime(c: CustomerChange, kind: TimeKind, at: string, sign: 1 | -1): void {
  const net = (c.times[kind].get(at) ?? 0) + sign;
  if (net === 0) c.times[kind].delete(at);
  else c.times[kind].set(at, net);
}

function addOrder(changes: Map<string, CustomerChange>, order: OrderState | null, sign: 1 | -1): void {
  if (!order) return;
  const c = changeOf(changes, order.customerId);
  c.orders += sign;
  addTime(c, 'first_order_at', order.placedAt, sign);
  if (!isCompleted(order.status)) return;
  c.completed += sign;
  c.spent += sign * order.totalMinor;
  addTime(c, 'first_completed_at', order.placedAt, sign);
  addTime(c, 'last_completed_at', order.placedAt, sign);
}

function addPayment(changes: Map<string, CustomerChange>, payment: PaymentState | null, sign: 1 | -1): void {
  if (!payment) return;
  const c = changeOf(changes, payment.customerId);
  if (payment.kind === 'refund' && payment.status === 'succeeded') c.refunded += sign * payment.amountMinor;
}

interface StatsRow {
  customer_id: string;
  currency: string;
  total_orders: number;
  completed_orders: number;
  total_spent_minor: number;
  total_refunded_minor: number;
  first_order_at: string | null;
  first_completed_at: string | null;
  last_completed_at: string | null;
}

/** The new extreme after adding and removing values; undefined when a removed value was the extreme (re-read it). */
function moveExtreme(current: string | null, change: Map<string, number>, kind: TimeKind): string | null | undefined {
  const latest = kind === 'last_completed_at';
  let value = current;
  for (const [at, net] of change) {
    if (net < 0) {
      if (at === current) return undefined;
      continue;
    }
    if (value === null || (latest ? at > value : at < value)) value = at;
  }
  return value;
}

async function writeCustomerStats(db: Db, changes: Map<string, CustomerChange>): Promise<number> {
  let written = 0;
  for (const ids of chunks([...changes.keys()])) {
    const current = await db
      .selectFrom('customers as c')
      .leftJoin('customer_stats as s', 's.customer_id', 'c.id')
      .select([
        'c.id',
        'c.currency',
        's.customer_id',
        's.currency as stats_currency',
        's.total_orders',
        's.completed_orders',
        's.total_spent_minor',
        's.total_refunded_minor',
        's.first_order_at',
        's.first_completed_at',
        's.last_completed_at',
      ])
      .where('c.id', 'in', ids)
      .execute();
    const rows: StatsRow[] = [];
    const reread: StatsRow[] = [];
    for (const cur of current) {
      const c = changes.get(cur.id)!;
      const row: StatsRow = {
        customer_id: cur.id,
        currency: cur.currency,
        total_orders: Number(cur.total_orders ?? 0) + c.orders,
        completed_orders: Number(cur.completed_orders ?? 0) + c.completed,
        total_spent_minor: Number(cur.total_spent_minor ?? 0) + c.spent,
        total_refunded_minor: Number(cur.total_refunded_minor ?? 0) + c.refunded,
        first_order_at: null,
        first_completed_at: null,
        last_completed_at: null,
      };
      let exact = true;
      for (const kind of TIME_KINDS) {
        const moved = moveExtreme(cur[kind] ?? null, c.times[kind], kind);
        if (moved === undefined) exact = false;
        else row[kind] = moved;
      }
      if (!exact) reread.push(row);
      const same =
        cur.customer_id !== null &&
        cur.stats_currency === row.currency &&
        TIME_KINDS.every((k) => cur[k] === row[k]) &&
        Number(cur.total_orders) === row.total_orders &&
        Number(cur.completed_orders) === row.completed_orders &&
        Number(cur.total_spent_minor) === row.total_spent_minor &&
        Number(cur.total_refunded_minor) === row.total_refunded_minor;
      if (exact && same) continue;
      rows.push(row);
    }
    await rereadTimes(db, reread);
    if (rows.length === 0) continue;
    await db
      .insertInto('customer_stats')
      .values(rows)
      .onConflict((oc) =>
        oc.column('customer_id').doUpdateSet((eb) => ({
          currency: eb.ref('excluded.currency'),
          total_orders: eb.ref('excluded.total_orders'),
          completed_orders: eb.ref('excluded.completed_orders'),
          total_spent_minor: eb.ref('excluded.total_spent_minor'),
          total_refunded_minor: eb.ref('excluded.total_refunded_minor'),
          first_order_at: eb.ref('excluded.first_order_at'),
          first_completed_at: eb.ref('excluded.first_completed_at'),
          last_completed_at: eb.ref('excluded.last_completed_at'),
        })),
      )
      .execute();
    written += rows.length;
  }
  return written;
}

/** Re-reads the three timestamps of `rows` from their customers' orders (one index range per customer). */
async function rereadTimes(db: Db, rows: StatsRow[]): Promise<void> {
  if (rows.length === 0) return;
  const found = await db
    .selectFrom('orders as o')
    .select([
      'o.customer_id',
      sql<string | null>`min(o.placed_at)`.as('first_order_at'),
      sql<string | null>`min(case when o.status in ${COMPLETED_SQL} then o.placed_at end)`.as('first_completed_at'),
      sql<string | null>`max(case when o.status in ${COMPLETED_SQL} then o.placed_at end)`.as('last_completed_at'),
    ])
    .where(
      'o.customer_id',
      'in',
      rows.map((r) => r.customer_id),
    )
    .groupBy('o.customer_id')
    .execute();
  const byId = new Map(found.map((f) => [f.customer_id, f]));
  for (const row of rows) {
    const f = byId.get(row.customer_id);
    for (const kind of TIME_KINDS) row[kind] = f?.[kind] ?? null;
  }
}

/**
 * Adds each product's net sales change with one `UPDATE … FROM (VALUES …)` per slice of products
 * (portable: both engines name the VALUES columns column1…column4; the casts type the parameters).
 */
async function writeProductSales(db: Db, sales: Map<string, ProductSale>): Promise<number> {
  const moved = [...sales].filter(([, s]) => s.lines !== 0 || s.units !== 0 || s.revenueMinor !== 0);
  for (let i = 0; i < moved.length; i += SALES_SLICE) {
    const values = moved
      .slice(i, i + SALES_SLICE)
      .map(([id, s]) => sql`(${id}, cast(${s.lines} as bigint), cast(${s.units} as bigint), cast(${s.revenueMinor} as bigint))`);
    await sql`
      update products set
        lines_sold = products.lines_sold + v.column2,
        units_sold = products.units_sold + v.column3,
        revenue_minor = products.revenue_minor + v.column4
      from (values ${sql.join(values)}) as v
      where products.id = v.column1
    `.execute(db);
  }
  return moved.length;
}
