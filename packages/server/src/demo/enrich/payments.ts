/**
 * Demo payments: saved methods (cards with brand, last 4 digits and expiry — some expired and
 * replaced —, PayPal, bank accounts; one default) and one succeeded `payment.recorded` charge per
 * real completed order (amount = the order's total, in the customer's currency), a few after a
 * failed attempt. Refunds come from the import (cancellation invoices) and are not repeated here.
 * @module
 */
import type { PaymentMethodType } from '@c360/sdk';
import { major, type DemoContext, type DemoCustomer, type EventLog } from './facts.js';
import { MINUTE, rngFor, type Rng } from './random.js';

interface Method {
  id: string;
  type: PaymentMethodType;
  /** End of the expiry month (epoch ms), or Infinity. */
  validUntil: number;
}

const DECLINES = [
  'Card declined by the issuer',
  'Insufficient funds',
  '3-D Secure authentication failed',
  'Issuer unavailable, try again later',
];

export function paymentEvents(log: EventLog, customer: DemoCustomer, _ctx: DemoContext): void {
  const rng = rngFor(customer.id, 'payments');
  const c = { customerId: customer.id };
  let count = 0;
  let current: Method | null = null;

  const save = (at: number, makeDefault: boolean, type?: PaymentMethodType): Method => {
    const id = `demo-${customer.id}-M${++count}`;
    const kind: PaymentMethodType = type ?? rng.weighted({ card: 80, paypal: 12, bank_account: 8 });
    const method: Method = { id, type: kind, validUntil: Infinity };
    if (kind === 'card') {
      const expiry = new Date(at);
      expiry.setUTCMonth(expiry.getUTCMonth() + rng.int(6, 48));
      const expMonth = expiry.getUTCMonth() + 1;
      const expYear = expiry.getUTCFullYear();
      method.validUntil = Date.UTC(expYear, expMonth, 1) - 1;
      log.add('payment-method', 'payment_method.saved', at, {
        ...c,
        methodId: id,
        type: 'card',
        brand: rng.weighted({ visa: 45, mastercard: 38, amex: 10, maestro: 7 }),
        last4: last4(rng),
        expMonth,
        expYear,
        default: makeDefault,
      });
    } else {
      log.add('payment-method', 'payment_method.saved', at, {
        ...c,
        methodId: id,
        type: kind,
        ...(kind === 'bank_account' ? { last4: last4(rng) } : {}),
        default: makeDefault,
      });
    }
    if (makeDefault) current = method;
    return method;
  };

  const orders = customer.orders.filter((o) => o.totalMinor > 0);
  save(customer.registeredAt, true);
  // Methods added later, at the checkout of a later order.
  const extra = Number(rng.weighted({ 0: 55, 1: 35, 2: 10 }));
  const addAt = new Set(Array.from({ length: Math.min(extra, orders.length - 1) }, () => rng.int(1, orders.length - 1)));

  orders.forEach((order, i) => {
    if (addAt.has(i)) save(order.at - 3 * MINUTE, rng.chance(0.5));
    let method = current!;
    // Charged just after the order is placed (never past as-of, which is the last order's time).
    const chargeAt = Math.min(order.at + rng.int(30, 180) * 1000, log.end);
    const amount = major(order.totalMinor, customer.currency);
    const charge = { ...c, kind: 'charge' as const, amount, currency: customer.currency, orderId: order.id };
    if (method.validUntil < order.at) {
      // The default card has expired: the attempt fails and a new card is added as the default.
      log.add('payment', 'payment.recorded', order.at - 4 * MINUTE, {
        ...charge,
        paymentId: `demo-charge-${order.id}-declined`,
        status: 'failed',
        methodId: method.id,
        reason: 'Card expired',
        reference: reference(rng),
      });
      method = save(order.at - 2 * MINUTE, true, 'card');
    } else if (rng.chance(0.05)) {
      log.add('payment', 'payment.recorded', order.at - rng.int(1, 3) * MINUTE, {
        ...charge,
        paymentId: `demo-charge-${order.id}-declined`,
        status: 'failed',
        methodId: method.id,
        reason: rng.pick(DECLINES),
        reference: reference(rng),
      });
    }
    log.add('payment', 'payment.recorded', chargeAt, {
      ...charge,
      paymentId: `demo-charge-${order.id}`,
      status: 'succeeded',
      methodId: method.id,
      reference: reference(rng),
    });
  });
}

const last4 = (rng: Rng): string => String(rng.int(0, 9999)).padStart(4, '0');

/** A processor reference; letters break any digit run, so it never looks like a card number. */
const reference = (rng: Rng): string => `ch_${rng.faker.string.alpha(4)}${rng.faker.string.alphanumeric(10)}`;
