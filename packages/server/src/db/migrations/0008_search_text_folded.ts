/**
 * Accent-insensitive search (issue 10): `customers.search_text` becomes folded text — lower case
 * without accents — so "francois" finds "François" on both engines through the same index
 * (aggregate/search-text.ts writes it so from now on). This recomputes it for the customers
 * already stored, in pages; the engine's index follows (SQLite's triggers, PostgreSQL's GIN).
 *
 * The folding is spelt out here rather than imported: a migration never changes once released.
 */
import type { Kysely } from 'kysely';

const SEP = '\u001f';
const PAGE = 1000;
const fold = (text: string): string => text.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '');

export async function up(db: Kysely<any>): Promise<void> {
  let after = '';
  for (;;) {
    const rows: Array<{ id: string; name: string; email: string | null; phone: string | null; search_text: string }> = await db
      .selectFrom('customers')
      .select(['id', 'name', 'email', 'phone', 'search_text'])
      .where('id', '>', after)
      .orderBy('id')
      .limit(PAGE)
      .execute();
    for (const r of rows) {
      const folded = [fold(r.name), fold(r.email ?? ''), (r.phone ?? '').replace(/\D/g, '')].join(SEP);
      if (folded !== r.search_text) await db.updateTable('customers').set({ search_text: folded }).where('id', '=', r.id).execute();
    }
    if (rows.length < PAGE) return;
    after = rows.at(-1)!.id;
  }
}

/** Folded text stays valid search text (a superset of the old matches): nothing to undo. */
export async function down(): Promise<void> {}
