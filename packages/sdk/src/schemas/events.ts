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
import { Currency, CustomerId, Timestamp } from './common.js';
import { AccountStatus } from './customer.js';
import { OrderStatus } from './orders.js';

const EventBase = {
  id: z.string().min(1).max(200).meta({ description: 'Idempotency key, unique per source event' }),
  occurredAt: Timestamp.meta({ description: 'When it happened (ISO 8601; stored in UTC)' }),
};

const Id = (what: string) => z.string().min(1).max(200).meta({ description: `${what} id, chosen by the source system` });
const Text = (max: number) => z.string().min(1).max(max);

// ---- money -------------------------------------------------------------------------------------

/** Digits after the point in the shortest decimal form of `n`; null when that form has an exponent. */
function fractionDigits(n: number): number | null {
  const match = /^-?\d+(?:\.(\d+))?$/.exec(String(n));
  return match ? (match[1]?.length ?? 0) : null;
}

/** Minor-unit digits of an ISO 4217 currency (GBP 2, JPY 0, BHD 3). */
function currencyDigits(currency: string): number {
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

const plainDecimal = (max: number) => (n: number) => {
  const digits = fractionDigits(n);
  return digits !== null && digits <= max;
};

/** A non-negative amount of money in major units of the event's `currency` (12.5 = £12.50). */
const Amount = z
  .number()
  .nonnegative()
  .max(1_000_000_000)
  .refine(plainDecimal(6), 'must be a plain decimal number in major units (e.g. 12.5)')
  .meta({ description: 'Major units of `currency` (12.5 = £12.50), at most the currency\'s decimals' });

/** A positive amount of money in major units of the event's `currency`. */
const PositiveAmount = z
  .number()
  .positive()
  .max(1_000_000_000)
  .refine(plainDecimal(6), 'must be a plain decimal number in major units (e.g. 12.5)')
  .meta({ description: 'Major units of `currency` (12.5 = £12.50), at most the currency\'s decimals' });

/** A unit price in major units with at most 6 decimals (Online Retail has £0.001). */
const UnitPrice = z
  .number()
  .nonnegative()
  .max(1_000_000_000)
  .refine(plainDecimal(6), 'must be a plain decimal number in major units with at most 6 decimals')
  .meta({ description: 'Price of one unit, major units of `currency`, at most 6 decimals' });

/** Issues for amounts with more decimals than `data.currency` has. */
function amountsFitCurrency(data: { currency: string }, fields: readonly string[], ctx: z.RefinementCtx): void {
  const digits = currencyDigits(data.currency);
  for (const field of fields) {
    const value = (data as Record<string, unknown>)[field];
    if (typeof value !== 'number') continue;
    const d = fractionDigits(value);
    if (d !== null && d > digits) {
      ctx.addIssue({ code: 'custom', path: [field], message: `has ${d} decimals but ${data.currency} has ${digits}` });
    }
  }
}

// ---- card-number guard ---------------------------------------------------------------------------

function luhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return sum % 10 === 0;
}

/** True when `text` contains what looks like a full card number (12–19 digits passing Luhn). */
function containsCardNumber(text: string): boolean {
  for (const match of text.matchAll(/\d(?:[ -]?\d){11,18}/g)) {
    if (luhn(match[0].replace(/[ -]/g, ''))) return true;
  }
  return false;
}

/** Rejects any string field of `data` that carries a full card number: only `last4` may be sent. */
function noCardNumbers(data: Record<string, unknown>, ctx: z.RefinementCtx): void {
  for (const [field, value] of Object.entries(data)) {
    if (typeof value === 'string' && containsCardNumber(value)) {
      ctx.addIssue({ code: 'custom', path: [field], message: 'looks like a full card number; send only its last 4 digits (last4)' });
    }
  }
}

// ---- customers -----------------------------------------------------------------------------------

