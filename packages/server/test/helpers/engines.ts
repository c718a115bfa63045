/**
 * One test suite, two engines, looped the way Kysely's own tests loop over `DIALECTS` — here as
 * vitest projects (vitest.config.ts): the `sqlite` project runs every server test file, the
 * `postgres` project runs the files listed in `POSTGRES_TESTS` (test/helpers/postgres-tests.ts)
 * again against PostgreSQL. A test file asks {@link testEngine} which one it runs on and opens its
 * databases through {@link openTestDb} (empty, migrated) or sample-db.ts (the bundled sample).
 *
 * PostgreSQL: `C360_TEST_DATABASE_URL` (default `postgres://postgres@127.0.0.1:5432/test`) names a
 * server and a database to connect to for administration; every test database is a fresh
 * `CREATE DATABASE c360_t_…`, dropped when the test file closes it.
 * @module
 */
import { randomBytes } from 'node:crypto';
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import pg from 'pg';
import { inject } from 'vitest';
import { openDb, type Db } from '../../src/db/connect.js';
import type { Database } from '../../src/db/schema.js';

export type TestEngine = 'sqlite' | 'postgres';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The engine of the project running the file. */
    engine: TestEngine;
    /** The sample database built once per run: a SQLite file, or a PostgreSQL template database name. */
    sampleTemplate: string;
  }
}

/** The administration URL of the PostgreSQL test server. */
export const TEST_DATABASE_URL = process.env.C360_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** The engine of the vitest project running this file (`sqlite` outside a project). */
export function testEngine(): TestEngine {
  return (inject('engine') as TestEngine | undefined) ?? 'sqlite';
}

/** `TEST_DATABASE_URL` with another database name. */
export function databaseUrl(name: string): string {
  const url = new URL(TEST_DATABASE_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Runs `statement` on the administration database. */
async function admin(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/** A new database name (lower case, safe unquoted). */
export const newDatabaseName = (prefix = 'c360_t'): string => `${prefix}_${process.pid}_${randomBytes(5).toString('hex')}`;

/**
 * Creates a PostgreSQL database: a copy of `template`, or empty with code-point text order
 * (`C.UTF-8`, as SQLite compares text). Returns its URL and how to drop it.
 */
export async function createDatabase(name: string, template?: string): Promise<{ url: string; drop: () => Promise<void> }> {
  await admin(
    template
      ? `create database ${name} template ${template}`
      : `create database ${name} template template0 encoding 'UTF8' lc_collate 'C.UTF-8' lc_ctype 'C.UTF-8'`,
  );
  // A test database need not survive a crash: commits without waiting for the disk (tests only).
  await admin(`alter database ${name} set synchronous_commit = off`);
  return { url: databaseUrl(name), drop: () => dropDatabase(name) };
}

/** Drops a test database, closing what still connects to it. */
export async function dropDatabase(name: string): Promise<void> {
  await admin(`drop database if exists ${name} with (force)`);
}

/** Can the PostgreSQL test server be reached (within 2 s)? */
export async function postgresReachable(url = TEST_DATABASE_URL): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** A test database and how to close (and, on PostgreSQL, drop) it. */
export interface TestDb {
  db: Db;
  engine: TestEngine;
  /** Where it is: the SQLite file or the PostgreSQL URL (for a second connection, a CLI run). */
  location: string;
  close(): Promise<void>;
}

/**
 * An empty, migrated (unless `migrate: false`) database of this file's engine: SQLite in memory
 * (or at `file`), or a fresh PostgreSQL database dropped on close.
 */
export async function openTestDb(options: { file?: string; busyBudgetMs?: number; migrate?: boolean } = {}): Promise<TestDb> {
  const engine = testEngine();
  if (engine === 'sqlite') {
    const file = options.file ?? ':memory:';
    const db = await openDb({ file, busyBudgetMs: options.busyBudgetMs, migrate: options.migrate });
    return { db, engine, location: file, close: () => db.destroy() };
  }
  const created = await createDatabase(newDatabaseName());
  const db = await openDb({ url: created.url, busyBudgetMs: options.busyBudgetMs, migrate: options.migrate });
  return {
    db,
    engine,
    location: created.url,
    async close() {
      await db.destroy().catch(() => undefined); // a test may have closed it already
      await created.drop();
    },
  };
}

/** The CLI options that point a `c360` command at the database at `location` (a SQLite file or a PostgreSQL URL). */
export function cliDbArgs(location: string): string[] {
  return /^postgres(ql)?:\/\//i.test(location) ? ['--database-url', location] : ['--db', location];
}

/**
 * A second connection to the database at `location` that cannot write: SQLite opened read-only
 * (better-sqlite3 `readonly`), or PostgreSQL with `default_transaction_read_only = on` set on the
 * database (every new session of it is read-only; the connections already open are not), with no
 * migrations run. A write through it fails ("attempt to write a readonly database", "cannot execute
 * … in a read-only transaction").
 */
export async function openReadOnlyDb(location: string): Promise<Db> {
  if (/^postgres(ql)?:\/\//i.test(location)) {
    await admin(`alter database ${new URL(location).pathname.slice(1)} set default_transaction_read_only = on`);
    return openDb({ url: location, migrate: false });
  }
  return new Kysely<Database>({ dialect: new SqliteDialect({ database: new SQLite(location, { readonly: true, fileMustExist: true }) }) });
}
