/**
 * A batch is applied set-based (ingest/batch-lookups.ts, ingest/batch-rows.ts: keys and customers
 * read up front, write-only rows collected and written per table at the end) yet must store exactly
 * what applying its events one per batch stores. The batch here leans on what the collected rows
 * must get right: an order placed in an earlier batch placed again and its status changed, an order
 * placed twice in the batch with a status change and payments in between, a session sent twice,
 * a product view naming a product an earlier order left with a placeholder name, campaign events
 * with and without a name, ticket events, and an event id sent twice.
 */
import { IngestEvent, type IngestEventInput } from '@c360/sdk';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/connect.js';
import { applyEvents } from '../../src/ingest/apply-events.js';
import { openSampleApp, type SampleApp } from '../helpers/sample-db.js';
import { everyType, eventMaker } from './helpers.js';

let whole: SampleApp;
let oneByOne: SampleApp;
beforeAll(async () => {
  [whole, oneByOne] = await Promise.all([openSampleApp(), openSampleApp()]);
});
afterAll(async () => {
  await Promise.all([whole.close(), oneByOne.close()]);
});

const NOW = new Date('2011-12-10T09:00:00.000Z');
const at = (day: number, hour = 10) => `2011-11-${String(day).padStart(2, '0')}T${String(hour).padStart(2, '0')}:00:00.000Z`;
const ev = eventMaker('bseqx');
const c = { customerId: 'BSEQ-C' };

/** Applied to both databases first: a customer with a stored order. */
const setup: IngestEventInput[] = [
  ev('customer.upserted', { ...c, name: 'Stored Order' }, at(1)),
  ev(
    'order.placed',
    { ...c, orderId: 'BSEQ-O0', currency: 'GBP', status: 'completed', lines: [{ productId: 'BSEQ-P0', quantity: 1, unitPrice: 5 }] },
    at(1),
  ),
];

function batch(): IngestEventInput[] {
  const all = everyType('bseq', 'BSEQ-C2');
  const c2 = { customerId: 'BSEQ-C2' };
  return [
    ...all,
    // the stored order placed again (other lines), then cancelled
    ev(
      'order.placed',
      { ...c, orderId: 'BSEQ-O0', currency: 'GBP', status: 'completed', lines: [{ productId: 'BSEQ-P9', quantity: 2, unitPrice: 1.5 }] },
      at(14),
    ),
    ev('order.status_changed', { ...c, orderId: 'BSEQ-O0', status: 'cancelled', reason: 'Out of stock' }, at(15)),
    // bseq-O1 (placed and delivered above) placed again in the same batch, then paid and completed
    ev(
      'order.placed',
      {
        ...c2,
        orderId: 'bseq-O1',
        number: 'W-77',
        currency: 'GBP',
        status: 'pending',
        lines: [
          { productId: 'bseq-P2', quantity: 1, unitPrice: 2 },
          { productId: 'BSEQ-P8', quantity: 4, unitPrice: 0.25, categoryId: 'BSEQ-K8' },
        ],
      },
      at(16),
    ),
    ev('payment.recorded', { ...c2, paymentId: 'BSEQ-PAY2', kind: 'charge', amount: 3, currency: 'GBP', orderId: 'bseq-O1' }, at(16, 11)),
    ev('order.status_changed', { ...c2, orderId: 'bseq-O1', status: 'completed' }, at(17)),
    // the session again, with its final duration; a view naming the placeholder product bseq-P2
    ev('session.started', { ...c2, sessionId: 'bseq-S1', device: 'mobile', durationSeconds: 1500, source: 'newsletter' }, at(13)),
    ev('product.viewed', { ...c2, productId: 'bseq-P2', productName: 'SAUCER', categoryId: 'BSEQ-K8', categoryName: 'Crockery' }, at(18)),
    ev('marketing.email_sent', { ...c2, campaignId: 'bseq-CMP', campaignName: 'Christmas gifts (final)' }, at(9)),
    ev('marketing.email_opened', { ...c2, campaignId: 'bseq-CMP2', channel: 'sms' }, at(19)),
    ev('ticket.updated', { ...c2, ticketId: 'bseq-T1', status: 'open', comment: 'Reopened' }, at(19, 12)),
    all[1]!, // an id sent twice: the second is a duplicate
  ];
}

/** Every row of the tables a batch writes (ordered), but the derived score and segment entries. */
async function stored(db: Db): Promise<Record<string, unknown[]>> {
  const tables: Record<string, string> = {
    customers: 'id',
    customer_stats: 'customer_id',
    orders: 'id',
    order_items: 'id',
    products: 'id',
    categories: 'id',
    payments: 'id',
    payment_methods: 'id',
    sessions: 'id',
    page_views: 'id',
    campaigns: 'id',
    marketing_events: 'id',
    tickets: 'id',
    ticket_events: 'id',
    loyalty_accounts: 'customer_id',
    loyalty_transactions: 'id',
    referrals: 'id',
    preferences: 'customer_id',
    consent_log: 'id',
    idempotency_keys: 'key',
  };
  const out: Record<string, unknown[]> = {};
  for (const [table, key] of Object.entries(tables)) {
    out[table] = (await sql`select * from ${sql.table(table)} order by ${sql.ref(key)}`.execute(db)).rows;
  }
  out.activity = (
    await sql`select * from activity where type not in ('score', 'segment') and customer_id like 'BSEQ-%' order by id`.execute(db)
  ).rows;
  return out;
}

describe('a batch applied set-based', () => {
  it('stores exactly what its events applied one per batch store', async () => {
    for (const sample of [whole, oneByOne])
      await applyEvents(
        sample.db,
        setup.map((e) => IngestEvent.parse(e)),
        NOW,
      );
    const events = batch().map((e) => IngestEvent.parse(e));
    expect(await applyEvents(whole.db, events, NOW)).toEqual({ received: events.length, applied: events.length - 1, duplicates: 1 });
    for (const event of events) await applyEvents(oneByOne.db, [event], NOW);

    const [a, b] = [await stored(whole.db), await stored(oneByOne.db)];
    for (const table of Object.keys(a)) expect({ table, rows: a[table] }).toEqual({ table, rows: b[table] });
    // what the batch's dependencies left
    const order = a.orders!.find((o: any) => o.id === 'bseq-O1') as any;
    expect(order).toMatchObject({ number: 'W-77', status: 'completed', items_count: 2 });
    expect(a.order_items!.filter((l: any) => l.order_id === 'bseq-O1')).toHaveLength(2);
    expect(a.order_items!.filter((l: any) => l.order_id === 'BSEQ-O0').map((l: any) => l.product_id)).toEqual(['BSEQ-P9']);
    expect(a.products!.find((p: any) => p.id === 'bseq-P2')).toMatchObject({ name: 'SAUCER', category_id: 'BSEQ-K8' });
    expect(a.sessions!.find((s: any) => s.id === 'bseq-S1')).toMatchObject({ duration_seconds: 1500 });
    expect(a.campaigns!.find((k: any) => k.id === 'bseq-CMP')).toMatchObject({ name: 'Christmas gifts (final)' });
  });
});
