/**
 * Health score (SPEC §4, R12): 0–100 weighted sum of four 0–100 factor scores — purchase, recency,
 * engagement, support — with each factor's value, weight and reason, plus rule-based
 * recommendations. Definitions in docs/scoring.md.
 * @module
 */
import type { Advice, HealthFactor, HealthFactorName, HealthLevel, HealthScore, Rfm } from '@c360/sdk';
import { localized, type LocalizedText } from '../i18n/server-text.js';
import { activityPoints, type EngagementInput, type SupportInput } from './engagement.js';
import { divRoundHalfAwayFromZero } from './money.js';

/** Relative weight of each factor (non-negative; normalised to sum 1 before use). */
export type HealthWeights = Readonly<Record<HealthFactorName, number>>;

/** Factor order everywhere: output, recommendations, config parsing. */
export const HEALTH_FACTORS: readonly HealthFactorName[] = ['purchase', 'recency', 'engagement', 'support'];

/** Default weights (sum 1): purchase 0.35, recency 0.30, engagement 0.20, support 0.15. */
export const DEFAULT_HEALTH_WEIGHTS: HealthWeights = { purchase: 0.35, recency: 0.3, engagement: 0.2, support: 0.15 };

/** Inputs of {@link computeHealth}; day counts are whole days to as-of, counts non-negative integers. */
export interface HealthInput {
  completedOrders: number;
  daysSinceLastPurchase: number | null;
  /** The customer's RFM (null when no completed order). */
  rfm: Rfm | null;
  engagement: EngagementInput;
  support: SupportInput;
}

/**
 * Normalises weights to sum exactly 1 at 4-decimal precision: each weight becomes
 * `w / Σw` in units of 0.0001, floored, and the remaining units go to the largest remainders
 * (ties: factor order). The defaults are unchanged.
 * @throws Error when a weight is negative or not finite, or all are 0.
 */
export function normaliseHealthWeights(weights: HealthWeights, source = 'health weights'): HealthWeights {
  for (const k of HEALTH_FACTORS) {
    if (!Number.isFinite(weights[k]) || weights[k] < 0) throw new Error(`${source}: ${k}=${weights[k]} is not a non-negative number`);
  }
  const sum = HEALTH_FACTORS.reduce((s, k) => s + weights[k], 0);
  if (!(sum > 0)) throw new Error(`${source}: weights sum to 0`);
  const exact = HEALTH_FACTORS.map((k) => (weights[k] * 10_000) / sum);
  const units = exact.map((x) => Math.floor(x + 1e-9));
  let left = 10_000 - units.reduce((s, u) => s + u, 0);
  const byRemainder = [0, 1, 2, 3].sort((a, b) => exact[b]! - units[b]! - (exact[a]! - units[a]!) || a - b);
  for (let i = 0; left > 0; i = (i + 1) % 4, left--) units[byRemainder[i]!]! += 1;
  return Object.fromEntries(HEALTH_FACTORS.map((k, i) => [k, units[i]! / 10_000])) as HealthWeights;
}

/**
 * Parses weight configuration such as `purchase=0.4,recency=0.3,engagement=0.2,support=0.1`
 * (whitespace allowed; any non-negative decimals, e.g. percentages; all four keys required, each once)
 * and normalises it with {@link normaliseHealthWeights}.
 * @param source prefix of error messages, e.g. `C360_HEALTH_WEIGHTS`
 * @throws Error naming the bad entry: empty text, an entry that is not `key=value`, an unknown or
 *   repeated factor, a value that is not a non-negative decimal, a missing factor, or a zero sum.
 */
export function parseHealthWeights(text: string, source = 'health weights'): HealthWeights {
  if (text.trim() === '') throw new Error(`${source}: empty; expected e.g. "purchase=0.35,recency=0.3,engagement=0.2,support=0.15"`);
  const seen: Partial<Record<HealthFactorName, number>> = {};
  for (const entry of text.split(',')) {
    const eq = entry.indexOf('=');
    if (eq < 0) throw new Error(`${source}: "${entry.trim()}" is not factor=weight`);
    const key = entry.slice(0, eq).trim();
    const raw = entry.slice(eq + 1).trim();
    if (!(HEALTH_FACTORS as readonly string[]).includes(key)) {
      throw new Error(`${source}: unknown factor "${key}" (expected ${HEALTH_FACTORS.join(', ')})`);
    }
    const name = key as HealthFactorName;
    if (seen[name] !== undefined) throw new Error(`${source}: factor "${name}" given twice`);
    if (!/^(\d+\.?\d*|\.\d+)$/.test(raw)) throw new Error(`${source}: ${name}="${raw}" is not a non-negative number`);
    seen[name] = Number(raw);
  }
  const missing = HEALTH_FACTORS.filter((k) => seen[k] === undefined);
  if (missing.length) throw new Error(`${source}: missing weight for ${missing.join(', ')}`);
  return normaliseHealthWeights(seen as HealthWeights, source);
}

/**
 * The configured weights: `C360_HEALTH_WEIGHTS` parsed with {@link parseHealthWeights}, or
 * {@link DEFAULT_HEALTH_WEIGHTS} when unset or blank.
 * @throws Error prefixed `C360_HEALTH_WEIGHTS:` when the variable is set but invalid.
 */
export function resolveHealthWeights(env: NodeJS.ProcessEnv = process.env): HealthWeights {
  const text = env.C360_HEALTH_WEIGHTS;
  return text === undefined || text.trim() === '' ? DEFAULT_HEALTH_WEIGHTS : parseHealthWeights(text, 'C360_HEALTH_WEIGHTS');
}

