/**
 * Profile changes in the timeline (R7.2): a `customer.upserted` that changes name, email, phone,
 * status or addresses of an existing customer writes one "Profile updated" account entry saying
 * what changed (previous email and phone masked); one that changes nothing writes none; a replay
 * rewrites nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { openSampleApp, type SampleApp } from '../helpers/sample-db.js';
import { eventMaker, poster, timeline } from './helpers.js';
import { maskEmail, maskPhone, profileChanges, type ProfileSnapshot } from '../../src/ingest/profile-changes.js';

let sample: SampleApp;
const post = poster(() => sample);
const ev = eventMaker('profile');
const C = 'PROFILE-1';

const accountEntries = async (id: string) => (await timeline(sample, id)).filter((e) => e.type === 'account');

beforeAll(async () => {
  sample = await openSampleApp();
  const res = await post([
    ev(
      'customer.upserted',
      {
        customerId: C,
        name: 'Dana Old',
        email: 'dana@old.example',
        phone: '+44 20 7946 0958',
        registeredAt: '2011-01-01T00:00:00.000Z',
        addresses: [{ id: 'PROFILE-A1', label: 'home', line1: '1 Old Road', city: 'London', country: 'GB', primary: true }],
      },
      '2011-01-01T00:00:00.000Z',
    ),
  ]);
  expect(res.status).toBe(200);
});
afterAll(() => sample.close());

describe('profile changes in the timeline', () => {
  it('an email, phone and status change writes one "Profile updated" entry naming each change', async () => {
    const res = await post([
      ev(
        'customer.upserted',
        { customerId: C, email: 'dana@new.example', phone: '+44 20 7946 1234', status: 'inactive' },
        '2011-06-01T09:00:00.000Z',
        'profile-change-1',
      ),
    ]);
    expect(res.status).toBe(200);
    const entries = await accountEntries(C);
    expect(entries.map((e) => e.title)).toEqual(['Profile updated', 'Customer created']);
    expect(entries[0]).toMatchObject({
      id: 'profile:profile-change-1',
      occurredAt: '2011-06-01T09:00:00.000Z',
      ref: { kind: 'customer', id: C },
      description: 'Email: d•••@old.example → dana@new.example · Phone: ••• 0958 → +44 20 7946 1234 · Status: active → inactive',
    });
    expect(entries[0].description).not.toContain('dana@old.example');
    // Every role that reads the customer sees the entry (as it sees the profile's email and phone).
    for (const role of ['viewer', 'agent'] as const) {
      const seen = (await sample.call(`/customers/${C}/timeline?types=account`, { as: role })).body.events;
      expect(seen[0].description, role).toBe(entries[0].description);
    }
  });

  it('a replay of the same event writes nothing more', async () => {
    await post([
      ev(
        'customer.upserted',
        { customerId: C, email: 'dana@new.example', phone: '+44 20 7946 1234', status: 'inactive' },
        '2011-06-01T09:00:00.000Z',
        'profile-change-1',
      ),
    ]);
    expect((await accountEntries(C)).length).toBe(2);
  });

  it('a name and address change is named; an upsert that changes nothing writes no entry', async () => {
    await post([
      ev(
        'customer.upserted',
        {
          customerId: C,
          name: 'Dana New',
          addresses: [{ id: 'PROFILE-A1', label: 'home', line1: '2 New Road', city: 'London', country: 'GB', primary: true }],
        },
        '2011-07-01T09:00:00.000Z',
      ),
    ]);
    const entries = await accountEntries(C);
    expect(entries[0].description).toBe('Name: Dana Old → Dana New · Address changed');
    await post([
      ev('customer.upserted', { customerId: C, name: 'Dana New', email: 'dana@new.example', vip: true }, '2011-08-01T09:00:00.000Z'),
    ]);
    expect((await accountEntries(C)).length).toBe(entries.length);
  });

  it('filling in what was never set (email, phone, addresses, a name over the placeholder) is not a change', async () => {
    const id = 'PROFILE-2';
    await post([ev('customer.upserted', { customerId: id, registeredAt: '2011-01-01T00:00:00.000Z' }, '2011-01-01T00:00:00.000Z')]);
    await post([
      ev(
        'customer.upserted',
        {
          customerId: id,
          name: 'Ann New',
          email: 'ann@new.example',
          phone: '+44 1632 960000',
          addresses: [{ id: 'PROFILE-A2', label: 'home', line1: '3 Road', city: 'Leeds', country: 'GB', primary: true }],
        },
        '2011-02-01T00:00:00.000Z',
      ),
    ]);
    expect((await accountEntries(id)).map((e) => e.title)).toEqual(['Customer created']);
    await post([ev('customer.upserted', { customerId: id, email: null }, '2011-03-01T00:00:00.000Z')]);
    expect((await accountEntries(id))[0].description).toBe('Email: a•••@new.example → (none)');
  });

  it('property: an entry exactly when a set field is replaced or removed, naming only those fields, never a previous email in full', () => {
    const snapshot = fc.record({
      name: fc.constantFrom(null, 'A', 'B'),
      email: fc.constantFrom(null, 'ann@one.example', 'bob@two.example'),
      phone: fc.constantFrom(null, '+44 20 7946 0001', '+1 555 0100 22'),
      status: fc.constantFrom('active', 'inactive'),
      addresses: fc.constantFrom(undefined, ['x'], ['y'], [] as string[]),
    });
    fc.assert(
      fc.property(snapshot, snapshot, (before: ProfileSnapshot, after: ProfileSnapshot) => {
        const changes = profileChanges(before, {
          ...after,
          addresses: before.addresses === undefined ? undefined : (after.addresses ?? []),
        });
        const differs = (['name', 'email', 'phone', 'status'] as const).filter((k) => before[k] !== null && before[k] !== after[k]);
        expect(changes.filter((c) => !c.startsWith('Address')).map((c) => c.split(':')[0]!.toLowerCase())).toEqual(differs);
        if (before.email && before.email !== after.email) expect(changes.join(' ')).not.toContain(before.email);
      }),
    );
    expect(maskEmail('dana@example.com')).toBe('d•••@example.com');
    expect(maskPhone('+44 20 7946 0958')).toBe('••• 0958');
  });
});
