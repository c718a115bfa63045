/**
 * GET /customers/:id/orders — newest first, keyset-paginated on (placed_at, id), with the
 * customer's order totals from `customer_stats` (R2).
 * @module
 */
import type { OrdersQuery, OrderStatus, OrdersPage } from '@c360/sdk';
import type { z } from 'zod';
import type { Db } from '../db/connect.js';
import { minorToMajor, divRoundHalfAwayFromZero } from '../scoring/money.js';
import { customerNotFound } from '../core/problem.js';
import { decodeCursor, encodeCursor } from '../core/cursor.js';

export async function loadOrders(db: Db, customerId: string, query: z.output<typeof OrdersQuery>): Promise<OrdersPage> {
  const customer = await db
    .selectFrom('customers')
    .leftJoin('customer_stats as s', 's.customer_id', 'customers.id')
    .select(['customers.currency', 's.total_orders', 's.completed_orders', 's.total_spent_minor'])
    .where('customers.id', '=', customerId)
    .executeTakeFirst();
  if (!customer) throw customerNotFound(customerId);

  let q = db
    .selectFrom('orders')
    .select(['id', 'number', 'placed_at', 'status', 'total_minor', 'currency', 'items_count', 'quantity'])
    .where('customer_id', '=', customerId);
  if (query.cursor) {
    const [placedAt, id] = decodeCursor(query.cursor, 2) as [string, string];
    q = q.where((eb) => eb.or([eb('placed_at', '<', placedAt), eb.and([eb('placed_at', '=', placedAt), eb('id', '<', id)])]));
  }
  const rows = await q
    .orderBy('placed_at', 'desc')
    .orderBy('id', 'desc')
    .limit(query.limit + 1)
    .execute();
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);

  const currency = customer.currency;
  const completed = Number(customer.completed_orders ?? 0);
  const spent = Number(customer.total_spent_minor ?? 0);
  return {
    orders: page.map((o) => ({
      id: o.id,
      number: o.number,
      placedAt: o.placed_at,
      status: o.status as OrderStatus,
      total: minorToMajor(Number(o.total_minor), o.currency),
      currency: o.currency,
      itemsCount: Number(o.items_count),
      quantity: Number(o.quantity),
    })),
    nextCursor: rows.length > query.limit && last ? encodeCursor([last.placed_at, last.id]) : null,
    currency,
    totalOrders: Number(customer.total_orders ?? 0),
    completedOrders: completed,
    totalRevenue: minorToMajor(spent, currency),
    averageOrderValue: completed > 0 ? minorToMajor(divRoundHalfAwayFromZero(spent, completed), currency) : 0,
  };
}
