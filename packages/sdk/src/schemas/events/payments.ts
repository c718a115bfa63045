/**
 * Payment events; see the events index for the wire conventions.
 * @module
 */
import { z } from 'zod';
import { Currency, CustomerId } from '../common.js';
import { EventBase, Id, Text, PositiveAmount, amountsFitCurrency, noCardNumbers } from './common.js';

// ---- payments ------------------------------------------------------------------------------------

export const PaymentKind = z.enum(['charge', 'refund']);
export type PaymentKind = z.infer<typeof PaymentKind>;
export const PaymentStatus = z.enum(['succeeded', 'failed', 'pending']);
export type PaymentStatus = z.infer<typeof PaymentStatus>;
export const PaymentMethodType = z.enum(['card', 'paypal', 'bank_account', 'apple_pay', 'google_pay', 'other']);
export type PaymentMethodType = z.infer<typeof PaymentMethodType>;

/**
 * A charge or a refund (refund `amount` is positive). Succeeded refunds add to totalRefunded and
 * never change lifetimeValue. Sending the same `paymentId` again updates it (e.g. pending → succeeded).
 */
export const PaymentRecordedEvent = z
  .strictObject({
    ...EventBase,
    type: z.literal('payment.recorded'),
    data: z
      .strictObject({
        customerId: CustomerId,
        paymentId: Id('Payment'),
        kind: PaymentKind,
        status: PaymentStatus.default('succeeded'),
        amount: PositiveAmount,
        currency: Currency.meta({ description: "Must be the customer's currency" }),
        methodId: Id('Payment method').optional(),
        orderId: Id('Order').optional().meta({ description: 'The order paid or refunded, when known' }),
        reference: Text(200).optional().meta({ description: 'Reference in the payment system' }),
        reason: Text(500).optional().meta({ description: 'E.g. why it failed or was refunded (timeline text)' }),
      })
      .superRefine((data, ctx) => {
        amountsFitCurrency(data, ['amount'], ctx);
        noCardNumbers(data, ctx);
      }),
  })
  .meta({
    id: 'PaymentRecordedEvent',
    description:
      "A charge or refund; `amount` positive, major units of `currency` (the customer's). Succeeded refunds add to totalRefunded, never to lifetimeValue. The same paymentId again updates it.",
  });
export type PaymentRecordedEvent = z.infer<typeof PaymentRecordedEvent>;

/**
 * A saved payment method. Only the last 4 digits of a card are ever accepted: unknown fields are
 * rejected, and so is any field that looks like a full card number.
 */
export const PaymentMethodSavedEvent = z
  .strictObject({
    ...EventBase,
    type: z.literal('payment_method.saved'),
    data: z
      .strictObject({
        customerId: CustomerId,
        methodId: Id('Payment method'),
        type: PaymentMethodType,
        brand: Text(40).optional().meta({ example: 'visa' }),
        last4: z
          .string()
          .regex(/^\d{4}$/, 'must be exactly the last 4 digits')
          .optional(),
        expMonth: z.number().int().min(1).max(12).optional(),
        expYear: z.number().int().min(2000).max(2100).optional(),
        default: z.boolean().default(false).meta({ description: 'Becomes the default; the others stop being it' }),
      })
      .superRefine((data, ctx) => {
        noCardNumbers(data, ctx);
        if (data.type === 'card' && !data.last4) ctx.addIssue({ code: 'custom', path: ['last4'], message: 'is required for a card' });
        if ((data.expMonth === undefined) !== (data.expYear === undefined)) {
          ctx.addIssue({
            code: 'custom',
            path: [data.expMonth === undefined ? 'expMonth' : 'expYear'],
            message: 'expMonth and expYear go together',
          });
        }
      }),
  })
  .meta({
    id: 'PaymentMethodSavedEvent',
    description: 'A saved payment method: type, brand, last 4 digits, expiry, default. Full card numbers and unknown fields are rejected.',
  });
export type PaymentMethodSavedEvent = z.infer<typeof PaymentMethodSavedEvent>;
