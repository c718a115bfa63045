/**
 * Every operation of the OpenAPI document has an operationId, and they are unique; every route
 * the API app answers is in the document (the reference itself, /openapi.json and /docs, aside),
 * and so is the one JSON route of the embed app, GET /embed/lookup (with its own server, `/`).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { derivedOperationId, OPERATION_IDS } from '../../src/api/operation-ids.js';
import { isOutsideApi } from '../../src/api/embed-lookup-doc.js';
import { createServerApp } from '../../src/server.js';
import { openSampleApp, TEST_SECRET, type SampleApp } from '../helpers/sample-db.js';

const METHODS = new Set(['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace']);
/** Routes of the API app that are the reference, not operations of the API. */
const REFERENCE = new Set(['GET /openapi.json', 'GET /docs', 'GET /docs/init.js', 'GET /docs/{asset}']);

let sample: SampleApp;
let doc: any;
beforeAll(async () => {
  sample = await openSampleApp();
  doc = (await sample.call('/openapi.json', { as: null })).body;
});
afterAll(() => sample.close());

/** `GET /customers/{id}/360` for each operation of the document. */
const operations = (): Array<[string, any]> =>
  Object.entries<Record<string, any>>(doc.paths).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([method]) => METHODS.has(method))
      .map(([method, op]): [string, any] => [`${method.toUpperCase()} ${path}`, op]),
  );

describe('operationId', () => {
  it('every operation has one, and no two share one', () => {
    const ops = operations();
    expect(ops.length).toBeGreaterThan(25);
    const missing = ops
      .filter(([, op]) => typeof op.operationId !== 'string' || !/^[a-z][A-Za-z0-9]*$/.test(op.operationId))
      .map(([key]) => key);
    expect(missing).toEqual([]);
    const ids = ops.map(([, op]) => op.operationId);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('the chosen names are used for the routes that have one', () => {
    for (const [key, op] of operations()) if (OPERATION_IDS[key]) expect(op.operationId, key).toBe(OPERATION_IDS[key]);
    expect(operations().find(([key]) => key === 'GET /customers/{id}/360')?.[1].operationId).toBe('getCustomer360');
  });

  it('an unlisted route gets a readable derived name', () => {
    expect(derivedOperationId('get', '/customers/{id}/foo-bar')).toBe('getCustomersByIdFooBar');
    expect(derivedOperationId('DELETE', '/x/{tagId}')).toBe('deleteXByTagId');
  });
});

describe('the document covers the app', () => {
  it('every route the API app answers is documented, and every documented /api route is answered', () => {
    const answered = new Set(
      sample.rawApp.routes
        .filter((r) => r.method !== 'ALL')
        .map((r) => `${r.method} ${r.path.replace(/:(\w+)/g, '{$1}')}`)
        .filter((key) => !REFERENCE.has(key)),
    );
    const documented = new Set(
      operations()
        .filter(([, op]) => !isOutsideApi(op))
        .map(([key]) => key),
    );
    expect([...answered].filter((k) => !documented.has(k))).toEqual([]);
    expect([...documented].filter((k) => !answered.has(k))).toEqual([]);
  });

  it('GET /embed/lookup is documented at the server root with its access, and the server answers it there', async () => {
    const outside = operations().filter(([, op]) => isOutsideApi(op));
    expect(outside.map(([key]) => key)).toEqual(['GET /embed/lookup']);
    const [, op] = outside[0]!;
    expect(op).toMatchObject({
      operationId: 'lookupEmbedCustomer',
      servers: [{ url: '/' }],
      security: [{ bearerAuth: [] }],
      'x-c360-permission': 'customers:read',
    });
    expect(op.parameters.map((p: { name: string }) => p.name).sort()).toEqual(['email', 'id', 'phone']);
    expect(op.responses['200'].content['application/json'].schema.$ref).toBe('#/components/schemas/EmbedLookup');

    // The JSON routes of the embed app, as the mounted server has them, are exactly the documented ones.
    const server = createServerApp({ db: sample.db, asOf: sample.asOf, auth: { secret: TEST_SECRET, writeRate: 0 } });
    const embedJson = server.routes.filter((r) => r.method === 'GET' && r.path === '/embed/lookup');
    expect(embedJson).toHaveLength(1);
    const res = await server.request('http://localhost/embed/lookup?id=17850', {
      headers: { authorization: `Bearer ${sample.tokens.viewer}` },
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ customerId: '17850', matchedBy: 'id' });
  });
});
