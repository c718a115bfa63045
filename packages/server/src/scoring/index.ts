/**
 * Pure scoring of c360 (SPEC §4): the one clock, money arithmetic, value metrics, RFM, health score
 * and churn risk. No I/O and no clock reads: the as-of instant is always a parameter.
 * Definitions: docs/scoring.md.
 * @module
 */
export { MS_PER_DAY, parseIsoUtc, wholeDaysBetween, resolveAsOf, type AsOfOptions } from './clock.js';
export { currencyExponent, decimalToMicros, divRoundHalfAwayFromZero, microsToMinor, orderTotalMinor, minorToMajor } from './money.js';
export { computeMetrics, purchaseFrequency, MIN_TENURE_DAYS_FOR_FREQUENCY, type CustomerStatsInput } from './metrics.js';
export {
  rfmBreakpoints,
  scoreRfm,
  rfmSegment,
  RFM_PERCENTILES,
  RFM_SEGMENT_TABLE,
  type RfmInput,
  type RfmBreakpoints,
  type Quintiles,
} from './rfm.js';
export { activityPoints, ACTIVITY_POINTS, type ActivityCounts, type EngagementInput, type SupportInput } from './engagement.js';
export {
  computeHealth,
  healthLevel,
  healthRecommendations,
  normaliseHealthWeights,
  parseHealthWeights,
  resolveHealthWeights,
  DEFAULT_HEALTH_WEIGHTS,
  HEALTH_FACTORS,
  type HealthWeights,
  type HealthInput,
} from './health.js';
export {
  computeChurn,
  churnLevel,
  churnStrategies,
  usualPurchaseGapDays,
  DEFAULT_PURCHASE_GAP_DAYS,
  MIN_PURCHASE_GAP_DAYS,
  CHURN_MAX_CONTRIBUTION,
  type ChurnInput,
} from './churn.js';
