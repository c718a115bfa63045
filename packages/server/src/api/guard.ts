/**
 * Every API route declares what it needs: `secureRoute(permission, route)` wraps a
 * `createRoute(...)` config with
 *  - the guard middleware ({@link requires}): a valid bearer token (401 otherwise), the permission
 *    (403 `needs <permission>`), the customer scope of scoped tokens (403), and the write budget of
 *    the token (429 with `Retry-After`);
 *  - a body size limit for routes with a body (413);
 *  - the OpenAPI declarations: `security: bearerAuth`, the 401/403(/413/429) responses and
 *    `x-c360-permission`.
 * `createApiApp` refuses to start when a documented route has no declaration (default deny).
 * @module
 */
import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { createRoute, type RouteConfig } from '@hono/zod-openapi';
import { can, type Permission } from '@c360/sdk';
import type { AppEnv } from './context.js';
import { payloadTooLarge, ProblemError } from '../core/problem.js';
import { problem } from './openapi-helpers.js';
import { bearerToken } from '../auth/authenticate.js';

/** Name of the bearer security scheme in the OpenAPI document. */
export const BEARER_SCHEME = 'bearerAuth';
/** Default request body limit. */
export const DEFAULT_BODY_LIMIT = 1024 * 1024;
/** The OpenAPI extension naming a route's permission (`null`: any valid token). */
export const PERMISSION_EXTENSION = 'x-c360-permission';
/** The OpenAPI extension saying how a customer-scoped token is treated. */
export const SCOPE_EXTENSION = 'x-c360-customer-scope';

/**
 * How a route treats customer-scoped tokens (embed tokens, API keys created with `--customer`):
 * - `path`: the route is about the customer in its `{id}` path parameter; allowed when it is the token's customer;
 * - `none`: the route lists or changes data of many customers (search, compare, tags, segments, ingestion); refused;
 * - `any`: the route reads nothing of a customer (GET /me); allowed;
 * - a function giving the customer a request is about (e.g. the `customer` query parameter of /stream), or a promise of it
 *   when that needs a lookup (the customer of the follow-up of PATCH /follow-ups/{id}).
 */
export type CustomerScope = 'path' | 'none' | 'any' | ((c: Context<AppEnv>) => string | undefined | Promise<string | undefined>);

export interface Access {
  /** The permission the route needs; null = any valid token. */
  permission: Permission | null;
  /** Default: `path` for `/customers/{id}…` routes, `none` otherwise. */
  scope?: CustomerScope;
  /** Accept the token as the `token` query parameter (GET only; for EventSource). Default false. */
  queryToken?: boolean;
  /** Body size limit in bytes for routes with a body. Default 1 MB. */
  bodyLimit?: number;
  /** Count writes against the token's write budget (default: true for POST, PUT, PATCH, DELETE). */
  rateLimited?: boolean;
  /** Route middleware that runs after the guard (and the body limit), before validation. */
  use?: MiddlewareHandler<AppEnv>[];
}

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** 403 naming what is missing. */
export function forbidden(detail: string): ProblemError {
  return new ProblemError(403, 'forbidden', 'Forbidden', detail);
}

/** The guard middleware of a route (see the module comment). */
export function requires(
  access: Pick<Access, 'permission' | 'queryToken' | 'rateLimited'> & { scope: CustomerScope },
): MiddlewareHandler<AppEnv> {
  const rateLimited = access.rateLimited ?? true;
  return async (c, next) => {
    const auth = c.var.auth;
    const actor = await auth.authenticate(bearerToken(c, access.queryToken ?? false));
    c.set('actor', actor);
    if (access.permission !== null && !can(actor.role, access.permission)) throw forbidden(`needs ${access.permission}`);
    if (actor.customerId !== undefined && access.scope !== 'any') {
      const target = access.scope === 'path' ? c.req.param('id') : access.scope === 'none' ? undefined : await access.scope(c);
      if (target === undefined) {
        throw forbidden(
          `This token is scoped to customer "${actor.customerId}" and cannot use ${c.req.method} ${c.req.routePath.replace(/:(\w+)/g, '{$1}')}`,
        );
      }
      if (target !== actor.customerId) throw forbidden(`This token is scoped to customer "${actor.customerId}"`);
    }
    if (rateLimited && WRITES.has(c.req.method)) {
      const wait = await auth.limiter.take(actor.tokenId, auth.now().getTime());
      if (wait > 0) {
        throw new ProblemError(
          429,
          'rate-limited',
          'Too many requests',
          `This token may make ${auth.limiter.perMinute} writes per minute; retry in ${wait} s`,
          undefined,
          { 'retry-after': String(wait) },
        );
      }
    }
    await next();
  };
}

function limitBody(maxSize: number): MiddlewareHandler<AppEnv> {
  return bodyLimit({
    maxSize,
    onError: () => {
      throw payloadTooLarge(maxSize);
    },
  });
}

const authProblems = {
  401: {
    ...problem('Missing, malformed, unknown, expired or revoked bearer token'),
    headers: {
      'WWW-Authenticate': {
        description: 'Bearer realm="c360" (with error="invalid_token" when a token was sent)',
        schema: { type: 'string' as const },
      },
    },
  },
  403: problem('The token’s role lacks the permission (`detail`: "needs <permission>"), or the token is scoped to another customer'),
} as const;

const writeProblems = {
  413: problem('The request body is over the limit of this endpoint'),
  429: {
    ...problem('The token used its write budget (`C360_WRITE_RATE` per minute)'),
    headers: { 'Retry-After': { description: 'Seconds until a write is allowed again', schema: { type: 'integer' as const } } },
  },
} as const;

function describeAccess(permission: Permission | null, scope: CustomerScope): string {
  const who = permission === null ? 'Any valid bearer token.' : `Requires \`${permission}\`.`;
  const scoped =
    scope === 'path'
      ? ' A customer-scoped (embed) token may use it only for its own customer.'
      : scope === 'none'
        ? ' Customer-scoped (embed) tokens are refused (403).'
        : scope === 'any'
          ? ''
          : ' A customer-scoped (embed) token may use it only for its own customer.';
  return who + scoped;
}

/**
 * `createRoute(route)` with the route's access declared (see the module comment).
 * @example
 * const add = secureRoute({ permission: 'notes:write' }, { method: 'post', path: '/customers/{id}/notes', … });
 */
export function secureRoute<const R extends Omit<RouteConfig, 'middleware' | 'security'>>(access: Access, route: R) {
  const scope: CustomerScope = access.scope ?? (route.path.startsWith('/customers/{id}') ? 'path' : 'none');
  const write = WRITES.has(route.method.toUpperCase());
  const middleware: MiddlewareHandler<AppEnv>[] = [requires({ ...access, scope })];
  if (write) middleware.push(limitBody(access.bodyLimit ?? DEFAULT_BODY_LIMIT));
  middleware.push(...(access.use ?? []));
  const note = describeAccess(access.permission, scope);
  return createRoute({
    ...route,
    description: route.description ? `${route.description}\n\n${note}` : note,
    security: [{ [BEARER_SCHEME]: [] }],
    middleware,
    responses: { ...route.responses, ...authProblems, ...(write ? writeProblems : {}) },
    [PERMISSION_EXTENSION]: access.permission,
    [SCOPE_EXTENSION]: typeof scope === 'function' ? 'custom' : scope,
  });
}
