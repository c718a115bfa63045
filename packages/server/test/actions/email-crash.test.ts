/**
 * The email quick action survives a crash during the SMTP send (issue 13.4): a real c360 server
 * process sends through a real `smtp-server` that holds the message (no 250 answer yet); the
 * process is killed (SIGKILL) while the server holds it, so the message is never delivered; a new
 * process on the same database answers the retry with the same Idempotency-Key — first a 409 with
 * `Retry-After` while the lease (`C360_IDEMPOTENCY_LEASE`) runs, then, once it ran out, one send
 * with the same message id. Exactly one mail arrives, and every later retry reports it (replayed).
 * A reservation recorded as sent (the crash came after the server's 250) is completed, never resent.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/connect.js';
import { openTestDb, type TestDb } from '../helpers/engines.js';
import { createApiKey } from '../../src/auth/api-keys.js';
import { applyEvents } from '../../src/ingest/apply-events.js';

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const SERVER = fileURLToPath(new URL('./crash-server.ts', import.meta.url));
const LEASE_S = 10;

/** The database both server processes open: its SQLite file or PostgreSQL URL (this file's engine). */
let dir: string;
let file: string;
let test: TestDb;
let db: Db;
let token: string;
const customerId = 'CRASH-1';
let smtp: SMTPServer;
let smtpUrl: string;
/** Messages the SMTP server accepted (answered 250), by Message-ID. */
const delivered: string[] = [];
let hold = false;
let holding: (() => void) | undefined;
const children: ChildProcess[] = [];

/** Starts the server process on `file`; resolves with its base URL once it listens. */
function startServer(): Promise<{ child: ChildProcess; base: string }> {
  const child = spawn(process.execPath, ['--conditions=@c360/source', '--import', 'tsx', SERVER, file], {
    cwd: ROOT,
    env: { ...process.env, C360_SMTP_URL: smtpUrl, C360_IDEMPOTENCY_LEASE: `${LEASE_S}s`, C360_OUTBOX: '' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.push(child);
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const port = /listening (\d+)/.exec(out)?.[1];
      if (port) resolve({ child, base: `http://127.0.0.1:${port}/api` });
    });
    child.once('exit', (code) => reject(new Error(`server exited (${code}) before listening: ${out}`)));
    setTimeout(() => reject(new Error(`server not listening after 60 s: ${out}`)), 60_000).unref();
  });
}

const send = (base: string, key: string) =>
  fetch(`${base}/customers/${customerId}/actions/email`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'idempotency-key': key },
    body: JSON.stringify({ subject: 'Your parcel', body: 'It left the warehouse.' }),
    signal: AbortSignal.timeout(30_000), // a stuck server fails the test with a reason instead of its timeout
  });

const recorded = async () => ({
  marketing: (
    await db
      .selectFrom('marketing_events')
      .select('id')
      .where('customer_id', '=', customerId)
      .where('campaign_id', 'like', 'manual:%')
      .execute()
  ).length,
  audit: (await db.selectFrom('audit_log').select('id').where('customer_id', '=', customerId).where('action', '=', 'email.sent').execute())
    .length,
});

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const id = /^message-id:\s*(\S+)/im.exec(Buffer.concat(chunks).toString('utf8'))?.[1] ?? '?';
        if (hold) {
          holding?.(); // never answered: the client dies waiting for the 250
          return;
        }
        delivered.push(id);
        callback();
      });
    },
  });
  await new Promise<void>((done) => smtp.listen(0, '127.0.0.1', done));
  smtpUrl = `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`;

  dir = mkdtempSync(join(tmpdir(), 'c360-crash-'));
  test = await openTestDb({ file: join(dir, 'c360.db') });
  db = test.db;
  file = test.location;
  token = (await createApiKey(db, { name: 'crash test', role: 'admin', createdBy: 'test' })).token;
  await applyEvents(db, [
    {
      id: 'crash-customer',
      type: 'customer.upserted',
      occurredAt: '2026-01-01T00:00:00Z',
      data: { customerId, name: 'Casey Crash', email: 'casey@example.test' },
    },
    {
      id: 'crash-prefs',
      type: 'preferences.updated',
      occurredAt: '2026-01-01T00:00:00Z',
      data: { customerId, optIns: { email: true }, quietHours: null, timezone: null },
    },
  ]);
}, 60_000);

