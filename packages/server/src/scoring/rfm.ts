/**
 * RFM scoring (SPEC §4): recency, frequency and monetary value each scored 1–5 by quintile over
 * all customers with at least one completed order, plus the classic segment names.
 * @module
 */
import type { Rfm, RfmSegmentName } from '@c360/sdk';

/** One customer's RFM inputs. Only customers with ≥ 1 completed order belong to the population. */
export interface RfmInput {
  /** Whole days from the last completed order to as-of (fewer = better). */
  recencyDays: number;
  /** Number of completed orders. */
  frequency: number;
  /** Lifetime value (sum of completed order totals), integer minor units. */
  monetaryMinor: number;
}

/** The 20th, 40th, 60th and 80th percentiles of a population, ascending. */
export type Quintiles = readonly [p20: number, p40: number, p60: number, p80: number];

/**
 * Quintile breakpoints of a population: recency in days, frequency in completed orders, monetary in
 * minor units. Plain finite numbers (JSON-safe), so they can be cached or logged.
 */
export interface RfmBreakpoints {
  recency: Quintiles;
  frequency: Quintiles;
  monetary: Quintiles;
}

/** The percentiles used as breakpoints. */
export const RFM_PERCENTILES = [20, 40, 60, 80] as const;

/**
 * Breakpoints of a population: for each of recency, frequency and monetary, the 20/40/60/80th
 * percentile by the **nearest-rank** method: with the n values sorted ascending as v₁ ≤ … ≤ vₙ, the
 * p-th percentile is v_k with k = ⌈p × n / 100⌉ (so for n = 10: v₂, v₄, v₆, v₈; for n = 1 every
 * breakpoint is the single value).
 *
 * Empty population: every breakpoint is `Number.MAX_SAFE_INTEGER`, so nobody exceeds any of them and
 * every customer scores r 5, f 1, m 1 ("5 1 1", New) — the same as a population of one.
 *
 * @throws RangeError when a value is not a finite number.
 */
export function rfmBreakpoints(population: readonly RfmInput[]): RfmBreakpoints {
  const n = population.length;
  const recency = new Float64Array(n);
  const frequency = new Float64Array(n);
  const monetary = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const x = population[i]!;
    if (!Number.isFinite(x.recencyDays) || !Number.isFinite(x.frequency) || !Number.isFinite(x.monetaryMinor)) {
      throw new RangeError(`rfmBreakpoints: non-finite value in population[${i}]`);
    }
    recency[i] = x.recencyDays;
    frequency[i] = x.frequency;
    monetary[i] = x.monetaryMinor;
  }
  return { recency: quintiles(recency), frequency: quintiles(frequency), monetary: quintiles(monetary) };
}

function quintiles(values: Float64Array): Quintiles {
  const n = values.length;
  if (n === 0) {
    const none = Number.MAX_SAFE_INTEGER;
    return [none, none, none, none];
  }
  values.sort(); // typed arrays sort numerically
  const at = (p: number) => values[Math.max(1, Math.ceil((p * n) / 100)) - 1]!;
  return [at(20), at(40), at(60), at(80)];
}

/**
 * The segment of each (r, f) pair: rows r = 5 … 1, columns f = 1 … 5. Monetary does not pick the
 * segment (it is in the score string only).
 */
export const RFM_SEGMENT_TABLE: Readonly<Record<1 | 2 | 3 | 4 | 5, readonly RfmSegmentName[]>> = {
  5: ['New', 'Potential Loyalist', 'Potential Loyalist', 'Champions', 'Champions'],
  4: ['Promising', 'Potential Loyalist', 'Potential Loyalist', 'Loyal', 'Loyal'],
  3: ['About to Sleep', 'About to Sleep', 'Need Attention', 'Loyal', 'Loyal'],
  2: ['Hibernating', 'Hibernating', 'At Risk', 'At Risk', 'Cannot Lose Them'],
  1: ['Lost', 'Hibernating', 'At Risk', 'At Risk', 'Cannot Lose Them'],
};

/** The segment name of an (r, f) pair from {@link RFM_SEGMENT_TABLE}; both must be integers 1–5. */
export function rfmSegment(r: number, f: number): RfmSegmentName {
  const row = RFM_SEGMENT_TABLE[r as 1 | 2 | 3 | 4 | 5];
  const name = row?.[f - 1];
  if (name === undefined) throw new RangeError(`rfmSegment: r=${r}, f=${f} outside 1–5`);
  return name;
}

/**
 * Scores one customer against population breakpoints (5 = best):
 * - f = 1 + #{k : frequency > frequency breakpoint k}
 * - m = 1 + #{k : monetaryMinor > monetary breakpoint k}
 * - r = 5 − #{k : recencyDays > recency breakpoint k} (fewer days = better)
 *
 * Comparisons are strict, so values tied with a breakpoint stay in the lower f/m band and in the
 * higher r band. `score` is `"r f m"` (single spaces); `segment` comes from {@link RFM_SEGMENT_TABLE}.
 * Result satisfies the SDK's `Rfm` schema.
 */
export function scoreRfm(x: RfmInput, bp: RfmBreakpoints): Rfm {
  const above = (value: number, q: Quintiles) => q.filter((t) => value > t).length;
  const r = 5 - above(x.recencyDays, bp.recency);
  const f = 1 + above(x.frequency, bp.frequency);
  const m = 1 + above(x.monetaryMinor, bp.monetary);
  return { r, f, m, score: `${r} ${f} ${m}`, segment: rfmSegment(r, f) };
}
