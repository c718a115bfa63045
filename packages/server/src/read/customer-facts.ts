/**
 * The one loader of the facts every score is computed from, for one customer or many at once:
 * customers ⋈ customer_stats, the recent/prior 90-day activity windows (orders, email opens and
 * clicks, sessions) and the support facts, in a handful of set-based queries per
 * {@link CHUNK} customers — then {@link scoreCustomer}, the one composition of the pure scoring
 * functions (metrics, RFM, health, churn). The 360 view, compare, the PDF report, rule segments,
 * stored scores and score changes all go through here, so they cannot disagree.
 *
 * Windows: recent = (asOf − 90 d, asOf], prior = (asOf − 180 d, asOf − 90 d]; support: open tickets,
 * and tickets / negative CSAT (≤ 2 of 5) created in the 180 days before as-of.
 * @module
 */
import { sql } from 'kysely';
import { OPEN_TICKET_STATUSES, type ChurnRisk, type CustomerMetrics, type HealthScore, type Rfm } from '@c360/sdk';
import type { Db } from '../db/connect.js';
import { computeMetrics } from '../scoring/metrics.js';
import { scoreRfm, type RfmBreakpoints } from '../scoring/rfm.js';
import { computeHealth, type HealthWeights } from '../scoring/health.js';
import { computeChurn } from '../scoring/churn.js';
import type { ActivityCounts, EngagementInput, SupportInput } from '../scoring/engagement.js';
import { FixedQuery } from './fixed-query.js';

const DAY = 86_400_000;
/** Ids per `in (…)` list. */
export const CHUNK = 500;

/** A customer's profile fields rules read, and its stats (zeros/nulls without a stats row). */
export interface BaseRow {
  id: string;
  country: string | null;
  registered_at: string;
  currency: string;
  total_orders: number | null;
  completed_orders: number | null;
  total_spent_minor: number | null;
  total_refunded_minor: number | null;
  first_order_at: string | null;
  first_completed_at: string | null;
  last_completed_at: string | null;
  tier?: string | null;
}

/** Everything scoring reads about one customer. */
export interface CustomerInputs {
  base: BaseRow;
  /** Zero counts when activity was not loaded. */
  engagement: EngagementInput;
  support: SupportInput;
}

/** What to load beyond the base row. */
export interface InputNeeds {
  /** Activity windows and support facts (health and churn need them). */
  activity: boolean;
  /** The loyalty tier (`base.tier`). */
  tier?: boolean;
}

const zeroCounts = (): ActivityCounts => ({ orders: 0, emailOpens: 0, emailClicks: 0, sessions: 0 });
const noSupport = (): SupportInput => ({ openTickets: 0, tickets180: 0, negativeCsat180: 0 });

/**
 * The inputs of the given customers (all customers when `ids` is omitted), in no particular
 * order; unknown ids are skipped. `db` may be a transaction (one snapshot for all statements).
 */
export async function loadCustomerInputs(db: Db, asOf: Date, needs: InputNeeds, ids?: readonly string[]): Promise<CustomerInputs[]> {
  if (ids && ids.length === 0) return [];
  const groups: Array<readonly string[] | undefined> = ids ? chunk([...new Set(ids)], CHUNK) : [undefined];
  const out: CustomerInputs[] = [];
  for (const group of groups) {
    const [base, engagement, support] = await Promise.all([
      loadBase(db, needs, group),
      needs.activity ? loadEngagement(db, asOf, group) : undefined,
      needs.activity ? loadSupport(db, asOf, group) : undefined,
    ]);
    for (const row of base) {
      out.push({
        base: row,
        engagement: engagement?.get(row.id) ?? { recent90: zeroCounts(), prior90: zeroCounts() },
        support: support?.get(row.id) ?? noSupport(),
      });
    }
  }
  return out;
}

/** The scores of one customer, as the 360 view shows them. */
export interface ScoredCustomer {
  metrics: CustomerMetrics;
  /** Null without a completed order or without breakpoints. */
  rfm: Rfm | null;
  health: HealthScore;
  churn: ChurnRisk;
}

/**
 * Metrics (SPEC §4) at `asOf`, RFM against `breakpoints` (null: no RFM), health with `weights`
 * and churn, from one customer's inputs (loaded with `activity` for meaningful health and churn).
 */
