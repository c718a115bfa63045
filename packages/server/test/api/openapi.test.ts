/** The OpenAPI document is generated from the SDK schemas and the reference page works offline. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSampleApp, type SampleApp } from '../helpers/sample-db.js';

let sample: SampleApp;
beforeAll(async () => {
  sample = await openSampleApp();
});
afterAll(() => sample.close());

describe('API reference', () => {
  it('GET /openapi.json documents every route with its schemas', async () => {
    const { status, body } = await sample.call('/openapi.json');
    expect(status).toBe(200);
    expect(body.openapi).toBe('3.1.0');
    expect(Object.keys(body.paths)).toEqual(
      expect.arrayContaining(['/customers', '/customers/{id}/360', '/customers/{id}/orders', '/customers/{id}/timeline', '/events']),
    );
    expect(Object.keys(body.components.schemas)).toEqual(
      expect.arrayContaining(['Customer360', 'Problem', 'TimelinePage', 'OrdersPage', 'CustomerSearchPage']),
    );
    const params = body.paths['/customers'].get.parameters.map((p: { name: string }) => p.name);
    expect(params).toEqual(expect.arrayContaining(['q', 'limit', 'cursor', 'sort', 'clvMin']));
  });

  it('GET /docs serves the interactive reference with its own assets', async () => {
    const page = await sample.app.request('http://localhost/docs');
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('swagger-ui-bundle.js');
    const asset = await sample.app.request('http://localhost/docs/swagger-ui-bundle.js');
    expect(asset.status).toBe(200);
    expect(asset.headers.get('content-type')).toContain('javascript');
  });
});
