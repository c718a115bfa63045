/**
 * Segments (R11): listing with member counts, creating and editing rule and manual segments,
 * and assigning customers to manual segments by hand (assignment and removal are written to the
 * audit log and the timeline, R11.4–R11.5).
 * @module
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { RfmSegmentName, type NewSegment, type Segment, type SegmentList, type SegmentMembership, type SegmentUpdate } from '@c360/sdk';
import type { z } from 'zod';
import type { Db } from '../db/connect.js';
import type { Actor } from '../core/actor.js';
import { customerNotFound, ProblemError } from '../core/problem.js';
import { sortableId } from '../write/ids.js';
import type { EvalContext } from './facts.js';
import { loadFacts } from './facts.js';
import { ensureCurrentIn, loadRuleSegments, parseCriteria, recomputeMemberships } from './recompute.js';
import { rfmSegmentId } from './rfm.js';
import { cachedRfmCounts } from './rfm-counts.js';
import { runWrite, type WriteScope } from '../write/pipeline.js';
import { draftsOf } from '../realtime/sections.js';

type SegmentRow = { id: string; name: string; kind: string; criteria: string | null; description: string | null; created_at: string };

export function segmentNotFound(id: string): ProblemError {
  return new ProblemError(404, 'not-found', 'Segment not found', `No segment with id "${id}"`);
}

function toSegment(row: SegmentRow, memberCount: number): Segment {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind as Segment['kind'],
    criteria: parseCriteria(row.criteria),
    description: row.description,
    createdAt: row.created_at,
    memberCount,
  };
}

const RFM_ORDER = new Map(RfmSegmentName.options.map((name, i) => [rfmSegmentId(name), i]));

/**
 * GET /segments: every segment with its member count — RFM counts at the server's as-of (grouped
 * once per stats epoch, segments/rfm-counts.ts), rule and manual counts as last committed (an
 * index count per segment; rule memberships are kept current by the write path and the background
 * refresh, never here).
 */
export async function listSegments(db: Db, ctx: EvalContext): Promise<SegmentList> {
  const [rows, counts, rfmCounts] = await Promise.all([
    db.selectFrom('segments').selectAll().execute(),
    db
      .selectFrom('segment_assignments')
      .select(['segment_id', sql<number>`count(*)`.as('n')])
      .groupBy('segment_id')
      .execute(),
    cachedRfmCounts(db, ctx.asOf),
  ]);
  const assigned = new Map(counts.map((c) => [c.segment_id, Number(c.n)]));
  const rfmById = new Map([...rfmCounts].map(([name, n]) => [rfmSegmentId(name), n]));
  const segments = rows
    .map((r) => toSegment(r, r.kind === 'rfm' ? (rfmById.get(r.id) ?? 0) : (assigned.get(r.id) ?? 0)))
    .sort((a, b) => {
      const ra = RFM_ORDER.get(a.id) ?? Number.MAX_SAFE_INTEGER;
      const rb = RFM_ORDER.get(b.id) ?? Number.MAX_SAFE_INTEGER;
      return ra - rb || a.name.localeCompare(b.name, 'en', { sensitivity: 'base' }) || a.id.localeCompare(b.id);
    });
  return { asOf: ctx.asOf.toISOString(), segments };
}

async function loadSegmentRow(db: Db, id: string): Promise<SegmentRow> {
  const row = await db.selectFrom('segments').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw segmentNotFound(id);
  return row;
}

async function requireUniqueName(db: Db, name: string, exceptId?: string): Promise<void> {
  let q = db
    .selectFrom('segments')
    .select(['id', 'name'])
    .where(sql<boolean>`lower(name) = lower(${name})`);
  if (exceptId) q = q.where('id', '!=', exceptId);
  const clash = await q.executeTakeFirst();
  if (clash) throw new ProblemError(409, 'conflict', 'Segment name taken', `A segment named "${clash.name}" exists (id "${clash.id}")`);
}

