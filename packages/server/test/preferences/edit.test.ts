/**
 * PATCH /customers/{id}/preferences (R5, 004) through the real app over a real SQLite copy of the
 * sample: agents and up change consent with a reason; the consent log, timeline, audit log and
 * change feed follow; bad input is a 400 naming the field and changes nothing; a viewer gets 403.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { PreferencesEdited, type Role } from '@c360/sdk';
import { openSampleApp, type SampleApp } from '../helpers/sample-db.js';
import { changesAfter, feedBounds } from '../../src/realtime/feed.js';

let sample: SampleApp;
let C: string;
let n = 0;
const unique = (prefix: string) => `${prefix}${Date.now()}-${++n}`;

const patch = (body: unknown, key?: string): RequestInit => ({
  method: 'PATCH',
  headers: { 'content-type': 'application/json', ...(key ? { 'idempotency-key': key } : {}) },
  body: JSON.stringify(body),
});

/** Everything the edit may write, to prove a refused request changed nothing. */
async function snapshot(customerId: string) {
  const [prefs, consent, activity, audit] = await Promise.all([
    sample.db.selectFrom('preferences').selectAll().where('customer_id', '=', customerId).execute(),
    sample.db.selectFrom('consent_log').select('id').where('customer_id', '=', customerId).execute(),
    sample.db.selectFrom('activity').select('id').where('customer_id', '=', customerId).execute(),
    sample.db.selectFrom('audit_log').select('id').where('customer_id', '=', customerId).execute(),
  ]);
  return JSON.stringify([prefs, consent.length, activity.length, audit.length]);
}

beforeAll(async () => {
  sample = await openSampleApp();
  C = (await sample.db.selectFrom('customers').select('id').orderBy('id').executeTakeFirstOrThrow()).id;
  const res = await sample.call('/events', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify([
      {
        id: unique('prefs-seed-'),
        type: 'preferences.updated',
        occurredAt: '2011-06-01T00:00:00Z',
        data: { customerId: C, optIns: { email: true, sms: true } },
      },
    ]),
  });
  expect(res.status).toBe(200);
});
afterAll(() => sample.close());

