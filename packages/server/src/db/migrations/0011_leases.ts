/**
 * Named leases (issue 10): one row per lease — `name`, the `owner` holding it, and `expires_at`
 * (epoch milliseconds) after which anyone may take it over — taken, renewed and released through
 * db/lease.ts by the background jobs that several server instances on one database share (the
 * derived-state refresh, each scheduled export). The export schedules' own lease columns of 0005
 * (`lease_until`, `lease_owner`) are left unused.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('leases')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('owner', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('leases').ifExists().execute();
}
