/**
 * Search and lists at scale (issue 9):
 * - `customer_scores`: each customer's health score and churn risk as last scored (at the as-of of
 *   `meta.segments_context`, by the same refresh that keeps rule-segment memberships current; see
 *   segments/derived.ts), so the search can filter and sort by them through an index;
 * - indexes for the filters and sorts GET /customers offers: health and churn, country with the
 *   name order, and the last purchase sort key (`coalesce(last_completed_at, '')`: customers without a
 *   completed order sort last when newest first). CLV, orders and last purchase ranges already have
 *   theirs (0001).
 * Plain SQL both engines take (no engine-specific statement).
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  const s = db.schema;
  await s
    .createTable('customer_scores')
    .addColumn('customer_id', 'text', (c) => c.primaryKey().references('customers.id').onDelete('cascade'))
    .addColumn('health_score', 'integer', (c) => c.notNull())
    .addColumn('health_level', 'text', (c) => c.notNull())
    .addColumn('churn_score', 'integer', (c) => c.notNull())
    .addColumn('churn_level', 'text', (c) => c.notNull())
    .addColumn('as_of', 'text', (c) => c.notNull())
    .execute();
  await s.createIndex('customer_scores_health_idx').on('customer_scores').columns(['health_score', 'customer_id']).execute();
  await s.createIndex('customer_scores_churn_idx').on('customer_scores').columns(['churn_score', 'customer_id']).execute();
  await s.createIndex('customers_country_name_idx').on('customers').columns(['country', 'name', 'id']).execute();
  await s
    .createIndex('customer_stats_last_key_idx')
    .on('customer_stats')
    .expression(sql`coalesce(last_completed_at, ''), customer_id`)
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('customer_stats_last_key_idx').ifExists().execute();
  await db.schema.dropIndex('customers_country_name_idx').ifExists().execute();
  await db.schema.dropTable('customer_scores').ifExists().execute();
}
