import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { msg } from '@lit/localize';
import { Task, TaskStatus, initialState } from '@lit/task';
import type { CustomerSearchQuery, CustomerSort, CustomerSummary, LoyaltyTier } from '@c360/sdk';
import { C360Element } from '../base/c360-element.js';
import { PagingController } from '../base/paging.js';
import { renderError, renderLoading } from '../base/states.js';
import { baseStyles } from '../base/styles.js';
import {
  FILTER_KEYS,
  activeFilters,
  optionalNumber,
  optionalString,
  parseFilterInput,
  type CustomerSearchFilters,
  type FilterChoices,
  type FilterKey,
} from './filters.js';
import { renderFilterChips, renderFilterPanel } from './filter-panel.js';
import { renderCompareBar, toggleCompare, type CompareItem } from './compare-selection.js';
import { countText, renderResults } from './results.js';
import { onResultsKeydown } from './keyboard.js';
import { renderSearchBar } from './search-bar.js';
import '../bulk-export/define.js';
import styles from './customer-search.styles.js';

export type { CustomerSearchFilters } from './filters.js';

/** Detail of `c360-compare`: the customers chosen for comparison, 2–3 ids in the order they were checked. */
export interface C360CompareDetail {
  customerIds: string[];
}
export type C360CompareEvent = CustomEvent<C360CompareDetail>;

declare module '../base/events.js' {
  interface C360EventMap {
    'c360-compare': C360CompareDetail;
  }
}
declare global {
  interface HTMLElementEventMap {
    'c360-compare': C360CompareEvent;
  }
  interface DocumentEventMap {
    'c360-compare': C360CompareEvent;
  }
}

let nextId = 0;

/**
 * @summary Finds customers: a search box (name, email, phone, order number or id) and a
 * collapsible filter panel (segment, tier, tag, country, registration and last-purchase dates,
 * CLV and order-count ranges, sort), with the result count, "Load more" pages and a "Compare"
 * checkbox on each result.
 *
 * The input is an ARIA combobox owning a grid of results: ArrowUp/ArrowDown move the active
 * result (announced through `aria-activedescendant`), Enter chooses it, Escape closes the list.
 * Each row has a customer cell and a "Compare" checkbox cell. Typing searches after the debounce;
 * filters apply as soon as a control changes. With an empty box and any filter set, the element
 * browses: it lists every customer matching the filters. Active filters are removable chips.
 * With 2–3 customers checked, "Compare (n)" dispatches `c360-compare` (a fourth cannot be
 * checked; a message says why). The checked customers stay checked across searches.
 *
 * @fires {CustomEvent<C360SelectDetail>} c360-select - A customer was chosen (click or Enter). Bubbles, composed.
 * @fires {CustomEvent<C360CompareDetail>} c360-compare - "Compare (n)" was pressed with 2–3 customers checked. Bubbles, composed.
 *
 * @csspart base - The wrapper.
 * @csspart input - The search input.
 * @csspart filters-toggle - The "Filters" button (`aria-expanded`).
 * @csspart filters - The filter panel.
 * @csspart field - One control of the panel with its label.
 * @csspart chips - The list of active filters.
 * @csspart filter-chip - One active filter; pressing it removes the filter.
 * @csspart clear - The "Clear all" button.
 * @csspart count - The live "42 customers" line.
 * @csspart compare-bar - The customers checked for comparison and the "Compare (n)" button.
 * @csspart compare - The "Compare (n)" button.
 * @csspart listbox - The results grid (kept under its old name for existing themes).
 * @csspart option - One result row; the active one also has `option-active`.
 * @csspart compare-toggle - The "Compare" checkbox of a result.
 * @csspart load-more - The "Load more" button.
 * @csspart export - The `<bulk-export>` under the results: every match as a streamed CSV with progress.
 * @csspart state - Loading, empty, error and access-denied states.
 * @csspart retry - The Retry button of an error state.
 *
 * @cssprop [--c360-search-max-height=22rem] - Maximum height of the results list (it scrolls).
 */
export class CustomerSearchElement extends C360Element {
  static override styles = [baseStyles, styles];

  /** The search text. Setting it searches after the debounce. */
  @property() value = '';

  /** Placeholder of the input; unset: "Search customers by name, email, phone or order number" in the current locale. */
  @property() placeholder?: string;

  /** Accessible label of the input; unset: "Search customers" in the current locale. */
  @property() label?: string;

