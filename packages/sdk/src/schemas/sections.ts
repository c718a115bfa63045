/**
 * The sections of the 360 view beyond the header: loyalty (R4), marketing engagement (R5 and
 * preferences/consent), support (R6, CSAT/NPS), payments (R9) and behavioural analytics (R10, CLV
 * and CSAT trends). Each is one GET under `/customers/{id}/…`, computed at the server's as-of date.
 * Money is in major units beside `currency`; timestamps are ISO 8601 UTC; rates and shares are
 * fractions 0–1.
 * @module
 */
import { z } from 'zod';
import { Currency, Money, ServerText, Timestamp } from './common.js';
import { SegmentMembership } from './customer.js';
import {
  ContactFrequency,
  DeviceType,
  LoyaltyTier,
  MarketingChannel,
  PaymentKind,
  PaymentMethodType,
  PaymentStatus,
  TicketChannel,
  TicketPriority,
  TicketStatus,
} from './events/index.js';

const AsOf = Timestamp.meta({ description: 'The as-of instant the section was computed at' });
const Count = z.number().int().nonnegative();
const Fraction = z.number().min(0).max(1);
/** `YYYY-MM` (UTC calendar month). */
const Month = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month YYYY-MM')
  .meta({ example: '2011-11' });

// ---- loyalty (R4) ----------------------------------------------------------------------------------

export const LoyaltyTransactionKind = z.enum(['earn', 'redeem', 'expire', 'adjust']);
export type LoyaltyTransactionKind = z.infer<typeof LoyaltyTransactionKind>;

export const LoyaltyTransaction = z
  .object({
    id: z.string(),
    kind: LoyaltyTransactionKind,
    points: z.number().int().meta({ description: 'Signed points: earnings positive, redemptions negative' }),
    reason: z.string().nullable(),
    reasonText: ServerText.nullable().meta({
      description: '`reason` as code + params when the server wrote it; null for a reason given by a client',
    }),
    occurredAt: Timestamp,
    expiresAt: Timestamp.nullable().meta({ description: 'When earned points expire; null if never' }),
  })
  .meta({ id: 'LoyaltyTransaction' });
export type LoyaltyTransaction = z.infer<typeof LoyaltyTransaction>;

/**
 * GET /customers/:id/loyalty (R4). A customer who is not enrolled gets `enrolled: false`, a null
 * tier, zero points and no transactions.
 */
export const LoyaltyStatus = z
  .object({
    asOf: AsOf,
    enrolled: z.boolean(),
    enrolledAt: Timestamp.nullable(),
    tier: LoyaltyTier.nullable(),
    pointsBalance: Count.meta({ description: 'Points available to redeem' }),
    lifetimePoints: Count.meta({ description: 'All points ever earned' }),
    nextTier: LoyaltyTier.nullable().meta({ description: 'The tier above the current one; null at the top tier or when not enrolled' }),
    pointsToNextTier: Count.nullable().meta({
      description: "Lifetime points still needed to reach nextTier's threshold (LOYALTY_TIER_THRESHOLDS); null when there is no next tier",
    }),
    progress: Fraction.meta({
      description:
        '(lifetimePoints − threshold of tier) / (threshold of nextTier − threshold of tier), clamped to 0–1; 1 at the top tier, 0 when not enrolled',
    }),
    pointsExpiringIn30Days: Count.meta({
      description:
        'Unused earned points whose expiry is in (asOf, asOf + 30 days]; points are used soonest-expiring first; at most the balance',
    }),
    referralCode: z.string().nullable(),
    referralCount: Count.meta({ description: 'People this customer referred' }),
    transactions: z.array(LoyaltyTransaction).max(10).meta({ description: 'The last 10 points transactions, newest first' }),
  })
  .meta({ id: 'LoyaltyStatus' });
export type LoyaltyStatus = z.infer<typeof LoyaltyStatus>;

// ---- marketing (R5, preferences and consent) -------------------------------------------------------

const ClockTime = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/)
  .meta({ example: '22:00' });

