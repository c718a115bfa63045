/**
 * The embed pages, mounted at `/embed` by `createServerApp` in `c360 serve` and `c360 demo` alike:
 *
 * | path | what |
 * | --- | --- |
 * | GET `/embed/customer?email=…` \| `phone=…` \| `id=…` `&token=…` | a compact customer 360 for an iframe sidebar (Zendesk, Freshdesk, Twenty, HubSpot) |
 * | GET `/embed/chatwoot?token=…` | a Chatwoot dashboard app: the customer of the conversation's contact |
 * | GET `/embed/lookup?email=…&phone=…&id=…` | JSON `{customerId, matchedBy}` for the Chatwoot page (bearer token in the header) |
 * | GET `/embed/chatwoot.js` | the Chatwoot page's script |
 * | GET `/embed/assets/*` | the element bundle (`cdn/` of @c360/components: `c360.js` and its lazily loaded chunks; ./assets.ts) |
 *
 * The pages take their token as the `token` query parameter (SPEC §8): an embed token
 * (`c360 token create --embed --customer ID`, short-lived, one customer) or an API key
 * (`c360 token create --role viewer`). A customer-scoped token only ever shows its own customer.
 * Only the origins of `C360_ALLOWED_ORIGINS` may frame the pages (./headers.ts) or send the Chatwoot
 * page its context (./chatwoot-script.ts). Refusals are pages (or problem+json for the lookup)
 * that say what is wrong in words. See docs/embedding/.
 * @module
 */
import { Hono, type Context } from 'hono';
import { can } from '@c360/sdk';
import type { Db } from '../db/connect.js';
import type { Actor } from '../core/actor.js';
import { ProblemError } from '../core/problem.js';
import { problemResponse } from '../api/problem.js';
import { Authenticator, bearerToken, type AuthOptions } from '../auth/authenticate.js';
import { findCustomerByContact, type ContactKeys, type ContactMatch } from './find-customer.js';
import { embedPageHeaders } from './headers.js';
import { chatwootPage, customerPage, errorPage, SIDEBAR_COLLAPSED, type EmbedTheme } from './pages.js';
import { CHATWOOT_SCRIPT } from './chatwoot-script.js';
import { serveBundle } from './assets.js';

export interface EmbedOptions {
  db: Db;
  /** `C360_ALLOWED_ORIGINS`: who may frame the pages, message the Chatwoot page and load the bundle. */
  allowedOrigins: readonly string[];
  /** The same token options as the API (embed secret, clock). */
  auth?: AuthOptions;
  /** The built element bundle folder (`BUNDLE_DIR` of ./assets.ts: @c360/components' `cdn/`, made by `npm run bundle`). */
  bundleDir: string;
}

const THEMES: readonly EmbedTheme[] = ['light', 'dark', 'auto'];
const COLLAPSED_PATTERN = /^[a-z]+(,[a-z]+)*$/;

/** The `/embed` app; mount it with `app.route('/embed', createEmbedApp(…))`. */
export function createEmbedApp(options: EmbedOptions): Hono {
  const app = new Hono();
  const auth = new Authenticator(options.db, options.auth);
  const origins = options.allowedOrigins;
  const pageHeaders = embedPageHeaders(origins);

  serveBundle(app, options.bundleDir, origins);

  /** Runs a page handler; a refusal (a {@link ProblemError}) becomes the error page with its status. */
  const page = (handler: (c: Context) => Promise<string>) => async (c: Context) => {
    let theme: EmbedTheme = 'auto';
    try {
      theme = themeOf(c);
      return c.html(await handler(c), 200, pageHeaders);
    } catch (error) {
      if (error instanceof ProblemError) return c.html(errorPage(error.title, error.message, theme), error.status, pageHeaders);
      throw error;
    }
  };

  /** The actor of the page's `token` query parameter, allowed to read customers. */
  const pageActor = async (c: Context): Promise<Actor> => {
    const token = c.req.query('token');
    if (!token) {
      throw new ProblemError(
        401,
        'unauthorized',
        'No token',
        'This page needs a token: add &token=… to its address — an embed token ' +
          '(c360 token create --embed --customer ID) or a viewer API key (c360 token create --role viewer). See docs/embedding/.',
      );
    }
    const actor = await auth.authenticate(token);
    if (!can(actor.role, 'customers:read'))
      throw refusal(403, 'Access refused', 'The token’s role cannot read customers (needs customers:read)');
    return actor;
  };

  app.get(
    '/customer',
    page(async (c) => {
      const actor = await pageActor(c);
      const keys = contactKeys(c);
      const match = await findCustomerByContact(options.db, keys, actor.customerId);
      const { customerId } = found(match, keys, actor);
      return customerPage({ customerId, token: c.req.query('token')!, theme: themeOf(c), collapsed: collapsedOf(c) });
    }),
  );

  app.get(
    '/chatwoot',
    page(async (c) => {
      await pageActor(c);
      return chatwootPage({ allowedOrigins: origins, token: c.req.query('token')!, theme: themeOf(c), collapsed: collapsedOf(c) });
    }),
  );

  app.get('/chatwoot.js', (c) =>
    c.body(CHATWOOT_SCRIPT, 200, {
      'content-type': 'text/javascript; charset=utf-8',
      'x-content-type-options': 'nosniff',
      'cache-control': 'no-cache',
    }),
  );

  app.get('/lookup', async (c) => {
    try {
      const actor = await auth.authenticate(bearerToken(c, false));
      if (!can(actor.role, 'customers:read')) throw refusal(403, 'Forbidden', 'needs customers:read');
      const keys = contactKeys(c);
      const match = await findCustomerByContact(options.db, keys, actor.customerId);
      const { customerId, matchedBy } = found(match, keys, actor);
      return c.json({ customerId, matchedBy }, 200, pageHeaders);
    } catch (error) {
      if (error instanceof ProblemError) return problemResponse(c, error.toProblem(c.req.path), { ...pageHeaders, ...error.headers });
      throw error;
    }
  });
  return app;
}

