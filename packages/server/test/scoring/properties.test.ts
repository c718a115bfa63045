/** Property tests (fast-check) of the scoring invariants, incl. design Property 4 (scores in 0–100). */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ChurnRisk, CustomerMetrics, HealthScore, Rfm } from '@c360/sdk';
import { computeMetrics } from '../../src/scoring/metrics.js';
import { rfmBreakpoints, rfmSegment, scoreRfm, type RfmInput } from '../../src/scoring/rfm.js';
import { computeHealth, type HealthInput, type HealthWeights } from '../../src/scoring/health.js';
import { CHURN_MAX_CONTRIBUTION, computeChurn, type ChurnInput } from '../../src/scoring/churn.js';

const count = fc.integer({ min: 0, max: 500 });
const activity = fc.record({ orders: count, emailOpens: count, emailClicks: count, sessions: count });
const engagement = fc.record({ recent90: activity, prior90: activity });
const support = fc.record({
  openTickets: fc.integer({ min: 0, max: 30 }),
  negativeCsat180: fc.integer({ min: 0, max: 30 }),
  tickets180: count,
});
const days = fc.option(fc.integer({ min: -400, max: 20_000 }), { nil: null });
const quintile = fc.integer({ min: 1, max: 5 });
const rfm = fc
  .tuple(quintile, quintile, quintile)
  .map(([r, f, m]): Rfm => ({ r, f, m, score: `${r} ${f} ${m}`, segment: rfmSegment(r, f) }));
const iso = fc
  .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2030-12-31T23:59:59Z'), noInvalidDate: true })
  .map((d) => d.toISOString());
const weights: fc.Arbitrary<HealthWeights> = fc
  .record({
    purchase: fc.integer({ min: 0, max: 1000 }),
    recency: fc.integer({ min: 0, max: 1000 }),
    engagement: fc.integer({ min: 0, max: 1000 }),
    support: fc.integer({ min: 0, max: 1000 }),
  })
  .filter((w) => w.purchase + w.recency + w.engagement + w.support > 0);
const healthInput: fc.Arbitrary<HealthInput> = fc.record({
  completedOrders: count,
  daysSinceLastPurchase: days,
  rfm: fc.option(rfm, { nil: null }),
  engagement,
  support,
});
const churnInput: fc.Arbitrary<ChurnInput> = fc
  .record({ completedOrders: count, a: iso, b: iso, days, engagement, support })
  .map(({ a, b, ...rest }) => ({
    ...rest,
    daysSinceLastPurchase: rest.days,
    firstCompletedAt: a < b ? a : b,
    lastCompletedAt: a < b ? b : a,
  }));

/** `round(x)` half away from zero, unless x is within float noise of a .5 tie. */
function expectRounded(score: number, exact: number) {
  expect(Math.abs(score - exact)).toBeLessThanOrEqual(0.5 + 1e-9);
  if (Math.abs((exact % 1) - 0.5) > 1e-9) expect(score).toBe(Math.round(exact));
}

