/**
 * Test helpers shared by the elements' browser tests. The tests talk to the REAL c360 server that
 * web-test-runner.config.mjs starts with the bundled Online Retail sample; nothing is mocked.
 * @module
 */
import { waitUntil } from '@open-wc/testing';
import { createClient, type C360Client } from '@c360/sdk';
import { formatter } from '../base/format.js';

declare global {
  interface Window {
    __C360_TEST_API__?: string;
  }
}

/** The real server's API, injected by the test runner's HTML (`http://localhost:8399/api`). */
export const API: string = window.__C360_TEST_API__ ?? 'http://localhost:8399/api';

/** A real customer of the sample (Online Retail CustomerID 17850). */
export const CUSTOMER = '17850';

/** An id that is well-formed but matches no customer (the API answers 404). */
export const UNKNOWN_CUSTOMER = 'no-such-customer-4040';

/** The locale the tests render in, and a formatter for expected values. */
export const LOCALE = 'en-GB';
export const fmt = formatter(LOCALE);

/** A client of its own (not the elements' shared one), to fetch the expected values. */
export function apiClient(): C360Client {
  return createClient({ baseUrl: API });
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
