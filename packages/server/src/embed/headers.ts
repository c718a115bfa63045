/**
 * Response headers of the embed pages. Unlike the API (`X-Frame-Options: SAMEORIGIN`), these pages
 * exist to be framed — but only by the hosts in `C360_ALLOWED_ORIGINS`: the Content-Security-Policy's
 * `frame-ancestors` lists exactly them (`'self'` alone when the list is empty, any host for `*`).
 * The same policy lets the page run scripts from the c360 origin only and talk to it only, and
 * `Referrer-Policy: no-referrer` keeps the `token` of the page's address out of other sites' logs.
 * The demo page of `c360 demo` gets the same policy ({@link demoPageHeaders}).
 * @module
 */
import { createHash } from 'node:crypto';

/** Is `origin` a bare `scheme://host[:port]` that can go into a CSP source list? */
export function isOrigin(origin: string): boolean {
  try {
    const url = new URL(origin);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.origin === origin.replace(/\/$/, '');
  } catch {
    return false;
  }
}

/**
 * The allowed origins as a CSP source list: `*` for any, else `'self'` and every well-formed
 * origin (a malformed entry is left out rather than widening or breaking the policy).
 */
export function frameAncestors(allowedOrigins: readonly string[]): string {
  if (allowedOrigins.includes('*')) return '*';
  return ["'self'", ...allowedOrigins.filter(isOrigin).map((o) => o.replace(/\/$/, ''))].join(' ');
}

/**
 * Headers of an embed page (HTML) or of its lookup answer (JSON). `scriptSources` adds sources to
 * `script-src` (the demo page's inline scripts by hash, see {@link inlineScriptHashes}).
 */
export function embedPageHeaders(allowedOrigins: readonly string[], scriptSources: readonly string[] = []): Record<string, string> {
  const csp = [
    "default-src 'none'",
    ["script-src 'self'", ...scriptSources].join(' '),
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: https:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    `frame-ancestors ${frameAncestors(allowedOrigins)}`,
  ].join('; ');
  return {
    'content-security-policy': csp,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cache-control': 'no-store',
  };
}

/** CSP sources (`'sha256-…'`) allowing exactly the inline `<script>` blocks of `html`, and no other inline script. */
export function inlineScriptHashes(html: string): string[] {
  const hashes = new Set<string>();
  for (const match of html.matchAll(/<script\b(?![^>]*\bsrc\s*=)[^>]*>([\s\S]*?)<\/script\s*>/gi)) {
    hashes.add(`'sha256-${createHash('sha256').update(match[1]!, 'utf8').digest('base64')}'`);
  }
  return [...hashes];
}

/**
 * Headers of a page of the demo (`c360 demo`, it holds an auto-loaded admin token): the embed
 * pages' policy with `frame-ancestors 'self'` (no other site may frame it) and its own inline
 * scripts allowed by hash. Other responses of the demo folder get `nosniff` and `no-referrer`.
 */
export function demoPageHeaders(html: string): Record<string, string> {
  return embedPageHeaders([], inlineScriptHashes(html));
}