async function memberCount(db: Db, id: string): Promise<number> {
  const row = await db
    .selectFrom('segment_assignments')
    .select(sql<number>`count(*)`.as('n'))
    .where('segment_id', '=', id)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** POST /segments: creates a rule or manual segment; a rule segment's members are computed at once. */
export async function createSegment(
  db: Db,
  ctx: EvalContext,
  actor: Actor,
  input: z.output<typeof NewSegment>,
  now = new Date(),
): Promise<Segment> {
  const id = `seg_${randomUUID()}`;
  return runWrite(
    db,
    async (w) => {
      const { trx } = w;
      await requireUniqueName(trx, input.name);
      // Current derived state first, in this transaction: a refused request changes nothing.
      const target = await ensureCurrentIn(trx, ctx, now);
      const row: SegmentRow = {
        id,
        name: input.name,
        kind: input.kind,
        criteria: input.kind === 'rule' && input.criteria ? JSON.stringify(input.criteria) : null,
        description: input.description || null,
        created_at: now.toISOString(),
      };
      await trx.insertInto('segments').values(row).execute();
      if (input.kind === 'rule') await recomputeMemberships(trx, target, await loadRuleSegments(trx, [id]), { now });
      await w.audit({
        actor: actor.name,
        action: 'segment.created',
        customerId: null,
        details: { segmentId: id, name: row.name, kind: row.kind, criteria: input.criteria ?? null },
      });
      return toSegment(row, await memberCount(trx, id));
    },
    now,
  );
}

/** PATCH /segments/:id: renames, redescribes, or (rule segments) changes the criteria and recomputes. */
export async function updateSegment(
  db: Db,
  ctx: EvalContext,
  actor: Actor,
  id: string,
  input: z.output<typeof SegmentUpdate>,
  now = new Date(),
): Promise<Segment> {
  return runWrite(
    db,
    async (w) => {
      const { trx } = w;
      const row = await loadSegmentRow(trx, id);
      if (row.kind === 'rfm')
        throw new ProblemError(409, 'conflict', 'Segment is built in', `"${row.name}" is an RFM segment; it cannot be changed`);
      if (input.criteria !== undefined && row.kind !== 'rule') {
        throw new ProblemError(400, 'invalid-request', 'Invalid request', 'body.criteria: only rule segments have criteria', [
          { field: 'body.criteria', message: 'only rule segments have criteria' },
        ]);
      }
      if (input.name !== undefined) await requireUniqueName(trx, input.name, id);
      const target = await ensureCurrentIn(trx, ctx, now);
      const changes: Partial<SegmentRow> = {};
      if (input.name !== undefined) changes.name = input.name;
      if (input.description !== undefined) changes.description = input.description || null;
      if (input.criteria !== undefined) changes.criteria = JSON.stringify(input.criteria);
      if (Object.keys(changes).length) await trx.updateTable('segments').set(changes).where('id', '=', id).execute();
      if (input.criteria !== undefined) await recomputeMemberships(trx, target, await loadRuleSegments(trx, [id]), { now });
      await w.audit({ actor: actor.name, action: 'segment.updated', customerId: null, details: { segmentId: id, changes: { ...input } } });
      return toSegment({ ...row, ...changes }, await memberCount(trx, id));
    },
    now,
  );
}

async function requireCustomer(db: Db, id: string): Promise<void> {
  const row = await db.selectFrom('customers').select('id').where('id', '=', id).executeTakeFirst();
  if (!row) throw customerNotFound(id);
}

function notManual(row: SegmentRow): ProblemError {
  const how = row.kind === 'rfm' ? 'an RFM segment' : 'a rule segment';
  return new ProblemError(
    409,
    'conflict',
    'Segment is automatic',
    `"${row.name}" is ${how}: its members are computed from its criteria, not assigned by hand`,
  );
}

/** The segments of one customer: its RFM segment (computed), then rule and manual segments by name. */
export async function customerSegments(db: Db, ctx: EvalContext, customerId: string): Promise<SegmentMembership[]> {
  const [facts] = await loadFacts(db, ctx, { tier: false, tags: false, rfm: true, health: false, churn: false }, [customerId]);
  const rows = await db
    .selectFrom('segment_assignments as sa')
    .innerJoin('segments as s', 's.id', 'sa.segment_id')
    .select(['s.id', 's.name', 's.kind', 'sa.assigned_at', 'sa.how'])
    .where('sa.customer_id', '=', customerId)
    .orderBy('s.name')
    .execute();
  const rfm: SegmentMembership[] = facts?.rfm
    ? [{ id: rfmSegmentId(facts.rfm.segment), name: facts.rfm.segment, kind: 'rfm', assignedAt: null, how: 'automatic' }]
    : [];
  return [
    ...rfm,
    ...rows.map((r) => ({
      id: r.id,
      name: r.name,
      kind: r.kind as SegmentMembership['kind'],
      assignedAt: r.assigned_at,
      how: r.how as SegmentMembership['how'],
    })),
  ];
}

/** The manual segment `segmentId` for a change of `customerId`'s membership: 404 for an unknown customer or segment, 409 when not manual. */
async function manualSegmentFor(trx: Db, customerId: string, segmentId: string): Promise<SegmentRow> {
  await requireCustomer(trx, customerId);
  const row = await loadSegmentRow(trx, segmentId);
  if (row.kind !== 'manual') throw notManual(row);
  return row;
}

/** Audit row, change-feed drafts and timeline entry of a manual membership change (R11.4–R11.5). */
async function recordManualChange(
  w: WriteScope,
  actor: Actor,
  customerId: string,
  row: SegmentRow,
  change: 'assigned' | 'removed',
  details: object = {},
): Promise<void> {
  const activityId = sortableId('segment:', w.now);
  await w.audit({ actor: actor.name, action: `segment.${change}`, customerId, details: { segmentId: row.id, name: row.name, ...details } });
  w.change(draftsOf(customerId, `segment.${change}`, activityId));
  await w.activity(customerId, {
    id: activityId,
    type: 'segment',
    title: change === 'assigned' ? `Added to segment “${row.name}”` : `Removed from segment “${row.name}”`,
    description: `Manual · by ${actor.name}`,
    occurredAt: w.now.toISOString(),
    ref: { kind: 'segment', id: row.id },
  });
}

/** POST /customers/:id/segments: adds the customer to a manual segment (no-op when already in it). */
export async function assignManualSegment(
  db: Db,
  ctx: EvalContext,
  actor: Actor,
  customerId: string,
  segmentId: string,
  now = new Date(),
): Promise<SegmentMembership[]> {
  await runWrite(
    db,
    async (w) => {
      const row = await manualSegmentFor(w.trx, customerId, segmentId);
      const inserted = await w.trx
        .insertInto('segment_assignments')
        .values({ customer_id: customerId, segment_id: segmentId, assigned_at: now.toISOString(), assigned_by: actor.name, how: 'manual' })
        .onConflict((oc) => oc.columns(['customer_id', 'segment_id']).doNothing())
        .executeTakeFirst();
      if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 1) await recordManualChange(w, actor, customerId, row, 'assigned');
    },
    now,
  );
  return customerSegments(db, ctx, customerId);
}

/** DELETE /customers/:id/segments/:segmentId: removes the customer from a manual segment, audited (R11.5). */
export async function removeManualSegment(db: Db, actor: Actor, customerId: string, segmentId: string, now = new Date()): Promise<void> {
  await runWrite(
    db,
    async (w) => {
      const row = await manualSegmentFor(w.trx, customerId, segmentId);
      const removed = await w.trx
        .deleteFrom('segment_assignments')
        .where('customer_id', '=', customerId)
        .where('segment_id', '=', segmentId)
        .returning(['assigned_at', 'assigned_by'])
        .executeTakeFirst();
      if (!removed) throw new ProblemError(404, 'not-found', 'Not a member', `Customer "${customerId}" is not in segment "${row.name}"`);
      await recordManualChange(w, actor, customerId, row, 'removed', { assignedAt: removed.assigned_at, assignedBy: removed.assigned_by });
    },
    now,
  );
}
