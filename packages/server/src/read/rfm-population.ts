/**
 * RFM quintile breakpoints over all customers with a completed order (SPEC §4, nearest-rank, as
 * docs/scoring.md defines them — exact, no approximation):
 *
 * - **index-backed**: n is counted, then each breakpoint is the one row at rank ⌈p·n/100⌉ of its
 *   column, read with `order by … limit 1 offset rank − 1` from the partial indexes of migration
 *   0007 (`… where completed_orders > 0`), so no row is sorted or loaded: 13 small queries walking
 *   index entries, instead of loading and sorting every customer's stats. Recency in days is a
 *   non-increasing function of `last_completed_at`, so its k-th smallest value is the day count
 *   of the k-th latest last purchase;
 * - **once per stats epoch**: cached per database (the `owner`, see {@link getRfmBreakpoints}) for
 *   one `meta.stats_version` and as-of, and **single-flight**: concurrent misses share one
 *   computation.
 * @module
 */
import { sql } from 'kysely';
import type { Db } from '../db/connect.js';
import { RFM_PERCENTILES, type Quintiles, type RfmBreakpoints } from '../scoring/rfm.js';
import { wholeDaysBetween } from '../scoring/clock.js';

interface CacheEntry {
  version: string;
  asOf: number;
  breakpoints: Promise<RfmBreakpoints>;
}

const cache = new WeakMap<object, CacheEntry>();

/** The current `meta.stats_version` ('0' before any stats were written). */
async function statsVersion(db: Db): Promise<string> {
  const meta = await db.selectFrom('meta').select('value').where('key', '=', 'stats_version').executeTakeFirst();
  return meta?.value ?? '0';
}

/**
 * The breakpoints for `asOf`. `owner` keys the cache: the database handle (default `db`); a read
 * transaction over committed data passes its root handle so that every request shares one entry,
 * while a write transaction (uncommitted stats) keeps the default and caches for itself only.
 * `knownVersion`: the `meta.stats_version` the caller already read in the same snapshot.
 */
export async function getRfmBreakpoints(db: Db, asOf: Date, owner: object = db, knownVersion?: string): Promise<RfmBreakpoints> {
  const version = knownVersion ?? (await statsVersion(db));
  const hit = cache.get(owner);
  if (hit && hit.version === version && hit.asOf === asOf.getTime()) return hit.breakpoints;
  const entry: CacheEntry = { version, asOf: asOf.getTime(), breakpoints: computeRfmBreakpoints(db, asOf) };
  cache.set(owner, entry);
  entry.breakpoints.catch(() => {
    if (cache.get(owner) === entry) cache.delete(owner);
  });
  return entry.breakpoints;
}

/** The population's breakpoints, computed from the indexes (no cache). */
export async function computeRfmBreakpoints(db: Db, asOf: Date): Promise<RfmBreakpoints> {
  const count = await sql<{ n: number }>`select count(*) as n from customer_stats where completed_orders > 0`.execute(db);
  const n = Number(count.rows[0]?.n ?? 0);
  if (n === 0) {
    const none = Number.MAX_SAFE_INTEGER;
    return { recency: [none, none, none, none], frequency: [none, none, none, none], monetary: [none, none, none, none] };
  }
  const ranks = RFM_PERCENTILES.map((p) => Math.max(1, Math.ceil((p * n) / 100)));
  // A range on the ordered column itself (always true in the population) steers the planner to that
  // column's index rather than to the completed_orders one.
  const RANGE = {
    completed_orders: sql``,
    total_spent_minor: sql`and total_spent_minor >= ${Number.MIN_SAFE_INTEGER}`,
    last_completed_at: sql`and last_completed_at > ''`,
  };
  const at = async (column: keyof typeof RANGE, dir: 'asc' | 'desc', rank: number) => {
    const { rows } = await sql<{ v: string | number }>`select ${sql.ref(column)} as v from customer_stats
      where completed_orders > 0 ${RANGE[column]} order by ${sql.ref(column)} ${sql.raw(dir)} limit 1 offset ${rank - 1}`.execute(db);
    return rows[0]!.v;
  };
  const quintiles = async (f: (rank: number) => Promise<number>) => (await Promise.all(ranks.map(f))) as unknown as Quintiles;
  return {
    recency: await quintiles(async (k) => wholeDaysBetween(String(await at('last_completed_at', 'desc', k)), asOf)),
    frequency: await quintiles(async (k) => Number(await at('completed_orders', 'asc', k))),
    monetary: await quintiles(async (k) => Number(await at('total_spent_minor', 'asc', k))),
  };
}
