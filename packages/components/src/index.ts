/**
 * @c360/components — c360's custom elements. Importing this module registers every tag
 * (`<c360-provider>` first, so elements inside a provider find it when they upgrade).
 *
 * @example
 * <script type="module" src="/embed/assets/c360.js"></script>
 * <customer-360 customer-id="17850" api-base="/api"></customer-360>
 * @module
 */
import './c360-provider/define.js';
import './customer-profile/define.js';
import './customer-metrics/define.js';
import './health-gauge/define.js';
import './churn-risk/define.js';
import './order-history/define.js';
import './payment-methods/define.js';
import './behavior-analytics/define.js';
import './loyalty-status/define.js';
import './marketing-engagement/define.js';
import './support-tickets/define.js';
import './customer-timeline/define.js';
import './customer-notes/define.js';
import './customer-follow-ups/define.js';
import './customer-tags/define.js';
import './customer-segments/define.js';
import './customer-search/define.js';
import './customer-compare/define.js';
import './quick-actions/define.js';
import './export-button/define.js';
import './bulk-export/define.js';
import './audit-log/define.js';
import './c360-notifications/define.js';
import './export-schedules/define.js';
import './c360-segment-builder/define.js';
import './customer-360/define.js';

export { configure, getGlobalConfig, c360ConfigContext, type C360Config } from './base/config.js';
export { C360Element, type C360Theme } from './base/c360-element.js';
export { C360CustomerElement } from './base/customer-element.js';
export { defineElement } from './base/define.js';
export { formatter, type Formatter } from './base/format.js';
export type { C360EventMap, C360NavigateDetail, C360NavigateEvent, C360SelectDetail, C360SelectEvent } from './base/events.js';
export { C360ProviderElement } from './c360-provider/c360-provider.js';
export { Customer360Element } from './customer-360/customer-360.js';
export { CustomerProfileElement } from './customer-profile/customer-profile.js';
export { CustomerMetricsElement } from './customer-metrics/customer-metrics.js';
export { HealthGaugeElement } from './health-gauge/health-gauge.js';
export { ChurnRiskElement } from './churn-risk/churn-risk.js';
export { OrderHistoryElement } from './order-history/order-history.js';
export { PaymentMethodsElement } from './payment-methods/payment-methods.js';
export { BehaviorAnalyticsElement } from './behavior-analytics/behavior-analytics.js';
export { LoyaltyStatusElement } from './loyalty-status/loyalty-status.js';
export { MarketingEngagementElement } from './marketing-engagement/marketing-engagement.js';
export { SupportTicketsElement } from './support-tickets/support-tickets.js';
export { CustomerTimelineElement } from './customer-timeline/customer-timeline.js';
export { CustomerNotesElement, type C360NoteAddedDetail } from './customer-notes/customer-notes.js';
export { CustomerTagsElement, type C360TagsChangedDetail, type C360TagNavigateDetail } from './customer-tags/customer-tags.js';
export { CustomerSegmentsElement, type C360SegmentsChangedDetail } from './customer-segments/customer-segments.js';
export {
  CustomerSearchElement,
  type CustomerSearchFilters,
  type C360CompareDetail,
  type C360CompareEvent,
} from './customer-search/customer-search.js';
export { CustomerCompareElement, type C360CompareCloseDetail, type C360CompareCloseEvent } from './customer-compare/customer-compare.js';
export { QuickActionsElement, QUICK_ACTIONS, type QuickAction, type C360ActionCompletedDetail } from './quick-actions/quick-actions.js';
export { CustomerFollowUpsElement, type C360FollowUpChangedDetail } from './customer-follow-ups/customer-follow-ups.js';
export { ExportButtonElement, type ExportFormat, type C360ExportedDetail } from './export-button/export-button.js';
export { BulkExportElement, type C360BulkExportedDetail } from './bulk-export/bulk-export.js';
export { AuditLogElement, type AuditLogFilters } from './audit-log/audit-log.js';
export { C360NotificationsElement, type C360NotificationDetail } from './c360-notifications/c360-notifications.js';
export { ExportSchedulesElement } from './export-schedules/export-schedules.js';
export {
  SegmentBuilderElement,
  type C360SegmentCancelDetail,
  type C360SegmentSavedDetail,
} from './c360-segment-builder/segment-builder.js';
export { PermissionsController, currentActor } from './base/permissions.js';
