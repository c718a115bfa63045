/**
 * The change feed of real-time updates (R18, design Property 6): one row per (customer, section,
 * type) a committed change touched, written in the same transaction as the change. The id is an
 * auto-increment key (never reused, even after pruning; assigned in commit order, see db/dialects/): the SSE event id that clients send
 * back as `Last-Event-ID`. Old rows are pruned (see src/realtime/feed.ts).
 */
import type { Kysely } from 'kysely';
import { dialectOf } from '../dialects/index.js';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('change_feed')
    .addColumn('id', 'integer', (col) => dialectOf(db).serialKey(col))
    .addColumn('customer_id', 'text', (col) => col.notNull())
    .addColumn('section', 'text', (col) => col.notNull())
    .addColumn('type', 'text', (col) => col.notNull())
    .addColumn('at', 'text', (col) => col.notNull())
    .addColumn('activity_id', 'text')
    .addColumn('source_key', 'text') // what produced the row (`event:<id>`, a note's activity id…): a re-application replaces it
    .execute();
  await db.schema.createIndex('change_feed_source').on('change_feed').columns(['source_key']).execute();
  await db.schema.createIndex('change_feed_customer').on('change_feed').columns(['customer_id', 'id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('change_feed').execute();
}
