/**
 * Member counts of the 11 RFM segments for GET /segments, computed once per stats epoch
 * (`meta.stats_version`) and as-of, and shared (concurrent requests share one computation). The
 * grouping visits every customer with a completed order, so after a stats change:
 *
 * - while the population (customers with a completed order, as last counted) is at most
 *   {@link INLINE_MAX_CUSTOMERS}, the first GET /segments of the new epoch groups them (a few
 *   milliseconds) and answers exact counts;
 * - beyond, the GET answers the previous epoch's counts at once and the grouping runs right after
 *   it, in its own read snapshot; later GETs get the new counts once it is done. Counts then lag an
 *   ingestion batch by one grouping (one pass over the population), never more: each GET
 *   of a newer epoch starts (or joins) the refresh.
 * @module
 */
import type { RfmSegmentName } from '@c360/sdk';
import type { Db } from '../db/connect.js';
import { rfmSegmentCounts } from './rfm.js';

/**
 * Largest population a GET groups itself (the Online Retail sample's 4,372 customers fit; grouping
 * 10,000 took 25–110 ms on the shared 2-core machine, over the 20 ms budget of GET /segments); a
 * larger one is refreshed after the GET. A size, not a measured time, so that what a GET answers
 * never depends on the machine's load.
 */
export const INLINE_MAX_CUSTOMERS = 5_000;

type Counts = Map<RfmSegmentName, number>;

interface State {
  /** The last counts computed: their epoch, as-of and value. */
  done?: { version: string; asOf: number; counts: Counts };
  /** The computation under way, for this epoch and as-of. */
  running?: { version: string; asOf: number; counts: Promise<Counts> };
  /** The population of the last counts (their sum). */
  population: number;
}

const states = new WeakMap<object, State>();

async function statsVersion(db: Db): Promise<string> {
  const row = await db.selectFrom('meta').select('value').where('key', '=', 'stats_version').executeTakeFirst();
  return row?.value ?? '0';
}

/** Starts (or joins) the computation of the counts of `version` at `asOf`. */
function compute(state: State, db: Db, version: string, asOf: Date, defer: boolean): Promise<Counts> {
  const at = asOf.getTime();
  if (state.running && state.running.version === version && state.running.asOf === at) return state.running.counts;
  const run = async (): Promise<Counts> => {
    if (defer) await new Promise((resolve) => setImmediate(resolve)); // after the GET that started it
    const counts = db.isTransaction
      ? await rfmSegmentCounts(db, asOf)
      : await db
          .transaction()
          .setAccessMode('read only')
          .execute((trx) => rfmSegmentCounts(trx, asOf));
    state.population = [...counts.values()].reduce((a, b) => a + b, 0);
    return counts;
  };
  const running = { version, asOf: at, counts: run() };
  state.running = running;
  running.counts.then(
    (counts) => {
      if (state.running === running) state.running = undefined;
      if (!state.done || state.done.version !== version || state.done.asOf !== at) state.done = { version, asOf: at, counts };
    },
    () => {
      if (state.running === running) state.running = undefined;
    },
  );
  return running.counts;
}

/**
 * The RFM counts at `asOf`: exact for the current stats, or — for a population over
 * {@link INLINE_MAX_CUSTOMERS} — the previous epoch's while the new ones are computed (see the module
 * comment). `owner` keys the state: the database handle (default `db`); reads over committed data
 * pass their root handle. `inlineMax` overrides {@link INLINE_MAX_CUSTOMERS} (tests).
 */
export async function cachedRfmCounts(db: Db, asOf: Date, owner: object = db, inlineMax = INLINE_MAX_CUSTOMERS): Promise<Counts> {
  const version = await statsVersion(db);
  let state = states.get(owner);
  if (!state) states.set(owner, (state = { population: 0 }));
  const { done } = state;
  if (done && done.asOf === asOf.getTime()) {
    if (done.version === version) return done.counts;
    if (state.population > inlineMax && !db.isTransaction) {
      compute(state, db, version, asOf, true).catch(() => undefined); // reported by the next GET that computes
      return done.counts;
    }
  }
  return compute(state, db, version, asOf, false);
}

/** Resolves once no refresh of `owner`'s counts is under way (the bench and tests wait for it). */
export async function rfmCountsSettled(owner: object): Promise<void> {
  for (let running = states.get(owner)?.running; running; running = states.get(owner)?.running) {
    await running.counts.catch(() => undefined);
  }
}
