/**
 * `c360 seed` (SPEC §2, issue 9 item 7): deterministic (customer i of seed S is the same whatever
 * N, so a smaller run is a prefix of a larger one), idempotent (seeding again applies nothing),
 * shaped like the Online Retail data, and written through the ingestion path, whose incremental
 * statistics then equal a full rebuild.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/connect.js';
import { openTestDb, type TestDb } from '../helpers/engines.js';
import { seedDatabase, type SeedSummary } from '../../src/seed/seed.js';
import { rebuildStats } from '../../src/aggregate/rebuild.js';

let opened: TestDb[] = [];
let big: Db;
let small: Db;
let other: Db;
let summary: SeedSummary;
beforeAll(async () => {
  opened = await Promise.all([openTestDb(), openTestDb(), openTestDb()]);
  [big, small, other] = opened.map((t) => t.db);
  summary = await seedDatabase(big, { customers: 600, chunkEvents: 700 });
  await seedDatabase(small, { customers: 150 });
  await seedDatabase(other, { customers: 150, seed: 2 });
}, 120_000);
afterAll(() => Promise.all(opened.map((t) => t.close())));

/** Every row of the tables seeding writes, for customers S<seed>-0 … S<seed>-(n−1). */
async function rowsOf(db: Db, seed: number, n: number): Promise<Record<string, string[]>> {
  const ids = Array.from({ length: n }, (_, i) => `S${seed}-${i}`);
  const out: Record<string, string[]> = {};
  for (const table of [
    'customers',
    'orders',
    'payments',
    'tickets',
    'loyalty_accounts',
    'marketing_events',
    'sessions',
    'activity',
    'customer_stats',
  ]) {
    const key = sql.ref(table === 'customers' ? 'id' : 'customer_id');
    const { rows } = await sql`select * from ${sql.table(table)} where ${key} in (${sql.join(ids)})`.execute(db);
    out[table] = rows.map((r) => JSON.stringify(r)).sort();
  }
  return out;
}

const one = async (db: Db, query: ReturnType<typeof sql>) => (await query.execute(db)).rows[0] as Record<string, number>;

describe('c360 seed', () => {
  it('is deterministic: the first 150 customers of 600 equal a run of 150; another seed differs', async () => {
    expect(summary).toMatchObject({ customers: 600, asOf: '2011-12-09T12:50:00.000Z' });
    expect(summary.applied).toBe(summary.events);
    const prefix = await rowsOf(big, 1, 150);
    expect(prefix.customers).toHaveLength(150);
    expect(prefix.orders.length).toBeGreaterThan(150);
    expect(await rowsOf(small, 1, 150)).toEqual(prefix);
    const seeded2 = await rowsOf(other, 2, 150);
    expect(seeded2.customers).toHaveLength(150);
    expect(seeded2.orders.map((r) => JSON.parse(r).total_minor)).not.toEqual(prefix.orders.map((r) => JSON.parse(r).total_minor));
  });

  it('is idempotent: seeding again applies nothing and changes no row', async () => {
    const before = await rowsOf(small, 1, 150);
    const again = await seedDatabase(small, { customers: 150 });
    expect(again.applied).toBe(0);
    expect(again.events).toBeGreaterThan(0);
    expect(await rowsOf(small, 1, 150)).toEqual(before);
  });

  it('has the shapes of the Online Retail data: orders per customer, refunds, countries, about ten events each', async () => {
    const orders = await one(
      big,
      sql`select count(*) as orders, sum(case when total_orders = 1 then 1 else 0 end) as once,
      max(total_orders) as most from customer_stats`,
    );
    expect(orders.orders).toBe(600);
    expect(orders.once / 600).toBeGreaterThan(0.28); // Online Retail: 36 % buy once
    expect(orders.once / 600).toBeLessThan(0.45);
    const totals = await one(big, sql`select count(*) as n, avg(total_minor) as mean from orders`);
    expect(totals.n / 600).toBeGreaterThan(3); // mean ≈ 4.2 orders per customer
    expect(totals.n / 600).toBeLessThan(6);
    expect(totals.mean).toBeGreaterThan(25_000); // log-normal around £300
    expect(totals.mean).toBeLessThan(60_000);
    const refunds = await one(big, sql`select count(*) as n from payments where kind = 'refund'`);
    expect(refunds.n / totals.n).toBeGreaterThan(0.1);
    expect(refunds.n / totals.n).toBeLessThan(0.22);
    const uk = await one(big, sql`select sum(case when country = 'United Kingdom' then 1 else 0 end) as uk from customers`);
    expect(uk.uk / 600).toBeGreaterThan(0.8);
    expect(summary.events / 600).toBeGreaterThan(7);
    expect(summary.events / 600).toBeLessThan(14);
  });

  it('goes through the ingestion path: its incremental statistics equal a rebuild', async () => {
    const stats = () => big.selectFrom('customer_stats').selectAll().orderBy('customer_id').execute();
    const products = () => big.selectFrom('products').select(['id', 'lines_sold', 'units_sold', 'revenue_minor']).orderBy('id').execute();
    const incremental = { customers: await stats(), products: await products() };
    await rebuildStats(big);
    expect({ customers: await stats(), products: await products() }).toEqual(incremental);
  });
});
