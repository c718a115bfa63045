/**
 * Real-time updates (R18): `subscribe` follows `GET /stream?customer=:id` and calls the handler
 * with each {@link ChangeRecord} (checked by the source's `validate`, else by its shape). It reads
 * the Server-Sent Events with `fetch` — in browsers and Node alike — so the token travels in the
 * `Authorization` header, never in the URL (proxy logs, histories), parsed by `eventsource-parser`.
 * It tracks the last change id and, after a dropped connection, reconnects (backoff 1 s … 30 s)
 * sending `Last-Event-ID`, so the server replays exactly the changes it missed.
 * @module
 */
import type { ChangeRecord, ChangeSection } from './schemas/stream.js';
import type { ResponseValidator } from './client-core.js';
import { createParser } from 'eventsource-parser';
import { C360ApiError, problemFrom } from './errors.js';

export interface SubscribeOptions {
  /** Called on a failed connection, a refused request (401/403/404, as {@link C360ApiError}) or an invalid message; the subscription keeps retrying unless unsubscribed. */
  onError?: (error: Error) => void;
  /** Only changes to these sections reach the handler. */
  sections?: readonly ChangeSection[];
  /** The server no longer has the missed changes (or the feed was reset): refetch everything shown. */
  onReset?: () => void;
  /** Resume after this change id. */
  lastEventId?: number;
}

/** What `subscribe` needs to reach the API. */
export interface StreamSource {
  baseUrl: string;
  token?: string;
  fetch?: typeof fetch;
  /** Checks each change record against the contract (as the client's responses); without it, its shape. */
  validate?: ResponseValidator;
}

export type ChangeHandler = (change: ChangeRecord) => void;

/** The light check of a change record without zod: an object with a numeric id and a section. */
function shapeOfChange(json: unknown): ChangeRecord {
  const c = json as Partial<ChangeRecord> | null;
  if (!c || typeof c !== 'object' || typeof c.id !== 'number' || typeof c.section !== 'string' || typeof c.customerId !== 'string') {
    throw new Error('not a change record (id, customerId, section)');
  }
  return c as ChangeRecord;
}

const MIN_RETRY_MS = 1_000;
const MAX_RETRY_MS = 30_000;

/**
 * Subscribes to one customer's changes; returns the function that stops it.
 * @example
 * const stop = subscribe(client, '17850', (change) => { if (change.section === 'orders') reloadOrders(); },
 *   { sections: ['orders', 'profile'] });
 */
export function subscribe(
  source: StreamSource | { subscribe(customerId: string, handler: ChangeHandler, options?: SubscribeOptions): () => void },
  customerId: string,
  handler: ChangeHandler,
  options: SubscribeOptions = {},
): () => void {
  if ('subscribe' in source && typeof source.subscribe === 'function') return source.subscribe(customerId, handler, options);
  const src = source as StreamSource;
  const wanted = options.sections ? new Set<string>(options.sections) : undefined;
  const stream = followStream(
    src,
    { customer: customerId },
    {
      lastEventId: options.lastEventId,
      onError: options.onError,
      onEvent(event, data, id) {
        if (event === 'reset') {
          if (id === undefined) stream.lastEventId = undefined;
          options.onReset?.();
          return;
        }
        if (event !== 'change') return;
        let json: unknown;
        try {
          json = JSON.parse(data);
        } catch {
          stream.fail(new Error(`c360 stream: a change is not JSON: ${data.slice(0, 80)}`));
          return;
        }
        let change: ChangeRecord;
        try {
          change = src.validate ? src.validate('ChangeRecord', json, '/stream') : shapeOfChange(json);
        } catch (error) {
          stream.fail(new Error(`c360 stream: unexpected change: ${(error as Error).message}`));
          return;
        }
        stream.lastEventId = change.id;
        if (wanted && !wanted.has(change.section)) return;
        handler(change);
      },
    },
  );
  return stream.stop;
}

/** What {@link followStream} calls and starts from. */
export interface StreamHandlers {
  /** Each Server-Sent Event: its `event` name (`message` when unnamed), `data` and `id`. */
  onEvent(event: string, data: string, id: string | undefined): void;
  /** A failed connection or a refused request (as {@link C360ApiError}); the stream keeps retrying. */
  onError?: (error: Error) => void;
  /** Resume after this change id (sent as `Last-Event-ID`). */
  lastEventId?: number;
}

/** A running stream: `lastEventId` is what a reconnect resumes after (the caller advances it). */
export interface FollowedStream {
  lastEventId: number | undefined;
  /** Reports an error through `onError` without stopping the stream. */
  fail(error: Error): void;
  stop(): void;
}

/**
 * Follows `GET /stream?<query>` with `fetch` and the `Authorization` header, parsing Server-Sent
 * Events with `eventsource-parser`; after a dropped connection it reconnects (backoff 1 s … 30 s)
 * with `Last-Event-ID`. {@link subscribe} (one customer's changes) and the notifications element
 * (no customer: only `notification` events) both read the stream through it.
 */
export function followStream(src: StreamSource, query: Record<string, string>, handlers: StreamHandlers): FollowedStream {
  let stopped = false;
  let retryMs = MIN_RETRY_MS;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let close: () => void = () => undefined;
  const url = `${src.baseUrl.replace(/\/+$/, '')}/stream${Object.keys(query).length ? `?${new URLSearchParams(query)}` : ''}`;

  const stream: FollowedStream = {
    lastEventId: handlers.lastEventId,
    fail(error) {
      try {
        handlers.onError?.(error);
      } catch {
        /* the caller's handler must not break the stream */
      }
    },
    stop() {
      stopped = true;
      clearTimeout(timer);
      close();
    },
  };

  const retry = () => {
    if (stopped) return;
    close();
    timer = setTimeout(connect, retryMs);
    retryMs = Math.min(retryMs * 2, MAX_RETRY_MS);
  };

  function connect(): void {
    if (stopped) return;
    const controller = new AbortController();
    close = () => controller.abort();
    void read(controller.signal).then(
      () => retry(), // the server closed the stream: reconnect
      (error: unknown) => {
        if (stopped || (error as Error)?.name === 'AbortError') return;
        stream.fail(error as Error);
        retry();
      },
    );
  }

  async function read(signal: AbortSignal): Promise<void> {
    const doFetch = src.fetch ?? globalThis.fetch;
    const headers: Record<string, string> = { accept: 'text/event-stream' };
    if (src.token) headers.authorization = `Bearer ${src.token}`;
    if (stream.lastEventId !== undefined) headers['last-event-id'] = String(stream.lastEventId);
    let response: Response;
    try {
      response = await doFetch(url, { headers, signal });
    } catch (error) {
      if ((error as Error)?.name === 'AbortError') throw error;
      throw new C360ApiError({
        type: 'about:blank',
        title: 'Network error',
        status: 0,
        detail: `Cannot reach ${src.baseUrl}: ${(error as Error).message}`,
      });
    }
    if (!response.ok || !response.body) {
      throw new C360ApiError(problemFrom(await response.json().catch(() => undefined), response));
    }
    const parser = createParser({
      onEvent: (e) => {
        retryMs = MIN_RETRY_MS;
        handlers.onEvent(e.event ?? 'message', e.data, e.id);
      },
    });
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      parser.feed(value);
    }
  }

  connect();
  return stream;
}
