/**
 * The writes of the Refine data provider (`create`, `update`, `deleteOne`), each mapped onto the
 * c360 endpoint that does it — nothing c360 has no endpoint for:
 *
 * | resource            | create (variables)                                  | update (id, variables)      | deleteOne (id)                        |
 * | ------------------- | --------------------------------------------------- | --------------------------- | ------------------------------------- |
 * | `notes`             | POST /customers/:customerId/notes `{customerId, body, type?, visibility?}` | —        | —                                     |
 * | `tags`              | POST /tags `{name, color, description?}`            | —                           | —                                     |
 * | `customer-tags`     | POST /customers/:customerId/tags `{customerId, tagId}` or `{customerId, name, color?}` | — | DELETE /customers/:customerId/tags/:id |
 * | `segments`          | POST /segments `{name, kind, criteria?, description?}` | PATCH /segments/:id      | —                                     |
 * | `customer-segments` | POST /customers/:customerId/segments `{customerId, segmentId}` | —                | DELETE /customers/:customerId/segments/:id |
 *
 * The customer of `customer-tags`/`customer-segments` deletes is `meta.customerId` (or
 * `variables.customerId`). A create of a membership answers the customer's tags/segments with
 * `id` = the customer id. Anything else is refused with a 405 naming what exists.
 * @module
 */
import type { BaseKey, MetaQuery } from '@refinedev/core';
import type { C360Client } from '../client-core.js';
import type { NewNote } from '../schemas/notes.js';
import type { NewTag, TagAssignment } from '../schemas/tags.js';
import type { NewSegment, SegmentUpdate } from '../schemas/segments.js';
import { C360RefineError } from './errors.js';

/** Resources the provider writes, and how (see the module table). */
export const WRITABLE = {
  notes: ['create'],
  tags: ['create'],
  'customer-tags': ['create', 'deleteOne'],
  segments: ['create', 'update'],
  'customer-segments': ['create', 'deleteOne'],
} as const satisfies Record<string, readonly ('create' | 'update' | 'deleteOne')[]>;

type Variables = Record<string, unknown>;

/** A 405 saying which writes c360 offers through Refine. */
export function notWritable(operation: string, resource: string): never {
  const offered = Object.entries(WRITABLE)
    .map(([r, ops]) => `${r} (${ops.join(', ')})`)
    .join('; ');
  throw new C360RefineError(
    `c360 data provider: ${operation} on "${resource}" is not something the c360 API does; it writes ${offered}`,
    405,
  );
}

function customerOf(variables: Variables | undefined, meta: MetaQuery | undefined): string {
  const id = variables?.customerId ?? meta?.customerId;
  if (typeof id !== 'string' && typeof id !== 'number') {
    throw new C360RefineError('c360 data provider: say which customer (variables.customerId or meta.customerId)', 400, {
      errors: { customerId: 'required' },
    });
  }
  return String(id);
}

/** The variables without `customerId` (the rest is the request body). */
function bodyOf<T>(variables: Variables | undefined): T {
  const { customerId: _customer, ...rest } = variables ?? {};
  return rest as T;
}

/** `create` of `resource`: the created record (see the module table). */
export async function createRecord(
  client: C360Client,
  resource: string,
  variables: Variables | undefined,
  meta: MetaQuery | undefined,
  init?: RequestInit,
): Promise<{ id: BaseKey }> {
  switch (resource) {
    case 'notes':
      return client.addNote(customerOf(variables, meta), bodyOf<NewNote>(variables), {}, init);
    case 'tags':
      return client.createTag(bodyOf<NewTag>(variables), init);
    case 'customer-tags': {
      const customerId = customerOf(variables, meta);
      return { id: customerId, ...(await client.tagCustomer(customerId, bodyOf<TagAssignment>(variables), init)) };
    }
    case 'segments':
      return client.createSegment(bodyOf<NewSegment>(variables), init);
    case 'customer-segments': {
      const customerId = customerOf(variables, meta);
      const { segmentId } = bodyOf<{ segmentId?: unknown }>(variables);
      if (typeof segmentId !== 'string')
        throw new C360RefineError('c360 data provider: customer-segments needs variables.segmentId', 400, {
          errors: { segmentId: 'required' },
        });
      return { id: customerId, ...(await client.addToSegment(customerId, segmentId, init)) };
    }
    default:
      return notWritable('create', resource);
  }
}

/** `update` of `resource` `id` (segments only: name, criteria, description). */
export async function updateRecord(
  client: C360Client,
  resource: string,
  id: BaseKey,
  variables: Variables | undefined,
  init?: RequestInit,
): Promise<{ id: BaseKey }> {
  if (resource !== 'segments') return notWritable('update', resource);
  return client.updateSegment(String(id), bodyOf<SegmentUpdate>(variables), init);
}

/** `deleteOne` of a membership: `id` is the tag or segment id; the customer comes from meta or variables. */
export async function deleteRecord(
  client: C360Client,
  resource: string,
  id: BaseKey,
  variables: Variables | undefined,
  meta: MetaQuery | undefined,
  init?: RequestInit,
): Promise<{ id: BaseKey }> {
  switch (resource) {
    case 'customer-tags':
      await client.untagCustomer(customerOf(variables, meta), String(id), init);
      return { id };
    case 'customer-segments':
      await client.removeFromSegment(customerOf(variables, meta), String(id), init);
      return { id };
    default:
      return notWritable('deleteOne', resource);
  }
}
