/**
 * Order events; see the events index for the wire conventions.
 * @module
 */
import { z } from 'zod';
import { Currency, CustomerId } from '../common.js';
import { OrderStatus } from '../orders.js';
import { EventBase, Id, Text, fractionDigits, Amount, UnitPrice, amountsFitCurrency } from './common.js';

// ---- orders --------------------------------------------------------------------------------------

const OrderLineInput = z.strictObject({
  productId: Id('Product'),
  description: Text(500).optional().meta({ description: 'Line text; also names a product seen for the first time' }),
  quantity: z.number().int().min(1).max(1_000_000),
  unitPrice: UnitPrice,
  categoryId: Id('Category').optional(),
  categoryName: Text(200).optional(),
});

/** Most an order total may be, in major units (keeps every intermediate sum exact). */
const MAX_ORDER_TOTAL = 1_000_000_000;

/**
 * An order placed by the customer (placed time = `occurredAt`). Total = Σ quantity × unitPrice,
 * exact, rounded once to the currency's minor unit (half away from zero), + `shipping`. Counts as
 * revenue (lifetimeValue) only while its status is `delivered` or `completed`. Products (and
 * categories) seen for the first time are created. Sending the same `orderId` again replaces the order.
 */
export const OrderPlacedEvent = z
  .strictObject({
    ...EventBase,
    type: z.literal('order.placed'),
    data: z
      .strictObject({
        customerId: CustomerId,
        orderId: Id('Order'),
        number: Text(100).optional().meta({ description: 'Order number shown to people; default `orderId`' }),
        status: OrderStatus.default('pending'),
        currency: Currency.meta({ description: "Must be the customer's currency" }),
        lines: z.array(OrderLineInput).min(1).max(1000),
        shipping: Amount.optional(),
      })
      .superRefine((data, ctx) => {
        amountsFitCurrency(data, ['shipping'], ctx);
        let micros = 0n;
        for (const line of data.lines) {
          const d = fractionDigits(line.unitPrice);
          if (d === null || d > 6) return;
          micros += BigInt(line.quantity) * BigInt(Math.round(line.unitPrice * 1e6));
        }
        if (micros + BigInt(Math.round((data.shipping ?? 0) * 1e6)) > BigInt(MAX_ORDER_TOTAL) * 1_000_000n) {
          ctx.addIssue({ code: 'custom', path: ['lines'], message: `order total must be at most ${MAX_ORDER_TOTAL}` });
        }
      }),
  })
  .meta({
    id: 'OrderPlacedEvent',
    description:
      "An order placed at `occurredAt`. Total = Σ quantity × unitPrice (exact, rounded once to the minor unit, half away from zero) + shipping. Money in major units of `currency`, which must be the customer's. Revenue only while delivered/completed. The same orderId again replaces the order.",
  });
export type OrderPlacedEvent = z.infer<typeof OrderPlacedEvent>;

/** An order's new status; `delivered`/`completed` make it count as revenue, any other status does not. */
export const OrderStatusChangedEvent = z
  .strictObject({
    ...EventBase,
    type: z.literal('order.status_changed'),
    data: z.strictObject({
      customerId: CustomerId,
      orderId: Id('Order').meta({ description: 'An order of this customer' }),
      status: OrderStatus,
      reason: Text(500).optional(),
    }),
  })
  .meta({
    id: 'OrderStatusChangedEvent',
    description: "An order's new status; delivered/completed count as revenue (lifetimeValue), other statuses do not.",
  });
export type OrderStatusChangedEvent = z.infer<typeof OrderStatusChangedEvent>;
