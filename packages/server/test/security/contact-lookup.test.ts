/**
 * A customer's name cannot capture another person's email lookup (issue 13.2): the exact payload of
 * the report — a customer named `"Mallory\u001fceo@victim.example\u001f"` — is stored without its
 * control characters, and `/embed/lookup?email=ceo@victim.example` (and `/embed/customer`) finds the
 * real owner of that address, or nobody, never Mallory; lookups compare the normalised email and
 * phone columns.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSampleApp, TEST_SECRET, type SampleApp } from '../helpers/sample-db.js';
import { createServerApp } from '../../src/server.js';
import { findCustomerByContact } from '../../src/embed/find-customer.js';

const MALLORY = 'Mallory\u001fceo@victim.example\u001f';
let sample: SampleApp;
let server: ReturnType<typeof createServerApp>;

const post = (events: unknown[]) =>
  sample.call('/events', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(events) });
const upsert = (id: string, data: Record<string, unknown>) => ({
  id: `lookup-${id}-${Math.random()}`,
  type: 'customer.upserted',
  occurredAt: '2011-06-01T10:00:00Z',
  data: { customerId: id, ...data },
});
const lookup = async (query: string) => {
  const res = await server.request(`http://localhost/embed/lookup?${query}`, {
    headers: { authorization: `Bearer ${sample.tokens.viewer}` },
  });
  return { status: res.status, body: await res.json() };
};

beforeAll(async () => {
  sample = await openSampleApp();
  server = createServerApp({ db: sample.db, asOf: sample.asOf, auth: { secret: TEST_SECRET } });
  expect((await post([upsert('MALLORY', { name: MALLORY, email: 'mallory@evil.example', phone: '+44 20 7946 0999' })])).status).toBe(200);
});
afterAll(() => sample.close());

describe('email and phone lookups', () => {
  it('the name is stored without control characters', async () => {
    const row = await sample.db
      .selectFrom('customers')
      .select(['name', 'search_text'])
      .where('id', '=', 'MALLORY')
      .executeTakeFirstOrThrow();
    expect(row.name).toBe('Malloryceo@victim.example');
    expect(row.search_text.split('\u001f')).toHaveLength(3);
  });

  it('an email lookup never matches a name: nobody has ceo@victim.example yet', async () => {
    expect(await findCustomerByContact(sample.db, { email: 'ceo@victim.example' })).toEqual({ kind: 'none', tried: ['email'] });
    expect(await lookup('email=ceo%40victim.example')).toMatchObject({ status: 404 });
  });

  it('the real owner of the address is found, not ambiguous with Mallory', async () => {
    expect((await post([upsert('VICTIM', { name: 'The CEO', email: 'CEO@Victim.example' })])).status).toBe(200);
    expect(await findCustomerByContact(sample.db, { email: ' ceo@victim.EXAMPLE ' })).toEqual({
      kind: 'found',
      customerId: 'VICTIM',
      matchedBy: 'email',
    });
    expect(await lookup('email=ceo%40victim.example')).toEqual({ status: 200, body: { customerId: 'VICTIM', matchedBy: 'email' } });
    const page = await server.request(`http://localhost/embed/customer?email=ceo%40victim.example&token=${sample.tokens.viewer}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('VICTIM');
    expect(html).not.toContain('MALLORY');
  });

  it('phones compare by digits, emails case-insensitively, including internationalised ones', async () => {
    expect(await findCustomerByContact(sample.db, { phone: '442079460999' })).toEqual({
      kind: 'found',
      customerId: 'MALLORY',
      matchedBy: 'phone',
    });
    expect((await post([upsert('IDN', { name: 'José', email: 'José@Bücher.de' })])).status).toBe(200);
    expect(await findCustomerByContact(sample.db, { email: 'josé@bücher.DE' })).toEqual({
      kind: 'found',
      customerId: 'IDN',
      matchedBy: 'email',
    });
    const row = await sample.db.selectFrom('customers').select('email').where('id', '=', 'IDN').executeTakeFirstOrThrow();
    expect(row.email).toBe('José@Bücher.de'); // stored as given
  });
});
