/**
 * The per-customer aggregates behind every metric (table `customer_stats`), recomputed from the
 * source rows. The write path updates them by the delta of each batch (aggregate/stats-delta.ts);
 * this full recomputation is the reference `c360 rebuild-stats` restores them to.
 * @module
 */
import { sql } from 'kysely';
import type { Db } from '../db/connect.js';

/** Statuses that count as revenue (SPEC §4), as an SQL list. */
export const COMPLETED_SQL = sql`('delivered', 'completed')`;

/**
 * Recomputes `customer_stats` for the given customers (all customers when omitted), in the caller's
 * transaction when `db` is one, and bumps `meta.stats_version` so that population-wide values
 * derived from the stats (RFM quintile breakpoints) are recomputed on their next read.
 */
export async function recomputeCustomerStats(db: Db, customerIds?: readonly string[]): Promise<void> {
  if (customerIds && customerIds.length === 0) return;
  const chunks = customerIds ? chunk(customerIds, 500) : [undefined];
  for (const ids of chunks) {
    // `where true` without ids: SQLite needs a WHERE before ON CONFLICT in INSERT … SELECT.
    const where = ids ? sql`where c.id in (${sql.join(ids)})` : sql`where true`;
    await sql`
      insert into customer_stats (customer_id, currency, total_orders, completed_orders, total_spent_minor,
        total_refunded_minor, first_order_at, first_completed_at, last_completed_at)
      select c.id, c.currency,
        (select count(*) from orders o where o.customer_id = c.id),
        (select count(*) from orders o where o.customer_id = c.id and o.status in ${COMPLETED_SQL}),
        coalesce((select sum(o.total_minor) from orders o where o.customer_id = c.id and o.status in ${COMPLETED_SQL}), 0),
        coalesce((select sum(p.amount_minor) from payments p where p.customer_id = c.id and p.kind = 'refund' and p.status = 'succeeded'), 0),
        (select min(o.placed_at) from orders o where o.customer_id = c.id),
        (select min(o.placed_at) from orders o where o.customer_id = c.id and o.status in ${COMPLETED_SQL}),
        (select max(o.placed_at) from orders o where o.customer_id = c.id and o.status in ${COMPLETED_SQL})
      from customers c ${where}
      on conflict (customer_id) do update set
        currency = excluded.currency,
        total_orders = excluded.total_orders,
        completed_orders = excluded.completed_orders,
        total_spent_minor = excluded.total_spent_minor,
        total_refunded_minor = excluded.total_refunded_minor,
        first_order_at = excluded.first_order_at,
        first_completed_at = excluded.first_completed_at,
        last_completed_at = excluded.last_completed_at
    `.execute(db);
  }
  await sql`
    insert into meta (key, value) values ('stats_version', '1')
    on conflict (key) do update set value = cast(cast(meta.value as integer) + 1 as text)
  `.execute(db);
}

function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