/** The `id`, `email` and `phone` query parameters; a 400 naming them when none is usable. */
function contactKeys(c: Context): ContactKeys {
  const keys: ContactKeys = { id: c.req.query('id'), email: c.req.query('email'), phone: c.req.query('phone') };
  if (!keys.id?.trim() && !keys.email?.trim() && !keys.phone?.trim()) {
    throw refusal(400, 'Invalid request', 'Say which customer: add one of the query parameters email, phone or id');
  }
  return keys;
}

/** The match when it found one customer, else the refusal: 404 nobody, 409 several, 403 another customer's token. */
function found(match: ContactMatch, keys: ContactKeys, actor: Actor): Extract<ContactMatch, { kind: 'found' }> {
  if (match.kind === 'found') return match;
  const described = describeKeys(keys);
  if (match.kind === 'ambiguous') {
    throw refusal(
      409,
      'Several customers match',
      `Customers ${match.customerIds.join(', ')} all have this ${match.matchedBy}; open the page with id=… to say which one`,
    );
  }
  if (match.tried.length === 0) {
    throw refusal(400, 'Invalid request', `No usable email, phone or id in ${described}: an email needs an @, a phone at least 6 digits`);
  }
  if (actor.customerId !== undefined) {
    throw refusal(403, 'Another customer', `The token is for customer ${actor.customerId} only, and ${described} is not that customer`);
  }
  throw refusal(404, 'Customer not found', `No customer has ${described}`);
}

/** `email "a@b.c" or phone "+44…"` — what the host asked for, in words. */
function describeKeys(keys: ContactKeys): string {
  const parts = (['id', 'email', 'phone'] as const).filter((k) => keys[k]?.trim()).map((k) => `${k} "${keys[k]!.trim()}"`);
  return parts.join(' or ');
}

/** A refusal with the problem type of its status. */
function refusal(status: 400 | 403 | 404 | 409, title: string, detail: string): ProblemError {
  const slug = { 400: 'invalid-request', 403: 'forbidden', 404: 'not-found', 409: 'conflict' }[status];
  return new ProblemError(status, slug, title, detail);
}

/** The `theme` query parameter (default `auto`); a 400 naming it when it is something else. */
function themeOf(c: Context): EmbedTheme {
  const theme = c.req.query('theme');
  if (theme === undefined || theme === '') return 'auto';
  if (!(THEMES as readonly string[]).includes(theme)) {
    throw refusal(400, 'Invalid request', `theme: must be light, dark or auto, not "${theme}"`);
  }
  return theme as EmbedTheme;
}

/** The `collapsed` query parameter (section ids, comma-separated; default {@link SIDEBAR_COLLAPSED}). */
function collapsedOf(c: Context): string {
  const collapsed = c.req.query('collapsed');
  if (collapsed === undefined) return SIDEBAR_COLLAPSED;
  if (collapsed !== '' && !COLLAPSED_PATTERN.test(collapsed)) {
    throw refusal(400, 'Invalid request', `collapsed: section ids separated by commas (e.g. ${SIDEBAR_COLLAPSED}), not "${collapsed}"`);
  }
  return collapsed;
}
