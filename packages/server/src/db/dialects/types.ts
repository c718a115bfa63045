/**
 * The engine contract (issue 10), in the spirit of Kysely's own `Dialect`: everything that differs
 * between the embedded engine and the server engine lives behind {@link EngineDialect}, and no file
 * outside `db/dialects/` asks which engine it runs on. Kysely already compiles the portable query
 * builder for either; this contract adds what c360 needs beyond it — how to connect, how a
 * migration creates an auto-increment key and the search index, how the change feed is kept in
 * commit order and woken up, which errors mean "the database is busy", how many bound parameters
 * one statement may carry.
 * @module
 */
import type { ColumnDefinitionBuilder, Kysely, RawBuilder } from 'kysely';

/** The engines c360 runs on. */
export type EngineName = 'sqlite' | 'postgres';

/** Where a database is: an embedded file (or `:memory:`) or a server URL (`postgres://…`). */
export type DatabaseTarget = { file: string } | { url: string };

/** Connection settings shared by both engines. */
export interface ConnectOptions {
  /**
   * How long a write waits for the database (another process holding the write lock, a row lock,
   * a full pool) before it fails with a 503 `database-busy` problem, in milliseconds (default 5000).
   */
  busyBudgetMs?: number;
}

/** A stop function for a wake-up subscription. */
export type Unlisten = () => Promise<void>;

export interface EngineDialect {
  readonly engine: EngineName;
  /** Most bound parameters one statement may carry (multi-row inserts are sized by it). */
  readonly maxParameters: number;

  /** Opens a connection (pool) and returns the Kysely instance over it; throws naming the target. */
  connect(target: string, options: ConnectOptions): Promise<Kysely<any>>;

  /** Runs before the migrations (e.g. the extensions a migration needs). */
  prepareMigrations(db: Kysely<any>): Promise<void>;
  /** Column definition of an auto-generated integer primary key (migrations). */
  serialKey(col: ColumnDefinitionBuilder): ColumnDefinitionBuilder;
  /** Creates the substring index over `customers.search_text` (migration 0002). */
  createSearchIndex(db: Kysely<any>): Promise<void>;
  /** Drops what {@link createSearchIndex} created. */
  dropSearchIndex(db: Kysely<any>): Promise<void>;
  /**
   * `select id from customers where …`: a superset of the customers whose `search_text` contains
   * any of `fragments` (already lower-cased and folded), found through the search index — or null
   * when the index cannot answer (a fragment shorter than 3 characters). Callers still apply the
   * exact `LIKE` condition: the index only decides how fast, never what matches.
   */
  searchCandidates(fragments: readonly string[]): RawBuilder<{ id: string }> | null;

  /**
   * Called in a writer's transaction right before it inserts change-feed rows: makes feed ids
   * visible in commit order (SQLite: one writer at a time already does; PostgreSQL: a transaction
   * advisory lock held to commit), so a reader polling `id > last` never skips a row.
   */
  orderFeedWrites(trx: Kysely<any>): Promise<void>;
  /** Called in the same transaction: wakes the feed readers of every process once it commits (PostgreSQL: NOTIFY). */
  publishFeed(trx: Kysely<any>): Promise<void>;
  /**
   * Calls `onWake` whenever another connection published to the feed; null when the engine has no
   * such signal (SQLite: readers poll).
   */
  listenFeed(db: Kysely<any>, onWake: () => void): Promise<Unlisten | null>;

  /** Is `error` the engine saying "busy" (lock or pool wait over budget)? */
  isBusy(error: unknown): boolean;
}
