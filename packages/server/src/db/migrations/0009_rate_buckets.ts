/**
 * Write rate limits shared by every server instance on one database (issue 10): one token bucket
 * per API token — `tokens` left (fractional) at `at` (epoch milliseconds) — updated by a single
 * upsert per write (auth/shared-rate-limit.ts), so two instances draw on one budget.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('rate_buckets')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('tokens', 'double precision', (c) => c.notNull())
    .addColumn('at', 'bigint', (c) => c.notNull())
    .addColumn('granted', 'integer', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('rate_buckets').ifExists().execute();
}
