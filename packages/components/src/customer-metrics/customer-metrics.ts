import { html } from 'lit';
import { msg, str } from '@lit/localize';
import type { Customer360 } from '@c360/sdk';
import { C360CustomerElement } from '../base/customer-element.js';
import { baseStyles } from '../base/styles.js';
import styles from './customer-metrics.styles.js';

/**
 * @summary Value metrics: lifetime value (CLV) prominently, then orders, average order value,
 * spend, refunds, recency, purchase frequency and tenure — with their units.
 *
 * Definitions are SPEC §4's: CLV = total spent = sum of completed order totals; refunds never
 * reduce it; frequency is completed orders per 30 days of tenure.
 *
 * @attr customer-id - The customer to show.
 *
 * @csspart base - The wrapper.
 * @csspart clv - The lifetime value block.
 * @csspart grid - The list of the other metrics.
 * @csspart metric - One metric (label and value).
 * @csspart state - Loading, empty, error and access-denied states.
 * @csspart retry - The Retry button of the error state.
 */
export class CustomerMetricsElement extends C360CustomerElement {
  static override styles = [baseStyles, styles];
  /** The change-feed sections this element shows (real time, SPEC §7). */
  static override liveSections = ['profile', 'orders'] as const;

  private readonly task = this.customer360Task();

  protected override render() {
    return this.renderTask(this.task, (view) => this.renderMetrics(view), msg('Loading metrics…'));
  }

  /** "1 completed order" / "12 completed orders" in the active language. */
  private completedOrders(count: number): string {
    const n = this.format.number(count);
    return count === 1 ? msg(str`${n} completed order`) : msg(str`${n} completed orders`);
  }

  private renderMetrics({ metrics: m }: Customer360) {
    const f = this.format;
    const money = (v: number) => f.money(v, m.currency);
    const rows: Array<[id: string, label: string, value: string, hint?: string]> = [
      ['total-orders', msg('Total orders'), f.number(m.totalOrders)],
      ['completed-orders', msg('Completed orders'), f.number(m.completedOrders)],
      ['average-order-value', msg('Average order value'), money(m.averageOrderValue)],
      ['total-spent', msg('Total spent'), money(m.totalSpent)],
      ['total-refunded', msg('Total refunded'), money(m.totalRefunded)],
      [
        'days-since-last-purchase',
        msg('Since last purchase'),
        m.daysSinceLastPurchase === null ? msg('No completed order') : f.days(m.daysSinceLastPurchase),
        m.lastPurchaseAt ? msg(str`Last purchase ${f.date(m.lastPurchaseAt)}`) : undefined,
      ],
      ['purchase-frequency', msg('Purchase frequency'), msg(str`${f.number(m.purchaseFrequency, 2)} orders / 30 days`)],
      ['tenure', msg('Tenure'), f.days(m.tenureDays)],
    ];
    return html`<div part="base" class="base">
      <div part="clv" class="clv" data-metric="lifetime-value">
        <span class="label">${msg('Lifetime value (CLV)')}</span>
        <span class="value">${money(m.lifetimeValue)}</span>
        <span class="hint">${this.completedOrders(m.completedOrders)} · ${m.currency}</span>
      </div>
      <dl part="grid" class="grid">
        ${rows.map(
          ([id, label, value, hint]) => html`<div part="metric" class="metric" data-metric=${id}>
            <dt>${label}</dt>
            <dd>${value}${hint ? html`<span class="hint">${hint}</span>` : ''}</dd>
          </div>`,
        )}
      </dl>
    </div>`;
  }
}
