/**
 * The facts segment rules read, for many customers at once: the inputs and scores of
 * read/customer-facts.ts (the one loader the 360 view uses too) plus tags when a rule reads them.
 * Optional facts are loaded only when a rule reads them.
 * @module
 */
import { sql } from 'kysely';
import type { Db } from '../db/connect.js';
import type { HealthWeights } from '../scoring/health.js';
import { parseIsoUtc } from '../scoring/clock.js';
import { getRfmBreakpoints } from '../read/rfm-population.js';
import { chunk, CHUNK, loadCustomerInputs, scoreCustomer } from '../read/customer-facts.js';
import type { CustomerFacts, FactNeeds } from './evaluate.js';

/** The clock and configuration rules are evaluated with (the server's read context). */
export interface EvalContext {
  asOf: Date;
  healthWeights?: HealthWeights;
}

/**
 * Facts of the given customers (all customers when `ids` is omitted), in no particular order;
 * unknown ids are skipped.
 */
export async function loadFacts(db: Db, ctx: EvalContext, needs: FactNeeds, ids?: readonly string[]): Promise<CustomerFacts[]> {
  if (ids && ids.length === 0) return [];
  const breakpoints = needs.rfm ? await getRfmBreakpoints(db, ctx.asOf) : null;
  const groups: Array<readonly string[] | undefined> = ids ? chunk([...new Set(ids)], CHUNK) : [undefined];
  const out: CustomerFacts[] = [];
  for (const group of groups) {
    const [inputs, tags] = await Promise.all([
      loadCustomerInputs(db, ctx.asOf, { activity: needs.health || needs.churn, tier: needs.tier }, group),
      needs.tags ? loadTags(db, group) : undefined,
    ]);
    for (const input of inputs) {
      const row = input.base;
      const { metrics, rfm, health, churn } = scoreCustomer(input, breakpoints, ctx.asOf, ctx.healthWeights);
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
      if (needs.health) facts.healthScore = health.score;
      if (needs.churn) facts.churnScore = churn.score;
      out.push(facts);
    }
  }
  return out;
}

function inIds(column: string, ids: readonly string[] | undefined) {
  return ids ? sql`and ${sql.ref(column)} in (${sql.join(ids)})` : sql``;
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
