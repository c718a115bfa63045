/**
 * Applies ingestion events: each batch in one transaction, each event once (its `id` is recorded
 * in `idempotency_keys`), each with its timeline entry. Validation happens before, at the edge,
 * with the SDK's `IngestEvent` schema; what can only be checked against the data (unknown customer,
 * more points redeemed than the balance…) rejects the whole batch with an {@link IngestConflict}.
 *
 * The batch's idempotency keys and customers are read up front (ingest/batch-lookups.ts) and the
 * rows no event reads back are collected and written set-based after the last event
 * (ingest/batch-rows.ts); events still apply in order, each seeing what the earlier ones did.
 *
 * One applier module per event family, each writing its rows and one `activity` row with a
 * deterministic id — `order:<orderId>`, `payment:<paymentId>`, `ticket:<ticketId>`,
 * `session:<sessionId>` for records, `event:<event id>` for everything else — so a replay, even one
 * that bypassed the idempotency keys, upserts the same rows instead of adding new ones.
 * @module
 */
import type { IngestEvent, IngestResult } from '@c360/sdk';
import type { Db } from '../db/connect.js';
import { StatsDelta } from '../aggregate/stats-delta.js';
import { BatchRows } from './batch-rows.js';
import { lookUpCustomers, RecordOwners, recordIds, reserveEventKeys } from './batch-lookups.js';
import { refreshRuleSegments } from '../segments/recompute.js';
import { EventConflict, IngestConflict } from './conflict.js';
import { applyCustomerUpserted } from './customer-upserted.js';
import { applyOrderPlaced, applyOrderStatusChanged } from './orders.js';
import { applyPaymentMethodSaved, applyPaymentRecorded } from './payments.js';
import { applyTicketOpened, applyTicketUpdated } from './tickets.js';
import { applyLoyaltyEnrolled, applyLoyaltyPoints, applyLoyaltyTierChanged, applyReferralRecorded } from './loyalty.js';
import { applyMarketingEvent } from './marketing.js';
import { applyPreferencesUpdated } from './preferences.js';
import { applyProductViewed, applySessionStarted } from './behaviour.js';
import type { Applied, CustomerRef } from './shared.js';
import { runWrite, runWriteIn, type WriteScope } from '../write/pipeline.js';
import { activityIdOf, draftsOf } from '../realtime/sections.js';
import { recordScoreChanges } from '../scores/score-changes.js';
import { raiseBatchNotifications } from '../notifications/raise.js';
import type { Trigger } from '../notifications/rules.js';

export type { Applied, CustomerRef } from './shared.js';
export { EventConflict, IngestConflict } from './conflict.js';

/**
 * Applies a validated batch atomically. Events whose id was already received are skipped.
 * Returns counts.
 * @throws IngestConflict (a 422 problem naming `body.<index>.<field>`) when an event cannot be
 *   applied; nothing of the batch is then written.
 */
export async function applyEvents(db: Db, events: readonly IngestEvent[], now: Date = new Date()): Promise<IngestResult> {
  // the write pipeline: one transaction, the change feed recorded in it, subscribers woken after the commit
  return runWrite(db, (w) => applyBatch(w, events), now);
}

/**
 * {@link applyEvents} inside the caller's transaction (a quick action composes ingestion events into
 * its own write; it wakes subscribers after its commit). Conflict indexes are positions in `events`.
 */
export async function applyEventsIn(trx: Db, events: readonly IngestEvent[], now: Date): Promise<IngestResult> {
  return runWriteIn(trx, (w) => applyBatch(w, events), now);
}

