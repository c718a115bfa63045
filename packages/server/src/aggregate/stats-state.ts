/**
 * What a row of `orders` or `payments` contributes to the aggregates (`customer_stats`, product
 * sales statistics), and loading those rows in sets. {@link StatsDelta} subtracts the contribution
 * of a row as it was before a batch and adds the one it has after.
 * @module
 */
import { COMPLETED_ORDER_STATUSES } from '@c360/sdk';
import type { Db } from '../db/connect.js';
import { microsToMinor } from '../scoring/money.js';

/** Ids per `in (…)` list. */
export const CHUNK = 500;

/** One order line as the product statistics see it. */
export interface LineState {
  productId: string | null;
  quantity: number;
  unitPriceMicros: number;
}

/** An order header and its lines. */
export interface OrderState {
  customerId: string;
  status: string;
  totalMinor: number;
  /** ISO 8601 UTC. */
  placedAt: string;
  currency: string;
  lines: LineState[];
}

/** A payment (only succeeded refunds count, in `total_refunded_minor`). */
export interface PaymentState {
  customerId: string;
  kind: string;
  status: string;
  amountMinor: number;
}

/** Whether an order status counts as revenue (SPEC §4: `delivered`, `completed`). */
export const isCompleted = (status: string): boolean => (COMPLETED_ORDER_STATUSES as readonly string[]).includes(status);

/** Sales of one product: lines, units and revenue in minor units (each line rounded in its order's currency). */
export interface ProductSale {
  lines: number;
  units: number;
  revenueMinor: number;
}

/**
 * Adds `sign` × the sales an order contributes (its lines when it is completed, nothing otherwise)
 * to `into` (product id → sale). Revenue of a line = quantity × unit price rounded half away from
 * zero to the order currency's minor unit.
 */
export function addOrderSales(into: Map<string, ProductSale>, order: OrderState | null, sign: 1 | -1): void {
  if (!order || !isCompleted(order.status)) return;
  for (const line of order.lines) {
    if (line.productId === null) continue;
    let sale = into.get(line.productId);
    if (!sale) {
      sale = { lines: 0, units: 0, revenueMinor: 0 };
      into.set(line.productId, sale);
    }
    sale.lines += sign;
    sale.units += sign * line.quantity;
    sale.revenueMinor += sign * microsToMinor(line.quantity * line.unitPriceMicros, order.currency);
  }
}

/** `items` in consecutive slices of at most {@link CHUNK}. */
export function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}

/** The orders (with lines) of `ids` as they are now; absent ids are missing from the map. */
export async function loadOrders(db: Db, ids: readonly string[]): Promise<Map<string, OrderState>> {
  const out = new Map<string, OrderState>();
  for (const group of chunks(ids)) {
    const headers = await db
      .selectFrom('orders')
      .select(['id', 'customer_id', 'status', 'total_minor', 'placed_at', 'currency'])
      .where('id', 'in', group)
      .execute();
    if (headers.length === 0) continue;
    for (const h of headers) {
      out.set(h.id, {
        customerId: h.customer_id,
        status: h.status,
        totalMinor: Number(h.total_minor),
        placedAt: h.placed_at,
        currency: h.currency,
        lines: [],
      });
    }
    const lines = await db
      .selectFrom('order_items')
      .select(['order_id', 'product_id', 'quantity', 'unit_price_micros'])
      .where(
        'order_id',
        'in',
        headers.map((h) => h.id),
      )
      .execute();
    for (const l of lines) {
      out
        .get(l.order_id)
        ?.lines.push({ productId: l.product_id, quantity: Number(l.quantity), unitPriceMicros: Number(l.unit_price_micros) });
    }
  }
  return out;
}

/** The payments of `ids` as they are now; absent ids are missing from the map. */
export async function loadPayments(db: Db, ids: readonly string[]): Promise<Map<string, PaymentState>> {
  const out = new Map<string, PaymentState>();
  for (const group of chunks(ids)) {
    const rows = await db
      .selectFrom('payments')
      .select(['id', 'customer_id', 'kind', 'status', 'amount_minor'])
      .where('id', 'in', group)
      .execute();
    for (const r of rows) out.set(r.id, { customerId: r.customer_id, kind: r.kind, status: r.status, amountMinor: Number(r.amount_minor) });
  }
  return out;
}
