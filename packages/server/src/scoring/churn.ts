/**
 * Churn risk (SPEC §4, R13): 0–100 sum of three capped contributions — purchase gap (≤ 70),
 * engagement decline (≤ 20), support issues (≤ 10) — with the observed values and rule-based
 * retention strategies. Definitions in docs/scoring.md.
 * @module
 */
import type { Advice, ChurnFactor, ChurnFactorName, ChurnLevel, ChurnRisk } from '@c360/sdk';
import { parseIsoUtc, wholeDaysBetween } from './clock.js';
import { localized, type LocalizedText } from '../i18n/server-text.js';
import { activityPoints, type EngagementInput, type SupportInput } from './engagement.js';
import { divRoundHalfAwayFromZero } from './money.js';

/** Usual inter-purchase gap assumed when a customer has fewer than two completed orders, days. */
export const DEFAULT_PURCHASE_GAP_DAYS = 90;
/** Floor of the inter-purchase gap, days (so same-week repeat buyers are not flagged at once). */
export const MIN_PURCHASE_GAP_DAYS = 7;
/**
 * Maximum points each factor can add to the churn score (sum 100). A long-lapsed customer reaches
 * 70 (high risk) on the purchase gap alone.
 */
export const CHURN_MAX_CONTRIBUTION: Readonly<Record<ChurnFactorName, number>> = {
  purchaseGap: 70,
  engagementDecline: 20,
  supportIssues: 10,
};

/** Inputs of {@link computeChurn}: whole days to as-of, ISO timestamps, non-negative counts. */
export interface ChurnInput {
  daysSinceLastPurchase: number | null;
  completedOrders: number;
  /** Placed time of the first completed order. */
  firstCompletedAt: string | null;
  /** Placed time of the last completed order. */
  lastCompletedAt: string | null;
  engagement: EngagementInput;
  support: SupportInput;
}

/** Level of a 0–100 churn score: low < 34 ≤ medium < 67 ≤ high. */
export function churnLevel(score: number): ChurnLevel {
  return score >= 67 ? 'high' : score >= 34 ? 'medium' : 'low';
}

/**
 * The customer's usual gap between completed orders, days: with n ≥ 2 completed orders and both
 * timestamps, `wholeDays(first → last) / (n − 1)`, else {@link DEFAULT_PURCHASE_GAP_DAYS}; never
 * below {@link MIN_PURCHASE_GAP_DAYS}. May be fractional.
 * @throws Error when a timestamp is not an ISO date.
 */
export function usualPurchaseGapDays(completedOrders: number, firstCompletedAt: string | null, lastCompletedAt: string | null): number {
  if (completedOrders < 2 || firstCompletedAt === null || lastCompletedAt === null) return DEFAULT_PURCHASE_GAP_DAYS;
  const last = parseIsoUtc(lastCompletedAt);
  if (last === null) throw new Error(`"${lastCompletedAt}" is not an ISO date`);
  const span = wholeDaysBetween(firstCompletedAt, new Date(last));
  return Math.max(MIN_PURCHASE_GAP_DAYS, span / (completedOrders - 1));
}

const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));
const round2 = (x: number) => Math.round(x * 100) / 100;

/**
 * Computes churn risk. Contributions (exact, then rounded half up to 1 decimal):
 * - purchaseGap (max 70): no completed order → 70 (value 0); else ratio = daysSinceLastPurchase / g with
 *   g = {@link usualPurchaseGapDays}, contribution = 70 × clamp((ratio − 1)/3, 0, 1), value = ratio (2 dp);
 * - engagementDecline (max 20): prior/recent = activityPoints of prior90/recent90; decline =
 *   prior > 0 ? max(0, (prior − recent)/prior) : 0; contribution = 20 × decline, value = decline (2 dp);
 * - supportIssues (max 10): value = openTickets + negativeCsat180, contribution = min(10, 5 × value).
 * `score` = round(Σ reported contributions) clamped 0–100 (exact: summed in tenths); `level` from
 * {@link churnLevel}; strategies from {@link churnStrategies}. Output satisfies `ChurnRisk`.
 * @throws Error when a timestamp is not an ISO date.
 */
