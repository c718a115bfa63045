/**
 * Notes, tags, segments and search (R8, R11, R15):
 * - `idempotency_keys.ref`: what a key produced (the note an `Idempotency-Key` created);
 * - tag names unique case-insensitively;
 * - the 11 RFM segments as rows of kind `rfm` (their membership is computed, never stored);
 * - SQLite only: `customers_fts`, an FTS5 trigram index over `customers.search_text` (lower-cased
 *   name, email and phone digits) kept in sync by triggers, for substring search without a scan.
 *
 * The seeded rows are literal data (a migration never changes once released).
 */
import { sql, type Kysely } from 'kysely';

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

const isSqlite = (db: Kysely<any>) => db.getExecutor().adapter.constructor.name !== 'PostgresAdapter';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('idempotency_keys').addColumn('ref', 'text').execute();

  // Tags are unique by name regardless of case (R8.4: "VIP" and "vip" are one tag).
  await db.schema.createIndex('tags_name_lower_idx').on('tags').unique().expression(sql`lower(name)`).execute();

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

  if (!isSqlite(db)) return;
  await sql`create virtual table customers_fts using fts5(search_text, content='customers', content_rowid='rowid', tokenize='trigram')`.execute(db);
  await sql`create trigger customers_fts_insert after insert on customers begin
    insert into customers_fts (rowid, search_text) values (new.rowid, new.search_text);
  end`.execute(db);
  await sql`create trigger customers_fts_delete after delete on customers begin
    insert into customers_fts (customers_fts, rowid, search_text) values ('delete', old.rowid, old.search_text);
  end`.execute(db);
  // Only when the text changes: re-sending a customer as it is leaves the index untouched.
  await sql`create trigger customers_fts_update after update of search_text on customers
    when old.search_text is not new.search_text begin
    insert into customers_fts (customers_fts, rowid, search_text) values ('delete', old.rowid, old.search_text);
    insert into customers_fts (rowid, search_text) values (new.rowid, new.search_text);
  end`.execute(db);
  await sql`insert into customers_fts (customers_fts) values ('rebuild')`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  if (isSqlite(db)) {
    for (const trigger of ['customers_fts_insert', 'customers_fts_delete', 'customers_fts_update']) {
      await sql`drop trigger if exists ${sql.raw(trigger)}`.execute(db);
    }
    await sql`drop table if exists customers_fts`.execute(db);
  }
  await db.deleteFrom('segments').where('kind', '=', 'rfm').execute();
  await db.schema.dropIndex('tags_name_lower_idx').ifExists().execute();
  await db.schema.alterTable('idempotency_keys').dropColumn('ref').execute();
}
