/**
 * GET /customers — search and filter (R15), keyset-paginated, with the total count.
 * `q` matches an exact customer id or order number, or a substring of the name, email or phone
 * (phone compared on digits only). Every result matches the query (design Property 10).
 *
 * Free text: substrings are found through the engine's trigram index over `search_text`
 * (migration 0002, db/dialects/), which yields a superset of the matching customers without a
 * scan; each candidate is then checked with the exact `LIKE` predicate, so the index never changes
 * what matches, only how fast. Trigrams need 3 characters: shorter queries use the `LIKE` scan alone.
 *
 * Filters `ids` (one page of known ids, e.g. Refine's getMany), `segment` (RFM, rule or manual
 * segment id), `tier`, `tag` (id or name), health and churn ranges combine with the others. RFM
 * membership is computed in SQL from `customer_stats` and the RFM breakpoints at the request's
 * as-of; rule and manual memberships are read from `segment_assignments`, and health and churn
 * from `customer_scores`, as last committed (a search never recomputes them; see
 * segments/recompute.ts). Sorting or filtering by health or churn lists scored customers only.
 *
 * Count: exact up to {@link SEARCH_COUNT_LIMIT}; beyond, `total` is that limit with
 * `totalIsEstimate` (the count stops early instead of visiting every match). Pages are keyset.
 * @module
 */
import { sql, type ExpressionBuilder, type RawBuilder, type SelectQueryBuilder } from 'kysely';
import { SEARCH_COUNT_LIMIT, type CustomerSearchPage, type CustomerSearchQuery, type CustomerSort } from '@c360/sdk';
import type { z } from 'zod';
import type { Db } from '../db/connect.js';
import { dialectOf, type EngineDialect } from '../db/dialects/index.js';
import type { Database } from '../db/schema.js';
import { minorToMajor } from '../scoring/money.js';
import { decodeCursor, encodeCursor } from '../core/cursor.js';
import { foldText, normaliseQuery, SEARCH_FIELD_SEPARATOR } from '../aggregate/search-text.js';
import type { EvalContext } from '../segments/facts.js';
import { memberOf, storedEvalContext } from '../segments/recompute.js';
import { rfmMemberSql, rfmSegmentName } from '../segments/rfm.js';

type Query = z.output<typeof CustomerSearchQuery>;
type From = Database & { c: Database['customers']; s: Database['customer_stats']; sc: Database['customer_scores'] };
type Tables = 'c' | 's' | 'sc';

/**
 * The sort key of each `sort` option: column, direction; ties broken by customer id ascending,
 * read from the sorted table (`tie`, equal to `c.id` through the inner join) so that the index
 * (key, customer_id) of that table — ascending, or descending on the key (migration 0012) — yields
 * the page in order without sorting a group of equal keys.
 */
const SORTS: Record<CustomerSort, { column: string; dir: 'asc' | 'desc'; tie: string }> = {
  name: { column: 'c.name', dir: 'asc', tie: 'c.id' },
  id: { column: 'c.id', dir: 'asc', tie: 'c.id' },
  '-lifetimeValue': { column: 'spent', dir: 'desc', tie: 's.customer_id' },
  lifetimeValue: { column: 'spent', dir: 'asc', tie: 's.customer_id' },
  '-lastPurchaseAt': { column: 'last_purchase', dir: 'desc', tie: 's.customer_id' },
  '-totalOrders': { column: 'orders_count', dir: 'desc', tie: 's.customer_id' },
  healthScore: { column: 'sc.health_score', dir: 'asc', tie: 'sc.customer_id' },
  '-healthScore': { column: 'sc.health_score', dir: 'desc', tie: 'sc.customer_id' },
  churnRisk: { column: 'sc.churn_score', dir: 'asc', tie: 'sc.customer_id' },
  '-churnRisk': { column: 'sc.churn_score', dir: 'desc', tie: 'sc.customer_id' },
};

