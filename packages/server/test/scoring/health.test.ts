import { describe, expect, it } from 'vitest';
import { HealthScore, type Rfm } from '@c360/sdk';
import { activityPoints, type EngagementInput, type SupportInput } from '../../src/scoring/engagement.js';
import {
  computeHealth,
  DEFAULT_HEALTH_WEIGHTS,
  healthLevel,
  normaliseHealthWeights,
  parseHealthWeights,
  resolveHealthWeights,
} from '../../src/scoring/health.js';

const none = { orders: 0, emailOpens: 0, emailClicks: 0, sessions: 0 };
const quiet: EngagementInput = { recent90: none, prior90: none };
const calm: SupportInput = { openTickets: 0, negativeCsat180: 0, tickets180: 0 };
const rfm = (r: number, f: number, m: number): Rfm => ({ r, f, m, score: `${r} ${f} ${m}`, segment: 'Loyal' });
const value = (h: HealthScore, name: string) => h.factors.find((f) => f.name === name)!.value;

describe('activityPoints', () => {
  it('weighs orders 3, clicks 2, opens 1, sessions 1', () => {
    expect(activityPoints({ orders: 1, emailClicks: 2, emailOpens: 3, sessions: 1 })).toBe(11);
    expect(activityPoints({ orders: 2, emailClicks: 0, emailOpens: 0, sessions: 0 })).toBe(6);
    expect(activityPoints({ orders: -1, emailClicks: 0, emailOpens: 0, sessions: 5 })).toBe(5);
  });
});

describe('computeHealth (hand-worked)', () => {
  it('a good customer: 79 = 0.35×63 + 0.30×91 + 0.20×100 + 0.15×65', () => {
    const h = computeHealth({
      completedOrders: 6,
      daysSinceLastPurchase: 34,
      rfm: rfm(4, 4, 3),
      engagement: { recent90: { orders: 1, emailClicks: 2, emailOpens: 3, sessions: 1 }, prior90: none },
      support: { openTickets: 1, negativeCsat180: 1, tickets180: 2 },
    });
    expect(h.factors).toMatchObject([
      { name: 'purchase', value: 63, weight: 0.35, detail: 'RFM frequency 4/5 and monetary 3/5 (6 completed orders)' },
      { name: 'recency', value: 91, weight: 0.3, detail: 'Last completed order 34 days ago' },
      { name: 'engagement', value: 100, weight: 0.2, detail: expect.stringContaining('11 activity points in the last 90 days') },
      { name: 'support', value: 65, weight: 0.15, detail: '1 open ticket, 1 negative CSAT rating in the last 180 days' },
    ]);
    expect(h.score).toBe(79); // 79.1
    expect(h.level).toBe('good');
    // No rule fires: one recommendation for the factor losing most points (purchase: 0.35 × 37).
    expect(h.recommendations).toMatchObject([{ factor: 'purchase', text: expect.stringContaining('Strengthen purchase (63/100)') }]);
    expect(HealthScore.parse(h)).toEqual(h);
  });

  it('a customer with no completed order and bad support', () => {
    const h = computeHealth({
      completedOrders: 0,
      daysSinceLastPurchase: null,
      rfm: null,
      engagement: { recent90: none, prior90: { ...none, emailOpens: 4 } },
      support: { openTickets: 2, negativeCsat180: 3, tickets180: 4 },
    });
    expect(h.factors.map((f) => f.value)).toEqual([0, 0, 0, 15]); // support 100 − 40 − 45
    expect(h.score).toBe(2); // 0.15 × 15 = 2.25
    expect(h.level).toBe('poor');
    expect(h.recommendations.map((r) => r.factor)).toEqual(['recency', 'purchase', 'engagement', 'support']);
    expect(h.recommendations[0]!.text).toContain('first-purchase');
    expect(h.recommendations[2]!.text).toContain('Re-engage on email');
    expect(h.recommendations[3]!.text).toBe(
      'Repair the support experience: follow up the 2 open tickets and resolve the 3 negative CSAT ratings',
    );
  });

  it('an excellent customer gets the VIP invitation only', () => {
    const h = computeHealth({
      completedOrders: 20,
      daysSinceLastPurchase: 0,
      rfm: rfm(5, 5, 5),
      engagement: { recent90: { ...none, sessions: 10 }, prior90: none },
      support: calm,
    });
    expect(h.score).toBe(100);
    expect(h.level).toBe('excellent');
    expect(h.recommendations).toMatchObject([{ factor: 'score', text: expect.stringContaining('VIP') }]);
  });

  it('names the days in the win-back recommendation', () => {
    const h = computeHealth({ completedOrders: 2, daysSinceLastPurchase: 300, rfm: rfm(1, 2, 2), engagement: quiet, support: calm });
    expect(value(h, 'recency')).toBe(18); // 100 − 300 × 100/365 = 17.8
    expect(h.recommendations[0]).toMatchObject({
      factor: 'recency',
      text: 'Send a win-back offer: the last completed order was 300 days ago',
    });
  });

  it('purchase factor = ((f + m)/2 − 1)/4 × 100, rounded half up', () => {
    const p = (f: number, m: number) =>
      value(
        computeHealth({ completedOrders: 1, daysSinceLastPurchase: 1, rfm: rfm(3, f, m), engagement: quiet, support: calm }),
        'purchase',
      );
    expect([p(1, 1), p(1, 2), p(2, 2), p(3, 2), p(3, 3), p(4, 3), p(4, 4), p(5, 4), p(5, 5)]).toEqual([0, 13, 25, 38, 50, 63, 75, 88, 100]);
    expect(
      value(
        computeHealth({ completedOrders: 0, daysSinceLastPurchase: null, rfm: rfm(5, 5, 5), engagement: quiet, support: calm }),
        'purchase',
      ),
    ).toBe(0);
  });

  it('recency factor falls linearly to 0 at 365 days and is clamped', () => {
    const r = (days: number) =>
      value(
        computeHealth({ completedOrders: 1, daysSinceLastPurchase: days, rfm: rfm(3, 3, 3), engagement: quiet, support: calm }),
        'recency',
      );
    expect([r(0), r(1), r(182), r(183), r(364), r(365), r(1000), r(-3)]).toEqual([100, 100, 50, 50, 0, 0, 0, 100]);
    expect(r(2)).toBe(99); // 99.45
  });

  it('engagement factor = min(100, points × 10); support floors at 0', () => {
    const h = computeHealth({
      completedOrders: 0,
      daysSinceLastPurchase: null,
      rfm: null,
      engagement: { recent90: { ...none, emailOpens: 3, emailClicks: 1 }, prior90: none },
      support: { openTickets: 5, negativeCsat180: 0, tickets180: 5 },
    });
    expect(value(h, 'engagement')).toBe(50);
    expect(value(h, 'support')).toBe(0);
  });

  it('rounds the weighted sum half away from zero', () => {
    const h = computeHealth(
      { completedOrders: 1, daysSinceLastPurchase: null, rfm: rfm(1, 1, 2), engagement: quiet, support: calm },
      { purchase: 1, recency: 1, engagement: 0, support: 0 },
    );
    expect(h.factors.map((f) => [f.value, f.weight])).toEqual([
      [13, 0.5],
      [0, 0.5],
      [0, 0],
      [100, 0],
    ]);
    expect(h.score).toBe(7); // 6.5 → 7
  });
});

