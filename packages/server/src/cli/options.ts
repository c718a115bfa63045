/**
 * Options every CLI command shares: where the database is.
 * @module
 */
import { DEFAULT_DB_FILE } from '../db/connect.js';

/**
 * The SQLite file a command works on: `--db FILE`, else `C360_DB`, else `./data/c360.db`.
 * `--database-url` / `DATABASE_URL` (Postgres) is refused with a clear message until the Postgres
 * dialect lands.
 */
export function resolveDbFile(flags: { db?: string; 'database-url'?: string }, env: NodeJS.ProcessEnv = process.env): string {
  const url = flags['database-url'] ?? env.DATABASE_URL;
  if (url && !flags.db) {
    throw new Error(`--database-url / DATABASE_URL (${redact(url)}): Postgres is not supported yet; use --db FILE (SQLite)`);
  }
  return flags.db ?? env.C360_DB ?? DEFAULT_DB_FILE;
}

function redact(url: string): string {
  return url.replace(/\/\/[^@/]*@/, '//***@');
}
