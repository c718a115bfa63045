/**
 * @c360/sdk/refine — a read-only Refine data provider for c360 (`useTable`, `useList`, `useOne`,
 * `useSelect` over the c360 API). Needs `@refinedev/core` 5 in the host (types only: this module has
 * no runtime dependency on Refine).
 * @module
 */
export { c360DataProvider, C360_RESOURCES, type C360DataProvider, type C360DataProviderOptions, type Customer360Record } from './data-provider.js';
export { toCustomerFilters, toCustomerSort, SUPPORTED_FILTERS, type CustomerFilterQuery } from './customer-query.js';
export { C360RefineError } from './errors.js';
