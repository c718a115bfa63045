/**
 * The demo enrichment on the real bundled sample and real SQLite: deterministic, idempotent, valid
 * (every event passes the SDK schema and applies without a conflict), within [registration, as-of],
 * and realistic where the demo relies on it (campaign rates, loyalty balances, section coverage).
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql, type RawBuilder } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IngestEvent, type IngestEvent as Event } from '@c360/sdk';
import { openDb, type Db } from '../../src/db/connect.js';
import { importOnlineRetail } from '../../src/import/online-retail.js';
import { datasetAsOf, enrichDemo, ensureDemoData, SAMPLE_FILE, type DemoEnrichSummary } from '../../src/demo/load-demo.js';
import { demoEnrichmentBatches } from '../../src/demo/enrich/index.js';

/** Tables the enrichment writes (customers and imported rows aside, whose created_at is wall-clock). */
const ENRICHED = [
  'loyalty_accounts',
  'loyalty_transactions',
  'referrals',
  'campaigns',
  'marketing_events',
  'preferences',
  'consent_log',
  'tickets',
  'ticket_events',
  'sessions',
  'page_views',
  'payment_methods',
  'payments',
  'addresses',
  'categories',
  'products',
  'activity',
] as const;

interface Fresh {
  db: Db;
  dir: string;
  asOf: string;
}

async function fresh(): Promise<Fresh> {
  const dir = mkdtempSync(join(tmpdir(), 'c360-demo-'));
  return { db: await openDb({ file: join(dir, 'c360.db') }), dir, asOf: '' };
}

async function tableHash(db: Db, table: string): Promise<{ count: number; hash: string }> {
  const { rows } = await sql`select * from ${sql.table(table)}`.execute(db);
  const lines = rows.map((r) => JSON.stringify(r)).sort();
  return { count: rows.length, hash: createHash('sha256').update(lines.join('\n')).digest('hex') };
}

async function snapshot(db: Db, tables: readonly string[]): Promise<Record<string, { count: number; hash: string }>> {
  const out: Record<string, { count: number; hash: string }> = {};
  for (const t of tables) out[t] = await tableHash(db, t);
  return out;
}

