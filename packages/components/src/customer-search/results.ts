/**
 * The results of `<c360-customer-search>`: the live count line, the grid of result rows (each
 * with its "Compare" checkbox), "Load more" and the `<bulk-export>` of every match, rendered as
 * plain functions of the element's state (the element keeps the properties, state and handlers).
 * @module
 */
import { html, nothing } from 'lit';
import { msg, str } from '@lit/localize';
import { live } from 'lit/directives/live.js';
import { TaskStatus } from '@lit/task';
import { COMPARE_MAX, type CustomerSearchPage, type CustomerSearchQuery, type CustomerSummary } from '@c360/sdk';
import type { C360Element } from '../base/c360-element.js';
import type { Formatter } from '../base/format.js';
import { renderError } from '../base/states.js';
import type { CompareItem } from './compare-selection.js';

/** What the count line says: the search's status and how many results there are and are shown. */
export interface CountView {
  /** Status of the search task. */
  status: TaskStatus;
  /** Matches in all (the last page's `total`). */
  total: number;
  /** `total` is a lower bound: the API counts exactly up to 10,000 (`totalIsEstimate`). */
  estimate?: boolean;
  /** Results loaded so far. */
  shown: number;
  format: Formatter;
}

/**
 * The text of the live count line: "Searching…", "42 customers", "42 customers · showing 10",
 * "10,000+ customers · showing 20" when the API only counted up to its limit, or empty.
 */
export function countText(view: CountView): string {
  const f = view.format;
  switch (view.status) {
    case TaskStatus.PENDING:
      return msg('Searching…');
    case TaskStatus.COMPLETE: {
      const [total, shown] = [f.number(view.total), f.number(view.shown)];
      const count = view.estimate
        ? msg(str`${total}+ customers`)
        : view.total === 1
          ? msg(str`${total} customer`)
          : msg(str`${total} customers`);
      return view.shown < view.total || view.estimate ? msg(str`${count} · showing ${shown}`) : count;
    }
    default:
      return '';
  }
}

/**
 * What the results show and where their events go. Handlers given as methods of the element
 * (`onLoadMore`) are called with the element as `this`.
 */
export interface ResultsView {
  /** Prefix of the element's ids (the grid is `<uid>-grid`, a row's customer cell `<uid>-cell-<index>`). */
  uid: string;
  /** The first page of the current search. */
  page: CustomerSearchPage;
  /** The rows to show: every result loaded so far while the list is open, else none. */
  rows: CustomerSummary[];
  /** The searched text ('' when browsing by filters alone). */
  query: string;
  /** How many filters are set (for the "no match" message). */
  filterCount: number;
  /** Matches in all. */
  total: number;
  /** Index of the active row (-1: none). */
  activeIndex: number;
  /** The customers checked for comparison. */
  checked: readonly CompareItem[];
  /** Whether a "Load more" page is being fetched. */
  loadingMore: boolean;
  /** Why the last "Load more" failed (undefined: it did not). */
  moreError: unknown;
  /** Whether "Load more" has another page to fetch. */
  hasMore: boolean;
  format: Formatter;
  /** The `<bulk-export>` under the rows (see {@link renderExport}). */
  exportView: ExportView;
  /** A row's customer was clicked. */
  select: (customer: CustomerSummary) => unknown;
  /** The pointer entered the row at `index`. */
  activate: (index: number) => unknown;
  /** A row's "Compare" checkbox changed. */
  toggleCompare: (customer: CustomerSummary, on: boolean) => unknown;
  /** Retry of a failed "Load more". */
  retryMore: () => unknown;
  /** "Load more" was clicked. */
  onLoadMore: (event: Event) => unknown;
}

/**
 * The results of a completed search: the "no customers match" state, or the grid of rows with
 * "Load more" (or its error) and the export; nothing while the list is closed.
 */
