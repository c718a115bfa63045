/**
 * Support-ticket events; see the events index for the wire conventions.
 * @module
 */
import { z } from 'zod';
import { CustomerId } from '../common.js';
import { EventBase, Id, Text } from './common.js';

// ---- support -------------------------------------------------------------------------------------

export const TicketStatus = z.enum(['open', 'pending', 'in_progress', 'escalated', 'resolved', 'closed']);
export type TicketStatus = z.infer<typeof TicketStatus>;
export const TicketPriority = z.enum(['low', 'normal', 'high', 'urgent']);
export type TicketPriority = z.infer<typeof TicketPriority>;
export const TicketChannel = z.enum(['email', 'chat', 'phone', 'web', 'social', 'other']);
export type TicketChannel = z.infer<typeof TicketChannel>;

/** A support ticket opened (status `open`, created at `occurredAt`). */
export const TicketOpenedEvent = z
  .strictObject({
    ...EventBase,
    type: z.literal('ticket.opened'),
    data: z.strictObject({
      customerId: CustomerId,
      ticketId: Id('Ticket'),
      subject: Text(300),
      priority: TicketPriority.default('normal'),
      channel: TicketChannel.optional(),
      description: Text(5000).optional().meta({ description: 'First message' }),
      actor: Text(200).optional().meta({ description: 'Who opened it (agent or system)' }),
    }),
  })
  .meta({
    id: 'TicketOpenedEvent',
    description: 'A support ticket opened at `occurredAt` (status open).',
  });
export type TicketOpenedEvent = z.infer<typeof TicketOpenedEvent>;

/**
 * A change to a ticket: status (`resolved` sets the resolution time, reopening clears it), priority,
 * satisfaction (CSAT 1–5, NPS 0–10) and/or a comment. At least one of them.
 */
export const TicketUpdatedEvent = z
  .strictObject({
    ...EventBase,
    type: z.literal('ticket.updated'),
    data: z
      .strictObject({
        customerId: CustomerId,
        ticketId: Id('Ticket').meta({ description: 'A ticket of this customer' }),
        status: TicketStatus.optional(),
        priority: TicketPriority.optional(),
        csat: z.number().int().min(1).max(5).optional().meta({ description: 'Customer satisfaction, 1–5' }),
        nps: z.number().int().min(0).max(10).optional().meta({ description: 'Net promoter answer, 0–10' }),
        comment: Text(5000).optional(),
        actor: Text(200).optional(),
      })
      .refine((d) => [d.status, d.priority, d.csat, d.nps, d.comment].some((v) => v !== undefined), {
        message: 'give at least one of status, priority, csat, nps, comment',
      }),
  })
  .meta({
    id: 'TicketUpdatedEvent',
    description:
      "A ticket's status, priority, CSAT (1–5), NPS (0–10) and/or comment. resolved sets the resolution time; reopening clears it.",
  });
export type TicketUpdatedEvent = z.infer<typeof TicketUpdatedEvent>;
