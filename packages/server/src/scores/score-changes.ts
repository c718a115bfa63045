/**
 * Significant score changes (SPEC §4, R12.5, R13.5): after an ingestion batch, the health score and
 * churn risk of every customer the batch touched are recomputed and compared with the customer's
 * latest `score_history` rows. A health change of at least {@link HEALTH_CHANGE_POINTS} points, or
 * any change of churn level, records a new history row, a `score` timeline entry and a real-time
 * change in the `scores` and `timeline` sections (the notification event). The first computation
 * for a customer only records a baseline, silently.
 *
 * As-of and weights ({@link scoreContext}): the evaluation context rule segments were last computed
 * with (`meta.segments_context`, the server's read context once anything has evaluated segments), so
 * the stored scores agree with `healthScore`/`churnScore` rule memberships; when nothing has, the
 * dataset's as-of (`meta.dataset_as_of`), then the batch's time. (Rule-segment refresh falls back to
 * the batch's time directly; for scores that would compare a demo database's baselines, computed at
 * the dataset's as-of by the enrichment, with today's clock and report every customer as lapsed.) The scores come from {@link loadFacts}, the set-based loader of those memberships,
 * which uses the same pure scoring functions as the 360 view (a few queries per 500 customers).
 *
 * Comparison is with the last *recorded* value of each kind, not with the previous computation: a
 * slow drift of 4 + 4 + 4 points is reported once it reaches 10. A health row is added only when
 * health changed significantly, a churn row only when the churn level changed.
 *
 * Replay safety: a replayed batch leaves the data as it was, so the recomputed scores equal the
 * latest rows and nothing is written. Timeline ids are deterministic,
 * `score:<customer>:<kind>:<history row id>`, and each entry is upserted.
 * @module
 */
import { sql } from 'kysely';
import type { Db } from '../db/connect.js';
import type { ChangeDraft } from '../realtime/feed.js';
import { writeActivity } from '../ingest/shared.js';
import { loadFacts, type EvalContext } from '../segments/facts.js';
import { storedEvalContext, type DerivedFacts } from '../segments/recompute.js';
import { healthLevel } from '../scoring/health.js';
import { churnLevel } from '../scoring/churn.js';
import { scoreTriggers, type Trigger } from '../notifications/rules.js';
import { notificationConfig } from '../notifications/config.js';

/** A health change of at least this many points is significant. */
export const HEALTH_CHANGE_POINTS = 10;
/** The change type of score changes in the change feed. */
export const SCORE_CHANGE_TYPE = 'score.changed';

const CHUNK = 500;
const CHURN_ORDER: Readonly<Record<string, number>> = { low: 0, medium: 1, high: 2 };

export type ScoreKind = 'health' | 'churn';

/** One recorded score. */
export interface ScoreValue {
  score: number;
  level: string;
}

/** Timeline title of a health change, e.g. "Health score fell from 72 to 58 (good → fair)". */
export function healthChangeTitle(previous: ScoreValue, current: ScoreValue): string {
  const verb = current.score < previous.score ? 'fell' : 'rose';
  const levels = previous.level === current.level ? current.level : `${previous.level} → ${current.level}`;
  return `Health score ${verb} from ${previous.score} to ${current.score} (${levels})`;
}

/** Timeline title of a churn-level change, e.g. "Churn risk rose to high (71)". */
export function churnChangeTitle(previous: ScoreValue, current: ScoreValue): string {
  const verb = (CHURN_ORDER[current.level] ?? 0) > (CHURN_ORDER[previous.level] ?? 0) ? 'rose' : 'fell';
  return `Churn risk ${verb} to ${current.level} (${current.score})`;
}

/** Whether a new score differs enough from the latest recorded one to be reported. */
export function isSignificant(kind: ScoreKind, previous: ScoreValue, current: ScoreValue): boolean {
  return kind === 'health' ? Math.abs(current.score - previous.score) >= HEALTH_CHANGE_POINTS : current.level !== previous.level;
}

/**
 * Recomputes health and churn of `customerIds` in the caller's transaction and records baselines
 * and significant changes (see the module comment). Returns the real-time change drafts to record
 * with the batch. `now` is the time of the entries and of `computed_at`. The notification rules'
 * triggers of each recorded change (notifications/rules.ts) are appended to `triggers`.
 */
