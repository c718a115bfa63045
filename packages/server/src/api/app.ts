/**
 * The c360 HTTP API as a Hono app: routes under `/api`, validated and documented with
 * @hono/zod-openapi from the SDK's schemas, errors as problem+json, CORS for configured origins,
 * bearer-token access on every route but the reference (`/openapi.json`, `/docs`): each route
 * declares its permission with `secureRoute` (src/api/guard.ts), and the app refuses to start
 * when one does not (default deny). See docs/security.md.
 * @module
 */
import { OpenAPIHono } from '@hono/zod-openapi';
import { cors } from 'hono/cors';
import { secureHeaders } from 'hono/secure-headers';
import { HTTPException } from 'hono/http-exception';
import type { AppEnv } from './context.js';
import type { ReadContext } from '../core/read-context.js';
import { invalidRequest, ProblemError, zodFieldErrors } from '../core/problem.js';
import { problemResponse } from './problem.js';
import { apiNotFound } from './not-found.js';
import { malformedBody, referenceCaching } from './http-conventions.js';
import { assignOperationIds } from './operation-ids.js';
import { documentEmbedLookup } from './embed-lookup-doc.js';
import { customerRoutes } from './routes/customers.js';
import { compareRoutes } from './routes/compare.js';
import { noteRoutes } from './routes/notes.js';
import { tagRoutes } from './routes/tags.js';
import { segmentRoutes } from './routes/segments.js';
import { segmentPreviewRoutes } from './routes/segments-preview.js';
import { sectionRoutes } from './routes/sections.js';
import { eventRoutes } from './routes/events.js';
import { docsRoutes } from './routes/docs.js';
import { meRoutes } from './routes/me.js';
import { streamRoutes } from './routes/stream.js';
import { exportRoutes } from './routes/export.js';
import { actionRoutes } from './routes/actions.js';
import { followUpRoutes } from './routes/follow-ups.js';
import { notificationRoutes } from './routes/notifications.js';
import { exportScheduleRoutes } from './routes/export-schedules.js';
import { preferenceRoutes } from './routes/preferences.js';
import { auditRoutes } from './routes/audit.js';
import { Authenticator, type AuthOptions } from '../auth/authenticate.js';
import { BEARER_SCHEME, PERMISSION_EXTENSION } from './guard.js';

export interface AppOptions extends ReadContext {
  /** Origins allowed to call the API from a browser (`C360_ALLOWED_ORIGINS`); `*` allows any. */
  allowedOrigins?: readonly string[];
  /** Embed secret, token clock and write rate (defaults: `C360_SECRET` or the generated secret, real time, 60/min). */
  auth?: AuthOptions;
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
  const read: ReadContext = { db: options.db, asOf: options.asOf, healthWeights: options.healthWeights, now: options.now };
  const auth = new Authenticator(options.db, options.auth);
  const origins = options.allowedOrigins ?? [];

  app.use('*', secureHeaders({ crossOriginResourcePolicy: 'cross-origin' }));
  if (origins.length) {
    app.use(
      '*',
      cors({
        origin: origins.includes('*') ? '*' : [...origins],
        allowHeaders: ['authorization', 'content-type', 'last-event-id', 'idempotency-key'],
        exposeHeaders: ['content-type', 'content-disposition', 'x-c360-total'],
      }),
    );
  }
  app.use('*', async (c, next) => {
    c.set('read', read);
    c.set('auth', auth);
    await next();
    // Customer data must not sit in shared or browser caches (the reference assets set their own).
    if (!c.res.headers.has('cache-control')) c.header('cache-control', 'no-store');
  });

  referenceCaching(app);

  app.openAPIRegistry.registerComponent('securitySchemes', BEARER_SCHEME, {
    type: 'http',
    scheme: 'bearer',
    description:
      'An API key (`c360_…`, from `c360 token create`) or a customer-scoped embed token (a JWT signed HS256: ' +
      '`sub` customer, `role`, `aud` "c360", `exp` ≤ 24 h; from `c360 token create --embed` or any JWT library). ' +
      'See docs/security.md for roles and permissions.',
  });
  meRoutes(app);
  compareRoutes(app); // before customerRoutes: /customers/compare is not a customer id
  exportRoutes(app); // /customers/export.csv likewise
  customerRoutes(app);
  noteRoutes(app);
  tagRoutes(app);
  segmentRoutes(app);
  segmentPreviewRoutes(app);
  sectionRoutes(app);
  eventRoutes(app);
  streamRoutes(app);
  actionRoutes(app);
  followUpRoutes(app);
  notificationRoutes(app);
  exportScheduleRoutes(app);
  preferenceRoutes(app);
  auditRoutes(app);
  docsRoutes(app);
  documentEmbedLookup(app); // served by the embed app (/embed), documented here
  assertEveryRouteDeclaresAccess(app);
  assignOperationIds(app);

  app.notFound(apiNotFound);
  app.onError((error, c) => {
    if (error instanceof ProblemError) return problemResponse(c, error.toProblem(c.req.path), error.headers);
    const malformed = malformedBody(error);
    if (malformed) return problemResponse(c, malformed.toProblem(c.req.path));
    if (error instanceof HTTPException) {
      return problemResponse(c, { type: 'about:blank', title: error.message || 'HTTP error', status: error.status, instance: c.req.path });
    }
    console.error(error);
    return problemResponse(c, {
      type: 'about:blank',
      title: 'Internal server error',
      status: 500,
      detail: 'The error was logged on the server',
      instance: c.req.path,
    });
  });
  return app;
}

/** Default deny: a documented route without an access declaration (`secureRoute`) is a programming error. */
function assertEveryRouteDeclaresAccess(app: OpenAPIHono<AppEnv>): void {
  for (const def of app.openAPIRegistry.definitions) {
    if (def.type !== 'route') continue;
    const route = def.route as unknown as Record<string, unknown>;
    if (!(PERMISSION_EXTENSION in route) || !Array.isArray(route.security)) {
      throw new Error(`Route ${String(route.method).toUpperCase()} ${String(route.path)} declares no access: define it with secureRoute()`);
    }
  }
}
