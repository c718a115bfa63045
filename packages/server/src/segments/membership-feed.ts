/**
 * Which rule-membership changes reach the change feed (decision 74). Memberships are shown in the
 * 360 view (`segments` section), so a change of them is a change of the customer: a refresh of the
 * customers a write touched (ingestion, tags) records every entry and exit, with its timeline entry.
 * A segment-wide recomputation (a rule segment created or its criteria changed, the background
 * refresh after the as-of, the health weights or the stats moved) records them too, one row per
 * customer who entered or left — unless more than {@link BULK_FEED_LIMIT} customers did: such a
 * mass change (a broad new rule, a first refresh) would flood the feed (it keeps 100,000 rows, and
 * every subscriber's hub reads each new row), so it records none and viewers see it at their next load.
 * @module
 */
import type { ChangeDraft } from '../realtime/feed.js';

/** Most customers whose membership change a segment-wide recomputation records in the change feed. */
export const BULK_FEED_LIMIT = 2_000;

/** `drafts` of a segment-wide recomputation, or none when they name more than {@link BULK_FEED_LIMIT} customers. */
export function feedOfBulk(drafts: readonly ChangeDraft[]): readonly ChangeDraft[] {
  return new Set(drafts.map((d) => d.customerId)).size > BULK_FEED_LIMIT ? [] : drafts;
}
