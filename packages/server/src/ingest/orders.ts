/**
 * `order.placed` and `order.status_changed`. An order is keyed by its `orderId` (also the id of
 * an Online Retail order, so a status change can reach imported orders too); placing an order again
 * replaces it and its lines. Its one timeline entry `order:<orderId>` follows it; each status change
 * adds its own entry. Before an order changes, its old state is recorded in the batch's
 * {@link StatsDelta}, which applies the difference to customer and product statistics once per batch
 * (`applyEventsIn`).
 * @module
 */
import type { OrderPlacedEvent, OrderStatusChangedEvent } from '@c360/sdk';
import type { Db } from '../db/connect.js';
import type { BatchRows } from './batch-rows.js';
import type { RecordOwners } from './batch-lookups.js';
import type { StatsDelta } from '../aggregate/stats-delta.js';
import { isCompleted } from '../aggregate/stats-state.js';
import { orderTotalMinor } from '../scoring/money.js';
import { EventConflict } from './conflict.js';
import {
  clip,
  eventActivityId,
  parts,
  plural,
  requireCustomerCurrency,
  requireOwner,
  toMicros,
  toMinor,
  utc,
  type Applied,
  type CustomerRef,
} from './shared.js';

/** `orders.source` of orders that came through ingestion. */
export const EVENTS_SOURCE = 'events';

export async function applyOrderPlaced(
  db: Db,
  event: OrderPlacedEvent,
  customer: CustomerRef,
  stats: StatsDelta,
  rows: BatchRows,
  owners: RecordOwners,
): Promise<Applied> {
  const d = event.data;
  requireCustomerCurrency(customer, d.currency);
  const existing = await owners.of(db, d.orderId);
  requireOwner(existing, customer, 'data.orderId', 'order', d.orderId);

  const lines = d.lines.map((line) => ({ ...line, unitPriceMicros: toMicros(line.unitPrice) }));
  const subtotal = orderTotalMinor(lines, d.currency);
  const shipping = toMinor(d.shipping ?? 0, d.currency);
  const quantity = lines.reduce((sum, line) => sum + line.quantity, 0);
  const placedAt = utc(event.occurredAt);
  const number = d.number ?? d.orderId;

  rows.catalog.add(
    lines.map((l) => ({ productId: l.productId, name: l.description, categoryId: l.categoryId, categoryName: l.categoryName })),
    d.currency,
  );
  const header = {
    customer_id: customer.id,
    number,
    status: d.status,
    placed_at: placedAt,
    currency: d.currency,
    subtotal_minor: subtotal,
    shipping_minor: shipping,
    total_minor: subtotal + shipping,
    items_count: lines.length,
    quantity,
    source: EVENTS_SOURCE,
  };
  if (existing) await stats.beforeOrders(db, [d.orderId]);
  else stats.newOrder(d.orderId);
  rows.order({ id: d.orderId, ...header });
  owners.set(d.orderId, customer.id);

  // lines stored before (an order placed again) go now; the new ones are written with the batch's rows
  if (existing) await db.deleteFrom('order_items').where('order_id', '=', d.orderId).execute();
  rows.orderLines(
    d.orderId,
    lines.map((l, i) => ({
      id: `${d.orderId}:${i + 1}`,
      order_id: d.orderId,
      line_no: i + 1,
      product_id: l.productId,
      description: l.description ?? null,
      quantity: l.quantity,
      unit_price_micros: l.unitPriceMicros,
    })),
  );

  rows.activity(customer.id, {
    id: `order:${d.orderId}`,
    type: 'order',
    title: `Order ${number}`,
    description: parts(plural(lines.length, 'line'), plural(quantity, 'item'), shipping > 0 && 'incl. shipping'),
    occurredAt: placedAt,
    amountMinor: subtotal + shipping,
    currency: d.currency,
    ref: { kind: 'order', id: d.orderId },
  });
  return { customerId: customer.id };
}

export async function applyOrderStatusChanged(
  db: Db,
  event: OrderStatusChangedEvent,
  customer: CustomerRef,
  stats: StatsDelta,
  rows: BatchRows,
): Promise<Applied> {
  const d = event.data;
  const pending = rows.pendingOrder(d.orderId); // placed earlier in the batch
  const order =
    pending ??
    (await db
      .selectFrom('orders')
      .select(['customer_id', 'number', 'status', 'total_minor', 'currency'])
      .where('id', '=', d.orderId)
      .executeTakeFirst());
  if (!order) throw new EventConflict('data.orderId', `unknown order "${d.orderId}"; send its order.placed first`);
  requireOwner(order, customer, 'data.orderId', 'order', d.orderId);

  const previous = order.status;
  if (isCompleted(previous) !== isCompleted(d.status)) await stats.beforeOrders(db, [d.orderId]);
  if (pending) pending.status = d.status;
  else await db.updateTable('orders').set({ status: d.status }).where('id', '=', d.orderId).execute();

  rows.activity(customer.id, {
    id: eventActivityId(event.id),
    type: 'order',
    title: `Order ${order.number} ${d.status.replace(/_/g, ' ')}`,
    description: parts(previous !== d.status && `Status ${previous} → ${d.status}`, clip(d.reason)),
    occurredAt: utc(event.occurredAt),
    amountMinor: Number(order.total_minor),
    currency: order.currency,
    ref: { kind: 'order', id: d.orderId },
  });
  return { customerId: customer.id };
}
