/**
 * Every unknown /api path is a 404 problem+json with the API's security headers, through the
 * mounted server (src/server.ts) as through the API app alone; a malformed JSON body is a 400
 * problem+json of a real type naming `body`, and changes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServerApp } from '../../src/server.js';
import { openSampleApp, TEST_SECRET, type SampleApp } from '../helpers/sample-db.js';

/** Headers secureHeaders() gives every API response. */
const SECURITY_HEADERS = [
  'x-content-type-options',
  'x-frame-options',
  'strict-transport-security',
  'referrer-policy',
  'cross-origin-opener-policy',
  'x-permitted-cross-domain-policies',
];

let sample: SampleApp;
let server: ReturnType<typeof createServerApp>;
beforeAll(async () => {
  sample = await openSampleApp();
  server = createServerApp({ db: sample.db, asOf: sample.asOf, auth: { secret: TEST_SECRET, writeRate: 0 } });
});
afterAll(() => sample.close());

const auth = () => ({ authorization: `Bearer ${sample.tokens.admin}` });

describe('unknown /api paths', () => {
  it.each(['/api/nope', '/api/customers/17850/nothing', '/api/', '/api/docs/nope.css'])(
    '%s is a 404 problem+json with the security headers',
    async (path) => {
      const known = await server.request('http://localhost/api/customers?limit=1', { headers: auth() });
      const res = await server.request(`http://localhost${path}`, { headers: auth() });
      expect(res.status).toBe(404);
      expect(res.headers.get('content-type')).toBe('application/problem+json');
      const body = await res.json();
      expect(body).toMatchObject({ type: 'https://c360.dev/problems/not-found', status: 404, instance: path });
      expect(body.detail).toContain(path);
      for (const header of SECURITY_HEADERS) {
        expect(res.headers.get(header), header).toBeTruthy();
        expect(res.headers.get(header), header).toBe(known.headers.get(header));
      }
      expect(res.headers.get('cache-control')).toBe('no-store');
    },
  );

  it('an unknown method on a known path is a 404 problem too', async () => {
    const res = await server.request('http://localhost/api/customers', { method: 'PUT', headers: auth() });
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
  });

  it('outside /api an unknown path stays a plain 404', async () => {
    const res = await server.request('http://localhost/nothing-here');
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).not.toContain('problem+json');
  });
});

describe('malformed JSON bodies', () => {
  it.each([
    ['/api/customers/17850/notes', '{"body": '],
    ['/api/tags', 'not json at all'],
    ['/api/segments', '{'],
  ])('POST %s with %j is a 400 invalid-request naming body, and writes nothing', async (path, text) => {
    const before = await sample.db
      .selectFrom('notes')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const res = await server.request(`http://localhost${path}`, {
      method: 'POST',
      headers: { ...auth(), 'content-type': 'application/json' },
      body: text,
    });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    const body = await res.json();
    expect(body.type).toBe('https://c360.dev/problems/invalid-request');
    expect(body.type).not.toBe('about:blank');
    expect(body.errors).toEqual([{ field: 'body', message: 'The request body is not valid JSON' }]);
    expect(body.detail).toContain('body');
    const after = await sample.db
      .selectFrom('notes')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
  });
});
