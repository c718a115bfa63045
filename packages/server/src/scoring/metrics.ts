/**
 * Value metrics of one customer (SPEC §4), computed from the per-customer aggregates
 * (`customer_stats`) and the as-of instant. Pure: no I/O, no clock.
 * @module
 */
import type { CustomerMetrics } from '@c360/sdk';
import { wholeDaysBetween, parseIsoUtc } from './clock.js';
import { divRoundHalfAwayFromZero, minorToMajor } from './money.js';

/**
 * The aggregates {@link computeMetrics} needs. Money in integer minor units of `currency`
 * (pence for GBP); timestamps ISO 8601 (no zone = UTC).
 */
export interface CustomerStatsInput {
  /** ISO 4217 code, e.g. `GBP`. */
  currency: string;
  /** Registration time (or, where a source has none, the first order's placed time). */
  registeredAt: string;
  /** Count of all orders, any status. */
  totalOrders: number;
  /** Count of orders with status `delivered`/`completed`. */
  completedOrders: number;
  /** Sum of completed order totals, minor units. */
  totalSpentMinor: number;
  /** Sum of refunds, minor units (sign ignored: reported as a positive amount). */
  totalRefundedMinor: number;
  /** Placed time of the first order of any status, or null. */
  firstOrderAt: string | null;
  /** Placed time of the last completed order, or null. */
  lastCompletedAt: string | null;
}

/** Days of tenure below which purchase frequency is not extrapolated (SPEC §4: "floored at 30 days"). */
export const MIN_TENURE_DAYS_FOR_FREQUENCY = 30;

/**
 * Computes {@link CustomerMetrics} exactly as SPEC §4 defines them:
 *
 * - `lifetimeValue` = `totalSpent` = `totalSpentMinor` in major units (refunds never subtracted);
 * - `averageOrderValue` = `totalSpentMinor / completedOrders` rounded half away from zero to the minor
 *   unit, in major units; 0 when there is no completed order;
 * - `totalRefunded` = |`totalRefundedMinor`| in major units;
 * - `daysSinceLastPurchase` = whole days `lastCompletedAt` → `asOf` (null when none; negative when the
 *   last completed order is after `asOf`, see {@link wholeDaysBetween});
 * - `tenureDays` = whole days `registeredAt` → `asOf` (negative if registered after `asOf`);
 * - `purchaseFrequency` = `completedOrders / (max(tenureDays, 30) / 30)`, i.e. completed orders per
 *   30 days, rounded half away from zero to 4 decimals (computed in exact integer arithmetic);
 * - `firstOrderAt`, `lastPurchaseAt` (= `lastCompletedAt`) normalised to `YYYY-MM-DDTHH:mm:ss.sssZ`.
 *
 * @throws Error when a timestamp is not an ISO date, or `currency` is not a known ISO 4217 code
 *   (from `Intl.NumberFormat`).
 */
export function computeMetrics(stats: CustomerStatsInput, asOf: Date): CustomerMetrics {
  const { currency, completedOrders, totalSpentMinor } = stats;
  const aovMinor = completedOrders > 0 ? divRoundHalfAwayFromZero(totalSpentMinor, completedOrders) : 0;
  const tenureDays = wholeDaysBetween(stats.registeredAt, asOf);
  const spent = minorToMajor(totalSpentMinor, currency);
  return {
    currency,
    lifetimeValue: spent,
    totalSpent: spent,
    averageOrderValue: minorToMajor(aovMinor, currency),
    totalOrders: stats.totalOrders,
    completedOrders,
    totalRefunded: minorToMajor(Math.abs(stats.totalRefundedMinor), currency),
    daysSinceLastPurchase: stats.lastCompletedAt === null ? null : wholeDaysBetween(stats.lastCompletedAt, asOf),
    tenureDays,
    purchaseFrequency: purchaseFrequency(completedOrders, tenureDays),
    firstOrderAt: normaliseTimestamp(stats.firstOrderAt),
    lastPurchaseAt: normaliseTimestamp(stats.lastCompletedAt),
  };
}

/**
 * Completed orders per 30 days of tenure, tenure floored at 30 days, rounded half away from zero to
 * 4 decimals: `round₄(completedOrders × 30 / max(tenureDays, 30))`. Exact (integer arithmetic).
 */
export function purchaseFrequency(completedOrders: number, tenureDays: number): number {
  const days = Math.max(tenureDays, MIN_TENURE_DAYS_FOR_FREQUENCY);
  return divRoundHalfAwayFromZero(completedOrders * 30 * 10_000, days) / 10_000;
}

function normaliseTimestamp(iso: string | null): string | null {
  if (iso === null) return null;
  const ms = parseIsoUtc(iso);
  if (ms === null) throw new Error(`"${iso}" is not an ISO date`);
  return new Date(ms).toISOString();
}
