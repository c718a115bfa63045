/**
 * Opening the database: SQLite (better-sqlite3, WAL) by default. Migrations run on open.
 * @module
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, Migrator, SqliteDialect, type MigrationProvider } from 'kysely';
import type { Database } from './schema.js';
import { migrations } from './migrations/index.js';

export type Db = Kysely<Database>;

/** Default SQLite file, relative to the working directory. */
export const DEFAULT_DB_FILE = './data/c360.db';

export interface OpenOptions {
  /** SQLite file path, or `:memory:`. */
  file?: string;
  /** Run migrations (default true). */
  migrate?: boolean;
}

/**
 * Opens (creating if absent) a SQLite database in WAL mode and brings its schema up to date.
 * Throws with the file name when the file cannot be opened or a migration fails.
 */
export async function openDb(options: OpenOptions = {}): Promise<Db> {
  const file = options.file ?? DEFAULT_DB_FILE;
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  let sqlite: SQLite.Database;
  try {
    sqlite = new SQLite(file);
  } catch (error) {
    throw new Error(`Cannot open database ${file}: ${(error as Error).message}`);
  }
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  if (options.migrate !== false) await migrateToLatest(db, file);
  return db;
}

const provider: MigrationProvider = { getMigrations: async () => migrations };

/** Applies every pending migration; throws naming the failed migration. */
export async function migrateToLatest(db: Db, label = 'database'): Promise<void> {
  const { error, results } = await new Migrator({ db, provider }).migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`Migration ${failed} failed on ${label}: ${(error as Error).message ?? error}`);
  }
}
