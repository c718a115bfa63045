/**
 * Customer routes: search, the 360 view, orders, timeline.
 * @module
 */
import type { OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import {
  Customer360,
  CustomerId,
  CustomerSearchPage,
  CustomerSearchQuery,
  OrdersPage,
  OrdersQuery,
  TimelinePage,
  TimelineQuery,
  can,
} from '@c360/sdk';
import type { AppEnv } from '../context.js';
import { secureRoute } from '../guard.js';
import { commonProblems, customerProblems, json } from '../openapi-helpers.js';
import { searchCustomers } from '../../read/search.js';
import { loadCustomer360 } from '../../read/customer-360.js';
import { loadOrders } from '../../read/orders.js';
import { loadTimeline } from '../../read/timeline.js';

const IdParam = z.object({ id: CustomerId.meta({ param: { name: 'id', in: 'path' } }) });

const search = secureRoute(
  { permission: 'customers:read' },
  {
    method: 'get',
    path: '/customers',
    tags: ['Customers'],
    summary: 'Search and filter customers',
    description:
      'Free text over name, email and phone, exact customer id or order number; `ids=a,b,c` for known ids; filters ' +
      '(health and churn ranges among them) combine; keyset-paginated; the total is exact up to 10,000, then flagged `totalIsEstimate`.',
    request: { query: CustomerSearchQuery },
    responses: { 200: json(CustomerSearchPage, 'A page of matching customers and the total count'), ...commonProblems },
  },
);

const view360 = secureRoute(
  { permission: 'customers:read' },
  {
    method: 'get',
    path: '/customers/{id}/360',
    tags: ['Customers'],
    summary: 'The 360 view of one customer',
    description: 'Profile, metrics (SPEC §4), health score, churn risk, RFM, segments, tags and flags at the server as-of date.',
    request: { params: IdParam },
    responses: { 200: json(Customer360, 'The 360 view'), ...customerProblems },
  },
);

const orders = secureRoute(
  { permission: 'customers:read' },
  {
    method: 'get',
    path: '/customers/{id}/orders',
    tags: ['Customers'],
    summary: 'Orders of a customer, newest first',
    request: { params: IdParam, query: OrdersQuery },
    responses: { 200: json(OrdersPage, 'A page of orders and the order totals'), ...customerProblems },
  },
);

const timeline = secureRoute(
  { permission: 'customers:read' },
  {
    method: 'get',
    path: '/customers/{id}/timeline',
    tags: ['Customers'],
    summary: 'Timeline of a customer, newest first',
    description: 'Every touchpoint (orders, refunds, payments, tickets, …); filter by `types` and `from`/`to`; keyset-paginated.',
    request: { params: IdParam, query: TimelineQuery },
    responses: { 200: json(TimelinePage, 'A page of timeline events'), ...customerProblems },
  },
);

/** Mounts the customer routes on an app whose context carries the read context. */
export function customerRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(search, async (c) => c.json(await searchCustomers(c.var.read.db, c.req.valid('query'), c.var.read), 200));
  app.openapi(view360, async (c) => c.json(await loadCustomer360(c.var.read, c.req.valid('param').id), 200));
  app.openapi(orders, async (c) => c.json(await loadOrders(c.var.read.db, c.req.valid('param').id, c.req.valid('query')), 200));
  app.openapi(timeline, async (c) =>
    c.json(
      await loadTimeline(c.var.read.db, c.req.valid('param').id, c.req.valid('query'), {
        maskPayments: !can(c.var.actor.role, 'payments:full'),
      }),
      200,
    ),
  );
}
