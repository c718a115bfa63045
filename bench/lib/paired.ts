/**
 * One endpoint measured beside its reference: GET via `app.request()` over the input paths, then the
 * very statements those requests issued (recorded by replay.ts's `Recorder`, replayed as
 * better-sqlite3 prepared statements) — two report rows and the endpoint's distinct SQL.
 * @module
 */
import type { Fetcher } from './http.js';
import { get } from './http.js';
import { distinctStatements, statementsPerCall, type Recorder, type Statement } from './replay.js';
import type { Row } from './report.js';
import { measure, type Summary } from './stats.js';

export interface PairContext {
  app: Fetcher;
  recorder: Recorder;
  replay: { run: (statements: readonly Statement[]) => void };
  warmup: number;
}

export interface Pair {
  rows: Row[];
  api: Summary;
  sql: Summary;
  distinct: { endpoint: string; distinct: Array<{ sql: string; calls: number }> };
}

/** Measures `paths` (warm-up on `warmPaths`) in-process and as raw SQL; labels the rows. */
export async function paired(
  ctx: PairContext,
  endpoint: string,
  paths: readonly string[],
  warmPaths: readonly string[],
  what: { api: string; sql?: string },
): Promise<Pair> {
  process.stderr.write(`bench: ${endpoint}\n`);
  const recorded = await ctx.recorder.recordAll(paths);
  const warmRecorded = await ctx.recorder.recordAll(warmPaths);
  const api = await measure(paths, (p) => get(ctx.app, p), { warmup: ctx.warmup, warmupInputs: warmPaths });
  const sql = await measure(recorded, ctx.replay.run, { warmup: ctx.warmup, warmupInputs: warmRecorded });
  const perCall = statementsPerCall(recorded);
  return {
    rows: [
      { endpoint, what: what.api, summary: api, statements: perCall },
      { endpoint, what: what.sql ?? 'ref: raw SQL — the same statements', summary: sql, statements: perCall },
    ],
    api,
    sql,
    distinct: { endpoint, distinct: distinctStatements(recorded) },
  };
}
