/**
 * The HTTP server: the API under `/api`, the embed pages and the element bundle under `/embed`
 * (src/embed/routes.ts), and, optionally, the demo page at `/`.
 * @module
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { relative } from 'node:path';
import { Hono } from 'hono';
import { serve, type ServerType } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';
import { createApiApp, type AppOptions } from './api/app.js';
import { problemResponse } from './api/problem.js';
import { demoConfigRefusal } from './auth/demo.js';
import { createEmbedApp } from './embed/routes.js';

/** The repository's demo folder (index.html and build/c360.js). */
export const DEMO_DIR = fileURLToPath(new URL('../../../demo/', import.meta.url));

export interface ServerAppOptions extends AppOptions {
  /** Serve the demo page and bundle from this folder at `/` (omit for an API-only server). */
  demoDir?: string;
  /**
   * The demo admin key (`c360 demo` only): served as GET /demo-config.json `{apiBase, token}` to
   * loopback requests for localhost only (see src/auth/demo.ts).
   */
  demoToken?: string;
}

export function createServerApp(options: ServerAppOptions): Hono {
  const app = new Hono();
  app.route('/api', createApiApp(options));
  // The embed pages need the element bundle in `c360 serve` too: served from demo/build/ at /embed/assets/.
  app.route('/embed', createEmbedApp({ db: options.db, allowedOrigins: options.allowedOrigins ?? [], auth: options.auth, bundleDir: `${DEMO_DIR}build` }));
  const demoToken = options.demoToken;
  if (demoToken) {
    app.get('/demo-config.json', (c) => {
      const headers = { 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' };
      const refusal = demoConfigRefusal(c);
      if (refusal) {
        return problemResponse(c, { type: 'https://c360.dev/problems/forbidden', title: 'Forbidden', status: 403, detail: refusal, instance: c.req.path }, headers);
      }
      return c.json({ apiBase: '/api', token: demoToken }, 200, headers);
    });
  }
  if (options.demoDir) {
    if (!existsSync(`${options.demoDir}/build/c360.js`)) {
      console.warn(`c360: ${options.demoDir}build/c360.js is missing; run \`npm run bundle\` for the demo page`);
    }
    const root = relative(process.cwd(), options.demoDir) || '.';
    app.use('/*', serveStatic({ root }));
  }
  return app;
}

/** Starts listening; resolves once the port is bound. Rejects with the port named when it is taken. */
export function listen(app: Hono, port: number, hostname = '0.0.0.0'): Promise<ServerType> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, port, hostname }, () => resolve(server));
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(error.code === 'EADDRINUSE' ? new Error(`Port ${port} is already in use; set PORT or --port`) : error),
    );
  });
}
