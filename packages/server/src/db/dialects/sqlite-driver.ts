/**
 * A Kysely SQLite driver that never blocks the event loop waiting for a lock and never makes a
 * read wait for a write. better-sqlite3 is synchronous: with a `busy_timeout` a statement that
 * finds another process's write lock would hold the whole server for up to that long. Here the
 * `busy_timeout` is 0 and waiting is asynchronous:
 *
 * - a file database has one writer connection and one reader connection (WAL: readers see the
 *   last committed state and never wait); read-only transactions
 *   (`db.transaction().setAccessMode('read only')`) get a reader connection of their own;
 * - writes go through an in-process mutex to the writer; a write transaction starts with
 *   `BEGIN IMMEDIATE` (takes the write lock first, before any statement ran), retried with a short
 *   back-off while another process holds the lock, up to the busy budget — then it fails with
 *   503 `database-busy` having changed nothing; a single write outside a transaction likewise;
 * - `:memory:` has one connection, so everything shares it behind the mutex (Kysely's own way).
 * @module
 */
import type SQLite from 'better-sqlite3';
import {
  CompiledQuery,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
  type DatabaseConnection,
  type DatabaseIntrospector,
  type Dialect,
  type DialectAdapter,
  type Driver,
  type Kysely,
  type QueryCompiler,
  type QueryResult,
  type TransactionSettings,
} from 'kysely';
import { databaseBusy, DEFAULT_BUSY_BUDGET_MS, sleep } from '../busy.js';

export interface BusyAwareSqliteConfig {
  /** Opens one connection to the database with the given `busy_timeout` (ms). */
  open(busyTimeoutMs: number): SQLite.Database;
  /** The file (`:memory:` shares one connection). */
  file: string;
  /** How long a write waits for the lock before the 503 (default {@link DEFAULT_BUSY_BUDGET_MS}). */
  busyBudgetMs?: number | undefined;
}

const isBusyCode = (error: unknown): boolean => {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'SQLITE_BUSY' || code === 'SQLITE_BUSY_SNAPSHOT' || code === 'SQLITE_LOCKED';
};

/** An async mutex: one holder at a time, waiters served in order. */
class Mutex {
  private tail: Promise<void> = Promise.resolve();
  async lock(): Promise<() => void> {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const before = this.tail;
    this.tail = before.then(() => held);
    await before;
    return release;
  }
}

/** Prepared statements kept per connection, by SQL text (most recently used last). */
const statements = new WeakMap<SQLite.Database, Map<string, SQLite.Statement>>();
/** Distinct statements kept per connection: the fixed queries of the server are far fewer. */
const STATEMENT_CACHE = 1000;

/**
 * The connection's prepared statement for `text`, prepared once: Kysely compiles the same SQL text
 * for the same query shape, and preparing it again costs more than running most of them.
 */
function prepared(conn: SQLite.Database, text: string): SQLite.Statement {
  let cache = statements.get(conn);
  if (!cache) statements.set(conn, (cache = new Map()));
  let stmt = cache.get(text);
  if (stmt) {
    cache.delete(text); // most recently used last
  } else {
    stmt = conn.prepare(text);
    if (cache.size >= STATEMENT_CACHE) cache.delete(cache.keys().next().value!);
  }
  cache.set(text, stmt);
  return stmt;
}

function run(conn: SQLite.Database, query: CompiledQuery): QueryResult<unknown> {
  const stmt = prepared(conn, query.sql);
  if (stmt.reader) return { rows: stmt.all(query.parameters as unknown[]) };
  const { changes, lastInsertRowid } = stmt.run(query.parameters as unknown[]);
  return { numAffectedRows: BigInt(changes), insertId: BigInt(lastInsertRowid), rows: [] };
}

class Handle implements DatabaseConnection {
  /** The connection of the open transaction, and how to give it back. */
  trx: { conn: SQLite.Database; done: () => void } | null = null;
  constructor(private readonly driver: BusyAwareSqliteDriver) {}

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    if (this.trx) return this.driver.inTransaction(this.trx.conn, query) as QueryResult<R>;
    return (await this.driver.autocommit(query)) as QueryResult<R>;
  }

  // eslint-disable-next-line require-yield
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('streaming is not supported: page with keyset cursors instead');
  }
}

