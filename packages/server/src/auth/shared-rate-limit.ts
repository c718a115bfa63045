/**
 * The write rate limit of SPEC §8 kept in the database, so that several server instances on one
 * database share each token's budget (issue 10): the same token bucket as {@link WriteRateLimiter}
 * (`perMinute` writes in a burst, refilling continuously at `perMinute` per minute), stored in
 * `rate_buckets` (migration 0009) and taken by ONE upsert — refill, take if a whole token is
 * there, remember whether it did — which each engine applies atomically to the row.
 * @module
 */
import { sql } from 'kysely';
import type { Db } from '../db/connect.js';

export class SharedWriteRateLimiter {
  readonly perMinute: number;

  /** `perMinute` 0 = unlimited (no database access). */
  constructor(
    private readonly db: Db,
    perMinute: number,
  ) {
    if (!Number.isInteger(perMinute) || perMinute < 0) throw new Error(`write rate ${perMinute}: a whole number ≥ 0`);
    this.perMinute = perMinute;
  }

  /**
   * Takes one write from `key`'s bucket at `nowMs` (epoch ms). Resolves to 0 when allowed, else
   * the whole seconds until the next write is allowed (for `Retry-After`).
   */
  async take(key: string, nowMs: number): Promise<number> {
    if (this.perMinute === 0) return 0;
    const cap = this.perMinute;
    const perMs = sql`cast(${cap / 60_000} as double precision)`;
    // The bucket refilled up to now, capped; the elapsed time never counts backwards.
    const raw = sql`(b.tokens + (case when excluded.at > b.at then excluded.at - b.at else 0 end) * ${perMs})`;
    const refilled = sql`(case when ${raw} > ${cap} then cast(${cap} as double precision) else ${raw} end)`;
    const { rows } = await sql<{ tokens: number; granted: number }>`
      insert into rate_buckets as b (key, tokens, at, granted) values (${key}, cast(${cap - 1} as double precision), ${nowMs}, 1)
      on conflict (key) do update set
        tokens = case when ${refilled} >= 1 then ${refilled} - 1 else ${refilled} end,
        granted = case when ${refilled} >= 1 then 1 else 0 end,
        at = case when excluded.at > b.at then excluded.at else b.at end
      returning tokens, granted`.execute(this.db);
    const row = rows[0]!;
    if (Number(row.granted) === 1) return 0;
    return Math.max(1, Math.ceil((1 - Number(row.tokens)) / (cap / 60_000) / 1000));
  }
}
