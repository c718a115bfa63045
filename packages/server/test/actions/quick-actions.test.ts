/**
 * Quick actions (R14): email, ticket and points through the real app over a real SQLite copy of
 * the sample; the email outbox is a temporary directory.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openSampleApp, ADMIN_NAME, type SampleApp } from '../helpers/sample-db.js';
import { inQuietHours, localMinutes } from '../../src/actions/contact-rules.js';

let sample: SampleApp;
let outbox: string;
let C: string;
let n = 0;
const unique = (prefix: string) => `${prefix}${Date.now()}-${++n}`;

const post = (body: unknown, key?: string): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', ...(key ? { 'idempotency-key': key } : {}) },
  body: JSON.stringify(body),
});

async function events(list: unknown[]): Promise<void> {
  const res = await sample.call('/events', post(list));
  expect(res.status, JSON.stringify(res.body)).toBe(200);
}

/** Sets the customer's email preferences through a `preferences.updated` event. */
async function preferences(customerId: string, data: Record<string, unknown>): Promise<void> {
  await events([
    { id: unique('prefs-'), type: 'preferences.updated', occurredAt: new Date().toISOString(), data: { customerId, ...data } },
  ]);
}

const hhmm = (minutes: number) => {
  const m = ((minutes % 1440) + 1440) % 1440;
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
};

const outboxFiles = () => readdirSync(outbox).filter((f) => f.endsWith('.json'));
const timeline = async (id: string) =>
  (await sample.call(`/customers/${id}/timeline?limit=20`)).body.events as Array<{
    type: string;
    title: string;
    ref: { kind: string; id: string } | null;
  }>;
const auditRows = (customerId: string, action: string) =>
  sample.db.selectFrom('audit_log').selectAll().where('customer_id', '=', customerId).where('action', '=', action).execute();

beforeAll(async () => {
  outbox = mkdtempSync(join(tmpdir(), 'c360-outbox-'));
  process.env.C360_OUTBOX = outbox;
  delete process.env.C360_SMTP_URL;
  sample = await openSampleApp();
  C = (await sample.db.selectFrom('customers').select('id').where('email', 'is not', null).orderBy('id').executeTakeFirstOrThrow()).id;
});
afterAll(async () => {
  await sample.close();
  rmSync(outbox, { recursive: true, force: true });
  delete process.env.C360_OUTBOX;
});

describe('quiet hours', () => {
  it('a window wraps midnight when start > end; start = end is empty', () => {
    expect(inQuietHours(22 * 60, '21:00', '08:00')).toBe(true);
    expect(inQuietHours(7 * 60 + 59, '21:00', '08:00')).toBe(true);
    expect(inQuietHours(8 * 60, '21:00', '08:00')).toBe(false);
    expect(inQuietHours(12 * 60, '09:00', '17:00')).toBe(true);
    expect(inQuietHours(17 * 60, '09:00', '17:00')).toBe(false);
    expect(inQuietHours(12 * 60, '10:00', '10:00')).toBe(false);
    expect(localMinutes(new Date('2024-07-01T12:30:00Z'), 'Europe/London')).toBe(13 * 60 + 30); // BST
    expect(localMinutes(new Date('2024-01-01T00:15:00Z'), 'America/New_York')).toBe(19 * 60 + 15);
  });
});