const AddressInput = z.object({
  id: z.string().min(1).max(200),
  label: z.string().min(1).max(60),
  line1: z.string().min(1).max(200),
  line2: z.string().max(200).nullable().optional(),
  city: z.string().min(1).max(100),
  postcode: z.string().max(20).nullable().optional(),
  country: z.string().min(1).max(100),
  primary: z.boolean().default(false),
});

/** Creates a customer or updates the given fields of an existing one. */
export const CustomerUpsertedEvent = z
  .object({
    ...EventBase,
    type: z.literal('customer.upserted'),
    data: z.object({
      customerId: CustomerId,
      name: z.string().min(1).max(200).optional(),
      email: z.email().max(254).nullable().optional(),
      phone: z.string().regex(/^\+?[0-9 ()-]{4,32}$/, 'must be a phone number such as +44 20 7946 0018').nullable().optional(),
      country: z.string().max(100).nullable().optional(),
      registeredAt: Timestamp.optional(),
      status: AccountStatus.optional(),
      avatarUrl: z.url().max(2000).nullable().optional(),
      vip: z.boolean().optional(),
      currency: Currency.optional(),
      synthetic: z.boolean().optional().meta({ description: 'Marks generated demo data' }),
      addresses: z.array(AddressInput).max(20).optional().meta({ description: 'Replaces all addresses when given' }),
    }),
  })
  .meta({
    id: 'CustomerUpsertedEvent',
    description: 'Creates a customer or updates the given fields; `addresses` replaces all addresses.',
  });
export type CustomerUpsertedEvent = z.infer<typeof CustomerUpsertedEvent>;

// ---- orders --------------------------------------------------------------------------------------

const OrderLineInput = z.object({
  productId: Id('Product'),
  description: Text(500).optional().meta({ description: 'Line text; also names a product seen for the first time' }),
  quantity: z.number().int().min(1).max(1_000_000),
  unitPrice: UnitPrice,
  categoryId: Id('Category').optional(),
  categoryName: Text(200).optional(),
});

/** Most an order total may be, in major units (keeps every intermediate sum exact). */
const MAX_ORDER_TOTAL = 1_000_000_000;

/**
 * An order placed by the customer (placed time = `occurredAt`). Total = Σ quantity × unitPrice,
 * exact, rounded once to the currency's minor unit (half away from zero), + `shipping`. Counts as
 * revenue (lifetimeValue) only while its status is `delivered` or `completed`. Products (and
 * categories) seen for the first time are created. Sending the same `orderId` again replaces the order.
 */
export const OrderPlacedEvent = z
  .object({
    ...EventBase,
    type: z.literal('order.placed'),
    data: z
      .object({
        customerId: CustomerId,
        orderId: Id('Order'),
        number: Text(100).optional().meta({ description: 'Order number shown to people; default `orderId`' }),
        status: OrderStatus.default('pending'),
        currency: Currency.meta({ description: "Must be the customer's currency" }),
        lines: z.array(OrderLineInput).min(1).max(1000),
        shipping: Amount.optional(),
      })
      .superRefine((data, ctx) => {
        amountsFitCurrency(data, ['shipping'], ctx);
        let micros = 0n;
        for (const line of data.lines) {
          const d = fractionDigits(line.unitPrice);
          if (d === null || d > 6) return;
          micros += BigInt(line.quantity) * BigInt(Math.round(line.unitPrice * 1e6));
        }
        if (micros + BigInt(Math.round((data.shipping ?? 0) * 1e6)) > BigInt(MAX_ORDER_TOTAL) * 1_000_000n) {
          ctx.addIssue({ code: 'custom', path: ['lines'], message: `order total must be at most ${MAX_ORDER_TOTAL}` });
        }
      }),
  })
  .meta({
    id: 'OrderPlacedEvent',
    description: 'An order placed at `occurredAt`. Total = Σ quantity × unitPrice (exact, rounded once to the minor unit, half away from zero) + shipping. Money in major units of `currency`, which must be the customer\'s. Revenue only while delivered/completed. The same orderId again replaces the order.',
  });
export type OrderPlacedEvent = z.infer<typeof OrderPlacedEvent>;