export function computeChurn(input: ChurnInput): ChurnRisk {
  const { completedOrders, daysSinceLastPurchase: days, engagement, support } = input;
  const factors: ChurnFactor[] = [];
  const add = (name: ChurnFactorName, value: number, exact: number, { text: detail, code, params }: LocalizedText) => {
    const contribution = Math.round(clamp(exact, 0, CHURN_MAX_CONTRIBUTION[name]) * 10) / 10;
    factors.push({ name, value, contribution, maxContribution: CHURN_MAX_CONTRIBUTION[name], detail, code, params });
  };

  const gap = usualPurchaseGapDays(completedOrders, input.firstCompletedAt, input.lastCompletedAt);
  if (completedOrders <= 0 || days === null) {
    add('purchaseGap', 0, CHURN_MAX_CONTRIBUTION.purchaseGap, localized('churn.purchaseGap.noOrder'));
  } else {
    const ratio = days / gap;
    add(
      'purchaseGap',
      round2(ratio),
      CHURN_MAX_CONTRIBUTION.purchaseGap * clamp((ratio - 1) / 3, 0, 1),
      localized(completedOrders >= 2 ? 'churn.purchaseGap.usual' : 'churn.purchaseGap.default', { days, gap, ratio: round2(ratio) }),
    );
  }

  const prior = activityPoints(engagement.prior90);
  const recent = activityPoints(engagement.recent90);
  const decline = prior > 0 ? Math.max(0, (prior - recent) / prior) : 0;
  add(
    'engagementDecline',
    round2(decline),
    CHURN_MAX_CONTRIBUTION.engagementDecline * decline,
    prior === 0
      ? localized('churn.engagement.noPrior', { recent })
      : decline > 0
        ? localized('churn.engagement.fell', { prior, recent, percent: Math.round(decline * 100) })
        : localized('churn.engagement.steady', { prior, recent }),
  );

  const open = Math.max(0, support.openTickets);
  const negative = Math.max(0, support.negativeCsat180);
  add(
    'supportIssues',
    open + negative,
    5 * (open + negative),
    localized('churn.support', { open, negative, tickets: Math.max(0, support.tickets180) }),
  );

  const tenths = factors.reduce((s, f) => s + Math.round(f.contribution * 10), 0);
  const score = clamp(divRoundHalfAwayFromZero(tenths, 10), 0, 100);
  const level = churnLevel(score);
  return { score, level, factors, strategies: churnStrategies(factors, level, input, gap) };
}

/**
 * Retention strategies (R13.4), one per factor with contribution > 0, in factor order, plus a
 * "keep warm" strategy (factor `score`) when the level is low. Never empty (medium/high imply a
 * positive contribution).
 */
export function churnStrategies(factors: readonly ChurnFactor[], level: ChurnLevel, input: ChurnInput, gapDays: number): Advice[] {
  const out: Advice[] = [];
  for (const f of factors) {
    if (f.contribution <= 0) continue;
    if (f.name === 'purchaseGap') {
      const days = input.daysSinceLastPurchase;
      out.push({
        factor: f.name,
        ...(input.completedOrders <= 0 || days === null
          ? localized('churn.strategy.firstPurchase')
          : localized('churn.strategy.winBack', { gap: gapDays, days })),
      });
    } else if (f.name === 'engagementDecline') {
      out.push({ factor: f.name, ...localized('churn.strategy.reactivate', { percent: Math.round(f.value * 100) }) });
    } else {
      out.push({ factor: f.name, ...localized('churn.strategy.callback') });
    }
  }
  if (level === 'low') out.push({ factor: 'score', ...localized('churn.strategy.keepWarm') });
  return out;
}
