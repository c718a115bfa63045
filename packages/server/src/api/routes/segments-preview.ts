/**
 * POST /segments/preview: how many customers a rule's criteria select, and the first few, before
 * the segment is saved (the segment builder's live count). A read: it writes nothing and does not
 * spend the token's write budget.
 * @module
 */
import type { OpenAPIHono } from '@hono/zod-openapi';
import { SegmentPreview, SegmentPreviewRequest } from '@c360/sdk';
import type { AppEnv } from '../context.js';
import { secureRoute } from '../guard.js';
import { commonProblems, json } from '../openapi-helpers.js';
import { previewSegment } from '../../segments/preview.js';
import { criteriaWithinLimits } from './segments.js';

const preview = secureRoute(
  { permission: 'segments:write', rateLimited: false, use: [criteriaWithinLimits] },
  {
    method: 'post',
    path: '/segments/preview',
    tags: ['Segments'],
    summary: 'Count the customers a rule would select, without saving it',
    description:
      'Evaluates `criteria` (the language of docs/segments.md; a 400 names the bad part, e.g. `body.criteria.all.1.op`) over every ' +
      'customer exactly as creating the rule segment would, at the same as-of, and writes nothing. `count` is exact up to 10,000, ' +
      'then 10,000 with `countIsEstimate`; `sample` names the first 5 matching customers in id order. Needs the permission that ' +
      'creates segments; not counted against the write budget.',
    request: { body: { required: true, content: { 'application/json': { schema: SegmentPreviewRequest } } } },
    responses: { 200: json(SegmentPreview, 'The count and the first matching customers'), ...commonProblems },
  },
);

/** Registers POST /segments/preview. */
export function segmentPreviewRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(preview, async (c) =>
    c.json(await previewSegment(c.var.read.db, c.var.read, c.req.valid('json').criteria, c.req.raw.signal), 200),
  );
}
