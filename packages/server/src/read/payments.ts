/**
 * GET /customers/:id/payments (R9): saved methods (last 4 digits only, expiry checked at as-of),
 * every charge and refund newest first with the method used, failed payments and refunds flagged,
 * and the totals: succeeded charges, succeeded refunds (= metrics.totalRefunded) and failures.
 *
 * Masking (R19.2, SPEC §8): unless the caller has `payments:full`, every `last4` (of saved methods
 * and of the transactions' method summaries), `expMonth` and `expYear` is null and `masked` is
 * true. Type, brand, default and the `expired` flag stay: an agent can still say "your Visa has
 * expired". Masking happens here, before the response exists, so no code path can leak the digits.
 * @module
 */
import type { PaymentKind, PaymentMethodType, PaymentStatus, PaymentsOverview } from '@c360/sdk';
import { customerNotFound } from '../core/problem.js';
import { minorToMajor } from '../scoring/money.js';
import type { ReadContext } from '../core/read-context.js';

/**
 * Removes card details from a timeline text written at ingestion ("Visa •••• 4242 · expires
 * 04/2027 · default" → "Visa •••• · default"), for callers without `payments:full`.
 */
export function maskCardDetails(text: string | null): string | null {
  if (text === null) return null;
  return text
    .replace(/•••• \d{4}/g, '••••')
    .replace(/(?: · )?expires \d{2}\/\d{4}/g, '')
    .replace(/^ · /, '') || null;
}

/** True when `asOf` is past the last day of the expiry month (cards are valid through that month, UTC). */
export function isExpired(expMonth: number | null, expYear: number | null, asOf: Date): boolean {
  if (expMonth === null || expYear === null) return false;
  return asOf.getTime() >= Date.UTC(expYear, expMonth, 1); // month index expMonth = the month after, 0-based
}

export interface PaymentsOptions {
  /** The caller has `payments:full`: show last 4 digits and expiry. Default false (masked). */
  unmasked?: boolean;
}

export async function loadPayments(ctx: ReadContext, customerId: string, options: PaymentsOptions = {}): Promise<PaymentsOverview> {
  const full = options.unmasked === true;
  const { db, asOf } = ctx;
  const [customer, methods, payments] = await Promise.all([
    db.selectFrom('customers').select('currency').where('id', '=', customerId).executeTakeFirst(),
    db.selectFrom('payment_methods').selectAll().where('customer_id', '=', customerId)
      .orderBy('is_default', 'desc').orderBy('created_at', 'desc').orderBy('id').execute(),
    db.selectFrom('payments as p')
      .leftJoin('payment_methods as pm', 'pm.id', 'p.method_id')
      .select([
        'p.id', 'p.kind', 'p.status', 'p.amount_minor', 'p.currency', 'p.method_id', 'p.order_id', 'p.reference', 'p.occurred_at',
        'pm.type as method_type', 'pm.brand as method_brand', 'pm.last4 as method_last4',
      ])
      .where('p.customer_id', '=', customerId)
      .orderBy('p.occurred_at', 'desc').orderBy('p.id', 'desc')
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
      last4: full ? m.last4 : null,
      expMonth: full && m.exp_month !== null ? Number(m.exp_month) : null,
      expYear: full && m.exp_year !== null ? Number(m.exp_year) : null,
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
      method: p.method_type ? { type: p.method_type as PaymentMethodType, brand: p.method_brand, last4: full ? p.method_last4 : null } : null,
      orderId: p.order_id,
      reference: p.reference,
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
