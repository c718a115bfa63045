/**
 * The 11 RFM segments as segments (kind `rfm`): their ids, and their membership as SQL over
 * `customer_stats` — for member counts and the `segment` search filter — exactly matching the
 * per-customer `scoreRfm` of the 360 view. Day counts are turned into timestamp thresholds
 * (`days > b` ⇔ `last_completed_at ≤ asOf − (b+1) days`), so SQL never does date arithmetic.
 * @module
 */
import { sql, type RawBuilder } from 'kysely';
import { RfmSegmentName as RfmSegmentNames, type RfmSegmentName } from '@c360/sdk';
import type { Db } from '../db/connect.js';
import { MS_PER_DAY } from '../scoring/clock.js';
import { RFM_SEGMENT_TABLE, type RfmBreakpoints } from '../scoring/rfm.js';
import { getRfmBreakpoints } from '../read/rfm-population.js';

/** `Potential Loyalist` → `rfm:potential-loyalist` (the id the 360 view gives the RFM segment). */
export function rfmSegmentId(name: string): string {
  return `rfm:${name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
}

/** The (r, f) pairs of each segment, as `r × 10 + f`. */
export function rfCodes(segment: RfmSegmentName): number[] {
  const codes: number[] = [];
  for (const r of [1, 2, 3, 4, 5] as const) {
    RFM_SEGMENT_TABLE[r].forEach((name, i) => {
      if (name === segment) codes.push(r * 10 + (i + 1));
    });
  }
  return codes;
}

/** Latest ISO timestamp Date can represent; beyond it a threshold is "never". */
const MAX_MS = 8.64e15;

/**
 * SQL for `r × 10 + f` of the customer_stats row aliased `alias` (meaningful where
 * `completed_orders > 0`).
 */
export function rfSql(bp: RfmBreakpoints, asOf: Date, alias = 's'): RawBuilder<number> {
  const last = sql.ref(`${alias}.last_completed_at`);
  const orders = sql.ref(`${alias}.completed_orders`);
  const olderThan = bp.recency.map((b) => {
    const ms = asOf.getTime() - (b + 1) * MS_PER_DAY;
    if (!Number.isFinite(ms) || ms < -MAX_MS) return sql`0`;
    if (ms > MAX_MS) return sql`1`;
    return sql`(case when ${last} <= ${new Date(ms).toISOString()} then 1 else 0 end)`;
  });
  const moreThan = bp.frequency.map((b) => sql`(case when ${orders} > ${b} then 1 else 0 end)`); // integers: PostgreSQL does not add booleans
  return sql<number>`((5 - (${sql.join(olderThan, sql` + `)})) * 10 + 1 + ${sql.join(moreThan, sql` + `)})`;
}

/** The SQL condition "the customer_stats row `alias` is in RFM segment `name`". */
export async function rfmMemberSql(db: Db, asOf: Date, name: RfmSegmentName, alias = 's'): Promise<RawBuilder<boolean>> {
  const bp = await getRfmBreakpoints(db, asOf);
  return sql<boolean>`(${sql.ref(`${alias}.completed_orders`)} > 0 and ${rfSql(bp, asOf, alias)} in (${sql.join(rfCodes(name))}))`;
}

/** Number of customers in each RFM segment at `asOf` (every segment present, 0 when empty). */
export async function rfmSegmentCounts(db: Db, asOf: Date): Promise<Map<RfmSegmentName, number>> {
  const bp = await getRfmBreakpoints(db, asOf);
  const { rows } = await sql<{ rf: number; n: number }>`
    select ${rfSql(bp, asOf)} as rf, count(*) as n from customer_stats s where s.completed_orders > 0 group by rf`.execute(db);
  const counts = new Map<RfmSegmentName, number>(RfmSegmentNames.options.map((n) => [n, 0]));
  for (const { rf, n } of rows) {
    const r = Math.floor(Number(rf) / 10) as 1 | 2 | 3 | 4 | 5;
    const name = RFM_SEGMENT_TABLE[r]?.[(Number(rf) % 10) - 1];
    if (name) counts.set(name, (counts.get(name) ?? 0) + Number(n));
  }
  return counts;
}

/** The RFM segment name of an `rfm:` segment id, or null. */
export function rfmSegmentName(id: string): RfmSegmentName | null {
  return RfmSegmentNames.options.find((n) => rfmSegmentId(n) === id) ?? null;
}
