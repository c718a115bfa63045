/**
 * Follow-ups (issue 12 item 10a): the quick action that schedules one, a customer's list, one
 * assignee's list and the change of one. See src/actions/follow-up.ts and src/follow-ups/.
 * @module
 */
import type { Context } from 'hono';
import type { OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import {
  CustomerFollowUpsQuery,
  CustomerId,
  FollowUp,
  FollowUpsPage,
  FollowUpsQuery,
  FollowUpUpdate,
  IdempotencyKey,
  NewFollowUp,
} from '@c360/sdk';
import type { AppEnv } from '../context.js';
import { secureRoute } from '../guard.js';
import { commonProblems, customerProblems, json, problem } from '../openapi-helpers.js';
import { scheduleFollowUpAction } from '../../actions/follow-up.js';
import { followUpCustomer, listCustomerFollowUps, listFollowUps, updateFollowUp } from '../../follow-ups/store.js';
import { writeTime } from '../../core/read-context.js';

const IdParam = z.object({ id: CustomerId.meta({ param: { name: 'id', in: 'path' } }) });
const FollowUpIdParam = z.object({
  id: z
    .string()
    .min(1)
    .max(64)
    .regex(/^[A-Za-z0-9_-]+$/, 'is not a follow-up id')
    .meta({ param: { name: 'id', in: 'path' } }),
});
const CLOCK =
  'Times are compared with the server’s clock (in the demo: the dataset’s as-of plus the time elapsed since it started), returned as `now`.';

const schedule = secureRoute(
  { permission: 'notes:write' },
  {
    method: 'post',
    path: '/customers/{id}/actions/follow-up',
    operationId: 'scheduleCustomerFollowUp',
    tags: ['Quick actions'],
    summary: 'Schedule a follow-up',
    description:
      'Schedules a reminder about the customer for `assignee` (a user: an API key’s name; default the caller), due at `dueAt`, with a note. ' +
      'Writes a "Follow-up scheduled" timeline entry, an audit row (`follow_up.scheduled`) and a change (sections `notes` and `timeline`). ' +
      'When `dueAt` passes on the server’s clock the assignee receives one `follow_up.due` notification (in-app; email/webhook per their ' +
      'preferences). A `dueAt` more than a minute in the past is a 400 naming `body.dueAt`. With an `Idempotency-Key` header, a retry returns ' +
      'the first follow-up (header `Idempotent-Replayed: true`) and schedules nothing again; the same key with a different body is a 422.',
    request: {
      params: IdParam,
      headers: z.object({ 'idempotency-key': IdempotencyKey.optional() }),
      body: { required: true, content: { 'application/json': { schema: NewFollowUp } } },
    },
    responses: {
      201: json(FollowUp, 'The follow-up (also for a retry with the same Idempotency-Key)'),
      ...customerProblems,
      422: problem('The Idempotency-Key was used for a different request'),
    },
  },
);

const customerList = secureRoute(
  { permission: 'customers:read' },
  {
    method: 'get',
    path: '/customers/{id}/follow-ups',
    operationId: 'listCustomerFollowUps',
    tags: ['Follow-ups'],
    summary: 'Follow-ups of a customer, soonest due first',
    description: `Open ones by default (\`status\`: open, done, cancelled or all); keyset-paginated. ${CLOCK}`,
    request: { params: IdParam, query: CustomerFollowUpsQuery },
    responses: { 200: json(FollowUpsPage, 'A page of follow-ups'), ...customerProblems },
  },
);

const assigneeList = secureRoute(
  { permission: 'notes:write' },
  {
    method: 'get',
    path: '/follow-ups',
    operationId: 'listFollowUps',
    tags: ['Follow-ups'],
    summary: 'One assignee’s follow-ups, soonest due first',
    description:
      'Across customers: `assignee=me` (default) lists the caller’s; `status` (default open) and `dueBefore` filter; keyset-paginated. ' +
      CLOCK,
    request: { query: FollowUpsQuery },
    responses: { 200: json(FollowUpsPage, 'A page of follow-ups'), ...commonProblems },
  },
);

/**
 * The customer a customer-scoped token must be scoped to for PATCH /follow-ups/{id} (an embedded sidebar's "Mark done"): the
 * follow-up's. An unknown follow-up is refused like another customer's (`''` matches no token), saying nothing of whether it exists.
 */
const followUpScope = async (c: Context<AppEnv>): Promise<string> => (await followUpCustomer(c.var.read.db, c.req.param('id') ?? '')) ?? '';

const update = secureRoute(
  { permission: 'notes:write', scope: followUpScope },
  {
    method: 'patch',
    path: '/follow-ups/{id}',
    operationId: 'updateFollowUp',
    tags: ['Follow-ups'],
    summary: 'Complete, cancel, reopen, reassign or reschedule a follow-up',
    description:
      '`status` done or cancelled closes it (`completedAt`), open reopens it; a new `dueAt` (not more than a minute in the past: 400 ' +
      '`body.dueAt`) reminds the assignee again at that time; `assignee` and `note` replace theirs. Writes a timeline entry, an audit row ' +
      '(`follow_up.updated`) and a change; a request that changes nothing writes nothing.',
    request: {
      params: FollowUpIdParam,
      body: { required: true, content: { 'application/json': { schema: FollowUpUpdate } } },
    },
    responses: {
      200: json(FollowUp, 'The follow-up after the change'),
      ...commonProblems,
      404: problem('No follow-up with this id'),
    },
  },
);

export function followUpRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(schedule, async (c) => {
    const { result, replayed } = await scheduleFollowUpAction(c.var.read.db, c.var.actor, c.req.valid('param').id, c.req.valid('json'), {
      idempotencyKey: c.req.valid('header')['idempotency-key'],
      now: writeTime(c.var.read),
    });
    if (replayed) c.header('idempotent-replayed', 'true');
    return c.json(result, 201);
  });
  app.openapi(customerList, async (c) =>
    c.json(await listCustomerFollowUps(c.var.read.db, c.req.valid('param').id, c.req.valid('query'), writeTime(c.var.read)), 200),
  );
  app.openapi(assigneeList, async (c) =>
    c.json(await listFollowUps(c.var.read.db, c.var.actor, c.req.valid('query'), writeTime(c.var.read)), 200),
  );
  app.openapi(update, async (c) =>
    c.json(await updateFollowUp(c.var.read.db, c.var.actor, c.req.valid('param').id, c.req.valid('json'), writeTime(c.var.read)), 200),
  );
}
