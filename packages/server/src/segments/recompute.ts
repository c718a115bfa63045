/**
 * Rule-segment memberships (R11): materialised in `segment_assignments` (`how = automatic`,
 * `assigned_at` = when the customer entered), so the 360 view, the marketing section and the
 * `segment` search filter read them with one indexed lookup.
 *
 * Derived state: rule memberships and the stored health/churn scores (`customer_scores`, see
 * stored-scores.ts) are computed together, from one batch load of facts, at one evaluation context
 * (as-of and health weights) kept in `meta.segments_context`. When:
 * - for every customer, when a rule segment is created or its criteria change (write requests);
 * - for the customers a change touches: ingestion (hook in `applyEventsIn`, after the stats
 *   recompute) and tag assignment/removal — entries and exits then get a `segment` timeline entry;
 * - for every customer, in the background job (segments/derived-job.ts, under a lease so several
 *   processes run it once) when the context is stale: the server's as-of is later than the stored
 *   one, the health weights differ, or customer stats changed outside ingestion (an import).
 * Reads never recompute: a GET shows the last committed memberships and scores.
 *
 * Why TypeScript over rows rather than SQL: the fields are defined by the scoring functions
 * (whole-day floors, half-away-from-zero rounding, RFM quintiles, health and churn formulas);
 * evaluating them with those same functions keeps rule membership identical to what the 360 view
 * shows, instead of maintaining a second SQL definition of each metric. Loading is set-based
 * (segments/facts.ts), so creating a rule over 100k customers takes about a second.
 * @module
 */
import { sql } from 'kysely';
import { SegmentCriteria, type SegmentCriteria as Criteria } from '@c360/sdk';
import type { Db } from '../db/connect.js';
import { writeActivity } from '../ingest/shared.js';
import type { ChangeDraft } from '../realtime/feed.js';
import { draftsOf } from '../realtime/sections.js';
import { sortableId } from '../write/ids.js';
import { runWrite, runWriteIn } from '../write/pipeline.js';
import { loadFacts, type EvalContext } from './facts.js';
import { matches, needsOf, type CustomerFacts } from './evaluate.js';
import { feedOfBulk } from './membership-feed.js';
import { withScoreNeeds, writeScores } from './stored-scores.js';

/** A rule segment with valid criteria. */
export interface RuleSegment {
  id: string;
  name: string;
  criteria: Criteria;
}

/** What memberships were computed with (`meta.segments_context`). */
interface StoredContext {
  asOf: string;
  healthWeights: EvalContext['healthWeights'] | null;
  statsVersion: string;
}

const CONTEXT_KEY = 'segments_context';
const CHUNK = 500;

