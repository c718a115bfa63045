/**
 * GET /customers — search and filter (R15), keyset-paginated, with the total count.
 * `q` matches an exact customer id or order number, or a substring of the name, email or phone
 * (phone compared on digits only). Every result matches the query (design Property 10).
 * @module
 */
import { sql, type ExpressionBuilder, type SelectQueryBuilder } from 'kysely';
import type { CustomerSearchPage, CustomerSearchQuery, CustomerSort } from '@c360/sdk';
import type { z } from 'zod';
import type { Db } from '../db/connect.js';
import type { Database } from '../db/schema.js';
import { minorToMajor } from '../scoring/money.js';
import { decodeCursor, encodeCursor } from '../api/cursor.js';
import { normaliseQuery, SEARCH_FIELD_SEPARATOR } from '../aggregate/search-text.js';

type Query = z.output<typeof CustomerSearchQuery>;
type From = Database & { c: Database['customers']; s: Database['customer_stats'] };

/** The sort key of each `sort` option: column, direction; ties broken by id ascending. */
const SORTS: Record<CustomerSort, { column: string; dir: 'asc' | 'desc' }> = {
  name: { column: 'c.name', dir: 'asc' },
  id: { column: 'c.id', dir: 'asc' },
  '-lifetimeValue': { column: 'spent', dir: 'desc' },
  lifetimeValue: { column: 'spent', dir: 'asc' },
  '-lastPurchaseAt': { column: 'last_purchase', dir: 'desc' },
  '-totalOrders': { column: 'orders_count', dir: 'desc' },
};

/** Escapes LIKE wildcards; the pattern uses `\` as escape character. */
function likeContains(text: string): string {
  return `%${text.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
}

function sortExpr(column: string) {
  switch (column) {
    case 'spent':
      return sql<number>`coalesce(s.total_spent_minor, 0)`;
    case 'last_purchase':
      return sql<string>`coalesce(s.last_completed_at, '')`;
    case 'orders_count':
      return sql<number>`coalesce(s.total_orders, 0)`;
    default:
      return sql.ref(column);
  }
}

function applyFilters(qb: SelectQueryBuilder<From, 'c' | 's', object>, query: Query) {
  let q = qb;
  const text = query.q ? normaliseQuery(query.q) : '';
  if (text) {
    const lower = text.toLowerCase();
    const digits = text.replace(/\D/g, '');
    q = q.where((eb: ExpressionBuilder<From, 'c' | 's'>) => {
      const ors = [
        eb('c.id', '=', text),
        eb(sql`c.search_text`, 'like', sql`${likeContains(lower)} escape '\\'`),
        eb.exists(eb.selectFrom('orders as o').select('o.id').whereRef('o.customer_id', '=', 'c.id').where('o.number', '=', text)),
      ];
      if (digits.length >= 4 && digits.length === text.replace(/[\s()+.-]/g, '').length) {
        // Phone digits are the third field: after both separators.
        const sep = SEARCH_FIELD_SEPARATOR;
        ors.push(eb(sql`c.search_text`, 'like', `%${sep}%${sep}%${digits}%`));
      }
      return eb.or(ors);
    });
  }
  if (query.country) q = q.where('c.country', '=', query.country);
  if (query.registeredFrom) q = q.where('c.registered_at', '>=', `${query.registeredFrom}T00:00:00.000Z`);
  if (query.registeredTo) q = q.where('c.registered_at', '<=', `${query.registeredTo}T23:59:59.999Z`);
  if (query.lastPurchaseFrom) q = q.where('s.last_completed_at', '>=', `${query.lastPurchaseFrom}T00:00:00.000Z`);
  if (query.lastPurchaseTo) q = q.where('s.last_completed_at', '<=', `${query.lastPurchaseTo}T23:59:59.999Z`);
  // Money filters compare minor units; the API takes major units (GBP: ×100).
  if (query.clvMin !== undefined) q = q.where(sql`coalesce(s.total_spent_minor, 0)`, '>=', Math.round(query.clvMin * 100));
  if (query.clvMax !== undefined) q = q.where(sql`coalesce(s.total_spent_minor, 0)`, '<=', Math.round(query.clvMax * 100));
  if (query.ordersMin !== undefined) q = q.where(sql`coalesce(s.total_orders, 0)`, '>=', query.ordersMin);
  if (query.ordersMax !== undefined) q = q.where(sql`coalesce(s.total_orders, 0)`, '<=', query.ordersMax);
  return q;
}

export async function searchCustomers(db: Db, query: Query): Promise<CustomerSearchPage> {
  const base = applyFilters(
    (db as unknown as import('kysely').Kysely<From>)
      .selectFrom('customers as c')
      .leftJoin('customer_stats as s', 's.customer_id', 'c.id') as SelectQueryBuilder<From, 'c' | 's', object>,
    query,
  );
  const sort = SORTS[query.sort];
  const key = sortExpr(sort.column);

  let page = base.select([
    'c.id', 'c.name', 'c.email', 'c.phone', 'c.country', 'c.currency',
    sql<number>`coalesce(s.total_spent_minor, 0)`.as('spent'),
    sql<number>`coalesce(s.total_orders, 0)`.as('orders_count'),
    's.last_completed_at',
    sql<string | number>`${key}`.as('sort_key'),
  ]);
  if (query.cursor) {
    const [value, id] = decodeCursor(query.cursor, 2) as [string | number, string];
    const op = sort.dir === 'asc' ? sql`>` : sql`<`;
    page = sort.column === 'c.id'
      ? page.where(sql<boolean>`c.id > ${id}`)
      : page.where(sql<boolean>`(${key} ${op} ${value} or (${key} = ${value} and c.id > ${id}))`);
  }
  const [rows, count] = await Promise.all([
    page.orderBy(key, sort.dir).orderBy('c.id', 'asc').limit(query.limit + 1).execute(),
    base.select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow(),
  ]);
  const items = rows.slice(0, query.limit);
  const last = items.at(-1);

  const text = query.q ? normaliseQuery(query.q) : '';
  const orderMatches = text
    ? new Set((await db.selectFrom('orders').select('customer_id').where('number', '=', text).execute()).map((o) => o.customer_id))
    : new Set<string>();

  return {
    items: items.map((r) => ({
      id: r.id,
      name: r.name,
      email: r.email,
      phone: r.phone,
      country: r.country,
      currency: r.currency,
      lifetimeValue: minorToMajor(Number(r.spent), r.currency),
      totalOrders: Number(r.orders_count),
      lastPurchaseAt: r.last_completed_at,
      matchedOrderNumber: text && orderMatches.has(r.id) ? text : null,
    })),
    total: Number(count.n),
    nextCursor: rows.length > query.limit && last ? encodeCursor([last.sort_key, last.id]) : null,
  };
}