  /** Results per page: the first page and each "Load more" (1–100). */
  @property({ type: Number }) limit = 10;

  /** Debounce delay in milliseconds between typing and searching. */
  @property({ type: Number }) debounce = 250;

  /** Order of the results. */
  @property({ reflect: true }) sort: CustomerSort = 'name';

  /** Filter: segment id (`rfm:champions`, or a rule or manual segment's id). */
  @property({ reflect: true, converter: optionalString }) segment?: string;

  /** Filter: loyalty tier (`bronze`, `silver`, `gold`, `platinum`). */
  @property({ reflect: true, converter: optionalString }) tier?: LoyaltyTier;

  /** Filter: tag id or tag name (case-insensitive), e.g. `vip`. */
  @property({ reflect: true, converter: optionalString }) tag?: string;

  /** Filter: country, exactly as stored (e.g. `United Kingdom`). */
  @property({ reflect: true, converter: optionalString }) country?: string;

  /** Filter: registered on or after this day (`YYYY-MM-DD`). */
  @property({ attribute: 'registered-from', reflect: true, converter: optionalString }) registeredFrom?: string;

  /** Filter: registered on or before this day (`YYYY-MM-DD`). */
  @property({ attribute: 'registered-to', reflect: true, converter: optionalString }) registeredTo?: string;

  /** Filter: last completed order on or after this day (`YYYY-MM-DD`). */
  @property({ attribute: 'last-purchase-from', reflect: true, converter: optionalString }) lastPurchaseFrom?: string;

  /** Filter: last completed order on or before this day (`YYYY-MM-DD`). */
  @property({ attribute: 'last-purchase-to', reflect: true, converter: optionalString }) lastPurchaseTo?: string;

  /** Filter: lifetime value at least this much (major units). */
  @property({ attribute: 'clv-min', reflect: true, converter: optionalNumber }) clvMin?: number;

  /** Filter: lifetime value at most this much (major units). */
  @property({ attribute: 'clv-max', reflect: true, converter: optionalNumber }) clvMax?: number;

  /** Filter: at least this many orders. */
  @property({ attribute: 'orders-min', reflect: true, converter: optionalNumber }) ordersMin?: number;

  /** Filter: at most this many orders. */
  @property({ attribute: 'orders-max', reflect: true, converter: optionalNumber }) ordersMax?: number;

  /** Whether the filter panel is open. */
  @property({ type: Boolean, attribute: 'filters-open', reflect: true }) filtersOpen = false;

  /** The query actually searched (the debounced `value`). */
  @state() private query = '';
  @state() private activeIndex = -1;
  @state() private open = false;
  @state() private total = 0;
  /** The API counted only up to its limit: `total` is a lower bound ("10,000+"). */
  @state() private totalIsEstimate = false;
  @state() private invalid = new Set<FilterKey>();
  @state() private wantChoices = false;
  @state() private checked: CompareItem[] = [];
  private searched?: CustomerSearchQuery;
  private timer?: ReturnType<typeof setTimeout>;
  private readonly uid = `c360-search-${++nextId}`;

  /** The pages "Load more" appends (ids already shown are skipped). */
  private readonly paging = new PagingController<CustomerSummary>(this, {
    fetchPage: async (cursor, signal) => {
      const page = await this.requireClient(this.client).searchCustomers({ ...this.searched, cursor }, { signal });
      if (!signal.aborted) [this.total, this.totalIsEstimate] = [page.total, page.totalIsEstimate];
      return { items: page.items, nextCursor: page.nextCursor };
    },
    key: (c) => c.id,
  });

  private readonly task = new Task(this, {
    task: async ([q, filtersKey, sort, limit, client], { signal }) => {
      this.activeIndex = -1;
      this.paging.reset();
      const filters = JSON.parse(filtersKey) as CustomerSearchFilters;
      if (!q && Object.keys(filters).length === 0) {
        this.searched = undefined;
        return initialState;
      }
      const query: CustomerSearchQuery = { ...(q ? { q } : {}), ...filters, sort, limit };
      this.searched = query;
      const page = await this.requireClient(client).searchCustomers(query, { signal });
      this.paging.reset(page.nextCursor, page.items);
      [this.total, this.totalIsEstimate] = [page.total, page.totalIsEstimate];
      return page;
    },
    args: () => [this.query, JSON.stringify(activeFilters(this)), this.sort, this.limit, this.client] as const,
  });

