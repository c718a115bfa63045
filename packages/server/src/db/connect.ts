/**
 * Opening the database: SQLite (`./data/c360.db`, WAL) by default, PostgreSQL for a `postgres://`
 * URL (see db/dialects/). Migrations run on open, from one source for both engines.
 * @module
 */
import { Migrator, type Kysely, type MigrationProvider } from 'kysely';
import type { Database } from './schema.js';
import { migrations } from './migrations/index.js';
import { dialectOf, isServerUrl, openDatabase } from './dialects/index.js';

export type Db = Kysely<Database>;

/** Default SQLite file, relative to the working directory. */
export const DEFAULT_DB_FILE = './data/c360.db';

export interface OpenOptions {
  /** SQLite file path, or `:memory:`; a `postgres://` URL here is taken as {@link url}. */
  file?: string;
  /** PostgreSQL URL (`postgres://user@host:port/database`); wins over `file`. */
  url?: string;
  /** Run migrations (default true). */
  migrate?: boolean;
  /** How long a write waits for a busy database before failing with 503, in ms (default 5000). */
  busyBudgetMs?: number;
}

/**
 * Opens (creating if absent) the database and brings its schema up to date. Throws with the file
 * or URL (password hidden) when it cannot be opened, or naming the migration that failed.
 */
export async function openDb(options: OpenOptions = {}): Promise<Db> {
  const file = options.file ?? DEFAULT_DB_FILE;
  const url = options.url ?? (isServerUrl(file) ? file : undefined);
  const target = url ? { url } : { file };
  const db = (await openDatabase(target, { busyBudgetMs: options.busyBudgetMs })) as Db;
  if (options.migrate !== false) {
    try {
      await migrateToLatest(db, url ? 'the database at the given URL' : file);
    } catch (error) {
      await db.destroy();
      throw error;
    }
  }
  return db;
}

const provider: MigrationProvider = { getMigrations: async () => migrations };

/** Applies every pending migration; throws naming the failed migration. */
export async function migrateToLatest(db: Db, label = 'database'): Promise<void> {
  await dialectOf(db).prepareMigrations(db);
  const { error, results } = await new Migrator({ db, provider }).migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`Migration ${failed} failed on ${label}: ${(error as Error).message ?? error}`);
  }
}
