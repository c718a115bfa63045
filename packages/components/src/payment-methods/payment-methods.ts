import { html, nothing, svg, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { Task, initialState } from '@lit/task';
import { msg, str } from '@lit/localize';
import type { PaymentMethodType, PaymentTransaction, PaymentsOverview, SavedPaymentMethod } from '@c360/sdk';
import { C360CustomerElement } from '../base/customer-element.js';
import { renderNavigable } from '../base/navigate.js';
import { renderEmpty } from '../base/states.js';
import { baseStyles, listTableStyles, tableStyles } from '../base/styles.js';
import styles from './payment-methods.styles.js';

/** A payment method type in words, in the active language (product names as they are). */
function typeLabel(type: PaymentMethodType): string {
  const labels: Record<PaymentMethodType, string> = {
    card: msg('Card'),
    paypal: 'PayPal',
    bank_account: msg('Bank account'),
    apple_pay: 'Apple Pay',
    google_pay: 'Google Pay',
    other: msg('Other method'),
  };
  return labels[type] ?? type;
}

const BRAND_LABEL: Record<string, string> = {
  visa: 'Visa',
  mastercard: 'Mastercard',
  amex: 'American Express',
  american_express: 'American Express',
  maestro: 'Maestro',
  discover: 'Discover',
  diners: 'Diners Club',
  jcb: 'JCB',
  unionpay: 'UnionPay',
};

/** A transaction status in words, in the active language. */
function statusLabel(status: PaymentTransaction['status']): string {
  const labels: Record<PaymentTransaction['status'], string> = {
    succeeded: msg('Succeeded'),
    failed: msg('Failed'),
    pending: msg('Pending'),
  };
  return labels[status] ?? status;
}

/** A transaction kind in words, in the active language. */
function kindLabel(kind: PaymentTransaction['kind']): string {
  const labels: Record<PaymentTransaction['kind'], string> = { charge: msg('Charge'), refund: msg('Refund') };
  return labels[kind] ?? kind;
}

/** Icons (decorative: the type is also written out). */
const TYPE_ICON: Record<PaymentMethodType, TemplateResult> = {
  card: svg`<rect x="2" y="5" width="20" height="14" rx="2"/><path d="M2 10h20M6 15h4"/>`,
  bank_account: svg`<path d="M3 10h18L12 4ZM5 10v8M9.5 10v8M14.5 10v8M19 10v8M3 20h18"/>`,
  paypal: svg`<path d="M4 7h15a1 1 0 0 1 1 1v10a1 1 0 0 1-1 1H4ZM4 7V6a1 1 0 0 1 1-1h11v2M16 12h4v3h-4a1.5 1.5 0 0 1 0-3Z"/>`,
  apple_pay: svg`<rect x="6" y="2" width="12" height="20" rx="2"/><path d="M11 18h2"/>`,
  google_pay: svg`<rect x="6" y="2" width="12" height="20" rx="2"/><path d="M11 18h2"/>`,
  other: svg`<circle cx="12" cy="12" r="9"/><path d="M9 10a3 3 0 1 1 3 3v1.5M12 17.5v.01"/>`,
};
const FLAG_ICON = {
  failed: svg`<circle cx="12" cy="12" r="9"/><path d="m9 9 6 6M15 9l-6 6"/>`,
  refund: svg`<path d="M9 14 4 9l5-5"/><path d="M4 9h10a6 6 0 0 1 0 12h-3"/>`,
};

/** "Visa", "PayPal", "Bank account" … */
function methodName(m: { type: PaymentMethodType; brand: string | null }): string {
  if (!m.brand) return typeLabel(m.type);
  return BRAND_LABEL[m.brand.toLowerCase()] ?? m.brand.charAt(0).toUpperCase() + m.brand.slice(1);
}

/** `4, 2012` → "04/12". */
function expiry(month: number, year: number): string {
  return `${String(month).padStart(2, '0')}/${String(year % 100).padStart(2, '0')}`;
}

/** "•••• 1872" shown, "ending in 1872" read. */
function masked(last4: string | null): TemplateResult | typeof nothing {
  if (!last4) return nothing;
  return html` <span class="mask" aria-hidden="true">•••• ${last4}</span><span class="visually-hidden">${msg(str`ending in ${last4}`)}</span>`;
}

/**
 * @summary Saved payment methods and billing history (R9): each method's type and brand, masked
 * number (•••• and the last 4 digits), expiry MM/YY, "Default" and "Expired" badges; every charge and
 * refund newest first with date, amount, type, status, method and order; total succeeded, total
 * refunded and the number of failed payments.
 *
 * Failed payments and refunds are highlighted: a tinted row with an icon and the words "Failed" /
 * "Refund" (never colour alone). The first `page-size` transactions show; "Show more" reveals more.
 * Narrower than 30rem, each transaction becomes a card (the table keeps its roles).
 *
 * Card numbers never reach the browser: the API sends at most the last 4 digits (none, for roles that
 * may not see them; the number is then not shown).
 *
 * @attr customer-id - The customer to show.
 * @attr order-href - Link template for orders, e.g. `/orders/{id}`; without it orders are buttons.
 * @attr page-size - Transactions shown at first and added by each "Show more" (default 10).
 *
 * @fires {CustomEvent<C360NavigateDetail>} c360-navigate - An order was clicked. Cancelable, bubbles, composed.
 *
 * @csspart base - The wrapper.
 * @csspart totals - Total succeeded, total refunded, failed count.
 * @csspart methods - The list of saved methods.
 * @csspart method - One saved method (the default one also `method-default`, an expired one `method-expired`).
 * @csspart method-icon - The icon of a method's type.
 * @csspart badge - A "Default" or "Expired" badge.
 * @csspart table - The transactions table.
 * @csspart transaction - One transaction row (failed ones and refunds also `transaction-flagged`).
 * @csspart status - A transaction's type and status chips.
 * @csspart order-link - A transaction's order (link or button).
 * @csspart show-more - The "Show more" button.
 * @csspart state - Loading, empty, error and access-denied states.
 * @csspart retry - The Retry button of the error state.
 */
export class PaymentMethodsElement extends C360CustomerElement {
  static override styles = [baseStyles, tableStyles, listTableStyles, styles];
  /** The change-feed sections this element shows (real time, SPEC §7). */
  static override liveSections = ['payments'] as const;

  /** Link template for orders, `{id}` filled in, e.g. `/orders/{id}`. Without it, orders are buttons. */
  @property({ attribute: 'order-href' }) orderHref?: string;

  /** Transactions shown at first, and added by each "Show more". */
  @property({ type: Number, attribute: 'page-size' }) pageSize = 10;

  /** How many transactions are shown (reset when the data changes). */
  @state() private visible = 0;

  private readonly task = new Task(this, {
    task: async ([id, client], { signal }) => {
      if (!id) return initialState;
      const overview = await this.requireClient(client).getPayments(id, { signal });
      this.visible = this.pageSize;
      return overview;
    },
    args: () => [this.customerId, this.client] as const,
  });

  /** The payments overview, once loaded. */
  get overview(): PaymentsOverview | undefined {
    return this.task.value;
  }

  /** Shows the next `page-size` transactions. */
  showMore(): void {
    this.visible += Math.max(1, this.pageSize);
  }

  protected override render() {
    return this.renderTask(this.task, (overview) => this.renderOverview(overview), msg('Loading payments…'));
  }

  private renderOverview(p: PaymentsOverview) {
    const f = this.format;
    const shown = p.transactions.slice(0, Math.max(this.visible, 1));
    const rest = p.transactions.length - shown.length;
    return html`<div part="base" class="base">
      <dl part="totals" class="totals">
        <div><dt>${msg('Total succeeded')}</dt><dd data-total="succeeded">${f.money(p.totals.succeeded, p.currency)}</dd></div>
        <div><dt>${msg('Total refunded')}</dt><dd data-total="refunded">${f.money(p.totals.refunded, p.currency)}</dd></div>
        <div><dt>${msg('Failed payments')}</dt><dd data-total="failed">${f.number(p.totals.failedCount)}</dd></div>
      </dl>
      <div class="block">
        <h3 id="methods-heading">${msg('Saved payment methods')}</h3>
        ${
          p.methods.length
            ? html`<ul part="methods" class="methods" aria-labelledby="methods-heading">
              ${p.methods.map((m) => this.renderMethod(m))}
            </ul>`
            : renderEmpty(msg('No saved payment methods.'))
        }
      </div>
      <div class="block">
        <h3 id="transactions-heading">${msg('Transactions')}</h3>
        ${
          p.transactions.length
            ? html`<table part="table" role="table" aria-labelledby="transactions-heading">
                <thead role="rowgroup">
                  <tr role="row">
                    <th role="columnheader" scope="col">${msg('Date')}</th>
                    <th role="columnheader" scope="col" class="num">${msg('Amount')}</th>
                    <th role="columnheader" scope="col">${msg('Status')}</th>
                    <th role="columnheader" scope="col">${msg('Method')}</th>
                    <th role="columnheader" scope="col">${msg('Order')}</th>
                  </tr>
                </thead>
                <tbody role="rowgroup">
                  ${shown.map((t) => this.renderTransaction(t))}
                </tbody>
              </table>
              ${
                rest > 0
                  ? html`<button part="show-more" class="button show-more" type="button" @click=${() => this.showMore()}>
                    ${msg(str`Show ${f.number(Math.min(rest, Math.max(1, this.pageSize)))} more (${f.number(rest)} not shown)`)}
                  </button>`
                  : nothing
              }`
            : renderEmpty(msg('No payments yet.'))
        }
      </div>
    </div>`;
  }

  private renderMethod(m: SavedPaymentMethod) {
    const parts = ['method', m.default ? 'method-default' : '', m.expired ? 'method-expired' : ''].filter(Boolean).join(' ');
    return html`<li part=${parts} class="method ${m.expired ? 'expired' : ''}" data-method-id=${m.id}>
      <svg part="method-icon" class="icon type-icon" viewBox="0 0 24 24" aria-hidden="true">${TYPE_ICON[m.type]}</svg>
      <span class="method-text">
        <span class="method-name">${methodName(m)}${masked(m.last4)}</span>
        <span class="method-meta">
          ${m.brand && m.type !== 'card' ? html`<span>${typeLabel(m.type)}</span>` : nothing}
          ${
            m.expMonth !== null && m.expYear !== null
              ? html`<span class="expiry" data-expiry>${m.expired ? msg(str`Expired ${expiry(m.expMonth, m.expYear)}`) : msg(str`Expires ${expiry(m.expMonth, m.expYear)}`)}</span>`
              : nothing
          }
        </span>
      </span>
      <span class="badges">
        ${m.default ? html`<span part="badge" class="chip badge default" data-badge="default">${msg('Default')}</span>` : nothing}
        ${
          m.expired
            ? html`<span part="badge" class="chip badge expired" data-badge="expired"
              ><svg class="icon" viewBox="0 0 24 24" aria-hidden="true">${FLAG_ICON.failed}</svg>${msg('Expired')}</span
            >`
            : nothing
        }
      </span>
    </li>`;
  }

  private renderTransaction(t: PaymentTransaction) {
    const f = this.format;
    const flag = t.status === 'failed' ? 'failed' : t.kind === 'refund' ? 'refund' : null;
    return html`<tr
      part=${flag ? 'transaction transaction-flagged' : 'transaction'}
      role="row"
      class=${flag ? `flagged flag-${flag}` : ''}
      data-transaction-id=${t.id}
      data-flag=${flag ?? nothing}
    >
      <td role="cell" class="date"><time datetime=${t.occurredAt}>${f.date(t.occurredAt)}</time></td>
      <td role="cell" class="num amount">${f.money(t.amount, t.currency)}</td>
      <td role="cell" class="status">
        <span part="status" class="chips">
          ${flag ? html`<svg class="icon flag-icon" viewBox="0 0 24 24" aria-hidden="true">${FLAG_ICON[flag]}</svg>` : nothing}
          <span class="chip kind kind-${t.kind}" data-kind>${kindLabel(t.kind)}</span>
          <span class="chip status-${t.status}" data-status>${statusLabel(t.status)}</span>
        </span>
      </td>
      <td role="cell" class="method-cell">${t.method ? html`${methodName(t.method)}${masked(t.method.last4)}` : html`<span class="muted">—</span>`}</td>
      <td role="cell" class="order">
        ${
          t.orderId
            ? renderNavigable(this, { kind: 'order', id: t.orderId }, t.orderId, this.orderHref, 'order-link')
            : t.reference
              ? html`<span class="muted">${t.reference}</span>`
              : html`<span class="muted">—</span>`
        }
      </td>
    </tr>`;
  }
}
