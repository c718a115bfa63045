/**
 * Customer profile, search and the 360 view (R1, R3, R11–R13, R15).
 * @module
 */
import { z } from 'zod';
import { Currency, CustomerId, Cursor, Money, Timestamp } from './common.js';
import { HealthScore, ChurnRisk, Rfm } from './scores.js';
import type { LoyaltyTier } from './events/index.js';

/** A postal address of a customer; exactly one address per customer is `primary` when any exist. */
export const Address = z
  .object({
    id: z.string(),
    label: z.string().meta({ example: 'Home' }),
    line1: z.string(),
    line2: z.string().nullable(),
    city: z.string(),
    postcode: z.string().nullable(),
    region: z.string().nullable().meta({ description: 'State, province, county or region' }),
    country: z.string(),
    primary: z.boolean(),
  })
  .meta({ id: 'Address' });
export type Address = z.infer<typeof Address>;

export const AccountStatus = z.enum(['active', 'inactive', 'suspended', 'closed']);
export type AccountStatus = z.infer<typeof AccountStatus>;

/** Who the customer is (R1.1). `synthetic` marks demo enrichment (generated names, emails, phones). */
export const CustomerProfile = z
  .object({
    id: CustomerId,
    name: z.string(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    company: z.string().nullable().meta({ description: 'The organisation the customer belongs to or buys for' }),
    country: z.string().nullable(),
    registeredAt: Timestamp,
    status: AccountStatus,
    avatarUrl: z.string().nullable(),
    vip: z.boolean(),
    currency: Currency,
    synthetic: z.boolean().meta({ description: 'True when name/email/phone were generated for the demo' }),
    addresses: z.array(Address),
  })
  .meta({ id: 'CustomerProfile' });
export type CustomerProfile = z.infer<typeof CustomerProfile>;

/**
 * Value metrics, exactly as SPEC §4 defines them. Money in major units of `currency`;
 * day counts are whole days up to the as-of date.
 */
export const CustomerMetrics = z
  .object({
    currency: Currency,
    lifetimeValue: Money.meta({ description: 'Historical CLV = sum of completed order totals' }),
    totalSpent: Money.meta({ description: 'Same as lifetimeValue' }),
    averageOrderValue: Money.meta({ description: 'totalSpent / completedOrders, rounded to the minor unit; 0 when none' }),
    totalOrders: z.number().int().nonnegative(),
    completedOrders: z.number().int().nonnegative(),
    totalRefunded: Money.meta({ description: 'Sum of refunds, positive; never subtracted from lifetimeValue' }),
    daysSinceLastPurchase: z
      .number()
      .int()
      .nullable()
      .meta({ description: 'Whole days from the last completed order to as-of; null if none' }),
    tenureDays: z.number().int().meta({ description: 'Whole days from registration to as-of' }),
    purchaseFrequency: z.number().meta({ description: 'Completed orders per 30 days of tenure (tenure floored at 30 days)' }),
    firstOrderAt: Timestamp.nullable(),
    lastPurchaseAt: Timestamp.nullable().meta({ description: 'Placed time of the last completed order' }),
  })
  .meta({ id: 'CustomerMetrics' });
export type CustomerMetrics = z.infer<typeof CustomerMetrics>;

export const Tag = z.object({ id: z.string(), name: z.string(), color: z.string().meta({ example: '#2563eb' }) }).meta({ id: 'Tag' });
export type Tag = z.infer<typeof Tag>;

/** A customer's membership of a segment and how it came about. */
export const SegmentMembership = z
  .object({
    id: z.string(),
    name: z.string(),
    kind: z.enum(['rfm', 'rule', 'manual']),
    assignedAt: Timestamp.nullable(),
    how: z.enum(['automatic', 'manual']),
  })
  .meta({ id: 'SegmentMembership' });
export type SegmentMembership = z.infer<typeof SegmentMembership>;

/** Quick signals for badges in the header of the 360 view. */
export const CustomerFlags = z.object({
  vip: z.boolean(),
  atRisk: z.boolean().meta({ description: 'Churn risk level is high' }),
  hasOpenTickets: z.boolean(),
  hasRefunds: z.boolean(),
});
export type CustomerFlags = z.infer<typeof CustomerFlags>;

/** GET /customers/:id/360 — everything the header of the 360 view needs in one response. */
export const Customer360 = z
  .object({
    asOf: Timestamp.meta({ description: 'The clock every day count and score was computed at' }),
    profile: CustomerProfile,
    metrics: CustomerMetrics,
    health: HealthScore,
    churn: ChurnRisk,
    rfm: Rfm.nullable().meta({ description: 'Null when the customer has no completed order' }),
    segments: z.array(SegmentMembership),
    tags: z.array(Tag),
    flags: CustomerFlags,
  })
  .meta({ id: 'Customer360' });
export type Customer360 = z.infer<typeof Customer360>;

export const CustomerSort = z.enum([
  'name',
  'id',
  '-lifetimeValue',
  'lifetimeValue',
  '-lastPurchaseAt',
  '-totalOrders',
  'healthScore',
  '-healthScore',
  'churnRisk',
  '-churnRisk',
]);
export type CustomerSort = z.infer<typeof CustomerSort>;

/**
 * Loyalty tiers as a search filter; the same values as `LoyaltyTier` of events.ts (spelled out here
 * because events.ts imports this module; the type check below keeps the two equal).
 */
const SearchTier = z.enum(['bronze', 'silver', 'gold', 'platinum']);
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Assert<T extends true> = T;
type _SearchTierIsLoyaltyTier = Assert<Same<z.infer<typeof SearchTier>, LoyaltyTier>>;

/** GET /customers counts matches exactly up to this many; beyond, `total` is this with `totalIsEstimate`. */
export const SEARCH_COUNT_LIMIT = 10_000;

/** Most ids one `ids=` list of GET /customers takes (one page). */
export const SEARCH_IDS_MAX = 100;

/**
 * A comma-separated list of 1–`max` customer ids (`a,b,c`; blanks and duplicates dropped) parsed
 * to a string array; otherwise one issue naming the count or the first malformed id. Used by
 * GET /customers `ids=` and GET /stream `customer=`.
 */
export function customerIdList(max: number) {
  return z.string().transform((s, ctx) => {
    const ids = [
      ...new Set(
        s
          .split(',')
          .map((p) => p.trim())
          .filter(Boolean),
      ),
    ];
    if (ids.length < 1 || ids.length > max) {
      ctx.addIssue({ code: 'custom', message: `give 1–${max} comma-separated customer ids (got ${ids.length})` });
      return z.NEVER;
    }
    const bad = ids.find((id) => !CustomerId.safeParse(id).success);
    if (bad !== undefined) {
      ctx.addIssue({ code: 'custom', message: `"${bad}" is not a customer id` });
      return z.NEVER;
    }
    return ids;
  });
}

/** `ids=a,b,c`: 1–{@link SEARCH_IDS_MAX} customer ids, comma-separated (duplicates ignored). */
const SearchIds = customerIdList(SEARCH_IDS_MAX).meta({
  description: `Only these customers: 1–${SEARCH_IDS_MAX} ids, comma-separated (unknown ids are left out)`,
  example: '17850,12583',
});

/** A 0–100 score bound of the search filters. */
const ScoreBound = z.coerce.number().int().min(0).max(100);

/** Query of GET /customers: free text plus filters (all combinable), keyset-paginated. */
export const CustomerSearchQuery = z.object({
  ids: SearchIds.optional(),
  q: z.string().trim().max(200).optional().meta({ description: 'Name, email, phone (substring) or exact order number / customer id' }),
  country: z.string().max(100).optional(),
  registeredFrom: z.iso.date().optional(),
  registeredTo: z.iso.date().optional(),
  lastPurchaseFrom: z.iso.date().optional(),
  lastPurchaseTo: z.iso.date().optional(),
  clvMin: z.coerce.number().nonnegative().optional().meta({ description: 'Minimum lifetime value, major units' }),
  clvMax: z.coerce.number().nonnegative().optional(),
  ordersMin: z.coerce.number().int().nonnegative().optional(),
  ordersMax: z.coerce.number().int().nonnegative().optional(),
  segment: z
    .string()
    .min(1)
    .max(128)
    .optional()
    .meta({ description: 'Segment id (GET /segments): RFM, rule or manual, e.g. "rfm:champions"' }),
  tier: SearchTier.optional().meta({ description: 'Loyalty tier' }),
  tag: z.string().trim().min(1).max(128).optional().meta({ description: 'Tag id, or tag name (case-insensitive)' }),
  healthMin: ScoreBound.optional().meta({ description: 'Minimum health score, 0–100' }),
  healthMax: ScoreBound.optional().meta({ description: 'Maximum health score, 0–100' }),
  churnMin: ScoreBound.optional().meta({ description: 'Minimum churn risk, 0–100' }),
  churnMax: ScoreBound.optional().meta({ description: 'Maximum churn risk, 0–100' }),
  sort: CustomerSort.default('name'),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: Cursor.optional(),
});
export type CustomerSearchQuery = z.input<typeof CustomerSearchQuery>;

/** One row of a customer search result. */
export const CustomerSummary = z
  .object({
    id: CustomerId,
    name: z.string(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    country: z.string().nullable(),
    currency: Currency,
    lifetimeValue: Money,
    totalOrders: z.number().int(),
    lastPurchaseAt: Timestamp.nullable(),
    matchedOrderNumber: z.string().nullable().meta({ description: 'Set when `q` matched an order number' }),
    healthScore: z
      .number()
      .int()
      .min(0)
      .max(100)
      .nullable()
      .meta({ description: 'Health score 0–100 as last scored (see docs/scoring.md, "Stored scores"); null until first scored' }),
    churnRisk: z
      .number()
      .int()
      .min(0)
      .max(100)
      .nullable()
      .meta({ description: 'Churn risk 0–100 as last scored; null until first scored' }),
  })
  .meta({ id: 'CustomerSummary' });
export type CustomerSummary = z.infer<typeof CustomerSummary>;

export const CustomerSearchPage = z
  .object({
    items: z.array(CustomerSummary),
    total: z.number().int().meta({
      description:
        'Number of customers matching the query and filters, counted exactly up to SEARCH_COUNT_LIMIT (10,000); beyond, 10,000 with `totalIsEstimate`',
    }),
    totalIsEstimate: z.boolean().meta({ description: 'True when more than 10,000 match: `total` is then a lower bound ("10,000+")' }),
    nextCursor: z.string().nullable(),
  })
  .meta({ id: 'CustomerSearchPage' });
export type CustomerSearchPage = z.infer<typeof CustomerSearchPage>;
