/**
 * Everything one customer export holds (R17, design Property 9): the sections of the 360 view,
 * read with the very functions the API routes use — same as-of, same payment masking (R19.2), same
 * note visibility (R19.4) — so a file never shows more, less or other numbers than the screen.
 * @module
 */
import {
  can,
  NotesQuery,
  OrdersQuery,
  TimelineQuery,
  type BehaviorAnalytics,
  type Customer360,
  type LoyaltyStatus,
  type MarketingEngagement,
  type Note,
  type OrderSummary,
  type OrdersPage,
  type PaymentsOverview,
  type SupportHistory,
  type TimelineEvent,
} from '@c360/sdk';
import type { Actor } from '../core/actor.js';
import type { ReadContext } from '../core/read-context.js';
import { loadCustomer360 } from '../read/customer-360.js';
import { loadOrders } from '../read/orders.js';
import { loadLoyalty } from '../read/loyalty.js';
import { loadMarketing } from '../read/marketing.js';
import { loadSupport } from '../read/support.js';
import { loadPayments } from '../read/payments.js';
import { loadAnalytics } from '../read/analytics.js';
import { loadNotes } from '../read/notes.js';
import { loadTimeline } from '../read/timeline.js';

/** How many timeline entries an export shows (the most recent). */
export const EXPORT_TIMELINE_LIMIT = 50;

export interface CustomerReport {
  view: Customer360;
  /** Order totals of GET /orders, with every order (all pages), newest first. */
  orders: Omit<OrdersPage, 'orders' | 'nextCursor'> & { orders: OrderSummary[] };
  loyalty: LoyaltyStatus;
  marketing: MarketingEngagement;
  support: SupportHistory;
  payments: PaymentsOverview;
  analytics: BehaviorAnalytics;
  /** Every note the actor may read, newest first. */
  notes: Note[];
  /** The most recent {@link EXPORT_TIMELINE_LIMIT} timeline entries, newest first. */
  timeline: TimelineEvent[];
}

/** Who exported, when, at which as-of. */
export interface ExportMeta {
  exportedAt: Date;
  actor: Pick<Actor, 'name' | 'role'>;
}

/** Loads every section for `actor` (404 problem for an unknown id). */
export async function loadCustomerReport(ctx: ReadContext, actor: Actor, customerId: string): Promise<CustomerReport> {
  const view = await loadCustomer360(ctx, customerId); // first: throws the 404
  const masked = !can(actor.role, 'payments:full');
  const [orders, loyalty, marketing, support, payments, analytics, notes, timeline] = await Promise.all([
    allOrders(ctx, customerId),
    loadLoyalty(ctx, customerId),
    loadMarketing(ctx, customerId),
    loadSupport(ctx, customerId),
    loadPayments(ctx, customerId, { unmasked: !masked }),
    loadAnalytics(ctx, customerId),
    allNotes(ctx, actor, customerId),
    loadTimeline(ctx.db, customerId, TimelineQuery.parse({ limit: EXPORT_TIMELINE_LIMIT }), { maskPayments: masked }),
  ]);
  return { view, orders, loyalty, marketing, support, payments, analytics, notes, timeline: timeline.events };
}

async function allOrders(ctx: ReadContext, customerId: string): Promise<CustomerReport['orders']> {
  const orders: OrderSummary[] = [];
  let cursor: string | undefined;
  let first: OrdersPage | undefined;
  do {
    const page = await loadOrders(ctx.db, customerId, OrdersQuery.parse({ limit: 200, ...(cursor ? { cursor } : {}) }));
    first ??= page;
    orders.push(...page.orders);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  const { orders: _page, nextCursor: _next, ...totals } = first;
  return { ...totals, orders };
}

async function allNotes(ctx: ReadContext, actor: Actor, customerId: string): Promise<Note[]> {
  const notes: Note[] = [];
  let cursor: string | undefined;
  do {
    const page = await loadNotes(ctx.db, actor, customerId, NotesQuery.parse({ limit: 200, ...(cursor ? { cursor } : {}) }));
    notes.push(...page.notes);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return notes;
}

/** `c360-17850-2011-12-09.pdf`: the customer id (filename-safe) and the as-of date. */
export function exportFilename(customerId: string, asOf: string, format: 'pdf' | 'csv' | 'xlsx'): string {
  const safe = customerId.replace(/[^A-Za-z0-9._-]+/g, '_').slice(0, 80) || 'customer';
  return `c360-${safe}-${asOf.slice(0, 10)}.${format}`;
}

/** Money with its currency, as the elements show it (en-GB: £5,391.21). */
export function formatMoney(amount: number | null | undefined, currency: string): string {
  if (amount === null || amount === undefined) return '—';
  return new Intl.NumberFormat('en-GB', { style: 'currency', currency }).format(amount);
}
