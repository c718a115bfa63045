/**
 * Newest/largest-first search sorts at scale (issue 9): GET /customers orders `-lifetimeValue`,
 * `-totalOrders`, `-lastPurchaseAt`, `-healthScore` and `-churnRisk` by the key descending and ties
 * by customer id ascending. An ascending index (key, customer_id) walked backwards gives ties
 * descending, so the engine sorted every group of equal keys (thousands of customers share a health
 * score at a million) before the first page; these indexes hold exactly that order, so the first
 * page and each keyset page read their 21 index entries. Plain SQL both engines take.
 */
import { sql, type Kysely } from 'kysely';

const INDEXES = [
  ['customer_stats_spent_desc_idx', 'customer_stats', sql`total_spent_minor desc, customer_id`],
  ['customer_stats_orders_desc_idx', 'customer_stats', sql`total_orders desc, customer_id`],
  ['customer_stats_last_key_desc_idx', 'customer_stats', sql`coalesce(last_completed_at, '') desc, customer_id`],
  ['customer_scores_health_desc_idx', 'customer_scores', sql`health_score desc, customer_id`],
  ['customer_scores_churn_desc_idx', 'customer_scores', sql`churn_score desc, customer_id`],
] as const;

export async function up(db: Kysely<any>): Promise<void> {
  for (const [name, table, columns] of INDEXES) await db.schema.createIndex(name).on(table).expression(columns).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const [name] of INDEXES) await db.schema.dropIndex(name).ifExists().execute();
}
