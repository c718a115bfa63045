/**
 * The real-time change feed (R18, design Property 6): `GET /stream?customer=:id` sends one
 * Server-Sent Event per {@link ChangeRecord} (`event: change`, `id: <seq>`, `data: <json>`);
 * `customer=a,b,c` follows several customers on one connection (a list page: Refine's liveProvider).
 * A change touching several sections (an order: orders, profile metrics, scores, segments,
 * timeline) yields one record per section, so an element refreshes only what it shows (R18.4).
 * @module
 */
import { z } from 'zod';
import { CustomerId, Timestamp } from './common.js';
import { customerIdList } from './customer.js';

/** The part of the 360 view a change touched; elements map it to what they must refetch. */
export const ChangeSection = z
  .enum(['profile', 'orders', 'payments', 'support', 'loyalty', 'marketing', 'behavior', 'notes', 'tags', 'segments', 'scores', 'timeline'])
  .meta({
    id: 'ChangeSection',
    description:
      'profile: GET /customers/{id}/360 profile and metrics; scores: its health, churn and RFM; tags and segments: its tags and segments ' +
      '(and GET /customers/{id}/tags, /segments); orders, payments, support, loyalty, marketing, notes, timeline: the endpoint of that name; ' +
      'behavior: GET /customers/{id}/analytics',
  });
export type ChangeSection = z.infer<typeof ChangeSection>;

export const ChangeRecord = z
  .object({
    id: z.number().int().positive().meta({ description: 'Monotonic sequence number; also the SSE `id` to send back as `Last-Event-ID`' }),
    customerId: CustomerId,
    section: ChangeSection,
    type: z.string().meta({
      description:
        'What happened: an ingestion event type (`order.placed`, `loyalty.points_earned`, …) or `note.added`, ' +
        '`tag.assigned`, `tag.removed`, `segment.assigned`, `segment.removed`',
    }),
    at: Timestamp.meta({ description: 'When the change was committed' }),
    activityId: z.string().optional().meta({ description: 'The timeline entry of the change, when it has one' }),
  })
  .meta({ id: 'ChangeRecord', description: 'One change to one section of a customer (the `data` of an SSE `change` event)' });
export type ChangeRecord = z.infer<typeof ChangeRecord>;

/** Most customers one stream follows (one list page). */
export const STREAM_CUSTOMERS_MAX = 100;

/** `customer=a` or `customer=a,b,c`: 1–{@link STREAM_CUSTOMERS_MAX} customer ids (duplicates ignored). */
const StreamCustomers = customerIdList(STREAM_CUSTOMERS_MAX);

/** Query of `GET /stream`. */
export const StreamQuery = z.object({
  customer: StreamCustomers.optional().meta({
    param: { name: 'customer', in: 'query' },
    description: `The customer whose changes to stream, or up to ${STREAM_CUSTOMERS_MAX} comma-separated (one connection for a list page); without it the stream carries only the caller’s notifications`,
    example: '17850',
  }),
  lastEventId: z
    .string()
    .regex(/^\d{1,15}$/)
    .optional()
    .meta({
      param: { name: 'lastEventId', in: 'query' },
      description: 'Resume after this change id (for clients that reconnect by hand; the `Last-Event-ID` header wins)',
    }),
  token: z
    .string()
    .optional()
    .meta({
      param: { name: 'token', in: 'query' },
      description: 'The bearer token, for EventSource (which cannot send headers); accepted on this route only',
    }),
});
export type StreamQuery = z.input<typeof StreamQuery>;
