/**
 * R9.2 / R19.2: every role sees saved methods' brand, last 4 digits and expiry; the processor
 * references of transactions (also in timeline texts) need `payments:full`. R19.4: notes are filtered by
 * visibility for the actor of the token; a `private` note needs `notes:private` to create.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { can, PaymentsOverview, ROLES, type Role } from '@c360/sdk';
import { ADMIN_NAME, openSampleApp, type SampleApp } from '../helpers/sample-db.js';
import { eventMaker } from '../ingest/helpers.js';
import { maskBillingDetails } from '../../src/read/payments.js';

let sample: SampleApp;
const C = 'MASK-1';
beforeAll(async () => {
  sample = await openSampleApp();
  const ev = eventMaker('mask');
  const res = await sample.call('/events', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify([
      ev('customer.upserted', { customerId: C, name: 'Mia Mask' }, '2011-01-01T00:00:00.000Z'),
      ev(
        'payment_method.saved',
        { customerId: C, methodId: 'MASK-M1', type: 'card', brand: 'visa', last4: '4242', expMonth: 4, expYear: 2027, default: true },
        '2011-02-01T10:00:00.000Z',
      ),
      ev('payment_method.saved', { customerId: C, methodId: 'MASK-M2', type: 'paypal' }, '2011-02-02T10:00:00.000Z'),
      ev(
        'payment.recorded',
        {
          customerId: C,
          paymentId: 'MASK-P1',
          kind: 'charge',
          amount: 10,
          currency: 'GBP',
          methodId: 'MASK-M1',
          reference: 'ch_MASK_secret',
        },
        '2011-03-01T10:00:00.000Z',
      ),
    ]),
  });
  expect(res.status).toBe(200);
});
afterAll(() => sample.close());

describe('R9.2 / R19.2 payment display and masking', () => {
  it.each(ROLES)('%s sees brand, last 4 digits and expiry; processor references only with payments:full', async (role: Role) => {
    const res = await sample.call(`/customers/${C}/payments`, { as: role });
    expect(res.status).toBe(200);
    const body = PaymentsOverview.parse(res.body);
    const full = can(role, 'payments:full');
    expect(body.masked).toBe(!full);
    const card = body.methods.find((m) => m.id === 'MASK-M1')!;
    expect(card).toMatchObject({ type: 'card', brand: 'visa', last4: '4242', expMonth: 4, expYear: 2027, default: true, expired: false });
    expect(body.transactions[0]!.method).toEqual({ type: 'card', brand: 'visa', last4: '4242' });
    if (full) {
      expect(body.transactions[0]!.reference).toBe('ch_MASK_secret');
    } else {
      expect(body.transactions[0]!.reference).toBeNull();
      expect(JSON.stringify(res.body)).not.toContain('ch_MASK_secret');
    }
    expect(body.methods.find((m) => m.id === 'MASK-M2')).toMatchObject({ type: 'paypal', last4: null });
  });

  it('the timeline shows card details to every role and the processor reference only with payments:full', async () => {
    for (const role of ROLES) {
      const text = JSON.stringify((await sample.call(`/customers/${C}/timeline?types=payment&limit=50`, { as: role })).body);
      expect(text, role).toContain('Visa •••• 4242');
      expect(text, role).toContain('expires 04/2027');
      if (can(role, 'payments:full')) expect(text, role).toContain('ref ch_MASK_secret');
      else expect(text, role).not.toContain('ch_MASK_secret');
    }
    expect(maskBillingDetails('Order 536365 · Visa •••• 4242 · ref X')).toBe('Order 536365 · Visa •••• 4242');
    expect(maskBillingDetails('Visa •••• 4242 · expires 04/2027 · default')).toBe('Visa •••• 4242 · expires 04/2027 · default');
    expect(maskBillingDetails('ref only')).toBeNull();
    expect(maskBillingDetails('Order 1 · reference book')).toBe('Order 1 · reference book');
    expect(maskBillingDetails(null)).toBeNull();
  });

  it('an embed viewer token sees the card but not the reference', async () => {
    const res = await sample.call(`/customers/${C}/payments`, { as: { token: sample.embedToken(C, { role: 'viewer' }) } });
    expect(res.body.masked).toBe(true);
    expect(res.body.methods[0].last4).toBe('4242');
    expect(res.body.transactions[0].reference).toBeNull();
  });
});

describe('R19.4 notes visibility per role', () => {
  const N = '17850';
  beforeAll(async () => {
    const row = (n: string, visibility: string, author: string) => ({
      id: `note_rbac_${n}`,
      customer_id: N,
      author,
      type: 'general',
      visibility,
      body: `rbac-${n}`,
      created_at: '2011-06-01T00:00:00.000Z',
    });
    await sample.db
      .insertInto('notes')
      .values([
        row('team', 'team', 'Someone'),
        row('private-someone', 'private', 'Someone'),
        row('restricted-someone', 'restricted', 'Someone'),
        row('private-viewer', 'private', 'Test viewer'),
        row('restricted-agent', 'restricted', 'Test agent'),
        row('private-admin', 'private', ADMIN_NAME),
      ])
      .execute();
  });

  async function visible(as: Role | { token: string }): Promise<string[]> {
    const res = await sample.call(`/customers/${N}/notes?limit=200`, { as });
    expect(res.status).toBe(200);
    return (res.body.notes as Array<{ body: string }>)
      .map((n) => n.body)
      .filter((b) => b.startsWith('rbac-'))
      .sort();
  }

  it('team notes for all; own notes for their author; restricted notes for notes:private; others’ private notes for nobody', async () => {
    expect(await visible('viewer')).toEqual(['rbac-private-viewer', 'rbac-team']);
    expect(await visible('agent')).toEqual(['rbac-restricted-agent', 'rbac-team']);
    expect(await visible('manager')).toEqual(['rbac-restricted-agent', 'rbac-restricted-someone', 'rbac-team']);
    expect(await visible('admin')).toEqual(['rbac-private-admin', 'rbac-restricted-agent', 'rbac-restricted-someone', 'rbac-team']);
    // An embed token acts as its `sub`.
    expect(await visible({ token: sample.embedToken(N, { role: 'agent', name: 'Someone' }) })).toEqual([
      'rbac-private-someone',
      'rbac-restricted-someone',
      'rbac-team',
    ]);
  });

  it('a private note needs notes:private; team and restricted notes need notes:write', async () => {
    const add = (as: Role, visibility: string) =>
      sample.call(`/customers/${N}/notes`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ body: `by ${as}`, visibility }),
        as,
      });
    const agentPrivate = await add('agent', 'private');
    expect(agentPrivate.status).toBe(403);
    expect(agentPrivate.body.detail).toBe('needs notes:private');
    expect((await add('agent', 'team')).status).toBe(201);
    const restricted = await add('agent', 'restricted');
    expect(restricted.status).toBe(201);
    expect(restricted.body).toMatchObject({ author: 'Test agent', visibility: 'restricted' });
    expect((await add('manager', 'private')).status).toBe(201);
    expect((await add('viewer', 'team')).body.detail).toBe('needs notes:write');
  });

  it('an Idempotency-Key is its author’s: another author gets a 422 that reveals nothing', async () => {
    const post = (as: Role) =>
      sample.call(`/customers/${N}/notes`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': 'shared-key' },
        body: JSON.stringify({ body: 'Secret plan', visibility: 'private' }),
        as,
      });
    const first = await post('manager');
    expect(first.status).toBe(201);
    expect((await post('manager')).body).toEqual(first.body);
    const other = await post('admin');
    expect(other.status).toBe(422);
    expect(other.body.detail).not.toContain(first.body.id);
    expect(JSON.stringify(other.body)).not.toContain('Secret plan');
  });
});
