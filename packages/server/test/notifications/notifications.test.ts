/**
 * Notifications end to end (issue 12, R12.5, R13.5) over real HTTP: the app on an ephemeral port,
 * a real SMTP server (smtp-server) and a real HTTP webhook receiver. Ingesting events that raise a
 * customer's churn to high gives the subscribed manager exactly one in-app notification (listed and
 * delivered live on GET /stream), one email and one signed webhook — also after the batch is
 * replayed; an agent subscribed to the same kind receives nothing (per role). Failed webhooks are
 * retried with backoff and logged.
 */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Notification, NotificationWebhook } from '@c360/sdk';
import { openSampleApp, type SampleApp } from '../helpers/sample-db.js';
import { verifyWebhook } from '../../src/notifications/signature.js';
import { notificationDb } from '../../src/notifications/tables.js';

const SECRET = 'webhook-secret-for-tests';
const ENV = ['C360_SMTP_URL', 'C360_WEBHOOK_SECRET', 'C360_NOTIFY_BACKOFF_MS', 'C360_NOTIFY_RETRIES'] as const;

let sample: SampleApp;
let app: ServerType;
let base: string;
let smtp: SMTPServer;
let receiver: Server;
let hookBase: string;
let saved: Partial<Record<(typeof ENV)[number], string>>;
const mails: string[] = [];
const hooks: Array<{ path: string; headers: IncomingHttpHeaders; body: string; status: number }> = [];
/** Answers for the next webhook requests (default 204). */
const answers: number[] = [];

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));
async function until(check: () => boolean | Promise<boolean>, ms = 5000): Promise<void> {
  const start = Date.now();
  while (!(await check())) {
    if (Date.now() - start > ms) throw new Error('timed out waiting');
    await pause(20);
  }
}

async function api(path: string, token: string, init: RequestInit = {}): Promise<{ status: number; body: any }> {
  const headers = new Headers(init.headers);
  headers.set('authorization', `Bearer ${token}`);
  if (init.body) headers.set('content-type', 'application/json');
  const res = await fetch(`${base}${path}`, { ...init, headers });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
}

/** GET /stream (no customer): the caller's notifications, collected until `close()`. */
async function openStream(token: string) {
  const controller = new AbortController();
  const response = await fetch(`${base}/stream`, { headers: { authorization: `Bearer ${token}` }, signal: controller.signal });
  expect(response.status).toBe(200);
  const received: Notification[] = [];
  void (async () => {
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
    let text = '';
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        text += value;
        let end: number;
        while ((end = text.indexOf('\n\n')) >= 0) {
          const block = text.slice(0, end).split('\n');
          text = text.slice(end + 2);
          if (block.includes('event: notification'))
            received.push(Notification.parse(JSON.parse(block.find((l) => l.startsWith('data: '))!.slice(6))));
        }
      }
    } catch {
      /* aborted */
    }
  })();
  await pause(100); // the subscription is registered
  return { received, close: () => controller.abort() };
}

function ingest(events: unknown[]) {
  return api('/events', sample.tokens.admin, { method: 'POST', body: JSON.stringify(events) });
}

/** A customer with two completed orders, the last one 8 days before the sample's as-of (churn low). */
function lowRiskCustomer(id: string) {
  const order = (n: number, at: string) => ({
    id: `${id}-order-${n}`,
    type: 'order.placed',
    occurredAt: at,
    data: {
      customerId: id,
      orderId: `${id}-O${n}`,
      status: 'completed',
      currency: 'GBP',
      lines: [{ productId: 'NTF-P', quantity: 2, unitPrice: 12.5 }],
    },
  });
  return [
    {
      id: `${id}-up`,
      type: 'customer.upserted',
      occurredAt: '2010-11-20T10:00:00.000Z',
      data: { customerId: id, name: 'Nora Notified', currency: 'GBP', registeredAt: '2010-11-20T10:00:00.000Z' },
    },
    order(1, '2010-12-01T10:00:00.000Z'),
    order(2, '2011-12-01T10:00:00.000Z'),
  ];
}

/** Cancelling the recent order leaves 373 days since a purchase against the default gap of 90: churn rises to high. */
const cancelRecent = (id: string) => [
  {
    id: `${id}-cancel`,
    type: 'order.status_changed',
    occurredAt: '2011-12-02T10:00:00.000Z',
    data: { customerId: id, orderId: `${id}-O2`, status: 'cancelled' },
  },
];