describe('POST /customers/{id}/actions/email', () => {
  beforeEach(async () => {
    await preferences(C, { optIns: { email: true }, quietHours: null, timezone: null });
  });

  it('hands the message to the outbox and shows it in marketing and the timeline, audited', async () => {
    const before = outboxFiles().length;
    const subject = unique('Your order update ');
    const res = await sample.call(`/customers/${C}/actions/email`, post({ subject, body: 'Hello,\n<b>not html</b>\nBye' }));
    expect(res.status, JSON.stringify(res.body)).toBe(202);
    expect(res.body).toMatchObject({ transport: 'outbox', messageId: expect.stringMatching(/^msg_/) });
    expect(Date.parse(res.body.queuedAt)).toBeGreaterThan(Date.now() - 60_000);
    const { messageId } = res.body;

    expect(outboxFiles().length).toBe(before + 1);
    const file = JSON.parse(readFileSync(join(outbox, `${messageId}.json`), 'utf8'));
    const email = (await sample.db.selectFrom('customers').select('email').where('id', '=', C).executeTakeFirstOrThrow()).email!;
    expect(file.headers.To).toContain(`<${email}>`);
    expect(file.headers.Subject).toBe(subject);
    expect(file.headers['Message-ID']).toBe(`<${messageId}@c360>`);
    expect(file.headers['X-C360-Actor']).toBe(ADMIN_NAME);
    expect(file.text).toBe('Hello,\n<b>not html</b>\nBye');

    const marketing = (await sample.call(`/customers/${C}/marketing`)).body;
    expect(marketing.campaigns[0]).toMatchObject({ id: `manual:${messageId}`, name: subject, channel: 'email', sentAt: res.body.queuedAt });
    const top = (await timeline(C))[0]!;
    expect(top).toMatchObject({ type: 'marketing', title: `Email sent: ${subject}`, ref: { kind: 'campaign', id: `manual:${messageId}` } });
    const audit = await auditRows(C, 'email.sent');
    expect(audit.some((r) => r.actor === ADMIN_NAME && JSON.parse(r.details!).messageId === messageId)).toBe(true);
  });

  it('refuses a customer who opted out of email, saying so, and sends nothing', async () => {
    await preferences(C, { optIns: { email: false }, reason: 'asked by phone' });
    const before = outboxFiles().length;
    const res = await sample.call(`/customers/${C}/actions/email`, post({ subject: 'Hi', body: 'x' }));
    expect(res.status).toBe(409);
    expect(res.type).toContain('application/problem+json');
    expect(res.body.type).toBe('https://c360.dev/problems/email-opt-out');
    expect(res.body.detail).toMatch(new RegExp(`^Customer "${C}" has opted out of email \\(since .+\\)$`));
    expect(outboxFiles().length).toBe(before);
  });

  it("refuses during the customer's quiet hours in their time zone, naming the window", async () => {
    const zone = 'America/New_York';
    const now = localMinutes(new Date(), zone);
    const [start, end] = [hhmm(now - 60), hhmm(now + 60)];
    await preferences(C, { quietHours: { start, end }, timezone: zone });
    const before = outboxFiles().length;
    const res = await sample.call(`/customers/${C}/actions/email`, post({ subject: 'Hi', body: 'x' }));
    expect(res.status).toBe(409);
    expect(res.body.type).toBe('https://c360.dev/problems/quiet-hours');
    expect(res.body.detail).toBe(`Customer is in quiet hours ${start}–${end} (${zone})`);
    expect(outboxFiles().length).toBe(before);

    // Outside the window (the other half of the day), the same email goes.
    await preferences(C, { quietHours: { start: hhmm(now + 120), end: hhmm(now - 120) } });
    expect((await sample.call(`/customers/${C}/actions/email`, post({ subject: 'Hi', body: 'x' }))).status).toBe(202);
  });

  it('uses Europe/London when the customer has no time zone', async () => {
    const now = localMinutes(new Date(), 'Europe/London');
    const [start, end] = [hhmm(now - 30), hhmm(now + 30)];
    await preferences(C, { quietHours: { start, end }, timezone: null });
    const res = await sample.call(`/customers/${C}/actions/email`, post({ subject: 'Hi', body: 'x' }));
    expect(res.status).toBe(409);
    expect(res.body.detail).toBe(`Customer is in quiet hours ${start}–${end} (Europe/London)`);
  });

  it('refuses a customer without an email address', async () => {
    const id = unique('noemail-');
    await events([
      {
        id: unique('cu-'),
        type: 'customer.upserted',
        occurredAt: new Date().toISOString(),
        data: { customerId: id, name: 'No Mail', email: null },
      },
    ]);
    await preferences(id, { optIns: { email: true } });
    const res = await sample.call(`/customers/${id}/actions/email`, post({ subject: 'Hi', body: 'x' }));
    expect(res.status).toBe(422);
    expect(res.body.type).toBe('https://c360.dev/problems/no-email-address');
    expect(res.body.detail).toBe(`Customer "${id}" has no email address on file`);
  });

  it('with an Idempotency-Key: one message, the same answer on retry; another body with the key is a 422', async () => {
    const key = unique('email-key-');
    const before = outboxFiles().length;
    const body = { subject: 'Once only', body: 'Sent once' };
    const first = await sample.call(`/customers/${C}/actions/email`, post(body, key));
    const again = await sample.call(`/customers/${C}/actions/email`, post(body, key));
    expect(first.status).toBe(202);
    expect(again.status).toBe(202);
    expect(again.body).toEqual(first.body);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(outboxFiles().length).toBe(before + 1);
    const campaigns = await sample.db
      .selectFrom('marketing_events')
      .select('id')
      .where('campaign_id', '=', `manual:${first.body.messageId}`)
      .execute();
    expect(campaigns).toHaveLength(1);
    const other = await sample.call(`/customers/${C}/actions/email`, post({ ...body, body: 'Different' }, key));
    expect(other.status).toBe(422);
    expect(other.body.type).toBe('https://c360.dev/problems/idempotency-key-reused');
  });

  it('validates the body: subject 1–200, body 1–20,000 characters', async () => {
    const long = await sample.call(`/customers/${C}/actions/email`, post({ subject: 'x'.repeat(201), body: 'x' }));
    expect(long.status).toBe(400);
    expect(long.body.errors[0].field).toBe('body.subject');
    const big = await sample.call(`/customers/${C}/actions/email`, post({ subject: 'x', body: 'x'.repeat(20_001) }));
    expect(big.status).toBe(400);
    expect(big.body.errors[0].field).toBe('body.body');
  });
});

