/**
 * A Refine data provider over the c360 API, through the SDK client. Resources:
 *
 * - `customers` — `getList` (GET /customers: `useTable`/`useList` page, sort and filter; records are
 *   `CustomerSummary` rows `{id, name, email, phone, country, currency, lifetimeValue, totalOrders,
 *   lastPurchaseAt, matchedOrderNumber, healthScore, churnRisk}`, money in major units of
 *   `currency`, scores 0–100 — one request per list page), `getMany` (the same rows for the given
 *   ids in ONE request, GET /customers?ids=a,b,c, in the order asked; unknown ids are left out) and
 *   `getOne` (GET /customers/:id/360: the {@link Customer360Record}, the 360 summary plus `id`).
 * - `segments`, `tags` — `getList` of every segment (`Segment`) or tag (`TagSummary`), for
 *   `useSelect` in filter forms; paged in memory, no filters or sorters.
 * - Writes (`create`, `update`, `deleteOne`) of notes, tags, segments and customers' tag and
 *   segment memberships: see writes.ts. `custom` calls any endpoint (`url` under the API's base,
 *   `method`, `query`, `payload`, `headers`; `filters`/`sorters` as for customers).
 *
 * Filters and sorters: see customer-query.ts. Pagination: `currentPage` (1-based) and `pageSize`
 * (1–100) in the default `server` mode, mapped to keyset cursors by cursor-pager.ts; modes `off`
 * and `client` fetch every matching customer. `total` is the API's count of all matches.
 * Errors reach Refine as {@link C360RefineError} (`statusCode`, `message`, `errors` per field).
 * @module
 */
import type { BaseKey, BaseRecord, DataProvider, GetListParams, MetaQuery, Pagination } from '@refinedev/core';
import type { BaseKey as Key, CustomParams } from '@refinedev/core';
import { createClient, type C360Client, type ClientOptions } from '../client.js';
import type { CustomerSummary } from '../schemas/customer.js';
import type { Customer360 } from '../schemas/customer.js';
import { C360RefineError, toRefineError } from './errors.js';
import { toCustomerFilters, toCustomerSort } from './customer-query.js';
import { CursorPager, MAX_LIMIT } from './cursor-pager.js';
import { createRecord, deleteRecord, notWritable, updateRecord } from './writes.js';

/** What `getOne`/`getMany` of `customers` return: GET /customers/:id/360 with the customer's `id` on top. */
export type Customer360Record = Customer360 & { id: string };

/** The resources this provider reads. */
export const C360_RESOURCES = ['customers', 'segments', 'tags'] as const;

export interface C360DataProviderOptions {
  /** How many distinct customer queries (filters + sort) keep their page cursors (default 50). */
  cursorCacheSize?: number;
}

/**
 * The provider, plus `clearCursors()` to forget remembered page cursors after the data changed, its
 * SDK `client`, and `onCustomersListed(listener)`: called with the ids of every customers page it
 * returns (how {@link c360LiveProvider} follows the customers a list shows); returns the unsubscriber.
 */
export type C360DataProvider = DataProvider & {
  clearCursors(): void;
  readonly client: C360Client;
  onCustomersListed(listener: (ids: string[]) => void): () => void;
};

const DEFAULT_PAGE_SIZE = 10;

/** The abort signal Refine's query passes in `meta.queryContext`, as a fetch `init`. */
function initOf(meta: MetaQuery | undefined): RequestInit | undefined {
  const signal = meta?.queryContext?.signal;
  return signal ? { signal } : undefined;
}

function unknownResource(resource: string): never {
  throw new C360RefineError(`c360 data provider: unknown resource "${resource}"; it serves ${C360_RESOURCES.join(', ')}`, 404);
}

/** Page number and size of Refine's `pagination`, checked against the API's limits. */
function pageOf(pagination: Pagination | undefined): { currentPage: number; pageSize: number } {
  const currentPage = pagination?.currentPage ?? 1;
  const pageSize = pagination?.pageSize ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(currentPage) || currentPage < 1) {
    throw new C360RefineError(`c360 data provider: currentPage must be a whole number ≥ 1 (got ${currentPage})`, 400, {
      errors: { currentPage: 'must be ≥ 1' },
    });
  }
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > MAX_LIMIT) {
    throw new C360RefineError(`c360 data provider: pageSize must be 1–${MAX_LIMIT} (got ${pageSize})`, 400, {
      errors: { pageSize: `must be 1–${MAX_LIMIT}` },
    });
  }
  return { currentPage, pageSize };
}

/** A whole small list (segments, tags) as a Refine page; filters and sorters are refused. */
function wholeList<T>(items: T[], params: GetListParams): { data: T[]; total: number } {
  if (params.filters?.length || params.sorters?.length) {
    throw new C360RefineError(`c360 data provider: "${params.resource}" is listed whole, without filters or sorters`, 400);
  }
  if (params.pagination?.mode && params.pagination.mode !== 'server') return { data: items, total: items.length };
  const { currentPage, pageSize } = pageOf(params.pagination);
  return { data: items.slice((currentPage - 1) * pageSize, currentPage * pageSize), total: items.length };
}

/**
 * Creates the provider from an SDK client or the options to make one.
 *
 * @example
 * import { Refine } from '@refinedev/core';
 * import { c360DataProvider } from '@c360/sdk/refine';
 * <Refine dataProvider={c360DataProvider({ baseUrl: '/api', token })} resources={[{ name: 'customers', list: '/customers', show: '/customers/:id' }]} />
 */
