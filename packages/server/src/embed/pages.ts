/**
 * The HTML of the embed pages: a compact customer 360 for a ~400px helpdesk sidebar
 * (`/embed/customer`), the Chatwoot dashboard-app shell (`/embed/chatwoot`) and the error page
 * both show when they cannot show a customer. Every page loads the element bundle from
 * `/embed/assets/c360.js` and runs no inline script (the pages' Content-Security-Policy allows
 * scripts from the c360 origin only, see ./headers.ts); what a script needs travels in a
 * `<script type="application/json">` block, which is data, not code.
 * @module
 */

/** The element bundle, @c360/components' `cdn/` served by ./assets.ts. */
export const BUNDLE_PATH = '/embed/assets/c360.js';
/** The Chatwoot page's script, served by ./routes.ts. */
export const CHATWOOT_SCRIPT_PATH = '/embed/chatwoot.js';

/** `light`, `dark`, or `auto` (follows `prefers-color-scheme`), as the elements take it. */
export type EmbedTheme = 'light' | 'dark' | 'auto';

/**
 * Sections collapsed by default in a sidebar: the header, metrics, health, churn, orders,
 * timeline, support, notes, tags, segments and loyalty stay open; these open with one click.
 */
export const SIDEBAR_COLLAPSED = 'payments,marketing,behavior';

/** Escapes text for HTML content and double-quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);
}

/** JSON safe inside `<script type="application/json">` (no `</script>`, no HTML comment openers). */
function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');
}

/** Page colours for both themes; the elements theme themselves through their `theme` attribute. */
const STYLE = `
  :root { color-scheme: light; font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; font-size: 14px; }
  :root[data-theme="dark"] { color-scheme: dark; }
  @media (prefers-color-scheme: dark) { :root[data-theme="auto"] { color-scheme: dark; } }
  body { margin: 0; padding: 8px; background: Canvas; color: CanvasText; }
  customer-360 { display: block; }
  .notice { margin: 16px 8px; padding: 12px 14px; border: 1px solid color-mix(in srgb, CanvasText 25%, transparent); border-radius: 8px; line-height: 1.45; }
  .notice h1 { font-size: 1rem; margin: 0 0 6px; }
  .notice p { margin: 0; overflow-wrap: anywhere; }
  [hidden] { display: none !important; }
`;

function layout(title: string, theme: EmbedTheme, head: string, body: string): string {
  return `<!doctype html>
<html lang="en" data-theme="${theme}">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <meta name="referrer" content="no-referrer" />
    <title>${escapeHtml(title)}</title>
    <link rel="icon" href="data:," />
    <style>${STYLE}</style>
    ${head}
  </head>
  <body>
${body}
  </body>
</html>
`;
}

export interface CustomerPageOptions {
  customerId: string;
  /** The token the page was opened with; the elements send it as a bearer token. */
  token: string;
  theme: EmbedTheme;
  /** Comma-separated section ids collapsed at first (default {@link SIDEBAR_COLLAPSED}). */
  collapsed?: string;
}

/** `/embed/customer`: one compact `<customer-360>` for the customer the server resolved. */
export function customerPage(o: CustomerPageOptions): string {
  const attrs = [
    `customer-id="${escapeHtml(o.customerId)}"`,
    'api-base="/api"',
    `token="${escapeHtml(o.token)}"`,
    `theme="${o.theme}"`,
    `collapsed="${escapeHtml(o.collapsed ?? SIDEBAR_COLLAPSED)}"`,
  ];
  return layout(
    `Customer ${o.customerId} — c360`,
    o.theme,
    `<script type="module" src="${BUNDLE_PATH}"></script>`,
    `    <customer-360 ${attrs.join(' ')}></customer-360>`,
  );
}

/** What the Chatwoot page's script reads from its JSON block. */
export interface ChatwootPageConfig {
  /** Origins whose messages are accepted (`C360_ALLOWED_ORIGINS`); `*` accepts any. */
  allowedOrigins: readonly string[];
  token: string;
  /** Theme when the context carries none. */
  theme: EmbedTheme;
  collapsed: string;
}

/** `/embed/chatwoot`: a status line and an empty `<customer-360>` that ./chatwoot-script.ts fills. */
export function chatwootPage(config: ChatwootPageConfig): string {
  return layout(
    'c360 — Chatwoot dashboard app',
    config.theme,
    `<script type="application/json" id="c360-embed-config">${jsonForScript(config)}</script>
    <script type="module" src="${BUNDLE_PATH}"></script>
    <script type="module" src="${CHATWOOT_SCRIPT_PATH}"></script>`,
    `    <div class="notice" id="status" role="status"><p>Waiting for the conversation from Chatwoot…</p></div>
    <customer-360 api-base="/api" token="${escapeHtml(config.token)}" theme="${config.theme}" collapsed="${escapeHtml(config.collapsed)}" hidden></customer-360>`,
  );
}

/** The page shown instead of a customer: what went wrong and what to do, in words. */
export function errorPage(title: string, detail: string, theme: EmbedTheme = 'auto'): string {
  return layout(
    `${title} — c360`,
    theme,
    '',
    `    <div class="notice" role="alert"><h1>${escapeHtml(title)}</h1><p>${escapeHtml(detail)}</p></div>`,
  );
}
