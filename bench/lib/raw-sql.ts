/**
 * The reference of each endpoint: the same SQL statements its read function issues (as Kysely
 * compiles them in packages/server/src/read/*), prepared once and run with better-sqlite3
 * directly — no query building, no scoring, no HTTP. Keep in step with the read functions; the
 * benchmark cross-checks row counts against the API for a few inputs.
 * @module
 */
import type SQLite from 'better-sqlite3';
import { normaliseQuery, SEARCH_FIELD_SEPARATOR } from '../../packages/server/src/aggregate/search-text.js';

const DAY = 86_400_000;
const OPEN_TICKET_STATUSES = ['open', 'pending', 'in_progress', 'escalated'];

const windowed = (col: string) =>
  `sum(case when "${col}" > ? and "${col}" <= ? then 1 else 0 end) as "recent", ` +
  `sum(case when "${col}" > ? and "${col}" <= ? then 1 else 0 end) as "prior"`;

/** GET /customers/:id/360 as its 11 statements (read/customer-360.ts, profile.ts, activity-windows.ts, rfm-population.ts). */
export function raw360(conn: SQLite.Database, asOf: Date): (id: string) => void {
  const end = asOf.toISOString();
  const r0 = new Date(asOf.getTime() - 90 * DAY).toISOString();
  const p0 = new Date(asOf.getTime() - 180 * DAY).toISOString();
  const customer = conn.prepare('select * from "customers" where "id" = ?');
  const addresses = conn.prepare('select * from "addresses" where "customer_id" = ? order by "is_primary" desc, "id"');
  const stats = conn.prepare('select * from "customer_stats" where "customer_id" = ?');
  const orders = conn.prepare(`select ${windowed('placed_at')} from "orders" where "customer_id" = ? and "placed_at" > ?`);
  const marketing = conn.prepare(
    `select ${windowed('occurred_at')} from "marketing_events" where "customer_id" = ? and "type" = ? and "occurred_at" > ?`,
  );
  const sessions = conn.prepare(`select ${windowed('started_at')} from "sessions" where "customer_id" = ? and "started_at" > ?`);
  const tickets = conn.prepare(
    'select sum(case when status in (?, ?, ?, ?) then 1 else 0 end) as "open", ' +
      'sum(case when created_at > ? then 1 else 0 end) as "recent", ' +
      'sum(case when created_at > ? and csat is not null and csat <= 2 then 1 else 0 end) as "negative" ' +
      'from "tickets" where "customer_id" = ?',
  );
  const tags = conn.prepare(
    'select "t"."id", "t"."name", "t"."color" from "tag_assignments" as "ta" inner join "tags" as "t" on "t"."id" = "ta"."tag_id" ' +
      'where "ta"."customer_id" = ? order by "t"."name"',
  );
  const segments = conn.prepare(
    'select "s"."id", "s"."name", "s"."kind", "sa"."assigned_at", "sa"."how" from "segment_assignments" as "sa" ' +
      'inner join "segments" as "s" on "s"."id" = "sa"."segment_id" where "sa"."customer_id" = ? order by "s"."name"',
  );
  const meta = conn.prepare('select "value" from "meta" where "key" = ?');
  return (id) => {
    if (!customer.get(id)) throw new Error(`raw 360: no customer ${id}`);
    addresses.all(id);
    stats.get(id);
    orders.get(r0, end, p0, r0, id, p0);
    marketing.get(r0, end, p0, r0, id, 'opened', p0);
    marketing.get(r0, end, p0, r0, id, 'clicked', p0);
    sessions.get(r0, end, p0, r0, id, p0);
    tickets.get(...OPEN_TICKET_STATUSES, p0, p0, id);
    tags.all(id);
    segments.all(id);
    meta.get('stats_version'); // the RFM breakpoints cache check (a hit: the scan runs once per stats version)
  };
}

/** GET /customers?q=… (default sort `name`, limit 20, first page) as its 3 statements (read/search.ts). */
export function rawSearch(conn: SQLite.Database, limit = 20): (q: string) => { total: number; items: number } {
  const where = (phone: boolean) =>
    `("c"."id" = ? or c.search_text like ? escape '\\' or exists (select "o"."id" from "orders" as "o" ` +
    `where "o"."customer_id" = "c"."id" and "o"."number" = ?)${phone ? ' or c.search_text like ?' : ''})`;
  const from = 'from "customers" as "c" left join "customer_stats" as "s" on "s"."customer_id" = "c"."id"';
  const page = (phone: boolean) =>
    conn.prepare(
      'select "c"."id", "c"."name", "c"."email", "c"."phone", "c"."country", "c"."currency", ' +
        'coalesce(s.total_spent_minor, 0) as "spent", coalesce(s.total_orders, 0) as "orders_count", ' +
        `"s"."last_completed_at", "c"."name" as "sort_key" ${from} where ${where(phone)} ` +
        'order by "c"."name" asc, "c"."id" asc limit ?',
    );
  const count = (phone: boolean) => conn.prepare(`select count(*) as "n" ${from} where ${where(phone)}`);
  const statements = {
    plain: { page: page(false), count: count(false) },
    phone: { page: page(true), count: count(true) },
  };
  const matches = conn.prepare('select "customer_id" from "orders" where "number" = ?');
  return (query) => {
    const text = normaliseQuery(query);
    const digits = text.replace(/\D/g, '');
    const phone = digits.length >= 4 && digits.length === text.replace(/[\s()+.-]/g, '').length;
    const params: string[] = [text, `%${text.toLowerCase().replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`, text];
    if (phone) params.push(`%${SEARCH_FIELD_SEPARATOR}%${SEARCH_FIELD_SEPARATOR}%${digits}%`);
    const s = phone ? statements.phone : statements.plain;
    const rows = s.page.all(...params, limit + 1);
    const { n } = s.count.get(...params) as { n: number };
    matches.all(text);
    return { total: n, items: Math.min(rows.length, limit) };
  };
}

/** GET /customers/:id/timeline?limit=N, first page, as its 2 statements (read/timeline.ts). */
export function rawTimeline(conn: SQLite.Database, limit = 50): (id: string) => number {
  const exists = conn.prepare('select "id" from "customers" where "id" = ?');
  const page = conn.prepare('select * from "activity" where "customer_id" = ? order by "occurred_at" desc, "id" desc limit ?');
  return (id) => {
    if (!exists.get(id)) throw new Error(`raw timeline: no customer ${id}`);
    return Math.min(page.all(id, limit + 1).length, limit);
  };
}

/** GET /customers/:id/orders?limit=N, first page, as its 2 statements (read/orders.ts). */
export function rawOrders(conn: SQLite.Database, limit = 50): (id: string) => number {
  const customer = conn.prepare(
    'select "customers"."currency", "s"."total_orders", "s"."completed_orders", "s"."total_spent_minor" from "customers" ' +
      'left join "customer_stats" as "s" on "s"."customer_id" = "customers"."id" where "customers"."id" = ?',
  );
  const page = conn.prepare(
    'select "id", "number", "placed_at", "status", "total_minor", "currency", "items_count", "quantity" from "orders" ' +
      'where "customer_id" = ? order by "placed_at" desc, "id" desc limit ?',
  );
  return (id) => {
    if (!customer.get(id)) throw new Error(`raw orders: no customer ${id}`);
    return Math.min(page.all(id, limit + 1).length, limit);
  };
}
