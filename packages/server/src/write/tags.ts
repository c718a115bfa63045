/**
 * Tags (R8.3–R8.5, design Property 8): the tag catalogue, and assigning tags to customers — at
 * most once per customer (the primary key of `tag_assignments`), each assignment and removal with
 * a timeline entry and an audit row, and rule segments that read tags recomputed for the customer
 * in the same transaction (all through the write pipeline, write/pipeline.ts). A tag is usable as
 * a search filter as soon as it is assigned.
 * @module
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { DEFAULT_TAG_COLOR, type NewTag, type Tag, type TagAssignment, type TagList, type TagSummary } from '@c360/sdk';
import type { z } from 'zod';
import type { Db } from '../db/connect.js';
import type { Actor } from '../core/actor.js';
import { customerNotFound, ProblemError } from '../core/problem.js';
import { refreshRuleSegments } from '../segments/recompute.js';
import { sortableId } from './ids.js';
import { runWrite, type WriteScope } from './pipeline.js';
import { draftsOf } from '../realtime/sections.js';

type TagRow = { id: string; name: string; color: string; description: string | null; created_at: string };

export function tagNotFound(id: string): ProblemError {
  return new ProblemError(404, 'not-found', 'Tag not found', `No tag with id "${id}"`);
}

function summary(row: TagRow, usageCount: number): TagSummary {
  return { id: row.id, name: row.name, color: row.color, description: row.description, createdAt: row.created_at, usageCount };
}

/** GET /tags: every tag by name with how many customers carry it. */
export async function listTags(db: Db): Promise<TagList> {
  const rows = await db
    .selectFrom('tags as t')
    .leftJoin('tag_assignments as ta', 'ta.tag_id', 't.id')
    .select(['t.id', 't.name', 't.color', 't.description', 't.created_at', sql<number>`count(ta.customer_id)`.as('n')])
    .groupBy('t.id')
    .orderBy(sql`lower(t.name)`)
    .orderBy('t.id')
    .execute();
  return { tags: rows.map((r) => summary(r, Number(r.n))) };
}

async function findByName(db: Db, name: string): Promise<TagRow | undefined> {
  return db
    .selectFrom('tags')
    .selectAll()
    .where(sql<boolean>`lower(name) = lower(${name})`)
    .executeTakeFirst();
}

async function insertTag(w: WriteScope, actor: Actor, input: { name: string; color: string; description?: string }): Promise<TagRow> {
  const row: TagRow = {
    id: `tag_${randomUUID()}`,
    name: input.name,
    color: input.color,
    description: input.description || null,
    created_at: w.now.toISOString(),
  };
  await w.trx.insertInto('tags').values(row).execute();
  await w.audit({
    actor: actor.name,
    action: 'tag.created',
    customerId: null,
    details: { tagId: row.id, name: row.name, color: row.color },
  });
  return row;
}

/** POST /tags: creates a tag; 409 when one with the same name (ignoring case) exists. */
export async function createTag(db: Db, actor: Actor, input: z.output<typeof NewTag>, now = new Date()): Promise<TagSummary> {
  return runWrite(
    db,
    async (w) => {
      const clash = await findByName(w.trx, input.name);
      if (clash) throw new ProblemError(409, 'conflict', 'Tag exists', `A tag named "${clash.name}" exists (id "${clash.id}")`);
      return summary(await insertTag(w, actor, input), 0);
    },
    now,
  );
}

/** The tags of one customer, by name. */
export async function customerTags(db: Db, customerId: string): Promise<Tag[]> {
  return db
    .selectFrom('tag_assignments as ta')
    .innerJoin('tags as t', 't.id', 'ta.tag_id')
    .select(['t.id', 't.name', 't.color'])
    .where('ta.customer_id', '=', customerId)
    .orderBy(sql`lower(t.name)`)
    .orderBy('t.id')
    .execute();
}

