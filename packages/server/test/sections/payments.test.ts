/**
 * GET /customers/:id/payments (R9) over the real app: saved methods with their expiry at as-of,
 * transactions newest first with failed ones and refunds flagged, and the totals.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PaymentsOverview } from '@c360/sdk';
import { isExpired } from '../../src/read/payments.js';
import { expectProblem, openSections, type SectionsFixture } from './helpers.js';

let f: SectionsFixture;
beforeAll(async () => {
  f = await openSections('sec-pay');
});
afterAll(() => f.sample.close());

describe('GET /customers/:id/payments', () => {
  it('lists methods, transactions and totals', async () => {
    const c = { customerId: 'SEC-PAY1' };
    const { ev } = f;
    await f.newCustomer(c.customerId);
    await f.apply(
      ev(
        'payment_method.saved',
        { ...c, methodId: 'SEC-M1', type: 'card', brand: 'visa', last4: '4242', expMonth: 11, expYear: 2011, default: true },
        '2011-01-01T10:00:00Z',
      ),
      ev(
        'payment_method.saved',
        { ...c, methodId: 'SEC-M2', type: 'card', brand: 'mastercard', last4: '5555', expMonth: 12, expYear: 2011 },
        '2011-02-01T10:00:00Z',
      ),
      ev('payment_method.saved', { ...c, methodId: 'SEC-M3', type: 'paypal', default: true }, '2011-01-15T10:00:00Z'),
      ev(
        'payment.recorded',
        { ...c, paymentId: 'SEC-P1', kind: 'charge', amount: 100, currency: 'GBP', methodId: 'SEC-M1', orderId: 'SEC-O1' },
        '2011-03-01T10:00:00Z',
      ),
      ev(
        'payment.recorded',
        {
          ...c,
          paymentId: 'SEC-P2',
          kind: 'charge',
          status: 'failed',
          amount: 45.5,
          currency: 'GBP',
          methodId: 'SEC-M2',
          reason: 'Declined',
        },
        '2011-04-01T10:00:00Z',
      ),
      ev(
        'payment.recorded',
        { ...c, paymentId: 'SEC-P3', kind: 'charge', amount: 45.5, currency: 'GBP', methodId: 'SEC-M2', reference: 'ch_3' },
        '2011-04-01T10:05:00Z',
      ),
      ev(
        'payment.recorded',
        { ...c, paymentId: 'SEC-P4', kind: 'refund', amount: 20.25, currency: 'GBP', orderId: 'SEC-O1' },
        '2011-05-01T10:00:00Z',
      ),
      ev(
        'payment.recorded',
        { ...c, paymentId: 'SEC-P5', kind: 'refund', status: 'failed', amount: 10, currency: 'GBP' },
        '2011-06-01T10:00:00Z',
      ),
      ev(
        'payment.recorded',
        { ...c, paymentId: 'SEC-P6', kind: 'charge', status: 'pending', amount: 12.34, currency: 'GBP', methodId: 'SEC-M3' },
        '2011-07-01T10:00:00Z',
      ),
    );
    const payments = await f.client.getPayments('SEC-PAY1');
    // As-of 2011-12-09: a card valid through 11/2011 has expired, one through 12/2011 has not.
    expect(payments.methods).toEqual([
      { id: 'SEC-M3', type: 'paypal', brand: null, last4: null, expMonth: null, expYear: null, default: true, expired: false },
      { id: 'SEC-M2', type: 'card', brand: 'mastercard', last4: '5555', expMonth: 12, expYear: 2011, default: false, expired: false },
      { id: 'SEC-M1', type: 'card', brand: 'visa', last4: '4242', expMonth: 11, expYear: 2011, default: false, expired: true },
    ]);
    const methods = {
      'SEC-M1': { type: 'card', brand: 'visa', last4: '4242' },
      'SEC-M2': { type: 'card', brand: 'mastercard', last4: '5555' },
      'SEC-M3': { type: 'paypal', brand: null, last4: null },
    } as const;
    const tx = (
      id: string,
      kind: string,
      status: string,
      amount: number,
      methodId: keyof typeof methods | null,
      orderId: string | null,
      reference: string | null,
      occurredAt: string,
      flagged: boolean,
    ) => ({
      id,
      kind,
      status,
      amount,
      currency: 'GBP',
      methodId,
      method: methodId ? methods[methodId] : null,
      orderId,
      reference,
      occurredAt,
      flagged,
    });
    expect(payments.transactions).toEqual([
      tx('SEC-P6', 'charge', 'pending', 12.34, 'SEC-M3', null, null, '2011-07-01T10:00:00.000Z', false),
      tx('SEC-P5', 'refund', 'failed', 10, null, null, null, '2011-06-01T10:00:00.000Z', true),
      tx('SEC-P4', 'refund', 'succeeded', 20.25, null, 'SEC-O1', null, '2011-05-01T10:00:00.000Z', true),
      tx('SEC-P3', 'charge', 'succeeded', 45.5, 'SEC-M2', null, 'ch_3', '2011-04-01T10:05:00.000Z', false),
      tx('SEC-P2', 'charge', 'failed', 45.5, 'SEC-M2', null, null, '2011-04-01T10:00:00.000Z', true),
      tx('SEC-P1', 'charge', 'succeeded', 100, 'SEC-M1', 'SEC-O1', null, '2011-03-01T10:00:00.000Z', false),
    ]);
    expect(payments.totals).toEqual({ succeeded: 145.5, refunded: 20.25, failedCount: 2 });
    expect(payments).toMatchObject({ asOf: '2011-12-09T12:21:00.000Z', currency: 'GBP' });
    expect(PaymentsOverview.parse(payments)).toEqual(payments);
    expect((await f.client.getCustomer360('SEC-PAY1')).metrics.totalRefunded).toBe(payments.totals.refunded);
  });

  it('a sample customer: refunds (Online Retail cancellations) total metrics.totalRefunded; failed and refunds flagged', async () => {
    const [payments, view] = await Promise.all([f.client.getPayments('17850'), f.client.getCustomer360('17850')]);
    expect(payments.totals.refunded).toBe(view.metrics.totalRefunded);
    expect(payments.transactions.some((t) => t.kind === 'refund' && t.reference === 'C543611')).toBe(true);
    for (const t of payments.transactions) expect(t.flagged).toBe(t.kind === 'refund' || t.status === 'failed');
    const times = payments.transactions.map((t) => t.occurredAt);
    expect(times).toEqual([...times].sort().reverse());
  });

  it('a customer without payments has empty lists and zero totals; 404 for an unknown one', async () => {
    await f.newCustomer('SEC-PAY2');
    expect(await f.client.getPayments('SEC-PAY2')).toMatchObject({
      methods: [],
      transactions: [],
      totals: { succeeded: 0, refunded: 0, failedCount: 0 },
    });
    await expectProblem(f.client.getPayments('NO-SUCH-CUSTOMER'), 404, 'Customer not found');
  });
});

describe('isExpired', () => {
  it('a card is valid through the last instant of its expiry month (UTC)', () => {
    expect(isExpired(12, 2011, new Date('2011-12-31T23:59:59.999Z'))).toBe(false);
    expect(isExpired(12, 2011, new Date('2012-01-01T00:00:00.000Z'))).toBe(true);
    expect(isExpired(2, 2012, new Date('2012-02-29T12:00:00.000Z'))).toBe(false);
    expect(isExpired(null, null, new Date('2099-01-01T00:00:00.000Z'))).toBe(false);
  });
});
