/**
 * Real time (R18, design Property 6) over real HTTP: the app served on an ephemeral port, the
 * event stream read from the response body. A change for customer X reaches every subscriber of X
 * (two sessions in sync) and no subscriber of Y; Last-Event-ID replays exactly what was missed;
 * access follows GET /stream's permission and customer scope; notes and tags publish too.
 */
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChangeRecord, subscribe } from '@c360/sdk';
import { openSampleApp, type SampleApp } from '../helpers/sample-db.js';

let sample: SampleApp;
let server: ServerType;
let base: string;
let X: string;
let Y: string;
let seq = 0;

beforeAll(async () => {
  sample = await openSampleApp();
  const ids = (await sample.db.selectFrom('customers').select('id').orderBy('id').limit(2).execute()).map((r) => r.id);
  [X, Y] = ids as [string, string];
  server = await new Promise<ServerType>((resolve) => {
    const s = serve({ fetch: sample.rawApp.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await sample.close();
});

interface SseEvent {
  event: string;
  id?: string;
  data: string;
}

/** Opens GET /stream and collects its events until `close()`. */
async function open(customer: string, init: { token?: string | null; query?: string; lastEventId?: string } = {}) {
  const controller = new AbortController();
  const headers: Record<string, string> = {};
  const token = init.token === undefined ? sample.tokens.admin : init.token;
  if (token) headers.authorization = `Bearer ${token}`;
  if (init.lastEventId) headers['last-event-id'] = init.lastEventId;
  const response = await fetch(`${base}/stream?customer=${encodeURIComponent(customer)}${init.query ?? ''}`, {
    headers,
    signal: controller.signal,
  });
  const events: SseEvent[] = [];
  const comments: string[] = [];
  if (response.ok) {
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
            const block = text.slice(0, end);
            text = text.slice(end + 2);
            const e: SseEvent = { event: 'message', data: '' };
            let hasData = false;
            for (const line of block.split('\n')) {
              if (line.startsWith(':')) comments.push(line);
              else if (line.startsWith('event: ')) e.event = line.slice(7);
              else if (line.startsWith('id: ')) e.id = line.slice(4);
              else if (line.startsWith('data: ')) {
                e.data += line.slice(6);
                hasData = true;
              }
            }
            if (hasData) events.push(e);
          }
        }
      } catch {
        /* aborted */
      }
    })();
  }
  const changes = () => events.filter((e) => e.event === 'change').map((e) => ChangeRecord.parse(JSON.parse(e.data)));
  return { response, events, comments, changes, close: () => controller.abort() };
}

async function until(check: () => boolean, ms = 3000): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > ms) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 20));
  }
}
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function ingest(customerId: string): Promise<string> {
  seq += 1;
  const event = {
    id: `rt-${seq}`,
    type: 'session.started',
    occurredAt: '2011-12-01T10:00:00.000Z',
    data: { customerId, sessionId: `rt-session-${seq}`, device: 'mobile', durationSeconds: 60 },
  };
  const res = await fetch(`${base}/events`, {
    method: 'POST',
    headers: { authorization: `Bearer ${sample.tokens.admin}`, 'content-type': 'application/json' },
    body: JSON.stringify([event]),
  });
  expect(res.status).toBe(200);
  return event.id;
}

