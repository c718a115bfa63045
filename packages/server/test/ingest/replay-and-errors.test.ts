/**
 * A batch of every event type: replayed it changes nothing; malformed it is a 400 naming the field;
 * one event that cannot be applied is a 422 naming it; in both cases nothing of the batch is written.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IngestEvent, type IngestEventInput } from '@c360/sdk';
import { applyEvents } from '../../src/ingest/apply-events.js';
import { openSampleApp, type SampleApp } from '../helpers/sample-db.js';
import { eventMaker, everyType, poster, snapshotAll } from './helpers.js';

let sample: SampleApp;
beforeAll(async () => {
  sample = await openSampleApp();
});
afterAll(() => sample.close());

const post = poster(() => sample);
const ev = eventMaker('errors');
const ndjson = (events: unknown[]) => events.map((e) => JSON.stringify(e)).join('\n') + '\n';

describe('replay', () => {
  it('one event of every type applies, and the same batch again changes no row of any table', async () => {
    const batch = everyType('mix', 'MIX-1');
    expect(new Set(batch.map((e) => e.type)).size).toBe(IngestEvent.options.length);
    expect((await post(batch)).body).toEqual({ received: batch.length, applied: batch.length, duplicates: 0 });

    const before = await snapshotAll(sample.db);
    expect((await post(batch)).body).toEqual({ received: batch.length, applied: 0, duplicates: batch.length });
    expect((await post(ndjson(batch), 'application/x-ndjson')).body).toEqual({
      received: batch.length,
      applied: 0,
      duplicates: batch.length,
    });
    expect(await snapshotAll(sample.db)).toEqual(before);

    // Each event left exactly one timeline entry (the order's status change has its own).
    const timeline = (await sample.call('/customers/MIX-1/timeline?limit=200')).body.events;
    expect(timeline).toHaveLength(batch.length);
    expect(new Set(timeline.map((e: { type: string }) => e.type))).toEqual(
      new Set(['account', 'order', 'payment', 'refund', 'ticket', 'loyalty', 'marketing', 'session']),
    );
  });

  it('even a forced replay (idempotency keys forgotten) doubles nothing: every write is keyed by a deterministic id', async () => {
    const batch = everyType('force', 'FORCE-1').map((e) => IngestEvent.parse(e));
    const now = new Date('2011-12-10T00:00:00Z');
    await applyEvents(sample.db, batch, now);
    const before = await snapshotAll(sample.db);
    await sample.db.deleteFrom('idempotency_keys').where('key', 'like', 'event:force-%').execute();
    expect(await applyEvents(sample.db, batch, now)).toEqual({ received: batch.length, applied: batch.length, duplicates: 0 });
    const after = await snapshotAll(sample.db);
    // Counts of every table are unchanged; so are the contents of the tables holding amounts and balances.
    for (const table of Object.keys(before)) expect([table, after[table]!.count]).toEqual([table, before[table]!.count]);
    for (const table of [
      'orders',
      'order_items',
      'payments',
      'customer_stats',
      'loyalty_accounts',
      'loyalty_transactions',
      'products',
      'preferences',
      'consent_log',
      'marketing_events',
      'tickets',
    ]) {
      expect([table, after[table]!.hash]).toEqual([table, before[table]!.hash]);
    }
  });
});

describe('a malformed batch', () => {
  it('is a 400 naming body.<index>.<field> and changes nothing', async () => {
    const good = everyType('bad', 'BAD-1');
    const bad = [
      ...good.slice(0, 5),
      ev('order.placed', {
        customerId: 'BAD-1',
        orderId: 'BAD-O',
        currency: 'GBP',
        lines: [{ productId: 'X', quantity: 1, unitPrice: 0.1 + 0.2 }],
      }),
      ...good.slice(5),
    ];
    const before = await snapshotAll(sample.db);
    const res = await post(bad);
    expect(res.status).toBe(400);
    expect(res.type).toContain('application/problem+json');
    expect(res.body.errors).toEqual([{ field: 'body.5.data.lines.0.unitPrice', message: expect.stringContaining('plain decimal') }]);
    expect(await snapshotAll(sample.db)).toEqual(before);
  });

  it('names every bad field, in JSON and NDJSON alike', async () => {
    const batch: unknown[] = [
      ev('ticket.updated', { customerId: 'X', ticketId: 'T' } as never),
      ev('payment.recorded', { customerId: 'X', paymentId: 'P', kind: 'refund', amount: 1.005, currency: 'GBP' }),
      ev('preferences.updated', { customerId: 'X', quietHours: { start: '25:00', end: '07:00' } }),
      ev('session.started', { customerId: 'X', sessionId: 'S', device: 'fridge' } as never),
      ev('loyalty.points_redeemed', { customerId: 'X', points: 0 }),
    ];
    for (const res of [await post(batch), await post(ndjson(batch), 'application/x-ndjson')]) {
      expect(res.status).toBe(400);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual([
        'body.0.data',
        'body.1.data.amount',
        'body.2.data.quietHours.start',
        'body.3.data.device',
        'body.4.data.points',
      ]);
    }
  });
});

describe('an event that cannot be applied', () => {
  async function rejected(batch: IngestEventInput[], field: string, message: RegExp): Promise<void> {
    const before = await snapshotAll(sample.db);
    const res = await post(batch);
    expect(res.status).toBe(422);
    expect(res.type).toContain('application/problem+json');
    expect(res.body).toMatchObject({ type: 'https://c360.dev/problems/ingest-conflict', title: 'Event cannot be applied', status: 422 });
    expect(res.body.errors).toEqual([{ field, message: expect.stringMatching(message) }]);
    expect(res.body.detail).toContain('nothing in the batch was applied');
    expect(await snapshotAll(sample.db)).toEqual(before);
  }

  it('redeeming more points than the balance rejects the whole batch (422 naming the index)', async () => {
    await rejected(
      [
        ev('customer.upserted', { customerId: 'CONF-1', name: 'Conflicted' }),
        ev('loyalty.points_earned', { customerId: 'CONF-1', points: 100 }),
        ev('loyalty.points_redeemed', { customerId: 'CONF-1', points: 101 }),
      ],
      'body.2.data.points',
      /redeems 101 points but the balance is 100/,
    );
  });

  it('an unknown customer rejects the whole batch; one created earlier in the batch is fine', async () => {
    await rejected(
      [
        ev('customer.upserted', { customerId: 'CONF-2', name: 'Known' }),
        ev('session.started', { customerId: 'CONF-2', sessionId: 'CONF-S', device: 'desktop' }),
        ev('ticket.opened', { customerId: 'NOBODY', ticketId: 'CONF-T', subject: 'Hello' }),
      ],
      'body.2.data.customerId',
      /unknown customer "NOBODY"/,
    );
  });

  it('other conflicts: unknown order, foreign order, foreign currency, ticket not opened, taken referral code', async () => {
    const other = (await sample.db.selectFrom('customers').select('id').where('id', '!=', '17850').orderBy('id').executeTakeFirstOrThrow())
      .id;
    await rejected(
      [ev('order.status_changed', { customerId: '17850', orderId: 'NO-SUCH-ORDER', status: 'delivered' })],
      'body.0.data.orderId',
      /unknown order/,
    );
    await rejected(
      [ev('order.status_changed', { customerId: other, orderId: '536365', status: 'delivered' })],
      'body.0.data.orderId',
      /belongs to another customer/,
    );
    await rejected(
      [
        ev('order.placed', {
          customerId: '17850',
          orderId: 'CONF-O',
          currency: 'EUR',
          lines: [{ productId: 'X', quantity: 1, unitPrice: 1 }],
        }),
      ],
      'body.0.data.currency',
      /is EUR but customer "17850" is in GBP/,
    );
    await rejected(
      [ev('ticket.updated', { customerId: '17850', ticketId: 'NO-SUCH-TICKET', status: 'closed' })],
      'body.0.data.ticketId',
      /unknown ticket/,
    );
    await post([ev('loyalty.enrolled', { customerId: '17850', referralCode: 'TAKEN-1' })]);
    await rejected(
      [ev('loyalty.enrolled', { customerId: other, referralCode: 'TAKEN-1' })],
      'body.0.data.referralCode',
      /already another customer's/,
    );
  });
});
