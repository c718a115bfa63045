/**
 * Loads the c360 elements the way a host page embeds them: the page-wide configuration first
 * (`window.c360Config`, read when the bundle starts), then the element bundle served by the c360
 * server (`/embed/assets/c360.js`, see README "Embed it"). The app renders after this resolves, so the
 * tags are already defined when React creates them and React 19 sets properties, not attributes.
 * @module
 */

/** Where the c360 server serves the element bundle (a variable, so the app's bundler leaves it alone). */
const C360_BUNDLE = '/embed/assets/c360.js';

/**
 * Configures and loads the elements. `c360 demo` answers GET /demo-config.json with its demo token
 * to a browser on the same machine; a real host passes its own token (an API key or embed token).
 */
export async function loadC360(): Promise<void> {
  const config: { apiBase?: string; token?: string } = await fetch('/demo-config.json')
    .then((r) => (r.ok ? r.json() : {}))
    .catch(() => ({}));
  window.c360Config = { apiBase: config.apiBase ?? '/api', token: config.token };
  await import(C360_BUNDLE);
}
