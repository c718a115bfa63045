/**
 * The raw floor of `c360 seed`: the base rows the ingestion path writes for the seed's events —
 * idempotency key, customer, order + lines (+ products named), refund, loyalty account and points,
 * ticket, campaign + marketing event, session, and one timeline row per event — inserted with
 * better-sqlite3 prepared statements in chunked transactions (same chunk size, same pragmas as the
 * server's connection). Not included: what the write path derives per batch (customer and product
 * statistics, scores and score history, rule segments, the change feed, notifications) and its
 * per-event lookups (customer, owner, currency checks).
 * @module
 */
import SQLite from 'better-sqlite3';
import type { IngestEvent } from '@c360/sdk';
import { toMicros, toMinor, utc } from '../../packages/server/src/ingest/shared.js';
import { orderTotalMinor } from '../../packages/server/src/scoring/money.js';
import { customerSearchText } from '../../packages/server/src/aggregate/search-text.js';

/** Opens `file` (already migrated) with the server's pragmas and page cache (db/dialects/sqlite.ts defaults). */
export function openFloor(file: string): SQLite.Database {
  const conn = new SQLite(file);
  conn.pragma('journal_mode = WAL');
  conn.pragma('synchronous = NORMAL');
  conn.pragma('cache_size = -65536');
  conn.pragma(`mmap_size = ${2 ** 30}`);
  conn.pragma('foreign_keys = ON');
  return conn;
}

