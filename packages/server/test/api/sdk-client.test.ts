/** The SDK client against the real app: parsed typed data, typed errors carrying problem+json. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { C360ApiError, createClient, createLightClient, RESPONSE_SCHEMAS, type C360Client } from '@c360/sdk';
import Papa from 'papaparse';
import { openSampleApp, type SampleApp } from '../helpers/sample-db.js';

let sample: SampleApp;
let client: C360Client;
let requests: string[];
beforeAll(async () => {
  sample = await openSampleApp();
  requests = [];
  client = createClient({
    baseUrl: 'http://localhost/',
    token: sample.tokens.admin,
    fetch: async (input, init) => {
      requests.push(`${String(input)} ${new Headers(init?.headers).get('authorization')}`);
      return sample.app.request(String(input), init);
    },
  });
});
afterAll(() => sample.close());

describe('createClient', () => {
  it('returns the parsed 360 view, orders, timeline and search', async () => {
    const view = await client.getCustomer360('17850');
    expect(view.profile.id).toBe('17850');
    expect(view.metrics.currency).toBe('GBP');
    const orders = await client.getOrders('17850', { limit: 5 });
    expect(orders.orders).toHaveLength(5);
    expect(orders.totalRevenue).toBe(view.metrics.lifetimeValue);
    const next = await client.getOrders('17850', { limit: 5, cursor: orders.nextCursor! });
    expect(next.orders[0]!.placedAt <= orders.orders[4]!.placedAt).toBe(true);
    const timeline = await client.getTimeline('17850', { types: 'refund', limit: 3 });
    expect(timeline.events.every((e) => e.type === 'refund')).toBe(true);
    const found = await client.searchCustomers({ q: '17850' });
    expect(found.items.map((c) => c.id)).toContain('17850');
  });

  it('sends the bearer token and encodes the id', async () => {
    requests.length = 0;
    await expect(client.getCustomer360('a/b')).rejects.toBeInstanceOf(C360ApiError);
    expect(requests[0]).toBe(`http://localhost/customers/a%2Fb/360 Bearer ${sample.tokens.admin}`);
  });

  it('throws C360ApiError with the problem for a 404 and a 400', async () => {
    const notFound = await client.getCustomer360('nope-1').catch((e: unknown) => e);
    expect(notFound).toBeInstanceOf(C360ApiError);
    expect((notFound as C360ApiError).isNotFound).toBe(true);
    expect((notFound as C360ApiError).problem.detail).toContain('nope-1');
    const bad = (await client.getTimeline('17850', { limit: 0 }).catch((e: unknown) => e)) as C360ApiError;
    expect(bad.status).toBe(400);
    expect(bad.problem.errors?.[0]?.field).toBe('query.limit');
  });

  it('shares one request between concurrent identical GETs', async () => {
    requests.length = 0;
    const [a, b] = await Promise.all([client.getCustomer360('13047'), client.getCustomer360('13047')]);
    expect(a).toEqual(b);
    expect(requests).toHaveLength(1);
  });

  it('a caller whose signal aborts is rejected while the other still gets the data', async () => {
    const controller = new AbortController();
    const aborted = client.getCustomer360('12346', { signal: controller.signal });
    const other = client.getCustomer360('12346');
    controller.abort();
    await expect(aborted).rejects.toBeDefined();
    expect((await other).profile.id).toBe('12346');
  });

  it('a network failure is a C360ApiError with status 0', async () => {
    const offline = createClient({
      baseUrl: 'http://localhost/api',
      fetch: async () => {
        throw new TypeError('connect ECONNREFUSED');
      },
    });
    const error = (await offline.getCustomer360('17850').catch((e: unknown) => e)) as C360ApiError;
    expect(error).toBeInstanceOf(C360ApiError);
    expect(error.status).toBe(0);
    expect(error.message).toContain('ECONNREFUSED');
  });

  it('exportCustomers streams the filtered CSV and reports rows received against the total', async () => {
    const progress: [number, number | undefined][] = [];
    const file = await client.exportCustomers(
      { country: 'France', sort: '-lifetimeValue' },
      { onProgress: (rows, total) => progress.push([rows, total]) },
    );
    const search = await client.searchCustomers({ country: 'France', limit: 1 });
    const lines = (await file.blob.text()).split('\r\n').filter((l) => l && !l.startsWith('#'));
    const rows = Papa.parse<Record<string, string>>(lines.join('\n'), { header: true }).data;
    expect(rows.length).toBe(search.total);
    expect(rows.every((r) => r.country === 'France')).toBe(true);
    expect(file.filename).toMatch(/^c360-customers-.*\.csv$/);
    // Progress only grows and ends at every row of the total.
    expect(progress.length).toBeGreaterThan(0);
    expect(progress.every(([, total]) => total === search.total)).toBe(true);
    expect(progress.map(([r]) => r)).toEqual([...progress.map(([r]) => r)].sort((a, b) => a - b));
    expect(progress.at(-1)![0]).toBe(search.total);
  });

  it('exportCustomer and exportCustomers send the locale asked for; the file carries the language the server answered', async () => {
    const french = await client.exportCustomer('17850', { format: 'csv', locale: 'fr' });
    expect(french.language).toBe('fr');
    expect(await french.blob.text()).toContain('indicateur,valeur,unité');
    const plain = await client.exportCustomer('17850', 'csv', { headers: { 'accept-language': 'de' } });
    expect(plain.language).toBe('en');
    expect(requests.at(-1)).toMatch(/\/customers\/17850\/export\?format=csv /);
    const arabic = await client.exportCustomers({ country: 'France', locale: 'ar' });
    expect(arabic.language).toBe('ar');
    expect(requests.at(-1)).toMatch(/\/customers\/export\.csv\?country=France&locale=ar /);
  });

  it('a response that breaks the contract is a C360ApiError naming the field', async () => {
    const liar = createClient({ baseUrl: 'http://x/api', fetch: async () => Response.json({ asOf: 'yesterday' }) });
    const error = (await liar.getCustomer360('17850').catch((e: unknown) => e)) as C360ApiError;
    expect(error.problem.title).toBe('Unexpected response');
    expect(error.problem.detail).toContain('asOf');
  });
});

describe("createLightClient (the elements' client: no zod on the page)", () => {
  it('returns exactly what the validating client returns for real responses', async () => {
    const light = createLightClient({
      baseUrl: 'http://localhost/',
      token: sample.tokens.admin,
      fetch: async (input, init) => sample.app.request(String(input), init),
    });
    const [a, b] = await Promise.all([light.getCustomer360('17850'), client.getCustomer360('17850')]);
    expect(a).toEqual(b);
    // The real responses satisfy the schemas the validating client applies.
    expect(RESPONSE_SCHEMAS.Customer360.safeParse(a).success).toBe(true);
  });

  it('trusts the body (no check), but still turns error statuses into C360ApiError with the problem', async () => {
    const liar = createLightClient({ baseUrl: 'http://x/api', fetch: async () => Response.json({ asOf: 'yesterday' }) });
    expect(await liar.getCustomer360('17850')).toEqual({ asOf: 'yesterday' });
    const light = createLightClient({
      baseUrl: 'http://localhost/',
      token: sample.tokens.admin,
      fetch: async (input, init) => sample.app.request(String(input), init),
    });
    const error = (await light.getCustomer360('no-such-customer').catch((e: unknown) => e)) as C360ApiError;
    expect(error).toBeInstanceOf(C360ApiError);
    expect(error.status).toBe(404);
    expect(error.problem.type).toContain('not-found');
  });
});
