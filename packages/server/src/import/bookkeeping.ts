/**
 * Importer bookkeeping in `idempotency_keys` (what has been applied once) and `meta` (facts about
 * the data such as `dataset_as_of`).
 * @module
 */
import type { Db } from '../db/connect.js';
import { inBatches } from './batch.js';

/** Whether `key` has been recorded. */
export async function hasKey(db: Db, key: string): Promise<boolean> {
  const row = await db.selectFrom('idempotency_keys').select('key').where('key', '=', key).executeTakeFirst();
  return row !== undefined;
}

/** Every recorded key of `kind` that starts with `prefix` (a PK range scan). */
export async function keysWithPrefix(db: Db, kind: string, prefix: string): Promise<Set<string>> {
  const rows = await db
    .selectFrom('idempotency_keys')
    .select('key')
    .where('key', '>=', prefix)
    .where('key', '<', prefix + '\uffff')
    .where('kind', '=', kind)
    .execute();
  return new Set(rows.map((r) => r.key));
}

/** Records keys of `kind` at `now` (ISO); existing keys are left as they are. */
export async function recordKeys(db: Db, kind: string, keys: Iterable<string>, now: string): Promise<void> {
  const rows = [...keys].map((key) => ({ key, kind, received_at: now }));
  await inBatches(rows, (b) =>
    db
      .insertInto('idempotency_keys')
      .values(b)
      .onConflict((oc) => oc.column('key').doNothing())
      .execute(),
  );
}

/** Sets `meta[key]` to `value` unless it already holds a greater one (text order, e.g. ISO times). */
export async function raiseMeta(db: Db, key: string, value: string): Promise<void> {
  await db
    .insertInto('meta')
    .values({ key, value })
    .onConflict((oc) =>
      oc
        .column('key')
        .doUpdateSet((eb) => ({ value: eb.ref('excluded.value') }))
        .where('excluded.value', '>', (eb) => eb.ref('meta.value')),
    )
    .execute();
}

/** `meta[key]`, or undefined. */
export async function getMeta(db: Db, key: string): Promise<string | undefined> {
  const row = await db.selectFrom('meta').select('value').where('key', '=', key).executeTakeFirst();
  return row?.value;
}

/** Sets `meta[key]` to `value`, whatever it held. */
export async function setMeta(db: Db, key: string, value: string): Promise<void> {
  await db
    .insertInto('meta')
    .values({ key, value })
    .onConflict((oc) => oc.column('key').doUpdateSet((eb) => ({ value: eb.ref('excluded.value') })))
    .execute();
}

/** Removes `meta[key]` if present. */
export async function deleteMeta(db: Db, key: string): Promise<void> {
  await db.deleteFrom('meta').where('key', '=', key).execute();
}
