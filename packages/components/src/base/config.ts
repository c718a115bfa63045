/**
 * Shared configuration of the elements: where the API is, which token to send, which locale to
 * format in. Resolution order for each element: its own attribute > the nearest `<c360-provider>`
 * (through @lit/context) > the page-wide {@link configure} call.
 * @module
 */
import { createContext } from '@lit/context';
import { createLightClient, type C360Client } from '@c360/sdk';

export interface C360Config {
  /** Base URL of the API including `/api`, e.g. `/api` or `https://crm.example.com/api`. */
  apiBase?: string;
  /** Bearer token (API key or embed token). */
  token?: string;
  /** BCP 47 locale for numbers, money and dates, e.g. `en-GB`. */
  locale?: string;
  /**
   * The page will provide the token later (e.g. after asking its backend for an embed token):
   * until an element has a token, it sends no request at all — it shows its loading state — and
   * `configure({ token })` starts every element at once. Without it, an element without a token
   * asks the API anyway (and gets 401). Page-wide only (`window.c360Config` or `configure()`).
   */
  tokenPending?: boolean;
}

/** The context `<c360-provider>` provides and every element consumes. */
export const c360ConfigContext = createContext<C360Config | undefined>(Symbol.for('c360-config'));

declare global {
  interface Window {
    /**
     * Page-wide configuration read once when the elements load, for pages that know it before the
     * bundle runs: `window.c360Config = { apiBase: '/api', token }` then load `c360.js` — or
     * `{ tokenPending: true }` when the token comes later. Later changes go through {@link configure}.
     */
    c360Config?: C360Config;
  }
}

let globalConfig: C360Config = { ...(typeof window === 'undefined' ? {} : window.c360Config) };
const listeners = new Set<() => void>();

/**
 * Sets the page-wide defaults used by every element that has no attribute and no provider.
 * Elements already on the page update at once. Returns the merged configuration.
 *
 * @example
 * import { configure } from '@c360/components';
 * configure({ apiBase: '/api', token: sessionToken, locale: 'en-GB' });
 * // or: configure({ tokenPending: true }) now, and configure({ token }) once the backend minted one
 */
export function configure(config: C360Config): C360Config {
  globalConfig = { ...globalConfig, ...config };
  for (const listener of listeners) listener();
  return globalConfig;
}

/** The current page-wide configuration (what {@link configure} set). */
export function getGlobalConfig(): Readonly<C360Config> {
  return globalConfig;
}

/** @internal Called by elements so that {@link configure} reaches those already connected. */
export function onConfigure(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

const clients = new Map<string, C360Client>();

/**
 * One SDK client per apiBase + token, shared by every element on the page, so the client's
 * de-duplication of concurrent identical GETs works across elements. It is the light client: it
 * trusts the server's responses, so zod (~100 KB gzip) stays off the page (docs/decisions.md).
 */
export function sharedClient(apiBase: string, token?: string): C360Client {
  const key = `${apiBase}\u0000${token ?? ''}`;
  let client = clients.get(key);
  if (!client) {
    client = createLightClient({ baseUrl: apiBase, token: token || undefined });
    clients.set(key, client);
  }
  return client;
}

const waiting = new Map<string, C360Client>();

/**
 * The client of an element whose token is pending ({@link C360Config.tokenPending}): the SDK's
 * client with a `fetch` that sends nothing and never answers (it rejects only when the caller
 * aborts, as an element does when its configuration changes), so the element shows its loading
 * state and makes no request until `configure({ token })` gives it {@link sharedClient}.
 */
export function waitingClient(apiBase: string): C360Client {
  let client = waiting.get(apiBase);
  if (!client) {
    const wait = (_input: RequestInfo | URL, init?: RequestInit): Promise<Response> =>
      new Promise((_resolve, reject) => {
        init?.signal?.addEventListener('abort', () => reject(init.signal!.reason ?? new DOMException('Aborted', 'AbortError')), {
          once: true,
        });
      });
    client = createLightClient({ baseUrl: apiBase, fetch: wait });
    waiting.set(apiBase, client);
  }
  return client;
}
