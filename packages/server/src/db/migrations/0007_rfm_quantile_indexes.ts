/**
 * RFM breakpoints from indexes (issue 9, read/rfm-population.ts): partial indexes over the
 * customers with a completed order — the RFM population — on each RFM input, so that each
 * nearest-rank breakpoint is read as one row at an offset of an index walk, and the population is
 * counted from the smallest of them, without loading or sorting `customer_stats`. Partial indexes
 * with this plain condition work on both engines (a query's `where completed_orders > 0` selects them).
 */
import { sql, type Kysely } from 'kysely';

const POPULATION = sql<boolean>`completed_orders > 0`;

export async function up(db: Kysely<any>): Promise<void> {
  // completed_orders in each: the index answers the population condition without reading rows.
  for (const [name, columns] of [
    ['customer_stats_rfm_f_idx', ['completed_orders']],
    ['customer_stats_rfm_m_idx', ['total_spent_minor', 'completed_orders']],
    ['customer_stats_rfm_r_idx', ['last_completed_at', 'completed_orders']],
  ] as const) {
    await db.schema
      .createIndex(name)
      .on('customer_stats')
      .columns([...columns])
      .where(POPULATION)
      .execute();
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const name of ['customer_stats_rfm_f_idx', 'customer_stats_rfm_m_idx', 'customer_stats_rfm_r_idx']) {
    await db.schema.dropIndex(name).ifExists().execute();
  }
}
