/**
 * Product rows and their sales statistics. Customer sales (`lines_sold`, `units_sold`,
 * `revenue_minor`) follow `order_items` of completed orders: writers add the delta of each batch
 * (aggregate/stats-delta.ts) and {@link recomputeProductStats} recomputes them from the lines;
 * guest sales, which have no rows of their own, are added once per guest invoice by the importer.
 * @module
 */
import { sql } from 'kysely';
import type { Db } from '../db/connect.js';
import { COMPLETED_SQL } from '../aggregate/customer-stats.js';
import { currencyExponent } from '../scoring/money.js';
import { inBatches } from './batch.js';

/** A product to upsert, with guest-sale increments (0 when none are new). */
export interface ProductUpsert {
  id: string;
  /** First non-empty description seen, else the id itself as a placeholder. */
  name: string;
  guestLines: number;
  guestUnits: number;
  /** Σ per line of quantity × unit price rounded to minor units. */
  guestRevenueMinor: number;
}

/**
 * Inserts missing products and adds the guest increments to existing ones. An existing real name
 * is kept; a placeholder name (equal to the id) is replaced by a real one.
 */
export async function upsertProducts(db: Db, products: readonly ProductUpsert[], currency: string): Promise<void> {
  const rows = products.map((p) => ({
    id: p.id,
    name: p.name,
    category_id: null,
    lines_sold: 0,
    units_sold: 0,
    revenue_minor: 0,
    guest_lines: p.guestLines,
    guest_units: p.guestUnits,
    guest_revenue_minor: p.guestRevenueMinor,
    currency,
  }));
  await inBatches(rows, (b) =>
    db
      .insertInto('products')
      .values(b)
      .onConflict((oc) =>
        oc
          .column('id')
          .doUpdateSet({
            name: sql<string>`case when products.name = products.id then excluded.name else products.name end`,
            guest_lines: sql<number>`products.guest_lines + excluded.guest_lines`,
            guest_units: sql<number>`products.guest_units + excluded.guest_units`,
            guest_revenue_minor: sql<number>`products.guest_revenue_minor + excluded.guest_revenue_minor`,
          })
          .where((eb) =>
            eb.or([
              eb('excluded.guest_lines', '<>', 0),
              eb('excluded.guest_units', '<>', 0),
              eb('excluded.guest_revenue_minor', '<>', 0),
              eb.and([eb('products.name', '=', eb.ref('products.id')), eb('excluded.name', '<>', eb.ref('excluded.id'))]),
            ]),
          ),
      )
      .execute(),
  );
}

/**
 * Recomputes `lines_sold`, `units_sold` and `revenue_minor` of the given products (all when
 * omitted) from the lines of completed (`completed`/`delivered`) orders: revenue is Σ per line of
 * quantity × unit price rounded half away from zero to the minor unit of the line's order currency.
 * The write path adds deltas instead (aggregate/stats-delta.ts); this is the reference
 * `c360 rebuild-stats` restores. Idempotent; guest columns are left alone.
 */
export async function recomputeProductStats(db: Db, productIds?: readonly string[]): Promise<void> {
  const currencies = await db.selectFrom('orders').select('currency').distinct().execute();
  if (currencies.length === 0) currencies.push({ currency: 'GBP' });
  const perMinor = (field: (c: string) => number) =>
    sql`case o.currency ${sql.join(
      currencies.map(({ currency }) => sql`when ${currency} then ${sql.lit(field(currency))}`),
      sql` `,
    )} end`;
  const divisor = perMinor((c) => 10 ** (6 - currencyExponent(c)));
  const half = perMinor((c) => Math.floor(10 ** (6 - currencyExponent(c)) / 2));
  const micros = sql`(i.quantity * i.unit_price_micros)`;
  const minor = sql`case when ${micros} >= 0 then (${micros} + ${half}) / ${divisor} else (${micros} - ${half}) / ${divisor} end`;
  const update = (where: ReturnType<typeof sql>) =>
    sql`
    update products set (lines_sold, units_sold, revenue_minor) = (
      select count(*), coalesce(sum(i.quantity), 0), coalesce(sum(${minor}), 0)
      from order_items i join orders o on o.id = i.order_id
      where i.product_id = products.id and o.status in ${COMPLETED_SQL})
    ${where}
  `.execute(db);
  if (!productIds) {
    await update(sql``);
    return;
  }
  await inBatches(
    productIds.map((id) => ({ id })),
    async (batch) => {
      await update(sql`where id in (${sql.join(batch.map((b) => b.id))})`);
    },
  );
}