/** Parses stored criteria; null when absent or invalid (such a segment is left alone). */
export function parseCriteria(text: string | null): Criteria | null {
  if (!text) return null;
  try {
    const parsed = SegmentCriteria.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Rule segments (all, or those with the given ids) whose criteria are valid. */
export async function loadRuleSegments(db: Db, ids?: readonly string[]): Promise<RuleSegment[]> {
  let q = db.selectFrom('segments').select(['id', 'name', 'criteria']).where('kind', '=', 'rule');
  if (ids) q = q.where('id', 'in', ids.length ? [...ids] : ['']);
  const rows = await q.orderBy('id').execute();
  return rows.flatMap((r) => {
    const criteria = parseCriteria(r.criteria);
    return criteria ? [{ id: r.id, name: r.name, criteria }] : [];
  });
}

export interface RecomputeOptions {
  /** Only these customers (all when omitted). */
  customerIds?: readonly string[];
  /** Assignment time of customers who enter. */
  now: Date;
  /** Write a `segment` timeline entry for each entry and exit (changes driven by customer data). */
  timeline?: boolean;
}

/** Recomputes memberships of `segments`; returns how many customers entered and left in total. */
export async function recomputeMemberships(
  db: Db,
  ctx: EvalContext,
  segments: readonly RuleSegment[],
  options: RecomputeOptions,
): Promise<{ entered: number; left: number }> {
  if (segments.length === 0 || options.customerIds?.length === 0) return { entered: 0, left: 0 };
  const facts = await loadFacts(db, ctx, needsOf(segments.map((s) => s.criteria)), options.customerIds);
  return runWriteIn(db, async (w) => {
    const { entered, left, drafts } = await applyMemberships(db, segments, facts, options);
    w.change(feedOfBulk(drafts));
    return { entered, left };
  });
}

/**
 * Brings the memberships of `segments` in line with `facts` (of `options.customerIds`, or of
 * everyone); `drafts`: the change-feed drafts of the customers who entered or left (`segments`
 * section, plus `timeline` with the entry's id when `options.timeline`), for the caller to record.
 */
async function applyMemberships(
  db: Db,
  segments: readonly RuleSegment[],
  facts: readonly CustomerFacts[],
  options: RecomputeOptions,
): Promise<{ entered: number; left: number; drafts: ChangeDraft[] }> {
  const at = options.now.toISOString();
  let entered = 0;
  let left = 0;
  const drafts: ChangeDraft[] = [];
  for (const segment of segments) {
    const members = new Set<string>();
    for (const f of facts) if (matches(segment.criteria, f)) members.add(f.id);
    const existing = await assignedAmong(db, segment.id, options.customerIds);
    const add = [...members].filter((id) => !existing.has(id));
    const remove = [...existing].filter((id) => !members.has(id));
    for (const ids of chunk(add, CHUNK)) {
      await db
        .insertInto('segment_assignments')
        .values(ids.map((customer_id) => ({ customer_id, segment_id: segment.id, assigned_at: at, assigned_by: null, how: 'automatic' })))
        .onConflict((oc) => oc.columns(['customer_id', 'segment_id']).doNothing())
        .execute();
    }
    for (const ids of chunk(remove, CHUNK)) {
      await db.deleteFrom('segment_assignments').where('segment_id', '=', segment.id).where('customer_id', 'in', ids).execute();
    }
    if (options.timeline) {
      const entry = (title: string) => ({
        id: sortableId('segment:', options.now),
        type: 'segment' as const,
        title,
        description: 'Rule segment · automatic',
        occurredAt: at,
        ref: { kind: 'segment', id: segment.id },
      });
      for (const [ids, type, title] of [
        [add, 'segment.assigned', `Entered segment “${segment.name}”`],
        [remove, 'segment.removed', `Left segment “${segment.name}”`],
      ] as const) {
        for (const id of ids) {
          const e = entry(title);
          await writeActivity(db, id, e);
          drafts.push(...draftsOf(id, type, e.id));
        }
      }
    } else {
      for (const customerId of add) drafts.push({ customerId, section: 'segments', type: 'segment.assigned' });
      for (const customerId of remove) drafts.push({ customerId, section: 'segments', type: 'segment.removed' });
    }
    entered += add.length;
    left += remove.length;
  }
  return { entered, left, drafts };
}

/**
 * The derived state of some customers at `ctx`: their stored scores (segments/stored-scores.ts)
 * and their memberships of every rule segment, from one batch load of their facts.
 */
async function refreshDerived(
  db: Db,
  ctx: EvalContext,
  options: RecomputeOptions & { customerIds: readonly string[] },
): Promise<{ facts: CustomerFacts[]; drafts: ChangeDraft[] }> {
  if (options.customerIds.length === 0) return { facts: [], drafts: [] };
  const segments = await loadRuleSegments(db);
  const facts = await loadFacts(db, ctx, withScoreNeeds(needsOf(segments.map((s) => s.criteria))), options.customerIds);
  await writeScores(db, facts, ctx.asOf);
  const { drafts } = await applyMemberships(db, segments, facts, options);
  return { facts, drafts };
}

/** Facts a refresh loaded (with scores) and the context they were computed at: re-usable by the same write. */
export interface DerivedFacts {
  ctx: EvalContext;
  facts: readonly CustomerFacts[];
}

/** Customers per step of a full refresh (facts of one step are in memory at once). */
const FULL_STEP = 2_000;

/**
 * The derived state of every customer at `ctx`, step by step in id order (memory stays flat);
 * returns the change-feed drafts of the memberships that changed.
 */
async function refreshAll(db: Db, ctx: EvalContext, now: Date): Promise<ChangeDraft[]> {
  const drafts: ChangeDraft[] = [];
  let after = '';
  for (;;) {
    const ids = (await db.selectFrom('customers').select('id').where('id', '>', after).orderBy('id').limit(FULL_STEP).execute()).map(
      (r) => r.id,
    );
    if (ids.length === 0) return drafts;
    drafts.push(...(await refreshDerived(db, ctx, { customerIds: ids, now })).drafts);
    after = ids.at(-1)!;
  }
}

async function assignedAmong(db: Db, segmentId: string, customerIds: readonly string[] | undefined): Promise<Set<string>> {
  const out = new Set<string>();
  const groups = customerIds ? chunk([...new Set(customerIds)], CHUNK) : [undefined];
  for (const ids of groups) {
    let q = db.selectFrom('segment_assignments').select('customer_id').where('segment_id', '=', segmentId);
    if (ids) q = q.where('customer_id', 'in', ids);
    for (const r of await q.execute()) out.add(r.customer_id);
  }
  return out;
}

async function statsVersion(db: Db): Promise<string> {
  const row = await db.selectFrom('meta').select('value').where('key', '=', 'stats_version').executeTakeFirst();
  return row?.value ?? '0';
}

async function readContext(db: Db): Promise<StoredContext | null> {
  const row = await db.selectFrom('meta').select('value').where('key', '=', CONTEXT_KEY).executeTakeFirst();
  if (!row) return null;
  try {
    return JSON.parse(row.value) as StoredContext;
  } catch {
    return null;
  }
}

async function writeContext(db: Db, context: StoredContext): Promise<void> {
  const value = JSON.stringify(context);
  await db
    .insertInto('meta')
    .values({ key: CONTEXT_KEY, value })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
    .execute();
}

function sameContext(stored: StoredContext | null, ctx: EvalContext, version: string): boolean {
  return (
    stored !== null &&
    stored.asOf === ctx.asOf.toISOString() &&
    JSON.stringify(stored.healthWeights ?? null) === JSON.stringify(ctx.healthWeights ?? null) &&
    stored.statsVersion === version
  );
}

/**
 * The context the derived state should be at for a process whose read context is `ctx`, and
 * whether it is stale. The as-of only moves forward: a process whose as-of is older than the
 * stored one keeps the stored as-of, so two processes with different as-of dates never undo each
 * other's work; stats changed outside ingestion, or other health weights (deployment
 * configuration, the same on every instance), make it stale too.
 */
export async function targetContext(db: Db, ctx: EvalContext): Promise<{ target: EvalContext; stale: boolean }> {
  const [stored, version] = [await readContext(db), await statsVersion(db)];
  const asOf = stored && Date.parse(stored.asOf) > ctx.asOf.getTime() ? new Date(stored.asOf) : ctx.asOf;
  const target: EvalContext = { asOf, ...(ctx.healthWeights ? { healthWeights: ctx.healthWeights } : {}) };
  return { target, stale: !sameContext(stored, target, version) };
}

/**
 * Makes the derived state (rule memberships and stored scores) current for `ctx` (forward-only,
 * see {@link targetContext}): a no-op (two small reads) unless stale, else a full refresh in one
 * transaction (readers see the old or the new state). Returns the context it is current for.
 * Write paths only (creating or editing a segment, the background job); `db` must not be a
 * transaction.
 */
export async function ensureRuleSegmentsCurrent(db: Db, ctx: EvalContext, now: Date = new Date()): Promise<EvalContext> {
  const first = await targetContext(db, ctx);
  if (!first.stale) return first.target;
  return runWrite(db, ({ trx }) => ensureCurrentIn(trx, ctx, now), now);
}

/**
 * {@link ensureRuleSegmentsCurrent} inside the caller's write transaction `trx` (its membership
 * changes join that write's change feed, see membership-feed.ts).
 */
export async function ensureCurrentIn(trx: Db, ctx: EvalContext, now: Date = new Date()): Promise<EvalContext> {
  const { target, stale } = await targetContext(trx, ctx);
  if (!stale) return target;
  return runWriteIn(trx, async (w) => {
    w.change(feedOfBulk(await refreshAll(trx, target, now)));
    await writeContext(trx, {
      asOf: target.asOf.toISOString(),
      healthWeights: target.healthWeights ?? null,
      statsVersion: await statsVersion(trx),
    });
    return target;
  });
}

/**
 * Refreshes the derived state of the customers a change touched, in the caller's transaction, at
 * the stored evaluation context (else the dataset's as-of, else `now`), with timeline entries for
 * segment entries and exits. `statsRecomputed`: the change also recomputed these customers' stats
 * (bumping `meta.stats_version` by one), which keeps the stored context current. Returns the facts
 * it loaded (with health and churn), so the same write can compare scores without loading them again.
 */
export async function refreshRuleSegments(
  db: Db,
  customerIds: readonly string[],
  options: { now: Date; statsRecomputed?: boolean },
): Promise<DerivedFacts> {
  const stored = await readContext(db);
  const ctx = stored ? contextOf(stored) : await defaultContext(db, options.now);
  if (customerIds.length === 0) return { ctx, facts: [] };
  return runWriteIn(db, async (w) => {
    const customers = [...new Set(customerIds)];
    const { facts, drafts } = await refreshDerived(db, ctx, { customerIds: customers, now: options.now, timeline: true });
    w.change(drafts); // few customers: every entry and exit reaches the stream
    if (stored && options.statsRecomputed) {
      const version = await statsVersion(db);
      if (stored.statsVersion === String(Number(version) - 1)) await writeContext(db, { ...stored, statsVersion: version });
    }
    return { ctx, facts };
  });
}

const contextOf = (stored: StoredContext): EvalContext => ({
  asOf: new Date(stored.asOf),
  ...(stored.healthWeights ? { healthWeights: stored.healthWeights } : {}),
});

/** Before anything stored a context: the dataset's as-of (`meta.dataset_as_of`), else `now`. */
async function defaultContext(db: Db, now: Date): Promise<EvalContext> {
  const row = await db.selectFrom('meta').select('value').where('key', '=', 'dataset_as_of').executeTakeFirst();
  const asOf = row?.value ? new Date(row.value) : null;
  return { asOf: asOf && !Number.isNaN(asOf.getTime()) ? asOf : now };
}

/** The evaluation context memberships were last computed with, for reads that have no other (search). */
export async function storedEvalContext(db: Db): Promise<EvalContext | null> {
  const stored = await readContext(db);
  return stored ? contextOf(stored) : null;
}

/** SQL condition: the customer `customerRef` (a column reference) is assigned to `segmentId`. */
export const memberOf = (segmentId: string, customerRef = 'c.id') =>
  sql<boolean>`exists (select 1 from segment_assignments sa where sa.customer_id = ${sql.ref(customerRef)} and sa.segment_id = ${segmentId})`;

function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
