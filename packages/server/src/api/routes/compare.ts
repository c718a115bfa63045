/**
 * GET /customers/compare (R16). Registered before the `/customers/{id}/…` routes so that
 * `compare` is never taken for a customer id.
 * @module
 */
import type { OpenAPIHono } from '@hono/zod-openapi';
import { CompareQuery, CustomerComparison } from '@c360/sdk';
import type { AppEnv } from '../context.js';
import { secureRoute } from '../guard.js';
import { commonProblems, json, problem } from '../openapi-helpers.js';
import { compareCustomers } from '../../read/compare.js';

const compare = secureRoute(
  { permission: 'customers:read' },
  {
    method: 'get',
    path: '/customers/compare',
    tags: ['Customers'],
    summary: 'Compare 2–3 customers side by side',
    description:
      'Key metrics, health, churn, RFM and engagement of each customer (as in the 360 view), the differences — for lifetime value, ' +
      'orders, average order value, purchase frequency, days since last purchase, refunds, health, churn and engagement, ' +
      'which customer is highest and lowest — and the segments they share or not. `ids` must name 2–3 distinct customers.',
    request: { query: CompareQuery },
    responses: {
      200: json(CustomerComparison, 'The comparison'),
      ...commonProblems,
      404: problem('One of the ids is not a customer (the detail names it)'),
    },
  },
);

export function compareRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(compare, async (c) => c.json(await compareCustomers(c.var.read, c.req.valid('query').ids), 200));
}
