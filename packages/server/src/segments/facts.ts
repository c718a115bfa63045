/**
 * Loads the facts segment rules read, for many customers at once: a handful of set-based queries
 * (customers ⋈ customer_stats, tiers, tags, 90/180-day activity windows, tickets) and then the
 * same pure scoring functions as the 360 view (computeMetrics, scoreRfm, computeHealth,
 * computeChurn). Optional facts are loaded only when a rule reads them.
 * @module
 */
import { sql } from 'kysely';
import type { Db } from '../db/connect.js';
import { computeMetrics } from '../scoring/metrics.js';
import { scoreRfm } from '../scoring/rfm.js';
import { computeHealth, type HealthWeights } from '../scoring/health.js';
import { computeChurn } from '../scoring/churn.js';
import type { ActivityCounts, EngagementInput, SupportInput } from '../scoring/engagement.js';
import { parseIsoUtc } from '../scoring/clock.js';
import { getRfmBreakpoints } from '../read/rfm-population.js';
import type { CustomerFacts, FactNeeds } from './evaluate.js';

/** The clock and configuration rules are evaluated with (the server's read context). */
export interface EvalContext {
  asOf: Date;
  healthWeights?: HealthWeights;
}

const DAY = 86_400_000;
/** Ticket statuses that count as open (as in read/activity-windows.ts). */
const OPEN_TICKET_STATUSES = ['open', 'pending', 'in_progress', 'escalated'];
/** Ids per `in (…)` list. */
const CHUNK = 500;

