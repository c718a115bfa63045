/**
 * Side-by-side comparison of 2–3 customers (R16): their key metrics, scores and engagement, the
 * differences (who is highest and lowest on each), and segment overlap.
 * @module
 */
import { z } from 'zod';
import { Currency, CustomerId, Timestamp } from './common.js';
import { ChurnLevel, HealthLevel, Rfm } from './scores.js';
import { CustomerMetrics, SegmentMembership, Tag } from './customer.js';
import { COMPARE_MAX, COMPARE_MIN } from '../constants.js';

/** Query of GET /customers/compare: `ids=a,b[,c]`, 2–3 distinct customer ids. */
export const CompareQuery = z.object({
  ids: z
    .string()
    .transform((s, ctx) => {
      const ids = s
        .split(',')
        .map((p) => p.trim())
        .filter(Boolean);
      if (ids.length < COMPARE_MIN || ids.length > COMPARE_MAX) {
        ctx.addIssue({ code: 'custom', message: `give ${COMPARE_MIN}–${COMPARE_MAX} comma-separated customer ids (got ${ids.length})` });
        return z.NEVER;
      }
      for (const id of ids) {
        if (!CustomerId.safeParse(id).success) {
          ctx.addIssue({ code: 'custom', message: `"${id}" is not a customer id` });
          return z.NEVER;
        }
      }
      if (new Set(ids).size !== ids.length) {
        ctx.addIssue({ code: 'custom', message: 'ids must be distinct' });
        return z.NEVER;
      }
      return ids;
    })
    .meta({ description: '2–3 distinct customer ids, comma-separated', example: '17850,12583' }),
});
export type CompareQuery = z.input<typeof CompareQuery>;

/** Engagement signals in the 90 days before as-of (the inputs of the health engagement factor). */
export const ComparedEngagement = z.object({
  score: z.number().min(0).max(100).meta({ description: 'The engagement factor of the health score (0–100)' }),
  orders90: z.number().int().nonnegative(),
  emailOpens90: z.number().int().nonnegative(),
  emailClicks90: z.number().int().nonnegative(),
  sessions90: z.number().int().nonnegative(),
});
export type ComparedEngagement = z.infer<typeof ComparedEngagement>;

export const ComparedCustomer = z
  .object({
    id: CustomerId,
    name: z.string(),
    email: z.string().nullable(),
    country: z.string().nullable(),
    currency: Currency,
    registeredAt: Timestamp,
    metrics: CustomerMetrics,
    health: z.object({ score: z.number().int(), level: HealthLevel }),
    churn: z.object({ score: z.number().int(), level: ChurnLevel }),
    rfm: Rfm.nullable(),
    engagement: ComparedEngagement,
    segments: z.array(SegmentMembership),
    tags: z.array(Tag),
  })
  .meta({ id: 'ComparedCustomer' });
export type ComparedCustomer = z.infer<typeof ComparedCustomer>;

/** The fields compared in `differences`, in this order. */
export const COMPARED_FIELDS = [
  'lifetimeValue',
  'totalOrders',
  'averageOrderValue',
  'purchaseFrequency',
  'daysSinceLastPurchase',
  'totalRefunded',
  'healthScore',
  'churnScore',
  'engagementScore',
  'sessions90',
  'emailOpens90',
] as const;
export const ComparedField = z.enum(COMPARED_FIELDS);
export type ComparedField = z.infer<typeof ComparedField>;

export const ComparisonDifference = z
  .object({
    field: ComparedField,
    values: z
      .array(z.number().nullable())
      .meta({ description: 'One value per customer, in the order of `customers` (null: not applicable, e.g. no purchase yet)' }),
    highest: CustomerId.nullable().meta({
      description: 'The customer with the largest value (the first of them on a tie); null when all values are equal or missing',
    }),
    lowest: CustomerId.nullable().meta({
      description: 'The customer with the smallest value (the first of them on a tie); null when all values are equal or missing',
    }),
    differs: z.boolean().meta({ description: 'True when at least two present values differ' }),
  })
  .meta({ id: 'ComparisonDifference' });
export type ComparisonDifference = z.infer<typeof ComparisonDifference>;

const SegmentRef = z.object({ id: z.string(), name: z.string(), kind: z.enum(['rfm', 'rule', 'manual']) });

export const CustomerComparison = z
  .object({
    asOf: Timestamp,
    customers: z.array(ComparedCustomer).meta({ description: 'In the order of `ids`' }),
    differences: z.array(ComparisonDifference),
    segments: z.object({
      shared: z.array(SegmentRef).meta({ description: 'Segments every compared customer belongs to' }),
      byCustomer: z
        .record(z.string(), z.array(SegmentRef))
        .meta({ description: 'For each customer id, its segments that not every other compared customer shares' }),
    }),
  })
  .meta({ id: 'CustomerComparison' });
export type CustomerComparison = z.infer<typeof CustomerComparison>;
