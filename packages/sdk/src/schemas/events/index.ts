/**
 * Ingestion events (POST /events, `c360 import events`): typed facts from other systems. Each has a
 * client-supplied `id`, its idempotency key: an event already received is skipped, so a replayed
 * batch changes nothing. `occurredAt` is when the fact happened (an order's placed time, a
 * session's start…). Every event but `customer.upserted` names an existing customer.
 *
 * Money on the wire is a JSON number in MAJOR units of `currency` (12.5 = £12.50), written as a plain
 * decimal: the server converts its shortest decimal form exactly (never through floating point) to
 * integer minor units. Amounts may have at most as many decimals as the currency's minor unit
 * (GBP 2, JPY 0, BHD 3); unit prices at most 6 (they are stored as millionths). A number that is not a
 * plain decimal once printed (`1e-7`, `0.30000000000000004`) is rejected, never rounded.
 * @module
 */
import { z } from 'zod';
import { CustomerUpsertedEvent } from './customer.js';
import { OrderPlacedEvent, OrderStatusChangedEvent } from './orders.js';
import { PaymentRecordedEvent, PaymentMethodSavedEvent } from './payments.js';
import { TicketOpenedEvent, TicketUpdatedEvent } from './tickets.js';
import {
  LoyaltyEnrolledEvent,
  LoyaltyPointsEarnedEvent,
  LoyaltyPointsRedeemedEvent,
  LoyaltyTierChangedEvent,
  ReferralRecordedEvent,
} from './loyalty.js';
import {
  MarketingEmailSentEvent,
  MarketingEmailDeliveredEvent,
  MarketingEmailOpenedEvent,
  MarketingEmailClickedEvent,
  MarketingEmailBouncedEvent,
  MarketingUnsubscribedEvent,
  PreferencesUpdatedEvent,
} from './marketing.js';
import { SessionStartedEvent, ProductViewedEvent } from './behaviour.js';
import { cleanEventText, controlOnlyText } from './common.js';

export * from './customer.js';
export * from './orders.js';
export * from './payments.js';
export * from './tickets.js';
export * from './loyalty.js';
export * from './marketing.js';
export * from './behaviour.js';

// ---- the union -----------------------------------------------------------------------------------

/**
 * Every event type the API accepts, discriminated by `type`. Unknown fields are refused (a 400
 * naming the field); control characters are removed from every text (see `cleanText`).
 */
export { cleanText } from './common.js';

export const IngestEvent = z
  .discriminatedUnion('type', [
    CustomerUpsertedEvent,
    OrderPlacedEvent,
    OrderStatusChangedEvent,
    PaymentRecordedEvent,
    PaymentMethodSavedEvent,
    TicketOpenedEvent,
    TicketUpdatedEvent,
    LoyaltyEnrolledEvent,
    LoyaltyPointsEarnedEvent,
    LoyaltyPointsRedeemedEvent,
    LoyaltyTierChangedEvent,
    ReferralRecordedEvent,
    MarketingEmailSentEvent,
    MarketingEmailDeliveredEvent,
    MarketingEmailOpenedEvent,
    MarketingEmailClickedEvent,
    MarketingEmailBouncedEvent,
    MarketingUnsubscribedEvent,
    PreferencesUpdatedEvent,
    SessionStartedEvent,
    ProductViewedEvent,
  ])
  .superRefine(controlOnlyText)
  .overwrite(cleanEventText)
  .meta({ id: 'IngestEvent' });
export type IngestEvent = z.infer<typeof IngestEvent>;
export type IngestEventInput = z.input<typeof IngestEvent>;
/** The `type` of an ingestion event, e.g. `order.placed`. */
export type IngestEventType = IngestEvent['type'];

/** Result of a batch: how many events were applied and how many were already known. */
export const IngestResult = z
  .object({
    received: z.number().int(),
    applied: z.number().int(),
    duplicates: z.number().int().meta({ description: 'Events whose id was already received (skipped)' }),
  })
  .meta({ id: 'IngestResult' });
export type IngestResult = z.infer<typeof IngestResult>;