async function applyBatch(w: WriteScope, events: readonly IngestEvent[]): Promise<IngestResult> {
  const { trx, now } = w;
  const fresh = await reserveEventKeys(trx, events, now); // positions of the events not received before
  const changed = new Set<string>(); // every customer an applied event is about (rule segments)
  const stats = new StatsDelta(); // before-states of the orders and payments the batch changes
  const rows = new BatchRows(); // timeline entries, order lines and catalogue mentions, written set-based below
  const appliedEvents: IngestEvent[] = []; // for the notification rules
  const customers = await lookUpCustomers(trx, events, fresh); // customer.upserted updates its entry
  const placed = recordIds(events, fresh);
  const orders = await RecordOwners.load(trx, 'orders', placed.orders);
  const sessions = await RecordOwners.load(trx, 'sessions', placed.sessions);
  for (const [index, event] of events.entries()) {
    if (!fresh.has(index)) continue;
    try {
      const result = await applyOne(trx, event, now, { stats, rows, customers, orders, sessions });
      changed.add(result.customerId);
      w.change(draftsOf(result.customerId, event.type, activityIdOf(event), `event:${event.id}`)); // the change feed (R18)
    } catch (error) {
      if (error instanceof EventConflict) throw new IngestConflict(index, event, error);
      throw error;
    }
    appliedEvents.push(event);
  }
  await rows.flush(trx);
  const delta = await stats.apply(trx); // customer and product statistics by the batch's delta
  const derived = await refreshRuleSegments(trx, [...changed], { now, statsRecomputed: delta.customers > 0 });
  const scoreTriggers: Trigger[] = [];
  w.change(await recordScoreChanges(trx, [...changed], now, scoreTriggers, derived)); // significant health/churn changes (R12.5, R13.5)
  await raiseBatchNotifications(trx, appliedEvents, scoreTriggers, now); // notifications of the built-in rules
  const applied = appliedEvents.length;
  return { received: events.length, applied, duplicates: events.length - applied };
}

/** What the appliers of one batch share. */
interface BatchState {
  stats: StatsDelta;
  rows: BatchRows;
  /** Customers looked up for the batch (null: absent); `customer.upserted` sets its own. */
  customers: Map<string, CustomerRef | null>;
  /** Owners of the orders and sessions the batch writes. */
  orders: RecordOwners;
  sessions: RecordOwners;
}

/** The customer an event names (from the batch's lookup when there); every event but `customer.upserted` needs an existing one. */
async function knownCustomer(db: Db, customerId: string, seen: Map<string, CustomerRef | null>): Promise<CustomerRef> {
  let row = seen.get(customerId);
  if (row === undefined) {
    row = (await db.selectFrom('customers').select(['id', 'name', 'currency']).where('id', '=', customerId).executeTakeFirst()) ?? null;
    seen.set(customerId, row);
  }
  if (!row)
    throw new EventConflict(
      'data.customerId',
      `unknown customer "${customerId}"; send its customer.upserted first (earlier in the same batch is fine)`,
    );
  return row;
}

async function applyOne(db: Db, event: IngestEvent, now: Date, batch: BatchState): Promise<Applied> {
  const { stats, rows } = batch;
  if (event.type === 'customer.upserted') {
    const absent = batch.customers.get(event.data.customerId) === null;
    const result = await applyCustomerUpserted(db, event, now, stats, rows, absent);
    batch.customers.set(result.customerId, result.customer); // its name or currency may have changed
    return result;
  }
  const customer = await knownCustomer(db, event.data.customerId, batch.customers);
  switch (event.type) {
    case 'order.placed':
      return applyOrderPlaced(db, event, customer, stats, rows, batch.orders);
    case 'order.status_changed':
      return applyOrderStatusChanged(db, event, customer, stats, rows);
    case 'payment.recorded':
      return applyPaymentRecorded(db, event, customer, stats, rows);
    case 'payment_method.saved':
      return applyPaymentMethodSaved(db, event, customer, rows);
    case 'ticket.opened':
      return applyTicketOpened(db, event, customer, rows);
    case 'ticket.updated':
      return applyTicketUpdated(db, event, customer, rows);
    case 'loyalty.enrolled':
      return applyLoyaltyEnrolled(db, event, customer, rows);
    case 'loyalty.points_earned':
    case 'loyalty.points_redeemed':
      return applyLoyaltyPoints(db, event, customer, rows);
    case 'loyalty.tier_changed':
      return applyLoyaltyTierChanged(db, event, customer, rows);
    case 'referral.recorded':
      return applyReferralRecorded(db, event, customer, rows);
    case 'marketing.email_sent':
    case 'marketing.email_delivered':
    case 'marketing.email_opened':
    case 'marketing.email_clicked':
    case 'marketing.email_bounced':
    case 'marketing.unsubscribed':
      return applyMarketingEvent(db, event, customer, rows);
    case 'preferences.updated':
      return applyPreferencesUpdated(db, event, customer, rows);
    case 'session.started':
      return applySessionStarted(db, event, customer, rows, batch.sessions);
    case 'product.viewed':
      return applyProductViewed(db, event, customer, rows);
    default:
      return unreachable(event);
  }
}

function unreachable(event: never): never {
  throw new Error(`no applier for event type ${(event as IngestEvent).type}`);
}
