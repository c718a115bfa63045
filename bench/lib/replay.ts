/**
 * The raw SQL references: every statement a request issues — route middleware included — recorded
 * through a logging Kysely on a second copy of the server app, then replayed per input as
 * better-sqlite3 prepared statements (prepared once per distinct SQL text). The reference is thus
 * exactly the same SQL with the same parameters, minus query building, scoring, Hono and HTTP, and it
 * follows the read code as it changes without a hand-kept copy.
 * @module
 */
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { Db } from '../../packages/server/src/db/connect.js';
import type { Database } from '../../packages/server/src/db/schema.js';
import { authHeaders, benchApp } from './auth.js';

/** One statement as Kysely sent it. */
export interface Statement {
  sql: string;
  params: readonly unknown[];
}

/** A second server app on its own connection whose every statement is recorded. */
export class Recorder {
  private readonly db: Db;
  private readonly app: ReturnType<typeof benchApp>;
  private current: Statement[] | null = null;

  constructor(file: string, asOf: Date) {
    this.db = new Kysely<Database>({
      dialect: new SqliteDialect({ database: new SQLite(file) }),
      log: (event) => {
        if (event.level === 'query') this.current?.push({ sql: event.query.sql, params: event.query.parameters });
      },
    });
    this.app = benchApp(this.db, asOf);
  }

  /** GETs `path` (which must answer 200) and returns the statements it issued, in order. */
  async record(path: string): Promise<Statement[]> {
    this.current = [];
    const res = await this.app.request(path, { headers: authHeaders() });
    await res.text();
    const statements = this.current;
    this.current = null;
    if (res.status !== 200) throw new Error(`recording GET ${path}: ${res.status}`);
    return statements;
  }

  /** Records each path; the first call is made twice so per-connection caches are warm, as in the measured app. */
  async recordAll(paths: readonly string[]): Promise<Statement[][]> {
    if (paths.length) await this.record(paths[0]!);
    const out: Statement[][] = [];
    for (const path of paths) out.push(await this.record(path));
    return out;
  }

  close(): Promise<void> {
    return this.db.destroy();
  }
}

/**
 * Runs recorded statement lists on `conn` (read-only), each SQL text prepared once. Writes (which a
 * GET should not issue) cannot run on the read-only connection: they are skipped and counted.
 */
export function replayer(conn: SQLite.Database): { run: (statements: readonly Statement[]) => void; skippedWrites: () => number } {
  const prepared = new Map<string, SQLite.Statement>();
  let skipped = 0;
  const run = (statements: readonly Statement[]) => {
    for (const s of statements) {
      let stmt = prepared.get(s.sql);
      if (!stmt) {
        stmt = conn.prepare(s.sql);
        prepared.set(s.sql, stmt);
      }
      if (stmt.reader) stmt.all(...s.params);
      else skipped++;
    }
  };
  return { run, skippedWrites: () => skipped };
}

/** Statements per call: `n`, or `min–max` when it varies with the input. */
export function statementsPerCall(recorded: readonly Statement[][]): string {
  const counts = recorded.map((r) => r.length);
  const min = Math.min(...counts);
  const max = Math.max(...counts);
  return min === max ? String(min) : `${min}–${max}`;
}

/** The distinct SQL texts of the recorded calls, in first-seen order, with how many calls ran each. */
export function distinctStatements(recorded: readonly Statement[][]): Array<{ sql: string; calls: number }> {
  const seen = new Map<string, number>();
  for (const call of recorded) {
    for (const sql of new Set(call.map((s) => s.sql))) seen.set(sql, (seen.get(sql) ?? 0) + 1);
  }
  return [...seen].map(([sql, calls]) => ({ sql, calls }));
}
