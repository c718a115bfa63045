/**
 * The protections around the routes: the write rate limit per token (429 + Retry-After), request
 * body limits (413), security headers, CORS only for configured origins, and the demo's access
 * (the demo admin key and GET /demo-config.json only for this machine).
 */
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSampleApp, TEST_SECRET, type SampleApp } from '../helpers/sample-db.js';
import { createServerApp, listen } from '../../src/server.js';
import { DEMO_TOKEN_NAME, ensureDemoToken, isLoopbackAddress } from '../../src/auth/demo.js';
import { revokeApiKey } from '../../src/auth/api-keys.js';
import { WriteRateLimiter } from '../../src/auth/rate-limit.js';
import { snapshotAll } from '../ingest/helpers.js';

const C = '17850';
const note = (body = 'hello'): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ body }),
});

describe('write rate limit', () => {
  let sample: SampleApp;
  let clock = Date.now();
  beforeAll(async () => {
    sample = await openSampleApp({ writeRate: 3, now: () => new Date(clock) });
  });
  afterAll(() => sample.close());

  it('allows the budget, then 429 problem+json with Retry-After; refills over time; per token', async () => {
    for (let i = 0; i < 3; i++) expect((await sample.call(`/customers/${C}/notes`, { ...note(`n${i}`), as: 'agent' })).status).toBe(201);
    const limited = await sample.call(`/customers/${C}/notes`, { ...note('over'), as: 'agent' });
    expect(limited.status).toBe(429);
    expect(limited.type).toContain('application/problem+json');
    expect(limited.headers.get('retry-after')).toBe('20'); // 3 per minute: one every 20 s
    expect(limited.body.detail).toContain('3 writes per minute');
    // Reads are not limited; another token has its own budget.
    expect((await sample.call(`/customers/${C}/notes`, { as: 'agent' })).status).toBe(200);
    expect((await sample.call(`/customers/${C}/notes`, { ...note('manager'), as: 'manager' })).status).toBe(201);
    // A refused write (403) does not spend the budget of the viewer.
    for (let i = 0; i < 5; i++) expect((await sample.call(`/customers/${C}/notes`, { ...note(), as: 'viewer' })).status).toBe(403);
    clock += 20_000;
    expect((await sample.call(`/customers/${C}/notes`, { ...note('after'), as: 'agent' })).status).toBe(201);
    expect((await sample.call(`/customers/${C}/notes`, { ...note('again'), as: 'agent' })).status).toBe(429);
  });

  it('counts embed tokens per token and leaves ingestion (its own limits: batch and body size) alone', async () => {
    const embed = { token: sample.embedToken(C, { role: 'agent' }) };
    for (let i = 0; i < 3; i++) expect((await sample.call(`/customers/${C}/notes`, { ...note(), as: embed })).status).toBe(201);
    expect((await sample.call(`/customers/${C}/notes`, { ...note(), as: embed })).status).toBe(429);
    for (let i = 0; i < 5; i++) {
      const res = await sample.call('/events', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '[]' });
      expect(res.status).toBe(200);
    }
  });

  it('the bucket refills continuously and forgets full buckets', () => {
    const limiter = new WriteRateLimiter(60);
    for (let i = 0; i < 60; i++) expect(limiter.take('t', 0)).toBe(0);
    expect(limiter.take('t', 0)).toBe(1);
    expect(limiter.take('t', 1000)).toBe(0);
    expect(new WriteRateLimiter(0).take('t', 0)).toBe(0);
  });
});

