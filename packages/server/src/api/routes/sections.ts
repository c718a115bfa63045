/**
 * The sections of the 360 view: loyalty (R4), marketing (R5), support and ticket detail (R6),
 * payments (R9) and behavioural analytics (R10), each computed at the server's as-of date.
 * @module
 */
import type { OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import {
  BehaviorAnalytics,
  CustomerId,
  LOYALTY_TIER_THRESHOLDS,
  LoyaltyStatus,
  MarketingEngagement,
  PaymentsOverview,
  SupportHistory,
  TicketDetail,
  can,
} from '@c360/sdk';
import type { AppEnv } from '../context.js';
import { secureRoute } from '../guard.js';
import { customerProblems, json, problem } from '../openapi-helpers.js';
import { loadLoyalty } from '../../read/loyalty.js';
import { loadMarketing } from '../../read/marketing.js';
import { loadSupport, loadTicket } from '../../read/support.js';
import { loadPayments } from '../../read/payments.js';
import { loadAnalytics } from '../../read/analytics.js';

const id = CustomerId.meta({ param: { name: 'id', in: 'path' } });
const IdParam = z.object({ id });
const TicketParams = z.object({
  id,
  ticketId: z
    .string()
    .min(1)
    .max(200)
    .meta({ param: { name: 'ticketId', in: 'path' }, description: 'Ticket id', example: 'T-1001' }),
});

const thresholds = Object.entries(LOYALTY_TIER_THRESHOLDS)
  .map(([tier, points]) => `${tier} ${points.toLocaleString('en-US')}`)
  .join(', ');

const loyalty = secureRoute(
  { permission: 'customers:read' },
  {
    method: 'get',
    path: '/customers/{id}/loyalty',
    tags: ['Customer sections'],
    summary: 'Loyalty status (R4)',
    description:
      `Tier, points balance, lifetime points, next tier and progress (tier thresholds in lifetime points: ${thresholds}), ` +
      'points expiring in the 30 days after as-of (points are used soonest-expiring first), referral code and count, last 10 transactions. ' +
      'A customer who is not enrolled gets 200 with `enrolled: false`.',
    request: { params: IdParam },
    responses: { 200: json(LoyaltyStatus, 'The loyalty status'), ...customerProblems },
  },
);

const marketing = secureRoute(
  { permission: 'customers:read' },
  {
    method: 'get',
    path: '/customers/{id}/marketing',
    tags: ['Customer sections'],
    summary: 'Marketing engagement, preferences and consent (R5)',
    description:
      'Opt-ins per channel, quiet hours and other preferences, the last 20 consent changes, the last 10 campaigns received, ' +
      'email open and click rates over the 365 days up to as-of (opened or clicked ÷ delivered, clicked ÷ delivered; a click implies an open; ' +
      'bounced messages are not delivered), last open and click, and the segments.',
    request: { params: IdParam },
    responses: { 200: json(MarketingEngagement, 'The marketing engagement'), ...customerProblems },
  },
);

const support = secureRoute(
  { permission: 'customers:read' },
  {
    method: 'get',
    path: '/customers/{id}/support',
    tags: ['Customer sections'],
    summary: 'Support tickets with CSAT and NPS (R6)',
    description:
      'Every ticket newest first (open ones flagged), total and open counts, mean resolution hours over resolved tickets, ' +
      'mean CSAT (1–5) and NPS (% promoters 9–10 − % detractors 0–6).',
    request: { params: IdParam },
    responses: { 200: json(SupportHistory, 'The support history'), ...customerProblems },
  },
);

const ticket = secureRoute(
  { permission: 'customers:read' },
  {
    method: 'get',
    path: '/customers/{id}/support/tickets/{ticketId}',
    tags: ['Customer sections'],
    summary: 'One ticket with its history',
    description: 'The ticket and its events (opening, status and priority changes, ratings, comments), oldest first.',
    request: { params: TicketParams },
    responses: {
      200: json(TicketDetail, 'The ticket and its history'),
      ...customerProblems,
      404: problem('No customer with this id, or this customer has no such ticket'),
    },
  },
);

const payments = secureRoute(
  { permission: 'customers:read' },
  {
    method: 'get',
    path: '/customers/{id}/payments',
    tags: ['Customer sections'],
    summary: 'Payment methods and billing history (R9)',
    description:
      'Saved methods (last 4 digits only; `expired` at as-of), every charge and refund newest first with failed ones and refunds flagged, ' +
      'and totals: succeeded charges, succeeded refunds (= metrics.totalRefunded) and failed count. Money in major units of `currency`. ' +
      'Masking (R19.2): without `payments:full` (viewer, agent) every `last4`, `expMonth` and `expYear` is null and `masked` is true; ' +
      'type, brand, default and expired stay.',
    request: { params: IdParam },
    responses: { 200: json(PaymentsOverview, 'Payment methods, transactions and totals'), ...customerProblems },
  },
);

const analytics = secureRoute(
  { permission: 'customers:read' },
  {
    method: 'get',
    path: '/customers/{id}/analytics',
    tags: ['Customer sections'],
    summary: 'Behavioural analytics, CLV and CSAT trends (R10)',
    description:
      'Top viewed categories, top purchased categories (or products when none is categorised), sessions and mean duration, ' +
      'device breakdown, completed orders by weekday (0 = Monday) × hour in UTC, cumulative lifetime value by month, mean CSAT by month.',
    request: { params: IdParam },
    responses: { 200: json(BehaviorAnalytics, 'The behavioural analytics'), ...customerProblems },
  },
);

/** Mounts the section routes on an app whose context carries the read context. */
export function sectionRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(loyalty, async (c) => c.json(await loadLoyalty(c.var.read, c.req.valid('param').id), 200));
  app.openapi(marketing, async (c) => c.json(await loadMarketing(c.var.read, c.req.valid('param').id), 200));
  app.openapi(support, async (c) => c.json(await loadSupport(c.var.read, c.req.valid('param').id), 200));
  app.openapi(ticket, async (c) => {
    const { id: customerId, ticketId } = c.req.valid('param');
    return c.json(await loadTicket(c.var.read, customerId, ticketId), 200);
  });
  app.openapi(payments, async (c) =>
    c.json(await loadPayments(c.var.read, c.req.valid('param').id, { unmasked: can(c.var.actor.role, 'payments:full') }), 200),
  );
  app.openapi(analytics, async (c) => c.json(await loadAnalytics(c.var.read, c.req.valid('param').id), 200));
}
