import { describe, expect, it } from 'vitest';
import { CustomerMetrics } from '@c360/sdk';
import { computeMetrics, purchaseFrequency, type CustomerStatsInput } from '../../src/scoring/metrics.js';

const asOf = new Date('2011-12-10T00:00:00Z');

const threeOrders: CustomerStatsInput = {
  currency: 'GBP',
  registeredAt: '2011-01-15T10:00:00Z',
  totalOrders: 4, // one cancelled
  completedOrders: 3,
  totalSpentMinor: 1000 + 2001 + 500, // £10.00 + £20.01 + £5.00
  totalRefundedMinor: 250,
  firstOrderAt: '2011-02-01T09:00:00', // no zone: UTC
  lastCompletedAt: '2011-11-05T18:30:00Z',
};

describe('computeMetrics', () => {
  it('computes every metric for a customer with 3 completed orders', () => {
    const m = computeMetrics(threeOrders, asOf);
    expect(m).toEqual({
      currency: 'GBP',
      lifetimeValue: 35.01,
      totalSpent: 35.01,
      averageOrderValue: 11.67, // 3501 / 3 = 1167 pence
      totalOrders: 4,
      completedOrders: 3,
      totalRefunded: 2.5,
      daysSinceLastPurchase: 34, // 34 days 5.5 hours
      tenureDays: 328, // 328 days 14 hours
      purchaseFrequency: 0.2744, // 3 × 30 / 328 = 0.27439…
      firstOrderAt: '2011-02-01T09:00:00.000Z',
      lastPurchaseAt: '2011-11-05T18:30:00.000Z',
    });
    expect(CustomerMetrics.parse(m)).toEqual(m);
  });

  it('rounds the average order value half away from zero to the minor unit', () => {
    const aov = (spent: number, n: number) =>
      computeMetrics({ ...threeOrders, totalSpentMinor: spent, completedOrders: n }, asOf).averageOrderValue;
    expect(aov(1001, 2)).toBe(5.01); // 500.5 → 501
    expect(aov(1003, 2)).toBe(5.02); // 501.5 → 502 (not banker's 502/501 alternation)
    expect(aov(1000, 3)).toBe(3.33); // 333.33 → 333
    expect(aov(2000, 3)).toBe(6.67); // 666.67 → 667
    expect(aov(5, 2)).toBe(0.03); // 2.5 → 3
    expect(aov(-1001, 2)).toBe(-5.01); // −500.5 → −501
  });

  it('is zero / null without completed orders', () => {
    const m = computeMetrics(
      { ...threeOrders, totalOrders: 1, completedOrders: 0, totalSpentMinor: 0, totalRefundedMinor: 0, lastCompletedAt: null },
      asOf,
    );
    expect(m.averageOrderValue).toBe(0);
    expect(m.lifetimeValue).toBe(0);
    expect(m.daysSinceLastPurchase).toBeNull();
    expect(m.lastPurchaseAt).toBeNull();
    expect(m.purchaseFrequency).toBe(0);
    expect(CustomerMetrics.parse(m)).toEqual(m);
  });

  it('never subtracts refunds and reports them positive', () => {
    const m = computeMetrics({ ...threeOrders, totalRefundedMinor: -1234 }, asOf);
    expect(m.totalRefunded).toBe(12.34);
    expect(m.lifetimeValue).toBe(35.01);
  });

  it('uses the currency exponent (JPY has no minor unit)', () => {
    const m = computeMetrics({ ...threeOrders, currency: 'JPY', totalSpentMinor: 1001, completedOrders: 2 }, asOf);
    expect(m.lifetimeValue).toBe(1001);
    expect(m.averageOrderValue).toBe(501);
  });

  it('floors tenure at 30 days for purchase frequency', () => {
    const registered = (days: number) => new Date(asOf.getTime() - days * 86_400_000).toISOString();
    const freq = (days: number, n: number) =>
      computeMetrics({ ...threeOrders, completedOrders: n, registeredAt: registered(days) }, asOf).purchaseFrequency;
    expect(freq(10, 2)).toBe(2); // 2 / (30/30)
    expect(freq(0, 1)).toBe(1);
    expect(freq(30, 2)).toBe(2);
    expect(freq(45, 2)).toBe(1.3333); // 2 / 1.5
    expect(freq(60, 2)).toBe(1);
    expect(freq(-5, 3)).toBe(3); // registered after as-of: tenure −5, floored to 30
    expect(computeMetrics({ ...threeOrders, registeredAt: registered(10) }, asOf).tenureDays).toBe(10);
  });

  it('rounds purchase frequency half away from zero at 4 decimals', () => {
    expect(purchaseFrequency(1, 8000)).toBe(0.0038); // 0.00375
    expect(purchaseFrequency(1, 1600)).toBe(0.0188); // 0.01875
    expect(purchaseFrequency(2, 700)).toBe(0.0857); // 0.085714…
  });

  it('counts days since the last purchase in whole UTC days', () => {
    const at = (iso: string) => computeMetrics({ ...threeOrders, lastCompletedAt: iso }, asOf).daysSinceLastPurchase;
    expect(at('2011-12-09T00:00:00Z')).toBe(1);
    expect(at('2011-12-09T00:00:00.001Z')).toBe(0);
    expect(at('2011-12-10T00:00:00Z')).toBe(0);
    expect(at('2011-12-11T00:00:00Z')).toBe(-1); // after as-of: negative, not hidden
    expect(computeMetrics(threeOrders, new Date('2012-03-01T00:00:00Z')).daysSinceLastPurchase).toBe(116); // across 29 Feb 2012
  });

  it('throws on a bad timestamp', () => {
    expect(() => computeMetrics({ ...threeOrders, registeredAt: 'soon' }, asOf)).toThrow('"soon" is not an ISO date');
    expect(() => computeMetrics({ ...threeOrders, firstOrderAt: '2011-02-30' }, asOf)).toThrow('is not an ISO date');
  });
});