export function c360DataProvider(source: C360Client | ClientOptions, options: C360DataProviderOptions = {}): C360DataProvider {
  const client = 'searchCustomers' in source ? source : createClient(source);
  const pager = new CursorPager(options.cursorCacheSize);
  const listed = new Set<(ids: string[]) => void>();
  const announce = (rows: { id: string }[]) => {
    const ids = rows.map((r) => r.id);
    for (const listener of listed) listener(ids);
  };

  async function getList(params: GetListParams): Promise<{ data: BaseRecord[]; total: number }> {
    const init = initOf(params.meta);
    switch (params.resource) {
      case 'customers': {
        const query = { ...toCustomerFilters(params.filters), sort: toCustomerSort(params.sorters) };
        const search = (q: Parameters<C360Client['searchCustomers']>[0]) => client.searchCustomers(q, init);
        const mode = params.pagination?.mode ?? 'server';
        if (mode !== 'server') {
          const all = await pager.all(search, query);
          announce(all.items);
          return { data: all.items, total: all.total };
        }
        const { currentPage, pageSize } = pageOf(params.pagination);
        const page = await pager.page(search, query, (currentPage - 1) * pageSize, pageSize);
        announce(page.items);
        return { data: page.items, total: page.total };
      }
      case 'segments':
        return wholeList((await client.getSegments(init)).segments, params);
      case 'tags':
        return wholeList((await client.getTags(init)).tags, params);
      default:
        return unknownResource(params.resource);
    }
  }

  async function getCustomer(resource: string, id: BaseKey, meta: MetaQuery | undefined): Promise<Customer360Record> {
    if (resource !== 'customers') {
      if ((C360_RESOURCES as readonly string[]).includes(resource)) {
        throw new C360RefineError(`c360 data provider: "${resource}" has no single-record view; list it instead`, 400);
      }
      return unknownResource(resource);
    }
    const view = await client.getCustomer360(String(id), initOf(meta));
    return { id: view.profile.id, ...view };
  }

  /** The summary rows of `ids` (GET /customers?ids=…, one request per 100 ids), in the order asked. */
  async function getManyCustomers(resource: string, ids: Key[], meta: MetaQuery | undefined): Promise<CustomerSummary[]> {
    if (resource !== 'customers') return unknownResource(resource);
    const wanted = [...new Set(ids.map(String))];
    const rows = new Map<string, CustomerSummary>();
    for (let i = 0; i < wanted.length; i += MAX_LIMIT) {
      const chunk = wanted.slice(i, i + MAX_LIMIT);
      const page = await client.searchCustomers({ ids: chunk.join(','), limit: chunk.length }, initOf(meta));
      for (const row of page.items) rows.set(row.id, row);
    }
    return wanted.flatMap((id) => rows.get(id) ?? []);
  }

  /** `custom`: any endpoint under the API's base URL (see the module docs). */
  async function custom(params: CustomParams): Promise<{ data: unknown }> {
    const base = client.baseUrl.replace(/\/+$/, '');
    const url = params.url.startsWith(base) ? params.url.slice(base.length) : params.url;
    if (/^[a-z]+:\/\//i.test(url)) {
      throw new C360RefineError(`c360 data provider: custom calls stay on the c360 API (${base}); got ${params.url}`, 400, {
        errors: { url: 'not under the API base URL' },
      });
    }
    const [path, search = ''] = url.split('?') as [string, string?];
    const query: Record<string, string> = Object.fromEntries(new URLSearchParams(search));
    const sort = toCustomerSort(params.sorters);
    const mapped: Record<string, unknown> = {
      ...toCustomerFilters(params.filters),
      ...(sort ? { sort } : {}),
      ...(params.query as Record<string, unknown> | undefined),
    };
    for (const [key, value] of Object.entries(mapped)) if (value !== undefined && value !== null) query[key] = String(value);
    const data = await client.call(params.method, path, { query, body: params.payload, headers: params.headers }, initOf(params.meta));
    return { data };
  }

  /** Runs `work`, handing Refine its errors in Refine's shape. */
  const refined = <T>(work: () => Promise<T>): Promise<T> => work().catch((error: unknown) => Promise.reject(toRefineError(error)));

  // Refine types the methods generic in the record type; the records are the API's, hence the casts.
  const provider: C360DataProvider = {
    getApiUrl: () => client.baseUrl,
    getList: (params) => refined(() => getList(params)) as never,
    getOne: ({ resource, id, meta }) => refined(async () => ({ data: await getCustomer(resource, id, meta) })) as never,
    getMany: ({ resource, ids, meta }) => refined(async () => ({ data: await getManyCustomers(resource, ids, meta) })) as never,
    create: ({ resource, variables, meta }) =>
      refined(async () => ({ data: await createRecord(client, resource, variables as never, meta, initOf(meta)) })) as never,
    update: ({ resource, id, variables, meta }) =>
      refined(async () => ({ data: await updateRecord(client, resource, id, variables as never, initOf(meta)) })) as never,
    deleteOne: ({ resource, id, variables, meta }) =>
      refined(async () => ({ data: await deleteRecord(client, resource, id, variables as never, meta, initOf(meta)) })) as never,
    createMany: ({ resource }) => refined(async () => notWritable('createMany', resource)),
    updateMany: ({ resource }) => refined(async () => notWritable('updateMany', resource)),
    deleteMany: ({ resource }) => refined(async () => notWritable('deleteMany', resource)),
    custom: (params) => refined(() => custom(params)) as never,
    clearCursors: () => pager.clear(),
    client,
    onCustomersListed: (listener) => {
      listed.add(listener);
      return () => listed.delete(listener);
    },
  };
  return provider;
}
