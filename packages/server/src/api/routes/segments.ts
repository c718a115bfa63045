/**
 * Segments (R11): RFM, rule and manual segments with member counts; creating and editing rule and
 * manual segments; assigning customers to manual segments by hand (removal audited, R11.5).
 * @module
 */
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import { z } from 'zod';
import {
  criteriaShapeIssue,
  CustomerId,
  CustomerSegments,
  NewSegment,
  Segment,
  SegmentAssignment,
  SegmentList,
  SegmentUpdate,
} from '@c360/sdk';
import type { AppEnv } from '../context.js';
import { secureRoute } from '../guard.js';
import { commonProblems, customerProblems, json, problem } from '../openapi-helpers.js';
import { invalidRequest } from '../../core/problem.js';
import { assignManualSegment, createSegment, listSegments, removeManualSegment, updateSegment } from '../../segments/segments.js';
import { writeTime } from '../../core/read-context.js';

/**
 * Route middleware of POST and PATCH /segments: refuses criteria nested deeper or with more nodes
 * than `SEGMENT_LIMITS` (a 400 naming the offending node, e.g. `body.criteria.not.not…`) before
 * the recursive body schema sees them. A body that is not JSON is left to the validator.
 */
export const criteriaWithinLimits: MiddlewareHandler<AppEnv> = async (c, next) => {
  const body: unknown = await c.req.json().catch(() => undefined);
  const criteria = body && typeof body === 'object' ? (body as { criteria?: unknown }).criteria : undefined;
  const issue = criteriaShapeIssue(criteria);
  if (issue) throw invalidRequest([{ field: ['body', 'criteria', ...issue.path].join('.'), message: issue.message }]);
  await next();
};

const id = CustomerId.meta({ param: { name: 'id', in: 'path' } });
// No control characters: a NUL would reach PostgreSQL (which refuses it in text) as a 500 instead of this 400.
const segmentId = z
  .string()
  .min(1)
  .max(128)
  .regex(/^[^\u0000-\u001f\u007f]+$/, 'must not contain control characters')
  .meta({ param: { name: 'segmentId', in: 'path' }, description: 'Segment id', example: 'rfm:champions' });

const list = secureRoute(
  { permission: 'customers:read' },
  {
    method: 'get',
    path: '/segments',
    tags: ['Segments'],
    summary: 'All segments with member counts',
    description:
      'The 11 RFM segments (kind `rfm`, computed from RFM quintiles at as-of), rule segments (kind `rule`, members computed from ' +
      'their criteria and kept current as customer data changes) and manual segments (kind `manual`, assigned by hand).',
    responses: { 200: json(SegmentList, 'Every segment'), ...commonProblems },
  },
);

const create = secureRoute(
  { permission: 'segments:write', use: [criteriaWithinLimits] },
  {
    method: 'post',
    path: '/segments',
    tags: ['Segments'],
    summary: 'Create a rule or manual segment',
    description:
      'A rule segment needs `criteria` (the language of docs/segments.md; a 400 names the bad part, e.g. `body.criteria.all.1.op`); ' +
      'its members are computed for every customer before the response. Names are unique regardless of case.',
    request: { body: { required: true, content: { 'application/json': { schema: NewSegment } } } },
    responses: {
      201: json(Segment, 'The new segment with its member count'),
      ...commonProblems,
      409: problem('A segment with this name exists'),
    },
  },
);

const update = secureRoute(
  { permission: 'segments:write', use: [criteriaWithinLimits] },
  {
    method: 'patch',
    path: '/segments/{segmentId}',
    tags: ['Segments'],
    summary: 'Rename a segment or change its criteria',
    description: 'Rule and manual segments; new criteria (rule segments only) recompute the members. RFM segments cannot change (409).',
    request: { params: z.object({ segmentId }), body: { required: true, content: { 'application/json': { schema: SegmentUpdate } } } },
    responses: {
      200: json(Segment, 'The segment after the change'),
      ...commonProblems,
      404: problem('No segment with this id'),
      409: problem('An RFM segment, or the new name is taken'),
    },
  },
);

const assign = secureRoute(
  { permission: 'segments:write' },
  {
    method: 'post',
    path: '/customers/{id}/segments',
    tags: ['Segments'],
    summary: 'Add a customer to a manual segment',
    description:
      'Immediate (R11.4); already a member: nothing changes. Writes a `segment` timeline entry and an audit row. Rule and RFM segments: 409.',
    request: { params: z.object({ id }), body: { required: true, content: { 'application/json': { schema: SegmentAssignment } } } },
    responses: {
      200: json(CustomerSegments, 'The customer’s segments after the change'),
      ...customerProblems,
      404: problem('No customer or segment with this id'),
      409: problem('The segment is automatic (rfm or rule)'),
    },
  },
);

const remove = secureRoute(
  { permission: 'segments:write' },
  {
    method: 'delete',
    path: '/customers/{id}/segments/{segmentId}',
    tags: ['Segments'],
    summary: 'Remove a customer from a manual segment',
    description: 'Immediate, written to the audit log and the timeline (R11.5). Rule and RFM segments: 409.',
    request: { params: z.object({ id, segmentId }) },
    responses: {
      204: { description: 'Removed' },
      ...commonProblems,
      404: problem('No such customer or segment, or the customer is not in it'),
      409: problem('The segment is automatic (rfm or rule)'),
    },
  },
);

export function segmentRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(list, async (c) => c.json(await listSegments(c.var.read.db, c.var.read), 200));
  app.openapi(create, async (c) =>
    c.json(await createSegment(c.var.read.db, c.var.read, c.var.actor, c.req.valid('json'), writeTime(c.var.read)), 201),
  );
  app.openapi(update, async (c) =>
    c.json(
      await updateSegment(
        c.var.read.db,
        c.var.read,
        c.var.actor,
        c.req.valid('param').segmentId,
        c.req.valid('json'),
        writeTime(c.var.read),
      ),
      200,
    ),
  );
  app.openapi(assign, async (c) => {
    const segments = await assignManualSegment(
      c.var.read.db,
      c.var.read,
      c.var.actor,
      c.req.valid('param').id,
      c.req.valid('json').segmentId,
      writeTime(c.var.read),
    );
    return c.json({ segments }, 200);
  });
  app.openapi(remove, async (c) => {
    const { id: customerId, segmentId: sid } = c.req.valid('param');
    await removeManualSegment(c.var.read.db, c.var.actor, customerId, sid, writeTime(c.var.read));
    return c.body(null, 204);
  });
}
