/**
 * Several instances on one PostgreSQL behave as one (issue 10): two real `c360 serve` processes on
 * the same database. A note written through instance A reaches an SSE subscriber of instance B
 * within 1 s (NOTIFY wakes B's feed reader; the feed table is the truth), and a client that
 * reconnects to A with `Last-Event-ID` gets exactly the changes it missed. A token's write rate
 * limit is one budget across both instances (kept in the database). Background work runs once: a
 * due scheduled export is run by one instance, not by both (its lease). An `Idempotency-Key` is
 * one reservation across both instances: a retry through B replays what A created, and the same
 * request sent to both at once creates one record (the key's row is reserved first in the write
 * transaction, so the second waits for the first's commit and replays it).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey } from '../../src/auth/api-keys.js';
import { openSampleDb } from '../helpers/sample-db.js';
import { ROOT } from '../cli/run-cli.js';

/** Writes per minute per token, on both instances. */
const WRITE_RATE = 5;

interface Instance {
  base: string;
  process: ChildProcess;
  output: string[];
}

let sample: Awaited<ReturnType<typeof openSampleDb>>;
const exportsDir = mkdtempSync(join(tmpdir(), 'c360-exports-'));
let token: string;
let customerId: string;
const instances: Instance[] = [];

/** Starts `c360 serve --database-url …` on a free port and waits until it answers. */
async function startInstance(url: string): Promise<Instance> {
  const port = 20_000 + Math.floor(Math.random() * 40_000);
  const child = spawn(
    process.execPath,
    [
      '--conditions=@c360/source',
      '--import',
      'tsx',
      'packages/server/src/cli/main.ts',
      'serve',
      '--database-url',
      url,
      '--port',
      String(port),
      '--as-of',
      'dataset',
    ],
    {
      cwd: ROOT,
      env: { ...process.env, C360_DB: '', DATABASE_URL: '', C360_WRITE_RATE: String(WRITE_RATE), C360_EXPORTS_DIR: exportsDir },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const output: string[] = [];
  child.stdout!.on('data', (d: Buffer) => output.push(d.toString()));
  child.stderr!.on('data', (d: Buffer) => output.push(d.toString()));
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`c360 serve exited ${child.exitCode}: ${output.join('')}`);
    try {
      if ((await fetch(`${base}/api/openapi.json`)).ok) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) throw new Error(`c360 serve did not answer within 60 s: ${output.join('')}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return { base, process: child, output };
}

beforeAll(async () => {
  sample = await openSampleDb();
  expect(sample.engine).toBe('postgres');
  token = (await createApiKey(sample.db, { name: 'multi-instance', role: 'admin', createdBy: 'test' })).token;
  customerId = (await sample.db.selectFrom('customers').select('id').orderBy('id').limit(1).executeTakeFirstOrThrow()).id;
  instances.push(...(await Promise.all([startInstance(sample.location), startInstance(sample.location)])));
}, 120_000);

afterAll(async () => {
  for (const instance of instances) instance.process.kill('SIGTERM');
  await Promise.all(
    instances.map((i) => new Promise((resolve) => (i.process.exitCode !== null ? resolve(null) : i.process.once('exit', resolve)))),
  );
  await sample?.close();
  rmSync(exportsDir, { recursive: true, force: true });
});

const headers = () => ({ authorization: `Bearer ${token}`, 'content-type': 'application/json' });

/** An SSE subscription: `next(predicate)` resolves with the first `change` event matching it. */
function subscribe(base: string, lastEventId?: number) {
  const controller = new AbortController();
  const events: Array<{ id: number; data: any }> = [];
  const waiters: Array<() => void> = [];
  const opened = fetch(`${base}/api/stream?customer=${encodeURIComponent(customerId)}`, {
    headers: { authorization: `Bearer ${token}`, ...(lastEventId !== undefined ? { 'last-event-id': String(lastEventId) } : {}) },
    signal: controller.signal,
  }).then(async (res) => {
    expect(res.status).toBe(200);
    const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    void (async () => {
      try {
        for (;;) {
          const { value, done } = await reader.read();
          if (done) return;
          buffer += value;
          let cut: number;
          while ((cut = buffer.indexOf('\n\n')) >= 0) {
            const frame = buffer.slice(0, cut);
            buffer = buffer.slice(cut + 2);
            const field = (name: string) =>
              frame
                .split('\n')
                .find((l) => l.startsWith(`${name}:`))
                ?.slice(name.length + 1)
                .trim();
            if (field('event') === 'change') events.push({ id: Number(field('id')), data: JSON.parse(field('data')!) });
            waiters.splice(0).forEach((wake) => wake());
          }
        }
      } catch {
        /* aborted */
      }
    })();
  });
  return {
    opened,
    events,
    async next(match: (e: { id: number; data: any }) => boolean, timeoutMs: number): Promise<{ id: number; data: any }> {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = events.find(match);
        if (found) return found;
        const left = deadline - Date.now();
        if (left <= 0) throw new Error(`no matching change within ${timeoutMs} ms (got ${JSON.stringify(events.map((e) => e.data.type))})`);
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, left);
        });
      }
    },
    close: () => controller.abort(),
  };
}

describe('two server instances on one PostgreSQL', () => {
  it('a note written through A reaches a subscriber of B within 1 s; Last-Event-ID resumes on A', async () => {
    const [a, b] = instances as [Instance, Instance];
    const onB = subscribe(b.base);
    await onB.opened;
    await new Promise((resolve) => setTimeout(resolve, 300)); // B's hub is listening

    const before = Number((await sql<{ m: number | null }>`select max(id) as m from change_feed`.execute(sample.db)).rows[0]?.m ?? 0);
    const started = performance.now();
    const res = await fetch(`${a.base}/api/customers/${encodeURIComponent(customerId)}/notes`, {
      method: 'POST',
      headers: headers(),
      body: JSON.stringify({ body: 'written through instance A' }),
    });
    expect(res.status).toBe(201);
    const note = (await res.json()) as { id: string };
    const seen = await onB.next((e) => e.data.type === 'note.added' && e.data.section === 'notes', 1_000);
    const latency = performance.now() - started;
    onB.close();
    expect(latency).toBeLessThan(1_000);
    expect(seen.data.customerId).toBe(customerId);
    expect(note.id).toBeTruthy();

    // A client that last saw `before` reconnects to the other instance: it gets what it missed, in order.
    const resumed = subscribe(a.base, before);
    await resumed.opened;
    const replayed = await resumed.next((e) => e.id === seen.id, 2_000);
    resumed.close();
    expect(replayed.data).toEqual(seen.data);
    const ids = resumed.events.map((e) => e.id);
    expect(ids).toEqual([...ids].sort((x, y) => x - y));
    expect(ids.every((id) => id > before)).toBe(true);
  });
});

describe('the write rate limit of a token', () => {
  it('is shared by the instances: the writes through A and B together hit it', async () => {
    const [a, b] = instances as [Instance, Instance];
    const own = (await createApiKey(sample.db, { name: 'rate', role: 'admin', createdBy: 'test' })).token;
    const write = (base: string, i: number) =>
      fetch(`${base}/api/customers/${encodeURIComponent(customerId)}/notes`, {
        method: 'POST',
        headers: { authorization: `Bearer ${own}`, 'content-type': 'application/json' },
        body: JSON.stringify({ body: `rate ${i}` }),
      });
    const statuses: number[] = [];
    for (let i = 0; i < WRITE_RATE; i += 1) statuses.push((await write(i % 2 === 0 ? a.base : b.base, i)).status);
    expect(statuses).toEqual(Array(WRITE_RATE).fill(201));
    const over = await write(b.base, WRITE_RATE);
    expect(over.status).toBe(429);
    expect(Number(over.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await write(a.base, WRITE_RATE + 1)).status).toBe(429);
  });
});

describe('an Idempotency-Key', () => {
  const send = (base: string, own: string, path: string, key: string, body: unknown) =>
    fetch(`${base}/api/customers/${encodeURIComponent(customerId)}/${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${own}`, 'content-type': 'application/json', 'idempotency-key': key },
      body: JSON.stringify(body),
    });
  const count = async (table: 'notes' | 'tickets', column: 'body' | 'subject', value: string) =>
    Number(
      (await sql<{ n: number }>`select count(*) as n from ${sql.table(table)} where ${sql.ref(column)} = ${value}`.execute(sample.db))
        .rows[0]!.n,
    );

  it('sent to A and then to B: B replays the note and the ticket A created', async () => {
    const [a, b] = instances as [Instance, Instance];
    const own = (await createApiKey(sample.db, { name: 'idem-seq', role: 'admin', createdBy: 'test' })).token;
    const note = { body: `idempotent note ${Date.now()}` };
    const first = await send(a.base, own, 'notes', 'seq-note', note);
    expect(first.status).toBe(201);
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    const retry = await send(b.base, own, 'notes', 'seq-note', note);
    expect(retry.status).toBe(201);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(await retry.json()).toEqual(await first.json());
    expect(await count('notes', 'body', note.body)).toBe(1);

    const ticket = { subject: `idempotent ticket ${Date.now()}` };
    const opened = await send(a.base, own, 'actions/ticket', 'seq-ticket', ticket);
    expect(opened.status).toBe(201);
    const again = await send(b.base, own, 'actions/ticket', 'seq-ticket', ticket);
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(((await again.json()) as { id: string }).id).toBe(((await opened.json()) as { id: string }).id);
    expect(await count('tickets', 'subject', ticket.subject)).toBe(1);
  });

  it('sent to A and B at once: one note and one ticket, both answers the same record', async () => {
    const [a, b] = instances as [Instance, Instance];
    // Several rounds (a token each: the write budget is 5 a minute) so the two requests overlap in at least some.
    for (let round = 0; round < 4; round += 1) {
      const own = (await createApiKey(sample.db, { name: `idem-race-${round}`, role: 'admin', createdBy: 'test' })).token;
      const note = { body: `raced note ${round} ${Date.now()}` };
      const notes = await Promise.all([a, b].map((i) => send(i.base, own, 'notes', `race-note-${round}`, note)));
      expect(notes.map((r) => r.status)).toEqual([201, 201]);
      const [n1, n2] = (await Promise.all(notes.map((r) => r.json()))) as Array<{ id: string }>;
      expect(n2!.id).toBe(n1!.id);
      expect(notes.filter((r) => r.headers.get('idempotent-replayed') === 'true')).toHaveLength(1);
      expect(await count('notes', 'body', note.body)).toBe(1);

      const ticket = { subject: `raced ticket ${round} ${Date.now()}` };
      const tickets = await Promise.all([a, b].map((i) => send(i.base, own, 'actions/ticket', `race-ticket-${round}`, ticket)));
      expect(tickets.map((r) => r.status)).toEqual([201, 201]);
      const [t1, t2] = (await Promise.all(tickets.map((r) => r.json()))) as Array<{ id: string }>;
      expect(t2!.id).toBe(t1!.id);
      expect(await count('tickets', 'subject', ticket.subject)).toBe(1);
    }
  });
});

describe('background work', () => {
  it('a due scheduled export runs once, not once per instance', async () => {
    const [a] = instances as [Instance, Instance];
    const res = await fetch(`${a.base}/api/export-schedules`, {
      method: 'POST',
      headers: headers(),
      body: JSON.stringify({ name: 'Once across instances', cron: '0 3 * * *', delivery: { kind: 'download' } }),
    });
    expect(res.status).toBe(201);
    const { id } = (await res.json()) as { id: string };
    // Due now: both instances' schedulers (a tick every 15 s) see it.
    await sql`update export_schedules set next_run_at = ${new Date(Date.now() - 1000).toISOString()} where id = ${id}`.execute(sample.db);
    const runs = async () =>
      Number((await sql<{ n: number }>`select count(*) as n from export_runs where schedule_id = ${id}`.execute(sample.db)).rows[0]!.n);
    const deadline = Date.now() + 40_000;
    while ((await runs()) === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await runs()).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 16_000)); // every instance ticked again
    expect(await runs()).toBe(1);
  }, 90_000);
});
