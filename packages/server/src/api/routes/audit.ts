/**
 * GET /audit: the audit log for managers and up (who did what to which customer, exports
 * included). A customer-scoped token may read only its own customer's entries (`?customer=`).
 * @module
 */
import type { OpenAPIHono } from '@hono/zod-openapi';
import { AuditPage, AuditQuery } from '@c360/sdk';
import type { AppEnv } from '../context.js';
import { secureRoute } from '../guard.js';
import { commonProblems, json } from '../openapi-helpers.js';
import { loadAudit } from '../../read/audit.js';

const list = secureRoute(
  { permission: 'audit:read', scope: (c) => c.req.query('customer') },
  {
    method: 'get',
    path: '/audit',
    tags: ['Audit'],
    summary: 'Read the audit log',
    description:
      'Audit entries newest first: quick actions, preference and consent edits, segment removals, tag changes, notes, exports of one ' +
      'customer and bulk exports (no customer), token changes. Filters: `customer`, `actor` (exact name), `action` (exact, or a family ' +
      'such as `export.*`), `from`/`to` (inclusive dates or timestamps). Keyset-paginated: pass `nextCursor` back as `cursor`.',
    request: { query: AuditQuery },
    responses: {
      200: json(AuditPage, 'A page of entries, newest first'),
      ...commonProblems,
    },
  },
);

export function auditRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(list, async (c) => c.json(await loadAudit(c.var.read.db, c.req.valid('query')), 200));
}