export function scoreCustomer(
  input: CustomerInputs,
  breakpoints: RfmBreakpoints | null,
  asOf: Date,
  weights?: HealthWeights,
): ScoredCustomer {
  const b = input.base;
  const metrics = computeMetrics(
    {
      currency: b.currency,
      registeredAt: b.registered_at,
      totalOrders: Number(b.total_orders ?? 0),
      completedOrders: Number(b.completed_orders ?? 0),
      totalSpentMinor: Number(b.total_spent_minor ?? 0),
      totalRefundedMinor: Number(b.total_refunded_minor ?? 0),
      firstOrderAt: b.first_order_at,
      lastCompletedAt: b.last_completed_at,
    },
    asOf,
  );
  const rfm =
    breakpoints && metrics.completedOrders > 0 && metrics.daysSinceLastPurchase !== null
      ? scoreRfm(
          {
            recencyDays: metrics.daysSinceLastPurchase,
            frequency: metrics.completedOrders,
            monetaryMinor: Number(b.total_spent_minor ?? 0),
          },
          breakpoints,
        )
      : null;
  const health = computeHealth(
    {
      completedOrders: metrics.completedOrders,
      daysSinceLastPurchase: metrics.daysSinceLastPurchase,
      rfm,
      engagement: input.engagement,
      support: input.support,
    },
    weights,
  );
  const churn = computeChurn({
    daysSinceLastPurchase: metrics.daysSinceLastPurchase,
    completedOrders: metrics.completedOrders,
    firstCompletedAt: b.first_completed_at,
    lastCompletedAt: b.last_completed_at,
    engagement: input.engagement,
    support: input.support,
  });
  return { metrics, rfm, health, churn };
}

function inIds(column: string, ids: readonly string[] | undefined) {
  return ids ? sql`and ${sql.ref(column)} in (${sql.join(ids)})` : sql``;
}

async function loadBase(db: Db, needs: InputNeeds, ids: readonly string[] | undefined): Promise<BaseRow[]> {
  const tier = needs.tier ? sql`, la.tier` : sql``;
  const joinTier = needs.tier ? sql`left join loyalty_accounts la on la.customer_id = c.id` : sql``;
  const { rows } = await sql<BaseRow>`
    select c.id, c.country, c.registered_at, coalesce(s.currency, c.currency) as currency,
      s.total_orders, s.completed_orders, s.total_spent_minor, s.total_refunded_minor,
      s.first_order_at, s.first_completed_at, s.last_completed_at ${tier}
    from customers c
    left join customer_stats s on s.customer_id = c.id
    ${joinTier}
    where 1 = 1 ${inIds('c.id', ids)}`.execute(db);
  return rows;
}

type Bounds = { end: string; r0: string; p0: string };
/** The last as-of's bounds: a server reads at one as-of, so each request would format the same three dates. */
let lastBounds: { at: number; bounds: Bounds } | undefined;

/** The window bounds at `asOf` (ISO strings): recent = (r0, end], prior = (p0, r0]. */
function windowBounds(asOf: Date): Bounds {
  const at = asOf.getTime();
  if (lastBounds?.at === at) return lastBounds.bounds;
  const bounds = {
    end: asOf.toISOString(),
    r0: new Date(at - 90 * DAY).toISOString(),
    p0: new Date(at - 180 * DAY).toISOString(),
  };
  lastBounds = { at, bounds };
  return bounds;
}

/** The recent and prior counts of the rows whose `col` falls in each window. */
function windowSums(col: string, { end, r0, p0 }: Bounds) {
  return sql`
    sum(case when ${sql.ref(col)} > ${r0} and ${sql.ref(col)} <= ${end} then 1 else 0 end) as recent,
    sum(case when ${sql.ref(col)} > ${p0} and ${sql.ref(col)} <= ${r0} then 1 else 0 end) as prior`;
}