/** An order's new status; `delivered`/`completed` make it count as revenue, any other status does not. */
export const OrderStatusChangedEvent = z
  .object({
    ...EventBase,
    type: z.literal('order.status_changed'),
    data: z.object({
      customerId: CustomerId,
      orderId: Id('Order').meta({ description: 'An order of this customer' }),
      status: OrderStatus,
      reason: Text(500).optional(),
    }),
  })
  .meta({
    id: 'OrderStatusChangedEvent',
    description: 'An order\'s new status; delivered/completed count as revenue (lifetimeValue), other statuses do not.',
  });
export type OrderStatusChangedEvent = z.infer<typeof OrderStatusChangedEvent>;

// ---- payments ------------------------------------------------------------------------------------

export const PaymentKind = z.enum(['charge', 'refund']);
export type PaymentKind = z.infer<typeof PaymentKind>;
export const PaymentStatus = z.enum(['succeeded', 'failed', 'pending']);
export type PaymentStatus = z.infer<typeof PaymentStatus>;
export const PaymentMethodType = z.enum(['card', 'paypal', 'bank_account', 'apple_pay', 'google_pay', 'other']);
export type PaymentMethodType = z.infer<typeof PaymentMethodType>;

/**
 * A charge or a refund (refund `amount` is positive). Succeeded refunds add to totalRefunded and
 * never change lifetimeValue. Sending the same `paymentId` again updates it (e.g. pending → succeeded).
 */
export const PaymentRecordedEvent = z
  .object({
    ...EventBase,
    type: z.literal('payment.recorded'),
    data: z
      .object({
        customerId: CustomerId,
        paymentId: Id('Payment'),
        kind: PaymentKind,
        status: PaymentStatus.default('succeeded'),
        amount: PositiveAmount,
        currency: Currency.meta({ description: "Must be the customer's currency" }),
        methodId: Id('Payment method').optional(),
        orderId: Id('Order').optional().meta({ description: 'The order paid or refunded, when known' }),
        reference: Text(200).optional().meta({ description: 'Reference in the payment system' }),
        reason: Text(500).optional().meta({ description: 'E.g. why it failed or was refunded (timeline text)' }),
      })
      .superRefine((data, ctx) => {
        amountsFitCurrency(data, ['amount'], ctx);
        noCardNumbers(data, ctx);
      }),
  })
  .meta({
    id: 'PaymentRecordedEvent',
    description: 'A charge or refund; `amount` positive, major units of `currency` (the customer\'s). Succeeded refunds add to totalRefunded, never to lifetimeValue. The same paymentId again updates it.',
  });
export type PaymentRecordedEvent = z.infer<typeof PaymentRecordedEvent>;

/**
 * A saved payment method. Only the last 4 digits of a card are ever accepted: unknown fields are
 * rejected, and so is any field that looks like a full card number.
 */
export const PaymentMethodSavedEvent = z
  .object({
    ...EventBase,
    type: z.literal('payment_method.saved'),
    data: z
      .strictObject({
        customerId: CustomerId,
        methodId: Id('Payment method'),
        type: PaymentMethodType,
        brand: Text(40).optional().meta({ example: 'visa' }),
        last4: z.string().regex(/^\d{4}$/, 'must be exactly the last 4 digits').optional(),
        expMonth: z.number().int().min(1).max(12).optional(),
        expYear: z.number().int().min(2000).max(2100).optional(),
        default: z.boolean().default(false).meta({ description: 'Becomes the default; the others stop being it' }),
      })
      .superRefine((data, ctx) => {
        noCardNumbers(data, ctx);
        if (data.type === 'card' && !data.last4) ctx.addIssue({ code: 'custom', path: ['last4'], message: 'is required for a card' });
        if ((data.expMonth === undefined) !== (data.expYear === undefined)) {
          ctx.addIssue({ code: 'custom', path: [data.expMonth === undefined ? 'expMonth' : 'expYear'], message: 'expMonth and expYear go together' });
        }
      }),
  })
  .meta({
    id: 'PaymentMethodSavedEvent',
    description: 'A saved payment method: type, brand, last 4 digits, expiry, default. Full card numbers and unknown fields are rejected.',
  });