export async function recordScoreChanges(
  trx: Db,
  customerIds: readonly string[],
  now: Date,
  triggers: Trigger[] = [],
  loaded?: DerivedFacts,
): Promise<ChangeDraft[]> {
  if (customerIds.length === 0) return [];
  const notify = notificationConfig();
  const ctx = await scoreContext(trx, now);
  // facts the same write already loaded at this context (the rule-segment refresh) are not loaded again
  const known = loaded && sameContext(loaded.ctx, ctx) ? new Map(loaded.facts.map((f) => [f.id, f])) : null;
  const at = now.toISOString();
  const drafts: ChangeDraft[] = [];
  const ids = [...new Set(customerIds)];
  for (let i = 0; i < ids.length; i += CHUNK) {
    const group = ids.slice(i, i + CHUNK);
    const [facts, latest] = await Promise.all([
      known
        ? group.flatMap((id) => known.get(id) ?? [])
        : loadFacts(trx, ctx, { tier: false, tags: false, rfm: true, health: true, churn: true }, group),
      latestScores(trx, group),
    ]);
    const recorded: Array<{ customerId: string; kind: ScoreKind; previous: ScoreValue | undefined; current: ScoreValue }> = [];
    for (const f of facts) {
      if (f.healthScore === undefined || f.churnScore === undefined) continue;
      const current: Record<ScoreKind, ScoreValue> = {
        health: { score: f.healthScore, level: healthLevel(f.healthScore) },
        churn: { score: f.churnScore, level: churnLevel(f.churnScore) },
      };
      for (const kind of ['health', 'churn'] as const) {
        const previous = latest.get(`${f.id}\u0000${kind}`);
        if (previous && !isSignificant(kind, previous, current[kind])) continue;
        recorded.push({ customerId: f.id, kind, previous, current: current[kind] });
      }
    }
    if (recorded.length === 0) continue;
    // History ids follow customer id order (stable: health before churn), not the order the facts came
    // back in, which differs between engines: the same data gets the same ids on SQLite and PostgreSQL.
    recorded.sort((a, b) => (a.customerId < b.customerId ? -1 : a.customerId > b.customerId ? 1 : 0));
    // one multi-row insert per group (2 × 500 rows × 5 parameters); ids matched back by customer and kind
    const inserted = await trx
      .insertInto('score_history')
      .values(
        recorded.map((r) => ({ customer_id: r.customerId, kind: r.kind, score: r.current.score, level: r.current.level, computed_at: at })),
      )
      .returning(['id', 'customer_id', 'kind'])
      .execute();
    const historyIds = new Map(inserted.map((row) => [`${row.customer_id}\u0000${row.kind}`, row.id]));
    for (const { customerId, kind, previous, current } of recorded) {
      if (!previous) continue; // baseline: no timeline entry
      const historyId = historyIds.get(`${customerId}\u0000${kind}`)!;
      const id = `score:${customerId}:${kind}:${historyId}`;
      await writeActivity(trx, customerId, {
        id,
        type: 'score',
        title: kind === 'health' ? healthChangeTitle(previous, current) : churnChangeTitle(previous, current),
        description:
          kind === 'health'
            ? `${signed(current.score - previous.score)} points since the last recorded score`
            : `Was ${previous.level} (${previous.score})`,
        occurredAt: at,
        ref: { kind: 'score', id: String(historyId) },
      });
      triggers.push(...scoreTriggers({ kind, customerId, previous, current, historyId }, notify));
      for (const section of ['scores', 'timeline'] as const) drafts.push({ customerId, section, type: SCORE_CHANGE_TYPE, activityId: id });
    }
  }
  return drafts;
}

/**
 * The as-of and weights scores are computed with: those rule segments were last evaluated with
 * (the server's read context), else the dataset's as-of (`meta.dataset_as_of`, as the search's
 * segment filter falls back to), else the batch's time.
 */
export async function scoreContext(db: Db, now: Date): Promise<EvalContext> {
  const stored = await storedEvalContext(db);
  if (stored) return stored;
  const dataset = await db.selectFrom('meta').select('value').where('key', '=', 'dataset_as_of').executeTakeFirst();
  const asOf = dataset?.value ? new Date(dataset.value) : null;
  return { asOf: asOf && !Number.isNaN(asOf.getTime()) ? asOf : now };
}

/** Same as-of and health weights: scores computed at one are those of the other. */
const sameContext = (a: EvalContext, b: EvalContext): boolean =>
  a.asOf.getTime() === b.asOf.getTime() && JSON.stringify(a.healthWeights ?? null) === JSON.stringify(b.healthWeights ?? null);

/** The latest recorded health and churn of each customer, keyed `<customer>\0<kind>`. */
async function latestScores(db: Db, ids: readonly string[]): Promise<Map<string, ScoreValue>> {
  // The row holding each (customer, kind)'s highest id: the latest insert.
  const { rows } = await sql<{ customer_id: string; kind: string; score: number; level: string; id: number }>`
    select h.customer_id, h.kind, h.score, h.level, h.id from score_history h
    join (select max(id) as id from score_history where customer_id in (${sql.join(ids)}) group by customer_id, kind) latest
      on latest.id = h.id`.execute(db);
  return new Map(rows.map((r) => [`${r.customer_id}\u0000${r.kind}`, { score: Number(r.score), level: r.level }]));
}

const signed = (n: number): string => (n > 0 ? `+${n}` : n < 0 ? `−${-n}` : '0');
