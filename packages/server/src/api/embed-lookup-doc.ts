/**
 * `GET /embed/lookup` in the OpenAPI document. The route itself belongs to the embed app
 * (src/embed/routes.ts, mounted at `/embed`, outside `/api`); the document is the API app's, whose
 * server is `/api`, so the operation names its own server (`/`) — OpenAPI's operation-level
 * `servers` — and tools call `/embed/lookup`, not `/api/embed/lookup`. Its access is declared as
 * for every route (bearer token, `customers:read`, a customer-scoped token sees only its customer).
 * Operations outside `/api` are recognisable by that `servers` entry ({@link isOutsideApi}).
 * @module
 */
import type { OpenAPIHono } from '@hono/zod-openapi';
import { EmbedLookup, EmbedLookupQuery } from '@c360/sdk';
import { BEARER_SCHEME, PERMISSION_EXTENSION, SCOPE_EXTENSION } from './guard.js';
import { json, problem } from './openapi-helpers.js';

/** The server of the operations documented here: the origin root, not `/api`. */
export const OUTSIDE_API_SERVERS = [{ url: '/', description: 'The c360 server root (outside /api)' }];

/** Is an operation of the document outside `/api` (documented with {@link OUTSIDE_API_SERVERS})? */
export function isOutsideApi(operation: { servers?: Array<{ url: string }> }): boolean {
  return operation.servers?.[0]?.url === '/';
}

/** Registers the documentation of `GET /embed/lookup` in `app`'s OpenAPI registry. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any app environment
export function documentEmbedLookup(app: OpenAPIHono<any>): void {
  app.openAPIRegistry.registerPath({
    method: 'get',
    path: '/embed/lookup',
    servers: OUTSIDE_API_SERVERS,
    tags: ['Embed'],
    summary: 'Which customer a helpdesk contact is (exact id, email or phone)',
    description:
      'Served outside `/api` for the embed pages (the Chatwoot dashboard app calls it). Exact matches only: ' +
      '`id`, then `email` (any case), then `phone` (same digits). Requires `customers:read`; the bearer token goes in the ' +
      '`Authorization` header only. A customer-scoped (embed) token finds only its own customer (403 for another).',
    request: { query: EmbedLookupQuery },
    security: [{ [BEARER_SCHEME]: [] }],
    [PERMISSION_EXTENSION]: 'customers:read',
    [SCOPE_EXTENSION]: 'custom',
    responses: {
      200: json(EmbedLookup, 'The one customer that matched'),
      400: problem('None of id, email, phone given, or none usable (an email needs an @, a phone at least 6 digits)'),
      401: problem('Missing, malformed, unknown, expired or revoked bearer token'),
      403: problem('The token’s role lacks customers:read, or the token is scoped to another customer'),
      404: problem('No customer has these contact keys'),
      409: problem('Several customers share the key that matched: ask again with id=…'),
    },
  } as Parameters<typeof app.openAPIRegistry.registerPath>[0]);
}
