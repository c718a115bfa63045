/**
 * The Refine data provider's writes and `custom`, and its live provider, against the real API over
 * HTTP (sample database, the real app on a free port, real fetch): notes, tags, segments and
 * memberships through the endpoints that write them; a list subscription follows the customers the
 * list shows on ONE stream and hears a note and an order land; useOne follows its id.
 */
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serve, type ServerType } from '@hono/node-server';
import type { LiveEvent } from '@refinedev/core';
import { createClient } from '@c360/sdk';
import { c360DataProvider, c360LiveProvider, C360RefineError, type C360DataProvider, type C360LiveSubscription } from '@c360/sdk/refine';
import { openSampleApp, type SampleApp } from '../../server/test/helpers/sample-db.js';

let sample: SampleApp;
let server: ServerType;
let baseUrl: string;
/** Method, path and query of every request the provider made. */
const requests: string[] = [];
let dp: C360DataProvider;
const C = '17850';

beforeAll(async () => {
  sample = await openSampleApp();
  server = await new Promise<ServerType>((resolve) => {
    const s = serve({ fetch: sample.rawApp.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  dp = c360DataProvider(
    createClient({
      baseUrl,
      token: sample.tokens.admin,
      fetch: (input, init) => {
        const url = new URL(String(input));
        requests.push(`${init?.method ?? 'GET'} ${url.pathname}${url.search}`);
        return fetch(input, init);
      },
    }),
  );
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await sample.close();
});

async function rejection(promise: Promise<unknown>): Promise<C360RefineError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(C360RefineError);
  return error as C360RefineError;
}

const api = (path: string, init: RequestInit = {}) =>
  fetch(`${baseUrl}${path}`, {
    ...init,
    headers: { authorization: `Bearer ${sample.tokens.admin}`, 'content-type': 'application/json', ...init.headers },
  });

describe('writes through the endpoints that do them', () => {
  it('creates a note on a customer', async () => {
    const { data } = await dp.create({ resource: 'notes', variables: { customerId: C, body: 'Refine wrote this', visibility: 'team' } });
    expect(data).toMatchObject({ id: expect.any(String), body: 'Refine wrote this', visibility: 'team' });
    const notes = (await (await api(`/customers/${C}/notes`)).json()) as { notes: { id: string }[] };
    expect(notes.notes[0]!.id).toBe(data.id);
  });

  it('tags and untags a customer; creates a tag', async () => {
    const tag = (await dp.create({ resource: 'tags', variables: { name: 'refine-made', color: '#123456' } })).data as { id: string };
    const tagged = (await dp.create({ resource: 'customer-tags', variables: { customerId: C, tagId: tag.id } })).data as {
      id: string;
      tags: { id: string }[];
    };
    expect(tagged.id).toBe(C);
    expect(tagged.tags.map((t) => t.id)).toContain(tag.id);
    await dp.deleteOne({ resource: 'customer-tags', id: tag.id, meta: { customerId: C } });
    const after = (await (await api(`/customers/${C}/tags`)).json()) as { tags: { id: string }[] };
    expect(after.tags.map((t) => t.id)).not.toContain(tag.id);
  });

  it('creates and renames a manual segment; adds and removes a customer', async () => {
    const segment = (await dp.create({ resource: 'segments', variables: { name: 'Refine VIPs', kind: 'manual' } })).data as { id: string };
    const renamed = (await dp.update({ resource: 'segments', id: segment.id, variables: { name: 'Refine VIPs (renamed)' } })).data;
    expect(renamed).toMatchObject({ id: segment.id, name: 'Refine VIPs (renamed)' });
    const added = (await dp.create({ resource: 'customer-segments', variables: { customerId: C, segmentId: segment.id } })).data as {
      segments: { id: string }[];
    };
    expect(added.segments.map((s) => s.id)).toContain(segment.id);
    await dp.deleteOne({ resource: 'customer-segments', id: segment.id, variables: { customerId: C } });
    const after = (await (await api(`/customers/${C}/360`)).json()) as { segments: { id: string }[] };
    expect(after.segments.map((s) => s.id)).not.toContain(segment.id);
  });

  it('refuses what the API does not do, a missing customer, and passes the API’s field errors', async () => {
    expect((await rejection(dp.update({ resource: 'notes', id: 'n1', variables: { body: 'x' } }))).statusCode).toBe(405);
    expect((await rejection(dp.deleteOne({ resource: 'tags', id: 't1' }))).message).toContain('customer-tags (create, deleteOne)');
    const noCustomer = await rejection(dp.create({ resource: 'notes', variables: { body: 'x' } }));
    expect(noCustomer).toMatchObject({ statusCode: 400, errors: { customerId: 'required' } });
    const empty = await rejection(dp.create({ resource: 'notes', variables: { customerId: C, body: '  ' } }));
    expect(empty.statusCode).toBe(400);
    expect(Object.keys(empty.errors ?? {})).toEqual(['body']);
  });
});

describe('custom', () => {
  it('calls any endpoint under the API base, with query and body', async () => {
    const compare = await dp.custom!({ url: `${baseUrl}/customers/compare`, method: 'get', query: { ids: '17850,12346' } });
    expect((compare.data as { customers: { id: string }[] }).customers.map((c) => c.id)).toEqual(['17850', '12346']);
    const tagged = await dp.custom!({ url: `/customers/${C}/tags`, method: 'post', payload: { name: 'custom-made' } });
    expect((tagged.data as { tags: { name: string }[] }).tags.map((t) => t.name)).toContain('custom-made');
    const filtered = await dp.custom!({
      url: '/customers',
      method: 'get',
      filters: [{ field: 'country', operator: 'eq', value: 'France' }],
    });
    expect((filtered.data as { items: { country: string }[] }).items.every((c) => c.country === 'France')).toBe(true);
    expect((await rejection(dp.custom!({ url: 'https://elsewhere.example/x', method: 'get' }))).statusCode).toBe(400);
  });
});

describe('liveProvider', () => {
  const live = () => c360LiveProvider(dp, { collectMs: 50 });
  /** Collects the events of a subscription. */
  function collect() {
    const events: LiveEvent[] = [];
    return { events, callback: (e: LiveEvent) => events.push(e) };
  }
  const waitFor = async (check: () => boolean, what: string) => {
    for (let i = 0; i < 100 && !check(); i++) await new Promise((r) => setTimeout(r, 50));
    expect(check(), what).toBe(true);
  };

  it('a list follows the customers of its page on one stream, and hears a note and an order land', async () => {
    const provider = live();
    const page = await dp.getList({
      resource: 'customers',
      pagination: { currentPage: 1, pageSize: 5 },
      sorters: [{ field: 'lifetimeValue', order: 'desc' }],
    });
    const shown = page.data.map((c) => String(c.id));
    requests.length = 0;
    const { events, callback } = collect();
    const sub = provider.subscribe({
      channel: 'resources/customers',
      types: ['*'],
      params: { resource: 'customers', subscriptionType: 'useList' },
      callback,
    }) as C360LiveSubscription;
    expect(sub.customerIds).toEqual(shown);
    await waitFor(() => requests.some((r) => r.startsWith('GET /stream')), 'the stream opened');
    expect(requests.filter((r) => r.startsWith('GET /stream'))).toEqual([
      `GET /stream?${new URLSearchParams({ customer: shown.join(',') })}`,
    ]);
    await new Promise((r) => setTimeout(r, 200));

    expect((await api(`/customers/${shown[1]}/notes`, { method: 'POST', body: JSON.stringify({ body: 'Live note' }) })).status).toBe(201);
    await waitFor(() => events.length > 0, 'an event for the note');
    expect(events[0]).toMatchObject({ channel: 'resources/customers', type: 'updated', payload: { ids: [shown[1]] } });

    const order = {
      id: `refine-live-${Date.now()}`,
      type: 'order.placed',
      occurredAt: '2011-12-09T10:00:00Z',
      data: {
        customerId: shown[0],
        orderId: `RL-${Date.now()}`,
        status: 'completed',
        currency: 'GBP',
        lines: [{ productId: 'P-RL', description: 'Live', quantity: 1, unitPrice: 10 }],
      },
    };
    expect((await api('/events', { method: 'POST', body: JSON.stringify([order]) })).status).toBeLessThan(300);
    await waitFor(() => events.some((e) => e.payload.ids?.includes(shown[0]!)), 'an event for the order');

    // The next page moves the list's stream to its rows.
    const next = await dp.getList({
      resource: 'customers',
      pagination: { currentPage: 2, pageSize: 5 },
      sorters: [{ field: 'lifetimeValue', order: 'desc' }],
    });
    expect(sub.customerIds).toEqual(next.data.map((c) => String(c.id)));
    provider.unsubscribe(sub);
    expect(sub.customerIds).toEqual([]);
  });

  it('useOne follows its id; other resources are not followed', async () => {
    const provider = live();
    const { events, callback } = collect();
    const sub = provider.subscribe({
      channel: 'resources/customers',
      types: ['*'],
      params: { resource: 'customers', subscriptionType: 'useOne', id: C, ids: [C] },
      callback,
    }) as C360LiveSubscription;
    expect(sub.customerIds).toEqual([C]);
    await new Promise((r) => setTimeout(r, 300));
    expect((await api(`/customers/${C}/notes`, { method: 'POST', body: JSON.stringify({ body: 'Another live note' }) })).status).toBe(201);
    await waitFor(() => events.length > 0, 'an event');
    expect(events[0]!.payload.ids).toEqual([C]);
    provider.unsubscribe(sub);
    expect(
      provider.subscribe({ channel: 'resources/tags', types: ['*'], params: { resource: 'tags', subscriptionType: 'useList' }, callback }),
    ).toBeUndefined();
  });
});
