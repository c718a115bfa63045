/**
 * Every API route needs a bearer token (src/api/guard.ts). The benchmark creates one admin API key
 * in the fresh database and sends it with every request; its apps have no write budget, so the
 * fixture and ingestion writes are never answered 429.
 * @module
 */
import type { Db } from '../../packages/server/src/db/connect.js';
import { createApiKey } from '../../packages/server/src/auth/api-keys.js';
import { createServerApp } from '../../packages/server/src/server.js';

let headers: Record<string, string> = {};

/** Creates the benchmark's admin API key; afterwards {@link authHeaders} carries it. */
export async function createBenchToken(db: Db): Promise<void> {
  const { token } = await createApiKey(db, { name: 'bench', role: 'admin', createdBy: 'bench' });
  headers = { authorization: `Bearer ${token}` };
}

/** The `Authorization` header of every benchmark request (empty before {@link createBenchToken}). */
export function authHeaders(): Record<string, string> {
  return headers;
}

/** The server app as measured: default options but no write budget (`C360_WRITE_RATE=0`). */
export function benchApp(db: Db, asOf: Date): ReturnType<typeof createServerApp> {
  return createServerApp({ db, asOf, auth: { writeRate: 0 } });
}