async function allTables(db: Db): Promise<string[]> {
  const { rows } = await sql<{
    name: string;
  }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name`.execute(db);
  return rows.map((r) => r.name);
}

const one = async <T>(db: Db, query: RawBuilder<T>): Promise<T> => (await query.execute(db)).rows[0]!;

let a: Fresh;
let b: Fresh;
let bSummary: DemoEnrichSummary;
let events: Event[];

beforeAll(async () => {
  // One through ensureDemoData, one through import + enrichDemo: the same data either way.
  a = await fresh();
  await ensureDemoData(a.db);
  a.asOf = (await datasetAsOf(a.db))!;
  b = await fresh();
  b.asOf = (await importOnlineRetail(b.db, SAMPLE_FILE)).asOf;
  bSummary = await enrichDemo(b.db, b.asOf);
  events = [];
  for await (const batch of demoEnrichmentBatches(a.db, a.asOf)) events.push(...batch.events);
}, 120_000);

afterAll(async () => {
  for (const f of [a, b]) {
    if (!f) continue;
    await f.db.destroy();
    rmSync(f.dir, { recursive: true, force: true });
  }
});

describe('demo enrichment', () => {
  it('is deterministic: two fresh databases hold identical enriched rows', async () => {
    expect(a.asOf).toBe(b.asOf);
    expect(await snapshot(a.db, ENRICHED)).toEqual(await snapshot(b.db, ENRICHED));
    const names = sql<{
      h: string;
    }>`select group_concat(id || name || coalesce(email, '') || coalesce(phone, ''), '|') h from (select * from customers order by id)`;
    expect((await one(a.db, names)).h).toBe((await one(b.db, names)).h);
  });

  it('applies every generated event (none invalid, none in conflict) and applying it again changes nothing', async () => {
    expect(bSummary.applied).toBe(bSummary.events);
    expect(bSummary.events).toBe(events.length);
    const tables = await allTables(a.db);
    const before = await snapshot(a.db, tables);
    const again = await enrichDemo(a.db, a.asOf);
    expect(again).toMatchObject({ events: events.length, applied: 0 });
    expect(await snapshot(a.db, tables)).toEqual(before);
  });

  it('generates valid events with deterministic ids, a modest volume, and every type the demo shows', () => {
    expect(events.length).toBeGreaterThan(5_000);
    expect(events.length).toBeLessThan(60_000);
    expect(new Set(events.map((e) => e.id)).size).toBe(events.length);
    for (const e of events) {
      const parsed = IngestEvent.safeParse(e);
      expect(parsed.success, `${e.id}: ${parsed.error?.message}`).toBe(true);
      expect(e.id).toMatch(/^(demo:v1:[^:]+:[a-z-]+:\d+|demo-enrichment:v1:[^:]+)$/);
    }
    const types = new Set(events.map((e) => e.type));
    for (const t of IngestEvent.options.map((o) => o.shape.type.value)) {
      if (t === 'order.placed' || t === 'order.status_changed') expect(types.has(t)).toBe(false);
      else expect(types.has(t), t).toBe(true);
    }
  });

  it("dates every event between the customer's registration and as-of", async () => {
    const registered = new Map(
      (await a.db.selectFrom('customers').select(['id', 'registered_at']).execute()).map((c) => [c.id, c.registered_at]),
    );
    for (const e of events) {
      const at = new Date(e.occurredAt).toISOString();
      expect(at <= a.asOf, e.id).toBe(true);
      expect(at >= registered.get(e.data.customerId)!, e.id).toBe(true);
    }
    const late = sql<{ n: number }>`select
      (select count(*) from loyalty_transactions t join customers c on c.id = t.customer_id where t.occurred_at > ${a.asOf} or t.occurred_at < c.registered_at)
      + (select count(*) from loyalty_accounts t join customers c on c.id = t.customer_id where t.enrolled_at > ${a.asOf} or t.enrolled_at < c.registered_at)
      + (select count(*) from marketing_events t join customers c on c.id = t.customer_id where t.occurred_at > ${a.asOf} or t.occurred_at < c.registered_at)
      + (select count(*) from consent_log t join customers c on c.id = t.customer_id where t.occurred_at > ${a.asOf} or t.occurred_at < c.registered_at)
      + (select count(*) from tickets t join customers c on c.id = t.customer_id where t.created_at > ${a.asOf} or t.created_at < c.registered_at or t.resolved_at > ${a.asOf})
      + (select count(*) from ticket_events e join tickets t on t.id = e.ticket_id where e.occurred_at > ${a.asOf} or e.occurred_at < t.created_at)
      + (select count(*) from sessions t join customers c on c.id = t.customer_id where t.started_at > ${a.asOf} or t.started_at < c.registered_at)
      + (select count(*) from page_views t join customers c on c.id = t.customer_id where t.occurred_at > ${a.asOf} or t.occurred_at < c.registered_at)
      + (select count(*) from payments t join customers c on c.id = t.customer_id where t.occurred_at > ${a.asOf} or t.occurred_at < c.registered_at)
      + (select count(*) from payment_methods t join customers c on c.id = t.customer_id where t.created_at > ${a.asOf} or t.created_at < c.registered_at)
      + (select count(*) from activity where occurred_at > ${a.asOf})
      + (select count(*) from campaigns where sent_at > ${a.asOf}) as n`;
    expect(Number((await one(a.db, late)).n)).toBe(0);
  });

  it('has email open rates around 20% and click rates around 3% of sent, varying per customer', async () => {
    const rates = await one(
      a.db,
      sql<{ sent: number; opened: number; clicked: number }>`select sum(type = 'sent') sent,
      sum(type = 'opened') opened, sum(type = 'clicked') clicked from marketing_events where channel = 'email'`,
    );
    expect(rates.opened / rates.sent).toBeGreaterThanOrEqual(0.12);
    expect(rates.opened / rates.sent).toBeLessThanOrEqual(0.3);
    expect(rates.clicked / rates.sent).toBeGreaterThanOrEqual(0.01);
    expect(rates.clicked / rates.sent).toBeLessThanOrEqual(0.08);
    const per = (
      await sql<{ rate: number }>`select 1.0 * sum(type = 'opened') / sum(type = 'sent') rate from marketing_events
      where channel = 'email' group by customer_id having sum(type = 'sent') >= 4`.execute(a.db)
    ).rows.map((r) => r.rate);
    const mean = per.reduce((s, r) => s + r, 0) / per.length;
    const sd = Math.sqrt(per.reduce((s, r) => s + (r - mean) ** 2, 0) / per.length);
    expect(per.length).toBeGreaterThan(50);
    expect(sd).toBeGreaterThan(0.1);
  });

  it('keeps loyalty balances non-negative at every point in time and equal to the ledger', async () => {
    const accounts = await a.db.selectFrom('loyalty_accounts').selectAll().execute();
    const customers = Number((await one(a.db, sql<{ n: number }>`select count(*) n from customers`)).n);
    expect(accounts.length / customers).toBeGreaterThan(0.6);
    expect(accounts.length).toBeLessThan(customers);
    const ledger = await a.db
      .selectFrom('loyalty_transactions')
      .selectAll()
      .orderBy('customer_id')
      .orderBy('occurred_at')
      .orderBy('id')
      .execute();
    for (const account of accounts) {
      let balance = 0;
      for (const t of ledger.filter((l) => l.customer_id === account.customer_id)) {
        balance += Number(t.points);
        expect(balance, `${account.customer_id} at ${t.occurred_at}`).toBeGreaterThanOrEqual(0);
      }
      expect(Number(account.points_balance)).toBe(balance);
    }
    const window = new Date(Date.parse(a.asOf) + 30 * 86_400_000).toISOString();
    const expiring = await one(
      a.db,
      sql<{
        n: number;
      }>`select count(distinct customer_id) n from loyalty_transactions where expires_at > ${a.asOf} and expires_at <= ${window}`,
    );
    expect(Number(expiring.n)).toBeGreaterThan(5);
    const tiers = new Set(accounts.map((x) => x.tier));
    expect(tiers.size).toBeGreaterThanOrEqual(3);
  });

  it('records one succeeded charge per completed order for its total, and never repeats the imported refunds', async () => {
    const mismatch = await one(
      a.db,
      sql<{ n: number }>`select count(*) n from orders o where o.status in ('completed', 'delivered')
      and o.total_minor > 0 and (select count(*) from payments p where p.order_id = o.id and p.kind = 'charge'
      and p.status = 'succeeded' and p.amount_minor = o.total_minor and p.currency = o.currency) != 1`,
    );
    expect(Number(mismatch.n)).toBe(0);
    const refunds = await one(
      a.db,
      sql<{ all: number; imported: number }>`select count(*) "all", sum(id like 'refund:%') imported from payments where kind = 'refund'`,
    );
    expect(Number(refunds.all)).toBe(Number(refunds.imported));
    const methods = await one(
      a.db,
      sql<{ n: number; defaults: number; expired: number }>`select count(distinct customer_id) n,
      (select count(*) from (select customer_id from payment_methods group by customer_id having sum(is_default) = 1)) defaults,
      sum(type = 'card' and exp_year * 100 + exp_month < 201112) expired from payment_methods`,
    );
    expect(Number(methods.defaults)).toBe(Number(methods.n));
    expect(Number(methods.expired)).toBeGreaterThan(0);
  });

  it('gives about 30% of customers tickets, a few still open, with mostly positive CSAT', async () => {
    const t = await one(
      a.db,
      sql<{ customers: number; all: number; open: number; csat: number; rated: number }>`select
      (select count(distinct customer_id) from tickets) * 1.0 / (select count(*) from customers) customers, count(*) "all",
      sum(status not in ('resolved', 'closed')) open, avg(csat) csat, count(csat) rated from tickets`,
    );
    expect(t.customers).toBeGreaterThan(0.2);
    expect(t.customers).toBeLessThan(0.45);
    expect(Number(t.open)).toBeGreaterThan(0);
    expect(Number(t.open)).toBeLessThan(Number(t.all) / 4);
    expect(t.csat).toBeGreaterThan(3.3);
  });

  it('puts activity in the 180 days before as-of for most customers, and views in categories', async () => {
    const since = new Date(Date.parse(a.asOf) - 180 * 86_400_000).toISOString();
    const active = await one(
      a.db,
      sql<{ share: number }>`select count(*) * 1.0 / (select count(*) from customers) share from (
      select customer_id from sessions where started_at > ${since} union
      select customer_id from marketing_events where type in ('opened', 'clicked') and occurred_at > ${since} union
      select customer_id from tickets where created_at > ${since})`,
    );
    expect(active.share).toBeGreaterThan(0.5);
    const views = await one(
      a.db,
      sql<{ n: number; categorised: number; categories: number }>`select count(*) n,
      count(category_id) categorised, count(distinct category_id) categories from page_views`,
    );
    expect(Number(views.categorised)).toBe(Number(views.n));
    expect(Number(views.categories)).toBeGreaterThanOrEqual(8);
  });
});