beforeAll(async () => {
  saved = Object.fromEntries(ENV.map((k) => [k, process.env[k]]));
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      let raw = '';
      stream.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
      stream.on('end', () => {
        mails.push(raw);
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  receiver = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => {
      const status = answers.shift() ?? 204;
      hooks.push({ path: req.url ?? '', headers: req.headers, body, status });
      res.writeHead(status).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  hookBase = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
  process.env.C360_SMTP_URL = `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`;
  process.env.C360_WEBHOOK_SECRET = SECRET;
  process.env.C360_NOTIFY_BACKOFF_MS = '50';
  process.env.C360_NOTIFY_RETRIES = '3';
  sample = await openSampleApp();
  app = await new Promise<ServerType>((resolve) => {
    const s = serve({ fetch: sample.rawApp.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  base = `http://127.0.0.1:${(app.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => app.close(resolve));
  await sample.close();
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
  await new Promise((resolve) => receiver.close(resolve));
  for (const k of ENV) {
    if (saved[k] === undefined) delete process.env[k];
    else process.env[k] = saved[k];
  }
});

describe('notifications', () => {
  it('churn rising to high: one in-app (live), one email, one signed webhook for the subscribed manager — each once', async () => {
    const prefs = await api('/notifications/preferences', sample.tokens.manager, {
      method: 'PUT',
      body: JSON.stringify({
        kinds: ['churn.high'],
        channels: ['in_app', 'email', 'webhook'],
        email: 'manager@c360.test',
        webhookUrl: `${hookBase}/hook`,
      }),
    });
    expect(prefs.status).toBe(200);
    expect(
      (
        await api('/notifications/preferences', sample.tokens.agent, {
          method: 'PUT',
          body: JSON.stringify({ kinds: ['churn.high'], channels: ['in_app'] }),
        })
      ).status,
    ).toBe(200);

    expect((await ingest(lowRiskCustomer('ntf-1'))).status).toBe(200);
    const before = (await api('/customers/ntf-1/360', sample.tokens.admin)).body;
    expect(before.churn.level).not.toBe('high');

    const live = await openStream(sample.tokens.manager);
    expect((await ingest(cancelRecent('ntf-1'))).status).toBe(200);
    expect((await api('/customers/ntf-1/360', sample.tokens.admin)).body.churn.level).toBe('high');

    await until(() => live.received.length >= 1 && mails.length >= 1 && hooks.length >= 1);
    expect((await ingest(cancelRecent('ntf-1'))).body).toMatchObject({ applied: 0, duplicates: 1 }); // a replay raises nothing
    await pause(300);
    live.close();

    expect(live.received).toHaveLength(1);
    expect(live.received[0]).toMatchObject({ kind: 'churn.high', customerId: 'ntf-1', readAt: null });
    expect(live.received[0]!.title).toMatch(/^Churn risk rose to high \(\d+\)$/);

    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatch(/^To: manager@c360\.test/m);
    expect(mails[0]).toContain('Churn risk rose to high');
    expect(mails[0]).toMatch(/^X-C360-Customer: ntf-1/m);

    expect(hooks).toHaveLength(1);
    const hook = hooks[0]!;
    expect(verifyWebhook(SECRET, hook.headers['c360-signature'] as string, hook.body)).toBe(true);
    expect(verifyWebhook('another-secret', hook.headers['c360-signature'] as string, hook.body)).toBe(false);
    expect(verifyWebhook(SECRET, hook.headers['c360-signature'] as string, hook.body.replace('ntf-1', 'ntf-2'))).toBe(false);
    const payload = NotificationWebhook.parse(JSON.parse(hook.body));
    expect(payload).toMatchObject({ recipient: 'Test manager', notification: { id: live.received[0]!.id, kind: 'churn.high' } });

    const mine = await api('/notifications', sample.tokens.manager);
    expect(mine.body).toMatchObject({ unreadCount: 1, nextCursor: null });
    expect(mine.body.items.map((n: Notification) => n.id)).toEqual([live.received[0]!.id]);
    expect((await api('/notifications', sample.tokens.agent)).body).toMatchObject({ items: [], unreadCount: 0 });

    const deliveries = await notificationDb(sample.db).selectFrom('notification_deliveries').selectAll().orderBy('channel').execute();
    expect(deliveries.map((d) => [d.channel, d.status, d.attempts])).toEqual([
      ['email', 'delivered', 1],
      ['webhook', 'delivered', 1],
    ]);
    const audit = await sample.db.selectFrom('audit_log').selectAll().where('action', '=', 'notification.raised').execute();
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]!.details!)).toMatchObject({ kind: 'churn.high', recipient: 'Test manager' });
  });

  it('mark read: once, audited, only the owner; unread filter and count follow', async () => {
    const [n] = (await api('/notifications?unread=true', sample.tokens.manager)).body.items as Notification[];
    expect(n).toBeDefined();
    expect((await api(`/notifications/${n!.id}/read`, sample.tokens.agent, { method: 'POST' })).status).toBe(404);
    const read = await api(`/notifications/${n!.id}/read`, sample.tokens.manager, { method: 'POST' });
    expect(read.status).toBe(200);
    expect(read.body.readAt).not.toBeNull();
    expect((await api(`/notifications/${n!.id}/read`, sample.tokens.manager, { method: 'POST' })).body.readAt).toBe(read.body.readAt);
    expect((await api('/notifications?unread=true', sample.tokens.manager)).body).toMatchObject({ items: [], unreadCount: 0 });
    expect(await sample.db.selectFrom('audit_log').select('id').where('action', '=', 'notification.read').execute()).toHaveLength(1);
  });

  it('a failing webhook is retried with backoff until it succeeds, and logged', async () => {
    answers.push(500, 503);
    hooks.length = 0;
    expect((await ingest(lowRiskCustomer('ntf-2'))).status).toBe(200);
    expect((await ingest(cancelRecent('ntf-2'))).status).toBe(200);
    await until(() => hooks.some((h) => h.status === 204));
    expect(hooks.map((h) => h.status)).toEqual([500, 503, 204]);
    const latestWebhook = () =>
      notificationDb(sample.db)
        .selectFrom('notification_deliveries')
        .selectAll()
        .where('channel', '=', 'webhook')
        .orderBy('id', 'desc')
        .limit(1)
        .executeTakeFirstOrThrow();
    // The receiver answers before the worker records the answer: wait for the log row, then check it.
    await until(async () => (await latestWebhook()).status === 'delivered');
    expect(await latestWebhook()).toMatchObject({ status: 'delivered', attempts: 3, response_status: 204 });
  });

  it('VIP ticket and order, negative CSAT: one each for the subscribed agent; a good rating or a non-VIP raises nothing', async () => {
    expect(
      (
        await api('/notifications/preferences', sample.tokens.agent, {
          method: 'PUT',
          body: JSON.stringify({ kinds: ['csat.negative', 'vip.ticket', 'vip.order'], channels: ['in_app'] }),
        })
      ).status,
    ).toBe(200);
    const at = '2011-11-20T10:00:00.000Z';
    const ev = (id: string, type: string, data: object) => ({ id, type, occurredAt: at, data });
    const order = (customerId: string, orderId: string) =>
      ev(`${orderId}-placed`, 'order.placed', {
        customerId,
        orderId,
        status: 'completed',
        currency: 'GBP',
        lines: [{ productId: 'NTF-P', quantity: 1, unitPrice: 5 }],
      });
    const batch = [
      ev('ntf-vip-up', 'customer.upserted', { customerId: 'ntf-vip', name: 'Vic VIP', vip: true, currency: 'GBP' }),
      ev('ntf-plain-up', 'customer.upserted', { customerId: 'ntf-plain', name: 'Pat Plain', currency: 'GBP' }),
      order('ntf-vip', 'NTF-VIP-O1'),
      order('ntf-plain', 'NTF-PLAIN-O1'),
      ev('ntf-vip-t1', 'ticket.opened', { customerId: 'ntf-vip', ticketId: 'NTF-T1', subject: 'Where is my parcel?' }),
      ev('ntf-plain-t2', 'ticket.opened', { customerId: 'ntf-plain', ticketId: 'NTF-T2', subject: 'Hello' }),
      ev('ntf-plain-r2', 'ticket.updated', { customerId: 'ntf-plain', ticketId: 'NTF-T2', status: 'resolved', csat: 1 }),
      ev('ntf-vip-r1', 'ticket.updated', { customerId: 'ntf-vip', ticketId: 'NTF-T1', status: 'resolved', csat: 4 }),
    ];
    expect((await ingest(batch)).status).toBe(200);
    expect((await ingest(batch)).body.applied).toBe(0);
    const items = (await api('/notifications?limit=50', sample.tokens.agent)).body.items as Notification[];
    expect(items.map((n) => [n.kind, n.customerId]).sort()).toEqual([
      ['csat.negative', 'ntf-plain'],
      ['vip.order', 'ntf-vip'],
      ['vip.ticket', 'ntf-vip'],
    ]);
    expect(items.find((n) => n.kind === 'csat.negative')!.title).toBe('Ticket rated 1/5');
    expect(items.find((n) => n.kind === 'vip.ticket')!.body).toBe('Vic VIP (customer ntf-vip): Where is my parcel?');
  });

  it('rejects bad preferences naming the field, and customer-scoped tokens', async () => {
    const bad = await api('/notifications/preferences', sample.tokens.manager, {
      method: 'PUT',
      body: JSON.stringify({ kinds: ['churn.high'], channels: ['email'] }),
    });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body.errors)).toContain('email');
    const unknown = await api('/notifications/preferences', sample.tokens.manager, {
      method: 'PUT',
      body: JSON.stringify({ kinds: ['everything'], channels: [] }),
    });
    expect(unknown.status).toBe(400);
    expect((await api('/notifications', sample.embedToken('17850'))).status).toBe(403);
  });
});