describe('PATCH /customers/{id}/preferences', () => {
  it('an agent opts the customer out of SMS: consent log, timeline, audit and change feed follow', async () => {
    const before = await feedBounds(sample.db);
    const res = await sample.call(`/customers/${C}/preferences`, {
      ...patch({ optIns: { sms: false }, reason: 'Asked by phone to stop texts', source: 'phone' }),
      as: 'agent',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const body = PreferencesEdited.parse(res.body);
    expect(body.optIns).toMatchObject({ email: true, sms: false });
    expect(body.consentChanges).toEqual([
      expect.objectContaining({ channel: 'sms', granted: false, reason: 'Asked by phone to stop texts', source: 'phone' }),
    ]);

    const marketing = (await sample.call(`/customers/${C}/marketing`, { as: 'viewer' })).body;
    expect(marketing.optIns.sms).toBe(false);
    expect(marketing.consentLog[0]).toMatchObject({
      id: body.consentChanges[0]!.id,
      channel: 'sms',
      granted: false,
      reason: 'Asked by phone to stop texts',
    });

    const timeline = (await sample.call(`/customers/${C}/timeline?types=marketing&limit=5`)).body.events;
    expect(timeline[0]).toMatchObject({ type: 'marketing', title: 'Communication preferences updated' });
    expect(timeline[0].description).toContain('SMS opted out');
    expect(timeline[0].description).toContain('Asked by phone to stop texts');

    const audit = await sample.db
      .selectFrom('audit_log')
      .selectAll()
      .where('customer_id', '=', C)
      .where('action', '=', 'preferences.updated')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(audit.actor).toBe('Test agent');
    expect(JSON.parse(audit.details!)).toMatchObject({
      optIns: { sms: false },
      reason: 'Asked by phone to stop texts',
      source: 'phone',
      consentChanges: [{ channel: 'sms', granted: false }],
    });

    const changes = await changesAfter(sample.db, C, before.max);
    expect(changes.map((c) => c.section)).toEqual(expect.arrayContaining(['marketing', 'timeline']));
  });

  it('sets and clears quiet hours, time zone, language and frequency; an unchanged opt-in logs no consent row', async () => {
    const set = await sample.call(
      `/customers/${C}/preferences`,
      patch({
        quietHours: { start: '21:00', end: '08:00' },
        timezone: 'Europe/Paris',
        language: 'fr',
        frequency: 'weekly',
        optIns: { email: true },
        reason: 'confirmed',
      }),
    );
    expect(set.status).toBe(200);
    expect(set.body.preferences).toMatchObject({
      quietHours: { start: '21:00', end: '08:00' },
      timezone: 'Europe/Paris',
      language: 'fr',
      frequency: 'weekly',
    });
    expect(set.body.consentChanges).toEqual([]); // email was already on
    const cleared = await sample.call(`/customers/${C}/preferences`, patch({ quietHours: null, timezone: null }));
    expect(cleared.status).toBe(200);
    expect(cleared.body.preferences).toMatchObject({ quietHours: null, timezone: null, language: 'fr', frequency: 'weekly' });
  });

  it('with an Idempotency-Key a retry returns the first result and writes nothing again; another body with the key is a 422', async () => {
    const key = unique('prefs-key-');
    const first = await sample.call(`/customers/${C}/preferences`, patch({ optIns: { push: true }, reason: 'app settings' }, key));
    expect(first.status).toBe(200);
    const after = await snapshot(C);
    const again = await sample.call(`/customers/${C}/preferences`, patch({ optIns: { push: true }, reason: 'app settings' }, key));
    expect(again.status).toBe(200);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body).toEqual(first.body);
    expect(await snapshot(C)).toBe(after);
    const other = await sample.call(`/customers/${C}/preferences`, patch({ optIns: { push: false }, reason: 'app settings' }, key));
    expect(other.status).toBe(422);
    expect(await snapshot(C)).toBe(after);
  });

  it.each<[string, unknown, string]>([
    ['no field', {}, 'body.optIns'],
    ['an opt-in without a reason', { optIns: { sms: true } }, 'body.reason'],
    ['an unknown channel', { optIns: { fax: true }, reason: 'x' }, 'body.optIns'],
    ['a bad time', { quietHours: { start: '25:00', end: '08:00' } }, 'body.quietHours.start'],
    ['an unknown time zone', { timezone: 'Mars/Olympus' }, 'body.timezone'],
    ['a bad language tag', { language: 'French!' }, 'body.language'],
    ['an unknown frequency', { frequency: 'hourly' }, 'body.frequency'],
    ['an unknown field', { optIns: { sms: true }, reason: 'x', colour: 'red' }, 'body.colour'],
  ])('refuses %s with a 400 naming the field, changing nothing', async (_what, body, field) => {
    const before = await snapshot(C);
    const res = await sample.call(`/customers/${C}/preferences`, patch(body));
    expect(res.status).toBe(400);
    expect(res.type).toContain('application/problem+json');
    expect((res.body.errors as Array<{ field: string }>).map((e) => e.field)).toContain(field);
    expect(await snapshot(C)).toBe(before);
  });

  it.each<[Role, number]>([
    ['viewer', 403],
    ['agent', 200],
    ['manager', 200],
    ['admin', 200],
  ])('%s → %i', async (role, status) => {
    const before = await snapshot(C);
    const res = await sample.call(`/customers/${C}/preferences`, { ...patch({ frequency: 'monthly' }), as: role });
    expect(res.status).toBe(status);
    if (status === 403) {
      expect(res.body.detail).toBe('needs consent:write');
      expect(await snapshot(C)).toBe(before);
    }
  });

  it('404 for an unknown customer', async () => {
    const res = await sample.call('/customers/no-such-customer/preferences', patch({ frequency: 'daily' }));
    expect(res.status).toBe(404);
  });

  it('property: after any sequence of opt-in edits the opt-ins are the last value per channel and the log has one row per actual change', async () => {
    const id = (await sample.db.selectFrom('customers').select('id').where('id', '!=', C).orderBy('id', 'desc').executeTakeFirstOrThrow())
      .id;
    const channel = fc.constantFrom('email', 'sms', 'push', 'whatsapp');
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(channel, fc.boolean()), { minLength: 1, maxLength: 6 }), async (edits) => {
        const start = (await sample.call(`/customers/${id}/marketing`)).body.optIns as Record<string, boolean>;
        const logBefore = (await sample.db.selectFrom('consent_log').select('id').where('customer_id', '=', id).execute()).length;
        const state = { ...start };
        let changes = 0;
        for (const [ch, on] of edits) {
          const res = await sample.call(`/customers/${id}/preferences`, patch({ optIns: { [ch]: on }, reason: 'property' }));
          expect(res.status).toBe(200);
          if (state[ch] !== on) changes++;
          state[ch] = on;
        }
        expect((await sample.call(`/customers/${id}/marketing`)).body.optIns).toEqual(state);
        expect((await sample.db.selectFrom('consent_log').select('id').where('customer_id', '=', id).execute()).length).toBe(
          logBefore + changes,
        );
      }),
      { numRuns: 15 },
    );
  });
});