describe('POST /customers/{id}/actions/ticket', () => {
  it('opens a ticket shown in support and the timeline, audited with the actor', async () => {
    const before = (await sample.call(`/customers/${C}/support`)).body.totalTickets as number;
    const subject = unique('Parcel damaged ');
    const res = await sample.call(`/customers/${C}/actions/ticket`, {
      ...post({ subject, priority: 'high', channel: 'phone', body: 'Box crushed' }),
      as: 'agent',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ subject, priority: 'high', status: 'open', open: true });
    const support = (await sample.call(`/customers/${C}/support`)).body;
    expect(support.totalTickets).toBe(before + 1);
    expect(support.tickets[0]).toMatchObject({ id: res.body.id, subject });
    expect((await timeline(C))[0]).toMatchObject({
      type: 'ticket',
      title: `Ticket opened: ${subject}`,
      ref: { kind: 'ticket', id: res.body.id },
    });
    const audit = await auditRows(C, 'ticket.created');
    expect(audit.some((r) => r.actor === 'Test agent' && JSON.parse(r.details!).ticketId === res.body.id)).toBe(true);
  });

  it('with an Idempotency-Key: one ticket, the same ticket on retry', async () => {
    const key = unique('ticket-key-');
    const before = (await sample.call(`/customers/${C}/support`)).body.totalTickets as number;
    const first = await sample.call(`/customers/${C}/actions/ticket`, post({ subject: 'Once' }, key));
    const again = await sample.call(`/customers/${C}/actions/ticket`, post({ subject: 'Once' }, key));
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.body.id).toBe(first.body.id);
    expect((await sample.call(`/customers/${C}/support`)).body.totalTickets).toBe(before + 1);
    expect(
      await auditRows(C, 'ticket.created').then((rows) => rows.filter((r) => JSON.parse(r.details!).ticketId === first.body.id)),
    ).toHaveLength(1);
  });
});