describe('GET /stream', () => {
  it('delivers a change for X to every subscriber of X, within a moment, and nothing to Y', async () => {
    const a = await open(X);
    const b = await open(X);
    const y = await open(Y);
    expect(a.response.status).toBe(200);
    expect(a.response.headers.get('content-type')).toMatch(/^text\/event-stream/);
    await pause(100);
    const started = Date.now();
    const eventId = await ingest(X);
    await until(() => a.changes().some((c) => c.section === 'behavior') && b.changes().some((c) => c.section === 'behavior'));
    expect(Date.now() - started).toBeLessThan(5000);
    for (const s of [a, b]) {
      const got = s.changes();
      expect(new Set(got.map((c) => c.section))).toEqual(new Set(['behavior', 'scores', 'segments', 'timeline']));
      expect(got.every((c) => c.customerId === X && c.type === 'session.started')).toBe(true);
      expect(got.find((c) => c.section === 'timeline')?.activityId).toBe(`session:rt-session-${seq}`);
      expect(s.events.filter((e) => e.event === 'change').map((e) => Number(e.id))).toEqual(got.map((c) => c.id));
    }
    expect(a.changes()).toEqual(b.changes());
    await pause(200);
    expect(y.changes()).toEqual([]);
    void eventId;
    [a, b, y].forEach((s) => s.close());
  });

  it('replays exactly the missed changes, in order, after Last-Event-ID', async () => {
    const first = await open(X);
    await pause(50);
    await ingest(X);
    await until(() => first.changes().length === 4);
    const lastSeen = first.changes().at(-1)!.id;
    first.close();
    await ingest(X);
    await ingest(Y);
    await ingest(X);
    const missed = await sample.db
      .withTables<{ change_feed: { id: number; customer_id: string } }>()
      .selectFrom('change_feed')
      .select('id')
      .where('customer_id', '=', X)
      .where('id', '>', lastSeen)
      .orderBy('id')
      .execute();
    // 8 for the events themselves, more when they moved a score (a `score.changed` record).
    expect(missed.length).toBeGreaterThanOrEqual(8);

    const again = await open(X, { lastEventId: String(lastSeen) });
    await until(() => again.changes().length >= missed.length);
    await pause(150);
    expect(again.changes().map((c) => c.id)).toEqual(missed.map((r) => r.id));
    // …then live changes follow without a gap or a duplicate.
    await ingest(X);
    const all = async () =>
      (
        await sample.db
          .withTables<{ change_feed: { id: number; customer_id: string } }>()
          .selectFrom('change_feed')
          .select('id')
          .where('customer_id', '=', X)
          .where('id', '>', lastSeen)
          .execute()
      ).length;
    const total = await all();
    expect(total).toBeGreaterThanOrEqual(missed.length + 4);
    await until(() => again.changes().length === total);
    const ids = again.changes().map((c) => c.id);
    expect([...ids].sort((p, q) => p - q)).toEqual(ids);
    again.close();

    // The lastEventId query parameter does the same (manual reconnection).
    const manual = await open(X, { query: `&lastEventId=${lastSeen}` });
    await until(() => manual.changes().length >= total);
    expect(manual.changes().map((c) => c.id)).toEqual(ids);
    manual.close();
  });

  it('sends a reset when the client is ahead of the feed', async () => {
    const s = await open(X, { lastEventId: '999999999' });
    await until(() => s.events.some((e) => e.event === 'reset'));
    s.close();
  });

  it('checks access: viewer yes, no token 401, token query param, embed token of another customer 403', async () => {
    const viewer = await open(X, { token: sample.tokens.viewer });
    expect(viewer.response.status).toBe(200);
    viewer.close();
    const none = await open(X, { token: null });
    expect(none.response.status).toBe(401);
    const query = await open(X, { token: null, query: `&token=${encodeURIComponent(sample.tokens.viewer)}` });
    expect(query.response.status).toBe(200);
    query.close();
    const own = await open(X, { token: sample.embedToken(X, { role: 'viewer' }) });
    expect(own.response.status).toBe(200);
    own.close();
    const other = await open(X, { token: sample.embedToken(Y, { role: 'viewer' }) });
    expect(other.response.status).toBe(403);
    const unknown = await open('NO-SUCH-CUSTOMER');
    expect(unknown.response.status).toBe(404);
    const badId = await open(X, { lastEventId: 'abc' });
    expect(badId.response.status).toBe(400);
  });

  it('publishes notes, tags and manual segment changes', async () => {
    const s = await open(X);
    await pause(50);
    const post = (path: string, body: unknown) =>
      fetch(`${base}${path}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${sample.tokens.admin}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    expect((await post(`/customers/${X}/notes`, { body: 'Called about the delivery', type: 'general', visibility: 'team' })).status).toBe(
      201,
    );
    await until(() => s.changes().some((c) => c.type === 'note.added' && c.section === 'notes'));
    const tagged = await post(`/customers/${X}/tags`, { name: 'realtime-test' });
    expect(tagged.status).toBe(200);
    await until(() => s.changes().some((c) => c.type === 'tag.assigned' && c.section === 'tags'));
    const tagId = ((await tagged.json()) as { tags: Array<{ id: string; name: string }> }).tags.find((t) => t.name === 'realtime-test')!.id;
    const removed = await fetch(`${base}/customers/${X}/tags/${tagId}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${sample.tokens.admin}` },
    });
    expect(removed.status).toBe(204);
    await until(() => s.changes().some((c) => c.type === 'tag.removed'));
    expect(s.changes().find((c) => c.type === 'note.added' && c.section === 'timeline')?.activityId).toMatch(/^note:note_/);
    s.close();
  });

  it('SDK subscribe: filters by section, and reconnects from the last id', async () => {
    const got: ChangeRecord[] = [];
    const errors: Error[] = [];
    const stop = subscribe({ baseUrl: base, token: sample.tokens.viewer }, X, (c) => got.push(c), {
      sections: ['behavior'],
      onError: (e) => errors.push(e),
    });
    await pause(150);
    await ingest(X);
    await until(() => got.length === 1);
    expect(got[0]).toMatchObject({ customerId: X, section: 'behavior', type: 'session.started' });
    stop();
    expect(errors).toEqual([]);
  });
});
