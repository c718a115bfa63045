/**
 * Queries of a fixed shape compiled once per database and re-run with new parameters: building a
 * Kysely query and compiling it to SQL costs more than running most of the index lookups of a read
 * (the 360 view runs a handful per request). The SQL text is compiled on first use for each
 * database (its dialect decides the placeholders) and kept; each call substitutes its arguments
 * into the compiled parameter list, and the driver's statement cache (db/dialects/) finds the
 * prepared statement by the identical text.
 * @module
 */
import type { CompiledQuery } from 'kysely';
import type { Db } from '../db/connect.js';

/** A compiled parameter that stands for argument `i` of the call: unique, never a real value. */
const marker = (i: number) => `\u0000c360-arg-${i}\u0000`;

/** A Kysely query builder or a raw `sql` template (compiled against the database it runs on). */
export interface Buildable<R> {
  compile(db: Db): CompiledQuery<R>;
}

interface Compiled {
  query: CompiledQuery;
  /** Per compiled parameter: the index of the argument it stands for, or -1 for a constant. */
  slots: number[];
}

/**
 * A query whose shape never changes: `build(db, ...args)` must pass each argument to the query as
 * a bound value as is (no arithmetic, no lists built from it), since it is called once with
 * stand-ins to learn where the arguments go.
 * @example
 * const byId = new FixedQuery((db, id: string) => db.selectFrom('customers').selectAll().where('id', '=', id));
 * const rows = await byId.execute(db, 'C1');
 */
export class FixedQuery<A extends unknown[], R> {
  /** Compiled per database (keyed by its adapter, shared by its transactions; c360 adds no query plugins, which would change the SQL). */
  private readonly compiled = new WeakMap<object, Compiled>();

  constructor(private readonly build: (db: Db, ...args: A) => Buildable<R>) {}

  /** The rows of the query with `args` (on `db` or a transaction of it). */
  async execute(db: Db, ...args: A): Promise<R[]> {
    const key = db.getExecutor().adapter;
    let compiled = this.compiled.get(key);
    if (!compiled) {
      const query = this.build(db, ...(args.map((_, i) => marker(i)) as A)).compile(db);
      const slots = query.parameters.map((p) => (typeof p === 'string' ? args.findIndex((_, i) => p === marker(i)) : -1));
      compiled = { query, slots };
      this.compiled.set(key, compiled);
    }
    const { query, slots } = compiled;
    const parameters = slots.map((slot, i) => (slot < 0 ? query.parameters[i] : args[slot]));
    const result = await db.executeQuery<R>({ ...query, parameters } as CompiledQuery<R>);
    return result.rows;
  }

  /** The first row, or undefined. */
  async first(db: Db, ...args: A): Promise<R | undefined> {
    return (await this.execute(db, ...args))[0];
  }
}