/** A writer of validated events' base rows; `write(chunk)` is one transaction. */
export function floorWriter(conn: SQLite.Database, receivedAt: string): (events: readonly IngestEvent[]) => void {
  const ins = (table: string, columns: string[], verb = 'insert') =>
    conn.prepare(`${verb} into "${table}" (${columns.join(', ')}) values (${columns.map(() => '?').join(', ')})`);
  const s = {
    key: ins('idempotency_keys', ['key', 'kind', 'received_at']),
    customer: ins('customers', [
      'id',
      'name',
      'email',
      'phone',
      'search_text',
      'country',
      'registered_at',
      'status',
      'vip',
      'currency',
      'synthetic',
      'created_at',
      'updated_at',
    ]),
    product: ins(
      'products',
      ['id', 'name', 'lines_sold', 'units_sold', 'revenue_minor', 'guest_lines', 'guest_units', 'guest_revenue_minor', 'currency'],
      'insert or ignore',
    ),
    order: ins('orders', [
      'id',
      'customer_id',
      'number',
      'status',
      'placed_at',
      'currency',
      'subtotal_minor',
      'shipping_minor',
      'total_minor',
      'items_count',
      'quantity',
      'source',
    ]),
    item: ins('order_items', ['id', 'order_id', 'line_no', 'product_id', 'description', 'quantity', 'unit_price_micros']),
    payment: ins('payments', ['id', 'customer_id', 'order_id', 'kind', 'status', 'amount_minor', 'currency', 'occurred_at']),
    loyalty: ins('loyalty_accounts', ['customer_id', 'tier', 'points_balance', 'lifetime_points', 'enrolled_at'], 'insert or replace'),
    points: ins('loyalty_transactions', ['id', 'customer_id', 'kind', 'points', 'reason', 'occurred_at']),
    ticket: ins(
      'tickets',
      ['id', 'customer_id', 'subject', 'status', 'priority', 'channel', 'created_at', 'resolved_at', 'csat'],
      'insert or replace',
    ),
    campaign: ins('campaigns', ['id', 'name', 'channel', 'sent_at'], 'insert or ignore'),
    marketing: ins('marketing_events', ['id', 'customer_id', 'campaign_id', 'channel', 'type', 'occurred_at']),
    session: ins('sessions', ['id', 'customer_id', 'started_at', 'duration_seconds', 'device', 'source']),
    activity: ins('activity', [
      'id',
      'customer_id',
      'type',
      'title',
      'description',
      'occurred_at',
      'amount_minor',
      'currency',
      'ref_kind',
      'ref_id',
    ]),
  };
  const one = (e: IngestEvent) => {
    s.key.run(`event:${e.id}`, e.type, receivedAt);
    const at = utc(e.occurredAt);
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the floor writes whatever fields each event type has
    const d = e.data as Record<string, any>;
    const act = (id: string, type: string, title: string, amount: number | null = null) =>
      s.activity.run(id, d.customerId, type, title, null, at, amount, amount === null ? null : 'GBP', null, null);
    switch (e.type) {
      case 'customer.upserted':
        s.customer.run(
          d.customerId,
          d.name,
          d.email,
          d.phone,
          customerSearchText(d as { name: string }),
          d.country,
          utc(d.registeredAt),
          'active',
          0,
          d.currency,
          1,
          receivedAt,
          receivedAt,
        );
        return act(`account:${e.id}`, 'account', 'Customer created');
      case 'order.placed': {
        const lines = (d.lines as Array<{ productId: string; description?: string; quantity: number; unitPrice: number }>).map((l) => ({
          ...l,
          unitPriceMicros: toMicros(l.unitPrice),
        }));
        const total = orderTotalMinor(lines, d.currency);
        s.order.run(
          d.orderId,
          d.customerId,
          d.orderId,
          d.status,
          at,
          d.currency,
          total,
          0,
          total,
          lines.length,
          lines.reduce((q, l) => q + l.quantity, 0),
          'events',
        );
        lines.forEach((l, i) => {
          s.product.run(l.productId, l.description ?? l.productId, 0, 0, 0, 0, 0, 0, d.currency);
          s.item.run(`${d.orderId}:${i + 1}`, d.orderId, i + 1, l.productId, l.description ?? null, l.quantity, l.unitPriceMicros);
        });
        return act(`order:${d.orderId}`, 'order', `Order ${d.orderId}`, total);
      }
      case 'payment.recorded': {
        const amount = toMinor(d.amount, d.currency);
        s.payment.run(d.paymentId, d.customerId, d.orderId ?? null, d.kind, d.status, amount, d.currency, at);
        return act(`payment:${d.paymentId}`, 'refund', 'Refund issued', amount);
      }
      case 'loyalty.enrolled':
        s.loyalty.run(d.customerId, d.tier, 0, 0, at);
        return act(`event:${e.id}`, 'loyalty', 'Joined loyalty');
      case 'loyalty.points_earned':
        s.points.run(e.id, d.customerId, 'earned', d.points, d.reason ?? null, at);
        return act(`event:${e.id}`, 'loyalty', `Earned ${d.points} points`);
      case 'ticket.opened':
        s.ticket.run(d.ticketId, d.customerId, d.subject, 'open', d.priority, d.channel ?? null, at, null, null);
        return act(`ticket:${d.ticketId}`, 'ticket', d.subject);
      case 'ticket.updated':
        s.ticket.run(d.ticketId, d.customerId, 'updated', 'resolved', 'normal', null, at, at, d.csat ?? null);
        return act(`event:${e.id}`, 'ticket', 'Ticket resolved');
      case 'marketing.email_sent':
      case 'marketing.email_opened':
      case 'marketing.email_clicked':
        s.campaign.run(d.campaignId, d.campaignName ?? d.campaignId, 'email', at);
        s.marketing.run(e.id, d.customerId, d.campaignId, 'email', e.type.slice('marketing.email_'.length), at);
        return act(`event:${e.id}`, 'marketing', e.type);
      case 'session.started':
        s.session.run(d.sessionId, d.customerId, at, d.durationSeconds, d.device, d.source ?? null);
        return act(`session:${d.sessionId}`, 'session', 'Visited the shop');
      default:
        throw new Error(`seed floor: no rows for ${e.type}`);
    }
  };
  return conn.transaction((events: readonly IngestEvent[]) => {
    for (const e of events) one(e);
  }) as unknown as (events: readonly IngestEvent[]) => void;
}
