/**
 * RFM quintile breakpoints over all customers with a completed order (SPEC §4), computed from
 * `customer_stats` and cached until the stats change (`meta.stats_version`) or the as-of date moves.
 * @module
 */
import type { Db } from '../db/connect.js';
import { rfmBreakpoints, type RfmBreakpoints } from '../scoring/rfm.js';
import { wholeDaysBetween } from '../scoring/clock.js';

interface CacheEntry {
  version: string;
  asOf: number;
  breakpoints: RfmBreakpoints;
}

const cache = new WeakMap<Db, CacheEntry>();

/** The breakpoints for `asOf`; one scan of `customer_stats` per stats version. */
export async function getRfmBreakpoints(db: Db, asOf: Date): Promise<RfmBreakpoints> {
  const meta = await db.selectFrom('meta').select('value').where('key', '=', 'stats_version').executeTakeFirst();
  const version = meta?.value ?? '0';
  const hit = cache.get(db);
  if (hit && hit.version === version && hit.asOf === asOf.getTime()) return hit.breakpoints;

  const rows = await db
    .selectFrom('customer_stats')
    .select(['completed_orders', 'total_spent_minor', 'last_completed_at'])
    .where('completed_orders', '>', 0)
    .execute();
  const breakpoints = rfmBreakpoints(
    rows.map((r) => ({
      recencyDays: wholeDaysBetween(r.last_completed_at!, asOf),
      frequency: Number(r.completed_orders),
      monetaryMinor: Number(r.total_spent_minor),
    })),
  );
  cache.set(db, { version, asOf: asOf.getTime(), breakpoints });
  return breakpoints;
}
