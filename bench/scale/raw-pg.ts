/**
 * The raw-SQL reference of the scale bench on PostgreSQL: the statements a handler ran, captured
 * through a logging Kysely on its own connection to the same database, replayed on one node-postgres
 * connection as named prepared statements (parsed and planned once per SQL text, then bound and
 * executed — the floor for "the same SQL" over the wire). The replay connection plans every execution
 * for its parameters (`plan_cache_mode = force_custom_plan`), as the server's unnamed statements are:
 * with PostgreSQL's default, a named statement switches to a generic plan after five executions, and
 * for the range filters of search that plan was slower than the handler itself (`clvMin` raw 43 ms
 * against the handler's 20 ms at 10k customers), which would make the reference no floor.
 * @module
 */
import pg from 'pg';
import { Kysely, PostgresDialect } from 'kysely';
import type { Database } from '../../packages/server/src/db/schema.js';
import type { Db } from '../../packages/server/src/db/connect.js';
import type { RawSql, Statement } from './measure.js';

const INT8_OID = 20;
const NUMERIC_OID = 1700;

/** As the server's pool parses them (db/dialects/postgres.ts): int8 and numeric as JS numbers. */
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8_OID || oid === NUMERIC_OID
      ? (value: string) => Number(value)
      : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

/** Transaction control is sent as a simple query, not prepared. */
const CONTROL = /^\s*(begin|commit|rollback|savepoint|release)\b/i;

export class PgRawReference implements RawSql {
  private readonly captured: Statement[] = [];
  readonly capture: Db;
  private readonly client: pg.Client;
  private readonly names = new Map<string, string>();
  private readonly connected: Promise<unknown>;

  constructor(url: string) {
    this.capture = new Kysely<Database>({
      dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: url, max: 1, types }) }),
      log: (event) => {
        if (event.level === 'query') this.captured.push({ sql: event.query.sql, params: event.query.parameters });
      },
    });
    this.client = new pg.Client({ connectionString: url, types });
    this.connected = this.client.connect().then(() => this.client.query('set plan_cache_mode = force_custom_plan'));
  }

  async statementsOf(run: (db: Db) => Promise<unknown>, withControl = false): Promise<Statement[]> {
    this.captured.length = 0;
    await run(this.capture);
    return this.captured.filter((s) => withControl || !CONTROL.test(s.sql)).map((s) => ({ ...s }));
  }

  async replay(statements: readonly Statement[]): Promise<void> {
    await this.connected;
    for (const s of statements) {
      if (CONTROL.test(s.sql)) {
        await this.client.query(s.sql);
        continue;
      }
      let name = this.names.get(s.sql);
      if (!name) this.names.set(s.sql, (name = `raw${this.names.size}`));
      await this.client.query({ name, text: s.sql, values: s.params as unknown[] });
    }
  }

  async close(): Promise<void> {
    await this.connected;
    await this.client.end();
    await this.capture.destroy();
  }
}