export const MarketingPreferences = z
  .object({
    quietHours: z
      .object({ start: ClockTime, end: ClockTime })
      .nullable()
      .meta({ description: 'No messages from start to end (may wrap midnight), in `timezone`' }),
    timezone: z.string().nullable().meta({ description: 'IANA time zone, e.g. Europe/London' }),
    language: z.string().nullable().meta({ description: 'Language tag, e.g. en or fr-CA' }),
    frequency: ContactFrequency.nullable(),
    updatedAt: Timestamp.nullable().meta({ description: 'Last change; null when no preference was ever recorded' }),
  })
  .meta({ id: 'MarketingPreferences' });
export type MarketingPreferences = z.infer<typeof MarketingPreferences>;

export const ConsentLogEntry = z
  .object({
    id: z.string(),
    channel: MarketingChannel,
    granted: z.boolean().meta({ description: 'True = opted in, false = opted out' }),
    reason: z.string().nullable(),
    source: z.string().nullable().meta({ example: 'preference-centre' }),
    occurredAt: Timestamp,
  })
  .meta({ id: 'ConsentLogEntry' });
export type ConsentLogEntry = z.infer<typeof ConsentLogEntry>;

/** A campaign message the customer received and what they did with it. */
export const CampaignReceived = z
  .object({
    id: z.string(),
    name: z.string(),
    channel: MarketingChannel,
    sentAt: Timestamp.meta({ description: 'When it was sent to this customer (earliest send/delivery; else its earliest event)' }),
    opened: z.boolean().meta({ description: 'Opened or clicked (a click implies an open)' }),
    clicked: z.boolean(),
    bounced: z.boolean(),
  })
  .meta({ id: 'CampaignReceived' });
export type CampaignReceived = z.infer<typeof CampaignReceived>;

/** A campaign referred to by a last open or click. */
export const CampaignRef = z.object({ id: z.string(), name: z.string(), channel: MarketingChannel }).meta({ id: 'CampaignRef' });
export type CampaignRef = z.infer<typeof CampaignRef>;

/**
 * GET /customers/:id/marketing (R5). Rates count email messages (one per campaign) sent in the
 * 365 days up to as-of: delivered = sent and not bounced (an opened message counts as delivered);
 * openRate = delivered messages opened or clicked ÷ delivered; clickRate = delivered messages clicked
 * ÷ delivered, so clickRate ≤ openRate ≤ 1. Null when no email was delivered in the window.
 */
export const MarketingEngagement = z
  .object({
    asOf: AsOf,
    optIns: z
      .object({ email: z.boolean(), sms: z.boolean(), push: z.boolean(), whatsapp: z.boolean() })
      .meta({ description: 'Consent per channel (false until granted)' }),
    preferences: MarketingPreferences,
    consentLog: z.array(ConsentLogEntry).max(20).meta({ description: 'The last 20 consent changes, newest first' }),
    campaigns: z.array(CampaignReceived).max(10).meta({ description: 'The last 10 campaigns received, newest first' }),
    emailsDelivered: Count.meta({ description: "Email messages delivered in the rate window (the rates' denominator)" }),
    emailsOpened: Count,
    emailsClicked: Count,
    openRate: Fraction.nullable().meta({
      description: 'emailsOpened / emailsDelivered over the 365 days up to as-of; null when none delivered',
    }),
    clickRate: Fraction.nullable().meta({
      description: 'emailsClicked / emailsDelivered over the 365 days up to as-of; null when none delivered',
    }),
    lastOpenAt: Timestamp.nullable().meta({ description: 'Latest open of any campaign message (any channel)' }),
    lastOpenedCampaign: CampaignRef.nullable(),
    lastClickAt: Timestamp.nullable().meta({ description: 'Latest click in any campaign message (any channel)' }),
    lastClickedCampaign: CampaignRef.nullable(),
    segments: z.array(SegmentMembership).meta({ description: 'Rule and manual segments the customer is assigned to' }),
  })
  .meta({ id: 'MarketingEngagement' });
export type MarketingEngagement = z.infer<typeof MarketingEngagement>;

// ---- support (R6, CSAT/NPS) ---------------------------------------------------------------------------

