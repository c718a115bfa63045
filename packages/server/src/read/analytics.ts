/**
 * GET /customers/:id/analytics (R10, CLV and CSAT trends): top viewed categories, top purchased
 * categories (or products when none is categorised, as in Online Retail), sessions by device, a
 * weekday × hour heat map of completed orders, the cumulative lifetime value by month and the mean
 * CSAT by month. Weekdays, hours and months are UTC. Time buckets come from the ISO text of the
 * timestamps (`substr`), so the SQL stays portable.
 * @module
 */
import { COMPLETED_ORDER_STATUSES, DeviceType, type BehaviorAnalytics } from '@c360/sdk';
import { sql } from 'kysely';
import { customerNotFound } from '../core/problem.js';
import { minorToMajor } from '../scoring/money.js';
import type { Db } from '../db/connect.js';
import type { ReadContext } from '../core/read-context.js';

const TOP = 5;
const completed = [...COMPLETED_ORDER_STATUSES];

/** Completed order lines of the customer, with their product. */
function purchasedLines(db: Db, customerId: string) {
  return db
    .selectFrom('order_items as oi')
    .innerJoin('orders as o', 'o.id', 'oi.order_id')
    .leftJoin('products as p', 'p.id', 'oi.product_id')
    .where('o.customer_id', '=', customerId)
    .where('o.status', 'in', completed)
    .where('oi.product_id', 'is not', null);
}

const QUANTITY = sql<number>`sum(oi.quantity)`;
const ORDERS = sql<number>`count(distinct o.id)`;

/** `2011-12` after `2011-11`, `2012-01` after `2011-12`. */
export function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

/** Weekday of a `YYYY-MM-DD` UTC date, 0 = Monday … 6 = Sunday. */
export function weekdayMondayFirst(day: string): number {
  return (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7;
}

export async function loadAnalytics(ctx: ReadContext, customerId: string): Promise<BehaviorAnalytics> {
  const { db, asOf } = ctx;
  const [customer, viewed, byCategory, byProduct, devices, hours, months, csat] = await Promise.all([
    db.selectFrom('customers').select('currency').where('id', '=', customerId).executeTakeFirst(),
    db
      .selectFrom('page_views as pv')
      .innerJoin('categories as c', 'c.id', 'pv.category_id')
      .select(['c.id', 'c.name', sql<number>`count(*)`.as('n')])
      .where('pv.customer_id', '=', customerId)
      .groupBy(['c.id', 'c.name'])
      .orderBy('n', 'desc')
      .orderBy('c.name')
      .orderBy('c.id')
      .limit(TOP)
      .execute(),
    purchasedLines(db, customerId)
      .innerJoin('categories as c', 'c.id', 'p.category_id')
      .select(['c.id', 'c.name', QUANTITY.as('quantity'), ORDERS.as('orders')])
      .groupBy(['c.id', 'c.name'])
      .orderBy('quantity', 'desc')
      .orderBy('c.name')
      .orderBy('c.id')
      .limit(TOP)
      .execute(),
    purchasedLines(db, customerId)
      .select([
        sql<string>`oi.product_id`.as('id'),
        sql<string>`coalesce(max(p.name), max(oi.description), oi.product_id)`.as('name'),
        QUANTITY.as('quantity'),
        ORDERS.as('orders'),
      ])
      .groupBy('oi.product_id')
      .orderBy('quantity', 'desc')
      .orderBy('name')
      .orderBy('id')
      .limit(TOP)
      .execute(),
    db
      .selectFrom('sessions')
      .select(['device', sql<number>`count(*)`.as('n'), sql<number>`sum(duration_seconds)`.as('seconds')])
      .where('customer_id', '=', customerId)
      .groupBy('device')
      .execute(),
    db
      .selectFrom('orders')
      .select([sql<string>`substr(placed_at, 1, 13)`.as('hour'), sql<number>`count(*)`.as('n')])
      .where('customer_id', '=', customerId)
      .where('status', 'in', completed)
      .groupBy(sql`substr(placed_at, 1, 13)`)
      .execute(),
    db
      .selectFrom('orders')
      .select([sql<string>`substr(placed_at, 1, 7)`.as('month'), sql<number>`sum(total_minor)`.as('minor')])
      .where('customer_id', '=', customerId)
      .where('status', 'in', completed)
      .groupBy(sql`substr(placed_at, 1, 7)`)
      .orderBy('month')
      .execute(),
    db
      .selectFrom('tickets')
      .select([
        sql<string>`substr(coalesce(resolved_at, created_at), 1, 7)`.as('month'),
        sql<number>`sum(csat)`.as('total'),
        sql<number>`count(csat)`.as('n'),
      ])
      .where('customer_id', '=', customerId)
      .where('csat', 'is not', null)
      .groupBy(sql`substr(coalesce(resolved_at, created_at), 1, 7)`)
      .orderBy('month')
      .execute(),
  ]);
  if (!customer) throw customerNotFound(customerId);
  const currency = customer.currency;

  const sessions = devices.reduce((sum, d) => sum + Number(d.n), 0);
  const seconds = devices.reduce((sum, d) => sum + Number(d.seconds ?? 0), 0);
  const shoppingTimes = Array.from({ length: 7 }, () => Array.from({ length: 24 }, () => 0));
  for (const h of hours) shoppingTimes[weekdayMondayFirst(h.hour.slice(0, 10))]![Number(h.hour.slice(11, 13))]! += Number(h.n);

  const purchased =
    byCategory.length > 0 ? { basis: 'category' as const, rows: byCategory } : { basis: 'product' as const, rows: byProduct };
  return {
    asOf: asOf.toISOString(),
    currency,
    topViewedCategories: viewed.map((v) => ({ id: v.id, name: v.name, count: Number(v.n) })),
    topPurchased: {
      basis: purchased.basis,
      items: purchased.rows.map((r) => ({ id: r.id, name: r.name, quantity: Number(r.quantity), orders: Number(r.orders) })),
    },
    sessions,
    averageDurationSeconds: sessions > 0 ? Math.round(seconds / sessions) : null,
    deviceBreakdown: DeviceType.options.map((device) => {
      const n = Number(devices.find((d) => d.device === device)?.n ?? 0);
      return { device, sessions: n, share: sessions > 0 ? n / sessions : 0 };
    }),
    shoppingTimes,
    clvTrend: clvTrend(
      months.map((m) => ({ month: m.month, minor: Number(m.minor) })),
      asOf.toISOString().slice(0, 7),
      currency,
    ),
    csatTrend: csat.map((m) => ({
      month: m.month,
      average: Math.round((Number(m.total) / Number(m.n)) * 100) / 100,
      responses: Number(m.n),
    })),
  };
}

/**
 * Cumulative completed revenue at the end of every month from the first month with revenue to
 * max(last such month, `asOfMonth`); months without orders repeat the running total.
 */
export function clvTrend(
  months: ReadonlyArray<{ month: string; minor: number }>,
  asOfMonth: string,
  currency: string,
): BehaviorAnalytics['clvTrend'] {
  if (months.length === 0) return [];
  const added = new Map(months.map((m) => [m.month, m.minor]));
  const last = months[months.length - 1]!.month > asOfMonth ? months[months.length - 1]!.month : asOfMonth;
  const out: BehaviorAnalytics['clvTrend'] = [];
  let running = 0;
  for (let month = months[0]!.month; month <= last; month = nextMonth(month)) {
    const minor = added.get(month) ?? 0;
    running += minor;
    out.push({ month, value: minorToMajor(running, currency), added: minorToMajor(minor, currency) });
  }
  return out;
}
