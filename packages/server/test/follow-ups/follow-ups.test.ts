/**
 * Follow-ups over the real app and sample: the quick action (timeline, audit, change feed,
 * Idempotency-Key replay, `dueAt` in the past named), the customer's and the assignee's lists
 * (keyset pages), PATCH (done, reschedule), and the reminder: once due, exactly one `follow_up.due`
 * notification to the assignee however often and however concurrently the job runs.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSampleApp, ADMIN_NAME, type SampleApp } from '../helpers/sample-db.js';
import { raiseDueFollowUps } from '../../src/follow-ups/due.js';
import { notificationDb } from '../../src/notifications/tables.js';

let sample: SampleApp;
let ids: string[];
beforeAll(async () => {
  sample = await openSampleApp();
  ids = (await sample.db.selectFrom('customers').select('id').orderBy('id').limit(5).execute()).map((r) => r.id);
});
afterAll(() => sample.close());

const HOUR = 3_600_000;
const inHours = (h: number) => new Date(Date.now() + h * HOUR).toISOString();
const json = (method: string, body: unknown, headers: Record<string, string> = {}, as?: 'agent' | 'viewer') => ({
  method,
  headers: { 'content-type': 'application/json', ...headers },
  body: JSON.stringify(body),
  ...(as ? { as } : {}),
});
const schedule = (id: string, body: unknown, headers: Record<string, string> = {}, as?: 'agent' | 'viewer') =>
  sample.call(`/customers/${id}/actions/follow-up`, json('POST', body, headers, as));

describe('POST /customers/{id}/actions/follow-up', () => {
  it('schedules one with its timeline entry, audit row and change, for the caller by default', async () => {
    const id = ids[0]!;
    const res = await schedule(id, { dueAt: inHours(24), note: '  Call back about the invoice  ' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ customerId: id, assignee: ADMIN_NAME, createdBy: ADMIN_NAME, note: 'Call back about the invoice' });
    expect(res.body).toMatchObject({ status: 'open', completedAt: null, notifiedAt: null });
    const fu = res.body;
    const timeline = await sample.call(`/customers/${id}/timeline?limit=5`);
    const entry = timeline.body.events.find((e: any) => e.id === `follow_up:${fu.id}`);
    expect(entry).toMatchObject({ type: 'note', title: `Follow-up scheduled by ${ADMIN_NAME}` });
    expect(entry.description).toContain('Call back about the invoice');
    const audit = await sample.db.selectFrom('audit_log').selectAll().where('action', '=', 'follow_up.scheduled').execute();
    expect(audit.some((a) => JSON.parse(a.details!).followUpId === fu.id)).toBe(true);
    const feed = await sample.db
      .withTables<{ change_feed: { customer_id: string; section: string; type: string } }>()
      .selectFrom('change_feed')
      .select(['section', 'type'])
      .where('customer_id', '=', id)
      .where('type', '=', 'follow_up.scheduled')
      .execute();
    expect(feed.map((f) => f.section).sort()).toEqual(['notes', 'timeline']);
  });

  it('replays a retry with the same Idempotency-Key and refuses the key for another body', async () => {
    const id = ids[1]!;
    const body = { dueAt: inHours(2), assignee: 'Test agent', note: 'Check the refund' };
    const first = await schedule(id, body, { 'idempotency-key': 'fu-key-1' });
    const again = await schedule(id, body, { 'idempotency-key': 'fu-key-1' });
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body).toEqual(first.body);
    const list = await sample.call(`/customers/${id}/follow-ups`);
    expect(list.body.items.filter((f: any) => f.note === 'Check the refund')).toHaveLength(1);
    const other = await schedule(id, { ...body, note: 'Something else' }, { 'idempotency-key': 'fu-key-1' });
    expect(other.status).toBe(422);
  });

  it('names the field of a due time in the past (beyond a minute) and of an empty assignee', async () => {
    const past = await schedule(ids[0]!, { dueAt: inHours(-1) });
    expect(past.status).toBe(400);
    expect(past.body.errors.map((e: any) => e.field)).toEqual(['body.dueAt']);
    const grace = await schedule(ids[0]!, { dueAt: new Date(Date.now() - 20_000).toISOString() });
    expect(grace.status).toBe(201);
    const empty = await schedule(ids[0]!, { dueAt: inHours(1), assignee: '   ' });
    expect(empty.status).toBe(400);
    expect(empty.body.errors.map((e: any) => e.field)).toEqual(['body.assignee']);
    expect((await schedule('no-such-customer', { dueAt: inHours(1) })).status).toBe(404);
  });

  it('is refused to a viewer (403) and allowed to an agent', async () => {
    expect((await schedule(ids[2]!, { dueAt: inHours(1) }, {}, 'viewer')).status).toBe(403);
    const agent = await schedule(ids[2]!, { dueAt: inHours(1) }, {}, 'agent');
    expect(agent.status).toBe(201);
    expect(agent.body.assignee).toBe('Test agent');
  });
});

describe('lists and changes', () => {
  it('lists a customer’s and an assignee’s open follow-ups soonest first, a page at a time', async () => {
    const id = ids[3]!;
    const dues = [5, 1, 3, 2, 4].map((h) => inHours(h));
    for (const dueAt of dues) expect((await schedule(id, { dueAt, assignee: 'Pager test' })).status).toBe(201);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await sample.call(`/customers/${id}/follow-ups?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.status).toBe(200);
      expect(Date.parse(res.body.now)).toBeGreaterThan(0);
      seen.push(...res.body.items.map((f: any) => f.dueAt));
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual([...dues].sort());
    const mine = await sample.call(
      `/follow-ups?assignee=${encodeURIComponent('Pager test')}&dueBefore=${encodeURIComponent(inHours(3.5))}`,
    );
    expect(mine.body.items.map((f: any) => f.dueAt)).toEqual([...dues].sort().slice(0, 3));
    const me = await sample.call('/follow-ups?assignee=me', { as: 'agent' });
    expect(me.status).toBe(200);
    expect(me.body.items.every((f: any) => f.assignee === 'Test agent')).toBe(true);
  });

  it('marks one done (then it leaves the open list), reschedules one and names a past due time', async () => {
    const id = ids[4]!;
    const fu = (await schedule(id, { dueAt: inHours(1), note: 'Done soon' })).body;
    const done = await sample.call(`/follow-ups/${fu.id}`, json('PATCH', { status: 'done' }, {}, 'agent'));
    expect(done.status).toBe(200);
    expect(done.body.status).toBe('done');
    expect(done.body.completedAt).not.toBeNull();
    const open = await sample.call(`/customers/${id}/follow-ups`);
    expect(open.body.items.some((f: any) => f.id === fu.id)).toBe(false);
    const all = await sample.call(`/customers/${id}/follow-ups?status=all`);
    expect(all.body.items.find((f: any) => f.id === fu.id).status).toBe('done');
    const timeline = await sample.call(`/customers/${id}/timeline?limit=5`);
    expect(timeline.body.events[0].title).toBe('Follow-up done by Test agent');
    const past = await sample.call(`/follow-ups/${fu.id}`, json('PATCH', { dueAt: inHours(-2) }));
    expect(past.status).toBe(400);
    expect(past.body.errors[0].field).toBe('body.dueAt');
    expect((await sample.call(`/follow-ups/${fu.id}`, json('PATCH', {}))).status).toBe(400);
    expect((await sample.call('/follow-ups/fu_nope', json('PATCH', { status: 'done' }))).status).toBe(404);
    expect((await sample.call(`/follow-ups/${fu.id}`, json('PATCH', { status: 'open' }, {}, 'viewer'))).status).toBe(403);
  });
});

describe('the reminder when a follow-up falls due', () => {
  // The follow-ups of the tests above are reminded first, so each test below counts only its own.
  beforeAll(() => raiseDueFollowUps(sample.db, new Date(Date.now() + 1000 * HOUR)));

  const notificationsOf = (recipient: string) =>
    notificationDb(sample.db)
      .selectFrom('notifications')
      .selectAll()
      .where('recipient', '=', recipient)
      .where('kind', '=', 'follow_up.due')
      .execute();

  it('raises exactly one notification to the assignee, however often and concurrently the job runs', async () => {
    const id = ids[0]!;
    const fu = (await schedule(id, { dueAt: inHours(1), assignee: 'Reminder test', note: 'Ring them' })).body;
    expect(await raiseDueFollowUps(sample.db, new Date())).toBe(0); // not due yet
    const later = new Date(Date.now() + 2 * HOUR);
    const runs = await Promise.all([
      raiseDueFollowUps(sample.db, later),
      raiseDueFollowUps(sample.db, later),
      raiseDueFollowUps(sample.db, later),
    ]);
    expect(runs.reduce((a, b) => a + b, 0)).toBe(1);
    expect(await raiseDueFollowUps(sample.db, new Date(later.getTime() + HOUR))).toBe(0);
    const rows = await notificationsOf('Reminder test');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ customer_id: id, title: 'Follow-up due: Ring them' });
    const after = (await sample.call(`/customers/${id}/follow-ups`)).body.items.find((f: any) => f.id === fu.id);
    expect(after.notifiedAt).not.toBeNull();
  });

  it('reminds again after a reschedule, and never for a follow-up done before it fell due', async () => {
    const id = ids[1]!;
    const fu = (await schedule(id, { dueAt: inHours(1), assignee: 'Reschedule test' })).body;
    const done = (await schedule(id, { dueAt: inHours(1), assignee: 'Reschedule test' })).body;
    await sample.call(`/follow-ups/${done.id}`, json('PATCH', { status: 'cancelled' }));
    expect(await raiseDueFollowUps(sample.db, new Date(Date.now() + 2 * HOUR))).toBe(1);
    await sample.call(`/follow-ups/${fu.id}`, json('PATCH', { dueAt: inHours(3) }));
    expect(await raiseDueFollowUps(sample.db, new Date(Date.now() + 4 * HOUR))).toBe(1);
    expect(await notificationsOf('Reschedule test')).toHaveLength(2);
  });

  it('sends it by email too when the assignee subscribed to follow_up.due on that channel', async () => {
    const prefs = await sample.call(
      '/notifications/preferences',
      json('PUT', { kinds: ['follow_up.due'], channels: ['in_app', 'email'], email: 'agent@example.com' }, {}, 'agent'),
    );
    expect(prefs.status).toBe(200);
    const fu = (await schedule(ids[2]!, { dueAt: inHours(1), assignee: 'Test agent' })).body;
    expect(await raiseDueFollowUps(sample.db, new Date(Date.now() + 2 * HOUR))).toBeGreaterThanOrEqual(1);
    const [row] = await notificationDb(sample.db)
      .selectFrom('notifications')
      .selectAll()
      .where('dedup_key', 'like', `%follow_up:${fu.id}:%`)
      .execute();
    expect(row?.recipient).toBe('Test agent');
    const deliveries = await notificationDb(sample.db)
      .selectFrom('notification_deliveries')
      .selectAll()
      .where('notification_id', '=', row!.id)
      .execute();
    expect(deliveries.map((d) => [d.channel, d.target])).toEqual([['email', 'agent@example.com']]);
  });
});
