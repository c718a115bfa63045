/**
 * GET /customers/:id/loyalty (R4) over the real app: tier progress on the documented thresholds,
 * points expiring in 30 days (soonest-expiring used first), referrals, the last 10 transactions,
 * and the empty state of a customer who is not enrolled.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOYALTY_TIER_THRESHOLDS, LoyaltyStatus } from '@c360/sdk';
import { pointsExpiring, tierProgress, type LedgerEntry } from '../../src/read/loyalty.js';
import { expectProblem, openSections, type SectionsFixture } from './helpers.js';

let f: SectionsFixture;
beforeAll(async () => {
  f = await openSections('sec-loy');
});
afterAll(() => f.sample.close());

describe('GET /customers/:id/loyalty', () => {
  it('a customer who is not enrolled gets 200 with enrolled: false and empty fields', async () => {
    await f.newCustomer('SEC-LOY0');
    expect(await f.client.getLoyalty('SEC-LOY0')).toEqual({
      asOf: f.sample.asOf.toISOString(),
      enrolled: false,
      enrolledAt: null,
      tier: null,
      pointsBalance: 0,
      lifetimePoints: 0,
      nextTier: null,
      pointsToNextTier: null,
      progress: 0,
      pointsExpiringIn30Days: 0,
      referralCode: null,
      referralCount: 0,
      transactions: [],
    });
  });

  it('computes progress, expiring points, referrals and the transactions, newest first', async () => {
    const { ev } = f;
    const c = { customerId: 'SEC-LOY1' };
    await f.newCustomer(c.customerId);
    // As-of is 2011-12-09T12:21Z, so the 30-day window is (2011-12-09T12:21Z, 2012-01-08T12:21Z].
    expect(f.sample.asOf.toISOString()).toBe('2011-12-09T12:21:00.000Z');
    await f.apply(
      ev('loyalty.enrolled', { ...c, tier: 'silver', referralCode: 'SEC-LOY1-REF' }, '2011-01-05T10:00:00Z'),
      ev('loyalty.points_earned', { ...c, points: 500, reason: 'Order A', expiresAt: '2011-11-30T00:00:00Z' }, '2011-05-01T10:00:00Z'),
      ev('loyalty.points_earned', { ...c, points: 800, reason: 'Order B', expiresAt: '2011-12-20T00:00:00Z' }, '2011-06-01T10:00:00Z'),
      ev('loyalty.points_earned', { ...c, points: 700, reason: 'Order C', expiresAt: '2012-03-01T00:00:00Z' }, '2011-07-01T10:00:00Z'),
      // Takes the 500 expiring 2011-11-30 first, then 100 of the 800 expiring 2011-12-20.
      ev('loyalty.points_redeemed', { ...c, points: 600, reason: 'Voucher' }, '2011-10-01T10:00:00Z'),
      ev('loyalty.points_earned', { ...c, points: 300, reason: 'Review', expiresAt: '2012-01-05T00:00:00Z' }, '2011-11-01T10:00:00Z'),
      // Takes 200 more of the 800 lot (the soonest to expire): 500 of it are left.
      ev('loyalty.points_redeemed', { ...c, points: 200, reason: 'Gift wrap' }, '2011-12-05T10:00:00Z'),
      ev('referral.recorded', { ...c, referralId: 'SEC-LOY1-R1', referredCustomerId: '12347' }, '2011-08-01T10:00:00Z'),
      ev('referral.recorded', { ...c, referralId: 'SEC-LOY1-R2' }, '2011-09-01T10:00:00Z'),
    );
    const loyalty = await f.client.getLoyalty('SEC-LOY1');
    expect(loyalty).toEqual({
      asOf: '2011-12-09T12:21:00.000Z',
      enrolled: true,
      enrolledAt: '2011-01-05T10:00:00.000Z',
      tier: 'silver',
      pointsBalance: 1500, // 500 + 800 + 700 + 300 − 600 − 200
      lifetimePoints: 2300,
      nextTier: 'gold',
      pointsToNextTier: 2700, // 5000 − 2300
      progress: 0.325, // (2300 − 1000) / (5000 − 1000)
      pointsExpiringIn30Days: 800, // 500 left of the lot expiring 2011-12-20 + the 300 expiring 2012-01-05
      referralCode: 'SEC-LOY1-REF',
      referralCount: 2,
      transactions: [
        {
          id: 'sec-loy-9',
          kind: 'redeem',
          points: -200,
          reason: 'Gift wrap',
          reasonText: null,
          occurredAt: '2011-12-05T10:00:00.000Z',
          expiresAt: null,
        },
        {
          id: 'sec-loy-8',
          kind: 'earn',
          points: 300,
          reason: 'Review',
          reasonText: null,
          occurredAt: '2011-11-01T10:00:00.000Z',
          expiresAt: '2012-01-05T00:00:00.000Z',
        },
        {
          id: 'sec-loy-7',
          kind: 'redeem',
          points: -600,
          reason: 'Voucher',
          reasonText: null,
          occurredAt: '2011-10-01T10:00:00.000Z',
          expiresAt: null,
        },
        {
          id: 'sec-loy-6',
          kind: 'earn',
          points: 700,
          reason: 'Order C',
          reasonText: { code: 'timeline.part.order', params: { number: 'C' } },
          occurredAt: '2011-07-01T10:00:00.000Z',
          expiresAt: '2012-03-01T00:00:00.000Z',
        },
        {
          id: 'sec-loy-5',
          kind: 'earn',
          points: 800,
          reason: 'Order B',
          reasonText: { code: 'timeline.part.order', params: { number: 'B' } },
          occurredAt: '2011-06-01T10:00:00.000Z',
          expiresAt: '2011-12-20T00:00:00.000Z',
        },
        {
          id: 'sec-loy-4',
          kind: 'earn',
          points: 500,
          reason: 'Order A',
          reasonText: { code: 'timeline.part.order', params: { number: 'A' } },
          occurredAt: '2011-05-01T10:00:00.000Z',
          expiresAt: '2011-11-30T00:00:00.000Z',
        },
      ],
    });
    expect(LoyaltyStatus.parse(loyalty)).toEqual(loyalty);
  });

  it('shows the last 10 transactions only; progress is clamped when the tier lags the points', async () => {
    const c = { customerId: 'SEC-LOY2' };
    await f.newCustomer(c.customerId);
    const earns = Array.from({ length: 12 }, (_, i) =>
      f.ev('loyalty.points_earned', { ...c, points: 100, reason: `Order ${i + 1}` }, `2011-03-${String(i + 1).padStart(2, '0')}T10:00:00Z`),
    );
    await f.apply(...earns);
    const loyalty = await f.client.getLoyalty('SEC-LOY2');
    expect(loyalty.transactions.map((t) => t.reason)).toEqual([
      'Order 12',
      'Order 11',
      'Order 10',
      'Order 9',
      'Order 8',
      'Order 7',
      'Order 6',
      'Order 5',
      'Order 4',
      'Order 3',
    ]);
    // Earning enrols at bronze; 1200 lifetime points are past silver's 1000: nothing left to earn for it.
    expect(loyalty).toMatchObject({
      enrolled: true,
      tier: 'bronze',
      lifetimePoints: 1200,
      nextTier: 'silver',
      pointsToNextTier: 0,
      progress: 1,
      pointsExpiringIn30Days: 0,
    });
  });

  it('the top tier has no next tier and full progress', async () => {
    await f.newCustomer('SEC-LOY3');
    await f.apply(f.ev('loyalty.tier_changed', { customerId: 'SEC-LOY3', tier: 'platinum', reason: 'VIP' }, '2011-06-01T10:00:00Z'));
    expect(await f.client.getLoyalty('SEC-LOY3')).toMatchObject({
      tier: 'platinum',
      nextTier: null,
      pointsToNextTier: null,
      progress: 1,
      pointsBalance: 0,
    });
  });

  it('404 for an unknown customer, 400 for a malformed id', async () => {
    await expectProblem(f.client.getLoyalty('NO-SUCH-CUSTOMER'), 404, 'Customer not found');
    const bad = await f.sample.call('/customers/bad%20id/loyalty');
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toBe('path.id');
  });
});

describe('tier progress and expiring points', () => {
  it('thresholds rise with the tiers and progress stays within 0–1', () => {
    expect(LOYALTY_TIER_THRESHOLDS).toEqual({ bronze: 0, silver: 1000, gold: 5000, platinum: 15000 });
    expect(tierProgress('bronze', 250)).toEqual({ nextTier: 'silver', pointsToNextTier: 750, progress: 0.25 });
    expect(tierProgress('gold', 100)).toEqual({ nextTier: 'platinum', pointsToNextTier: 14900, progress: 0 });
    fc.assert(
      fc.property(fc.constantFrom('bronze', 'silver', 'gold', 'platinum' as const), fc.nat(100_000), (tier, points) => {
        const p = tierProgress(tier, points);
        expect(p.progress).toBeGreaterThanOrEqual(0);
        expect(p.progress).toBeLessThanOrEqual(1);
        if (p.pointsToNextTier !== null) expect(p.pointsToNextTier).toBeGreaterThanOrEqual(0);
      }),
    );
  });

  it('a redemption cannot use points that had already expired when it happened', () => {
    const ledger: LedgerEntry[] = [
      { points: 100, occurredAt: '2011-01-01T00:00:00.000Z', expiresAt: '2011-02-01T00:00:00.000Z' },
      { points: 100, occurredAt: '2011-01-02T00:00:00.000Z', expiresAt: '2011-12-20T00:00:00.000Z' },
      { points: -100, occurredAt: '2011-03-01T00:00:00.000Z', expiresAt: null },
    ];
    // The first lot expired before the redemption, so it used the second one: nothing left to expire.
    expect(pointsExpiring(ledger, '2011-12-09T00:00:00.000Z', '2012-01-08T00:00:00.000Z', 100)).toBe(0);
    // Points without expiry are used last.
    expect(
      pointsExpiring(
        [
          { points: 50, occurredAt: '2011-01-01T00:00:00.000Z', expiresAt: null },
          { points: 50, occurredAt: '2011-01-02T00:00:00.000Z', expiresAt: '2011-12-31T00:00:00.000Z' },
          { points: -30, occurredAt: '2011-06-01T00:00:00.000Z', expiresAt: null },
        ],
        '2011-12-09T00:00:00.000Z',
        '2012-01-08T00:00:00.000Z',
        70,
      ),
    ).toBe(20);
  });

  it('never exceeds the balance nor the points earned in the window', () => {
    const day = (d: number) => new Date(Date.UTC(2011, 0, 1) + d * 86_400_000).toISOString();
    const entry = fc.record({
      points: fc.integer({ min: -500, max: 500 }).filter((p) => p !== 0),
      at: fc.nat(400),
      expiry: fc.option(fc.nat(500)),
    });
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 30 }), fc.nat(400), (raw, asOfDay) => {
        const ledger = raw.map((e) => ({
          points: e.points,
          occurredAt: day(e.at),
          expiresAt: e.points > 0 && e.expiry !== null ? day(e.expiry) : null,
        }));
        const balance = Math.max(
          0,
          ledger.reduce((s, e) => s + e.points, 0),
        );
        const from = day(asOfDay);
        const to = day(asOfDay + 30);
        const result = pointsExpiring(ledger, from, to, balance);
        const earnedInWindow = ledger
          .filter((e) => e.expiresAt !== null && e.expiresAt > from && e.expiresAt <= to)
          .reduce((s, e) => s + e.points, 0);
        expect(result).toBeGreaterThanOrEqual(0);
        expect(result).toBeLessThanOrEqual(Math.min(balance, earnedInWindow));
      }),
    );
  });
});
