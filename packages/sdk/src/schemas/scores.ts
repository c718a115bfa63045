/**
 * Scores of the 360 view: RFM, health score (R12) and churn risk (R13). Every score is 0–100
 * unless stated; definitions in docs/scoring.md.
 * @module
 */
import { z } from 'zod';
import { TextParams } from './common.js';

export const RfmSegmentName = z.enum([
  'Champions',
  'Loyal',
  'Potential Loyalist',
  'New',
  'Promising',
  'Need Attention',
  'About to Sleep',
  'At Risk',
  'Cannot Lose Them',
  'Hibernating',
  'Lost',
]);
export type RfmSegmentName = z.infer<typeof RfmSegmentName>;

const Quintile = z.number().int().min(1).max(5);

/** RFM quintile scores (5 = best) over all customers with a completed order. */
export const Rfm = z
  .object({
    r: Quintile.meta({ description: 'Recency quintile (5 = most recent)' }),
    f: Quintile.meta({ description: 'Frequency quintile (completed orders)' }),
    m: Quintile.meta({ description: 'Monetary quintile (lifetime value)' }),
    score: z
      .string()
      .regex(/^[1-5] [1-5] [1-5]$/)
      .meta({ example: '5 4 4' }),
    segment: RfmSegmentName,
  })
  .meta({ id: 'Rfm' });
export type Rfm = z.infer<typeof Rfm>;

export const HealthLevel = z.enum(['excellent', 'good', 'fair', 'poor']);
export type HealthLevel = z.infer<typeof HealthLevel>;
export const HealthFactorName = z.enum(['purchase', 'recency', 'engagement', 'support']);
export type HealthFactorName = z.infer<typeof HealthFactorName>;

/** One factor of the health score: its own 0–100 score and its weight in the sum (R12.3). */
export const HealthFactor = z.object({
  name: HealthFactorName,
  value: z.number().min(0).max(100),
  weight: z.number().min(0).max(1).meta({ description: 'Normalised weight; weights sum to 1' }),
  detail: z.string().meta({ description: 'Human-readable reason for the value (English)' }),
  code: z.string().meta({ description: 'Stable code of `detail`, e.g. `health.recency.days`', example: 'health.recency.days' }),
  params: TextParams.meta({ description: 'Parameters of `code`', example: { days: 12 } }),
});
export type HealthFactor = z.infer<typeof HealthFactor>;

/** A rule-based action, tied to the factor that triggered it; `text` (English) is `code` rendered with `params`. */
export const Advice = z.object({
  factor: z.string(),
  text: z.string(),
  code: z.string().meta({ example: 'health.advice.winBack' }),
  params: TextParams,
});
export type Advice = z.infer<typeof Advice>;

/** Health score 0–100 = Σ weight × factor; excellent ≥ 80, good ≥ 60, fair ≥ 40, poor < 40. */
export const HealthScore = z
  .object({
    score: z.number().int().min(0).max(100),
    level: HealthLevel,
    factors: z.array(HealthFactor),
    recommendations: z.array(Advice).meta({ description: 'R12.4' }),
  })
  .meta({ id: 'HealthScore' });
export type HealthScore = z.infer<typeof HealthScore>;

export const ChurnLevel = z.enum(['low', 'medium', 'high']);
export type ChurnLevel = z.infer<typeof ChurnLevel>;
export const ChurnFactorName = z.enum(['purchaseGap', 'engagementDecline', 'supportIssues']);
export type ChurnFactorName = z.infer<typeof ChurnFactorName>;

/** One contributor to churn risk: the observed value and the points it adds to the score. */
export const ChurnFactor = z.object({
  name: ChurnFactorName,
  value: z.number().meta({ description: 'Observed value (ratio, fraction or count; see detail)' }),
  contribution: z.number().min(0).max(100).meta({ description: 'Points added to the 0–100 churn score' }),
  maxContribution: z.number().min(0).max(100),
  detail: z.string().meta({ description: 'Human-readable reason (English)' }),
  code: z.string().meta({ description: 'Stable code of `detail`, e.g. `churn.purchaseGap.usual`' }),
  params: TextParams,
});
export type ChurnFactor = z.infer<typeof ChurnFactor>;

/** Churn risk 0–100 = Σ contributions; low < 34 ≤ medium < 67 ≤ high (R13). */
export const ChurnRisk = z
  .object({
    score: z.number().int().min(0).max(100),
    level: ChurnLevel,
    factors: z.array(ChurnFactor),
    strategies: z.array(Advice).meta({ description: 'Retention strategies (R13.4)' }),
  })
  .meta({ id: 'ChurnRisk' });
export type ChurnRisk = z.infer<typeof ChurnRisk>;
