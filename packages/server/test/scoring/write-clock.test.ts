/**
 * One clock in the demo (issue 12): with a pinned as-of (the demo's 2011-12-09) what the server
 * writes while it runs — quick actions, notes, tags, preference edits, exports, ingestion — is
 * stamped as-of + elapsed real time, not the machine's date; with the real time as as-of, writes
 * use the real time.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { asOfPinned, writeClock } from '../../src/scoring/clock.js';
import { createApiApp } from '../../src/api/app.js';
import { writeTime } from '../../src/core/read-context.js';
import { openSampleDb, TEST_SECRET, withToken } from '../helpers/sample-db.js';
import { createApiKey } from '../../src/auth/api-keys.js';
import { datasetAsOf } from '../../src/demo/load-demo.js';
import type { Db } from '../../src/db/connect.js';

describe('writeClock', () => {
  it('property: pinned, it is as-of + the real time elapsed since the start; not pinned, the real time', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2e12 }),
        fc.integer({ min: 1e12, max: 2e12 }),
        fc.integer({ min: 0, max: 1e9 }),
        (asOf, start, elapsed) => {
          const real = () => start + elapsed;
          expect(writeClock(new Date(asOf), true, start, real)().getTime()).toBe(asOf + elapsed);
          expect(writeClock(new Date(asOf), false, start, real)().getTime()).toBe(start + elapsed);
        },
      ),
    );
  });

  it('asOfPinned follows resolveAsOf: --as-of, C360_NOW or the fallback pin it; blanks do not', () => {
    expect(asOfPinned({ asOf: '2011-12-09', env: {} })).toBe(true);
    expect(asOfPinned({ env: { C360_NOW: '2011-12-09' } })).toBe(true);
    expect(asOfPinned({ env: {}, fallback: '2011-12-09T12:50:00Z' })).toBe(true);
    expect(asOfPinned({ env: { C360_NOW: ' ' } })).toBe(false);
    expect(asOfPinned({ env: {} })).toBe(false);
    expect(writeTime({ db: undefined as unknown as Db, asOf: new Date(0) }).getFullYear()).toBeGreaterThan(2020); // unset: real time
  });
});

describe('an app on the demo clock', () => {
  let db: Db;
  let close: () => Promise<void>;
  let call: (path: string, init?: RequestInit) => Promise<{ status: number; body: any }>;
  let asOf: Date;
  const C = '17850';
  const json = (method: string, body: unknown): RequestInit => ({
    method,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  /** Within the minute after as-of (never the machine's 2026). */
  const onDemoClock = (iso: string) => {
    const t = Date.parse(iso);
    expect(t, iso).toBeGreaterThanOrEqual(asOf.getTime());
    expect(t - asOf.getTime(), iso).toBeLessThan(60_000);
  };

  beforeAll(async () => {
    ({ db, close } = await openSampleDb());
    asOf = new Date((await datasetAsOf(db))!);
    const app = createApiApp({ db, asOf, now: writeClock(asOf, true), auth: { secret: TEST_SECRET, writeRate: 0 } });
    const { token } = await createApiKey(db, { name: 'Clock tester', role: 'admin', createdBy: 'test' });
    const authed = withToken(app, token);
    call = async (path, init) => {
      const res = await authed.request(`http://localhost${path}`, init);
      const text = await res.text();
      return { status: res.status, body: text && res.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text };
    };
  });
  afterAll(() => close());

  it('stamps quick actions, notes, tags, preference edits and exports on the demo clock', async () => {
    const ticket = await call(`/customers/${C}/actions/ticket`, json('POST', { subject: 'Clock ticket' }));
    expect(ticket.status).toBe(201);
    onDemoClock(ticket.body.createdAt);
    const note = await call(`/customers/${C}/notes`, json('POST', { body: 'Clock note' }));
    expect(note.status).toBe(201);
    onDemoClock(note.body.createdAt);
    const tags = await call(`/customers/${C}/tags`, json('POST', { name: 'Clock tag' }));
    expect(tags.status).toBe(200);
    expect((await call(`/customers/${C}/preferences`, json('PATCH', { frequency: 'weekly' }))).body.preferences.updatedAt).toSatisfy(
      (at: string) => (onDemoClock(at), true),
    );
    expect((await call(`/customers/${C}/export?format=csv`)).status).toBe(200);

    const audit = (await call(`/audit?customer=${C}&actor=Clock%20tester`)).body.entries as Array<{ action: string; at: string }>;
    expect(audit.map((e) => e.action).sort()).toEqual([
      'export.csv',
      'note.created',
      'preferences.updated',
      'tag.assigned',
      'ticket.created',
    ]);
    for (const e of audit) onDemoClock(e.at);
    // The timeline puts them on top of the customer's 2011 history, minutes after the as-of.
    const top = (await call(`/customers/${C}/timeline?limit=5`)).body.events as Array<{ occurredAt: string }>;
    for (const e of top) onDemoClock(e.occurredAt);
  });
});
