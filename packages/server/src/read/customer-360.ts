/**
 * The 360 read model: one customer's profile, metrics, scores, segments, tags and flags, computed
 * with the pure scoring modules at one as-of date.
 * @module
 */
import type { ReadContext } from '../core/read-context.js';
import type { Customer360, CustomerProfile, SegmentMembership, Tag } from '@c360/sdk';
import type { Db } from '../db/connect.js';
import { loadSegmentMemberships } from './segment-memberships.js';
import { computeMetrics } from '../scoring/metrics.js';
import { scoreRfm } from '../scoring/rfm.js';
import { computeHealth, type HealthWeights } from '../scoring/health.js';
import { computeChurn } from '../scoring/churn.js';
import { customerNotFound } from '../core/problem.js';
import { getRfmBreakpoints } from './rfm-population.js';
import { loadEngagement, loadSupport } from './activity-windows.js';
import { loadCustomerRow, toProfile } from './profile.js';
import type { EngagementInput } from '../scoring/engagement.js';

/** Builds GET /customers/:id/360. Throws a 404 problem for an unknown id. */
export async function loadCustomer360(ctx: ReadContext, id: string): Promise<Customer360> {
  return (await readCustomer360(ctx, id)).view;
}

/**
 * {@link loadCustomer360} with the 90-day activity counts its scores were computed from (compare
 * shows them beside the view without loading them again).
 */
export async function readCustomer360(ctx: ReadContext, id: string): Promise<{ view: Customer360; engagement: EngagementInput }> {
  const { db, asOf } = ctx;
  const customer = await loadCustomerRow(db, id);
  if (!customer) throw customerNotFound(id);

  const [profile, stats, engagement, support, tags, segments, breakpoints] = await Promise.all([
    toProfile(db, customer),
    db.selectFrom('customer_stats').selectAll().where('customer_id', '=', id).executeTakeFirst(),
    loadEngagement(db, id, asOf),
    loadSupport(db, id, asOf),
    loadTags(db, id),
    loadSegmentMemberships(db, id),
    getRfmBreakpoints(db, asOf),
  ]);

  const metrics = computeMetrics(
    {
      currency: stats?.currency ?? customer.currency,
      registeredAt: customer.registered_at,
      totalOrders: Number(stats?.total_orders ?? 0),
      completedOrders: Number(stats?.completed_orders ?? 0),
      totalSpentMinor: Number(stats?.total_spent_minor ?? 0),
      totalRefundedMinor: Number(stats?.total_refunded_minor ?? 0),
      firstOrderAt: stats?.first_order_at ?? null,
      lastCompletedAt: stats?.last_completed_at ?? null,
    },
    asOf,
  );
  const rfm =
    metrics.completedOrders > 0 && metrics.daysSinceLastPurchase !== null
      ? scoreRfm(
          {
            recencyDays: metrics.daysSinceLastPurchase,
            frequency: metrics.completedOrders,
            monetaryMinor: Number(stats?.total_spent_minor ?? 0),
          },
          breakpoints,
        )
      : null;
  const health = computeHealth(
    { completedOrders: metrics.completedOrders, daysSinceLastPurchase: metrics.daysSinceLastPurchase, rfm, engagement, support },
    ctx.healthWeights,
  );
  const churn = computeChurn({
    daysSinceLastPurchase: metrics.daysSinceLastPurchase,
    completedOrders: metrics.completedOrders,
    firstCompletedAt: stats?.first_completed_at ?? null,
    lastCompletedAt: stats?.last_completed_at ?? null,
    engagement,
    support,
  });

  const rfmSegment: SegmentMembership[] = rfm
    ? [{ id: `rfm:${slug(rfm.segment)}`, name: rfm.segment, kind: 'rfm', assignedAt: null, how: 'automatic' }]
    : [];

  const view: Customer360 = {
    asOf: asOf.toISOString(),
    profile: profile satisfies CustomerProfile,
    metrics,
    health,
    churn,
    rfm,
    segments: [...rfmSegment, ...segments],
    tags,
    flags: {
      vip: profile.vip,
      atRisk: churn.level === 'high',
      hasOpenTickets: support.openTickets > 0,
      hasRefunds: metrics.totalRefunded > 0,
    },
  };
  return { view, engagement };
}

async function loadTags(db: Db, customerId: string): Promise<Tag[]> {
  return db
    .selectFrom('tag_assignments as ta')
    .innerJoin('tags as t', 't.id', 'ta.tag_id')
    .select(['t.id', 't.name', 't.color'])
    .where('ta.customer_id', '=', customerId)
    .orderBy('t.name')
    .execute();
}

function slug(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]+/g, '-');
}
