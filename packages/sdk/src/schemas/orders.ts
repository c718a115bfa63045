/**
 * Orders of a customer (R2).
 * @module
 */
import { z } from 'zod';
import { Currency, Cursor, Money, Timestamp } from './common.js';

export const OrderStatus = z.enum(['pending', 'paid', 'shipped', 'delivered', 'completed', 'cancelled', 'unavailable', 'returned']);
export type OrderStatus = z.infer<typeof OrderStatus>;

/** Statuses that count as revenue (SPEC §4). */
export const COMPLETED_ORDER_STATUSES: readonly OrderStatus[] = ['delivered', 'completed'];

export const OrderSummary = z
  .object({
    id: z.string(),
    number: z.string(),
    placedAt: Timestamp,
    status: OrderStatus,
    total: Money,
    currency: Currency,
    itemsCount: z.number().int().meta({ description: 'Number of order lines' }),
    quantity: z.number().int().meta({ description: 'Sum of line quantities' }),
  })
  .meta({ id: 'OrderSummary' });
export type OrderSummary = z.infer<typeof OrderSummary>;

export const OrdersQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: Cursor.optional(),
});
export type OrdersQuery = z.input<typeof OrdersQuery>;

/** GET /customers/:id/orders — newest first, with the customer's order totals (R2.4, R2.5). */
export const OrdersPage = z
  .object({
    orders: z.array(OrderSummary),
    nextCursor: z.string().nullable(),
    currency: Currency,
    totalOrders: z.number().int(),
    completedOrders: z.number().int(),
    totalRevenue: Money.meta({ description: 'Sum of completed order totals (= lifetimeValue)' }),
    averageOrderValue: Money,
  })
  .meta({ id: 'OrdersPage' });
export type OrdersPage = z.infer<typeof OrdersPage>;