export function renderResults(view: ResultsView) {
  const { page, rows } = view;
  if (page.total === 0 && page.items.length === 0) {
    const query = view.query;
    const why = !query
      ? msg('No customers match these filters.')
      : view.filterCount
        ? msg(str`No customers match “${query}” with these filters.`)
        : msg(str`No customers match “${query}”.`);
    return html`<div part="state empty" class="state empty" role="status">${why}</div>`;
  }
  if (!rows.length) return nothing;
  const f = view.format;
  return html`<div class="scroller">
    <div
      part="listbox"
      class="grid"
      role="grid"
      id="${view.uid}-grid"
      aria-label=${msg('Customers')}
      aria-rowcount=${view.total}
      aria-busy=${view.loadingMore ? 'true' : 'false'}
    >
      ${rows.map((c, i) => renderRow(view, c, i))}
    </div>
    ${
      view.moreError
        ? renderError(view.moreError, { retry: () => view.retryMore() })
        : view.hasMore
          ? html`<button part="load-more" class="load-more" type="button" aria-disabled=${view.loadingMore ? 'true' : 'false'} @click=${view.onLoadMore}>
            ${view.loadingMore ? msg('Loading…') : msg('Load more')}
            <span class="muted">${msg(str`(${f.number(rows.length)} of ${f.number(view.total)})`)}</span>
          </button>`
          : nothing
    }
    ${renderExport(view.exportView)}
  </div>`;
}

/** What `<bulk-export>` exports and the configuration it inherits from the search element. */
export interface ExportView extends Pick<C360Element, 'apiBase' | 'token' | 'locale' | 'theme'> {
  /** The query of the current search (undefined: no search, no export). */
  searched: CustomerSearchQuery | undefined;
}

/** Every match of the current search as a streamed CSV (hidden without the `export` permission). */
export function renderExport(view: ExportView) {
  if (!view.searched) return nothing;
  const { limit: _limit, cursor: _cursor, ...query } = view.searched;
  return html`<bulk-export
    part="export"
    class="export"
    .query=${query}
    .apiBase=${view.apiBase}
    .token=${view.token}
    .locale=${view.locale}
    .theme=${view.theme}
  ></bulk-export>`;
}

/** One result row: the customer cell (name, lifetime value, contact, orders) and its "Compare" checkbox cell. */
function renderRow(view: ResultsView, c: CustomerSummary, index: number) {
  const f = view.format;
  const isActive = index === view.activeIndex;
  const isChecked = view.checked.some((x) => x.id === c.id);
  const full = !isChecked && view.checked.length >= COMPARE_MAX;
  return html`<div
    part=${isActive ? 'option option-active' : 'option'}
    class="option ${isActive ? 'active' : ''}"
    role="row"
    aria-rowindex=${index + 1}
    data-customer-id=${c.id}
    @pointerenter=${() => view.activate(index)}
  >
    <div class="customer" role="gridcell" id="${view.uid}-cell-${index}" aria-selected=${isActive ? 'true' : 'false'} @click=${() => view.select(c)}>
      <span class="name">${c.name}</span>
      <span class="clv">${f.money(c.lifetimeValue, c.currency)}</span>
      <span class="meta muted">${[c.email, c.country].filter(Boolean).join(' · ')}${c.matchedOrderNumber ? ` · ${msg(str`order ${c.matchedOrderNumber}`)}` : ''}</span>
      <span class="orders muted">${c.totalOrders === 1 ? msg(str`${f.number(c.totalOrders)} order`) : msg(str`${f.number(c.totalOrders)} orders`)}</span>
    </div>
    <div class="pick" role="gridcell">
      <label part="compare-toggle" class="compare-toggle ${full ? 'disabled' : ''}">
        <input
          type="checkbox"
          .checked=${live(isChecked)}
          ?disabled=${full}
          aria-describedby=${full ? `${view.uid}-compare-hint` : nothing}
          @change=${(e: Event) => view.toggleCompare(c, (e.target as HTMLInputElement).checked)}
        />
        ${msg(html`Compare<span class="visually-hidden"> ${c.name}</span>`)}
      </label>
    </div>
  </div>`;
}
