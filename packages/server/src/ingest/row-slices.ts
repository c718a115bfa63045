/**
 * Slicing a batch's rows for multi-row statements: within the bound-parameter limit of every engine
 * (import/batch.ts sizes them), so one statement writes a few hundred rows.
 * @module
 */
import { batchSize } from '../import/batch.js';

/** `rows` in consecutive slices small enough for one statement of `columns` bound columns per row. */
export function slices<T>(rows: readonly T[], columns: number): T[][] {
  const size = batchSize(columns);
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}
