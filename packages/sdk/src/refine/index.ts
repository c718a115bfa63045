/**
 * @c360/sdk/refine — a Refine data provider and live provider for c360 (`useTable`, `useList`,
 * `useOne`, `useMany`, `useSelect`, `useCreate`/`useUpdate`/`useDelete` of notes, tags, segments and
 * memberships, `useCustom`, and `liveMode` over the change stream). Needs `@refinedev/core` 5 in the
 * host (types only: this module has no runtime dependency on Refine).
 * @module
 */
export {
  c360DataProvider,
  C360_RESOURCES,
  type C360DataProvider,
  type C360DataProviderOptions,
  type Customer360Record,
} from './data-provider.js';
export { c360LiveProvider, type C360LiveProviderOptions, type C360LiveSubscription } from './live-provider.js';
export { WRITABLE } from './writes.js';
export { toCustomerFilters, toCustomerSort, SUPPORTED_FILTERS, type CustomerFilterQuery } from './customer-query.js';
export { C360RefineError } from './errors.js';
