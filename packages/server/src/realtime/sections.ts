/**
 * Which sections of the 360 view each kind of change touches (R18.4: elements refresh only those).
 * `profile` covers the 360's profile and metrics (lifetime value, order counts, tier), `scores`
 * its health, churn and RFM; `segments` is listed wherever rule-segment facts (stats, tier, tags,
 * scores) may move, since rule memberships are recomputed in the same transaction.
 * @module
 */
import type { ChangeSection, IngestEvent } from '@c360/sdk';

/** Change types written by the API itself (not ingestion events). */
export type WriteChangeType = 'note.added' | 'tag.assigned' | 'tag.removed' | 'segment.assigned' | 'segment.removed';

const ORDERISH: readonly ChangeSection[] = ['orders', 'profile', 'scores', 'segments', 'behavior', 'timeline'];

export const SECTIONS_BY_TYPE: Readonly<Record<IngestEvent['type'] | WriteChangeType, readonly ChangeSection[]>> = {
  'customer.upserted': ['profile', 'scores', 'segments', 'timeline'],
  'order.placed': ORDERISH,
  'order.status_changed': ORDERISH,
  'payment.recorded': ['payments', 'profile', 'scores', 'segments', 'timeline'],
  'payment_method.saved': ['payments', 'timeline'],
  'ticket.opened': ['support', 'scores', 'segments', 'behavior', 'timeline'],
  'ticket.updated': ['support', 'scores', 'segments', 'behavior', 'timeline'],
  'loyalty.enrolled': ['loyalty', 'profile', 'segments', 'timeline'],
  'loyalty.points_earned': ['loyalty', 'profile', 'timeline'],
  'loyalty.points_redeemed': ['loyalty', 'profile', 'timeline'],
  'loyalty.tier_changed': ['loyalty', 'profile', 'segments', 'timeline'],
  'referral.recorded': ['loyalty', 'timeline'],
  'marketing.email_sent': ['marketing', 'scores', 'timeline'],
  'marketing.email_delivered': ['marketing', 'timeline'],
  'marketing.email_opened': ['marketing', 'scores', 'segments', 'timeline'],
  'marketing.email_clicked': ['marketing', 'scores', 'segments', 'timeline'],
  'marketing.email_bounced': ['marketing', 'timeline'],
  'marketing.unsubscribed': ['marketing', 'profile', 'timeline'],
  'preferences.updated': ['marketing', 'profile', 'timeline'],
  'session.started': ['behavior', 'scores', 'segments', 'timeline'],
  'product.viewed': ['behavior', 'timeline'],
  'note.added': ['notes', 'timeline'],
  'tag.assigned': ['tags', 'segments', 'timeline'],
  'tag.removed': ['tags', 'segments', 'timeline'],
  'segment.assigned': ['segments', 'timeline'],
  'segment.removed': ['segments', 'timeline'],
};

/** The sections a change type touches (unknown types: profile and timeline). */
export function sectionsOf(type: string): readonly ChangeSection[] {
  return (SECTIONS_BY_TYPE as Record<string, readonly ChangeSection[]>)[type] ?? ['profile', 'timeline'];
}

/** The deterministic `activity` id an applier gives an ingestion event's timeline entry (see ingest/apply-events.ts). */
export function activityIdOf(event: IngestEvent): string | undefined {
  switch (event.type) {
    case 'customer.upserted':
      return undefined; // a timeline entry (`account:<id>`) only when the customer is created
    case 'order.placed':
      return `order:${event.data.orderId}`;
    case 'payment.recorded':
      return `payment:${event.data.paymentId}`;
    case 'ticket.opened':
      return `ticket:${event.data.ticketId}`;
    case 'session.started':
      return `session:${event.data.sessionId}`;
    default:
      return `event:${event.id}`;
  }
}

/** One draft per section a change of `type` touches. */
export function draftsOf(
  customerId: string,
  type: string,
  activityId?: string,
  sourceKey?: string,
): Array<{ customerId: string; section: ChangeSection; type: string; activityId?: string; sourceKey?: string }> {
  return sectionsOf(type).map((section) => ({
    customerId,
    section,
    type,
    ...(activityId ? { activityId } : {}),
    ...(sourceKey ? { sourceKey } : {}),
  }));
}