/** Escapes LIKE wildcards; the pattern uses `\` as escape character. */
function likeContains(text: string): string {
  return `%${text.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
}

/**
 * Plain stats columns (every customer has its `customer_stats` row: the importer and ingestion
 * recompute the stats of every customer they create, in the same transaction), so SQLite can walk
 * `customer_stats_spent_idx` / `customer_stats_orders_idx` for the sort and the range filters.
 */
function sortExpr(column: string) {
  switch (column) {
    case 'spent':
      return sql<number>`s.total_spent_minor`;
    case 'last_purchase':
      return sql<string>`coalesce(s.last_completed_at, '')`; // null until a completed order
    case 'orders_count':
      return sql<number>`s.total_orders`;
    default:
      return sql.ref(column);
  }
}

/** Filters that need the database to be built (the engine's index, segment kind). */
interface Prepared {
  /** The engine's substring index (`select id …` for some fragments), or null without a query. */
  candidates: EngineDialect['searchCandidates'] | null;
  /** Membership condition of the `segment` filter, if any. */
  segment: RawBuilder<boolean> | null;
}

function applyFilters(qb: SelectQueryBuilder<From, Tables, object>, query: Query, prepared: Prepared) {
  let q = qb;
  const text = query.q ? normaliseQuery(query.q) : '';
  if (text) {
    const lower = foldText(text); // as search_text is folded: accents never decide a match
    const digits = text.replace(/\D/g, '');
    const phone = digits.length >= 4 && digits.length === text.replace(/[\s()+.-]/g, '').length;
    const indexed = prepared.candidates?.(phone && digits !== lower ? [lower, digits] : [lower]);
    if (indexed) {
      // Candidates: index hits on the text (or the phone digits), the exact id, owners of the order number.
      q = q.where(sql<boolean>`c.id in (
        ${indexed}
        union select cast(${text} as text)
        union select o.customer_id from orders o where o.number = ${text})`);
    }
    // The exact condition (on the index candidates only, when there are candidates).
    q = q.where((eb: ExpressionBuilder<From, Tables>) => {
      const ors = [
        eb('c.id', '=', text),
        eb(sql`c.search_text`, 'like', sql`${likeContains(lower)} escape '\\'`),
        // Owners of the order number: one uncorrelated list, not a lookup per scanned customer.
        eb('c.id', 'in', eb.selectFrom('orders as o').select('o.customer_id').where('o.number', '=', text)),
      ];
      if (phone) {
        // Phone digits are the third field: after both separators.
        const sep = SEARCH_FIELD_SEPARATOR;
        ors.push(eb(sql`c.search_text`, 'like', `%${sep}%${sep}%${digits}%`));
      }
      return eb.or(ors);
    });
  }
  if (query.ids) q = q.where('c.id', 'in', query.ids);
  if (prepared.segment) q = q.where(prepared.segment);
  if (query.tier) q = q.where(sql<boolean>`c.id in (select la.customer_id from loyalty_accounts la where la.tier = ${query.tier})`);
  if (query.tag) {
    q = q.where(sql<boolean>`c.id in (select ta.customer_id from tag_assignments ta join tags t on t.id = ta.tag_id
      where t.id = ${query.tag} or lower(t.name) = lower(${query.tag}))`);
  }
  if (query.country) q = q.where('c.country', '=', query.country);
  if (query.registeredFrom) q = q.where('c.registered_at', '>=', `${query.registeredFrom}T00:00:00.000Z`);
  if (query.registeredTo) q = q.where('c.registered_at', '<=', `${query.registeredTo}T23:59:59.999Z`);
  if (query.lastPurchaseFrom) q = q.where('s.last_completed_at', '>=', `${query.lastPurchaseFrom}T00:00:00.000Z`);
  if (query.lastPurchaseTo) q = q.where('s.last_completed_at', '<=', `${query.lastPurchaseTo}T23:59:59.999Z`);
  // Money filters compare minor units; the API takes major units (GBP: ×100).
  if (query.clvMin !== undefined) q = q.where('s.total_spent_minor', '>=', Math.round(query.clvMin * 100));
  if (query.clvMax !== undefined) q = q.where('s.total_spent_minor', '<=', Math.round(query.clvMax * 100));
  if (query.ordersMin !== undefined) q = q.where('s.total_orders', '>=', query.ordersMin);
  if (query.ordersMax !== undefined) q = q.where('s.total_orders', '<=', query.ordersMax);
  if (query.healthMin !== undefined) q = q.where('sc.health_score', '>=', query.healthMin);
  if (query.healthMax !== undefined) q = q.where('sc.health_score', '<=', query.healthMax);
  if (query.churnMin !== undefined) q = q.where('sc.churn_score', '>=', query.churnMin);
  if (query.churnMax !== undefined) q = q.where('sc.churn_score', '<=', query.churnMax);
  return q;
}

/** The evaluation context of segment memberships: the caller's, else the one they were computed with. */
async function segmentContext(db: Db, ctx: EvalContext | undefined): Promise<EvalContext> {
  if (ctx) return ctx;
  const stored = await storedEvalContext(db);
  if (stored) return stored;
  const asOf = await db.selectFrom('meta').select('value').where('key', '=', 'dataset_as_of').executeTakeFirst();
  return { asOf: asOf?.value ? new Date(asOf.value) : new Date() };
}

/** The membership condition of the `segment` filter; an unknown segment matches nobody. */
async function segmentFilter(db: Db, segmentId: string, ctx: EvalContext | undefined): Promise<RawBuilder<boolean>> {
  const segment = await db.selectFrom('segments').select(['id', 'kind', 'name']).where('id', '=', segmentId).executeTakeFirst();
  if (!segment) return sql<boolean>`0 = 1`;
  if (segment.kind === 'rfm') {
    const name = rfmSegmentName(segment.id);
    return name ? rfmMemberSql(db, (await segmentContext(db, ctx)).asOf, name) : sql<boolean>`0 = 1`;
  }
  return memberOf(segment.id);
}

/** A search ready to run: its filtered base query and its sort. */
interface Plan {
  base: SelectQueryBuilder<From, Tables, object>;
  /** The same matches joined only to what the filters read (the count needs no sort key or row). */
  countBase: SelectQueryBuilder<From, Tables, object>;
  sort: (typeof SORTS)[CustomerSort];
  key: ReturnType<typeof sortExpr>;
}

async function plan(db: Db, query: Query, ctx: EvalContext | undefined, options: { walkSortOrder?: boolean } = {}): Promise<Plan> {
  const prepared: Prepared = {
    // Without the index's hits the exact condition alone decides (the same matches): see searchCustomers.
    candidates: query.q && !options.walkSortOrder ? (fragments) => dialectOf(db).searchCandidates(fragments) : null,
    segment: query.segment ? await segmentFilter(db, query.segment, ctx) : null,
  };
  const sort = SORTS[query.sort];
  const key = sortExpr(sort.column);
  // Scores are joined inner when they order or filter (so the planner may walk their index), else left.
  const byScores =
    sort.column.startsWith('sc.') || [query.healthMin, query.healthMax, query.churnMin, query.churnMax].some((v) => v !== undefined);
  const customers = (db as unknown as import('kysely').Kysely<From>).selectFrom('customers as c');
  const joined = customers.innerJoin('customer_stats as s', 's.customer_id', 'c.id');
  const base = applyFilters(
    (byScores
      ? joined.innerJoin('customer_scores as sc', 'sc.customer_id', 'c.id')
      : joined.leftJoin('customer_scores as sc', 'sc.customer_id', 'c.id')) as unknown as SelectQueryBuilder<From, Tables, object>,
    query,
    prepared,
  );
  // The count joins customer_stats only when a filter reads it (every customer has its stats row, so
  // the join never removes anyone) and the scores only when a score filter does.
  const scoreFilter = [query.healthMin, query.healthMax, query.churnMin, query.churnMax].some((v) => v !== undefined);
  const statsFilter =
    prepared.segment !== null ||
    [query.lastPurchaseFrom, query.lastPurchaseTo, query.clvMin, query.clvMax, query.ordersMin, query.ordersMax].some(
      (v) => v !== undefined,
    );
  const counted = statsFilter ? joined : customers;
  const countBase = applyFilters(
    (onlyStatsOrScores(query)
      ? statsOrScores(db, statsFilter, scoreFilter)
      : scoreFilter
        ? (counted as typeof joined).innerJoin('customer_scores as sc', 'sc.customer_id', 'c.id')
        : counted) as unknown as SelectQueryBuilder<From, Tables, object>,
    query,
    prepared,
  );
  return { base, countBase, sort, key };
}

/** Does the query filter on stats or score ranges and nothing else (no text, ids, segment, customer column)? */
function onlyStatsOrScores(query: Query): boolean {
  const other = [query.q, query.ids, query.segment, query.tier, query.tag, query.country, query.registeredFrom, query.registeredTo];
  const ranges = [
    ...[query.lastPurchaseFrom, query.lastPurchaseTo, query.clvMin, query.clvMax, query.ordersMin, query.ordersMax],
    ...[query.healthMin, query.healthMax, query.churnMin, query.churnMax],
  ];
  return other.every((v) => v === undefined || v === '') && ranges.some((v) => v !== undefined);
}

/**
 * The count of a stats/score range search reads the stats or score table alone (every row of them
 * belongs to a customer): the range is then a walk of one covering index, without a lookup of the
 * customer per match.
 */
function statsOrScores(db: Db, stats: boolean, scores: boolean) {
  const from = db as unknown as import('kysely').Kysely<From>;
  if (!stats) return from.selectFrom('customer_scores as sc');
  const s = from.selectFrom('customer_stats as s');
  return scores ? s.innerJoin('customer_scores as sc', 'sc.customer_id', 's.customer_id') : s;
}

/** Matches of a plan, counted up to `limit` (all when omitted). */
async function countPlan(db: Db, { countBase }: Plan, limit?: number): Promise<number> {
  const matches = countBase.select(sql`1`.as('one'));
  const { rows } = await sql<{ n: number }>`select count(*) as n from (${limit === undefined ? matches : matches.limit(limit)}) m`.execute(
    db,
  );
  return Number(rows[0]?.n ?? 0);
}

/** One keyset page of a plan: `limit` rows after `cursor`, and the cursor of the next page. */
async function pagePlan(db: Db, { base, sort, key }: Plan, query: Query): Promise<Pick<CustomerSearchPage, 'items' | 'nextCursor'>> {
  let page = base.select([
    'c.id',
    'c.name',
    'c.email',
    'c.phone',
    'c.country',
    'c.currency',
    's.total_spent_minor as spent',
    's.total_orders as orders_count',
    's.last_completed_at',
    'sc.health_score',
    'sc.churn_score',
    sql<string | number>`${key}`.as('sort_key'),
  ]);
  if (query.cursor) {
    const [value, id] = decodeCursor(query.cursor, 2) as [string | number, string];
    const [op, opEq] = sort.dir === 'asc' ? [sql`>`, sql`>=`] : [sql`<`, sql`<=`];
    const tie = sql.ref(sort.tie);
    // After (value, id): `key op value or (key = value and tie > id)`, with the range on `key` alone
    // spelt out so that SQLite walks the sort index from the cursor on.
    // By id, the bound is repeated on the joined tables' customer_id (equal through the joins): PostgreSQL
    // may merge-join the stats and scores by their primary keys, and without it would walk both from the
    // first customer on every page (a bulk export then grows with the square of the customers).
    page =
      sort.column === 'c.id'
        ? page.where(sql<boolean>`c.id > ${id} and s.customer_id > ${id} and (sc.customer_id > ${id} or sc.customer_id is null)`)
        : page.where(sql<boolean>`${key} ${opEq} ${value} and (${key} ${op} ${value} or ${tie} > ${id})`);
  }
  const rows = await page
    .orderBy(key, sort.dir)
    .orderBy(sql.ref(sort.tie), 'asc')
    .limit(query.limit + 1)
    .execute();
  const items = rows.slice(0, query.limit);
  const last = items.at(-1);

  const text = query.q ? normaliseQuery(query.q) : '';
  const orderMatches = text
    ? new Set((await db.selectFrom('orders').select('customer_id').where('number', '=', text).execute()).map((o) => o.customer_id))
    : new Set<string>();

  return {
    items: items.map((r) => ({
      id: r.id,
      name: r.name,
      email: r.email,
      phone: r.phone,
      country: r.country,
      currency: r.currency,
      lifetimeValue: minorToMajor(Number(r.spent), r.currency),
      totalOrders: Number(r.orders_count),
      lastPurchaseAt: r.last_completed_at,
      healthScore: r.health_score === null ? null : Number(r.health_score),
      churnRisk: r.churn_score === null ? null : Number(r.churn_score),
      matchedOrderNumber: text && orderMatches.has(r.id) ? text : null,
    })),
    nextCursor: rows.length > query.limit && last ? encodeCursor([last.sort_key, last.id]) : null,
  };
}

/**
 * Searches customers: one keyset page and the bounded count (exact up to
 * {@link SEARCH_COUNT_LIMIT}). `ctx` is the server's read context (as-of, health weights), used
 * by the `segment` filter; without it, the context segment memberships were last evaluated with.
 * `walkFrom`: text matches from which the page walks the sort order (default {@link WALK_SORT_ORDER_FROM};
 * tests lower it to compare both ways on a small data set).
 */
export async function searchCustomers(
  db: Db,
  query: Query,
  ctx?: EvalContext,
  { walkFrom = WALK_SORT_ORDER_FROM }: { walkFrom?: number } = {},
): Promise<CustomerSearchPage> {
  const p = await plan(db, query, ctx);
  // Bounded: stops after SEARCH_COUNT_LIMIT + 1 matches.
  const counted = await countPlan(db, p, SEARCH_COUNT_LIMIT + 1);
  // A text matching many customers: the page walks the sort order and checks each customer (about
  // limit × customers / matches rows) instead of sorting every index hit (linear in the matches).
  const walk = query.q !== undefined && query.q !== '' && counted >= walkFrom;
  const page = await pagePlan(db, walk ? await plan(db, query, ctx, { walkSortOrder: true }) : p, query);
  return { ...page, total: Math.min(counted, SEARCH_COUNT_LIMIT), totalIsEstimate: counted > SEARCH_COUNT_LIMIT };
}

/**
 * Text matches from which a page walks the sort order rather than the text index's hits: at 1M
 * customers, 3,000 matches (0.3 %) mean ~7,000 customers checked for a page of 20, about what sorting
 * the 3,000 hits costs; more matches, fewer customers to check.
 */
const WALK_SORT_ORDER_FROM = 3_000;

/** One keyset page of a search without any count (bulk export: pages after the first). */
export async function searchPage(db: Db, query: Query, ctx?: EvalContext): Promise<Pick<CustomerSearchPage, 'items' | 'nextCursor'>> {
  return pagePlan(db, await plan(db, query, ctx), query);
}

/** The exact number of customers a search matches (one count, linear in the matches: bulk export). */
export async function countCustomers(db: Db, query: Query, ctx?: EvalContext): Promise<number> {
  return countPlan(db, await plan(db, query, ctx));
}
