/**
 * GET /customers/:id/payments (R9): saved methods (last 4 digits only, expiry checked at as-of),
 * every charge and refund newest first with the method used, failed payments and refunds flagged,
 * and the totals: succeeded charges, succeeded refunds (= metrics.totalRefunded) and failures.
 *
 * Masking (R9.2, R19.2, SPEC §8): every role that reads the customer sees each method's type,
 * brand, last 4 digits and expiry (what PCI DSS allows to display, and what an agent needs to
 * verify a caller's card). The full billing details — each transaction's processor reference
 * (`ch_…`, the handle into the payment provider) — need `payments:full`: without it `reference` is
 * null and `masked` is true. Masking happens here, before the response exists, so no code path can
 * leak a reference.
 * @module
 */
import type { PaymentKind, PaymentMethodType, PaymentStatus, PaymentsOverview } from '@c360/sdk';
import { customerNotFound } from '../core/problem.js';
import { minorToMajor } from '../scoring/money.js';
import type { ReadContext } from '../core/read-context.js';

/**
 * Removes the processor reference from a payment's timeline text written at ingestion
 * ("Order 536791 · Visa •••• 4242 · ref ch_123" → "Order 536791 · Visa •••• 4242"), for callers
 * without `payments:full`. Null in, null out; a text that was only the reference becomes null.
 */
export function maskBillingDetails(text: string | null): string | null {
  if (text === null) return null;
  return (
    text
      .split(' · ')
      .filter((part) => !/^ref \S/.test(part))
      .join(' · ') || null
  );
}

/** True when `asOf` is past the last day of the expiry month (cards are valid through that month, UTC). */
export function isExpired(expMonth: number | null, expYear: number | null, asOf: Date): boolean {
  if (expMonth === null || expYear === null) return false;
  return asOf.getTime() >= Date.UTC(expYear, expMonth, 1); // month index expMonth = the month after, 0-based
}

export interface PaymentsOptions {
  /** The caller has `payments:full`: show the transactions' processor references. Default false (masked). */
  unmasked?: boolean;
}

/**
 * The payments overview of `customerId` at the context's as-of: methods default first then newest,
 * transactions newest first, amounts in major units of `currency`. Throws the 404 problem when
 * the customer does not exist.
 */
export async function loadPayments(ctx: ReadContext, customerId: string, options: PaymentsOptions = {}): Promise<PaymentsOverview> {
  const full = options.unmasked === true;
  const { db, asOf } = ctx;
  const [customer, methods, payments] = await Promise.all([
    db.selectFrom('customers').select('currency').where('id', '=', customerId).executeTakeFirst(),
    db
      .selectFrom('payment_methods')
      .selectAll()
      .where('customer_id', '=', customerId)
      .orderBy('is_default', 'desc')
      .orderBy('created_at', 'desc')
      .orderBy('id')
      .execute(),
    db
      .selectFrom('payments as p')
      .leftJoin('payment_methods as pm', 'pm.id', 'p.method_id')
      .select([
        'p.id',
        'p.kind',
        'p.status',
        'p.amount_minor',
        'p.currency',
        'p.method_id',
        'p.order_id',
        'p.reference',
        'p.occurred_at',
        'pm.type as method_type',
        'pm.brand as method_brand',
        'pm.last4 as method_last4',
      ])
      .where('p.customer_id', '=', customerId)
      .orderBy('p.occurred_at', 'desc')
      .orderBy('p.id', 'desc')
      .execute(),
  ]);
  if (!customer) throw customerNotFound(customerId);

  let succeededMinor = 0;
  let refundedMinor = 0;
  let failedCount = 0;
  for (const p of payments) {
    if (p.status === 'failed') failedCount += 1;
    else if (p.status === 'succeeded' && p.kind === 'charge') succeededMinor += Number(p.amount_minor);
    else if (p.status === 'succeeded' && p.kind === 'refund') refundedMinor += Number(p.amount_minor);
  }
  const currency = customer.currency;
  return {
    asOf: asOf.toISOString(),
    currency,
    masked: !full,
    methods: methods.map((m) => ({
      id: m.id,
      type: m.type as PaymentMethodType,
      brand: m.brand,
      last4: m.last4,
      expMonth: m.exp_month !== null ? Number(m.exp_month) : null,
      expYear: m.exp_year !== null ? Number(m.exp_year) : null,
      default: m.is_default === 1,
      expired: isExpired(m.exp_month === null ? null : Number(m.exp_month), m.exp_year === null ? null : Number(m.exp_year), asOf),
    })),
    transactions: payments.map((p) => ({
      id: p.id,
      kind: p.kind as PaymentKind,
      status: p.status as PaymentStatus,
      amount: minorToMajor(Number(p.amount_minor), p.currency),
      currency: p.currency,
      methodId: p.method_id,
      method: p.method_type ? { type: p.method_type as PaymentMethodType, brand: p.method_brand, last4: p.method_last4 } : null,
      orderId: p.order_id,
      reference: full ? p.reference : null,
      occurredAt: p.occurred_at,
      flagged: p.status === 'failed' || p.kind === 'refund',
    })),
    totals: {
      succeeded: minorToMajor(succeededMinor, currency),
      refunded: minorToMajor(refundedMinor, currency),
      failedCount,
    },
  };
}
