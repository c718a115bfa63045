/**
 * Measuring helpers of the scale bench: a timed series (warm-up, then one `performance.now()` pair
 * per call, nearest-rank percentiles) and the raw-SQL reference on SQLite — the statements a handler
 * ran, captured through a logging Kysely over the same file, replayed with cached better-sqlite3
 * prepared statements (the floor for "the same SQL"); raw-pg.ts is the same on PostgreSQL.
 * @module
 */
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { Database } from '../../packages/server/src/db/schema.js';
import type { Db } from '../../packages/server/src/db/connect.js';

/** p50/p95/p99 and mean of a series, in milliseconds. */
export interface Summary {
  n: number;
  p50: number;
  p95: number;
  p99: number;
  mean: number;
}

export function summarise(ms: number[]): Summary {
  const sorted = [...ms].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.max(1, Math.ceil((p * sorted.length) / 100)) - 1] ?? Number.NaN;
  return { n: ms.length, p50: at(50), p95: at(95), p99: at(99), mean: ms.reduce((a, b) => a + b, 0) / Math.max(1, ms.length) };
}

/** Runs `call(input)` for each input after `warmup` untimed calls; one timing per call. */
export async function series<T>(inputs: readonly T[], call: (input: T) => Promise<unknown>, warmup = 10): Promise<Summary> {
  for (let i = 0; i < Math.min(warmup, inputs.length); i++) await call(inputs[i]!);
  const ms: number[] = [];
  for (const input of inputs) {
    const t = performance.now();
    await call(input);
    ms.push(performance.now() - t);
  }
  return summarise(ms);
}

/** One statement as Kysely sent it. */
export interface Statement {
  sql: string;
  params: readonly unknown[];
}

/** The raw-SQL reference of one engine: capture the statements of domain calls, replay them raw on one connection. */
export interface RawSql {
  /** A logging Kysely on the same database: what runs on it is captured. */
  readonly capture: Db;
  /** The statements `run(capture)` executes; transaction control left out unless `withControl`. */
  statementsOf(run: (db: Db) => Promise<unknown>, withControl?: boolean): Promise<Statement[]>;
  /** Executes `statements` raw, each SQL text prepared once. */
  replay(statements: readonly Statement[]): void | Promise<void>;
  close(): Promise<void>;
}

/** Transaction control statements (left out of read captures). */
const CONTROL = /^\s*(begin|commit|rollback|savepoint|release)\b/i;

/**
 * `conn` with the settings the server gives its connections (db/dialects/sqlite.ts): a 64 MiB page
 * cache and a 1 GiB memory map (SQLite's defaults: 2 MB, none), `synchronous = NORMAL`, foreign
 * keys, a 5 s busy timeout, and the Unicode `lower()` — so the raw replay pays what the server's
 * own connection pays, not a cold small cache.
 */
function asTheServerOpensIt(conn: SQLite.Database): SQLite.Database {
  conn.pragma('synchronous = NORMAL');
  conn.pragma(`cache_size = -${64 * 1024}`);
  conn.pragma(`mmap_size = ${2 ** 30}`);
  conn.pragma('foreign_keys = ON');
  conn.pragma('busy_timeout = 5000');
  conn.function('lower', { deterministic: true }, (text: unknown) => (typeof text === 'string' ? text.toLowerCase() : text));
  return conn;
}

/**
 * Captures the statements of domain calls and replays them raw on one better-sqlite3 connection
 * (read-only unless `writable`, for the ingestion reference on a scratch copy).
 */
export class RawReference implements RawSql {
  private readonly captured: Statement[] = [];
  readonly capture: Db;
  private readonly raw: SQLite.Database;
  private readonly prepared = new Map<string, SQLite.Statement>();

  constructor(file: string, writable = false) {
    this.raw = asTheServerOpensIt(new SQLite(file, { readonly: !writable }));
    this.capture = new Kysely<Database>({
      dialect: new SqliteDialect({ database: asTheServerOpensIt(new SQLite(file, { readonly: !writable })) }),
      log: (event) => {
        if (event.level === 'query') this.captured.push({ sql: event.query.sql, params: event.query.parameters });
      },
    });
  }

  /** The statements `run(captureDb)` executes (transaction control left out unless `withControl`). */
  async statementsOf(run: (db: Db) => Promise<unknown>, withControl = false): Promise<Statement[]> {
    this.captured.length = 0;
    await run(this.capture);
    return this.captured.filter((s) => withControl || !CONTROL.test(s.sql)).map((s) => ({ ...s }));
  }

  /** Executes `statements` raw (prepared once per SQL text). */
  replay(statements: readonly Statement[]): void {
    for (const s of statements) {
      let stmt = this.prepared.get(s.sql);
      if (!stmt) this.prepared.set(s.sql, (stmt = this.raw.prepare(s.sql)));
      const params = s.params.map((p) => (typeof p === 'boolean' ? Number(p) : p));
      if (stmt.reader) stmt.all(...params);
      else stmt.run(...params);
    }
  }

  async close(): Promise<void> {
    await this.capture.destroy();
    this.raw.close();
  }
}
