/**
 * Creating and dropping the benchmarks' PostgreSQL databases through a maintenance connection
 * (node-postgres `pg`, the same driver the server uses): a database named in a server URL, created
 * the way docs/deploy.md says (template0, UTF-8, `C.UTF-8` collation, so text sorts as on SQLite).
 * @module
 */
import pg from 'pg';

/** The default maintenance URL: the local server's `postgres` database (trust auth on this project's machines). */
export const DEFAULT_PG_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

/** `url` with its database name replaced by `database` (user, password, host, port and query kept). */
export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/** `url` without its password, for logs and reports. */
export function redacted(url: string): string {
  const u = new URL(url);
  if (u.password) u.password = '***';
  return u.toString();
}

const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

async function withClient<T>(url: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/** Whether database `name` exists on the server of the maintenance URL `adminUrl`. */
export function databaseExists(adminUrl: string, name: string): Promise<boolean> {
  return withClient(adminUrl, async (c) => (await c.query('select 1 from pg_database where datname = $1', [name])).rowCount === 1);
}

/** Creates database `name` (throws if it exists) with the collation the server expects. */
export function createDatabase(adminUrl: string, name: string): Promise<void> {
  return withClient(adminUrl, async (c) => {
    await c.query(`create database ${quoteIdent(name)} template template0 encoding 'UTF8' lc_collate 'C.UTF-8' lc_ctype 'C.UTF-8'`);
  });
}

/** Drops database `name` if it exists, ending other sessions on it first. */
export function dropDatabase(adminUrl: string, name: string): Promise<void> {
  return withClient(adminUrl, async (c) => {
    await c.query(`drop database if exists ${quoteIdent(name)} with (force)`);
  });
}
