/** Errors leave the API as problem+json that says what is wrong. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSampleApp, type SampleApp } from '../helpers/sample-db.js';

describe('problem+json errors', () => {
  let sample: SampleApp;
  beforeAll(async () => {
    sample = await openSampleApp();
  });
  afterAll(() => sample.close());

  it.each(['/customers/nope-999/360', '/customers/nope-999/orders', '/customers/nope-999/timeline'])(
    'an unknown customer is a 404 naming the id (%s)',
    async (path) => {
      const { status, type, body } = await sample.call(path);
      expect(status).toBe(404);
      expect(type).toContain('application/problem+json');
      expect(body).toMatchObject({ status: 404, title: 'Customer not found' });
      expect(body.detail).toContain('nope-999');
    },
  );

  it.each([
    ['/customers?limit=0', 'query.limit'],
    ['/customers?limit=abc', 'query.limit'],
    ['/customers?sort=sideways', 'query.sort'],
    ['/customers?clvMin=-5', 'query.clvMin'],
    ['/customers?registeredFrom=yesterday', 'query.registeredFrom'],
    ['/customers?cursor=not-a-cursor', 'query.cursor'],
    ['/customers/17850/timeline?types=order,bogus', 'query.types'],
    ['/customers/17850/timeline?from=2011-13-45', 'query.from'],
    ['/customers/17850/orders?limit=1000', 'query.limit'],
    ['/customers/17850/orders?cursor=WyJ4Il0', 'query.cursor'],
    ['/customers/bad%20id!/360', 'path.id'],
  ])('GET %s is a 400 naming %s', async (path, field) => {
    const { status, type, body } = await sample.call(path);
    expect(status).toBe(400);
    expect(type).toContain('application/problem+json');
    expect(body.errors.map((e: { field: string }) => e.field)).toContain(field);
    expect(body.detail).toContain(field);
  });

  it('an unknown route is a 404 problem', async () => {
    const { status, body } = await sample.call('/nothing-here');
    expect(status).toBe(404);
    expect(body.detail).toContain('/nothing-here');
  });
});
