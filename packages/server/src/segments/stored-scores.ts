/**
 * Stored scores (`customer_scores`, migration 0004): each customer's health score and churn risk
 * (0–100, with their levels) as last computed by the derived-state refresh — for the customers a
 * write touched, on the write path, and for everyone when the evaluation context moves (see
 * segments/recompute.ts and segments/derived-job.ts). The search filters, sorts and lists them
 * through an index; the 360 view still computes its scores live at the request's as-of.
 * @module
 */
import type { Db } from '../db/connect.js';
import { healthLevel } from '../scoring/health.js';
import { churnLevel } from '../scoring/churn.js';
import type { CustomerFacts, FactNeeds } from './evaluate.js';

/** Rows per insert statement (6 parameters each: far below SQLite's and PostgreSQL's limits). */
const CHUNK = 500;

/** Adds what scoring needs (health reads RFM) to the facts a set of rules needs. */
export function withScoreNeeds(needs: FactNeeds): FactNeeds {
  return { ...needs, rfm: true, health: true, churn: true };
}

/**
 * Upserts the scores of `facts` (loaded with {@link withScoreNeeds}) computed at `asOf`; facts
 * without both scores are skipped. Runs in the caller's transaction.
 */
export async function writeScores(db: Db, facts: readonly CustomerFacts[], asOf: Date): Promise<void> {
  const at = asOf.toISOString();
  const rows = facts.flatMap((f) =>
    f.healthScore === undefined || f.churnScore === undefined
      ? []
      : [
          {
            customer_id: f.id,
            health_score: f.healthScore,
            health_level: healthLevel(f.healthScore),
            churn_score: f.churnScore,
            churn_level: churnLevel(f.churnScore),
            as_of: at,
          },
        ],
  );
  for (let i = 0; i < rows.length; i += CHUNK) {
    await db
      .insertInto('customer_scores')
      .values(rows.slice(i, i + CHUNK))
      .onConflict((oc) =>
        oc.column('customer_id').doUpdateSet((eb) => ({
          health_score: eb.ref('excluded.health_score'),
          health_level: eb.ref('excluded.health_level'),
          churn_score: eb.ref('excluded.churn_score'),
          churn_level: eb.ref('excluded.churn_level'),
          as_of: eb.ref('excluded.as_of'),
        })),
      )
      .execute();
  }
}