class BusyAwareSqliteDriver implements Driver {
  private writer!: SQLite.Database;
  /** Autocommit reads (the writer itself for `:memory:`). */
  private reader!: SQLite.Database;
  private readonly idleReaders: SQLite.Database[] = [];
  private readonly writeMutex = new Mutex();
  private readonly shared: boolean;
  private readonly budgetMs: number;

  constructor(private readonly config: BusyAwareSqliteConfig) {
    this.shared = config.file === ':memory:';
    this.budgetMs = config.busyBudgetMs ?? DEFAULT_BUSY_BUDGET_MS;
  }

  async init(): Promise<void> {
    this.writer = this.config.open(0);
    this.reader = this.shared ? this.writer : this.openReader();
  }

  private openReader(): SQLite.Database {
    const conn = this.config.open(0);
    conn.pragma('query_only = ON');
    return conn;
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    return new Handle(this);
  }

  /** Runs `attempt` until it stops failing with "busy", waiting asynchronously; 503 after the budget. */
  private async retryBusy<T>(attempt: () => T): Promise<T> {
    const deadline = Date.now() + this.budgetMs;
    for (let wait = 2; ; wait = Math.min(wait * 2, 50)) {
      try {
        return attempt();
      } catch (error) {
        if (!isBusyCode(error)) throw error;
        if (Date.now() + wait > deadline) throw databaseBusy(this.budgetMs);
        await sleep(wait);
      }
    }
  }

  inTransaction(conn: SQLite.Database, query: CompiledQuery): QueryResult<unknown> {
    try {
      return run(conn, query);
    } catch (error) {
      if (isBusyCode(error)) throw databaseBusy(this.budgetMs);
      throw error;
    }
  }

  async autocommit(query: CompiledQuery): Promise<QueryResult<unknown>> {
    // `readonly`: the statement changes nothing (an INSERT … RETURNING returns rows, yet writes).
    if (!this.shared && prepared(this.reader, query.sql).readonly) return this.retryBusy(() => run(this.reader, query));
    const release = await this.writeMutex.lock();
    try {
      return await this.retryBusy(() => run(this.writer, query));
    } finally {
      release();
    }
  }

  async beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    const handle = connection as Handle;
    if (settings.accessMode === 'read only' && !this.shared) {
      const conn = this.idleReaders.pop() ?? this.openReader();
      run(conn, CompiledQuery.raw('begin'));
      handle.trx = { conn, done: () => this.idleReaders.push(conn) };
      return;
    }
    const release = await this.writeMutex.lock();
    try {
      await this.retryBusy(() => run(this.writer, CompiledQuery.raw(this.shared ? 'begin' : 'begin immediate')));
    } catch (error) {
      release();
      throw error;
    }
    handle.trx = { conn: this.writer, done: release };
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await this.end(connection as Handle, 'commit');
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    await this.end(connection as Handle, 'rollback');
  }

  private async end(handle: Handle, command: 'commit' | 'rollback'): Promise<void> {
    const trx = handle.trx;
    if (!trx) return;
    try {
      if (trx.conn.inTransaction) this.inTransaction(trx.conn, CompiledQuery.raw(command));
    } finally {
      handle.trx = null;
      trx.done();
    }
  }

  async savepoint(connection: DatabaseConnection, name: string): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw(`savepoint ${name}`));
  }

  async rollbackToSavepoint(connection: DatabaseConnection, name: string): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw(`rollback to ${name}`));
  }

  async releaseSavepoint(connection: DatabaseConnection, name: string): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw(`release ${name}`));
  }

  async releaseConnection(): Promise<void> {}

  async destroy(): Promise<void> {
    const release = await this.writeMutex.lock();
    for (const conn of this.idleReaders.splice(0)) conn.close();
    if (!this.shared) this.reader.close();
    this.writer.close();
    release();
  }
}

/** Kysely's SQLite adapter, compiler and introspector over {@link BusyAwareSqliteDriver}. */
export class BusyAwareSqliteDialect implements Dialect {
  constructor(private readonly config: BusyAwareSqliteConfig) {}
  createAdapter(): DialectAdapter {
    return new SqliteAdapter();
  }
  createDriver(): Driver {
    return new BusyAwareSqliteDriver(this.config);
  }
  createQueryCompiler(): QueryCompiler {
    return new SqliteQueryCompiler();
  }
  createIntrospector(db: Kysely<any>): DatabaseIntrospector {
    return new SqliteIntrospector(db);
  }
}
