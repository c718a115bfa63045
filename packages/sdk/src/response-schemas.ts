/**
 * The zod schema of every response body the client reads, by name, and the check that
 * {@link createClient} applies with them. Kept apart from the client core (client-core.ts), which
 * only names them, so a page that trusts the server (the elements' light client) does not load zod.
 * @module
 */
import { z } from 'zod';
import { CurrentActor } from './schemas/auth.js';
import { CustomerComparison } from './schemas/compare.js';
import { Customer360, CustomerSearchPage } from './schemas/customer.js';
import { EmailQueued, PointsAdjusted } from './schemas/actions.js';
import { CustomerSegments, Segment, SegmentList } from './schemas/segments.js';
import { SegmentPreview } from './schemas/segment-preview.js';
import { CustomerTags, TagList, TagSummary } from './schemas/tags.js';
import { Note, NotesPage } from './schemas/notes.js';
import { OrdersPage } from './schemas/orders.js';
import {
  BehaviorAnalytics,
  LoyaltyStatus,
  MarketingEngagement,
  PaymentsOverview,
  SupportHistory,
  TicketDetail,
  TicketSummary,
} from './schemas/sections.js';
import { ChangeRecord } from './schemas/stream.js';
import { PreferencesEdited } from './schemas/preferences.js';
import { AuditPage } from './schemas/audit.js';
import { Notification, NotificationPreferences, NotificationsPage } from './schemas/notifications.js';
import { ExportSchedule, ExportScheduleList } from './schemas/export-schedules.js';
import { FollowUp, FollowUpsPage } from './schemas/follow-ups.js';
import { TimelinePage } from './schemas/timeline.js';
import { C360ApiError } from './errors.js';

/** Response name → schema (names are the schemas' own, `NoContent` is a 204's empty body). */
export const RESPONSE_SCHEMAS = {
  BehaviorAnalytics,
  ChangeRecord,
  CurrentActor,
  Customer360,
  CustomerComparison,
  CustomerSearchPage,
  CustomerSegments,
  CustomerTags,
  ExportSchedule,
  ExportScheduleList,
  EmailQueued,
  FollowUp,
  FollowUpsPage,
  LoyaltyStatus,
  MarketingEngagement,
  NoContent: z.undefined(),
  Note,
  NotesPage,
  Notification,
  NotificationPreferences,
  NotificationsPage,
  OrdersPage,
  PaymentsOverview,
  PointsAdjusted,
  Segment,
  SegmentList,
  SegmentPreview,
  SupportHistory,
  TagList,
  TagSummary,
  TicketDetail,
  TicketSummary,
  TimelinePage,
  AuditPage,
  PreferencesEdited,
} as const;

/** A name of {@link RESPONSE_SCHEMAS}. */
export type ResponseName = keyof typeof RESPONSE_SCHEMAS;

/**
 * Parses `body` with the schema named `name`; throws {@link C360ApiError} (status 0, title
 * "Unexpected response", detail naming `path` and the first field that does not match).
 */
export function validateResponse<N extends ResponseName>(name: N, body: unknown, path: string): z.infer<(typeof RESPONSE_SCHEMAS)[N]> {
  const parsed = RESPONSE_SCHEMAS[name].safeParse(body);
  if (parsed.success) return parsed.data as z.infer<(typeof RESPONSE_SCHEMAS)[N]>;
  const issue = parsed.error.issues[0];
  throw new C360ApiError({
    type: 'about:blank',
    title: 'Unexpected response',
    status: 0,
    detail: `${path}: ${issue?.path.join('.') ?? ''} ${issue?.message ?? ''}`.trim(),
  });
}