async function requireCustomer(db: Db, id: string): Promise<void> {
  const row = await db.selectFrom('customers').select('id').where('id', '=', id).executeTakeFirst();
  if (!row) throw customerNotFound(id);
}

/** GET /customers/:id/tags: the customer's tags; 404 for an unknown customer. */
export async function loadCustomerTags(db: Db, customerId: string): Promise<Tag[]> {
  await requireCustomer(db, customerId);
  return customerTags(db, customerId);
}

/**
 * POST /customers/:id/tags: assigns a tag by id, or by name (creating it when none has that name).
 * Assigning a tag the customer already has changes nothing. Returns the customer's tags.
 */
export async function assignTag(
  db: Db,
  actor: Actor,
  customerId: string,
  input: z.output<typeof TagAssignment>,
  now = new Date(),
): Promise<Tag[]> {
  return runWrite(
    db,
    async (w) => {
      const { trx } = w;
      const at = now.toISOString();
      await requireCustomer(trx, customerId);
      let tag: TagRow | undefined;
      if (input.tagId !== undefined) {
        tag = await trx.selectFrom('tags').selectAll().where('id', '=', input.tagId).executeTakeFirst();
        if (!tag) throw tagNotFound(input.tagId);
      } else {
        tag =
          (await findByName(trx, input.name!)) ??
          (await insertTag(w, actor, { name: input.name!, color: input.color ?? DEFAULT_TAG_COLOR }));
      }
      const inserted = await trx
        .insertInto('tag_assignments')
        .values({ customer_id: customerId, tag_id: tag.id, assigned_by: actor.name, assigned_at: at })
        .onConflict((oc) => oc.columns(['customer_id', 'tag_id']).doNothing())
        .executeTakeFirst();
      if (Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0) {
        const activityId = sortableId('tag:', now);
        await w.audit({ actor: actor.name, action: 'tag.assigned', customerId, details: { tagId: tag.id, name: tag.name } });
        await w.activity(customerId, {
          id: activityId,
          type: 'tag',
          title: `Tagged “${tag.name}”`,
          description: `By ${actor.name}`,
          occurredAt: at,
          ref: { kind: 'tag', id: tag.id },
        });
        await refreshRuleSegments(trx, [customerId], { now });
        w.change(draftsOf(customerId, 'tag.assigned', activityId));
      }
      return customerTags(trx, customerId);
    },
    now,
  );
}

/** DELETE /customers/:id/tags/:tagId: removes the tag at once; 404 when the customer does not have it. */
export async function removeTag(db: Db, actor: Actor, customerId: string, tagId: string, now = new Date()): Promise<void> {
  await runWrite(
    db,
    async (w) => {
      const { trx } = w;
      const at = now.toISOString();
      await requireCustomer(trx, customerId);
      const tag = await trx.selectFrom('tags').selectAll().where('id', '=', tagId).executeTakeFirst();
      if (!tag) throw tagNotFound(tagId);
      const deleted = await trx
        .deleteFrom('tag_assignments')
        .where('customer_id', '=', customerId)
        .where('tag_id', '=', tagId)
        .executeTakeFirst();
      if (Number(deleted.numDeletedRows) === 0) {
        throw new ProblemError(404, 'not-found', 'Tag not assigned', `Customer "${customerId}" does not have tag "${tag.name}"`);
      }
      const activityId = sortableId('tag:', now);
      await w.audit({ actor: actor.name, action: 'tag.removed', customerId, details: { tagId, name: tag.name } });
      await w.activity(customerId, {
        id: activityId,
        type: 'tag',
        title: `Tag “${tag.name}” removed`,
        description: `By ${actor.name}`,
        occurredAt: at,
        ref: { kind: 'tag', id: tagId },
      });
      await refreshRuleSegments(trx, [customerId], { now });
      w.change(draftsOf(customerId, 'tag.removed', activityId));
    },
    now,
  );
}
