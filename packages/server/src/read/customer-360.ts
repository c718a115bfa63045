/**
 * The 360 read model: one customer's profile, metrics, scores, segments, tags and flags, computed
 * at one as-of date from the facts of read/customer-facts.ts (the loader segments and stored scores
 * use too), all read in one snapshot.
 * @module
 */
import type { ReadContext } from '../core/read-context.js';
import type { Customer360, CustomerProfile, SegmentMembership, Tag } from '@c360/sdk';
import type { Db } from '../db/connect.js';
import { loadSegmentMemberships } from './segment-memberships.js';
import { customerNotFound } from '../core/problem.js';
import { getRfmBreakpoints } from './rfm-population.js';
import { loadCustomerInputs, scoreCustomer } from './customer-facts.js';
import { loadCustomerRow, toProfile } from './profile.js';
import type { EngagementInput } from '../scoring/engagement.js';

/** Builds GET /customers/:id/360. Throws a 404 problem for an unknown id. */
export async function loadCustomer360(ctx: ReadContext, id: string): Promise<Customer360> {
  return (await readCustomer360(ctx, id)).view;
}

/**
 * {@link loadCustomer360} with the 90-day activity counts its scores were computed from (compare
 * shows them beside the view without loading them again). Every statement reads one snapshot: a
 * read-only transaction (unless `ctx.db` already is a transaction), so a concurrent write batch is
 * seen entirely or not at all.
 */
export async function readCustomer360(ctx: ReadContext, id: string): Promise<{ view: Customer360; engagement: EngagementInput }> {
  if (ctx.db.isTransaction) return read360(ctx, ctx.db, id);
  return ctx.db
    .transaction()
    .setAccessMode('read only')
    .execute((trx) => read360(ctx, trx, id));
}

async function read360(ctx: ReadContext, db: Db, id: string): Promise<{ view: Customer360; engagement: EngagementInput }> {
  const { asOf } = ctx;
  const customer = await loadCustomerRow(db, id);
  if (!customer) throw customerNotFound(id);

  const [profile, inputs, tags, segments, breakpoints] = await Promise.all([
    toProfile(db, customer),
    loadCustomerInputs(db, asOf, { activity: true }, [id]),
    loadTags(db, id),
    loadSegmentMemberships(db, id),
    // Keyed by the root handle: read snapshots share one cache entry per stats version.
    getRfmBreakpoints(db, asOf, ctx.db),
  ]);
  const input = inputs[0]!;
  const { metrics, rfm, health, churn } = scoreCustomer(input, breakpoints, asOf, ctx.healthWeights);

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
      hasOpenTickets: input.support.openTickets > 0,
      hasRefunds: metrics.totalRefunded > 0,
    },
  };
  return { view, engagement: input.engagement };
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
