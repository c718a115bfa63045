/**
 * The customer timeline / activity feed (R7): every touchpoint, newest first, keyset-paginated.
 * @module
 */
import { z } from 'zod';
import { Currency, Cursor, ServerText, Timestamp } from './common.js';
import { TIMELINE_EVENT_TYPES } from '../constants.js';

export const TimelineEventType = z.enum(TIMELINE_EVENT_TYPES);
export type TimelineEventType = z.infer<typeof TimelineEventType>;

export const TimelineEvent = z
  .object({
    id: z.string(),
    type: TimelineEventType,
    title: z.string(),
    description: z.string().nullable(),
    titleText: ServerText.nullable().meta({
      description: '`title` as code + params; null when the title is not one of the catalogue (shown as written)',
    }),
    descriptionText: z.array(ServerText).nullable().meta({
      description: '`description` as pieces (code + params each), shown joined with " · "; null when it has none or it could not be read',
    }),
    occurredAt: Timestamp,
    amount: z.number().nullable().meta({ description: 'Money in major units, where the event has one' }),
    currency: Currency.nullable(),
    ref: z
      .object({ kind: z.string(), id: z.string() })
      .nullable()
      .meta({ description: 'The record the event is about, e.g. {kind:"order", id:"536365"}' }),
  })
  .meta({ id: 'TimelineEvent' });
export type TimelineEvent = z.infer<typeof TimelineEvent>;

/** `types` is a comma-separated list of event types; `from`/`to` are inclusive ISO dates or timestamps. */
export const TimelineQuery = z.object({
  types: z
    .string()
    .optional()
    .transform((s, ctx) => {
      if (!s) return undefined;
      const parts = s
        .split(',')
        .map((p) => p.trim())
        .filter(Boolean);
      for (const p of parts) {
        if (!TimelineEventType.safeParse(p).success) {
          ctx.addIssue({ code: 'custom', message: `unknown event type "${p}"; one of ${TimelineEventType.options.join(', ')}` });
          return z.NEVER;
        }
      }
      return parts as TimelineEventType[];
    })
    .meta({ description: 'Comma-separated event types, e.g. "order,refund"' }),
  from: z.union([z.iso.date(), z.iso.datetime({ offset: true })]).optional(),
  to: z.union([z.iso.date(), z.iso.datetime({ offset: true })]).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: Cursor.optional(),
});
export type TimelineQuery = z.input<typeof TimelineQuery>;

export const TimelinePage = z
  .object({
    events: z.array(TimelineEvent),
    nextCursor: z.string().nullable(),
  })
  .meta({ id: 'TimelinePage' });
export type TimelinePage = z.infer<typeof TimelinePage>;
