/**
 * Where the API is and which token to send: `window.c360Config` `{apiBase, token}`, which
 * index.html sets before loading the elements bundle and this app (the same object the elements
 * read), so the data provider and `<customer-360>` talk to the same API as the same caller.
 * @module
 */

/** The c360 configuration of the page: `apiBase` including `/api`, `token` a bearer token. */
export interface C360PageConfig {
  apiBase: string;
  token?: string;
}

/** The page's c360 configuration (`/api` and no token when index.html set none). */
export function pageConfig(): C360PageConfig {
  const config = (window as Window & { c360Config?: Partial<C360PageConfig> }).c360Config ?? {};
  return { apiBase: config.apiBase ?? '/api', token: config.token };
}