describe('health score properties', () => {
  it('is an integer 0–100 = round(Σ weight × factor) with a consistent level (Property 4)', () => {
    fc.assert(
      fc.property(healthInput, fc.option(weights, { nil: undefined }), (input, w) => {
        const h = computeHealth(input, w);
        expect(HealthScore.parse(h)).toEqual(h);
        expect(Number.isInteger(h.score) && h.score >= 0 && h.score <= 100).toBe(true);
        expect(h.factors.map((f) => f.name)).toEqual(['purchase', 'recency', 'engagement', 'support']);
        for (const f of h.factors) expect(Number.isInteger(f.value) && f.value >= 0 && f.value <= 100).toBe(true);
        expect(h.factors.reduce((s, f) => s + f.weight, 0)).toBeCloseTo(1, 9);
        expectRounded(
          h.score,
          h.factors.reduce((s, f) => s + f.weight * f.value, 0),
        );
        const level = h.score >= 80 ? 'excellent' : h.score >= 60 ? 'good' : h.score >= 40 ? 'fair' : 'poor';
        expect(h.level).toBe(level);
        expect(h.recommendations.length).toBeGreaterThan(0);
        if (h.score >= 80) expect(h.recommendations.some((r) => r.factor === 'score')).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('weights are relative: scaling them changes nothing', () => {
    fc.assert(
      fc.property(healthInput, weights, fc.integer({ min: 2, max: 50 }), (input, w, k) => {
        const scaled = { purchase: w.purchase * k, recency: w.recency * k, engagement: w.engagement * k, support: w.support * k };
        expect(computeHealth(input, scaled)).toEqual(computeHealth(input, w));
      }),
    );
  });
});

describe('churn risk properties', () => {
  it('is an integer 0–100 = round(Σ contributions) with a consistent level (Property 4)', () => {
    fc.assert(
      fc.property(churnInput, (input) => {
        const c = computeChurn(input);
        expect(ChurnRisk.parse(c)).toEqual(c);
        expect(Number.isInteger(c.score) && c.score >= 0 && c.score <= 100).toBe(true);
        expect(c.factors.map((f) => [f.name, f.maxContribution])).toEqual(Object.entries(CHURN_MAX_CONTRIBUTION));
        for (const f of c.factors) {
          expect(f.contribution).toBeGreaterThanOrEqual(0);
          expect(f.contribution).toBeLessThanOrEqual(f.maxContribution);
          expect(Math.round(f.contribution * 10) / 10).toBe(f.contribution);
        }
        expectRounded(c.score, c.factors.reduce((s, f) => s + Math.round(f.contribution * 10), 0) / 10);
        expect(c.level).toBe(c.score >= 67 ? 'high' : c.score >= 34 ? 'medium' : 'low');
        const triggered = c.factors.filter((f) => f.contribution > 0).map((f) => f.name);
        expect(c.strategies.map((s) => s.factor)).toEqual(c.level === 'low' ? [...triggered, 'score'] : triggered);
        expect(c.strategies.length).toBeGreaterThan(0);
      }),
      { numRuns: 500 },
    );
  });

  it('more days since the last purchase never lowers the purchase-gap contribution', () => {
    fc.assert(
      fc.property(churnInput, fc.integer({ min: 0, max: 5000 }), fc.integer({ min: 1, max: 5000 }), (input, d, extra) => {
        const gap = (days: number) =>
          computeChurn({ ...input, completedOrders: Math.max(1, input.completedOrders), daysSinceLastPurchase: days }).factors[0]!
            .contribution;
        expect(gap(d + extra)).toBeGreaterThanOrEqual(gap(d));
      }),
    );
  });
});

describe('RFM properties', () => {
  const member = fc.record({
    recencyDays: fc.integer({ min: -10, max: 5000 }),
    frequency: fc.integer({ min: 1, max: 300 }),
    monetaryMinor: fc.integer({ min: 0, max: 10_000_000 }),
  });
  const population = fc.array(member, { maxLength: 60 });

  it('scores are 1–5, breakpoints are ascending population values, output passes Rfm', () => {
    fc.assert(
      fc.property(population, member, (pop, x) => {
        const bp = rfmBreakpoints(pop);
        for (const [key, q] of [
          ['recencyDays', bp.recency],
          ['frequency', bp.frequency],
          ['monetaryMinor', bp.monetary],
        ] as const) {
          expect([...q]).toEqual([...q].sort((a, b) => a - b));
          if (pop.length) for (const v of q) expect(pop.some((p) => p[key] === v)).toBe(true);
        }
        const s = scoreRfm(x, bp);
        expect(Rfm.parse(s)).toEqual(s);
        expect(s.score).toBe(`${s.r} ${s.f} ${s.m}`);
        expect(s.segment).toBe(rfmSegment(s.r, s.f));
      }),
    );
  });

  it('is monotone: more orders never lower f, more spend never lowers m, more recent never lowers r', () => {
    fc.assert(
      fc.property(population, member, fc.nat(100), fc.nat(100_000), fc.nat(500), (pop, x, df, dm, dr) => {
        const bp = rfmBreakpoints(pop);
        const s = scoreRfm(x, bp);
        const better: RfmInput = { recencyDays: x.recencyDays - dr, frequency: x.frequency + df, monetaryMinor: x.monetaryMinor + dm };
        const t = scoreRfm(better, bp);
        expect(t.f).toBeGreaterThanOrEqual(s.f);
        expect(t.m).toBeGreaterThanOrEqual(s.m);
        expect(t.r).toBeGreaterThanOrEqual(s.r);
      }),
    );
  });

  it('the top and bottom of a population of distinct values get 5 and 1', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 1, max: 10_000 }), { minLength: 5, maxLength: 60 }), (values) => {
        const pop = values.map((v) => ({ recencyDays: v, frequency: v, monetaryMinor: v }));
        const bp = rfmBreakpoints(pop);
        const max = Math.max(...values);
        const min = Math.min(...values);
        expect(scoreRfm({ recencyDays: min, frequency: max, monetaryMinor: max }, bp).score).toBe('5 5 5');
        expect(scoreRfm({ recencyDays: max, frequency: min, monetaryMinor: min }, bp).score).toBe('1 1 1');
      }),
    );
  });
});

describe('metrics properties', () => {
  const stats = fc.record({
    registeredAt: iso,
    totalOrders: count,
    completedOrders: count,
    totalSpentMinor: fc.integer({ min: 0, max: 1_000_000_000 }),
    totalRefundedMinor: fc.integer({ min: 0, max: 100_000_000 }),
    firstOrderAt: fc.option(iso, { nil: null }),
    lastCompletedAt: fc.option(iso, { nil: null }),
  });
  const asOf = fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2031-01-01T00:00:00Z'), noInvalidDate: true });

  it('passes CustomerMetrics; lifetimeValue = totalSpent = minor / 100 for GBP; AOV within half a penny', () => {
    fc.assert(
      fc.property(stats, asOf, (s, at) => {
        const m = computeMetrics({ currency: 'GBP', ...s }, at);
        expect(CustomerMetrics.parse(m)).toEqual(m);
        expect(m.lifetimeValue).toBe(s.totalSpentMinor / 100);
        expect(m.totalSpent).toBe(m.lifetimeValue);
        expect(m.totalRefunded).toBe(s.totalRefundedMinor / 100);
        if (s.completedOrders === 0) expect(m.averageOrderValue).toBe(0);
        else expect(Math.abs(m.averageOrderValue * 100 - s.totalSpentMinor / s.completedOrders)).toBeLessThanOrEqual(0.5 + 1e-6);
        expect(m.purchaseFrequency).toBeLessThanOrEqual(s.completedOrders); // tenure floored at 30 days
        expect(m.daysSinceLastPurchase === null).toBe(s.lastCompletedAt === null);
      }),
      { numRuns: 300 },
    );
  });
});