describe('POST /customers/{id}/actions/points', () => {
  it('adds and takes points: the loyalty balance and the timeline change at once', async () => {
    const start = (await sample.call(`/customers/${C}/loyalty`)).body.pointsBalance as number;
    const earn = await sample.call(`/customers/${C}/actions/points`, { ...post({ points: 250, reason: 'Goodwill' }), as: 'manager' });
    expect(earn.status, JSON.stringify(earn.body)).toBe(200);
    expect(earn.body).toMatchObject({ points: 250, balance: start + 250 });
    const loyalty = (await sample.call(`/customers/${C}/loyalty`)).body;
    expect(loyalty.pointsBalance).toBe(start + 250);
    expect(loyalty.transactions.some((t: { id: string }) => t.id === earn.body.transactionId)).toBe(true);
    expect((await timeline(C))[0]).toMatchObject({ type: 'loyalty', title: 'Earned 250 points' });

    const take = await sample.call(`/customers/${C}/actions/points`, post({ points: -100, reason: 'Correction' }));
    expect(take.status).toBe(200);
    expect(take.body.balance).toBe(start + 150);
    expect((await sample.call(`/customers/${C}/loyalty`)).body.pointsBalance).toBe(start + 150);
    expect((await timeline(C))[0]).toMatchObject({ type: 'loyalty', title: 'Redeemed 100 points' });
    const audit = await auditRows(C, 'loyalty.points_adjusted');
    expect(audit.filter((r) => r.actor === ADMIN_NAME || r.actor === 'Test manager').length).toBeGreaterThanOrEqual(2);
  });

  it('refuses to take more than the balance with a 422 saying so, changing nothing', async () => {
    const balance = (await sample.call(`/customers/${C}/loyalty`)).body.pointsBalance as number;
    const res = await sample.call(`/customers/${C}/actions/points`, post({ points: -(balance + 1), reason: 'Too much' }));
    expect(res.status).toBe(422);
    expect(res.body.type).toBe('https://c360.dev/problems/insufficient-points');
    expect(res.body.detail).toBe(`Cannot take ${balance + 1} points: the balance is ${balance}`);
    expect((await sample.call(`/customers/${C}/loyalty`)).body.pointsBalance).toBe(balance);
  });

  it('validates points: non-zero integer, at most 100,000 either way', async () => {
    for (const points of [0, 1.5, 100_001, -100_001]) {
      const res = await sample.call(`/customers/${C}/actions/points`, post({ points, reason: 'x' }));
      expect(res.status, String(points)).toBe(400);
      expect(res.body.errors[0].field).toBe('body.points');
    }
  });

  it('with an Idempotency-Key: added once, the same answer on retry', async () => {
    const key = unique('points-key-');
    const start = (await sample.call(`/customers/${C}/loyalty`)).body.pointsBalance as number;
    const first = await sample.call(`/customers/${C}/actions/points`, post({ points: 40, reason: 'Once' }, key));
    const again = await sample.call(`/customers/${C}/actions/points`, post({ points: 40, reason: 'Once' }, key));
    expect(again.body).toEqual(first.body);
    expect((await sample.call(`/customers/${C}/loyalty`)).body.pointsBalance).toBe(start + 40);
    // A key already used as an ingestion event id does nothing, so it is refused.
    const used = unique('used-');
    await events([
      {
        id: used,
        type: 'session.started',
        occurredAt: new Date().toISOString(),
        data: { customerId: C, sessionId: used, device: 'desktop', durationSeconds: 5 },
      },
    ]);
    expect((await sample.call(`/customers/${C}/actions/points`, post({ points: 1, reason: 'x' }, used))).status).toBe(422);
  });
});

describe('permissions', () => {
  beforeAll(async () => {
    await preferences(C, { optIns: { email: true }, quietHours: null });
  });
  const requests = () =>
    ({
      email: [`/customers/${C}/actions/email`, post({ subject: 'Hi', body: 'x' })],
      ticket: [`/customers/${C}/actions/ticket`, post({ subject: 'Hi' })],
      points: [`/customers/${C}/actions/points`, post({ points: 5, reason: 'x' })],
    }) as const;

  it('viewer: 403 for all three', async () => {
    for (const [name, [path, init]] of Object.entries(requests())) {
      const res = await sample.call(path, { ...init, as: 'viewer' });
      expect(res.status, name).toBe(403);
    }
  });

  it('agent: email and ticket allowed, points 403 (needs loyalty:adjust); manager: points allowed', async () => {
    const r = requests();
    expect((await sample.call(r.email[0], { ...r.email[1], as: 'agent' })).status).toBe(202);
    expect((await sample.call(r.ticket[0], { ...r.ticket[1], as: 'agent' })).status).toBe(201);
    const points = await sample.call(r.points[0], { ...r.points[1], as: 'agent' });
    expect(points.status).toBe(403);
    expect(points.body.detail).toBe('needs loyalty:adjust');
    expect((await sample.call(r.points[0], { ...r.points[1], as: 'manager' })).status).toBe(200);
  });
});
