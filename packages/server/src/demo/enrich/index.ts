/**
 * The demo enrichment, composed: synthetic profiles, then per customer preferences and campaigns,
 * loyalty, support, payments and browsing, generated from the customer's real orders and refunds
 * with per-customer seeds, and applied through {@link applyEvents} — the path of `POST /api/events`
 * — in batches. Event ids are deterministic (`demo:v1:<customer>:<kind>:<n>`), so applying again
 * changes nothing; every event happens between the customer's registration and the as-of date.
 * @module
 */
import { IngestEvent as IngestEventSchema, type IngestEvent } from '@c360/sdk';
import type { Db } from '../../db/connect.js';
import { applyEvents } from '../../ingest/apply-events.js';
import { behaviourEvents } from './behaviour.js';
import { EventLog, loadDemoCustomers, type DemoContext, type DemoCustomer } from './facts.js';
import { loyaltyEvents, loyaltyPlan, planReferrals, type DemoReferral, type LoyaltyPlan } from './loyalty.js';
import { marketingEvents } from './marketing.js';
import { paymentEvents } from './payments.js';
import { preferenceEvents } from './preferences.js';
import { enrichmentEvents } from './profile.js';
import { supportEvents } from './support.js';

export const DEMO_SECTIONS = ['profile', 'marketing', 'loyalty', 'support', 'payments', 'behaviour'] as const;
export type DemoSection = (typeof DEMO_SECTIONS)[number];

export interface DemoEnrichOptions {
  /** Sections to generate (default all); `marketing` includes communication preferences. */
  sections?: readonly DemoSection[];
  /** Customers per `applyEvents` call (one transaction each); default 25. */
  batchCustomers?: number;
}

export interface DemoEnrichSummary {
  customers: number;
  /** Events generated, and how many were new (the others had been applied before). */
  events: number;
  applied: number;
  byType: Partial<Record<IngestEvent['type'], number>>;
}

/** Cross-customer plans: who joins loyalty when, and who referred whom. */
interface SharedPlans {
  loyalty: Map<string, LoyaltyPlan | null>;
  referrals: Map<string, DemoReferral[]>;
}

/**
 * Generates and applies the enrichment for every customer of `db`; `asOf` is the dataset's as-of.
 * Each batch is validated with the SDK's `IngestEvent` schema, as `POST /api/events` does, then
 * applied with {@link applyEvents}.
 * @throws Error naming the event when a generated event is invalid (a bug of the generator), or
 *   IngestConflict when one cannot be applied; the batch is then not applied.
 */
export async function applyDemoEnrichment(db: Db, asOf: string, options: DemoEnrichOptions = {}): Promise<DemoEnrichSummary> {
  const now = new Date(asOf);
  const summary: DemoEnrichSummary = { customers: 0, events: 0, applied: 0, byType: {} };
  for await (const batch of demoEnrichmentBatches(db, asOf, options)) {
    summary.customers = batch.customers;
    if (batch.events.length === 0) continue;
    const events = batch.events.map(validated);
    const result = await applyEvents(db, events, now);
    summary.events += events.length;
    summary.applied += result.applied;
    for (const e of events) summary.byType[e.type] = (summary.byType[e.type] ?? 0) + 1;
  }
  return summary;
}

/**
 * The enrichment of every customer of `db`, in the batches it is applied in: profiles first (so
 * that later timeline entries, e.g. a referral, show generated names), then all sections of
 * `batchCustomers` customers at a time. Reads the database; writes nothing.
 */
export async function* demoEnrichmentBatches(
  db: Db,
  asOf: string,
  options: DemoEnrichOptions = {},
): AsyncGenerator<{ customers: number; events: IngestEvent[] }> {
  const sections = new Set(options.sections ?? DEMO_SECTIONS);
  const perBatch = Math.max(1, options.batchCustomers ?? 25);
  const ctx: DemoContext = { asOf: Date.parse(asOf) };
  const customers = await loadDemoCustomers(db);
  if (sections.has('profile')) {
    for (let i = 0; i < customers.length; i += perBatch * 4) {
      const targets = customers.slice(i, i + perBatch * 4).map((c) => ({ id: c.id, country: c.country, lifetimeValue: c.lifetimeValue }));
      yield { customers: customers.length, events: enrichmentEvents(targets, asOf) };
    }
  }
  const plans = sharedPlans(customers, ctx);
  for (let i = 0; i < customers.length; i += perBatch) {
    yield { customers: customers.length, events: customers.slice(i, i + perBatch).flatMap((c) => customerEvents(c, ctx, sections, plans)) };
  }
}

function validated(event: IngestEvent): IngestEvent {
  const result = IngestEventSchema.safeParse(event);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  throw new Error(`demo enrichment generated an invalid ${event.type} "${event.id}": ${issue.path.join('.')}: ${issue.message}`);
}

/** One customer's events of the chosen sections (profile aside), in time order. */
function customerEvents(customer: DemoCustomer, ctx: DemoContext, sections: ReadonlySet<DemoSection>, plans: SharedPlans): IngestEvent[] {
  const log = new EventLog(customer, ctx);
  const optIns = sections.has('marketing') ? preferenceEvents(log, customer, ctx) : null;
  const campaignVisits = optIns ? marketingEvents(log, customer, ctx, optIns) : [];
  if (sections.has('loyalty'))
    loyaltyEvents(log, customer, ctx, plans.loyalty.get(customer.id) ?? null, plans.referrals.get(customer.id) ?? []);
  if (sections.has('support')) supportEvents(log, customer, ctx);
  if (sections.has('payments')) paymentEvents(log, customer, ctx);
  if (sections.has('behaviour')) behaviourEvents(log, customer, ctx, campaignVisits);
  // Applied in time order, like a real feed; each section generates its own events chronologically
  // and the sort is stable, so an update never precedes what it updates.
  return log.events.sort((a, b) => (a.occurredAt < b.occurredAt ? -1 : a.occurredAt > b.occurredAt ? 1 : 0));
}

function sharedPlans(customers: readonly DemoCustomer[], ctx: DemoContext): SharedPlans {
  const loyalty = new Map(customers.map((c) => [c.id, loyaltyPlan(c, ctx)] as const));
  return { loyalty, referrals: planReferrals(customers, loyalty, ctx) };
}