  /** Segments and tags for the panel's selects and the chips' names; loaded once wanted. */
  private readonly choicesTask = new Task(this, {
    task: async ([client, wanted], { signal }) => {
      if (!wanted) return initialState;
      const c = this.requireClient(client);
      const [segments, tags] = await Promise.all([c.getSegments({ signal }), c.getTags({ signal })]);
      const choices: FilterChoices = { segments: segments.segments, tags: tags.tags };
      return choices;
    },
    args: () => [this.client, this.wantChoices] as const,
  });

  /** The filters in effect (only those set). Assigning replaces every filter at once. */
  get filters(): CustomerSearchFilters {
    return activeFilters(this);
  }
  set filters(value: CustomerSearchFilters) {
    for (const key of FILTER_KEYS) this.setFilter(key, value[key]);
  }

  /** Every result loaded so far (the first page and the pages "Load more" added). */
  get results(): CustomerSummary[] {
    if (this.task.status !== TaskStatus.COMPLETE) return []; // not a previous search's rows
    return [...(this.task.value?.items ?? []), ...this.paging.items];
  }

  /** Whether "Load more" has another page to fetch. */
  get hasMore(): boolean {
    return this.paging.hasMore;
  }

  /** Ids of the customers checked for comparison, in the order they were checked. */
  get compareIds(): string[] {
    return this.checked.map((c) => c.id);
  }

