/**
 * "The database is busy": a write could not get the database within its budget (another process
 * holds SQLite's write lock, a PostgreSQL row lock is held, the pool has no free connection). The
 * engines' drivers throw {@link databaseBusy}; the HTTP layer answers it as 503 problem+json with
 * `Retry-After`. The transaction it interrupted rolled back: nothing is half-written.
 * @module
 */
import { ProblemError } from '../core/problem.js';

/** Seconds a client is asked to wait before retrying (`Retry-After`). */
export const BUSY_RETRY_AFTER_SECONDS = 1;

/** Default wait for the database before giving up, in milliseconds. */
export const DEFAULT_BUSY_BUDGET_MS = 5_000;

/** 503 `database-busy`, after waiting `budgetMs` milliseconds. */
export function databaseBusy(budgetMs: number): ProblemError {
  return new ProblemError(
    503,
    'database-busy',
    'Database busy',
    `The database stayed busy for ${budgetMs} ms (another writer holds it); nothing was changed, retry shortly`,
    undefined,
    { 'retry-after': String(BUSY_RETRY_AFTER_SECONDS) },
  );
}

/** Is `error` the 503 of {@link databaseBusy}? */
export function isDatabaseBusy(error: unknown): boolean {
  return error instanceof ProblemError && error.problemType.endsWith('/database-busy');
}

/** Resolves after `ms` milliseconds without holding the event loop. */
export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
