/**
 * Tags (R8.3–R8.5; design Property 8): the catalogue, and tagging customers.
 * @module
 */
import type { OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import { CustomerId, CustomerTags, NewTag, TagAssignment, TagList, TagSummary } from '@c360/sdk';
import type { AppEnv } from '../context.js';
import { secureRoute } from '../guard.js';
import { commonProblems, customerProblems, json, problem } from '../openapi-helpers.js';
import { assignTag, createTag, listTags, loadCustomerTags, removeTag } from '../../write/tags.js';
import { writeTime } from '../../core/read-context.js';

const id = CustomerId.meta({ param: { name: 'id', in: 'path' } });
const IdParam = z.object({ id });
const TagParams = z.object({
  id,
  tagId: z
    .string()
    .min(1)
    .max(128)
    .meta({ param: { name: 'tagId', in: 'path' }, description: 'Tag id' }),
});

const list = secureRoute(
  { permission: 'customers:read' },
  {
    method: 'get',
    path: '/tags',
    tags: ['Notes and tags'],
    summary: 'All tags with usage counts',
    responses: { 200: json(TagList, 'Every tag by name, with how many customers carry it'), ...commonProblems },
  },
);

const create = secureRoute(
  { permission: 'tags:write' },
  {
    method: 'post',
    path: '/tags',
    tags: ['Notes and tags'],
    summary: 'Create a tag',
    description: 'Names are unique regardless of case.',
    request: { body: { required: true, content: { 'application/json': { schema: NewTag } } } },
    responses: { 201: json(TagSummary, 'The new tag'), ...commonProblems, 409: problem('A tag with this name (ignoring case) exists') },
  },
);

const assign = secureRoute(
  { permission: 'tags:write' },
  {
    method: 'post',
    path: '/customers/{id}/tags',
    tags: ['Notes and tags'],
    summary: 'Tag a customer',
    description:
      'By `tagId`, or by `name` (an existing tag, ignoring case, else a new one with `color`, default #64748b). ' +
      'A tag the customer already has is not added twice (the request changes nothing). ' +
      'Writes a `tag` timeline entry and an audit row; the tag works as a search filter at once.',
    request: { params: IdParam, body: { required: true, content: { 'application/json': { schema: TagAssignment } } } },
    responses: { 200: json(CustomerTags, 'The customer’s tags after the change'), ...customerProblems },
  },
);

const remove = secureRoute(
  { permission: 'tags:write' },
  {
    method: 'delete',
    path: '/customers/{id}/tags/{tagId}',
    tags: ['Notes and tags'],
    summary: 'Remove a tag from a customer',
    description: 'Removes it at once, with a `tag` timeline entry and an audit row.',
    request: { params: TagParams },
    responses: {
      204: { description: 'Removed' },
      ...commonProblems,
      404: problem('No such customer or tag, or the customer does not have the tag'),
    },
  },
);

const ofCustomer = secureRoute(
  { permission: 'customers:read' },
  {
    method: 'get',
    path: '/customers/{id}/tags',
    tags: ['Notes and tags'],
    summary: 'Tags of a customer',
    request: { params: IdParam },
    responses: { 200: json(CustomerTags, 'The customer’s tags by name'), ...customerProblems },
  },
);

export function tagRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(list, async (c) => c.json(await listTags(c.var.read.db), 200));
  app.openapi(create, async (c) => c.json(await createTag(c.var.read.db, c.var.actor, c.req.valid('json'), writeTime(c.var.read)), 201));
  app.openapi(ofCustomer, async (c) => c.json({ tags: await loadCustomerTags(c.var.read.db, c.req.valid('param').id) }, 200));
  app.openapi(assign, async (c) =>
    c.json({ tags: await assignTag(c.var.read.db, c.var.actor, c.req.valid('param').id, c.req.valid('json'), writeTime(c.var.read)) }, 200),
  );
  app.openapi(remove, async (c) => {
    const { id: customerId, tagId } = c.req.valid('param');
    await removeTag(c.var.read.db, c.var.actor, customerId, tagId, writeTime(c.var.read));
    return c.body(null, 204);
  });
}