/** Windowed activity counts per customer: orders, opens and clicks (one query), sessions. */
async function loadEngagement(db: Db, asOf: Date, ids: readonly string[] | undefined): Promise<Map<string, EngagementInput>> {
  const bounds = windowBounds(asOf);
  const { p0 } = bounds;
  const windows = (col: string) => windowSums(col, bounds);
  type Row = { customer_id: string; kind: keyof ActivityCounts; recent: number | null; prior: number | null };
  const [orders, marketing, sessions] = await Promise.all([
    sql<Row>`select customer_id, 'orders' as kind, ${windows('placed_at')} from orders
      where placed_at > ${p0} ${inIds('customer_id', ids)} group by customer_id`.execute(db),
    sql<Row>`select customer_id, case type when 'opened' then 'emailOpens' else 'emailClicks' end as kind, ${windows('occurred_at')}
      from marketing_events where type in ('opened', 'clicked') and occurred_at > ${p0} ${inIds('customer_id', ids)}
      group by customer_id, type`.execute(db),
    sql<Row>`select customer_id, 'sessions' as kind, ${windows('started_at')} from sessions
      where started_at > ${p0} ${inIds('customer_id', ids)} group by customer_id`.execute(db),
  ]);
  const out = new Map<string, EngagementInput>();
  for (const r of [...orders.rows, ...marketing.rows, ...sessions.rows]) {
    let e = out.get(r.customer_id);
    if (!e) out.set(r.customer_id, (e = { recent90: zeroCounts(), prior90: zeroCounts() }));
    e.recent90[r.kind] = Number(r.recent ?? 0);
    e.prior90[r.kind] = Number(r.prior ?? 0);
  }
  return out;
}

/** The support sums of the tickets created after `since` (open ones whenever created). */
function supportSums(since: string) {
  return sql`
      sum(case when status in (${sql.join(OPEN_TICKET_STATUSES)}) then 1 else 0 end) as open,
      sum(case when created_at > ${since} then 1 else 0 end) as recent,
      sum(case when created_at > ${since} and csat is not null and csat <= 2 then 1 else 0 end) as negative`;
}

/** Support facts per customer. */
async function loadSupport(db: Db, asOf: Date, ids: readonly string[] | undefined): Promise<Map<string, SupportInput>> {
  const since = new Date(asOf.getTime() - 180 * DAY).toISOString();
  const { rows } = await sql<{ customer_id: string; open: number; recent: number; negative: number }>`
    select customer_id, ${supportSums(since)}
    from tickets where 1 = 1 ${inIds('customer_id', ids)} group by customer_id`.execute(db);
  return new Map(
    rows.map((r) => [r.customer_id, { openTickets: Number(r.open), tickets180: Number(r.recent), negativeCsat180: Number(r.negative) }]),
  );
}

type WindowRow = { kind: keyof ActivityCounts; recent: number | string | null; prior: number | string | null };

/** One customer's windowed activity: the three sources of {@link loadEngagement} in one statement. */
const oneEngagement = new FixedQuery((db, id: string, end: string, r0: string, p0: string) => {
  const w = (col: string) => windowSums(col, { end, r0, p0 });
  return sql<WindowRow>`select 'orders' as kind, ${w('placed_at')} from orders where customer_id = ${id} and placed_at > ${p0}
    union all
    select case type when 'opened' then 'emailOpens' else 'emailClicks' end as kind, ${w('occurred_at')} from marketing_events
      where customer_id = ${id} and type in ('opened', 'clicked') and occurred_at > ${p0} group by type
    union all
    select 'sessions' as kind, ${w('started_at')} from sessions where customer_id = ${id} and started_at > ${p0}`;
});

/** One customer's support sums (one row; nulls without tickets). */
const oneSupport = new FixedQuery(
  (db, id: string, since: string) =>
    sql<{ open: number | null; recent: number | null; negative: number | null }>`select ${supportSums(since)}
    from tickets where customer_id = ${id}`,
);

/**
 * {@link loadCustomerInputs} with activity for one customer whose base row is already read (the
 * 360 view reads it with the profile): the same windows and sums, two statements compiled once.
 */
export async function loadOneCustomerInputs(db: Db, asOf: Date, base: BaseRow): Promise<CustomerInputs> {
  const { end, r0, p0 } = windowBounds(asOf);
  const [windows, support] = await Promise.all([oneEngagement.execute(db, base.id, end, r0, p0), oneSupport.first(db, base.id, p0)]);
  const engagement: EngagementInput = { recent90: zeroCounts(), prior90: zeroCounts() };
  for (const r of windows) {
    engagement.recent90[r.kind] = Number(r.recent ?? 0);
    engagement.prior90[r.kind] = Number(r.prior ?? 0);
  }
  return {
    base,
    engagement,
    support: {
      openTickets: Number(support?.open ?? 0),
      tickets180: Number(support?.recent ?? 0),
      negativeCsat180: Number(support?.negative ?? 0),
    },
  };
}

/** `items` in slices of `size`. */
export function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
