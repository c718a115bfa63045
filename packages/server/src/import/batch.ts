/**
 * Multi-row INSERT batching: within the bound-parameter limit of every engine c360 runs on
 * (db/dialects/), and a few hundred rows per statement, where the per-statement overhead stops
 * mattering.
 * @module
 */
import { MAX_PARAMETERS_EVERYWHERE } from '../db/dialects/index.js';

/** Most rows per statement. */
export const MAX_BATCH_ROWS = 500;
const MAX_VARIABLES = MAX_PARAMETERS_EVERYWHERE;

/** Rows per statement for a table of `columns` bound columns. */
export function batchSize(columns: number): number {
  return Math.max(1, Math.min(MAX_BATCH_ROWS, Math.floor(MAX_VARIABLES / columns)));
}

/** Calls `write` with consecutive slices of `rows`, each small enough for one statement. */
export async function inBatches<T extends object>(rows: readonly T[], write: (batch: T[]) => Promise<unknown>): Promise<void> {
  if (rows.length === 0) return;
  const size = batchSize(Object.keys(rows[0]!).length);
  for (let i = 0; i < rows.length; i += size) await write(rows.slice(i, i + size));
}