afterAll(async () => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  await test?.close();
  await new Promise<void>((done) => (smtp ? smtp.close(done) : done()));
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('email quick action, process killed during the SMTP send', () => {
  it('the retry after a restart sends exactly one mail and answers clearly', async () => {
    const key = 'crash-key-1';
    const before = await recorded();

    // 1. The first process sends; the SMTP server holds the message; the process is killed.
    const first = await startServer();
    hold = true;
    const held = new Promise<void>((resolve) => {
      holding = resolve;
    });
    const lost = send(first.base, key).then(
      async (r) => `answered ${r.status} ${await r.text()}`,
      () => 'connection lost',
    );
    expect(await Promise.race([held.then(() => 'held by the SMTP server'), lost])).toBe('held by the SMTP server');
    first.child.kill('SIGKILL');
    expect(await lost).toBe('connection lost');
    await new Promise((resolve) => first.child.once('exit', resolve));
    hold = false;
    expect(delivered).toEqual([]);
    const pending = await db
      .selectFrom('idempotency_keys')
      .select('ref')
      .where('key', 'like', `action:email:%:${key}`)
      .executeTakeFirstOrThrow();
    const reservation = JSON.parse(pending.ref!);
    expect(reservation).toMatchObject({ state: 'pending', messageId: expect.stringMatching(/^msg_/) });

    // 2. A new process on the same database: within the lease a retry is told to wait.
    const second = await startServer();
    const early = await send(second.base, key);
    if (Date.now() < Date.parse(reservation.leaseUntil)) {
      expect(early.status).toBe(409);
      expect(Number(early.headers.get('retry-after'))).toBeGreaterThan(0);
      expect((await early.json()).type).toBe('https://c360.dev/problems/idempotency-key-in-progress');
      expect(delivered).toEqual([]);
      await new Promise((resolve) => setTimeout(resolve, Date.parse(reservation.leaseUntil) - Date.now() + 200));
    } else {
      await early.body?.cancel();
    }

    // 3. After the lease: one send, with the reserved message id.
    const retry = await send(second.base, key);
    const body = await retry.json();
    expect(retry.status, JSON.stringify(body)).toBe(202);
    expect(body).toMatchObject({ messageId: reservation.messageId, transport: 'smtp' });
    expect(delivered).toEqual([`<${reservation.messageId}@c360>`]);

    // 4. Every later retry reports the same mail and sends nothing.
    const again = await send(second.base, key);
    expect(again.status).toBe(202);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect((await again.json()).messageId).toBe(reservation.messageId);
    expect(delivered).toHaveLength(1);
    expect(await recorded()).toEqual({ marketing: before.marketing + 1, audit: before.audit + 1 });
    const audit = await db
      .selectFrom('audit_log')
      .select('details')
      .where('customer_id', '=', customerId)
      .where('action', '=', 'email.sent')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(audit.details!)).toMatchObject({
      messageId: reservation.messageId,
      transport: 'smtp',
      transportResponse: expect.stringMatching(/^250/),
    });
    second.child.kill('SIGKILL');
  }, 120_000);

  it('a reservation recorded as sent is completed on retry, never sent again', async () => {
    const key = 'crash-key-sent';
    const store = `action:email:${customerId}:${key}`;
    const before = await recorded();
    // What a process that died right after the server's 250 leaves: the outcome recorded, nothing else.
    const server = await startServer();
    const probe = await send(server.base, 'crash-key-probe'); // the fingerprint of this token and body
    expect(probe.status).toBe(202);
    const { ref } = await db
      .selectFrom('idempotency_keys')
      .select('ref')
      .where('key', '=', `action:email:${customerId}:crash-key-probe`)
      .executeTakeFirstOrThrow();
    const fingerprint = JSON.parse(ref!).fingerprint as string;
    await db
      .insertInto('idempotency_keys')
      .values({
        key: store,
        kind: 'action.email',
        received_at: new Date().toISOString(),
        ref: JSON.stringify({
          state: 'sent',
          fingerprint,
          messageId: 'msg_sent_before_crash',
          queuedAt: new Date().toISOString(),
          transport: 'smtp',
          response: '250 OK',
        }),
      })
      .execute();
    const count = delivered.length;
    const retry = await send(server.base, key);
    expect(retry.status).toBe(202);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect((await retry.json()).messageId).toBe('msg_sent_before_crash');
    expect(delivered).toHaveLength(count);
    expect(await recorded()).toEqual({ marketing: before.marketing + 2, audit: before.audit + 2 }); // the probe and the completed one
    server.child.kill('SIGKILL');
  }, 120_000);
});
