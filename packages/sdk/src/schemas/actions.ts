/**
 * Quick actions on one customer (R14): send an email, open a support ticket, adjust loyalty points.
 * Each is a POST under `/customers/{id}/actions/…`, audited, shown in the customer's sections and
 * timeline at once, and idempotent with an `Idempotency-Key` header (a retry returns the first
 * result and does nothing again).
 * @module
 */
import { z } from 'zod';
import { Timestamp } from './common.js';
import { TicketChannel, TicketPriority } from './events/index.js';

/** Longest email body, in characters (plain text). */
export const EMAIL_BODY_MAX = 20_000;
/** Largest points adjustment of one quick action, either way. */
export const POINTS_ADJUSTMENT_MAX = 100_000;

const Text = (max: number) => z.string().trim().min(1).max(max);

/** POST /customers/:id/actions/email. */
export const EmailAction = z
  .object({
    subject: Text(200),
    body: z.string().min(1).max(EMAIL_BODY_MAX).meta({ description: 'Plain text, sent as given' }),
    channel: z.literal('email').default('email').meta({ description: 'Only `email` for now' }),
  })
  .meta({ id: 'EmailAction', description: 'An email to the customer’s address, refused during their quiet hours or without their opt-in' });
export type EmailAction = z.input<typeof EmailAction>;

/** The answer to an email action: the message was handed to the mail transport. */
export const EmailQueued = z
  .object({
    messageId: z.string().meta({ description: 'The message’s id (also its campaign `manual:<messageId>`)' }),
    transport: z.enum(['outbox', 'smtp']).meta({ description: 'Where it went: the outbox directory or an SMTP server' }),
    queuedAt: Timestamp,
  })
  .meta({ id: 'EmailQueued' });
export type EmailQueued = z.infer<typeof EmailQueued>;

/** POST /customers/:id/actions/ticket. */
export const TicketAction = z
  .object({
    subject: Text(300),
    priority: TicketPriority.default('normal'),
    channel: TicketChannel.optional(),
    body: z.string().min(1).max(5000).optional().meta({ description: 'First message of the ticket' }),
  })
  .meta({ id: 'TicketAction', description: 'Opens a support ticket for the customer, as the caller' });
export type TicketAction = z.input<typeof TicketAction>;

/** POST /customers/:id/actions/points. */
export const PointsAction = z
  .object({
    points: z
      .number()
      .int()
      .min(-POINTS_ADJUSTMENT_MAX)
      .max(POINTS_ADJUSTMENT_MAX)
      .refine((n) => n !== 0, 'must not be 0')
      .meta({ description: 'Positive adds (earned), negative takes from the balance (redeemed)' }),
    reason: Text(200),
  })
  .meta({ id: 'PointsAction', description: 'Adds or takes loyalty points; taking more than the balance is refused (422)' });
export type PointsAction = z.input<typeof PointsAction>;

/** The answer to a points action. */
export const PointsAdjusted = z
  .object({
    transactionId: z.string().meta({ description: 'The loyalty transaction written' }),
    points: z.number().int().meta({ description: 'As requested: + earned, − redeemed' }),
    balance: z.number().int().nonnegative().meta({ description: 'The balance after the adjustment' }),
    lifetimePoints: z.number().int().nonnegative(),
    tier: z.string(),
  })
  .meta({ id: 'PointsAdjusted' });
export type PointsAdjusted = z.infer<typeof PointsAdjusted>;
