/**
 * Follow-ups (issue 12 item 10a, 003 "follow-up tasks or reminders"): a reminder about one
 * customer, due at a time, for an assignee (a user: an API key's name), with a note. Scheduled by
 * the quick action `POST /customers/{id}/actions/follow-up`, listed per customer and per assignee,
 * completed, cancelled, reassigned or rescheduled by `PATCH /follow-ups/{id}`. When its due time
 * passes (on the server's clock) the assignee receives one `follow_up.due` notification.
 * @module
 */
import { z } from 'zod';
import { Cursor, CustomerId, Timestamp } from './common.js';
import { FOLLOW_UP_ASSIGNEE_MAX, FOLLOW_UP_NOTE_MAX } from '../constants.js';

/** `open` until it is `done` or `cancelled`; a closed follow-up may be reopened. */
export const FollowUpStatus = z.enum(['open', 'done', 'cancelled']).meta({ id: 'FollowUpStatus' });
export type FollowUpStatus = z.infer<typeof FollowUpStatus>;

const Assignee = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(FOLLOW_UP_ASSIGNEE_MAX)
  .meta({ description: 'The user it is for: an API key’s name', example: 'Dana (support)' });
const NoteText = z.string().trim().max(FOLLOW_UP_NOTE_MAX).meta({ description: 'Plain text: what to do, stored as given (trimmed)' });

export const FollowUp = z
  .object({
    id: z.string().meta({ example: 'fu_01J…' }),
    customerId: CustomerId,
    dueAt: Timestamp.meta({ description: 'When it falls due (UTC); the assignee is notified once then' }),
    assignee: Assignee,
    note: z.string(),
    status: FollowUpStatus,
    createdBy: z.string().meta({ description: 'Who scheduled it (the acting user)' }),
    createdAt: Timestamp,
    completedAt: Timestamp.nullable().meta({ description: 'When it was marked done or cancelled; null while open' }),
    notifiedAt: Timestamp.nullable().meta({ description: 'When the `follow_up.due` notification was raised; null before' }),
  })
  .meta({ id: 'FollowUp' });
export type FollowUp = z.infer<typeof FollowUp>;

/**
 * Body of POST /customers/:id/actions/follow-up. A `dueAt` more than a minute before the server's
 * clock is refused (400 naming `body.dueAt`).
 */
export const NewFollowUp = z
  .object({
    dueAt: Timestamp,
    assignee: Assignee.optional().meta({ description: 'Default: the caller' }),
    note: NoteText.default(''),
  })
  .strict()
  .meta({ id: 'NewFollowUp', description: 'Schedules a follow-up of the customer for an assignee (default: the caller)' });
export type NewFollowUp = z.input<typeof NewFollowUp>;

/** Body of PATCH /follow-ups/:id: mark done, cancel, reopen, reassign, reschedule or edit the note. */
export const FollowUpUpdate = z
  .object({
    status: FollowUpStatus.optional(),
    assignee: Assignee.optional(),
    dueAt: Timestamp.optional().meta({ description: 'Rescheduling notifies the assignee again at the new time' }),
    note: NoteText.optional(),
  })
  .strict()
  .refine((u) => Object.values(u).some((v) => v !== undefined), 'give at least one of status, assignee, dueAt, note')
  .meta({ id: 'FollowUpUpdate' });
export type FollowUpUpdate = z.input<typeof FollowUpUpdate>;

const StatusFilter = z.enum(['open', 'done', 'cancelled', 'all']).default('open').meta({ description: '`all`: every status' });
const PageLimit = z.coerce.number().int().min(1).max(100).default(20);

/** Query of GET /customers/:id/follow-ups. */
export const CustomerFollowUpsQuery = z.object({ status: StatusFilter, limit: PageLimit, cursor: Cursor.optional() });
export type CustomerFollowUpsQuery = z.input<typeof CustomerFollowUpsQuery>;

/** Query of GET /follow-ups (one assignee's follow-ups across customers). */
export const FollowUpsQuery = z.object({
  assignee: z
    .string()
    .trim()
    .min(1)
    .max(FOLLOW_UP_ASSIGNEE_MAX)
    .default('me')
    .meta({ description: '`me` (default): the caller; otherwise a user’s name' }),
  status: StatusFilter,
  dueBefore: Timestamp.optional().meta({ description: 'Only those due before this instant' }),
  limit: PageLimit,
  cursor: Cursor.optional(),
});
export type FollowUpsQuery = z.input<typeof FollowUpsQuery>;

export const FollowUpsPage = z
  .object({
    items: z.array(FollowUp).meta({ description: 'Soonest due first' }),
    nextCursor: z.string().nullable(),
    now: Timestamp.meta({ description: 'The server’s clock (the demo’s runs on from its as-of): what is due is due against it' }),
  })
  .meta({ id: 'FollowUpsPage' });
export type FollowUpsPage = z.infer<typeof FollowUpsPage>;
