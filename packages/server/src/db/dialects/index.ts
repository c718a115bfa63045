/**
 * Picks the engine: `openDatabase({ file })` opens SQLite, `openDatabase({ url })` with a
 * `postgres://` or `postgresql://` URL opens PostgreSQL; {@link dialectOf} tells code holding a
 * Kysely instance (or a transaction) which {@link EngineDialect} to ask. The only place that
 * tells the engines apart.
 * @module
 */
import { PostgresAdapter, type Kysely } from 'kysely';
import type { ConnectOptions, DatabaseTarget, EngineDialect } from './types.js';
import { sqliteDialect } from './sqlite.js';
import { postgresDialect } from './postgres.js';

export type { ConnectOptions, DatabaseTarget, EngineDialect, EngineName, Unlisten } from './types.js';

/** The smallest bound-parameter limit of the engines: a statement within it runs on either. */
export const MAX_PARAMETERS_EVERYWHERE = Math.min(sqliteDialect.maxParameters, postgresDialect.maxParameters);

/** Is `spec` a PostgreSQL connection URL? */
export function isServerUrl(spec: string): boolean {
  return /^postgres(ql)?:\/\//i.test(spec);
}

/** `postgres://…` → `{ url }`, anything else → `{ file }`. */
export function targetOf(spec: string): DatabaseTarget {
  return isServerUrl(spec) ? { url: spec } : { file: spec };
}

/** The dialect of a target; throws for a URL of an engine c360 does not run on. */
export function dialectFor(target: DatabaseTarget): EngineDialect {
  if ('file' in target) return sqliteDialect;
  if (isServerUrl(target.url)) return postgresDialect;
  throw new Error(`Unsupported database URL ${target.url.replace(/\/\/[^@/]*@/, '//')}: use postgres://user@host:port/database`);
}

/** Connects to the target (no migrations: see db/connect.ts). */
export async function openDatabase(target: DatabaseTarget, options: ConnectOptions = {}): Promise<Kysely<any>> {
  const dialect = dialectFor(target);
  return dialect.connect('file' in target ? target.file : target.url, options);
}

/** The dialect of a database or transaction opened by {@link openDatabase}. */
export function dialectOf(db: Kysely<any>): EngineDialect {
  return db.getExecutor().adapter instanceof PostgresAdapter ? postgresDialect : sqliteDialect;
}