describe('body limits, headers, CORS', () => {
  let sample: SampleApp;
  beforeAll(async () => {
    sample = await openSampleApp({ allowedOrigins: ['https://crm.example.com'] });
  });
  afterAll(() => sample.close());

  it('a JSON body over 1 MB → 413 problem+json, and nothing changes', async () => {
    const before = await snapshotAll(sample.db);
    const big = JSON.stringify({ body: 'x'.repeat(1024 * 1024) });
    const variants: Array<Record<string, string>> = [
      { 'content-type': 'application/json' },
      { 'content-type': 'application/json', 'content-length': String(big.length) },
    ];
    for (const headers of variants) {
      const res = await sample.call(`/customers/${C}/notes`, { method: 'POST', headers, body: big });
      expect(res.status).toBe(413);
      expect(res.type).toContain('application/problem+json');
      expect(res.body.detail).toContain('1 MB');
    }
    expect((await sample.call('/tags', { method: 'POST', headers: { 'content-type': 'application/json' }, body: big })).status).toBe(413);
    expect(await snapshotAll(sample.db)).toEqual(before);
  });

  it('POST /events takes up to 10 MB', async () => {
    const twoMb = `[${'0,'.repeat(1024 * 1024)}0]`;
    const res = await sample.call('/events', { method: 'POST', headers: { 'content-type': 'application/json' }, body: twoMb });
    expect(res.status).toBe(400); // read and validated, not refused for its size
    const elevenMb = 'x'.repeat(11 * 1024 * 1024);
    const tooBig = await sample.call('/events', { method: 'POST', headers: { 'content-type': 'application/x-ndjson' }, body: elevenMb });
    expect(tooBig.status).toBe(413);
    expect(tooBig.body.detail).toContain('10 MB');
  });

  it('every response carries the security headers; API data is never cached', async () => {
    for (const [path, as] of [
      [`/customers/${C}/360`, 'admin'],
      [`/customers/${C}/360`, null],
      ['/openapi.json', null],
    ] as const) {
      const res = await sample.call(path, { as });
      const h = res.headers;
      expect(h.get('x-content-type-options'), path).toBe('nosniff');
      expect(h.get('x-frame-options'), path).toBe('SAMEORIGIN');
      expect(h.get('referrer-policy'), path).toBe('no-referrer');
      expect(h.get('strict-transport-security'), path).toContain('max-age=');
      expect(h.get('cross-origin-resource-policy'), path).toBe('cross-origin');
      // The OpenAPI document is no customer data: revalidated with its ETag (src/api/http-conventions.ts).
      expect(h.get('cache-control'), path).toBe(path === '/openapi.json' ? 'no-cache' : 'no-store');
    }
  });

  it('CORS answers only the configured origins, and allows the Authorization header', async () => {
    const preflight = (origin: string) =>
      sample.rawApp.request(`http://localhost/customers/${C}/360`, {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'GET', 'access-control-request-headers': 'authorization' },
      });
    const allowed = await preflight('https://crm.example.com');
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://crm.example.com');
    expect(allowed.headers.get('access-control-allow-headers')).toContain('authorization');
    expect(allowed.headers.get('access-control-allow-credentials')).toBeNull(); // bearer tokens, never cookies
    const other = await preflight('https://evil.example');
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
    const get = await sample.call(`/customers/${C}/360`, { headers: { origin: 'https://evil.example' } });
    expect(get.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('the demo', () => {
  let sample: SampleApp;
  beforeAll(async () => {
    sample = await openSampleApp();
  });
  afterAll(() => sample.close());

  it('keeps one demo admin key across starts, and makes a new one once it is revoked', async () => {
    const first = await ensureDemoToken(sample.db);
    expect(first.created).toBe(true);
    expect(first.token).toMatch(/^c360_/);
    const again = await ensureDemoToken(sample.db);
    expect(again).toEqual({ token: first.token, created: false });
    const me = await sample.call('/me', { as: { token: first.token } });
    expect(me.body).toMatchObject({ name: DEMO_TOKEN_NAME, role: 'admin' });
    await revokeApiKey(sample.db, me.body.tokenId);
    const renewed = await ensureDemoToken(sample.db);
    expect(renewed.created).toBe(true);
    expect(renewed.token).not.toBe(first.token);
  });

  it('serves /demo-config.json only to this machine, for localhost, same-origin', async () => {
    const { token } = await ensureDemoToken(sample.db);
    const app = createServerApp({ db: sample.db, asOf: sample.asOf, auth: { secret: TEST_SECRET }, demoToken: token });
    const server = await listen(app, 0, '127.0.0.1');
    const port = (server.address() as AddressInfo).port;
    const get = (headers: Record<string, string>) =>
      new Promise<{ status: number; body: any; headers: Record<string, unknown> }>((resolve, reject) => {
        const req = httpRequest({ host: '127.0.0.1', port, path: '/demo-config.json', headers }, (res) => {
          let text = '';
          res.on('data', (chunk) => (text += chunk));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text), headers: res.headers }));
        });
        req.on('error', reject);
        req.end();
      });
    try {
      const ok = await get({ host: `localhost:${port}` });
      expect(ok.status).toBe(200);
      expect(ok.body).toEqual({ apiBase: '/api', token });
      expect(ok.headers['cache-control']).toBe('no-store');
      expect(ok.headers['access-control-allow-origin']).toBeUndefined();
      expect((await get({ host: `127.0.0.1:${port}`, 'sec-fetch-site': 'same-origin' })).status).toBe(200);
      // DNS rebinding: a page on another host name resolving to 127.0.0.1.
      const rebinding = await get({ host: `attacker.example:${port}` });
      expect(rebinding.status).toBe(403);
      expect(JSON.stringify(rebinding.body)).not.toContain(token);
      expect((await get({ host: `localhost:${port}`, 'sec-fetch-site': 'cross-site' })).status).toBe(403);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
    // Another machine (a non-loopback peer), or no socket at all.
    const remote = await app.request('http://localhost/demo-config.json', {}, { incoming: { socket: { remoteAddress: '192.168.1.20' } } });
    expect(remote.status).toBe(403);
    expect(await remote.text()).not.toContain(token);
    expect((await app.request('http://localhost/demo-config.json')).status).toBe(403);
    // Not in `c360 serve` (no demo token): no such path.
    const serve = createServerApp({ db: sample.db, asOf: sample.asOf, auth: { secret: TEST_SECRET } });
    expect((await serve.request('http://localhost/demo-config.json')).status).toBe(404);
  });

  it('recognises loopback addresses only', () => {
    for (const a of ['127.0.0.1', '127.1.2.3', '::1', '::ffff:127.0.0.1']) expect(isLoopbackAddress(a), a).toBe(true);
    for (const a of ['10.0.0.1', '192.168.1.2', '::ffff:10.0.0.1', '::', '0.0.0.0', '', undefined, '1127.0.0.1'])
      expect(isLoopbackAddress(a), String(a)).toBe(false);
  });
});
