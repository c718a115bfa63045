import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { Task, TaskStatus, initialState } from '@lit/task';
import type { CustomerSummary } from '@c360/sdk';
import { C360Element } from '../base/c360-element.js';
import { renderError, renderLoading } from '../base/states.js';
import { baseStyles } from '../base/styles.js';
import styles from './customer-search.styles.js';

let nextId = 0;

/**
 * @summary A search box for customers (name, email, phone, order number or id): debounced,
 * results with CLV and orders, keyboard navigable (ArrowUp/ArrowDown, Enter, Escape).
 *
 * Follows the ARIA combobox pattern: the input owns a listbox; the active option is
 * announced through `aria-activedescendant`.
 *
 * @fires {CustomEvent<C360SelectDetail>} c360-select - A customer was chosen (click or Enter). Bubbles, composed.
 *
 * @csspart base - The wrapper.
 * @csspart input - The search input.
 * @csspart count - The "N customers found" line.
 * @csspart listbox - The results list.
 * @csspart option - One result; the active one also has `option-active`.
 * @csspart state - Loading, empty, error and access-denied states.
 * @csspart retry - The Retry button of the error state.
 *
 * @cssprop [--c360-search-max-height=22rem] - Maximum height of the results list (it scrolls).
 */
export class CustomerSearchElement extends C360Element {
  static override styles = [baseStyles, styles];

  /** The search text. Setting it searches after the debounce. */
  @property() value = '';

  /** Placeholder of the input. */
  @property() placeholder = 'Search customers by name, email, phone or order number';

  /** Accessible label of the input. */
  @property() label = 'Search customers';

  /** Maximum number of results shown (1–100). */
  @property({ type: Number }) limit = 10;

  /** Debounce delay in milliseconds between typing and searching. */
  @property({ type: Number }) debounce = 250;

  /** The query actually searched (the debounced `value`). */
  @state() private query = '';
  @state() private activeIndex = -1;
  @state() private open = false;
  private timer?: ReturnType<typeof setTimeout>;
  private readonly listId = `c360-search-${++nextId}`;

  private readonly task = new Task(this, {
    task: async ([q, client, limit], { signal }) => {
      this.activeIndex = -1;
      if (!q) return initialState;
      return this.requireClient(client).searchCustomers({ q, limit }, { signal });
    },
    args: () => [this.query, this.client, this.limit] as const,
  });

  /** The results of the last completed search. */
  get results(): CustomerSummary[] {
    return this.task.value?.items ?? [];
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
  }

  private onInput(event: Event) {
    this.value = (event.target as HTMLInputElement).value;
    this.open = true;
  }

  private onKeydown(event: KeyboardEvent) {
    const n = this.results.length;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (!n) return;
      event.preventDefault();
      this.open = true;
      const delta = event.key === 'ArrowDown' ? 1 : -1;
      this.activeIndex = this.activeIndex < 0 && delta < 0 ? n - 1 : (this.activeIndex + delta + n) % n;
    } else if (event.key === 'Enter') {
      if (!n || !this.open) return;
      event.preventDefault();
      this.select(this.results[Math.max(0, this.activeIndex)]!);
    } else if (event.key === 'Escape') {
      if (this.open) event.preventDefault();
      this.open = false;
      this.activeIndex = -1;
    }
  }

  private select(customer: CustomerSummary) {
    this.open = false;
    this.emit('c360-select', { customerId: customer.id });
  }

  protected override render() {
    const expanded = this.open && this.task.status !== TaskStatus.INITIAL && !!this.query;
    const options = expanded && this.task.status === TaskStatus.COMPLETE ? this.results : [];
    const active = this.activeIndex >= 0 ? `${this.listId}-${this.activeIndex}` : undefined;
    return html`<div part="base" class="base">
      <input
        part="input"
        class="input"
        type="search"
        role="combobox"
        autocomplete="off"
        maxlength="200"
        spellcheck="false"
        aria-label=${this.label}
        aria-autocomplete="list"
        aria-controls=${this.listId}
        aria-expanded=${expanded ? 'true' : 'false'}
        aria-activedescendant=${active ?? nothing}
        placeholder=${this.placeholder}
        .value=${this.value}
        @input=${this.onInput}
        @keydown=${this.onKeydown}
        @focus=${() => (this.open = true)}
      />
      <div class="results" ?hidden=${!expanded}>
        ${this.query
          ? this.task.render({
              pending: () => renderLoading('Searching…', 2),
              complete: (page) => (page.total === 0 ? html`<div part="state empty" class="state empty" role="status">No customers match “${this.query}”.</div>` : html`<div part="count" class="count" role="status">
                    ${page.total === page.items.length
                      ? `${this.format.number(page.total)} ${page.total === 1 ? 'customer' : 'customers'} found`
                      : `Showing ${page.items.length} of ${this.format.number(page.total)} customers found`}
                  </div>`),
              error: (error) => renderError(error, { retry: () => this.task.run() }),
            })
          : nothing}
        ${options.length
          ? html`<ul part="listbox" class="listbox" role="listbox" id=${this.listId} aria-label="Customers">
              ${options.map((c, i) => this.renderOption(c, i))}
            </ul>`
          : nothing}
      </div>
    </div>`;
  }

  private renderOption(c: CustomerSummary, index: number) {
    const f = this.format;
    const isActive = index === this.activeIndex;
    return html`<li
      part=${isActive ? 'option option-active' : 'option'}
      class="option ${isActive ? 'active' : ''}"
      role="option"
      id="${this.listId}-${index}"
      aria-selected=${isActive ? 'true' : 'false'}
      data-customer-id=${c.id}
      @click=${() => this.select(c)}
      @pointerenter=${() => (this.activeIndex = index)}
    >
      <span class="name">${c.name}</span>
      <span class="clv">${f.money(c.lifetimeValue, c.currency)}</span>
      <span class="meta muted">${[c.email, c.country].filter(Boolean).join(' · ')}${c.matchedOrderNumber ? ` · order ${c.matchedOrderNumber}` : ''}</span>
      <span class="orders muted">${f.number(c.totalOrders)} ${c.totalOrders === 1 ? 'order' : 'orders'}</span>
    </li>`;
  }
}
