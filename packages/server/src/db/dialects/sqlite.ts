/**
 * The embedded engine: one SQLite file through better-sqlite3, in WAL mode (readers never wait for
 * the writer), with a Unicode `lower()` like PostgreSQL's. Search uses `customers_fts`, an FTS5 trigram index over `customers.search_text`
 * kept in sync by triggers; the change feed needs no help (SQLite runs one write transaction at a
 * time, so feed ids become visible in order) and has no wake-up signal (readers poll).
 * @module
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, sql } from 'kysely';
import type { ConnectOptions, EngineDialect } from './types.js';
import { BusyAwareSqliteDialect } from './sqlite-driver.js';

/** SQLite's default limit of bound parameters per statement (SQLITE_MAX_VARIABLE_NUMBER). */
const MAX_VARIABLES = 32_766;

/** Trigrams need 3 characters: shorter fragments cannot be looked up in the index. */
const TRIGRAM = 3;

/** A double-quoted FTS5 string: the text as one phrase (a trigram phrase = a substring). */
const ftsPhrase = (text: string) => `"${text.replace(/"/g, '""')}"`;

/** Opens `file` (creating its directory) with today's pragmas; `:memory:` for a private database. */
function openFile(file: string, busyTimeoutMs: number): SQLite.Database {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  let db: SQLite.Database;
  try {
    db = new SQLite(file);
  } catch (error) {
    throw new Error(`Cannot open database ${file}: ${(error as Error).message}`);
  }
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  // Page cache and memory map sized for a large database (SQLite's defaults: 2 MB, no mmap), per
  // connection; C360_SQLITE_CACHE_MB / C360_SQLITE_MMAP_MB override them (docs/configuration.md).
  db.pragma(`cache_size = -${1024 * megabytes('C360_SQLITE_CACHE_MB', 64)}`);
  db.pragma(`mmap_size = ${2 ** 20 * megabytes('C360_SQLITE_MMAP_MB', 1024)}`);
  db.pragma('foreign_keys = ON');
  db.pragma(`busy_timeout = ${busyTimeoutMs}`);
  // Unicode lower(), as PostgreSQL's: SQLite's own folds A–Z only, so "Éclair" and "éclair" would
  // be two tags here and one there (tag names are unique by lower(name)).
  db.function('lower', { deterministic: true }, (text: unknown) => (typeof text === 'string' ? text.toLowerCase() : text));
  return db;
}

/** A size in MB from the environment variable `name` (a whole number ≥ 0), else `fallback`. */
function megabytes(name: string, fallback: number): number {
  const text = process.env[name];
  if (text === undefined || text === '') return fallback;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a whole number of megabytes, not "${text}"`);
  return n;
}

export const sqliteDialect: EngineDialect = {
  engine: 'sqlite',
  maxParameters: MAX_VARIABLES,

  async connect(file: string, options: ConnectOptions): Promise<Kysely<any>> {
    return new Kysely<any>({
      dialect: new BusyAwareSqliteDialect({
        open: (busyTimeoutMs) => openFile(file, busyTimeoutMs),
        file,
        busyBudgetMs: options.busyBudgetMs,
      }),
    });
  },

  async prepareMigrations(): Promise<void> {},

  serialKey: (col) => col.primaryKey().autoIncrement(),

  async createSearchIndex(db: Kysely<any>): Promise<void> {
    await sql`create virtual table customers_fts using fts5(search_text, content='customers', content_rowid='rowid', tokenize='trigram')`.execute(
      db,
    );
    await sql`create trigger customers_fts_insert after insert on customers begin
      insert into customers_fts (rowid, search_text) values (new.rowid, new.search_text);
    end`.execute(db);
    await sql`create trigger customers_fts_delete after delete on customers begin
      insert into customers_fts (customers_fts, rowid, search_text) values ('delete', old.rowid, old.search_text);
    end`.execute(db);
    // Only when the text changes: re-sending a customer as it is leaves the index untouched.
    await sql`create trigger customers_fts_update after update of search_text on customers
      when old.search_text is not new.search_text begin
      insert into customers_fts (customers_fts, rowid, search_text) values ('delete', old.rowid, old.search_text);
      insert into customers_fts (rowid, search_text) values (new.rowid, new.search_text);
    end`.execute(db);
    await sql`insert into customers_fts (customers_fts) values ('rebuild')`.execute(db);
  },

  async dropSearchIndex(db: Kysely<any>): Promise<void> {
    for (const trigger of ['customers_fts_insert', 'customers_fts_delete', 'customers_fts_update']) {
      await sql`drop trigger if exists ${sql.raw(trigger)}`.execute(db);
    }
    await sql`drop table if exists customers_fts`.execute(db);
  },

  searchCandidates(fragments) {
    if (fragments.length === 0 || fragments.some((f) => [...f].length < TRIGRAM)) return null;
    const match = fragments.map(ftsPhrase).join(' OR ');
    return sql<{
      id: string;
    }>`select id from customers where rowid in (select rowid from customers_fts where customers_fts match ${match})`;
  },

  async orderFeedWrites(): Promise<void> {},
  async publishFeed(): Promise<void> {},
  async listenFeed() {
    return null;
  },

  isBusy(error: unknown): boolean {
    const code = (error as { code?: unknown } | null)?.code;
    return code === 'SQLITE_BUSY' || code === 'SQLITE_BUSY_SNAPSHOT' || code === 'SQLITE_LOCKED';
  },
};
