/**
 * The ingestion contract for real data (issue 13.6) over POST /events: RFC 6531 addresses are
 * accepted and stored as given; timestamps without a zone are UTC and plain dates 00:00 UTC; the
 * profile has `company` and `address.region`; unknown fields are a 400 naming each one; timestamps
 * before 1900 or after the server's clock plus the window (`C360_EVENT_FUTURE_WINDOW`, default 1 day)
 * are a 400 naming the field — JSON and NDJSON alike — and nothing is applied.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSampleApp, type SampleApp } from '../helpers/sample-db.js';
import { poster, snapshotAll } from './helpers.js';
import { DEFAULT_FUTURE_WINDOW_MS, eventTimeLimit, futureWindowFromEnv } from '../../src/ingest/event-times.js';

let sample: SampleApp;
const post = poster(() => sample);
const DAY = 86_400_000;

beforeAll(async () => {
  sample = await openSampleApp();
});
afterAll(() => sample.close());

const customer = (data: Record<string, unknown>, occurredAt = '2025-06-01T10:00:00') => ({
  id: `rw-${Math.random()}`,
  type: 'customer.upserted',
  occurredAt,
  data: { customerId: 'RW-1', ...data },
});
const order = (occurredAt: string) => ({
  id: `rw-order-${occurredAt}`,
  type: 'order.placed',
  occurredAt,
  data: {
    customerId: 'RW-1',
    orderId: `RW-O-${occurredAt}`,
    status: 'delivered',
    currency: 'GBP',
    lines: [{ productId: 'RW-P', quantity: 1, unitPrice: 10 }],
  },
});

describe('real-world customer data', () => {
  it('an RFC 6531 email, zone-less timestamps, a plain date, a company and a region show in the 360 view', async () => {
    const res = await post([
      customer({
        name: 'Stanisław Wójcik',
        email: 'stanisław.wójcik@wp.pl',
        company: 'Wójcik Sp. z o.o.',
        registeredAt: '2025-05-01',
        addresses: [{ id: 'RW-A', label: 'Office', line1: 'ul. Marszałkowska 1', city: 'Warszawa', region: 'Mazowieckie', country: 'PL' }],
      }),
    ]);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect((await post([order('2025-06-02T09:30:00')])).status).toBe(200);
    const view = (await sample.call('/customers/RW-1/360')).body;
    expect(view.profile).toMatchObject({
      email: 'stanisław.wójcik@wp.pl',
      company: 'Wójcik Sp. z o.o.',
      registeredAt: '2025-05-01T00:00:00.000Z',
      addresses: [expect.objectContaining({ city: 'Warszawa', region: 'Mazowieckie' })],
    });
    const orders = (await sample.call('/customers/RW-1/orders')).body.orders;
    expect(orders[0].placedAt).toBe('2025-06-02T09:30:00.000Z');
    expect((await post([customer({ email: 'jose@bücher.de' })])).status).toBe(200);
  });

  it('refuses addresses that are not addresses, naming the field', async () => {
    for (const email of ['not-an-email', 'a@b', 'two@@x.org', 'sp ace@x.org', '.dot@x.org', 'x@-bad.org']) {
      const res = await post([customer({ email })]);
      expect(res.status, email).toBe(400);
      expect(res.body.errors[0].field, email).toBe('body.0.data.email');
    }
  });

  it('an order in 2099, in year 1 or a customer registered in 2999 is a 400 naming the field; nothing is applied', async () => {
    const before = await snapshotAll(sample.db);
    const future = await post([order('2099-01-01T00:00:00Z')]);
    expect(future.status).toBe(400);
    expect(future.body.errors).toEqual([
      { field: 'body.0.occurredAt', message: expect.stringMatching(/^is in the future: after .*plus 1d\)$/) },
    ]);
    const ancient = await post([order('0001-01-01')]);
    expect(ancient.body.errors).toEqual([{ field: 'body.0.occurredAt', message: 'is before 1900' }]);
    const registered = await post(`${JSON.stringify(customer({ registeredAt: '2999-01-01T00:00:00' }))}\n`, 'application/x-ndjson');
    expect(registered.status).toBe(400);
    expect(registered.body.errors).toEqual([{ field: 'body.0.data.registeredAt', message: expect.stringMatching(/^is in the future/) }]);
    expect(await snapshotAll(sample.db)).toEqual(before);
  });

  it('unknown fields are a 400 naming each, in JSON and NDJSON', async () => {
    const event = customer({ region: 'CA', company: 'Acme' });
    const json = await post([event]);
    expect(json.status).toBe(400);
    expect(json.body.errors).toEqual([{ field: 'body.0.data.region', message: 'is not a known field' }]);
    const ndjson = await post(`${JSON.stringify({ ...event, source: 'crm' })}\n`, 'application/x-ndjson');
    expect(ndjson.body.errors).toEqual(
      expect.arrayContaining([
        { field: 'body.0.source', message: 'is not a known field' },
        { field: 'body.0.data.region', message: 'is not a known field' },
      ]),
    );
  });

  it('strips control characters from text; a multi-line ticket text keeps its line breaks', async () => {
    expect(
      (
        await post([
          customer({ name: 'Tab\tName\u0085\u0000' }),
          {
            id: 'rw-ticket',
            type: 'ticket.opened',
            occurredAt: '2025-06-03',
            data: { customerId: 'RW-1', ticketId: 'RW-T', subject: 'Line\nbreak', description: 'First\r\nSecond\u0007' },
          },
        ])
      ).status,
    ).toBe(200);
    const row = await sample.db.selectFrom('customers').select('name').where('id', '=', 'RW-1').executeTakeFirstOrThrow();
    expect(row.name).toBe('Tab Name');
    const ticket = await sample.db.selectFrom('tickets').select('subject').where('id', '=', 'RW-T').executeTakeFirstOrThrow();
    expect(ticket.subject).toBe('Line break');
    const opened = await sample.db.selectFrom('ticket_events').select('body').where('ticket_id', '=', 'RW-T').executeTakeFirstOrThrow();
    expect(opened.body).toBe('First\nSecond');
    const only = await post([customer({ name: '\u0001\u001f' })]);
    expect(only.body.errors).toEqual([{ field: 'body.0.data.name', message: 'holds only control characters' }]);
  });
});

describe('the future window', () => {
  it('defaults to one day, is configurable, and follows a later as-of', () => {
    expect(futureWindowFromEnv({})).toBe(DEFAULT_FUTURE_WINDOW_MS);
    expect(futureWindowFromEnv({ C360_EVENT_FUTURE_WINDOW: '2h' })).toBe(2 * 3_600_000);
    expect(() => futureWindowFromEnv({ C360_EVENT_FUTURE_WINDOW: 'soon' })).toThrow(/C360_EVENT_FUTURE_WINDOW/);
    const clock = new Date('2026-01-10T00:00:00Z');
    expect(eventTimeLimit(clock, new Date('2011-12-09T00:00:00Z'), DAY).latest.toISOString()).toBe('2026-01-11T00:00:00.000Z');
    expect(eventTimeLimit(clock, new Date('2030-01-01T00:00:00Z'), DAY).latest.toISOString()).toBe('2030-01-02T00:00:00.000Z');
  });

  it('an event two hours ahead passes with the default and is refused with C360_EVENT_FUTURE_WINDOW=1h', async () => {
    const ahead = new Date(Date.now() + 2 * 3_600_000).toISOString();
    const saved = process.env.C360_EVENT_FUTURE_WINDOW;
    try {
      process.env.C360_EVENT_FUTURE_WINDOW = '1h';
      const refused = await post([customer({}, ahead)]);
      expect(refused.status).toBe(400);
      expect(refused.body.errors[0].message).toMatch(/plus 1h\)$/);
      delete process.env.C360_EVENT_FUTURE_WINDOW;
      expect((await post([customer({}, ahead)])).status).toBe(200);
    } finally {
      if (saved === undefined) delete process.env.C360_EVENT_FUTURE_WINDOW;
      else process.env.C360_EVENT_FUTURE_WINDOW = saved;
    }
  });
});
