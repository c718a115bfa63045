/**
 * The search form of the customers list ↔ Refine filters: free text `q` (name, email, phone,
 * order number or id; `contains`), `segment`, `tier` and `tag` (`eq`). An empty field gives a filter
 * with an `undefined` value, which Refine's `useTable` drops (it clears the filter).
 * @module
 */
import type { CrudFilter, CrudFilters } from '@refinedev/core';

/** Values of the search form. */
export interface SearchValues {
  q?: string;
  segment?: string;
  tier?: string;
  tag?: string;
}

/** `useTable`'s `onSearch`: the form's values as Refine filters the c360 data provider understands. */
export function searchFilters(values: SearchValues): CrudFilters {
  const text = values.q?.trim();
  return [
    { field: 'q', operator: 'contains', value: text || undefined },
    { field: 'segment', operator: 'eq', value: values.segment || undefined },
    { field: 'tier', operator: 'eq', value: values.tier || undefined },
    { field: 'tag', operator: 'eq', value: values.tag || undefined },
  ];
}

/** The value of the filter on `field` in `filters` (to fill the form from the address). */
export function filterValue(filters: readonly CrudFilter[], field: string): unknown {
  const found = filters.find((f) => 'field' in f && f.field === field);
  return found?.value;
}