export const TicketSummary = z
  .object({
    id: z.string(),
    subject: z.string(),
    status: TicketStatus,
    priority: TicketPriority,
    channel: TicketChannel.nullable(),
    createdAt: Timestamp,
    resolvedAt: Timestamp.nullable(),
    resolutionHours: z
      .number()
      .nonnegative()
      .nullable()
      .meta({ description: 'Hours from creation to resolution, 2 decimals; null while unresolved' }),
    csat: z.number().int().min(1).max(5).nullable().meta({ description: 'Satisfaction 1–5' }),
    nps: z.number().int().min(0).max(10).nullable().meta({ description: 'Net promoter answer 0–10' }),
    open: z.boolean().meta({ description: 'Status is open, pending, in_progress or escalated' }),
  })
  .meta({ id: 'TicketSummary' });
export type TicketSummary = z.infer<typeof TicketSummary>;

/** GET /customers/:id/support (R6): every ticket newest first, with totals and satisfaction. */
export const SupportHistory = z
  .object({
    asOf: AsOf,
    tickets: z.array(TicketSummary).meta({ description: 'All tickets, newest first (by creation)' }),
    totalTickets: Count,
    openTickets: Count,
    averageResolutionHours: z
      .number()
      .nonnegative()
      .nullable()
      .meta({ description: 'Mean hours from creation to resolution over resolved tickets, 2 decimals; null if none' }),
    csatAverage: z.number().min(1).max(5).nullable().meta({ description: 'Mean CSAT (1–5) over rated tickets, 2 decimals; null if none' }),
    csatResponses: Count,
    npsScore: z
      .number()
      .int()
      .min(-100)
      .max(100)
      .nullable()
      .meta({ description: 'Net Promoter Score: % promoters (9–10) − % detractors (0–6) over NPS answers, rounded; null if none' }),
    npsResponses: Count,
  })
  .meta({ id: 'SupportHistory' });
export type SupportHistory = z.infer<typeof SupportHistory>;

export const TicketHistoryEntry = z
  .object({
    id: z.string(),
    type: z.string().meta({ description: 'opened, status_changed, priority_changed, rating or comment' }),
    body: z.string().nullable(),
    bodyText: ServerText.nullable().meta({
      description: '`body` as code + params when the server wrote it (a status or priority change); null for words written by people',
    }),
    actor: z.string().nullable(),
    occurredAt: Timestamp,
  })
  .meta({ id: 'TicketHistoryEntry' });
export type TicketHistoryEntry = z.infer<typeof TicketHistoryEntry>;

/** GET /customers/:id/support/tickets/:ticketId — one ticket with its history, oldest first. */
export const TicketDetail = z.object({ ticket: TicketSummary, events: z.array(TicketHistoryEntry) }).meta({ id: 'TicketDetail' });
export type TicketDetail = z.infer<typeof TicketDetail>;

// ---- payments (R9) ------------------------------------------------------------------------------------

/**
 * A saved payment method; never more than the last 4 digits of a number. Type, brand, last 4
 * digits and expiry are shown to every role that reads the customer (R9.2: an agent verifies a
 * caller's card; PCI DSS allows displaying them).
 */
export const SavedPaymentMethod = z
  .object({
    id: z.string(),
    type: PaymentMethodType,
    brand: z.string().nullable().meta({ example: 'visa' }),
    last4: z.string().nullable().meta({ description: 'Last 4 digits; null when unknown' }),
    expMonth: z.number().int().min(1).max(12).nullable().meta({ description: '1–12; null when unknown' }),
    expYear: z.number().int().nullable().meta({ description: 'Four digits; null when unknown' }),
    default: z.boolean(),
    expired: z.boolean().meta({ description: 'As-of is after the last day of the expiry month (UTC)' }),
  })
  .meta({ id: 'SavedPaymentMethod' });
export type SavedPaymentMethod = z.infer<typeof SavedPaymentMethod>;