export type PaymentMethodSavedEvent = z.infer<typeof PaymentMethodSavedEvent>;

// ---- support -------------------------------------------------------------------------------------

export const TicketStatus = z.enum(['open', 'pending', 'in_progress', 'escalated', 'resolved', 'closed']);
export type TicketStatus = z.infer<typeof TicketStatus>;
export const TicketPriority = z.enum(['low', 'normal', 'high', 'urgent']);
export type TicketPriority = z.infer<typeof TicketPriority>;
export const TicketChannel = z.enum(['email', 'chat', 'phone', 'web', 'social', 'other']);
export type TicketChannel = z.infer<typeof TicketChannel>;

/** A support ticket opened (status `open`, created at `occurredAt`). */
export const TicketOpenedEvent = z
  .object({
    ...EventBase,
    type: z.literal('ticket.opened'),
    data: z.object({
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
  .object({
    ...EventBase,
    type: z.literal('ticket.updated'),
    data: z
      .object({
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
    description: 'A ticket\'s status, priority, CSAT (1–5), NPS (0–10) and/or comment. resolved sets the resolution time; reopening clears it.',
  });
export type TicketUpdatedEvent = z.infer<typeof TicketUpdatedEvent>;

// ---- loyalty -------------------------------------------------------------------------------------

/** Loyalty tiers, lowest first. */
export const LoyaltyTier = z.enum(['bronze', 'silver', 'gold', 'platinum']);
export type LoyaltyTier = z.infer<typeof LoyaltyTier>;

const Points = z.number().int().min(1).max(1_000_000_000);

/** The customer joins the loyalty programme (again: updates tier and referral code). */
export const LoyaltyEnrolledEvent = z
  .object({
    ...EventBase,
    type: z.literal('loyalty.enrolled'),
    data: z.object({
      customerId: CustomerId,
      tier: LoyaltyTier.default('bronze'),
      referralCode: z.string().regex(/^[A-Za-z0-9-]{3,40}$/, 'must be 3–40 letters, digits or -').optional()
        .meta({ description: 'Unique across customers' }),
    }),
  })
  .meta({
    id: 'LoyaltyEnrolledEvent',
    description: 'Joins the loyalty programme at `tier` (default bronze), with an optional unique referral code.',
  });
export type LoyaltyEnrolledEvent = z.infer<typeof LoyaltyEnrolledEvent>;

/** Points earned: added to balance and lifetime points (enrols the customer at `bronze` if needed). */
export const LoyaltyPointsEarnedEvent = z
  .object({
    ...EventBase,
    type: z.literal('loyalty.points_earned'),
    data: z.object({
      customerId: CustomerId,
      points: Points,
      reason: Text(200).optional(),
      orderId: Id('Order').optional(),
      expiresAt: Timestamp.optional().meta({ description: 'When these points expire' }),
    }),
  })
  .meta({
    id: 'LoyaltyPointsEarnedEvent',
    description: 'Points earned (added to balance and lifetime points); enrols at bronze if needed.',
  });
export type LoyaltyPointsEarnedEvent = z.infer<typeof LoyaltyPointsEarnedEvent>;

/** Points redeemed: taken from the balance. More than the balance rejects the batch (422). */
export const LoyaltyPointsRedeemedEvent = z
  .object({
    ...EventBase,
    type: z.literal('loyalty.points_redeemed'),
    data: z.object({
      customerId: CustomerId,
      points: Points,
      reason: Text(200).optional(),
      orderId: Id('Order').optional(),
    }),
  })
  .meta({
    id: 'LoyaltyPointsRedeemedEvent',
    description: 'Points redeemed from the balance; more than the balance rejects the batch with a 422.',
  });
export type LoyaltyPointsRedeemedEvent = z.infer<typeof LoyaltyPointsRedeemedEvent>;

/** The customer's tier changed (enrols the customer at that tier if needed). */
export const LoyaltyTierChangedEvent = z
  .object({
    ...EventBase,
    type: z.literal('loyalty.tier_changed'),
    data: z.object({ customerId: CustomerId, tier: LoyaltyTier, reason: Text(200).optional() }),
  })
  .meta({
    id: 'LoyaltyTierChangedEvent',
    description: 'The loyalty tier changed (enrols at that tier if needed).',
  });
export type LoyaltyTierChangedEvent = z.infer<typeof LoyaltyTierChangedEvent>;

/** The customer (`customerId`) referred someone; `referredCustomerId` when they became a customer. */
export const ReferralRecordedEvent = z
  .object({
    ...EventBase,
    type: z.literal('referral.recorded'),
    data: z.object({
      customerId: CustomerId.meta({ description: 'The referrer' }),
      referralId: Id('Referral'),
      referredCustomerId: CustomerId.optional(),
    }),
  })
  .meta({
    id: 'ReferralRecordedEvent',
    description: 'The customer referred someone (`referredCustomerId` once they are a customer).',
  });
export type ReferralRecordedEvent = z.infer<typeof ReferralRecordedEvent>;

// ---- marketing -----------------------------------------------------------------------------------

export const MarketingChannel = z.enum(['email', 'sms', 'push', 'whatsapp']);
export type MarketingChannel = z.infer<typeof MarketingChannel>;

const CampaignFields = {
  customerId: CustomerId,
  campaignId: Id('Campaign'),
  campaignName: Text(200).optional().meta({ description: 'Names (or renames) the campaign' }),
  channel: MarketingChannel.default('email'),
};

function marketingEvent<T extends string, S extends z.ZodRawShape>(type: T, id: string, description: string, extra: S) {
  return z
    .object({ ...EventBase, type: z.literal(type), data: z.object({ ...CampaignFields, ...extra }) })
    .meta({ id, description });
}

/** A campaign message sent to the customer. */
export const MarketingEmailSentEvent = marketingEvent('marketing.email_sent', 'MarketingEmailSentEvent', 'A campaign message was sent', {});
export type MarketingEmailSentEvent = z.infer<typeof MarketingEmailSentEvent>;
/** A campaign message delivered. */
export const MarketingEmailDeliveredEvent = marketingEvent('marketing.email_delivered', 'MarketingEmailDeliveredEvent', 'A campaign message was delivered', {});
export type MarketingEmailDeliveredEvent = z.infer<typeof MarketingEmailDeliveredEvent>;
/** A campaign message opened (counts in the open rate and engagement). */
export const MarketingEmailOpenedEvent = marketingEvent('marketing.email_opened', 'MarketingEmailOpenedEvent', 'A campaign message was opened', {});
export type MarketingEmailOpenedEvent = z.infer<typeof MarketingEmailOpenedEvent>;
/** A link in a campaign message clicked. */
export const MarketingEmailClickedEvent = marketingEvent('marketing.email_clicked', 'MarketingEmailClickedEvent', 'A link in a campaign message was clicked', {
  url: z.url().max(2000).optional(),
});
export type MarketingEmailClickedEvent = z.infer<typeof MarketingEmailClickedEvent>;
/** A campaign message bounced. */
export const MarketingEmailBouncedEvent = marketingEvent('marketing.email_bounced', 'MarketingEmailBouncedEvent', 'A campaign message bounced', {
  reason: Text(500).optional(),
});
export type MarketingEmailBouncedEvent = z.infer<typeof MarketingEmailBouncedEvent>;

/** The customer unsubscribed from a channel: its opt-in is cleared and the consent log records it. */
export const MarketingUnsubscribedEvent = z
  .object({
    ...EventBase,
    type: z.literal('marketing.unsubscribed'),
    data: z.object({
      ...CampaignFields,
      campaignId: Id('Campaign').optional().meta({ description: 'The campaign the unsubscribe came from, if any' }),
      reason: Text(500).optional(),
    }),
  })
  .meta({
    id: 'MarketingUnsubscribedEvent',
    description: 'Unsubscribed from a channel: clears its opt-in and writes the consent log.',
  });
export type MarketingUnsubscribedEvent = z.infer<typeof MarketingUnsubscribedEvent>;

export const ContactFrequency = z.enum(['immediate', 'daily', 'weekly', 'monthly']);
export type ContactFrequency = z.infer<typeof ContactFrequency>;

const ClockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time HH:MM (00:00–23:59)');

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/**
 * Communication preferences; only the given fields change. Every opt-in that changes (or is stated
 * for the first time) is written to the consent log with `reason` and `source`.
 */
export const PreferencesUpdatedEvent = z
  .object({
    ...EventBase,
    type: z.literal('preferences.updated'),
    data: z
      .object({
        customerId: CustomerId,
        optIns: z
          .object({ email: z.boolean(), sms: z.boolean(), push: z.boolean(), whatsapp: z.boolean() })
          .partial()
          .optional()
          .meta({ description: 'Opt-in per channel; channels left out keep their value' }),
        quietHours: z.object({ start: ClockTime, end: ClockTime }).nullable().optional()
          .meta({ description: 'No messages from start to end (may wrap midnight), in `timezone`; null clears' }),
        timezone: z.string().max(64).refine(isTimeZone, 'must be an IANA time zone such as Europe/London').nullable().optional(),
        language: z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'must be a language tag such as en or fr-CA').nullable().optional(),
        frequency: ContactFrequency.nullable().optional(),
        reason: Text(500).optional().meta({ description: 'Why consent changed (consent log)' }),
        source: Text(200).optional().meta({ description: 'Where consent changed, e.g. "preference-centre" (consent log)' }),
      })
      .refine((d) => [d.optIns, d.quietHours, d.timezone, d.language, d.frequency].some((v) => v !== undefined), {
        message: 'give at least one of optIns, quietHours, timezone, language, frequency',
      }),
  })
  .meta({
    id: 'PreferencesUpdatedEvent',
    description: 'Communication preferences; only the given fields change; each opt-in change is written to the consent log.',
  });
export type PreferencesUpdatedEvent = z.infer<typeof PreferencesUpdatedEvent>;

// ---- behaviour -----------------------------------------------------------------------------------

export const DeviceType = z.enum(['desktop', 'mobile', 'tablet']);
export type DeviceType = z.infer<typeof DeviceType>;

/** A visit to the shop (started at `occurredAt`). Sending the same `sessionId` again updates it. */
export const SessionStartedEvent = z
  .object({
    ...EventBase,
    type: z.literal('session.started'),
    data: z.object({
      customerId: CustomerId,
      sessionId: Id('Session'),
      device: DeviceType,
      durationSeconds: z.number().int().min(0).max(7 * 86_400).default(0),
      source: Text(200).optional().meta({ description: 'Traffic source, e.g. "newsletter", "google"' }),
    }),
  })
  .meta({
    id: 'SessionStartedEvent',
    description: 'A visit starting at `occurredAt`: device, duration in seconds, traffic source. The same sessionId again updates it.',
  });
export type SessionStartedEvent = z.infer<typeof SessionStartedEvent>;

/** A product page viewed; the product and its category are created if new. */
export const ProductViewedEvent = z
  .object({
    ...EventBase,
    type: z.literal('product.viewed'),
    data: z
      .object({
        customerId: CustomerId,
        productId: Id('Product'),
        productName: Text(500).optional(),
        categoryId: Id('Category').optional(),
        categoryName: Text(200).optional(),
        sessionId: Id('Session').optional(),
      })
      .refine((d) => d.categoryName === undefined || d.categoryId !== undefined, {
        path: ['categoryId'],
        message: 'is required with categoryName',
      }),
  })
  .meta({
    id: 'ProductViewedEvent',
    description: 'A product page viewed; product and category created when new.',
  });
export type ProductViewedEvent = z.infer<typeof ProductViewedEvent>;

// ---- the union -----------------------------------------------------------------------------------

/** Every event type the API accepts, discriminated by `type`. */
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
