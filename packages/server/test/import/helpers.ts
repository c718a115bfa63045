/**
 * Helpers for the import tests: temp CSV files and a full snapshot of every table an import touches.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import type { Db } from '../../src/db/connect.js';

export const HEADER = '"InvoiceNo","StockCode","Description","Quantity","InvoiceDate","UnitPrice","CustomerID","Country"';

/** A temp directory removed by `cleanup()`. */
export function tempDir(): { dir: string; write(name: string, lines: string[]): string; cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'c360-import-'));
  return {
    dir,
    write(name, lines) {
      const file = join(dir, name);
      writeFileSync(file, lines.join('\n') + '\n');
      return file;
    },
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** Tables an Online Retail import writes, with the column to order rows by. */
const TOUCHED = {
  customers: 'id',
  orders: 'id',
  order_items: 'id',
  payments: 'id',
  activity: 'id',
  products: 'id',
  customer_stats: 'customer_id',
  idempotency_keys: 'key',
  meta: 'key',
} as const;

/**
 * Every row of every touched table (ordered by key), except `meta.stats_version` — a cache
 * invalidation counter that every customer-stats recompute bumps.
 */
export async function snapshot(db: Db): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const [table, key] of Object.entries(TOUCHED)) {
    const { rows } = await sql`select * from ${sql.table(table)} order by ${sql.ref(key)}`.execute(db);
    out[table] = table === 'meta' ? rows.filter((r) => (r as { key: string }).key !== 'stats_version') : rows;
  }
  return out;
}

/** Row count and sums of the money/quantity columns of every touched table (for large imports). */
export async function sums(db: Db): Promise<Record<string, unknown>> {
  const { rows } = await sql`select
      (select count(*) from customers) customers,
      (select min(registered_at) || max(registered_at) from customers) registered,
      (select count(*) || '/' || sum(total_minor) || '/' || sum(quantity) || '/' || sum(items_count) from orders) orders,
      (select count(*) || '/' || sum(quantity) || '/' || sum(unit_price_micros) from order_items) order_items,
      (select count(*) || '/' || sum(amount_minor) from payments) payments,
      (select count(*) || '/' || sum(amount_minor) from activity) activity,
      (select count(*) || '/' || sum(lines_sold) || '/' || sum(units_sold) || '/' || sum(revenue_minor) || '/' ||
        sum(guest_lines) || '/' || sum(guest_units) || '/' || sum(guest_revenue_minor) from products) products,
      (select count(*) || '/' || sum(total_spent_minor) || '/' || sum(total_refunded_minor) from customer_stats) stats,
      (select count(*) from idempotency_keys) keys,
      (select value from meta where key = 'dataset_as_of') as_of`.execute(db);
  return rows[0] as Record<string, unknown>;
}
