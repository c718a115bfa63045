/** What every read needs: the database, the one as-of clock and the health weights. */
import type { Db } from '../db/connect.js';
import type { HealthWeights } from '../scoring/health.js';

/**
 * The read context of a request or command. `asOf` is the instant every day count and score is
 * computed against (SPEC §2 "Time"); `healthWeights` overrides the documented default weights.
 */
export interface ReadContext {
  db: Db;
  /** The clock every day count and score uses. */
  asOf: Date;
  healthWeights?: HealthWeights;
  /**
   * The clock writes are stamped with (scoring/clock.ts `writeClock`: as-of + elapsed time in the
   * demo, real time otherwise); unset = real time.
   */
  now?: () => Date;
}

/** The instant a write made now is stamped with: `ctx.now()`, or the real time. */
export function writeTime(ctx: ReadContext): Date {
  return ctx.now ? ctx.now() : new Date();
}
