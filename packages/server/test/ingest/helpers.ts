/**
 * Helpers for the ingestion tests: posting batches through the real app, a snapshot of every table,
 * and a batch holding one event of every type, in an order that applies cleanly.
 */
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { IngestEventInput } from '@c360/sdk';
import type { Db } from '../../src/db/connect.js';
import type { SampleApp } from '../helpers/sample-db.js';

/** POSTs a batch (array → JSON, string → NDJSON) to /events. */
export function poster(sample: () => SampleApp) {
  return (body: unknown, type = 'application/json') =>
    sample().call('/events', {
      method: 'POST',
      headers: { 'content-type': type },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
}

/** Row count and a content hash of every table of the database (row order does not matter), on either engine. */
export async function snapshotAll(db: Db): Promise<Record<string, { count: number; hash: string }>> {
  const tables = (await db.introspection.getTables())
    .filter((t) => !t.isView)
    .map((t) => t.name)
    .sort();
  const out: Record<string, { count: number; hash: string }> = {};
  for (const name of tables) {
    const { rows } = await sql`select * from ${sql.table(name)}`.execute(db);
    const lines = rows.map((r) => JSON.stringify(r)).sort();
    out[name] = { count: rows.length, hash: createHash('sha256').update(lines.join('\n')).digest('hex').slice(0, 16) };
  }
  return out;
}

/** Rows of `table` where `column` = `value`. */
export async function rowsOf(db: Db, table: string, column: string, value: string): Promise<any[]> {
  const { rows } = await sql`select * from ${sql.table(table)} where ${sql.ref(column)} = ${value}`.execute(db);
  return rows as any[];
}

/** The timeline of a customer, all of it (up to 200 entries). */
export async function timeline(sample: SampleApp, customerId: string): Promise<any[]> {
  const res = await sample.call(`/customers/${encodeURIComponent(customerId)}/timeline?limit=200`);
  if (res.status !== 200) throw new Error(`timeline ${customerId}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.events;
}

type Type = IngestEventInput['type'];
type DataOf<T extends Type> = Extract<IngestEventInput, { type: T }>['data'];

/** An event of `type`; ids are `<prefix>-<n>` unless given. */
export function eventMaker(prefix: string) {
  let n = 0;
  return <T extends Type>(type: T, data: DataOf<T>, at = '2011-12-01T10:00:00.000Z', id?: string): IngestEventInput =>
    ({ id: id ?? `${prefix}-${++n}`, type, occurredAt: at, data }) as IngestEventInput;
}

/**
 * One event of every type for a new customer `customerId` (created first), in an order that
 * applies cleanly: 21 events.
 */
export function everyType(prefix: string, customerId: string): IngestEventInput[] {
  const ev = eventMaker(prefix);
  const c = { customerId };
  const at = (day: number, hour = 10) => `2011-11-${String(day).padStart(2, '0')}T${String(hour).padStart(2, '0')}:00:00.000Z`;
  return [
    ev('customer.upserted', { ...c, name: 'Ada Lovelace', email: `${prefix}@example.com` }, at(1, 8)),
    ev(
      'order.placed',
      {
        ...c,
        orderId: `${prefix}-O1`,
        currency: 'GBP',
        shipping: 4.99,
        lines: [
          {
            productId: `${prefix}-P1`,
            description: 'TEA SET',
            quantity: 2,
            unitPrice: 12.5,
            categoryId: `${prefix}-K1`,
            categoryName: 'Kitchen',
          },
          { productId: `${prefix}-P2`, quantity: 3, unitPrice: 0.333 },
        ],
      },
      at(2),
    ),
    ev('order.status_changed', { ...c, orderId: `${prefix}-O1`, status: 'delivered' }, at(4)),
    ev(
      'payment_method.saved',
      { ...c, methodId: `${prefix}-M1`, type: 'card', brand: 'visa', last4: '4242', expMonth: 4, expYear: 2027, default: true },
      at(2, 9),
    ),
    ev(
      'payment.recorded',
      {
        ...c,
        paymentId: `${prefix}-PAY1`,
        kind: 'charge',
        amount: 31.99,
        currency: 'GBP',
        orderId: `${prefix}-O1`,
        methodId: `${prefix}-M1`,
      },
      at(2, 11),
    ),
    ev(
      'payment.recorded',
      { ...c, paymentId: `${prefix}-REF1`, kind: 'refund', amount: 12.5, currency: 'GBP', orderId: `${prefix}-O1`, reason: 'Broken cup' },
      at(6),
    ),
    ev(
      'ticket.opened',
      { ...c, ticketId: `${prefix}-T1`, subject: 'Broken cup', priority: 'high', channel: 'email', description: 'One cup arrived broken' },
      at(5),
    ),
    ev('ticket.updated', { ...c, ticketId: `${prefix}-T1`, status: 'resolved', csat: 4, nps: 9, comment: 'Refunded the cup' }, at(6, 12)),
    ev('loyalty.enrolled', { ...c, tier: 'silver', referralCode: `${prefix}-REF` }, at(1, 9)),
    ev(
      'loyalty.points_earned',
      { ...c, points: 300, reason: 'Order', orderId: `${prefix}-O1`, expiresAt: '2012-11-02T00:00:00Z' },
      at(4, 11),
    ),
    ev('loyalty.points_redeemed', { ...c, points: 100, reason: 'Discount' }, at(7)),
    ev('loyalty.tier_changed', { ...c, tier: 'gold', reason: 'Spent over £1,000' }, at(8)),
    ev('referral.recorded', { ...c, referralId: `${prefix}-R1`, referredCustomerId: '12347' }, at(9)),
    ev('marketing.email_sent', { ...c, campaignId: `${prefix}-CMP`, campaignName: 'Christmas gifts' }, at(10, 7)),
    ev('marketing.email_delivered', { ...c, campaignId: `${prefix}-CMP` }, at(10, 8)),
    ev('marketing.email_opened', { ...c, campaignId: `${prefix}-CMP` }, at(10, 9)),
    ev('marketing.email_clicked', { ...c, campaignId: `${prefix}-CMP`, url: 'https://shop.example.com/xmas' }, at(10, 10)),
    ev(
      'marketing.email_bounced',
      { ...c, campaignId: `${prefix}-CMP2`, campaignName: 'Winter sale', channel: 'sms', reason: 'Unknown number' },
      at(11),
    ),
    ev(
      'preferences.updated',
      {
        ...c,
        optIns: { email: true, sms: true },
        quietHours: { start: '22:00', end: '07:00' },
        timezone: 'Europe/London',
        language: 'en',
        frequency: 'weekly',
        source: 'preference-centre',
      },
      at(3),
    ),
    ev('marketing.unsubscribed', { ...c, campaignId: `${prefix}-CMP`, reason: 'Too many emails' }, at(12)),
    ev('session.started', { ...c, sessionId: `${prefix}-S1`, device: 'mobile', durationSeconds: 725, source: 'newsletter' }, at(13)),
    ev(
      'product.viewed',
      { ...c, productId: `${prefix}-P3`, productName: 'CAKE STAND', categoryId: `${prefix}-K1`, sessionId: `${prefix}-S1` },
      at(13, 11),
    ),
  ];
}
