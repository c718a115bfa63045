/**
 * The email quick action over SMTP: a real `smtp-server` on 127.0.0.1 (ephemeral port, no auth, no
 * STARTTLS) receives what the real route sends with nodemailer when `C360_SMTP_URL` is set.
 */
import type { AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerEnvelope } from 'smtp-server';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openSampleApp, ADMIN_NAME, type SampleApp } from '../helpers/sample-db.js';

interface Received {
  envelope: SMTPServerEnvelope;
  headers: Map<string, string>;
  body: string;
}

const ENV = ['C360_SMTP_URL', 'C360_MAIL_FROM', 'C360_OUTBOX'] as const;
const FROM = 'c360 Support <support@c360.test>';

let sample: SampleApp;
let server: SMTPServer;
let saved: Partial<Record<(typeof ENV)[number], string>>;
let received: Received[] = [];
let reject = false;
let C: string;
let email: string;
let n = 0;
const unique = (prefix: string) => `${prefix}${Date.now()}-${++n}`;

/** Headers (unfolded, lower-case names) and body of a raw RFC 5322 message. */
function parse(raw: string): Omit<Received, 'envelope'> {
  const split = raw.indexOf('\r\n\r\n');
  const headers = new Map<string, string>();
  for (const line of raw
    .slice(0, split)
    .replace(/\r\n[ \t]+/g, ' ')
    .split('\r\n')) {
    const colon = line.indexOf(':');
    headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return { headers, body: raw.slice(split + 4) };
}

const post = (body: unknown, key?: string): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', ...(key ? { 'idempotency-key': key } : {}) },
  body: JSON.stringify(body),
});

const recorded = async () => ({
  marketing: (await sample.db.selectFrom('marketing_events').select('id').where('customer_id', '=', C).execute()).length,
  audit: (await sample.db.selectFrom('audit_log').select('id').where('customer_id', '=', C).where('action', '=', 'email.sent').execute())
    .length,
});

beforeAll(async () => {
  server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(_address, _session, callback) {
      if (reject) callback(Object.assign(new Error('Mailbox unavailable'), { responseCode: 550 }));
      else callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        received.push({ envelope: structuredClone(session.envelope), ...parse(Buffer.concat(chunks).toString('utf8')) });
        callback();
      });
    },
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.server.address() as AddressInfo;

  saved = Object.fromEntries(ENV.map((name) => [name, process.env[name]]));
  delete process.env.C360_OUTBOX;
  process.env.C360_SMTP_URL = `smtp://127.0.0.1:${port}`;
  process.env.C360_MAIL_FROM = FROM;
  sample = await openSampleApp();
  const row = await sample.db
    .selectFrom('customers')
    .select(['id', 'email'])
    .where('email', 'is not', null)
    .orderBy('id')
    .executeTakeFirstOrThrow();
  C = row.id;
  email = row.email!;
});

afterAll(async () => {
  await sample?.close();
  await new Promise<void>((done) => (server ? server.close(done) : done()));
  for (const name of ENV) {
    if (saved?.[name] === undefined) delete process.env[name];
    else process.env[name] = saved[name];
  }
});

beforeEach(async () => {
  received = [];
  reject = false;
  // Opted in, no quiet hours.
  const res = await sample.call(
    '/events',
    post([
      {
        id: unique('prefs-'),
        type: 'preferences.updated',
        occurredAt: new Date().toISOString(),
        data: { customerId: C, optIns: { email: true }, quietHours: null, timezone: null },
      },
    ]),
  );
  expect(res.status, JSON.stringify(res.body)).toBe(200);
});

describe('POST /customers/{id}/actions/email over SMTP', () => {
  it('delivers exactly one message to the customer, from C360_MAIL_FROM, and records it', async () => {
    const before = await recorded();
    const subject = unique('Your order update ');
    const text = 'Hello,\nyour parcel left the warehouse.\n\nBye';
    const res = await sample.call(`/customers/${C}/actions/email`, post({ subject, body: text }));
    expect(res.status, JSON.stringify(res.body)).toBe(202);
    expect(res.body).toMatchObject({ transport: 'smtp', messageId: expect.stringMatching(/^msg_/) });
    const { messageId } = res.body;

    expect(received).toHaveLength(1);
    const [message] = received as [Received];
    expect(message.envelope.mailFrom && message.envelope.mailFrom.address).toBe('support@c360.test');
    expect(message.envelope.rcptTo.map((r) => r.address)).toEqual([email]);
    expect(message.headers.get('to')).toContain(`<${email}>`);
    expect(message.headers.get('from')).toBe(FROM);
    expect(message.headers.get('subject')).toBe(subject);
    expect(message.headers.get('message-id')).toBe(`<${messageId}@c360>`);
    expect(message.headers.get('x-c360-customer')).toBe(C);
    expect(message.headers.get('x-c360-actor')).toBe(ADMIN_NAME);
    expect(message.headers.get('content-type')).toMatch(/^text\/plain; charset=utf-8/);
    expect(message.body.replace(/\r\n/g, '\n').replace(/\n$/, '')).toBe(text);

    expect(await recorded()).toEqual({ marketing: before.marketing + 1, audit: before.audit + 1 });
    const audit = await sample.db
      .selectFrom('audit_log')
      .select('details')
      .where('customer_id', '=', C)
      .where('action', '=', 'email.sent')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(audit.details!)).toMatchObject({ messageId, transport: 'smtp', subject });
  });

  it('a refusal of the SMTP server is a 502 that records nothing and releases the Idempotency-Key', async () => {
    const before = await recorded();
    const key = unique('smtp-key-');
    const body = { subject: unique('Refused '), body: 'x' };
    reject = true;
    const res = await sample.call(`/customers/${C}/actions/email`, post(body, key));
    expect(res.status, JSON.stringify(res.body)).toBe(502);
    expect(res.type).toContain('application/problem+json');
    expect(res.body.type).toBe('https://c360.dev/problems/mail-transport-failed');
    expect(res.body.detail).toMatch(/^The smtp transport failed: /);
    expect(received).toHaveLength(0);
    expect(await recorded()).toEqual(before);

    // The key was released: once the server accepts again, the same request goes through.
    reject = false;
    const retry = await sample.call(`/customers/${C}/actions/email`, post(body, key));
    expect(retry.status, JSON.stringify(retry.body)).toBe(202);
    expect(retry.headers.get('idempotent-replayed')).toBeNull();
    expect(received).toHaveLength(1);
    expect(await recorded()).toEqual({ marketing: before.marketing + 1, audit: before.audit + 1 });
  });
});
