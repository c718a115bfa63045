/**
 * Health checks for load balancers, orchestrators and uptime monitors (docs/deploy.md), outside
 * `/api` and without a token:
 *
 * - `GET /healthz` — the process is up and serving: always `200 {"status":"ok"}`.
 * - `GET /readyz` — the process can serve requests: the database answers a query and every
 *   migration the code knows has been applied. `200 {"status":"ready","migrations":N}`, else
 *   `503` problem+json (`https://c360.dev/problems/not-ready`) saying which check failed.
 *
 * Both are `Cache-Control: no-store`.
 * @module
 */
import type { Hono } from 'hono';
import { Migrator, sql, type MigrationProvider } from 'kysely';
import type { Db } from '../db/connect.js';
import { migrations } from '../db/migrations/index.js';
import { ProblemError } from '../core/problem.js';
import { problemResponse } from './problem.js';

const NO_STORE = { 'cache-control': 'no-store' };
const provider: MigrationProvider = { getMigrations: async () => migrations };

/**
 * Checks that `db` answers and its schema is current (read-only: it never migrates).
 * @returns the number of applied migrations.
 * @throws ProblemError 503 `not-ready` naming the failed check (database unreachable, or the
 *   migrations not applied yet).
 */
export async function checkReady(db: Db): Promise<number> {
  try {
    await sql`select 1`.execute(db);
  } catch (error) {
    throw notReady(`The database does not answer: ${(error as Error).message}`);
  }
  const known = await new Migrator({ db, provider }).getMigrations();
  const pending = known.filter((m) => !m.executedAt).map((m) => m.name);
  if (pending.length) throw notReady(`Migrations not applied: ${pending.join(', ')}`);
  return known.length;
}

function notReady(detail: string): ProblemError {
  return new ProblemError(503, 'not-ready', 'Not ready', detail);
}

/** Adds `GET /healthz` and `GET /readyz` (for the database `db`) to the server app. */
export function healthRoutes(app: Hono, db: Db): void {
  app.get('/healthz', (c) => c.json({ status: 'ok' }, 200, NO_STORE));
  app.get('/readyz', async (c) => {
    try {
      return c.json({ status: 'ready', migrations: await checkReady(db) }, 200, NO_STORE);
    } catch (error) {
      if (error instanceof ProblemError) return problemResponse(c, error.toProblem(c.req.path), NO_STORE);
      throw error;
    }
  });
}
