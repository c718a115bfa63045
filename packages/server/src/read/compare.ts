/**
 * GET /customers/compare — 2–3 customers side by side (R16): each one's 360 metrics and scores
 * (the same computation as GET /customers/:id/360) and engagement counts, which of them is highest
 * and lowest on each compared field, and which segments they share.
 * @module
 */
import type { ComparedCustomer, ComparedField, ComparisonDifference, CustomerComparison } from '@c360/sdk';
import { COMPARED_FIELDS } from '@c360/sdk';
import { customerNotFound } from '../core/problem.js';
import type { ReadContext } from '../core/read-context.js';
import { readCustomer360 } from './customer-360.js';

/** The value of a compared field for one customer (null: not applicable). */
function fieldValue(c: ComparedCustomer, field: ComparedField): number | null {
  switch (field) {
    case 'healthScore':
      return c.health.score;
    case 'churnScore':
      return c.churn.score;
    case 'engagementScore':
      return c.engagement.score;
    case 'sessions90':
      return c.engagement.sessions90;
    case 'emailOpens90':
      return c.engagement.emailOpens90;
    default:
      return c.metrics[field];
  }
}

/**
 * One row of `differences`: values in customer order; `highest`/`lowest` the first customer with
 * the largest/smallest present value, null unless at least two present values differ.
 */
export function difference(field: ComparedField, customers: readonly ComparedCustomer[]): ComparisonDifference {
  const values = customers.map((c) => fieldValue(c, field));
  let hi = -1;
  let lo = -1;
  values.forEach((v, i) => {
    if (v === null) return;
    if (hi < 0 || v > values[hi]!) hi = i;
    if (lo < 0 || v < values[lo]!) lo = i;
  });
  const differs = hi >= 0 && values[hi] !== values[lo];
  return {
    field,
    values,
    highest: differs ? customers[hi]!.id : null,
    lowest: differs ? customers[lo]!.id : null,
    differs,
  };
}

export async function compareCustomers(ctx: ReadContext, ids: readonly string[]): Promise<CustomerComparison> {
  const { db, asOf } = ctx;
  const known = new Set(
    (
      await db
        .selectFrom('customers')
        .select('id')
        .where('id', 'in', [...ids])
        .execute()
    ).map((r) => r.id),
  );
  const missing = ids.find((id) => !known.has(id));
  if (missing !== undefined) throw customerNotFound(missing);

  const customers: ComparedCustomer[] = [];
  for (const id of ids) {
    const { view, engagement } = await readCustomer360(ctx, id);
    customers.push({
      id,
      name: view.profile.name,
      email: view.profile.email,
      country: view.profile.country,
      currency: view.metrics.currency,
      registeredAt: view.profile.registeredAt,
      metrics: view.metrics,
      health: { score: view.health.score, level: view.health.level },
      churn: { score: view.churn.score, level: view.churn.level },
      rfm: view.rfm,
      engagement: {
        score: view.health.factors.find((f) => f.name === 'engagement')?.value ?? 0,
        orders90: engagement.recent90.orders,
        emailOpens90: engagement.recent90.emailOpens,
        emailClicks90: engagement.recent90.emailClicks,
        sessions90: engagement.recent90.sessions,
      },
      segments: view.segments,
      tags: view.tags,
    });
  }

  const ref = (s: ComparedCustomer['segments'][number]) => ({ id: s.id, name: s.name, kind: s.kind });
  const shared = customers[0]!.segments.filter((s) => customers.every((c) => c.segments.some((t) => t.id === s.id))).map(ref);
  const sharedIds = new Set(shared.map((s) => s.id));
  const byCustomer = Object.fromEntries(customers.map((c) => [c.id, c.segments.filter((s) => !sharedIds.has(s.id)).map(ref)]));

  return {
    asOf: asOf.toISOString(),
    customers,
    differences: COMPARED_FIELDS.map((field) => difference(field, customers)),
    segments: { shared, byCustomer },
  };
}