  /** Unchecks every customer checked for comparison. */
  clearCompare(): void {
    this.checked = [];
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.timer);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('value')) {
      clearTimeout(this.timer);
      const q = this.value.trim();
      if (!q) this.query = '';
      else this.timer = setTimeout(() => ((this.query = q), (this.open = true)), this.debounce);
    }
    if (FILTER_KEYS.some((key) => changed.has(key))) {
      this.open = true;
      if (this.segment || this.tag) this.wantChoices = true; // the chips name them
    }
    if (changed.has('filtersOpen') && this.filtersOpen) {
      if (this.wantChoices && this.choicesTask.status === TaskStatus.COMPLETE) void this.choicesTask.run(); // fresh lists on each opening
      this.wantChoices = true;
    }
  }

  /** Fetches the next page of the current search and appends it (ids already shown are skipped; after a failed page, tries it again). */
  async loadMore(): Promise<void> {
    if (this.searched) await this.paging.loadMore();
  }

  private setFilter<K extends FilterKey>(key: K, value: CustomerSearchFilters[K] | undefined) {
    (this as CustomerSearchFilters)[key] = value;
  }

  private onInput(event: Event) {
    this.value = (event.target as HTMLInputElement).value;
    this.open = true;
  }

  private onKeydown(event: KeyboardEvent) {
    onResultsKeydown(event, {
      count: this.results.length,
      open: this.open,
      activeIndex: this.activeIndex,
      activate: (index) => {
        this.open = true;
        this.activeIndex = index;
        void this.updateComplete.then(() => this.renderRoot.querySelector('.option.active')?.scrollIntoView({ block: 'nearest' }));
      },
      choose: (index) => this.select(this.results[index]!),
      close: () => {
        this.open = false;
        this.activeIndex = -1;
      },
    });
  }

  private select(customer: CustomerSummary) {
    this.open = false;
    this.emit('c360-select', { customerId: customer.id });
  }

  private onFilterChange(event: Event) {
    this.applyControl(event.target as HTMLInputElement | HTMLSelectElement);
  }

  /** Reads one control of the panel into its filter (a refused number marks the input invalid). */
  private applyControl(control: HTMLInputElement | HTMLSelectElement) {
    const name = control.name;
    if (name === 'sort') {
      this.sort = control.value as CustomerSort;
      return;
    }
    if (!(FILTER_KEYS as readonly string[]).includes(name)) return;
    const key = name as FilterKey;
    const parsed = parseFilterInput(key, control);
    const invalid = new Set(this.invalid);
    if (parsed.ok) {
      invalid.delete(key);
      this.setFilter(key, parsed.value as never);
    } else {
      invalid.add(key);
    }
    this.invalid = invalid;
  }

  /** Enter in a text or number field applies it at once (as leaving the field does). */
  private onPanelKeydown(event: KeyboardEvent) {
    const target = event.target as HTMLElement;
    if (event.key === 'Enter' && target instanceof HTMLInputElement) {
      event.preventDefault();
      this.applyControl(target);
    }
  }

  private async removeFilter(key: FilterKey, index: number) {
    this.setFilter(key, undefined);
    await this.updateComplete;
    const chips = [...this.renderRoot.querySelectorAll<HTMLElement>('[part~=filter-chip]')];
    (chips[index] ?? chips[index - 1] ?? this.renderRoot.querySelector<HTMLElement>('[part=filters-toggle]'))?.focus();
  }

  private async clearFilters() {
    this.filters = {};
    this.invalid = new Set();
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[part=filters-toggle]')?.focus();
  }

  private toggleCompare(customer: CustomerSummary, on: boolean) {
    this.checked = toggleCompare(this.checked, customer, on);
  }

  private async onLoadMore(event: Event) {
    const button = event.currentTarget as HTMLElement;
    const firstNew = this.results.length;
    await this.loadMore();
    await this.updateComplete;
    // The button goes away after the last page: keep the focus in the list, on the first new row.
    if (!button.isConnected) this.renderRoot.querySelectorAll<HTMLElement>('[part~=compare-toggle] input')[firstNew]?.focus();
  }

  protected override render() {
    const filters = this.filters;
    const filterCount = Object.keys(filters).length;
    const active = !!this.query || filterCount > 0;
    const expanded = this.open && active && this.task.status !== TaskStatus.INITIAL;
    const rows = expanded && this.task.status === TaskStatus.COMPLETE ? this.results : [];
    const activeId = this.activeIndex >= 0 && this.activeIndex < rows.length ? `${this.uid}-cell-${this.activeIndex}` : undefined;
    return html`<div part="base" class="base">
      ${renderSearchBar({
        uid: this.uid,
        value: this.value,
        label: this.label,
        placeholder: this.placeholder,
        expanded: rows.length > 0,
        activeId,
        filtersOpen: this.filtersOpen,
        filterCount,
        onInput: this.onInput,
        onKeydown: this.onKeydown,
        onFocus: () => (this.open = true),
        toggleFilters: () => (this.filtersOpen = !this.filtersOpen),
      })}
      ${renderFilterPanel({
        uid: this.uid,
        filters,
        values: this,
        sort: this.sort,
        open: this.filtersOpen,
        invalid: this.invalid,
        choices: this.choicesTask.value,
        choicesStatus: this.choicesTask.status,
        choicesError: this.choicesTask.error,
        format: this.format,
        retryChoices: () => this.choicesTask.run(),
        onChange: this.onFilterChange,
        onKeydown: this.onPanelKeydown,
      })}
      ${renderFilterChips(filters, this.choicesTask.value, this.format, (key, i) => this.removeFilter(key, i), this.clearFilters)}
      <div part="count" class="count" role="status" aria-live="polite">${active ? countText({ status: this.task.status, total: this.total, estimate: this.totalIsEstimate, shown: this.results.length, format: this.format }) : ''}</div>
      ${renderCompareBar({
        uid: this.uid,
        checked: this.checked,
        uncheck: (id) => (this.checked = this.checked.filter((x) => x.id !== id)),
        compare: () => this.emit('c360-compare', { customerIds: this.compareIds }),
        clear: () => this.clearCompare(),
      })}
      <div class="results" ?hidden=${!expanded}>
        ${
          active
            ? this.task.render({
                pending: () => renderLoading(msg('Searching…'), 2),
                complete: (page) =>
                  renderResults({
                    uid: this.uid,
                    page,
                    rows,
                    query: this.query,
                    filterCount,
                    total: this.total,
                    activeIndex: this.activeIndex,
                    checked: this.checked,
                    loadingMore: this.paging.loading,
                    moreError: this.paging.error,
                    hasMore: this.hasMore,
                    format: this.format,
                    exportView: {
                      searched: this.searched,
                      apiBase: this.apiBase,
                      token: this.token,
                      locale: this.locale,
                      theme: this.theme,
                    },
                    select: (c) => this.select(c),
                    activate: (index) => (this.activeIndex = index),
                    toggleCompare: (c, on) => this.toggleCompare(c, on),
                    retryMore: () => this.loadMore(),
                    onLoadMore: this.onLoadMore,
                  }),
                error: (error) => renderError(error, { retry: () => this.task.run() }),
              })
            : nothing
        }
      </div>
    </div>`;
  }
}
