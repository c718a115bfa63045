/**
 * GET /stream?customer=:id — Server-Sent Events of every change to one customer (R18, design
 * Property 6), or to several (`customer=a,b,c`, up to 100: one connection for a list page). First the changes after `Last-Event-ID` (header, or the `lastEventId` query for
 * clients reconnecting by hand) from the persisted feed, then live ones as they commit:
 * `event: change`, `id: <seq>`, `data: <ChangeRecord JSON>`; a `: keep-alive` comment every 15 s.
 * An `event: reset` says the client is further behind than the feed keeps (or ahead of it): refetch
 * everything, then carry on. The caller's new in-app notifications (any customer; with the
 * `notifications` permission, not for customer-scoped tokens) arrive on the same stream as `event: notification` (no id; `data: <Notification
 * JSON>`); without `customer` the stream carries only those. Accepts the token as the `token` query parameter (EventSource cannot
 * send headers); keep compression and buffering off this route.
 * @module
 */
import type { OpenAPIHono } from '@hono/zod-openapi';
import { streamSSE, type SSEStreamingApi } from 'hono/streaming';
import { z } from 'zod';
import { can, ChangeRecord, StreamQuery } from '@c360/sdk';
import type { AppEnv } from '../context.js';
import { secureRoute } from '../guard.js';
import { customerProblems } from '../openapi-helpers.js';
import { customerNotFound, invalidRequest } from '../../core/problem.js';
import { changeHub, changesAfter, feedBounds } from '../../realtime/feed.js';
import { notificationHub } from '../../notifications/hub.js';

/** Interval of the `: keep-alive` comment. */
export const KEEP_ALIVE_MS = 15_000;
/** Reconnection delay suggested to EventSource (`retry:`). */
export const RETRY_MS = 3_000;

const stream = secureRoute(
  { permission: 'customers:read', queryToken: true, scope: (c) => c.req.query('customer') },
  {
    method: 'get',
    path: '/stream',
    tags: ['Real time'],
    summary: 'Stream a customer’s changes (Server-Sent Events)',
    description:
      'A `text/event-stream` of every committed change to the customer, one event per section touched: ' +
      '`event: change`, `id: <sequence>`, `data: <ChangeRecord JSON>`. Reconnect with `Last-Event-ID` (or `lastEventId`) to get ' +
      'exactly the changes missed, in order; an `event: reset` (data `{"reason":"gap"|"ahead"}`) means they are no longer kept: ' +
      'refetch the whole view. A `: keep-alive` comment is sent every 15 s. The token may be passed as the `token` query ' +
      'parameter (EventSource cannot send headers); this is the only route that accepts it. ' +
      'The caller’s new notifications arrive as `event: notification` (`data`: a Notification, no id); without `customer`, only those.',
    request: {
      query: StreamQuery,
      headers: z.object({
        'last-event-id': z.string().optional().meta({ description: 'The id of the last change received' }),
      }),
    },
    responses: {
      200: {
        description: 'The event stream; each `change` event’s `data` is a ChangeRecord',
        content: { 'text/event-stream': { schema: ChangeRecord } },
      },
      ...customerProblems,
    },
  },
);

function parseId(value: string | undefined, field: string): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  if (!/^\d{1,15}$/.test(value.trim())) throw invalidRequest([{ field, message: 'must be a change id (a non-negative integer)' }]);
  return Number(value.trim());
}

/**
 * One change as an SSE event (`event: change`, its id, the record as JSON on one line), formatted
 * once per record: the hub hands the same record object to every subscriber of the customer.
 */
const frames = new WeakMap<ChangeRecord, string>();
function frame(change: ChangeRecord): string {
  let text = frames.get(change);
  if (text === undefined) {
    text = `event: change\nid: ${change.id}\ndata: ${JSON.stringify(change)}\n\n`;
    frames.set(change, text);
  }
  return text;
}
const send = (s: SSEStreamingApi, changes: readonly ChangeRecord[]) => s.write(changes.map(frame).join(''));

