/**
 * Full recomputation of every aggregate from the base tables (`c360 rebuild-stats`): what the
 * incremental write path (aggregate/stats-delta.ts) must always equal. For repairs after a manual
 * edit of base rows, and as the reference of the incremental-equals-rebuild property test.
 * @module
 */
import type { Db } from '../db/connect.js';
import { recomputeProductStats } from '../import/product-stats.js';
import { runWrite } from '../write/pipeline.js';
import { recomputeCustomerStats } from './customer-stats.js';

/** What a rebuild covered. */
export interface RebuildSummary {
  /** `customer_stats` rows written (one per customer). */
  customers: number;
  /** Products whose sales statistics were recomputed. */
  products: number;
}

/**
 * Recomputes `customer_stats` of every customer and the sales statistics of every product, in one
 * transaction (readers see the old or the new values, never a mix), and bumps `meta.stats_version`.
 * It goes through the write pipeline's transaction without audit row or change-feed entry: a repair
 * that leaves the aggregates as the incremental path keeps them (the bumped version makes the
 * derived-state refresh bring memberships and scores, and their feed entries, up to date).
 */
export async function rebuildStats(db: Db): Promise<RebuildSummary> {
  return runWrite(db, async ({ trx }) => {
    await recomputeCustomerStats(trx);
    await recomputeProductStats(trx);
    const customers = await trx
      .selectFrom('customers')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const products = await trx
      .selectFrom('products')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return { customers: Number(customers.n), products: Number(products.n) };
  });
}