describe('healthLevel', () => {
  it('has the SPEC thresholds', () => {
    expect([100, 80, 79, 60, 59, 40, 39, 0].map(healthLevel)).toEqual([
      'excellent',
      'excellent',
      'good',
      'good',
      'fair',
      'fair',
      'poor',
      'poor',
    ]);
  });
});

describe('health weights', () => {
  it('parses and normalises to sum exactly 1', () => {
    expect(parseHealthWeights('purchase=0.4,recency=0.3,engagement=0.2,support=0.1')).toEqual({
      purchase: 0.4,
      recency: 0.3,
      engagement: 0.2,
      support: 0.1,
    });
    expect(parseHealthWeights(' support = 10 , engagement=20,recency=30, purchase=40 ')).toEqual({
      purchase: 0.4,
      recency: 0.3,
      engagement: 0.2,
      support: 0.1,
    });
    expect(parseHealthWeights('purchase=1,recency=1,engagement=1,support=0')).toEqual({
      purchase: 0.3334,
      recency: 0.3333,
      engagement: 0.3333,
      support: 0,
    });
    expect(normaliseHealthWeights(DEFAULT_HEALTH_WEIGHTS)).toEqual(DEFAULT_HEALTH_WEIGHTS);
  });

  it('throws naming the bad key or value', () => {
    const ok = 'recency=0.3,engagement=0.2,support=0.1';
    expect(() => parseHealthWeights(`purchase=abc,${ok}`)).toThrow('health weights: purchase="abc" is not a non-negative number');
    expect(() => parseHealthWeights(`purchase=-1,${ok}`)).toThrow('purchase="-1" is not a non-negative number');
    expect(() => parseHealthWeights(`purchase=,${ok}`)).toThrow('purchase="" is not a non-negative number');
    expect(() => parseHealthWeights(`loyalty=1,${ok}`)).toThrow(
      'unknown factor "loyalty" (expected purchase, recency, engagement, support)',
    );
    expect(() => parseHealthWeights(`purchase=1,purchase=2,${ok}`)).toThrow('factor "purchase" given twice');
    expect(() => parseHealthWeights(`purchase,${ok}`)).toThrow('"purchase" is not factor=weight');
    expect(() => parseHealthWeights('purchase=1,recency=1')).toThrow('missing weight for engagement, support');
    expect(() => parseHealthWeights('purchase=0,recency=0,engagement=0,support=0')).toThrow('weights sum to 0');
    expect(() => parseHealthWeights('  ')).toThrow('health weights: empty');
    expect(() => normaliseHealthWeights({ purchase: NaN, recency: 1, engagement: 1, support: 1 })).toThrow('purchase=NaN');
  });

  it('reads C360_HEALTH_WEIGHTS, defaulting when unset or blank', () => {
    expect(resolveHealthWeights({})).toBe(DEFAULT_HEALTH_WEIGHTS);
    expect(resolveHealthWeights({ C360_HEALTH_WEIGHTS: ' ' })).toBe(DEFAULT_HEALTH_WEIGHTS);
    expect(resolveHealthWeights({ C360_HEALTH_WEIGHTS: 'purchase=1,recency=1,engagement=1,support=1' }).support).toBe(0.25);
    expect(() => resolveHealthWeights({ C360_HEALTH_WEIGHTS: 'purchase=x' })).toThrow(/^C360_HEALTH_WEIGHTS: purchase="x"/);
  });
});
