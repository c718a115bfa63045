/**
 * Notes, tags, segments and search (R8, R11, R15):
 * - `idempotency_keys.ref`: what a key produced (the note an `Idempotency-Key` created);
 * - tag names unique case-insensitively;
 * - the 11 RFM segments as rows of kind `rfm` (their membership is computed, never stored);
 * - the engine's substring index over `customers.search_text` (lower-cased name, email and phone
 *   digits), for search without a scan (db/dialects/: an FTS5 trigram table kept by triggers, or a
 *   pg_trgm GIN index).
 *
 * The seeded rows are literal data (a migration never changes once released).
 */
import { sql, type Kysely } from 'kysely';
import { dialectOf } from '../dialects/index.js';

/** Id, name and description of each RFM segment; ids match the `rfm:<slug>` of the 360 view. */
const RFM_SEGMENTS: ReadonlyArray<readonly [id: string, name: string, description: string]> = [
  ['rfm:champions', 'Champions', 'Bought recently and often: recency 5, frequency 4–5'],
  ['rfm:loyal', 'Loyal', 'Buy often: frequency 4–5 with recency 3–4'],
  ['rfm:potential-loyalist', 'Potential Loyalist', 'Recent with a few orders: recency 4–5, frequency 2–3'],
  ['rfm:new', 'New', 'First order recently: recency 5, frequency 1'],
  ['rfm:promising', 'Promising', 'Fairly recent, one order: recency 4, frequency 1'],
  ['rfm:need-attention', 'Need Attention', 'Average recency and frequency: recency 3, frequency 3'],
  ['rfm:about-to-sleep', 'About to Sleep', 'Slipping away after few orders: recency 3, frequency 1–2'],
  ['rfm:at-risk', 'At Risk', 'Used to buy often, not lately: recency 1–2, frequency 3–4'],
  ['rfm:cannot-lose-them', 'Cannot Lose Them', 'Bought the most, long ago: recency 1–2, frequency 5'],
  ['rfm:hibernating', 'Hibernating', 'Long ago and rarely: recency 2 with frequency 1–2, or recency 1 with frequency 2'],
  ['rfm:lost', 'Lost', 'Longest ago, one order: recency 1, frequency 1'],
];

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('idempotency_keys').addColumn('ref', 'text').execute();

  // Tags are unique by name regardless of case (R8.4: "VIP" and "vip" are one tag).
  await db.schema
    .createIndex('tags_name_lower_idx')
    .on('tags')
    .unique()
    .expression(sql`lower(name)`)
    .execute();

  const createdAt = new Date().toISOString();
  await db
    .insertInto('segments')
    .values(
      RFM_SEGMENTS.map(([id, name, description]) => ({
        id,
        name,
        kind: 'rfm',
        criteria: JSON.stringify({ field: 'rfmSegment', op: '=', value: name }),
        description,
        created_at: createdAt,
      })),
    )
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();

  await dialectOf(db).createSearchIndex(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await dialectOf(db).dropSearchIndex(db);
  await db.deleteFrom('segments').where('kind', '=', 'rfm').execute();
  await db.schema.dropIndex('tags_name_lower_idx').ifExists().execute();
  await db.schema.alterTable('idempotency_keys').dropColumn('ref').execute();
}
