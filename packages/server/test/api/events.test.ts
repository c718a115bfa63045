/** POST /events: validated at the edge, atomic per batch, idempotent per event id. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSampleApp, type SampleApp } from '../helpers/sample-db.js';

let sample: SampleApp;
beforeAll(async () => {
  sample = await openSampleApp();
});
afterAll(() => sample.close());

const post = (body: unknown, type = 'application/json') =>
  sample.call('/events', {
    method: 'POST',
    headers: { 'content-type': type },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

const upsert = (id: string, customerId: string, data: Record<string, unknown> = {}) => ({
  id,
  type: 'customer.upserted',
  occurredAt: '2011-12-01T10:00:00.000Z',
  data: { customerId, name: 'Grace Hopper', email: 'grace@example.com', phone: '+44 20 7946 0018', ...data },
});

async function counts() {
  const n = async (table: 'customers' | 'activity' | 'addresses' | 'idempotency_keys') =>
    Number(
      (
        await sample.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return {
    customers: await n('customers'),
    activity: await n('activity'),
    addresses: await n('addresses'),
    keys: await n('idempotency_keys'),
  };
}

describe('POST /events', () => {
  it('creates a customer, with a timeline entry, and finds it by search', async () => {
    const res = await post([
      upsert('ev-1', 'NEW-1', {
        addresses: [{ id: 'a1', label: 'Home', line1: '1 Lane', city: 'Leeds', country: 'United Kingdom', primary: true }],
      }),
    ]);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ received: 1, applied: 1, duplicates: 0 });
    const view = (await sample.call('/customers/NEW-1/360')).body;
    expect(view.profile).toMatchObject({ name: 'Grace Hopper', email: 'grace@example.com', addresses: [{ city: 'Leeds', primary: true }] });
    expect(view.metrics.totalOrders).toBe(0);
    const timeline = (await sample.call('/customers/NEW-1/timeline')).body;
    expect(timeline.events.map((e: { type: string }) => e.type)).toEqual(['account']);
    const found = (await sample.call('/customers?q=7946%200018')).body;
    expect(found.items.map((i: { id: string }) => i.id)).toContain('NEW-1');
  });

  it('a replayed batch changes nothing', async () => {
    const batch = [upsert('ev-2', 'NEW-2'), upsert('ev-3', 'NEW-2', { name: 'Grace B. Hopper' })];
    expect((await post(batch)).body).toEqual({ received: 2, applied: 2, duplicates: 0 });
    const before = await counts();
    expect((await post(batch)).body).toEqual({ received: 2, applied: 0, duplicates: 2 });
    expect(await counts()).toEqual(before);
    expect((await sample.call('/customers/NEW-2/360')).body.profile.name).toBe('Grace B. Hopper');
  });

  it('a batch with invalid events is a 400 naming index and field, and applies none of it', async () => {
    const before = await counts();
    const res = await post([
      upsert('ev-4', 'NEW-4'),
      upsert('ev-5', 'NEW-5', { email: 'not-an-email' }),
      { id: 'ev-6', type: 'order.teleported' },
    ]);
    expect(res.status).toBe(400);
    expect(res.type).toContain('application/problem+json');
    const fields = res.body.errors.map((e: { field: string }) => e.field);
    expect(fields).toContain('body.1.data.email');
    expect(fields.some((f: string) => f.startsWith('body.2'))).toBe(true);
    expect(await counts()).toEqual(before);
    expect((await sample.call('/customers/NEW-4/360')).status).toBe(404);
  });

  it('accepts NDJSON and names the line of a broken one', async () => {
    const ok = await post(
      `${JSON.stringify(upsert('ev-7', 'NEW-7'))}\n${JSON.stringify(upsert('ev-8', 'NEW-8'))}\n`,
      'application/x-ndjson',
    );
    expect(ok.body).toEqual({ received: 2, applied: 2, duplicates: 0 });
    const bad = await post(`${JSON.stringify(upsert('ev-9', 'NEW-9'))}\n{oops\n`, 'application/x-ndjson');
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([{ field: 'body.1', message: 'is not valid JSON' }]);
    expect((await sample.call('/customers/NEW-9/360')).status).toBe(404);
  });

  it('a body that is not an array is a 400', async () => {
    const res = await post({ id: 'x' });
    expect(res.status).toBe(400);
    expect(res.body.errors[0].field).toBe('body');
  });
});
