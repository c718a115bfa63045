/**
 * The server engine: PostgreSQL through a node-postgres (`pg`) pool and Kysely's PostgresDialect.
 *
 * - Numbers: `bigint` (int8) and `numeric` values (counts, sums of minor units) are parsed to JS
 *   numbers, as SQLite returns them (minor units stay far below 2^53).
 * - Busy: `lock_timeout` is the busy budget (a lock wait past it is "busy": the HTTP layer answers
 *   503), and a wait for a pool connection past {@link POOL_WAIT_MS} likewise.
 * - Search: a `pg_trgm` GIN index over `customers.search_text` answers `LIKE '%fragment%'`.
 * - Change feed: ids come from an identity sequence, which under concurrent writers commits out of
 *   order; {@link postgresDialect.orderFeedWrites} takes a transaction advisory lock before the
 *   feed rows are inserted, held until commit, so ids are assigned — and become visible — in commit
 *   order. `NOTIFY c360_feed` in the same transaction wakes every instance's reader at commit.
 *
 * Text order and case: create the database with `LC_COLLATE 'C.UTF-8'` (code-point order, as
 * SQLite compares text) — see docs/deploy.md.
 * @module
 */
import pg from 'pg';
import { Kysely, PostgresDialect, sql, type PostgresPool, type PostgresPoolClient } from 'kysely';
import type { ConnectOptions, EngineDialect, Unlisten } from './types.js';
import { databaseBusy, DEFAULT_BUSY_BUDGET_MS } from '../busy.js';
import { ProblemError } from '../../core/problem.js';

/** PostgreSQL's limit of bound parameters per statement (a 16-bit count). */
const MAX_PARAMETERS = 65_535;
/** Trigrams need 3 characters: shorter fragments cannot be looked up in the index. */
const TRIGRAM = 3;
/** The advisory lock key that orders change-feed writers ("c360feed" as a number). */
const FEED_LOCK_KEY = 0x63333630_66656564n;
/** The NOTIFY channel of the change feed. */
const FEED_CHANNEL = 'c360_feed';
/** Connections per instance. */
const POOL_SIZE = 10;
/** Longest wait for a free pool connection before "busy", in milliseconds. */
const POOL_WAIT_MS = 30_000;

/** SQLSTATE of text PostgreSQL refuses to store (U+0000 in a UTF-8 database). */
const NUL_IN_TEXT = '22021';

const INT8_OID = 20;
const NUMERIC_OID = 1700;

/** node-postgres type parsers: int8 and numeric as JS numbers, the rest as pg parses them. */
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8_OID || oid === NUMERIC_OID
      ? (value: string) => Number(value)
      : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

/** The connection URL of each opened database (the feed's LISTEN connection uses it). */
const urls = new WeakMap<Kysely<any>, string>();

/** Escapes LIKE wildcards with `\` (PostgreSQL's default escape character). */
const likeContains = (text: string) => `%${text.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;

export const postgresDialect: EngineDialect = {
  engine: 'postgres',
  maxParameters: MAX_PARAMETERS,

  async connect(url: string, options: ConnectOptions): Promise<Kysely<any>> {
    const budget = options.busyBudgetMs ?? DEFAULT_BUSY_BUDGET_MS;
    const pool = new pg.Pool({
      connectionString: url,
      max: POOL_SIZE,
      // A pool wait is not a lock: under load reads queue for a connection longer than the
      // write budget; past POOL_WAIT_MS something holds every connection and it is "busy".
      connectionTimeoutMillis: Math.max(budget, POOL_WAIT_MS),
      options: `-c lock_timeout=${budget}`,
      types,
    });
    pool.on('error', (error) => console.error('postgres pool:', error.message));
    try {
      (await pool.connect()).release();
    } catch (error) {
      await pool.end();
      throw new Error(`Cannot open database ${redact(url)}: ${(error as Error).message}`);
    }
    const db = new Kysely<any>({ dialect: new PostgresDialect({ pool: busyAware(pool, budget) }) });
    urls.set(db, url);
    return db;
  },

  async prepareMigrations(db: Kysely<any>): Promise<void> {
    await sql`create extension if not exists pg_trgm`.execute(db);
  },

  serialKey: (col) => col.primaryKey().generatedByDefaultAsIdentity(),

  async createSearchIndex(db: Kysely<any>): Promise<void> {
    await sql`create extension if not exists pg_trgm`.execute(db);
    await sql`create index customers_search_trgm on customers using gin (search_text gin_trgm_ops)`.execute(db);
  },

  async dropSearchIndex(db: Kysely<any>): Promise<void> {
    await sql`drop index if exists customers_search_trgm`.execute(db);
  },

  searchCandidates(fragments) {
    if (fragments.length === 0 || fragments.some((f) => [...f].length < TRIGRAM)) return null;
    const likes = fragments.map((f) => sql`search_text like ${likeContains(f)}`);
    return sql<{ id: string }>`select id from customers where ${sql.join(likes, sql` or `)}`;
  },

  async orderFeedWrites(trx: Kysely<any>): Promise<void> {
    await sql`select pg_advisory_xact_lock(${FEED_LOCK_KEY.toString()}::bigint)`.execute(trx);
  },

  async publishFeed(trx: Kysely<any>): Promise<void> {
    await sql`select pg_notify(${FEED_CHANNEL}, '')`.execute(trx);
  },

  async listenFeed(db: Kysely<any>, onWake: () => void): Promise<Unlisten | null> {
    const url = urls.get(db);
    if (!url) return null;
    const client = new pg.Client({ connectionString: url });
    client.on('error', (error) => console.error('change feed listener:', error.message));
    client.on('notification', (message) => {
      if (message.channel === FEED_CHANNEL) onWake();
    });
    await client.connect();
    await client.query(`listen ${FEED_CHANNEL}`);
    return async () => {
      await client.end().catch(() => undefined);
    };
  },

  isBusy(error: unknown): boolean {
    const e = error as { code?: unknown; message?: unknown } | null;
    // 55P03 lock_not_available (lock_timeout); the pool's "timeout exceeded when trying to connect".
    return e?.code === '55P03' || (typeof e?.message === 'string' && e.message.includes('timeout exceeded when trying to connect'));
  },
};

/**
 * The pool as Kysely sees it, with busy errors (lock or pool wait over `budget`) turned into the
 * 503 `database-busy`, and text holding U+0000 (which PostgreSQL cannot store; SQLite can) into a
 * 400 instead of a 500.
 */
function busyAware(pool: pg.Pool, budget: number): PostgresPool {
  const translate = (error: unknown): never => {
    if ((error as { code?: unknown } | null)?.code === NUL_IN_TEXT) {
      throw new ProblemError(400, 'invalid-request', 'Invalid request', 'Text may not contain the NUL character (U+0000)');
    }
    throw postgresDialect.isBusy(error) ? databaseBusy(budget) : error;
  };
  return {
    async connect(): Promise<PostgresPoolClient> {
      const client = await pool.connect().catch(translate);
      return {
        query: ((text: string, values: unknown[]) => client.query(text, values).catch(translate)) as unknown as PostgresPoolClient['query'],
        release: () => client.release(),
      };
    },
    end: () => pool.end(),
  };
}

/** The URL without its password, for messages. */
function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'the database URL';
  }
}
