/**
 * `payment.recorded` (charges and refunds) and `payment_method.saved`. A payment is keyed by its
 * `paymentId`: recording it again updates it (pending → succeeded) and its timeline entry
 * `payment:<paymentId>`. Succeeded refunds feed totalRefunded (by the batch's delta), never
 * lifetimeValue. Payment methods hold only type, brand, last 4 digits and expiry.
 * @module
 */
import type { PaymentMethodSavedEvent, PaymentRecordedEvent } from '@c360/sdk';
import type { Db } from '../db/connect.js';
import type { BatchRows } from './batch-rows.js';
import type { StatsDelta } from '../aggregate/stats-delta.js';
import {
  clip,
  eventActivityId,
  parts,
  requireCustomerCurrency,
  requireOwner,
  toMinor,
  utc,
  type Applied,
  type CustomerRef,
} from './shared.js';

const TITLES = {
  charge: { succeeded: 'Payment received', failed: 'Payment failed', pending: 'Payment pending' },
  refund: { succeeded: 'Refund issued', failed: 'Refund failed', pending: 'Refund pending' },
} as const;

export async function applyPaymentRecorded(
  db: Db,
  event: PaymentRecordedEvent,
  customer: CustomerRef,
  stats: StatsDelta,
  rows: BatchRows,
): Promise<Applied> {
  const d = event.data;
  requireCustomerCurrency(customer, d.currency);
  const existing = await db.selectFrom('payments').select('customer_id').where('id', '=', d.paymentId).executeTakeFirst();
  requireOwner(existing, customer, 'data.paymentId', 'payment', d.paymentId);
  // The order and method may arrive later (sources deliver out of order); if known, they must be this customer's.
  const order = d.orderId
    ? (rows.pendingOrder(d.orderId) ??
      (await db.selectFrom('orders').select(['customer_id', 'number']).where('id', '=', d.orderId).executeTakeFirst()))
    : undefined;
  requireOwner(order, customer, 'data.orderId', 'order', d.orderId ?? '');
  const method = d.methodId
    ? await db
        .selectFrom('payment_methods')
        .select(['customer_id', 'type', 'brand', 'last4'])
        .where('id', '=', d.methodId)
        .executeTakeFirst()
    : undefined;
  requireOwner(method, customer, 'data.methodId', 'payment method', d.methodId ?? '');

  const amount = toMinor(d.amount, d.currency);
  const occurredAt = utc(event.occurredAt);
  const row = {
    customer_id: customer.id,
    order_id: d.orderId ?? null,
    kind: d.kind,
    status: d.status,
    amount_minor: amount,
    currency: d.currency,
    method_id: d.methodId ?? null,
    reference: d.reference ?? null,
    occurred_at: occurredAt,
  };
  if (existing) await stats.beforePayments(db, [d.paymentId]);
  else stats.newPayment(d.paymentId);
  await db
    .insertInto('payments')
    .values({ id: d.paymentId, ...row })
    .onConflict((oc) => oc.column('id').doUpdateSet(row))
    .execute();

  rows.activity(customer.id, {
    id: `payment:${d.paymentId}`,
    type: d.kind === 'refund' ? 'refund' : 'payment',
    title: TITLES[d.kind][d.status],
    description: parts(
      d.orderId && `Order ${order?.number ?? d.orderId}`,
      method && methodLabel(method),
      clip(d.reason),
      d.reference && `ref ${d.reference}`,
    ),
    occurredAt,
    amountMinor: amount,
    currency: d.currency,
    ref: { kind: 'payment', id: d.paymentId },
  });
  return { customerId: customer.id };
}

export async function applyPaymentMethodSaved(
  db: Db,
  event: PaymentMethodSavedEvent,
  customer: CustomerRef,
  rows: BatchRows,
): Promise<Applied> {
  const d = event.data;
  const existing = await db.selectFrom('payment_methods').select('customer_id').where('id', '=', d.methodId).executeTakeFirst();
  requireOwner(existing, customer, 'data.methodId', 'payment method', d.methodId);
  if (d.default) {
    await db
      .updateTable('payment_methods')
      .set({ is_default: 0 })
      .where('customer_id', '=', customer.id)
      .where('id', '!=', d.methodId)
      .where('is_default', '=', 1)
      .execute();
  }
  const occurredAt = utc(event.occurredAt);
  const row = {
    customer_id: customer.id,
    type: d.type,
    brand: d.brand ?? null,
    last4: d.last4 ?? null,
    exp_month: d.expMonth ?? null,
    exp_year: d.expYear ?? null,
    is_default: d.default ? 1 : 0,
  };
  await db
    .insertInto('payment_methods')
    .values({ id: d.methodId, ...row, created_at: occurredAt })
    .onConflict((oc) => oc.column('id').doUpdateSet(row))
    .execute();

  rows.activity(customer.id, {
    id: eventActivityId(event.id),
    type: 'payment',
    title: existing ? 'Payment method updated' : 'Payment method added',
    description: parts(
      methodLabel(row),
      d.expMonth !== undefined && d.expYear !== undefined && `expires ${String(d.expMonth).padStart(2, '0')}/${d.expYear}`,
      d.default && 'default',
    ),
    occurredAt,
    ref: { kind: 'payment_method', id: d.methodId },
  });
  return { customerId: customer.id };
}

const TYPE_NAMES: Record<string, string> = {
  card: 'Card',
  paypal: 'PayPal',
  bank_account: 'Bank account',
  apple_pay: 'Apple Pay',
  google_pay: 'Google Pay',
  other: 'Payment method',
};

/** `Visa •••• 4242`, `PayPal`, `Bank account •••• 0018`: never more than the last 4 digits. */
function methodLabel(m: { type: string; brand: string | null; last4: string | null }): string {
  const brand = m.brand ? m.brand.charAt(0).toUpperCase() + m.brand.slice(1) : null;
  const name = m.type === 'card' ? (brand ?? 'Card') : (TYPE_NAMES[m.type] ?? m.type);
  return m.last4 ? `${name} •••• ${m.last4}` : name;
}
