/**
 * Activity and support inputs shared by the health score and churn risk (SPEC §4), and the one
 * formula that turns activity counts into points.
 * @module
 */

/** Activity counts of one customer in one 90-day window (non-negative integers). */
export interface ActivityCounts {
  /** Orders placed (any status). */
  orders: number;
  /** Marketing emails opened. */
  emailOpens: number;
  /** Marketing email links clicked. */
  emailClicks: number;
  /** Web/app sessions started. */
  sessions: number;
}

/**
 * Activity in the two windows before as-of: `recent90` = (asOf − 90 d, asOf],
 * `prior90` = (asOf − 180 d, asOf − 90 d].
 */
export interface EngagementInput {
  recent90: ActivityCounts;
  prior90: ActivityCounts;
}

/** Support facts of one customer at as-of (non-negative integers). */
export interface SupportInput {
  /** Tickets currently open (any creation date). */
  openTickets: number;
  /** Tickets created in the last 180 days with a CSAT rating ≤ 2 of 5. */
  negativeCsat180: number;
  /** Tickets created in the last 180 days. */
  tickets180: number;
}

/** Points per unit of each activity, used by {@link activityPoints}. */
export const ACTIVITY_POINTS = { orders: 3, emailClicks: 2, emailOpens: 1, sessions: 1 } as const;

/**
 * Activity points of one window: `orders × 3 + emailClicks × 2 + emailOpens × 1 + sessions × 1`
 * (an order is the strongest signal, a click stronger than an open). Negative counts count as 0.
 */
export function activityPoints(c: ActivityCounts): number {
  const n = (v: number) => Math.max(0, v);
  return (
    n(c.orders) * ACTIVITY_POINTS.orders +
    n(c.emailClicks) * ACTIVITY_POINTS.emailClicks +
    n(c.emailOpens) * ACTIVITY_POINTS.emailOpens +
    n(c.sessions) * ACTIVITY_POINTS.sessions
  );
}

/** `"1 order"` / `"3 orders"`: a count with its noun, pluralised with a trailing s. */
export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
