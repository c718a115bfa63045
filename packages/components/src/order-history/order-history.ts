import { html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import { msg } from '@lit/localize';
import { Task, initialState } from '@lit/task';
import type { OrderSummary, OrdersPage } from '@c360/sdk';
import { C360CustomerElement } from '../base/customer-element.js';
import { PagingController } from '../base/paging.js';
import { renderNavigable } from '../base/navigate.js';
import { renderEmpty, renderError } from '../base/states.js';
import { baseStyles, listTableStyles, tableStyles } from '../base/styles.js';
import styles from './order-history.styles.js';

/** An order status in words, in the active language (unknown statuses as given). */
function statusLabel(status: string): string {
  const labels: Record<string, string> = {
    pending: msg('Pending'),
    paid: msg('Paid'),
    shipped: msg('Shipped'),
    delivered: msg('Delivered'),
    completed: msg('Completed'),
    cancelled: msg('Cancelled'),
    unavailable: msg('Unavailable'),
    returned: msg('Returned'),
  };
  return labels[status] ?? status;
}

/**
 * @summary The customer's orders, newest first (number, date, status, total, items), with total
 * orders, total revenue and average order value; "Load more" fetches the next page.
 *
 * Narrower than 27rem, each row becomes a two-line card (the table keeps its roles).
 *
 * Clicking an order dispatches `c360-navigate` `{kind: 'order', id}`. With `order-href` the
 * numbers are real links; a listener calling `preventDefault()` stops the link's navigation.
 *
 * @attr customer-id - The customer to show.
 *
 * @fires {CustomEvent<C360NavigateDetail>} c360-navigate - An order was clicked. Cancelable, bubbles, composed.
 *
 * @csspart base - The wrapper.
 * @csspart summary - Total orders, total revenue, average order value.
 * @csspart table - The orders table.
 * @csspart order - One row.
 * @csspart order-link - The order number (link or button).
 * @csspart status - An order's status chip.
 * @csspart load-more - The "Load more" button.
 * @csspart state - Loading, empty, error and access-denied states.
 * @csspart retry - The Retry button of an error state.
 */
export class OrderHistoryElement extends C360CustomerElement {
  static override styles = [baseStyles, tableStyles, listTableStyles, styles];
  /** The change-feed sections this element shows (real time, SPEC §7). */
  static override liveSections = ['orders'] as const;

  /** Link template for orders, `{id}` (and `{number}`) filled in, e.g. `/orders/{id}`. Without it, orders are buttons. */
  @property({ attribute: 'order-href' }) orderHref?: string;

  /** Orders per page (1–200). */
  @property({ type: Number, attribute: 'page-size' }) pageSize = 20;

  /** Orders of later pages, appended by "Load more". */
  private readonly paging = new PagingController<OrderSummary>(this, {
    fetchPage: async (cursor, signal) => {
      const page = await this.requireClient(this.client).getOrders(this.customerId!, { limit: this.pageSize, cursor }, { signal });
      return { items: page.orders, nextCursor: page.nextCursor };
    },
    key: (o) => o.id,
  });

  private readonly task = new Task(this, {
    task: async ([id, client, limit], { signal }) => {
      this.paging.reset();
      if (!id) return initialState;
      const page = await this.requireClient(client).getOrders(id, { limit }, { signal });
      this.paging.reset(page.nextCursor, page.orders);
      return page;
    },
    args: () => [this.customerId, this.client, this.pageSize] as const,
  });

  /** All orders loaded so far, newest first. */
  get orders(): OrderSummary[] {
    return [...(this.task.value?.orders ?? []), ...this.paging.items];
  }

  /** Fetches the next page, if there is one (after a failed page, tries it again). */
  async loadMore(): Promise<void> {
    if (this.customerId) await this.paging.loadMore();
  }

  protected override render() {
    return this.renderTask(this.task, (page) => this.renderOrders(page), msg('Loading orders…'));
  }

  private renderOrders(page: OrdersPage) {
    const f = this.format;
    const orders = this.orders;
    return html`<div part="base" class="base">
      <dl part="summary" class="summary">
        <div><dt>${msg('Total orders')}</dt><dd data-total="orders">${f.number(page.totalOrders)}</dd></div>
        <div><dt>${msg('Total revenue')}</dt><dd data-total="revenue">${f.money(page.totalRevenue, page.currency)}</dd></div>
        <div><dt>${msg('Average order value')}</dt><dd data-total="aov">${f.money(page.averageOrderValue, page.currency)}</dd></div>
      </dl>
      ${
        orders.length === 0
          ? renderEmpty(msg('No orders yet.'))
          : html`<div class="scroll">
            <table part="table" role="table">
              <caption class="visually-hidden">${msg('Orders, newest first')}</caption>
              <thead role="rowgroup">
                <tr role="row">
                  <th role="columnheader" scope="col">${msg('Order')}</th>
                  <th role="columnheader" scope="col">${msg('Date')}</th>
                  <th role="columnheader" scope="col">${msg('Status')}</th>
                  <th role="columnheader" scope="col" class="num">${msg('Total')}</th>
                  <th role="columnheader" scope="col" class="num">${msg('Items')}</th>
                </tr>
              </thead>
              <tbody role="rowgroup">
                ${orders.map((o) => this.renderRow(o))}
              </tbody>
            </table>
          </div>`
      }
      ${this.paging.status === 'error' ? renderError(this.paging.error, { retry: () => this.loadMore() }) : nothing}
      ${
        this.paging.hasMore
          ? html`<button part="load-more" class="button load-more" type="button" ?disabled=${this.paging.loading} @click=${() => this.loadMore()}>
            ${this.paging.loading ? msg('Loading…') : msg('Load more')}
          </button>`
          : nothing
      }
    </div>`;
  }

  private renderRow(o: OrderSummary) {
    const f = this.format;
    // Explicit roles keep the table's semantics when the narrow layout turns rows into grids.
    return html`<tr part="order" role="row" data-order-id=${o.id}>
      <th role="rowheader" scope="row">${renderNavigable(this, { kind: 'order', id: o.id, number: o.number }, o.number, this.orderHref, 'order-link')}</th>
      <td role="cell" class="date"><time datetime=${o.placedAt}>${f.date(o.placedAt)}</time></td>
      <td role="cell" class="status"><span part="status" class="chip status-${o.status}">${statusLabel(o.status)}</span></td>
      <td role="cell" class="num total">${f.money(o.total, o.currency)}</td>
      <td role="cell" class="num items">${f.number(o.itemsCount)}<span class="unit"> ${o.itemsCount === 1 ? msg('item') : msg('items')}</span></td>
    </tr>`;
  }
}
