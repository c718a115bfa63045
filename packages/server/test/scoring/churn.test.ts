import { describe, expect, it } from 'vitest';
import { ChurnRisk } from '@c360/sdk';
import { CHURN_MAX_CONTRIBUTION, churnLevel, computeChurn, usualPurchaseGapDays, type ChurnInput } from '../../src/scoring/churn.js';

const none = { orders: 0, emailOpens: 0, emailClicks: 0, sessions: 0 };
const calm = { openTickets: 0, negativeCsat180: 0, tickets180: 0 };
const base: ChurnInput = {
  daysSinceLastPurchase: 30,
  completedOrders: 1,
  firstCompletedAt: '2011-11-10T00:00:00Z',
  lastCompletedAt: '2011-11-10T00:00:00Z',
  engagement: { recent90: none, prior90: none },
  support: calm,
};
const factor = (c: ChurnRisk, name: string) => c.factors.find((f) => f.name === name)!;

describe('computeChurn (hand-worked)', () => {
  it('a lapsing regular with declining activity and support trouble: 78 = 53.5 + 14.4 + 10', () => {
    const c = computeChurn({
      daysSinceLastPurchase: 200,
      completedOrders: 5,
      firstCompletedAt: '2011-01-01T00:00:00Z',
      lastCompletedAt: '2011-09-01T00:00:00Z', // 243 days later → gap 243 / 4 = 60.75
      engagement: { prior90: { orders: 2, emailOpens: 4, emailClicks: 1, sessions: 6 }, recent90: { ...none, emailOpens: 3, sessions: 2 } },
      support: { openTickets: 1, negativeCsat180: 2, tickets180: 3 },
    });
    expect(c.factors).toMatchObject([
      {
        name: 'purchaseGap',
        value: 3.29,
        contribution: 53.5,
        maxContribution: 70, // 70 × (800/243 − 1)/3 = 53.48
        detail: '200 days since the last completed order vs their usual gap of 60.8 days: ratio 3.29',
      },
      {
        name: 'engagementDecline',
        value: 0.72,
        contribution: 14.4,
        maxContribution: 20, // 20 × 13/18 = 14.44
        detail: 'Activity fell from 18 to 5 points (−72%) vs the prior 90 days',
      },
      {
        name: 'supportIssues',
        value: 3,
        contribution: 10,
        maxContribution: 10,
        detail: '1 open ticket, 2 negative CSAT ratings (3 tickets in the last 180 days)',
      },
    ]);
    expect(c.score).toBe(78); // 53.5 + 14.4 + 10 = 77.9
    expect(c.level).toBe('high');
    expect(c.strategies.map((s) => s.factor)).toEqual(['purchaseGap', 'engagementDecline', 'supportIssues']);
    expect(c.strategies[0]!.text).toContain('usual 60.8-day purchase gap');
    expect(ChurnRisk.parse(c)).toEqual(c);
  });

  it('caps are 70 / 20 / 10 (sum 100): a long-lapsed customer is high risk on the purchase gap alone', () => {
    expect(CHURN_MAX_CONTRIBUTION).toEqual({ purchaseGap: 70, engagementDecline: 20, supportIssues: 10 });
    const c = computeChurn({ ...base, daysSinceLastPurchase: 360 }); // 4 × the 90-day default gap
    expect(c.factors.map((f) => f.contribution)).toEqual([70, 0, 0]);
    expect(c.score).toBe(70);
    expect(c.level).toBe('high');
    const worst = computeChurn({
      ...base,
      daysSinceLastPurchase: 1000,
      engagement: { prior90: { ...none, sessions: 5 }, recent90: none },
      support: { openTickets: 2, negativeCsat180: 0, tickets180: 2 },
    });
    expect(worst.score).toBe(100); // 70 + 20 + 10
  });

  it('a recent one-time buyer is low risk and gets the keep-warm strategy only', () => {
    const c = computeChurn(base);
    expect(factor(c, 'purchaseGap')).toMatchObject({ value: 0.33, contribution: 0 }); // 30 / 90 (default gap)
    expect(factor(c, 'purchaseGap').detail).toContain('default gap of 90 days');
    expect(c.score).toBe(0);
    expect(c.level).toBe('low');
    expect(c.strategies).toMatchObject([{ factor: 'score', text: expect.stringContaining('keep warm') }]);
  });

  it('no completed order contributes the full 70', () => {
    const c = computeChurn({ ...base, completedOrders: 0, daysSinceLastPurchase: null, firstCompletedAt: null, lastCompletedAt: null });
    expect(factor(c, 'purchaseGap')).toMatchObject({
      name: 'purchaseGap',
      value: 0,
      contribution: 70,
      maxContribution: 70,
      detail: 'No completed order',
    });
    expect(c.score).toBe(70);
    expect(c.level).toBe('high'); // a customer who never bought is high risk on the purchase gap alone
    expect(c.strategies).toMatchObject([{ factor: 'purchaseGap', text: expect.stringContaining('first purchase') }]);
  });

  it('purchase gap: 0 up to the usual gap, linear to 70 at 4× the gap', () => {
    const gap = (days: number) => factor(computeChurn({ ...base, daysSinceLastPurchase: days }), 'purchaseGap').contribution;
    expect([0, 90, 180, 225, 360, 1000, -5].map(gap)).toEqual([0, 0, 23.3, 35, 70, 70, 0]);
    expect(gap(100)).toBe(2.6); // 70 × (100/90 − 1)/3 = 2.59
    expect(gap(180)).toBe(23.3); // 70 × 1/3 = 23.33
  });

  it('floors the usual gap at 7 days', () => {
    const weekly = { ...base, completedOrders: 3, firstCompletedAt: '2011-11-01T00:00:00Z', lastCompletedAt: '2011-11-05T00:00:00Z' };
    expect(usualPurchaseGapDays(3, weekly.firstCompletedAt, weekly.lastCompletedAt)).toBe(7); // 4 / 2 = 2 → 7
    expect(factor(computeChurn({ ...weekly, daysSinceLastPurchase: 14 }), 'purchaseGap')).toMatchObject({ value: 2, contribution: 23.3 }); // 70 × (2 − 1)/3
    expect(usualPurchaseGapDays(4, '2011-01-01', '2011-04-01')).toBe(30); // 90 / 3
    expect(usualPurchaseGapDays(1, '2011-01-01', '2011-04-01')).toBe(90);
    expect(() => usualPurchaseGapDays(2, '2011-01-01', 'bad')).toThrow('"bad" is not an ISO date');
  });

  it('engagement decline only counts a fall from a non-zero prior window', () => {
    const decline = (prior: number, recent: number) =>
      factor(
        computeChurn({ ...base, engagement: { prior90: { ...none, sessions: prior }, recent90: { ...none, sessions: recent } } }),
        'engagementDecline',
      );
    expect(decline(10, 0)).toMatchObject({ value: 1, contribution: 20 });
    expect(decline(10, 5)).toMatchObject({ value: 0.5, contribution: 10 });
    expect(decline(10, 20)).toMatchObject({ value: 0, contribution: 0 });
    expect(decline(0, 0)).toMatchObject({ value: 0, contribution: 0, detail: expect.stringContaining('No activity in the prior 90 days') });
    expect(decline(3, 2)).toMatchObject({ value: 0.33, contribution: 6.7 }); // 20 × 1/3 = 6.67
  });

  it('support issues: 5 per open ticket or negative rating, capped at 10', () => {
    const support = (openTickets: number, negativeCsat180: number) =>
      factor(computeChurn({ ...base, support: { openTickets, negativeCsat180, tickets180: 9 } }), 'supportIssues').contribution;
    expect([support(0, 0), support(1, 0), support(0, 2), support(2, 1), support(10, 0)]).toEqual([0, 5, 10, 10, 10]);
  });

  it('rounds the sum of reported contributions half away from zero', () => {
    const c = computeChurn({
      ...base,
      daysSinceLastPurchase: 198, // ratio 2.2 → 70 × 1.2/3 = 28
      engagement: { prior90: { ...none, sessions: 40 }, recent90: { ...none, sessions: 31 } }, // 9/40 = 0.225 → 20 × 0.225 = 4.5
    });
    expect(c.factors.map((f) => f.contribution)).toEqual([28, 4.5, 0]);
    expect(c.score).toBe(33); // 32.5 → 33
    expect(c.strategies.map((s) => s.factor)).toEqual(['purchaseGap', 'engagementDecline', 'score']);
  });
});

describe('churnLevel', () => {
  it('has the SPEC thresholds', () => {
    expect([0, 33, 34, 66, 67, 100].map(churnLevel)).toEqual(['low', 'low', 'medium', 'medium', 'high', 'high']);
  });
});
