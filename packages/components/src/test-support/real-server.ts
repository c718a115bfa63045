/**
 * Test helpers shared by the elements' browser tests. The tests talk to the REAL c360 server that
 * web-test-runner.config.mjs starts with the bundled Online Retail sample; nothing is mocked.
 * @module
 */
import { waitUntil } from '@open-wc/testing';
import { createClient, type C360Client, type IngestEventInput, type IngestResult } from '@c360/sdk';
import { formatter } from '../base/format.js';
import { configure } from '../base/config.js';

declare global {
  interface Window {
    __C360_TEST_API__?: string;
    __C360_TEST_TOKEN__?: string;
  }
}

/** The real server's API, injected by the test runner's HTML (`http://localhost:8399/api`). */
export const API: string = window.__C360_TEST_API__ ?? 'http://localhost:8399/api';

/**
 * The demo admin token the test server printed; page-wide default of every element (through
 * `configure()`), so tests only set `api-base`.
 */
export const TOKEN: string = window.__C360_TEST_TOKEN__ ?? '';
configure({ token: TOKEN });

/** A real customer of the sample (Online Retail CustomerID 17850). */
export const CUSTOMER = '17850';

/** An id that is well-formed but matches no customer (the API answers 404). */
export const UNKNOWN_CUSTOMER = 'no-such-customer-4040';

/** The locale the tests render in, and a formatter for expected values. */
export const LOCALE = 'en-GB';
export const fmt = formatter(LOCALE);

/** A client of its own (not the elements' shared one), to fetch the expected values. */
export function apiClient(): C360Client {
  return createClient({ baseUrl: API, token: TOKEN });
}

/**
 * A suffix unique to this test run (this page load), for the ids of the data a test creates, so
 * that nothing collides with what an earlier run created.
 */
export const RUN: string = Date.now().toString(36);

/**
 * POSTs a batch of events to the real API's `/events`. Every event must be applied now, or have
 * been applied earlier (an event id seen before is skipped by the API); anything else throws with
 * the API's answer (a 422 names the offending event and field).
 */
export async function postEvents(events: IngestEventInput[]): Promise<IngestResult> {
  const response = await fetch(`${API}/events`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
    body: JSON.stringify(events),
  });
  const body = (await response.json()) as IngestResult;
  if (!response.ok || body.applied + body.duplicates !== events.length)
    throw new Error(`POST /events answered ${response.status}: ${JSON.stringify(body)}`);
  return body;
}

/** Builds one ingestion event: `ev('order.placed', '2011-09-06T14:15:00Z', {customerId, orderId, …})`. */
export type EventMaker = (type: IngestEventInput['type'], occurredAt: string, data: Record<string, unknown>) => IngestEventInput;

/** An {@link EventMaker} whose event ids are unique to this run: `wtr-<prefix>-<RUN>-1`, `-2`, … */
export function eventMaker(prefix: string): EventMaker {
  let n = 0;
  return (type, occurredAt, data) => ({ id: `wtr-${prefix}-${RUN}-${++n}`, type, occurredAt, data }) as IngestEventInput;
}

let customers = 0;

/**
 * Creates a customer of the test's own through the ingestion API — id `WTR-<PREFIX>-<RUN>-<n>`,
 * registered on 2011-01-01 (the sample's as-of is 2011-12-09) — and returns its id. It has no
 * orders, tickets or anything else until the test posts them.
 */
export async function freshCustomer(prefix: string, name = 'Test Customer', registeredAt = '2011-01-01T00:00:00.000Z'): Promise<string> {
  const id = `WTR-${prefix.toUpperCase()}-${RUN}-${++customers}`;
  await postEvents([
    {
      id: `wtr-customer-${id}`,
      type: 'customer.upserted',
      occurredAt: registeredAt,
      data: { customerId: id, name, registeredAt },
    } as IngestEventInput,
  ]);
  return id;
}

/** The element's shadow root (throws when there is none). */
export function root(el: Element): ShadowRoot {
  if (!el.shadowRoot) throw new Error(`<${el.localName}> has no shadow root`);
  return el.shadowRoot;
}

/** `querySelector` in the shadow root that throws a useful error when nothing matches. */
export function $(el: Element, selector: string): HTMLElement {
  const found = root(el).querySelector<HTMLElement>(selector);
  if (!found) throw new Error(`<${el.localName}> has no ${selector} in its shadow root`);
  return found;
}

/** All matches of `selector` in the shadow root. */
export function $$(el: Element, selector: string): HTMLElement[] {
  return [...root(el).querySelectorAll<HTMLElement>(selector)];
}

/** Normalised visible text. */
export function text(node: Element | null | undefined): string {
  return (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** Waits until `selector` exists in the element's shadow root (the data has arrived). */
export async function shown(el: Element, selector: string, timeout = 8000): Promise<HTMLElement> {
  let found: HTMLElement | null = null;
  await waitUntil(() => (found = root(el).querySelector<HTMLElement>(selector)), `<${el.localName}> never showed ${selector}`, { timeout });
  return found!;
}

/**
 * Records whether `selector` ever appears in the element's shadow root while `until` is awaited
 * (a MutationObserver sees states too short-lived for polling, such as a fast search's loading).
 */
export async function appearsWhile(el: Element, selector: string, until: () => Promise<unknown>): Promise<boolean> {
  let seen = !!root(el).querySelector(selector);
  const observer = new MutationObserver(() => (seen ||= !!root(el).querySelector(selector)));
  observer.observe(root(el), { childList: true, subtree: true, attributes: true });
  try {
    await until();
  } finally {
    observer.disconnect();
  }
  return seen;
}

/**
 * Counts the requests the page makes whose URL contains `fragment`. It wraps `fetch` and passes
 * every call through to the real server unchanged; call `restore()` when done.
 */
export function countRequests(fragment: string): { readonly count: number; restore(): void } {
  const original = window.fetch;
  let count = 0;
  window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (url.includes(fragment)) count++;
    return original.call(window, input, init);
  };
  return {
    get count() {
      return count;
    },
    restore: () => {
      window.fetch = original;
    },
  };
}

/**
 * lit-virtualizer's ResizeObserver can end a frame with "ResizeObserver loop completed with
 * undelivered notifications": benign (lit/lit#3154, the maintainers advise ignoring it in tests),
 * but mocha would fail the running test on it. Call inside a `describe` that renders the timeline.
 */
export { setupIgnoreWindowResizeObserverLoopErrors as ignoreBenignResizeObserverErrors } from '@lit-labs/virtualizer/support/resize-observer-errors.js';

declare global {
  interface Window {
    __C360_TEST_TOKENS__?: { viewer: string; agent: string; manager: string };
  }
}

/** API keys of the lower roles, minted by web-test-runner.config.mjs with `c360 token create --role …`. */
export const ROLE_TOKENS: { viewer: string; agent: string; manager: string } = window.__C360_TEST_TOKENS__ ?? {
  viewer: '',
  agent: '',
  manager: '',
};

/** A well-formed API key the server does not know (it answers 401). */
export const BAD_TOKEN = 'c360_' + 'x'.repeat(43);
