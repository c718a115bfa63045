/**
 * Multi-row inserts whose SQL is built once per row count: the SQL of `insert … values (…), (…)`
 * depends only on how many rows it carries, and building it through the query builder costs more
 * CPU than SQLite spends running it. The compiled text comes from the query builder of the engine
 * in use, so it stays engine-neutral; only the bound values change between batches.
 * @module
 */
import { CompiledQuery, type Compilable } from 'kysely';
import type { Db } from '../db/connect.js';
import { inBatches } from './batch.js';

/** Builds and runs the insert of a batch of rows of one shape (every row has the same keys, in the same order). */
export class InsertTemplate<R extends object> {
  /**
   * Per engine (keyed by the adapter's class: one process may import into both, as the parity bench
   * does, and their placeholders differ), per row count: the SQL, or null when it cannot be reused.
   */
  private readonly sql = new Map<unknown, Map<number, string | null>>();

  /** `build` makes the insert of the given rows; its values must be plain bound values (no expressions). */
  constructor(private readonly build: (db: Db, rows: R[]) => Compilable) {}

  /** Inserts `rows` in batches (inBatches), each through its cached SQL. */
  async insert(db: Db, rows: readonly R[]): Promise<void> {
    await inBatches(rows, (batch) => this.run(db, batch));
  }

  private async run(db: Db, rows: R[]): Promise<void> {
    const params = rows.flatMap((row) => Object.values(row) as unknown[]);
    const engine = db.getExecutor().adapter.constructor;
    let texts = this.sql.get(engine);
    if (!texts) this.sql.set(engine, (texts = new Map()));
    let text = texts.get(rows.length);
    if (text === undefined) {
      const compiled = this.build(db, rows).compile();
      // reuse only when the bound values are exactly the rows' values in row order (else build every time)
      const same = compiled.parameters.length === params.length && compiled.parameters.every((p, i) => p === params[i]);
      text = same ? compiled.sql : null;
      texts.set(rows.length, text);
      await db.executeQuery(compiled);
      return;
    }
    await db.executeQuery(text === null ? this.build(db, rows).compile() : CompiledQuery.raw(text, params));
  }
}
