/**
 * HTTP conventions of the whole server (src/server.ts): gzip through hono/compress on what a
 * browser downloads (the element bundle, the OpenAPI document, API JSON) but never on the live
 * stream; ETags and the cache policy of the bundle (hashed chunks immutable, c360.js short-lived and
 * revalidated) and of the OpenAPI document. Served from @c360/components' `cdn/` (scripts/bundle.mjs).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUNDLE_DIR, createServerApp } from '../../src/server.js';
import { IMMUTABLE, ENTRY_MAX_AGE_S } from '../../src/embed/assets.js';
import { openSampleApp, TEST_SECRET, type SampleApp } from '../helpers/sample-db.js';

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
let sample: SampleApp;
let server: ReturnType<typeof createServerApp>;

/** GET through the whole server app with the admin key. */
const get = (path: string, headers: Record<string, string> = {}) =>
  server.request(`http://localhost${path}`, { headers: { authorization: `Bearer ${sample.tokens.admin}`, ...headers } });

/** The body of a response, gunzipped when it says it is gzip. */
async function bytes(res: Response): Promise<Buffer> {
  const raw = Buffer.from(await res.arrayBuffer());
  return res.headers.get('content-encoding') === 'gzip' ? gunzipSync(raw) : raw;
}

beforeAll(async () => {
  if (!existsSync(join(BUNDLE_DIR, 'c360.js'))) execFileSync(process.execPath, ['scripts/bundle.mjs'], { cwd: ROOT, stdio: 'inherit' });
  sample = await openSampleApp();
  server = createServerApp({ db: sample.db, asOf: sample.asOf, auth: { secret: TEST_SECRET, writeRate: 0 } });
}, 120_000);
afterAll(() => sample.close());

describe('the element bundle at /embed/assets/', () => {
  it('is served from @c360/components/cdn/', () => {
    expect(BUNDLE_DIR.replaceAll('\\', '/')).toMatch(/components\/cdn$/);
  });

  it('c360.js: gzip when accepted, the same bytes as the file, short max-age and an ETag that revalidates to 304', async () => {
    const file = readFileSync(join(BUNDLE_DIR, 'c360.js'));
    const res = await get('/embed/assets/c360.js', { 'accept-encoding': 'gzip, deflate, br' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-encoding')).toBe('gzip');
    expect(res.headers.get('vary')).toMatch(/accept-encoding/i);
    expect(res.headers.get('cache-control')).toBe(`public, max-age=${ENTRY_MAX_AGE_S}`);
    const etag = res.headers.get('etag');
    expect(etag).toMatch(/^(W\/)?"[0-9a-f]+"$/);
    expect((await bytes(res)).equals(file)).toBe(true);

    const again = await get('/embed/assets/c360.js', { 'accept-encoding': 'gzip', 'if-none-match': etag! });
    expect(again.status).toBe(304);
    expect(again.headers.get('cache-control')).toBe(`public, max-age=${ENTRY_MAX_AGE_S}`);
    expect(await again.text()).toBe('');
  });

  it('c360.js without Accept-Encoding is sent as is', async () => {
    const res = await get('/embed/assets/c360.js');
    expect(res.headers.get('content-encoding')).toBeNull();
    expect((await bytes(res)).length).toBe(readFileSync(join(BUNDLE_DIR, 'c360.js')).length);
  });

  it('a content-hashed chunk is cached for a year, immutable', async () => {
    const chunk = readdirSync(BUNDLE_DIR).find((n) => /^c360-.+-[A-Z0-9]{8}\.js$/.test(n));
    expect(chunk).toBeDefined();
    const res = await get(`/embed/assets/${chunk}`, { 'accept-encoding': 'gzip' });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe(IMMUTABLE);
    expect(IMMUTABLE).toBe('public, max-age=31536000, immutable');
  });

  it('an unknown asset is a 404, not cached for good', async () => {
    const res = await get('/embed/assets/c360-nope-AAAAAAAA.js');
    expect(res.status).toBe(404);
    expect(res.headers.get('cache-control')).not.toBe(IMMUTABLE);
  });
});

describe('the OpenAPI document', () => {
  it('is gzip with an ETag, revalidated on every use (no-cache) and answered 304 when unchanged', async () => {
    const res = await get('/api/openapi.json', { 'accept-encoding': 'gzip' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-encoding')).toBe('gzip');
    expect(res.headers.get('cache-control')).toBe('no-cache');
    const doc = JSON.parse((await bytes(res)).toString('utf8'));
    expect(doc.openapi).toBe('3.1.0');
    const etag = res.headers.get('etag')!;
    expect(etag).toBeTruthy();
    const again = await get('/api/openapi.json', { 'accept-encoding': 'gzip', 'if-none-match': etag });
    expect(again.status).toBe(304);
  });
});

describe('compression of the API', () => {
  it('compresses a large JSON answer', async () => {
    const res = await get('/api/customers?limit=100', { 'accept-encoding': 'gzip' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-encoding')).toBe('gzip');
    expect(JSON.parse((await bytes(res)).toString('utf8')).items.length).toBe(100);
  });

  it('never compresses the live stream /api/stream', async () => {
    const res = await get('/api/stream?customer=17850', { 'accept-encoding': 'gzip', accept: 'text/event-stream' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    expect(res.headers.get('content-encoding')).toBeNull();
    // The first frame arrives as plain text.
    const reader = res.body!.getReader();
    const { value } = await reader.read();
    expect(new TextDecoder().decode(value)).toMatch(/^(:|event:|data:|id:|retry:)/m);
    await reader.cancel();
  });
});