/** Level of a 0–100 health score: excellent ≥ 80, good ≥ 60, fair ≥ 40, poor < 40. */
export function healthLevel(score: number): HealthLevel {
  return score >= 80 ? 'excellent' : score >= 60 ? 'good' : score >= 40 ? 'fair' : 'poor';
}

const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));
const nonNeg = (x: number) => Math.max(0, x);

/**
 * Computes the health score. Factor values (integers 0–100):
 * - purchase = 0 without a completed order (or RFM), else round(((f + m)/2 − 1)/4 × 100);
 * - recency = 0 when null, else round(100 − days × 100/365) clamped to 0–100;
 * - engagement = min(100, activityPoints(recent90) × 10);
 * - support = max(0, 100 − 20 × openTickets − 15 × negativeCsat180).
 * Rounding is half away from zero. `score` = round(Σ weightᵢ × valueᵢ) with the normalised weights
 * reported in `factors` (exact: computed in units of 0.0001), clamped to 0–100; `level` from
 * {@link healthLevel}. Recommendations: see {@link healthRecommendations}. Output satisfies `HealthScore`.
 * @param weights relative weights (default {@link DEFAULT_HEALTH_WEIGHTS}); normalised here.
 * @throws Error when `weights` are invalid (see {@link normaliseHealthWeights}).
 */
export function computeHealth(input: HealthInput, weights: HealthWeights = DEFAULT_HEALTH_WEIGHTS): HealthScore {
  const w = normaliseHealthWeights(weights);
  const { rfm, completedOrders, daysSinceLastPurchase: days, support } = input;
  const recent = input.engagement.recent90;
  const hasOrder = completedOrders > 0;
  const open = nonNeg(support.openTickets);
  const negative = nonNeg(support.negativeCsat180);
  const points = activityPoints(recent);
  const values: Record<HealthFactorName, number> = {
    purchase: hasOrder && rfm ? Math.round((rfm.f + rfm.m - 2) * 12.5) : 0,
    recency: days === null ? 0 : clamp(divRoundHalfAwayFromZero(36_500 - 100 * days, 365), 0, 100),
    engagement: Math.min(100, points * 10),
    support: nonNeg(100 - 20 * open - 15 * negative),
  };
  const details: Record<HealthFactorName, LocalizedText> = {
    purchase: !hasOrder
      ? localized('health.purchase.noOrder')
      : rfm
        ? localized('health.purchase.rfm', { f: rfm.f, m: rfm.m, orders: completedOrders })
        : localized('health.purchase.noRfm', { orders: completedOrders }),
    recency:
      days === null
        ? localized('health.recency.noOrder')
        : days < 0
          ? localized('health.recency.future')
          : localized('health.recency.days', { days }),
    engagement: localized('health.engagement', {
      points,
      orders: nonNeg(recent.orders),
      clicks: nonNeg(recent.emailClicks),
      opens: nonNeg(recent.emailOpens),
      sessions: nonNeg(recent.sessions),
    }),
    support: localized('health.support', { open, negative }),
  };
  const units = HEALTH_FACTORS.reduce((s, k) => s + Math.round(w[k] * 10_000) * values[k], 0);
  const score = clamp(divRoundHalfAwayFromZero(units, 10_000), 0, 100);
  const factors: HealthFactor[] = HEALTH_FACTORS.map((name) => {
    const { text: detail, code, params } = details[name];
    return { name, value: values[name], weight: w[name], detail, code, params };
  });
  return { score, level: healthLevel(score), factors, recommendations: healthRecommendations(factors, score, input) };
}

/**
 * Rule-based recommendations (R12.4), in this order, each tied to its factor:
 * recency < 40 → win-back offer naming the days; purchase < 40 → cross-sell / bundle;
 * engagement < 40 → re-engage on the preferred channel (email when opens + clicks exceed sessions
 * over the last 180 days, web/app when sessions exceed them); support < 60 → follow up open tickets
 * / resolve negative feedback; score ≥ 80 → invite to VIP / referral (factor `score`). When no rule
 * fires, one recommendation for the factor losing the most points (weight × (100 − value); ties:
 * factor order). Never empty.
 */
export function healthRecommendations(factors: readonly HealthFactor[], score: number, input: HealthInput): Advice[] {
  const v = Object.fromEntries(factors.map((f) => [f.name, f.value])) as Record<HealthFactorName, number>;
  const { daysSinceLastPurchase: days, engagement, support } = input;
  const out: Advice[] = [];
  const advise = (factor: string, text: LocalizedText) => out.push({ factor, ...text });
  if (v.recency < 40) {
    advise('recency', days === null ? localized('health.advice.firstPurchase') : localized('health.advice.winBack', { days }));
  }
  if (v.purchase < 40) advise('purchase', localized('health.advice.crossSell'));
  if (v.engagement < 40) {
    const windows = [engagement.recent90, engagement.prior90];
    const email = windows.reduce((s, c) => s + nonNeg(c.emailOpens) + nonNeg(c.emailClicks), 0);
    const web = windows.reduce((s, c) => s + nonNeg(c.sessions), 0);
    const code =
      email > web ? 'health.advice.reengageEmail' : web > email ? 'health.advice.reengageWeb' : 'health.advice.reengagePreferred';
    advise('engagement', localized(code));
  }
  if (v.support < 60) {
    advise('support', localized('health.advice.support', { open: support.openTickets, negative: support.negativeCsat180 }));
  }
  if (score >= 80) advise('score', localized('health.advice.vip'));
  if (out.length === 0) {
    const lost = (f: HealthFactor) => f.weight * (100 - f.value);
    const worst = factors.reduce((a, b) => (lost(b) > lost(a) ? b : a));
    advise(worst.name, localized('health.advice.strengthen', { factor: worst.name, value: worst.value }));
  }
  return out;
}