export function streamRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(stream, async (c) => {
    const { customer: customers = [], lastEventId: queryId } = c.req.valid('query');
    const after = parseId(c.req.header('last-event-id'), 'header.last-event-id') ?? parseId(queryId, 'query.lastEventId');
    const db = c.var.read.db;
    if (customers.length > 0) {
      const found = new Set((await db.selectFrom('customers').select('id').where('id', 'in', customers).execute()).map((r) => r.id));
      const missing = customers.find((id) => !found.has(id));
      if (missing !== undefined) throw customerNotFound(missing);
    }
    const hub = changeHub(db);
    const actor = c.var.actor;

    return streamSSE(c, async (s) => {
      // Live changes are buffered until the replay is written, then sent in order without duplicates.
      let cursor = 0;
      let live = false;
      const buffer: ChangeRecord[] = [];
      let writing: Promise<unknown> = Promise.resolve();
      // The records of one commit reach the hub together: they leave in one write per subscriber.
      const pending: ChangeRecord[] = [];
      const deliver = (change: ChangeRecord) => {
        if (change.id <= cursor) return;
        cursor = change.id;
        pending.push(change);
        if (pending.length === 1) writing = writing.then(() => send(s, pending.splice(0))).catch(() => undefined);
      };
      const subscriptions = customers.map((id) => hub.subscribe(id, (change) => (live ? deliver(change) : buffer.push(change))));
      const ready = Promise.all(subscriptions.map((sub) => sub.ready));
      const unsubscribe = () => subscriptions.forEach((sub) => sub.unsubscribe());
      const notifications =
        actor.customerId !== undefined || !can(actor.role, 'notifications')
          ? undefined
          : notificationHub(db).subscribe(actor.name, (n) => {
              writing = writing.then(() => s.writeSSE({ event: 'notification', data: JSON.stringify(n) })).catch(() => undefined);
            });
      let keepAlive: NodeJS.Timeout | undefined;
      const closed = new Promise<void>((resolve) => {
        s.onAbort(resolve);
        c.req.raw.signal.addEventListener('abort', () => resolve(), { once: true });
      });
      try {
        await s.write(`retry: ${RETRY_MS}\n\n`);
        await ready;
        await notifications?.ready;
        const bounds = await feedBounds(db);
        if (customers.length === 0) {
          cursor = bounds.max;
        } else if (after === undefined) {
          cursor = bounds.max;
        } else if (after > bounds.max || (bounds.min > 0 && after < bounds.min - 1)) {
          await s.writeSSE({ event: 'reset', data: JSON.stringify({ reason: after > bounds.max ? 'ahead' : 'gap' }) });
          cursor = bounds.max;
        } else {
          // The missed changes of every customer followed, merged in commit order.
          const missed: ChangeRecord[] = [];
          for (const id of customers) {
            for (let from = after; ;) {
              const page = await changesAfter(db, id, from, 1000);
              missed.push(...page);
              if (page.length < 1000) break;
              from = page.at(-1)!.id;
            }
          }
          missed.sort((a, b) => a.id - b.id);
          for (let i = 0; i < missed.length; i += 1000) await send(s, missed.slice(i, i + 1000));
          cursor = missed.at(-1)?.id ?? after;
        }
        live = true;
        for (const change of buffer.splice(0)) deliver(change);
        keepAlive = setInterval(() => {
          writing = writing.then(() => s.write(': keep-alive\n\n')).catch(() => undefined);
        }, KEEP_ALIVE_MS);
        await closed;
      } catch (error) {
        if (!s.aborted && !s.closed) console.error('GET /stream:', error); // a write after the client left is expected
      } finally {
        clearInterval(keepAlive);
        unsubscribe();
        notifications?.unsubscribe();
      }
    });
  });
}
