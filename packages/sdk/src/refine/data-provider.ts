/**
 * A Refine data provider over the c360 API, through the SDK client. Read-only; resources:
 *
 * - `customers` — `getList` (GET /customers: `useTable`/`useList` page, sort and filter; records are
 *   `CustomerSummary` rows `{id, name, email, phone, country, currency, lifetimeValue, totalOrders,
 *   lastPurchaseAt, matchedOrderNumber}`, money in major units of `currency`), `getOne` and `getMany`
 *   (GET /customers/:id/360: the {@link Customer360Record}, the 360 summary plus `id`).
 * - `segments`, `tags` — `getList` of every segment (`Segment`) or tag (`TagSummary`), for
 *   `useSelect` in filter forms; paged in memory, no filters or sorters.
 *
 * Filters and sorters: see customer-query.ts. Pagination: `currentPage` (1-based) and `pageSize`
 * (1–100) in the default `server` mode, mapped to keyset cursors by cursor-pager.ts; modes `off`
 * and `client` fetch every matching customer. `total` is the API's count of all matches.
 * Errors reach Refine as {@link C360RefineError} (`statusCode`, `message`, `errors` per field).
 * @module
 */
import type { BaseKey, BaseRecord, DataProvider, GetListParams, MetaQuery, Pagination } from '@refinedev/core';
import { createClient, type C360Client, type ClientOptions } from '../client.js';
import type { Customer360 } from '../schemas/customer.js';
import { C360RefineError, toRefineError } from './errors.js';
import { toCustomerFilters, toCustomerSort } from './customer-query.js';
import { CursorPager, MAX_LIMIT } from './cursor-pager.js';

/** What `getOne`/`getMany` of `customers` return: GET /customers/:id/360 with the customer's `id` on top. */
export type Customer360Record = Customer360 & { id: string };

/** The resources this provider serves. */
export const C360_RESOURCES = ['customers', 'segments', 'tags'] as const;

export interface C360DataProviderOptions {
  /** How many distinct customer queries (filters + sort) keep their page cursors (default 50). */
  cursorCacheSize?: number;
}

/** The provider, plus `clearCursors()` to forget remembered page cursors after the data changed. */
export type C360DataProvider = DataProvider & { clearCursors(): void };

const DEFAULT_PAGE_SIZE = 10;

/** The abort signal Refine's query passes in `meta.queryContext`, as a fetch `init`. */
function initOf(meta: MetaQuery | undefined): RequestInit | undefined {
  const signal = meta?.queryContext?.signal;
  return signal ? { signal } : undefined;
}

function unknownResource(resource: string): never {
  throw new C360RefineError(`c360 data provider: unknown resource "${resource}"; it serves ${C360_RESOURCES.join(', ')}`, 404);
}

function readOnly(operation: string, resource: string): never {
  throw new C360RefineError(
    `c360 data provider is read-only: ${operation} on "${resource}" is not supported (change customers through the elements' actions or the c360 API)`,
    405,
  );
}

/** Page number and size of Refine's `pagination`, checked against the API's limits. */
function pageOf(pagination: Pagination | undefined): { currentPage: number; pageSize: number } {
  const currentPage = pagination?.currentPage ?? 1;
  const pageSize = pagination?.pageSize ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(currentPage) || currentPage < 1) {
    throw new C360RefineError(`c360 data provider: currentPage must be a whole number ≥ 1 (got ${currentPage})`, 400, { errors: { currentPage: 'must be ≥ 1' } });
  }
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > MAX_LIMIT) {
    throw new C360RefineError(`c360 data provider: pageSize must be 1–${MAX_LIMIT} (got ${pageSize})`, 400, { errors: { pageSize: `must be 1–${MAX_LIMIT}` } });
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

  async function getList(params: GetListParams): Promise<{ data: BaseRecord[]; total: number }> {
    const init = initOf(params.meta);
    switch (params.resource) {
      case 'customers': {
        const query = { ...toCustomerFilters(params.filters), sort: toCustomerSort(params.sorters) };
        const search = (q: Parameters<C360Client['searchCustomers']>[0]) => client.searchCustomers(q, init);
        const mode = params.pagination?.mode ?? 'server';
        if (mode !== 'server') {
          const all = await pager.all(search, query);
          return { data: all.items, total: all.total };
        }
        const { currentPage, pageSize } = pageOf(params.pagination);
        const page = await pager.page(search, query, (currentPage - 1) * pageSize, pageSize);
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

  /** Runs `work`, handing Refine its errors in Refine's shape. */
  const refined = <T>(work: () => Promise<T>): Promise<T> => work().catch((error: unknown) => Promise.reject(toRefineError(error)));

  // Refine types the methods generic in the record type; the records are the API's, hence the casts.
  const provider: C360DataProvider = {
    getApiUrl: () => client.baseUrl,
    getList: (params) => refined(() => getList(params)) as never,
    getOne: ({ resource, id, meta }) => refined(async () => ({ data: await getCustomer(resource, id, meta) })) as never,
    getMany: ({ resource, ids, meta }) => refined(async () => ({ data: await Promise.all(ids.map((id) => getCustomer(resource, id, meta))) })) as never,
    create: ({ resource }) => refined(async () => readOnly('create', resource)),
    createMany: ({ resource }) => refined(async () => readOnly('createMany', resource)),
    update: ({ resource }) => refined(async () => readOnly('update', resource)),
    updateMany: ({ resource }) => refined(async () => readOnly('updateMany', resource)),
    deleteOne: ({ resource }) => refined(async () => readOnly('deleteOne', resource)),
    deleteMany: ({ resource }) => refined(async () => readOnly('deleteMany', resource)),
    clearCursors: () => pager.clear(),
  };
  return provider;
}
