/**
 * The HTTP server: the API under `/api`, the embed pages and the element bundle under `/embed`
 * (src/embed/routes.ts; the bundle at `/embed/assets/c360.js`, src/embed/assets.ts), the health
 * checks `/healthz` and `/readyz` (src/api/health.ts), and, optionally, the demo page at `/`.
 * Every response is compressed when the client accepts it, except the live stream
 * (src/api/compression.ts); an unknown `/api/*` path is a 404 problem+json (src/api/not-found.ts).
 * @module
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { relative } from 'node:path';
import { Hono, type MiddlewareHandler } from 'hono';
import { serve, type ServerType } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';
import { createApiApp, type AppOptions } from './api/app.js';
import { problemResponse } from './api/problem.js';
import { compressExceptStream } from './api/compression.js';
import { healthRoutes } from './api/health.js';
import { apiNotFound } from './api/not-found.js';
import { demoConfigRefusal } from './auth/demo.js';
import { createEmbedApp } from './embed/routes.js';
import { demoPageHeaders } from './embed/headers.js';
import { BUNDLE_DIR } from './embed/assets.js';

export { BUNDLE_DIR };

/** The repository's demo folder (index.html, the host examples; they load /embed/assets/c360.js). */
export const DEMO_DIR = fileURLToPath(new URL('../../../demo/', import.meta.url));

export interface ServerAppOptions extends AppOptions {
  /** Serve the demo page from this folder at `/` (omit for an API-only server). */
  demoDir?: string;
  /** The element bundle folder served at `/embed/assets/` (default {@link BUNDLE_DIR}, @c360/components' `cdn/`). */
  bundleDir?: string;
  /**
   * The demo admin key (`c360 demo` only): served as GET /demo-config.json `{apiBase, token}` to
   * loopback requests for localhost only (see src/auth/demo.ts).
   */
  demoToken?: string;
}

/** Builds the whole server app over `options.db` (see the module comment for what it serves). */
export function createServerApp(options: ServerAppOptions): Hono {
  const app = new Hono();
  const bundleDir = options.bundleDir ?? BUNDLE_DIR;
  app.use('*', compressExceptStream());
  healthRoutes(app, options.db);
  app.route('/api', createApiApp(options));
  // The one URL of the element bundle, in `c360 serve` and `c360 demo` alike: /embed/assets/c360.js.
  app.route('/embed', createEmbedApp({ db: options.db, allowedOrigins: options.allowedOrigins ?? [], auth: options.auth, bundleDir }));
  const demoToken = options.demoToken;
  if (demoToken) {
    app.get('/demo-config.json', (c) => {
      const headers = { 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' };
      const refusal = demoConfigRefusal(c);
      if (refusal) {
        return problemResponse(
          c,
          { type: 'https://c360.dev/problems/forbidden', title: 'Forbidden', status: 403, detail: refusal, instance: c.req.path },
          headers,
        );
      }
      return c.json({ apiBase: '/api', token: demoToken }, 200, headers);
    });
  }
  if (options.demoDir) {
    if (!existsSync(`${bundleDir}/c360.js`)) {
      console.warn(`c360: ${bundleDir}/c360.js is missing; run \`npm run bundle\` for the demo page`);
    }
    const root = relative(process.cwd(), options.demoDir) || '.';
    app.use('/*', demoHeaders);
    app.use('/*', serveStatic({ root }));
  }
  // A path no /api route matched (the API app's own notFound is not used once it is mounted).
  app.notFound((c) => (c.req.path === '/api' || c.req.path.startsWith('/api/') ? apiNotFound(c) : c.text('Not found', 404)));
  return app;
}

/**
 * Security headers of the demo folder: every file `nosniff` and `Referrer-Policy: no-referrer`; the
 * demo page itself (`/`, `/index.html`: it loads the demo admin token) the embed pages' policy with
 * `frame-ancestors 'self'` and its inline scripts allowed by hash (embed/headers.ts).
 */
const demoHeaders: MiddlewareHandler = async (c, next) => {
  await next();
  c.header('x-content-type-options', 'nosniff');
  c.header('referrer-policy', 'no-referrer');
  if ((c.req.path === '/' || c.req.path === '/index.html') && c.res.headers.get('content-type')?.startsWith('text/html')) {
    const html = await c.res.clone().text();
    for (const [name, value] of Object.entries(demoPageHeaders(html))) c.header(name, value);
  }
};

/** Starts listening; resolves once the port is bound. Rejects with the port named when it is taken. */
export function listen(app: Hono, port: number, hostname = '0.0.0.0'): Promise<ServerType> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, port, hostname }, () => resolve(server));
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(error.code === 'EADDRINUSE' ? new Error(`Port ${port} is already in use; set PORT or --port`) : error),
    );
  });
}