interface BaseRow {
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

const zeroCounts = (): ActivityCounts => ({ orders: 0, emailOpens: 0, emailClicks: 0, sessions: 0 });

/**
 * Facts of the given customers (all customers when `ids` is omitted), in no particular order;
 * unknown ids are skipped.
 */
export async function loadFacts(db: Db, ctx: EvalContext, needs: FactNeeds, ids?: readonly string[]): Promise<CustomerFacts[]> {
  if (ids && ids.length === 0) return [];
  const groups: Array<readonly string[] | undefined> = ids ? chunk([...new Set(ids)], CHUNK) : [undefined];
  const breakpoints = needs.rfm ? await getRfmBreakpoints(db, ctx.asOf) : null;
  const out: CustomerFacts[] = [];
  for (const group of groups) {
    const [base, tags, engagement, support] = await Promise.all([
      loadBase(db, needs, group),
      needs.tags ? loadTags(db, group) : undefined,
      needs.health || needs.churn ? loadEngagement(db, ctx.asOf, group) : undefined,
      needs.health || needs.churn ? loadSupport(db, ctx.asOf, group) : undefined,
    ]);
    for (const row of base) {
      const metrics = computeMetrics(
        {
          currency: row.currency,
          registeredAt: row.registered_at,
          totalOrders: Number(row.total_orders ?? 0),
          completedOrders: Number(row.completed_orders ?? 0),
          totalSpentMinor: Number(row.total_spent_minor ?? 0),
          totalRefundedMinor: Number(row.total_refunded_minor ?? 0),
          firstOrderAt: row.first_order_at,
          lastCompletedAt: row.last_completed_at,
        },
        ctx.asOf,
      );
      const rfm =
        breakpoints && metrics.completedOrders > 0 && metrics.daysSinceLastPurchase !== null
          ? scoreRfm(
              { recencyDays: metrics.daysSinceLastPurchase, frequency: metrics.completedOrders, monetaryMinor: Number(row.total_spent_minor ?? 0) },
              breakpoints,
            )
          : null;
      const facts: CustomerFacts = {
        id: row.id,
        country: row.country,
        registeredAt: parseIsoUtc(row.registered_at) ?? Number.NaN,
        lifetimeValue: metrics.lifetimeValue,
        averageOrderValue: metrics.averageOrderValue,
        totalOrders: metrics.totalOrders,
        completedOrders: metrics.completedOrders,
        totalRefunded: metrics.totalRefunded,
        daysSinceLastPurchase: metrics.daysSinceLastPurchase,
        tenureDays: metrics.tenureDays,
        purchaseFrequency: metrics.purchaseFrequency,
        lastPurchaseAt: row.last_completed_at === null ? null : (parseIsoUtc(row.last_completed_at) ?? null),
        rfm,
      };
      if (needs.tier) facts.tier = row.tier ?? null;
      if (tags) facts.tags = tags.get(row.id) ?? new Set();
      if (engagement && support) {
        const eng = engagement.get(row.id) ?? { recent90: zeroCounts(), prior90: zeroCounts() };
        const sup = support.get(row.id) ?? { openTickets: 0, tickets180: 0, negativeCsat180: 0 };
        if (needs.health) {
          facts.healthScore = computeHealth(
            { completedOrders: metrics.completedOrders, daysSinceLastPurchase: metrics.daysSinceLastPurchase, rfm, engagement: eng, support: sup },
            ctx.healthWeights,
          ).score;
        }
        if (needs.churn) {
          facts.churnScore = computeChurn({
            daysSinceLastPurchase: metrics.daysSinceLastPurchase,
            completedOrders: metrics.completedOrders,
            firstCompletedAt: row.first_completed_at,
            lastCompletedAt: row.last_completed_at,
            engagement: eng,
            support: sup,
          }).score;
        }
      }
      out.push(facts);
    }
  }
  return out;
}

function inIds(column: string, ids: readonly string[] | undefined) {
  return ids ? sql`and ${sql.ref(column)} in (${sql.join(ids)})` : sql``;
}

async function loadBase(db: Db, needs: FactNeeds, ids: readonly string[] | undefined): Promise<BaseRow[]> {
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

async function loadTags(db: Db, ids: readonly string[] | undefined): Promise<Map<string, Set<string>>> {
  const { rows } = await sql<{ customer_id: string; id: string; name: string }>`
    select ta.customer_id, t.id, lower(t.name) as name from tag_assignments ta join tags t on t.id = ta.tag_id
    where 1 = 1 ${inIds('ta.customer_id', ids)}`.execute(db);
  const out = new Map<string, Set<string>>();
  for (const r of rows) {
    let set = out.get(r.customer_id);
    if (!set) out.set(r.customer_id, (set = new Set()));
    set.add(r.id);
    set.add(r.name);
  }
  return out;
}

/** Windowed activity counts per customer, exactly as read/activity-windows.ts counts them for one. */
async function loadEngagement(db: Db, asOf: Date, ids: readonly string[] | undefined): Promise<Map<string, EngagementInput>> {
  const end = asOf.toISOString();
  const r0 = new Date(asOf.getTime() - 90 * DAY).toISOString();
  const p0 = new Date(asOf.getTime() - 180 * DAY).toISOString();
  const windows = (col: string) => sql`
    sum(case when ${sql.ref(col)} > ${r0} and ${sql.ref(col)} <= ${end} then 1 else 0 end) as recent,
    sum(case when ${sql.ref(col)} > ${p0} and ${sql.ref(col)} <= ${r0} then 1 else 0 end) as prior`;
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

/** Support facts per customer, exactly as read/activity-windows.ts computes them for one. */
async function loadSupport(db: Db, asOf: Date, ids: readonly string[] | undefined): Promise<Map<string, SupportInput>> {
  const since = new Date(asOf.getTime() - 180 * DAY).toISOString();
  const { rows } = await sql<{ customer_id: string; open: number; recent: number; negative: number }>`
    select customer_id,
      sum(case when status in (${sql.join(OPEN_TICKET_STATUSES)}) then 1 else 0 end) as open,
      sum(case when created_at > ${since} then 1 else 0 end) as recent,
      sum(case when created_at > ${since} and csat is not null and csat <= 2 then 1 else 0 end) as negative
    from tickets where 1 = 1 ${inIds('customer_id', ids)} group by customer_id`.execute(db);
  return new Map(rows.map((r) => [r.customer_id, { openTickets: Number(r.open), tickets180: Number(r.recent), negativeCsat180: Number(r.negative) }]));
}

function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
