/**
 * Products and categories named by events (order lines, product views): created when new, named when
 * they only had a placeholder name, and put in the given category. Sales statistics are not touched
 * here (aggregate/stats-delta.ts moves them by each batch's delta).
 * @module
 */
import { sql } from 'kysely';
import type { Db } from '../db/connect.js';

export interface CatalogMention {
  productId: string;
  /** A real name (or line text); when absent a new product is named by its id, a placeholder. */
  name?: string;
  categoryId?: string;
  categoryName?: string;
}

/** Upserts the mentioned categories, then products, keyed by their ids (replay-safe). */
export async function upsertCatalog(db: Db, mentions: readonly CatalogMention[], currency: string): Promise<void> {
  const categories = new Map<string, string | undefined>();
  for (const m of mentions) if (m.categoryId) categories.set(m.categoryId, m.categoryName ?? categories.get(m.categoryId));
  for (const [id, name] of categories) {
    await db
      .insertInto('categories')
      .values({ id, name: name ?? id, parent_id: null })
      .onConflict((oc) => (name === undefined ? oc.column('id').doNothing() : oc.column('id').doUpdateSet({ name })))
      .execute();
  }

  const products = new Map<string, CatalogMention>();
  for (const m of mentions) {
    const seen = products.get(m.productId);
    products.set(m.productId, { productId: m.productId, name: seen?.name ?? m.name, categoryId: m.categoryId ?? seen?.categoryId });
  }
  if (products.size === 0) return;
  // one statement for the order's products (ids are distinct: an upsert may touch each row once)
  await db
    .insertInto('products')
    .values(
      [...products.values()].map((p) => ({
        id: p.productId,
        name: p.name ?? p.productId,
        category_id: p.categoryId ?? null,
        lines_sold: 0,
        units_sold: 0,
        revenue_minor: 0,
        guest_lines: 0,
        guest_units: 0,
        guest_revenue_minor: 0,
        currency,
      })),
    )
    .onConflict((oc) =>
      oc.column('id').doUpdateSet({
        // A real name replaces a placeholder (name = id) but never another real name.
        name: sql<string>`case when products.name = products.id then excluded.name else products.name end`,
        category_id: sql<string | null>`coalesce(excluded.category_id, products.category_id)`,
      }),
    )
    .execute();
}
