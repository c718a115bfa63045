import { html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import { msg } from '@lit/localize';
import { Task, TaskStatus } from '@lit/task';
import type { AuditEntry, AuditQuery } from '@c360/sdk';
import { C360Element } from '../base/c360-element.js';
import { PagingController } from '../base/paging.js';
import { renderNavigable } from '../base/navigate.js';
import { renderEmpty, renderError, renderLoading } from '../base/states.js';
import { baseStyles, tableStyles } from '../base/styles.js';
import { actionLabel, detailsText, KNOWN_ACTIONS } from './labels.js';
import styles from './audit-log.styles.js';

/** The filters of the list, as the inputs hold them (empty: no filter). */
export interface AuditLogFilters {
  customer: string;
  actor: string;
  action: string;
  from: string;
  to: string;
}

const NO_FILTERS: AuditLogFilters = { customer: '', actor: '', action: '', from: '', to: '' };

/**
 * @summary The audit log (`GET /audit`, manager and up): who did what to which customer and when —
 * quick actions, consent and preference edits, notes, tags, segment removals, single and bulk
 * exports — newest first, with filters (customer, actor, action, from, to) and "Load more".
 *
 * With `customer-id` it lists that customer's entries only (the customer filter is hidden); the
 * 360 view shows it so to managers. A role without `audit:read` gets the access-denied state.
 * Clicking a customer dispatches `c360-navigate` `{kind: 'customer', id}`; with `customer-href`
 * it is a real link.
 *
 * @attr customer-id - Only this customer's entries.
 *
 * @fires {CustomEvent<C360NavigateDetail>} c360-navigate - A customer was clicked. Cancelable, bubbles, composed.
 *
 * @csspart base - The wrapper.
 * @csspart filters - The filter form.
 * @csspart filter - One filter input or select.
 * @csspart table - The entries table.
 * @csspart entry - One entry's row.
 * @csspart customer-link - An entry's customer (link or button).
 * @csspart load-more - The "Load more" button.
 * @csspart state - Loading, empty, error and access-denied states.
 * @csspart retry - The Retry button of an error state.
 */
export class AuditLogElement extends C360Element {
  static override styles = [baseStyles, tableStyles, styles];

  /** Only this customer's entries (the API's customer id); unset lists every customer's. */
  @property({ attribute: 'customer-id', reflect: true }) customerId?: string;

  /** Entries per page and per "Load more" (1–200). */
  @property({ type: Number, attribute: 'page-size' }) pageSize = 25;

  /** Link template for customers, e.g. `/customers/{id}`. Without it, customers are buttons. */
  @property({ attribute: 'customer-href' }) customerHref?: string;

  /** The filters in effect (`customer`, `actor`, `action`, `from`, `to`; empty strings: none). The form sets them; assign to filter from script. */
  @property({ attribute: false }) filters: AuditLogFilters = { ...NO_FILTERS };

  private readonly paging = new PagingController<AuditEntry>(this, {
    fetchPage: async (cursor, signal) => {
      const page = await this.requireClient(this.client).getAudit({ ...this.query(), cursor }, { signal });
      return { items: page.entries, nextCursor: page.nextCursor };
    },
    key: (e) => e.id,
  });

  private readonly task = new Task(this, {
    task: async ([client], { signal }) => {
      this.paging.reset();
      const page = await this.requireClient(client).getAudit(this.query(), { signal });
      this.paging.reset(page.nextCursor, page.entries);
      return page.entries;
    },
    args: () => [this.client, this.customerId, JSON.stringify(this.filters), this.pageSize] as const,
  });

  /** The API query of the current filters. */
  private query(): AuditQuery {
    const f = this.filters;
    const customer = this.customerId || f.customer.trim();
    return {
      ...(customer ? { customer } : {}),
      ...(f.actor.trim() ? { actor: f.actor.trim() } : {}),
      ...(f.action ? { action: f.action } : {}),
      ...(f.from ? { from: f.from } : {}),
      ...(f.to ? { to: f.to } : {}),
      limit: this.pageSize,
    };
  }

  /** Every entry loaded so far, newest first. */
  get entries(): AuditEntry[] {
    return this.task.status === TaskStatus.COMPLETE ? [...(this.task.value ?? []), ...this.paging.items] : [];
  }

  /** Fetches the next page, if there is one (after a failed page, tries it again). */
  loadMore(): Promise<void> {
    return this.paging.loadMore();
  }

  private setFilter(name: keyof AuditLogFilters, value: string) {
    if (this.filters[name] !== value) this.filters = { ...this.filters, [name]: value };
  }

  protected override render() {
    return html`<div part="base" class="base">
      ${this.renderFilters()}
      ${this.task.render({
        initial: () => renderLoading(msg('Loading the audit log…')),
        pending: () => renderLoading(msg('Loading the audit log…')),
        complete: () => this.renderEntries(),
        error: (error) => renderError(error, { retry: () => this.task.run() }),
      })}
    </div>`;
  }

  private renderFilters() {
    const f = this.filters;
    const change = (name: keyof AuditLogFilters) => (e: Event) =>
      this.setFilter(name, (e.target as HTMLInputElement | HTMLSelectElement).value);
    return html`<form part="filters" class="filters" role="search" aria-label=${msg('Filter the audit log')} @submit=${(e: Event) => e.preventDefault()}>
      ${
        this.customerId
          ? nothing
          : html`<label>${msg('Customer')} <input part="filter" name="customer" .value=${f.customer} @change=${change('customer')} /></label>`
      }
      <label>${msg('Actor')} <input part="filter" name="actor" .value=${f.actor} @change=${change('actor')} /></label>
      <label
        >${msg('Action')}
        <select part="filter" name="action" .value=${f.action} @change=${change('action')}>
          <option value="" ?selected=${!f.action}>${msg('All actions')}</option>
          ${KNOWN_ACTIONS.map((a) => html`<option value=${a} ?selected=${f.action === a}>${actionLabel(a)}</option>`)}
        </select></label
      >
      <label>${msg('From')} <input part="filter" type="date" name="from" .value=${f.from} max=${f.to || nothing} @change=${change('from')} /></label>
      <label>${msg('To')} <input part="filter" type="date" name="to" .value=${f.to} min=${f.from || nothing} @change=${change('to')} /></label>
    </form>`;
  }

  private renderEntries() {
    const entries = this.entries;
    const f = this.format;
    if (!entries.length) return renderEmpty(msg('No audit entries match.'));
    return html`<div class="scroll">
        <table part="table" role="table">
          <caption class="visually-hidden">${msg('Audit log, newest first')}</caption>
          <thead role="rowgroup">
            <tr role="row">
              <th role="columnheader" scope="col">${msg('When')}</th>
              <th role="columnheader" scope="col">${msg('Actor')}</th>
              <th role="columnheader" scope="col">${msg('Action')}</th>
              ${this.customerId ? nothing : html`<th role="columnheader" scope="col">${msg('Customer')}</th>`}
              <th role="columnheader" scope="col">${msg('Details')}</th>
            </tr>
          </thead>
          <tbody role="rowgroup">
            ${entries.map(
              (e) => html`<tr part="entry" role="row" data-entry-id=${e.id} data-action=${e.action}>
                <td role="cell" class="when"><time datetime=${e.at}>${f.dateTime(e.at)}</time></td>
                <td role="cell" class="actor">${e.actor}</td>
                <td role="cell" class="action">${actionLabel(e.action)}</td>
                ${
                  this.customerId
                    ? nothing
                    : html`<td role="cell" class="customer">
                      ${e.customerId ? renderNavigable(this, { kind: 'customer', id: e.customerId }, e.customerId, this.customerHref, 'customer-link') : html`<span class="muted">${msg('Many customers')}</span>`}
                    </td>`
                }
                <td role="cell" class="details">${detailsText(e.details)}</td>
              </tr>`,
            )}
          </tbody>
        </table>
      </div>
      ${this.paging.status === 'error' ? renderError(this.paging.error, { retry: () => this.loadMore() }) : nothing}
      ${
        this.paging.hasMore
          ? html`<button part="load-more" class="button load-more" type="button" ?disabled=${this.paging.loading} @click=${() => this.loadMore()}>
            ${this.paging.loading ? msg('Loading…') : msg('Load more')}
          </button>`
          : nothing
      }`;
  }
}
