/**
 * The floor of ingestion: the rows `applyEvents` ends up adding for a batch — idempotency key, the
 * record (order + lines, payment, marketing event, session, ticket + its opening event) and its
 * timeline entry — inserted with better-sqlite3 prepared statements in one transaction per batch.
 * Rows are computed before timing (money converted with the server's own helpers). Not included:
 * the per-event lookups (customer, owner and currency checks, campaign name), catalogue and campaign
 * upserts, product sales statistics, and the per-batch `customer_stats` and rule-segment recompute.
 * @module
 */
import type SQLite from 'better-sqlite3';
import type { IngestEvent } from '@c360/sdk';
import { toMicros, toMinor, utc } from '../../packages/server/src/ingest/shared.js';
import { orderTotalMinor } from '../../packages/server/src/scoring/money.js';

type Params = unknown[];
/** One batch as statement name → parameter lists, in insertion order per table. */
export type RawBatch = Array<[keyof ReturnType<typeof statements>, Params]>;

function statements(conn: SQLite.Database) {
  const insert = (table: string, columns: string[]) =>
    conn.prepare(`insert into "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) values (${columns.map(() => '?').join(', ')})`);
  return {
    key: insert('idempotency_keys', ['key', 'kind', 'received_at']),
    order: insert('orders', [
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
    item: insert('order_items', ['id', 'order_id', 'line_no', 'product_id', 'description', 'quantity', 'unit_price_micros']),
    payment: insert('payments', [
      'id',
      'customer_id',
      'order_id',
      'kind',
      'status',
      'amount_minor',
      'currency',
      'method_id',
      'reference',
      'occurred_at',
    ]),
    marketing: insert('marketing_events', ['id', 'customer_id', 'campaign_id', 'channel', 'type', 'occurred_at']),
    session: insert('sessions', ['id', 'customer_id', 'started_at', 'duration_seconds', 'device', 'source']),
    ticket: insert('tickets', [
      'id',
      'customer_id',
      'subject',
      'status',
      'priority',
      'channel',
      'created_at',
      'resolved_at',
      'csat',
      'nps',
    ]),
    ticketEvent: insert('ticket_events', ['id', 'ticket_id', 'type', 'body', 'actor', 'occurred_at']),
    activity: insert('activity', [
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
}

/** The rows of a validated batch (the event types of `events.ts`). */
export function rawRows(events: readonly IngestEvent[], receivedAt: string): RawBatch {
  const out: RawBatch = [];
  for (const e of events) {
    out.push(['key', [`event:${e.id}`, e.type, receivedAt]]);
    const at = utc(e.occurredAt);
    switch (e.type) {
      case 'order.placed': {
        const d = e.data;
        const lines = d.lines.map((l) => ({ ...l, unitPriceMicros: toMicros(l.unitPrice) }));
        const total = orderTotalMinor(lines, d.currency);
        const quantity = lines.reduce((s, l) => s + l.quantity, 0);
        out.push([
          'order',
          [d.orderId, d.customerId, d.number ?? d.orderId, d.status, at, d.currency, total, 0, total, lines.length, quantity, 'events'],
        ]);
        lines.forEach((l, i) =>
          out.push([
            'item',
            [`${d.orderId}:${i + 1}`, d.orderId, i + 1, l.productId, l.description ?? null, l.quantity, l.unitPriceMicros],
          ]),
        );
        out.push([
          'activity',
          [
            `order:${d.orderId}`,
            d.customerId,
            'order',
            `Order ${d.orderId}`,
            `${lines.length} lines · ${quantity} items`,
            at,
            total,
            d.currency,
            'order',
            d.orderId,
          ],
        ]);
        break;
      }
      case 'payment.recorded': {
        const d = e.data;
        const amount = toMinor(d.amount, d.currency);
        out.push([
          'payment',
          [d.paymentId, d.customerId, d.orderId ?? null, d.kind, d.status, amount, d.currency, d.methodId ?? null, d.reference ?? null, at],
        ]);
        out.push([
          'activity',
          [
            `payment:${d.paymentId}`,
            d.customerId,
            d.kind === 'refund' ? 'refund' : 'payment',
            'Payment received',
            d.orderId ? `Order ${d.orderId} · ref ${d.reference}` : `ref ${d.reference}`,
            at,
            amount,
            d.currency,
            'payment',
            d.paymentId,
          ],
        ]);
        break;
      }
      case 'marketing.email_opened': {
        const d = e.data;
        out.push(['marketing', [e.id, d.customerId, d.campaignId, d.channel, 'opened', at]]);
        out.push([
          'activity',
          [`event:${e.id}`, d.customerId, 'marketing', `Email opened: ${d.campaignId}`, null, at, null, null, 'campaign', d.campaignId],
        ]);
        break;
      }
      case 'session.started': {
        const d = e.data;
        out.push(['session', [d.sessionId, d.customerId, at, d.durationSeconds, d.device, d.source ?? null]]);
        out.push([
          'activity',
          [
            `session:${d.sessionId}`,
            d.customerId,
            'session',
            `Visited the shop on ${d.device}`,
            `${Math.round(d.durationSeconds / 60)} min`,
            at,
            null,
            null,
            'session',
            d.sessionId,
          ],
        ]);
        break;
      }
      case 'ticket.opened': {
        const d = e.data;
        out.push(['ticket', [d.ticketId, d.customerId, d.subject, 'open', d.priority, d.channel ?? null, at, null, null, null]]);
        out.push(['ticketEvent', [`${e.id}:opened`, d.ticketId, 'opened', d.description ?? null, d.actor ?? null, at]]);
        out.push([
          'activity',
          [
            `ticket:${d.ticketId}`,
            d.customerId,
            'ticket',
            `Ticket opened: ${d.subject}`,
            `${d.priority} priority · ${d.description}`,
            at,
            null,
            null,
            'ticket',
            d.ticketId,
          ],
        ]);
        break;
      }
      default:
        throw new Error(`raw ingestion floor: no rows for ${e.type}`);
    }
  }
  return out;
}

/** Inserts one batch's rows in one transaction on `conn` (writable, same pragmas as the server). */
export function rawInserter(conn: SQLite.Database): (batch: RawBatch) => number {
  const s = statements(conn);
  const tx = conn.transaction((batch: RawBatch) => {
    for (const [name, params] of batch) s[name].run(...params);
    return batch.length;
  });
  return (batch) => tx(batch);
}
