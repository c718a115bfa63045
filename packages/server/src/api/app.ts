/**
 * The c360 HTTP API as a Hono app: routes under `/api`, validated and documented with
 * @hono/zod-openapi from the SDK's schemas, errors as problem+json, CORS for configured origins.
 * @module
 */
import { OpenAPIHono } from '@hono/zod-openapi';
import { cors } from 'hono/cors';
import { secureHeaders } from 'hono/secure-headers';
import { HTTPException } from 'hono/http-exception';
import type { AppEnv } from './context.js';
import type { ReadContext } from '../read/customer-360.js';
import { invalidRequest, ProblemError, problemResponse, zodFieldErrors } from './problem.js';
import { customerRoutes } from './routes/customers.js';
import { compareRoutes } from './routes/compare.js';
import { noteRoutes } from './routes/notes.js';
import { tagRoutes } from './routes/tags.js';
import { segmentRoutes, segmentsCurrent } from './routes/segments.js';
import { sectionRoutes } from './routes/sections.js';
import { eventRoutes } from './routes/events.js';
import { docsRoutes } from './routes/docs.js';

export interface AppOptions extends ReadContext {
  /** Origins allowed to call the API from a browser (`C360_ALLOWED_ORIGINS`); `*` allows any. */
  allowedOrigins?: readonly string[];
}

/** Builds the API app. Mount it at `/api` (see {@link createServerApp}) or call `app.request('/customers')`. */
export function createApiApp(options: AppOptions): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>({
    defaultHook: (result, c) => {
      if (!result.success) {
        return problemResponse(c, invalidRequest(zodFieldErrors(result.error, result.target)).toProblem(c.req.path));
      }
    },
  });
  const read: ReadContext = { db: options.db, asOf: options.asOf, healthWeights: options.healthWeights };
  const origins = options.allowedOrigins ?? [];

  app.use('*', secureHeaders({ crossOriginResourcePolicy: 'cross-origin' }));
  if (origins.length) {
    app.use('*', cors({ origin: origins.includes('*') ? '*' : [...origins], allowHeaders: ['authorization', 'content-type', 'last-event-id', 'idempotency-key'], exposeHeaders: ['content-type'] }));
  }
  app.use('*', async (c, next) => {
    c.set('read', read);
    // Until API tokens land (SPEC §8), every request acts as the local operator.
    c.set('actor', { name: 'local operator', role: 'admin' });
    await next();
  });

  // Rule-segment memberships current for this server's as-of wherever they are read.
  for (const path of ['/customers', '/customers/:id/360', '/customers/:id/marketing']) app.use(path, segmentsCurrent);
  compareRoutes(app); // before customerRoutes: /customers/compare is not a customer id
  customerRoutes(app);
  noteRoutes(app);
  tagRoutes(app);
  segmentRoutes(app);
  sectionRoutes(app);
  eventRoutes(app);
  docsRoutes(app);

  app.notFound((c) => problemResponse(c, new ProblemError(404, 'not-found', 'Not found', `No route ${c.req.method} ${c.req.path}`).toProblem()));
  app.onError((error, c) => {
    if (error instanceof ProblemError) return problemResponse(c, error.toProblem(c.req.path));
    if (error instanceof HTTPException) {
      return problemResponse(c, { type: 'about:blank', title: error.message || 'HTTP error', status: error.status, instance: c.req.path });
    }
    console.error(error);
    return problemResponse(c, { type: 'about:blank', title: 'Internal server error', status: 500, detail: 'The error was logged on the server', instance: c.req.path });
  });
  return app;
}
