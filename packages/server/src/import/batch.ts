/**
 * Multi-row INSERT batching. SQLite allows at most 32 766 bound variables per statement; a few
 * hundred rows per statement is where the per-statement overhead stops mattering.
 * @module
 */

/** Most rows per statement. */
export const MAX_BATCH_ROWS = 500;
const MAX_VARIABLES = 30_000;

/** Rows per statement for a table of `columns` bound columns. */
export function batchSize(columns: number): number {
  return Math.max(1, Math.min(MAX_BATCH_ROWS, Math.floor(MAX_VARIABLES / columns)));
}

/** Calls `write` with consecutive slices of `rows`, each small enough for one statement. */
export async function inBatches<T extends object>(
  rows: readonly T[],
  write: (batch: T[]) => Promise<unknown>,
): Promise<void> {
  if (rows.length === 0) return;
  const size = batchSize(Object.keys(rows[0]!).length);
  for (let i = 0; i < rows.length; i += size) await write(rows.slice(i, i + size));
}
