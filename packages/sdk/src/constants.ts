/**
 * The contract's constants that pages use at run time, kept apart from the zod schemas (which import
 * them) so that a page importing a constant does not load zod. The schema modules re-export each one
 * beside the schema it belongs to; import them from `@c360/sdk` as before.
 * @module
 */
import type { LoyaltyTier, TicketStatus } from './schemas/events/index.js';

/**
 * Lifetime points at which each tier starts. The tier itself is what the loyalty system last set
 * (`loyalty.enrolled` / `loyalty.tier_changed`); these thresholds only drive the progress bar
 * toward the next tier.
 */
export const LOYALTY_TIER_THRESHOLDS: Readonly<Record<LoyaltyTier, number>> = {
  bronze: 0,
  silver: 1_000,
  gold: 5_000,
  platinum: 15_000,
};

/** Days ahead of as-of that `pointsExpiringIn30Days` looks. */
export const LOYALTY_EXPIRY_WINDOW_DAYS = 30;

/** Days before as-of over which open and click rates are computed. */
export const MARKETING_RATE_WINDOW_DAYS = 365;

/** Statuses that make a ticket open (highlighted, counted in `openTickets`). */
export const OPEN_TICKET_STATUSES: readonly TicketStatus[] = ['open', 'pending', 'in_progress', 'escalated'];

/** The kinds of timeline entries (`TimelineEventType`), in the order the filters list them. */
export const TIMELINE_EVENT_TYPES = [
  'order',
  'refund',
  'payment',
  'ticket',
  'loyalty',
  'marketing',
  'session',
  'note',
  'tag',
  'segment',
  'score',
  'account',
  'export',
] as const;

/** How many customers a comparison takes. */
export const COMPARE_MIN = 2;
export const COMPARE_MAX = 3;

/** Longest note body, in characters. */
export const NOTE_MAX_LENGTH = 5000;

/** Colour of a tag created implicitly by name (POST /customers/:id/tags with `name`). */
export const DEFAULT_TAG_COLOR = '#64748b';

/** Longest follow-up note, in characters. */
export const FOLLOW_UP_NOTE_MAX = 2000;
/** Longest assignee name, in characters (API key names are at most 100). */
export const FOLLOW_UP_ASSIGNEE_MAX = 100;
