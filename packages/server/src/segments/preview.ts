/**
 * A rule segment's members before it is saved (POST /segments/preview): the criteria evaluated
 * over the customers exactly as saving the segment would (the same facts, the same evaluation
 * context, segments/recompute.ts), without writing anything.
 *
 * Bounded like search (read/search.ts): customers are visited in id order, a chunk at a time, and
 * the count stops at SEARCH_COUNT_LIMIT + 1 matches — `count` is then SEARCH_COUNT_LIMIT with
 * `countIsEstimate`. All statements read one snapshot (a read-only transaction). A preview the
 * caller gave up on (the builder aborts a stale one; the request's signal) stops at the next chunk.
 * @module
 */
import { SEARCH_COUNT_LIMIT, SEGMENT_PREVIEW_SAMPLE, type SegmentCriteria, type SegmentPreview } from '@c360/sdk';
import type { Db } from '../db/connect.js';
import { CHUNK } from '../read/customer-facts.js';
import { matches, needsOf } from './evaluate.js';
import { loadFacts, type EvalContext } from './facts.js';
import { targetContext } from './recompute.js';

/**
 * Counts the customers `criteria` select (exactly up to SEARCH_COUNT_LIMIT) and names the first
 * {@link SEGMENT_PREVIEW_SAMPLE} in id order, at the evaluation context a save would use now
 * (the stored one when it is later than `ctx.asOf`). Reads only.
 * @throws the `signal`'s reason once it is aborted (checked before each chunk of customers).
 */
export async function previewSegment(db: Db, ctx: EvalContext, criteria: SegmentCriteria, signal?: AbortSignal): Promise<SegmentPreview> {
  if (db.isTransaction) return preview(db, ctx, criteria, signal);
  return db
    .transaction()
    .setAccessMode('read only')
    .execute((trx) => preview(trx, ctx, criteria, signal));
}

async function preview(db: Db, ctx: EvalContext, criteria: SegmentCriteria, signal: AbortSignal | undefined): Promise<SegmentPreview> {
  const { target } = await targetContext(db, ctx);
  const needs = needsOf([criteria]);
  const sampleIds: string[] = [];
  let counted = 0;
  let after: string | undefined;
  while (counted <= SEARCH_COUNT_LIMIT) {
    signal?.throwIfAborted();
    let q = db.selectFrom('customers').select('id').orderBy('id').limit(CHUNK);
    if (after !== undefined) q = q.where('id', '>', after);
    const ids = (await q.execute()).map((r) => r.id);
    if (ids.length === 0) break;
    after = ids[ids.length - 1];
    const matched = new Set((await loadFacts(db, target, needs, ids)).filter((f) => matches(criteria, f)).map((f) => f.id));
    for (const id of ids) {
      if (!matched.has(id)) continue;
      counted++;
      if (sampleIds.length < SEGMENT_PREVIEW_SAMPLE) sampleIds.push(id);
    }
    if (ids.length < CHUNK) break;
  }
  const names = sampleIds.length
    ? new Map((await db.selectFrom('customers').select(['id', 'name']).where('id', 'in', sampleIds).execute()).map((r) => [r.id, r.name]))
    : new Map<string, string>();
  return {
    count: Math.min(counted, SEARCH_COUNT_LIMIT),
    countIsEstimate: counted > SEARCH_COUNT_LIMIT,
    sample: sampleIds.map((id) => ({ id, name: names.get(id) ?? '' })),
    asOf: target.asOf.toISOString(),
  };
}
