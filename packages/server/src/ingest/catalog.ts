/**
 * Products and categories named by events (order lines, product views): created when new, named when
 * they only had a placeholder name, and put in the given category. A batch collects its mentions in a
 * {@link CatalogMentions} and writes them with one multi-row upsert per table ({@link CatalogMentions.flush});
 * merging the mentions first gives the rows the same values as upserting each mention in turn. Sales
 * statistics are not touched here (aggregate/stats-delta.ts moves them by each batch's delta).
 * @module
 */
import { sql } from 'kysely';
import type { Db } from '../db/connect.js';
import { slices } from './row-slices.js';

export interface CatalogMention {
  productId: string;
  /** A real name (or line text); when absent a new product is named by its id, a placeholder. */
  name?: string | undefined;
  categoryId?: string | undefined;
  categoryName?: string | undefined;
}

interface ProductMention {
  /** The first real name mentioned (a name equal to the id is a placeholder). */
  name: string | undefined;
  /** The last category mentioned. */
  categoryId: string | undefined;
  /** The currency of the first mention (a new product's `currency`). */
  currency: string;
}

/** A batch's catalogue mentions, merged, until written. */
export class CatalogMentions {
  /** Category id → the last name given (undefined: only mentioned by id). */
  private readonly categories = new Map<string, string | undefined>();
  private readonly products = new Map<string, ProductMention>();

  /** Adds mentions (in event order) of products sold or viewed in `currency`. */
  add(mentions: readonly CatalogMention[], currency: string): void {
    for (const m of mentions) {
      if (m.categoryId) this.categories.set(m.categoryId, m.categoryName ?? this.categories.get(m.categoryId));
      const seen = this.products.get(m.productId);
      const name = m.name !== undefined && m.name !== m.productId ? m.name : undefined;
      this.products.set(m.productId, {
        name: seen?.name ?? name,
        categoryId: m.categoryId ?? seen?.categoryId,
        currency: seen?.currency ?? currency,
      });
    }
  }

  /** Upserts the merged categories, then products (replay-safe, keyed by id), and forgets them. */
  async flush(db: Db): Promise<void> {
    const named = [...this.categories].filter(([, name]) => name !== undefined).map(([id, name]) => ({ id, name: name!, parent_id: null }));
    const bare = [...this.categories].filter(([, name]) => name === undefined).map(([id]) => ({ id, name: id, parent_id: null }));
    const products = [...this.products].map(([id, p]) => ({
      id,
      name: p.name ?? id,
      category_id: p.categoryId ?? null,
      lines_sold: 0,
      units_sold: 0,
      revenue_minor: 0,
      guest_lines: 0,
      guest_units: 0,
      guest_revenue_minor: 0,
      currency: p.currency,
    }));
    this.categories.clear();
    this.products.clear();
    for (const rows of slices(named, 3)) {
      await db
        .insertInto('categories')
        .values(rows)
        .onConflict((oc) => oc.column('id').doUpdateSet((eb) => ({ name: eb.ref('excluded.name') })))
        .execute();
    }
    for (const rows of slices(bare, 3)) {
      await db
        .insertInto('categories')
        .values(rows)
        .onConflict((oc) => oc.column('id').doNothing())
        .execute();
    }
    for (const rows of slices(products, 10)) {
      await db
        .insertInto('products')
        .values(rows)
        .onConflict((oc) =>
          oc.column('id').doUpdateSet({
            // A real name replaces a placeholder (name = id) but never another real name.
            name: sql<string>`case when products.name = products.id then excluded.name else products.name end`,
            category_id: sql<string | null>`coalesce(excluded.category_id, products.category_id)`,
          }),
        )
        .execute();
    }
  }
}
