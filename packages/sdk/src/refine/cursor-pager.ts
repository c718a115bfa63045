/**
 * Page numbers over keyset cursors. GET /customers pages with opaque cursors (the last row's sort
 * key, independent of `limit`), while Refine asks for page N of size P, i.e. the rows from offset
 * (N − 1) × P. The pager remembers, per query (filters + sort), the cursor that starts each offset it
 * has seen; to reach an offset it starts from the nearest known one at or before it and walks
 * forward in hops of at most 100 rows (the API's largest `limit`), remembering every cursor on the
 * way. Going to the next page, back, or to any page seen before costs one request.
 *
 * Remembered offsets can drift when customers are added or removed between requests (keyset
 * cursors stay valid; the rows before them change): {@link CursorPager.clear} forgets them.
 * @module
 */
import type { CustomerSearchPage, CustomerSearchQuery } from '../schemas/customer.js';

/** The API's largest page (`limit` 1–100). */
export const MAX_LIMIT = 100;

/** Fetches one page of GET /customers (the SDK client's `searchCustomers`). */
export type SearchPage = (query: CustomerSearchQuery) => Promise<CustomerSearchPage>;

export class CursorPager {
  /** Query key → (offset → cursor that starts the rows at that offset); least recently used first. */
  private readonly queries = new Map<string, Map<number, string>>();

  /** @param maxQueries how many distinct queries (filters + sort) keep their cursors. */
  constructor(private readonly maxQueries = 50) {}

  /**
   * The `limit` rows from `offset` (0-based) of `query` (without `limit`/`cursor`), with the API's
   * `total`. Past the end: no items, and `total`.
   */
  async page(
    search: SearchPage,
    query: Omit<CustomerSearchQuery, 'limit' | 'cursor'>,
    offset: number,
    limit: number,
  ): Promise<CustomerSearchPage> {
    const cursors = this.cursorsOf(query);
    let at = 0;
    let cursor: string | undefined;
    for (const [known, value] of cursors) {
      if (known <= offset && known > at) [at, cursor] = [known, value];
    }
    while (at < offset) {
      const step = Math.min(MAX_LIMIT, offset - at);
      const hop = await search({ ...query, limit: step, cursor });
      if (!hop.nextCursor) return { items: [], total: hop.total, totalIsEstimate: hop.totalIsEstimate, nextCursor: null };
      at += step;
      cursor = hop.nextCursor;
      cursors.set(at, cursor);
    }
    const page = await search({ ...query, limit, cursor });
    if (page.nextCursor) cursors.set(offset + page.items.length, page.nextCursor);
    return page;
  }

  /** Every row of `query` (Refine's pagination mode `off` or `client`), in pages of {@link MAX_LIMIT}. */
  async all(search: SearchPage, query: Omit<CustomerSearchQuery, 'limit' | 'cursor'>): Promise<CustomerSearchPage> {
    const items: CustomerSearchPage['items'] = [];
    let cursor: string | undefined;
    for (;;) {
      const page = await search({ ...query, limit: MAX_LIMIT, cursor });
      items.push(...page.items);
      if (!page.nextCursor) return { items, total: page.total, totalIsEstimate: page.totalIsEstimate, nextCursor: null };
      cursor = page.nextCursor;
    }
  }

  /** Forgets every remembered cursor (after data changed, to get exact offsets again). */
  clear(): void {
    this.queries.clear();
  }

  private cursorsOf(query: object): Map<number, string> {
    const key = JSON.stringify(
      Object.entries(query)
        .filter(([, v]) => v !== undefined)
        .sort(([a], [b]) => (a < b ? -1 : 1)),
    );
    let cursors = this.queries.get(key);
    if (cursors) this.queries.delete(key);
    else cursors = new Map();
    this.queries.set(key, cursors);
    while (this.queries.size > this.maxQueries) this.queries.delete(this.queries.keys().next().value!);
    return cursors;
  }
}
