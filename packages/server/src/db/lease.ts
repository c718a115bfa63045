/**
 * Named leases: the one primitive by which several server instances on one database agree that
 * only one of them does a piece of background work at a time (the derived-state refresh, a due
 * scheduled export). A lease is a `leases` row (migration 0011): `name`, its `owner` and
 * `expires_at` in epoch milliseconds. Each operation is ONE statement both engines apply
 * atomically to the row, in the dialect-neutral SQL:
 *
 * - acquire: `insert … on conflict (name) do update … where owner = me or expires_at <= now
 *   returning name` — a row comes back only to the one caller that now holds it;
 * - renew: `update … where name = ? and owner = me and expires_at > now`;
 * - release: `delete … where name = ? and owner = me`.
 *
 * An owner that dies leaves its lease to expire. Times are the caller's clock (`now`, epoch ms):
 * instances sharing a database are assumed to agree on the time to well within a lease's length.
 * @module
 */
import type { Kysely } from 'kysely';
import type { Db } from './connect.js';

/** A `leases` row. */
export interface LeasesTable {
  name: string;
  owner: string;
  /** Epoch milliseconds; the lease is free from then on. */
  expires_at: number;
}

type LeaseDb = Kysely<{ leases: LeasesTable }>;
const leaseDb = (db: Db): LeaseDb => db.withTables<{ leases: LeasesTable }>() as unknown as LeaseDb;

/**
 * Takes the lease `name` for `owner` until `now + ttlMs` when it is free, expired or already
 * `owner`'s (then it is extended); resolves to whether `owner` holds it now.
 */
export async function acquireLease(db: Db, name: string, owner: string, ttlMs: number, now = Date.now()): Promise<boolean> {
  const row = await leaseDb(db)
    .insertInto('leases')
    .values({ name, owner, expires_at: now + ttlMs })
    .onConflict((oc) =>
      oc
        .column('name')
        .doUpdateSet({ owner, expires_at: now + ttlMs })
        .where((eb) => eb.or([eb('leases.owner', '=', owner), eb('leases.expires_at', '<=', now)])),
    )
    .returning('name')
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * Extends `owner`'s unexpired lease `name` to `now + ttlMs`; resolves to false (nothing changed)
 * when `owner` no longer holds it.
 */
export async function renewLease(db: Db, name: string, owner: string, ttlMs: number, now = Date.now()): Promise<boolean> {
  const result = await leaseDb(db)
    .updateTable('leases')
    .set({ expires_at: now + ttlMs })
    .where('name', '=', name)
    .where('owner', '=', owner)
    .where('expires_at', '>', now)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Gives the lease `name` up if `owner` holds it (else does nothing). */
export async function releaseLease(db: Db, name: string, owner: string): Promise<void> {
  await leaseDb(db).deleteFrom('leases').where('name', '=', name).where('owner', '=', owner).execute();
}
