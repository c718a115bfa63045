/**
 * GET /me — who the bearer token acts as: name, role, permissions, scope, expiry. Pages and
 * elements use it to hide the actions the role may not take (R19.5) and to say why.
 * @module
 */
import type { OpenAPIHono } from '@hono/zod-openapi';
import { CurrentActor, ROLE_PERMISSIONS } from '@c360/sdk';
import type { AppEnv } from '../context.js';
import { secureRoute } from '../guard.js';
import { commonProblems, json } from '../openapi-helpers.js';

const me = secureRoute(
  { permission: null, scope: 'any' },
  {
    method: 'get',
    path: '/me',
    tags: ['Access'],
    summary: 'The caller: name, role, permissions, customer scope',
    description:
      'Works for every valid token, embed tokens included. `permissions` is the role’s row of the permission table (docs/security.md).',
    responses: { 200: json(CurrentActor, 'Who the token acts as'), ...commonProblems },
  },
);

export function meRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(me, (c) => {
    const a = c.var.actor;
    return c.json(
      {
        name: a.name,
        role: a.role,
        permissions: [...ROLE_PERMISSIONS[a.role]],
        tokenId: a.tokenId,
        kind: a.kind,
        customerId: a.customerId ?? null,
        expiresAt: a.expiresAt ?? null,
      },
      200,
    );
  });
}
