/**
 * Maps Refine's filters and sorters to the query of GET /customers (docs/api.md, customer search).
 *
 * Filters (`field` `operator` → API parameter; values that are `undefined`, `null`, `''` or `[]`
 * are skipped, which is how Refine clears a filter):
 *
 * | field | operators | API parameter |
 * | --- | --- | --- |
 * | `q`, `name`, `email`, `phone` | `contains`, `eq` | `q`: free text — a substring of name or email, phone digits, or an exact customer id or order number |
 * | `id` | `eq` | `q` (an exact id matches) |
 * | `country` | `eq` | `country` (exact) |
 * | `segment`, `tier`, `tag` | `eq` | same name (`rfm:champions`, `gold`, a tag id or name) |
 * | `registeredAt`, `lastPurchaseAt` | `gte`, `lte`, `between` ([from, to]) | `registeredFrom/To`, `lastPurchaseFrom/To` (`YYYY-MM-DD`, inclusive; a Date or anything with `toISOString()` is cut to its UTC day) |
 * | `lifetimeValue` | `gte`, `lte`, `between` | `clvMin`, `clvMax` (major units, inclusive) |
 * | `totalOrders` | `gte`, `lte`, `between` | `ordersMin`, `ordersMax` (inclusive) |
 *
 * `and` groups are flattened; `or` groups, other fields and other operators throw a
 * {@link C360RefineError} (status 400) naming the supported ones — the API cannot express them and
 * a silently dropped filter would show the wrong customers.
 *
 * Sorters: one at most — `name` asc, `id` asc, `lifetimeValue` asc or desc, `lastPurchaseAt` desc,
 * `totalOrders` desc; none means the API's default (`name`).
 * @module
 */
import type { CrudFilter, CrudSort, LogicalFilter } from '@refinedev/core';
import type { CustomerSearchQuery, CustomerSort } from '../schemas/customer.js';
import { C360RefineError } from './errors.js';

/** The filter part of a customer search: everything but `sort`, `limit` and `cursor`. */
export type CustomerFilterQuery = Omit<CustomerSearchQuery, 'sort' | 'limit' | 'cursor'>;

const TEXT_FIELDS = ['q', 'name', 'email', 'phone'];
const EXACT_FIELDS = { country: 'country', segment: 'segment', tier: 'tier', tag: 'tag' } as const;
const RANGE_FIELDS = {
  registeredAt: { min: 'registeredFrom', max: 'registeredTo', kind: 'date' },
  lastPurchaseAt: { min: 'lastPurchaseFrom', max: 'lastPurchaseTo', kind: 'date' },
  lifetimeValue: { min: 'clvMin', max: 'clvMax', kind: 'number' },
  totalOrders: { min: 'ordersMin', max: 'ordersMax', kind: 'number' },
} as const;

/** Refine sorter (`field:order`) → the API's `sort`. */
const SORTS: Record<string, CustomerSort> = {
  'name:asc': 'name',
  'id:asc': 'id',
  'lifetimeValue:asc': 'lifetimeValue',
  'lifetimeValue:desc': '-lifetimeValue',
  'lastPurchaseAt:desc': '-lastPurchaseAt',
  'totalOrders:desc': '-totalOrders',
};

/** Human list of what can be filtered, for error messages. */
export const SUPPORTED_FILTERS =
  'q/name/email/phone (contains, eq), id (eq), country/segment/tier/tag (eq), registeredAt/lastPurchaseAt/lifetimeValue/totalOrders (gte, lte, between)';

const isEmpty = (value: unknown) => value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);

function unsupported(filter: LogicalFilter | CrudFilter, why: string): never {
  const field = 'field' in filter ? filter.field : (filter.key ?? filter.operator);
  throw new C360RefineError(`c360 data provider: cannot filter customers by ${why}; supported: ${SUPPORTED_FILTERS}`, 400, {
    errors: { [String(field)]: why },
  });
}

/** `YYYY-MM-DD` of a date filter value: a string as given, a Date (or dayjs, …) as its UTC day. */
function dateValue(value: unknown): string {
  if (typeof value === 'object' && value !== null && typeof (value as { toISOString?: unknown }).toISOString === 'function') {
    return (value as { toISOString(): string }).toISOString().slice(0, 10);
  }
  return String(value);
}

/** A number filter value; a numeric string is accepted (a form field's value). */
function numberValue(filter: LogicalFilter, value: unknown): number {
  const n = typeof value === 'number' ? value : Number(String(value).trim());
  if (String(value).trim() === '' || !Number.isFinite(n))
    unsupported(filter, `${filter.field} with the non-numeric value ${JSON.stringify(value)}`);
  return n;
}

function applyLogical(query: Record<string, unknown>, filter: LogicalFilter): void {
  const { field, operator, value } = filter;
  if (isEmpty(value)) return;
  if (TEXT_FIELDS.includes(field) || field === 'id') {
    const allowed = field === 'id' ? ['eq'] : ['eq', 'contains'];
    if (!allowed.includes(operator)) unsupported(filter, `${field} ${operator}`);
    query.q = String(value);
    return;
  }
  if (field in EXACT_FIELDS) {
    if (operator !== 'eq') unsupported(filter, `${field} ${operator}`);
    query[EXACT_FIELDS[field as keyof typeof EXACT_FIELDS]] = String(value);
    return;
  }
  if (field in RANGE_FIELDS) {
    const range = RANGE_FIELDS[field as keyof typeof RANGE_FIELDS];
    const convert = (v: unknown) => (range.kind === 'date' ? dateValue(v) : numberValue(filter, v));
    if (operator === 'gte') query[range.min] = convert(value);
    else if (operator === 'lte') query[range.max] = convert(value);
    else if (operator === 'between' && Array.isArray(value) && value.length === 2) {
      if (!isEmpty(value[0])) query[range.min] = convert(value[0]);
      if (!isEmpty(value[1])) query[range.max] = convert(value[1]);
    } else unsupported(filter, `${field} ${operator}${operator === 'between' ? ' (needs [from, to])' : ''}`);
    return;
  }
  unsupported(filter, `the field "${field}"`);
}

/** The API filters of Refine `filters`; throws a {@link C360RefineError} for what the API cannot express. */
export function toCustomerFilters(filters: readonly CrudFilter[] = []): CustomerFilterQuery {
  const query: Record<string, unknown> = {};
  const visit = (filter: CrudFilter) => {
    if ('field' in filter) applyLogical(query, filter);
    else if (filter.operator === 'and') filter.value.forEach(visit);
    else unsupported(filter, 'an "or" group (the API combines every filter with AND)');
  };
  filters.forEach(visit);
  return query as CustomerFilterQuery;
}

/** The API `sort` of Refine `sorters` (undefined: the API's default, by name). */
export function toCustomerSort(sorters: readonly CrudSort[] = []): CustomerSort | undefined {
  if (sorters.length === 0) return undefined;
  const supported = Object.keys(SORTS).join(', ');
  if (sorters.length > 1) {
    throw new C360RefineError(
      `c360 data provider: customers sort by one field at a time (got ${sorters.length}); supported: ${supported}`,
      400,
    );
  }
  const [sorter] = sorters as [CrudSort];
  const sort = SORTS[`${sorter.field}:${sorter.order}`];
  if (!sort) {
    throw new C360RefineError(
      `c360 data provider: cannot sort customers by ${sorter.field} ${sorter.order}; supported: ${supported}`,
      400,
      {
        errors: { [sorter.field]: `cannot sort ${sorter.order}` },
      },
    );
  }
  return sort;
}
