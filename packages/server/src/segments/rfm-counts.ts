/**
 * Member counts of the 11 RFM segments for GET /segments, computed once per stats epoch
 * (`meta.stats_version`) and as-of, and shared: the grouping over `customer_stats` runs on the first
 * GET /segments after a stats change (concurrent misses share it), not on every call.
 * @module
 */
import type { RfmSegmentName } from '@c360/sdk';
import type { Db } from '../db/connect.js';
import { rfmSegmentCounts } from './rfm.js';

interface Entry {
  version: string;
  asOf: number;
  counts: Promise<Map<RfmSegmentName, number>>;
}

const cache = new WeakMap<object, Entry>();

/**
 * The RFM counts at `asOf` (exact for the current stats). `owner` keys the cache: the database
 * handle (default `db`); reads over committed data pass their root handle.
 */
export async function cachedRfmCounts(db: Db, asOf: Date, owner: object = db): Promise<Map<RfmSegmentName, number>> {
  const row = await db.selectFrom('meta').select('value').where('key', '=', 'stats_version').executeTakeFirst();
  const version = row?.value ?? '0';
  const hit = cache.get(owner);
  if (hit && hit.version === version && hit.asOf === asOf.getTime()) return hit.counts;
  const entry: Entry = { version, asOf: asOf.getTime(), counts: rfmSegmentCounts(db, asOf) };
  cache.set(owner, entry);
  entry.counts.catch(() => {
    if (cache.get(owner) === entry) cache.delete(owner);
  });
  return entry.counts;
}