export const PaymentTransaction = z
  .object({
    id: z.string(),
    kind: PaymentKind,
    status: PaymentStatus,
    amount: Money.meta({ description: 'Positive, major units of `currency` (refunds too)' }),
    currency: Currency,
    methodId: z.string().nullable(),
    method: z
      .object({ type: PaymentMethodType, brand: z.string().nullable(), last4: z.string().nullable() })
      .nullable()
      .meta({ description: 'Summary of the method used, when it is known' }),
    orderId: z.string().nullable(),
    reference: z.string().nullable().meta({
      description: 'The payment processor’s reference (billing detail): null when unknown or when the caller lacks `payments:full`',
    }),
    occurredAt: Timestamp,
    flagged: z.boolean().meta({ description: 'Failed or a refund (highlighted, R9.4)' }),
  })
  .meta({ id: 'PaymentTransaction' });
export type PaymentTransaction = z.infer<typeof PaymentTransaction>;

/** GET /customers/:id/payments (R9). */
export const PaymentsOverview = z
  .object({
    asOf: AsOf,
    currency: Currency,
    masked: z.boolean().meta({
      description:
        'True when the caller lacks `payments:full`: every transaction `reference` is null (say "billing details masked for your role")',
    }),
    methods: z.array(SavedPaymentMethod).meta({ description: 'Default first, then newest first' }),
    transactions: z.array(PaymentTransaction).meta({ description: 'All charges and refunds, newest first' }),
    totals: z.object({
      succeeded: Money.meta({ description: 'Sum of succeeded charges' }),
      refunded: Money.meta({ description: 'Sum of succeeded refunds (= metrics.totalRefunded)' }),
      failedCount: Count.meta({ description: 'Failed charges and refunds' }),
    }),
  })
  .meta({ id: 'PaymentsOverview' });
export type PaymentsOverview = z.infer<typeof PaymentsOverview>;

// ---- analytics (R10, CLV and CSAT trends) ---------------------------------------------------------------

export const ViewedCategory = z
  .object({ id: z.string(), name: z.string(), count: Count.meta({ description: 'Product views in the category' }) })
  .meta({ id: 'ViewedCategory' });
export type ViewedCategory = z.infer<typeof ViewedCategory>;

export const PurchasedItem = z
  .object({
    id: z.string(),
    name: z.string(),
    quantity: Count.meta({ description: 'Units bought in completed orders' }),
    orders: Count.meta({ description: 'Completed orders containing it' }),
  })
  .meta({ id: 'PurchasedItem' });
export type PurchasedItem = z.infer<typeof PurchasedItem>;

/**
 * GET /customers/:id/analytics (R10). Shopping times and trend months are in UTC.
 */
export const BehaviorAnalytics = z
  .object({
    asOf: AsOf,
    currency: Currency,
    topViewedCategories: z.array(ViewedCategory).max(5).meta({ description: 'Top 5 categories by product views' }),
    topPurchased: z.object({
      basis: z.enum(['category', 'product']).meta({
        description:
          "'category' when a completed order line has a categorised product (uncategorised lines are then left out); else 'product' (e.g. Online Retail)",
      }),
      items: z.array(PurchasedItem).max(5).meta({ description: 'Top 5 by units bought in completed orders' }),
    }),
    sessions: Count,
    averageDurationSeconds: z
      .number()
      .int()
      .nonnegative()
      .nullable()
      .meta({ description: 'Mean session duration in whole seconds; null without sessions' }),
    deviceBreakdown: z
      .array(z.object({ device: DeviceType, sessions: Count, share: Fraction }))
      .meta({ description: 'Every device type (desktop, mobile, tablet) with its sessions and share of all sessions' }),
    shoppingTimes: z
      .array(z.array(Count).length(24))
      .length(7)
      .meta({ description: 'Completed orders by placed time: [weekday 0 = Monday … 6 = Sunday][hour 0–23], UTC' }),
    clvTrend: z
      .array(
        z.object({ month: Month, value: Money.meta({ description: 'Cumulative lifetime value at the end of the month' }), added: Money }),
      )
      .meta({
        description: 'Every month from the first completed order to max(last completed order, as-of); the last value = lifetimeValue',
      }),
    csatTrend: z
      .array(z.object({ month: Month, average: z.number().min(1).max(5), responses: Count }))
      .meta({ description: 'Mean CSAT per month of resolution (creation when unresolved), 2 decimals; months with ratings only' }),
  })
  .meta({ id: 'BehaviorAnalytics' });
export type BehaviorAnalytics = z.infer<typeof BehaviorAnalytics>;
