/**
 * The 360 read model: one customer's profile, metrics, scores, segments, tags and flags, computed
 * at one as-of date from the facts of read/customer-facts.ts (the loader segments and stored scores
 * use too), all read in one snapshot.
 * @module
 */
import { sql } from 'kysely';
import type { ReadContext } from '../core/read-context.js';
import type { Customer360, CustomerProfile, SegmentMembership, Tag } from '@c360/sdk';
import type { Db } from '../db/connect.js';
import { loadSegmentMemberships } from './segment-memberships.js';
import { customerNotFound } from '../core/problem.js';
import { getRfmBreakpoints } from './rfm-population.js';
import { loadOneCustomerInputs, scoreCustomer, type BaseRow } from './customer-facts.js';
import { toProfile, type ProfileRow } from './profile.js';
import { FixedQuery } from './fixed-query.js';
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

/** The customer's profile columns, its stats and the stats epoch: one statement, compiled once. */
const customerWithStats = new FixedQuery(
  (db, id: string) =>
    sql<ProfileRow & Omit<BaseRow, 'currency' | 'tier'> & { stats_currency: string | null; stats_version: string | null }>`
    select c.id, c.name, c.email, c.phone, c.company, c.country, c.registered_at, c.status, c.avatar_url, c.vip, c.currency,
      c.synthetic, s.currency as stats_currency, s.total_orders, s.completed_orders, s.total_spent_minor, s.total_refunded_minor,
      s.first_order_at, s.first_completed_at, s.last_completed_at,
      (select m.value from meta m where m.key = 'stats_version') as stats_version
    from customers c left join customer_stats s on s.customer_id = c.id
    where c.id = ${id}`,
);

/** The customer's tags by name (compiled once). */
const tagsOf = new FixedQuery((db, customerId: string) =>
  db
    .selectFrom('tag_assignments as ta')
    .innerJoin('tags as t', 't.id', 'ta.tag_id')
    .select(['t.id', 't.name', 't.color'])
    .where('ta.customer_id', '=', customerId)
    .orderBy('t.name'),
);

async function read360(ctx: ReadContext, db: Db, id: string): Promise<{ view: Customer360; engagement: EngagementInput }> {
  const { asOf } = ctx;
  const customer = await customerWithStats.first(db, id);
  if (!customer) throw customerNotFound(id);
  const base: BaseRow = { ...customer, currency: customer.stats_currency ?? customer.currency };

  const [profile, input, tags, segments, breakpoints] = await Promise.all([
    toProfile(db, customer),
    loadOneCustomerInputs(db, asOf, base),
    tagsOf.execute(db, id) as Promise<Tag[]>,
    loadSegmentMemberships(db, id),
    // Keyed by the root handle: read snapshots share one cache entry per stats version.
    getRfmBreakpoints(db, asOf, ctx.db, customer.stats_version ?? '0'),
  ]);
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

function slug(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]+/g, '-');
}
