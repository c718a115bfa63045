/**
 * The bar at the top of `<c360-customer-search>`: the search input (an ARIA combobox owning the
 * results grid) and the "Filters" toggle with its count of active filters.
 * @module
 */
import { html, nothing } from 'lit';
import { msg } from '@lit/localize';
import { ICON } from './filter-panel.js';

/**
 * What the bar shows and where its events go. Handlers given as methods of the element
 * (`onInput`, `onKeydown`) are called with the element as `this`.
 */
export interface SearchBarView {
  /** Prefix of the element's ids (the input controls `<uid>-grid`, the toggle `<uid>-filters`). */
  uid: string;
  /** The input's text. */
  value: string;
  /** The element's `label` (unset: "Search customers"). */
  label: string | undefined;
  /** The element's `placeholder` (unset: "Search customers by name, email, phone or order number"). */
  placeholder: string | undefined;
  /** Whether result rows are shown (`aria-expanded` of the input). */
  expanded: boolean;
  /** Id of the active row's customer cell (`aria-activedescendant`), if any. */
  activeId: string | undefined;
  /** Whether the filter panel is open (`aria-expanded` of the toggle). */
  filtersOpen: boolean;
  /** How many filters are set (the toggle's badge; none at 0). */
  filterCount: number;
  onInput: (event: Event) => void;
  onKeydown: (event: KeyboardEvent) => void;
  /** The input got the focus. */
  onFocus: () => unknown;
  /** The "Filters" toggle was clicked. */
  toggleFilters: () => unknown;
}

/** The search input and the "Filters" toggle. */
export function renderSearchBar(view: SearchBarView) {
  const { uid, filterCount } = view;
  return html`<div class="bar">
    <input
      part="input"
      class="input"
      type="search"
      role="combobox"
      autocomplete="off"
      maxlength="200"
      spellcheck="false"
      aria-label=${view.label ?? msg('Search customers')}
      aria-autocomplete="list"
      aria-haspopup="grid"
      aria-controls="${uid}-grid"
      aria-expanded=${view.expanded ? 'true' : 'false'}
      aria-activedescendant=${view.activeId ?? nothing}
      placeholder=${view.placeholder ?? msg('Search customers by name, email, phone or order number')}
      .value=${view.value}
      @input=${view.onInput}
      @keydown=${view.onKeydown}
      @focus=${() => view.onFocus()}
    />
    <button
      part="filters-toggle"
      class="toggle"
      type="button"
      aria-expanded=${view.filtersOpen ? 'true' : 'false'}
      aria-controls="${uid}-filters"
      @click=${() => view.toggleFilters()}
    >
      <svg class="icon" viewBox="0 0 24 24" aria-hidden="true">${ICON.filter}</svg>
      ${msg('Filters')}${filterCount ? html` <span class="badge">${msg(html`${filterCount}<span class="visually-hidden"> active</span>`)}</span>` : nothing}
      <svg class="icon chevron" viewBox="0 0 24 24" aria-hidden="true">${ICON.chevron}</svg>
    </button>
  </div>`;
}
