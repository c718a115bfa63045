import { html, nothing, svg, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { msg, str } from '@lit/localize';
import { Task, initialState } from '@lit/task';
import { C360ApiError, type ComparedCustomer, type ComparedField, type CustomerComparison } from '@c360/sdk';
import { C360Element } from '../base/c360-element.js';
import { renderEmpty, renderError, renderLoading } from '../base/states.js';
import { baseStyles } from '../base/styles.js';
import type { Formatter } from '../base/format.js';
import styles from './customer-compare.styles.js';

/** Detail of `c360-compare-close`: the customers that were being compared. */
export interface C360CompareCloseDetail {
  customerIds: string[];
}
export type C360CompareCloseEvent = CustomEvent<C360CompareCloseDetail>;

declare module '../base/events.js' {
  interface C360EventMap {
    'c360-compare-close': C360CompareCloseDetail;
  }
}
declare global {
  interface HTMLElementEventMap {
    'c360-compare-close': C360CompareCloseEvent;
  }
  interface DocumentEventMap {
    'c360-compare-close': C360CompareCloseEvent;
  }
}

const listConverter = {
  fromAttribute: (value: string | null) =>
    (value ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  toAttribute: (value: string[]) => value.join(','),
};

/** Which end of a compared field is the better one (more CLV is better, less churn risk is better). */
type Better = 'highest' | 'lowest';

interface Row {
  /** `data-field` of the row; the `differences` field when there is one. */
  field: string;
  label: string;
  value: (c: ComparedCustomer, f: Formatter) => unknown;
  /** The field of the API's `differences` whose best end is highlighted, and which end is best. */
  best?: [ComparedField, Better];
}

interface RowGroup {
  id: string;
  title: string;
  rows: Row[];
}

/** A health or churn level in words (an unknown level as is). */
function levelLabel(lvl: string): string {
  const labels: Record<string, string> = {
    excellent: msg('Excellent'),
    good: msg('Good'),
    fair: msg('Fair'),
    poor: msg('Poor'),
    low: msg('Low risk'),
    medium: msg('Medium risk'),
    high: msg('High risk'),
  };
  return labels[lvl] ?? lvl;
}

const level = (score: string, lvl: string) =>
  html`${score} <span part="level" class="level level-${lvl}"><span class="dot" aria-hidden="true"></span>${levelLabel(lvl)}</span>`;

/** The compared metrics by group, their labels in the current locale. */
function groups(): RowGroup[] {
  return [
    {
      id: 'value',
      title: msg('Value'),
      rows: [
        {
          field: 'lifetimeValue',
          label: msg('Lifetime value (CLV)'),
          value: (c, f) => f.money(c.metrics.lifetimeValue, c.currency),
          best: ['lifetimeValue', 'highest'],
        },
        {
          field: 'totalOrders',
          label: msg('Total orders'),
          value: (c, f) => f.number(c.metrics.totalOrders),
          best: ['totalOrders', 'highest'],
        },
        {
          field: 'averageOrderValue',
          label: msg('Average order value'),
          value: (c, f) => f.money(c.metrics.averageOrderValue, c.currency),
          best: ['averageOrderValue', 'highest'],
        },
        {
          field: 'purchaseFrequency',
          label: msg('Purchase frequency'),
          value: (c, f) => {
            const n = f.number(c.metrics.purchaseFrequency, 2);
            return msg(str`${n} orders / 30 days`);
          },
          best: ['purchaseFrequency', 'highest'],
        },
        {
          field: 'daysSinceLastPurchase',
          label: msg('Since last purchase'),
          value: (c, f) => (c.metrics.daysSinceLastPurchase === null ? msg('No completed order') : f.days(c.metrics.daysSinceLastPurchase)),
          best: ['daysSinceLastPurchase', 'lowest'],
        },
      ],
    },
    {
      id: 'scores',
      title: msg('Scores'),
      rows: [
        {
          field: 'healthScore',
          label: msg('Health score'),
          value: (c, f) => level(f.number(c.health.score), c.health.level),
          best: ['healthScore', 'highest'],
        },
        {
          field: 'churnScore',
          label: msg('Churn risk'),
          value: (c, f) => level(f.number(c.churn.score), c.churn.level),
          best: ['churnScore', 'lowest'],
        },
        {
          field: 'rfm',
          label: msg('RFM segment'),
          value: (c) =>
            c.rfm
              ? html`${c.rfm.segment} <span class="muted">(R F M ${c.rfm.score})</span>`
              : html`<span class="muted">${msg('No completed order')}</span>`,
        },
      ],
    },
    {
      id: 'engagement',
      title: msg('Engagement, last 90 days'),
      rows: [
        {
          field: 'engagementScore',
          label: msg('Engagement score'),
          value: (c, f) => `${f.number(c.engagement.score)} / 100`,
          best: ['engagementScore', 'highest'],
        },
        { field: 'orders90', label: msg('Orders'), value: (c, f) => f.number(c.engagement.orders90) },
        {
          field: 'sessions90',
          label: msg('Sessions'),
          value: (c, f) => f.number(c.engagement.sessions90),
          best: ['sessions90', 'highest'],
        },
        {
          field: 'emailOpens90',
          label: msg('Email opens'),
          value: (c, f) => f.number(c.engagement.emailOpens90),
          best: ['emailOpens90', 'highest'],
        },
        { field: 'emailClicks90', label: msg('Email clicks'), value: (c, f) => f.number(c.engagement.emailClicks90) },
      ],
    },
  ];
}

const STAR = svg`<path d="m12 2.5 2.9 6 6.6.9-4.8 4.6 1.2 6.5L12 17.4l-5.9 3.1 1.2-6.5-4.8-4.6 6.6-.9Z"/>`;

/**
 * @summary 2–3 customers side by side (R16): CLV, orders, average order value, purchase frequency,
 * days since last purchase, health and churn risk (score and level), RFM segment and engagement
 * over the last 90 days — the best value of each row marked — and their segment overlap.
 *
 * The best value of a row is the API's `highest` or `lowest` customer (`differences`), whichever
 * is better for that metric: most CLV, orders, health and engagement; fewest days since the last
 * purchase; lowest churn risk. It is marked with a star and the word "Highest"/"Lowest", not by
 * colour alone; customers tied for the best are all marked; rows where every value is equal mark
 * nothing. Segments: those every compared
 * customer shares, then, per customer, those not shared by all.
 *
 * A table with one column per customer; when the element is narrower than the table (below 600px
 * of its own width, a container query) the table scrolls sideways with the metric names kept in
 * view (sticky first column).
 *
 * @fires {CustomEvent<C360SelectDetail>} c360-select - "Back to single view" of a customer was pressed. Bubbles, composed.
 * @fires {CustomEvent<C360CompareCloseDetail>} c360-compare-close - "Close comparison" was pressed. Bubbles, composed.
 *
 * @csspart base - The wrapper.
 * @csspart header - The title, the as-of date and the close button.
 * @csspart close - The "Close comparison" button.
 * @csspart scroller - The horizontally scrolling box around the table.
 * @csspart table - The comparison table.
 * @csspart customer - A customer's column heading (name, id, back button).
 * @csspart back - A "Back to single view" button.
 * @csspart group - A group heading row (Value, Scores, Engagement, Segments).
 * @csspart row - A metric row (`data-field` names it).
 * @csspart value - A value cell; the best of its row also has `value-best`.
 * @csspart best - The "Highest"/"Lowest" mark of the best value.
 * @csspart level - A health or churn level in words.
 * @csspart segment - A segment chip.
 * @csspart state - Loading, empty, error and access-denied states.
 * @csspart retry - The Retry button of the error state.
 *
 * @cssprop [--c360-compare-label-width=11rem] - Width of the metric-name column.
 * @cssprop [--c360-compare-best-color=var(--c360-color-success)] - Colour of the best-value mark.
 */
export class CustomerCompareElement extends C360Element {
  static override styles = [baseStyles, styles];

  /** The customers to compare: 2–3 ids (attribute: comma-separated, e.g. `17850,12346`). */
  @property({ attribute: 'customer-ids', converter: listConverter, reflect: true }) customerIds: string[] = [];

  private readonly task = new Task(this, {
    task: async ([ids, client], { signal }) =>
      ids ? this.requireClient(client).compareCustomers(ids.split(','), { signal }) : initialState,
    args: () => [this.customerIds.join(','), this.client] as const,
  });

  /** The comparison loaded (the API's response), if any. */
  get comparison(): CustomerComparison | undefined {
    return this.task.value;
  }

  protected override render() {
    const n = this.customerIds.length;
    return html`<div part="base" class="base">
      <header part="header" class="header">
        <div>
          <h2>${n ? msg(str`Comparing ${n} customers`) : msg('Compare customers')}</h2>
          ${this.task.value ? html`<p class="muted as-of">${msg(str`Values as of ${this.format.date(this.task.value.asOf)}`)}</p>` : nothing}
        </div>
        <button part="close" class="button secondary" type="button" @click=${() => this.emit('c360-compare-close', { customerIds: [...this.customerIds] })}>
          ${msg('Close comparison')}
        </button>
      </header>
      ${this.task.render({
        initial: () => renderEmpty(msg('No customers to compare: choose 2 or 3.')),
        pending: () => renderLoading(msg('Loading comparison…'), 4),
        complete: (comparison) => this.renderComparison(comparison),
        error: (error) => renderError(error, { retry: () => this.task.run(), what: this.missing(error) }),
      })}
    </div>`;
  }

  /** For a 404, the customer the API could not find, as its detail names it (`No customer with id "42"`). */
  private missing(error: unknown): string {
    const id = error instanceof C360ApiError && error.isNotFound ? /"([^"]+)"/.exec(error.problem.detail ?? '')?.[1] : undefined;
    return id ? msg(str`Customer "${id}"`) : msg('One of the compared customers');
  }

  private renderComparison(comparison: CustomerComparison) {
    const { customers } = comparison;
    const names = customers.map((c) => c.name);
    const [leading, last] = [names.slice(0, -1).join(', '), names.at(-1)];
    const caption = msg(str`Comparison of ${leading} and ${last}`);
    return html`<p class="scroll-hint muted" aria-hidden="true">${msg(str`Scroll the table sideways to see all ${customers.length} customers.`)}</p>
      <div part="scroller" class="scroller" tabindex="0" role="region" aria-label=${caption}>
        <table part="table" class="table" style="--_columns: ${customers.length}">
          <caption class="visually-hidden">${caption}</caption>
          <thead>
            <tr>
              <td class="corner"></td>
              ${customers.map(
                (c) => html`<th part="customer" class="customer" scope="col" data-customer-id=${c.id}>
                  <span class="name">${c.name}</span>
                  <span class="id muted">${msg(str`Customer ${c.id}`)}${c.country ? ` · ${c.country}` : ''}</span>
                  <button part="back" class="back link-button" type="button" @click=${() => this.emit('c360-select', { customerId: c.id })}>
                    ${msg(html`Back to single view<span class="visually-hidden"> of ${c.name}</span>`)}
                  </button>
                </th>`,
              )}
            </tr>
          </thead>
          ${groups().map((group) => this.renderGroup(group, comparison))} ${this.renderSegments(comparison)}
        </table>
      </div>
      <p class="legend muted">
        <svg class="star" viewBox="0 0 24 24" aria-hidden="true">${STAR}</svg>
        ${msg('marks the best value of a row: the highest, or the lowest where less is better (days since last purchase, churn risk).')}
      </p>`;
  }

  private renderGroup(group: RowGroup, comparison: CustomerComparison) {
    const f = this.format;
    const span = comparison.customers.length + 1;
    return html`<tbody data-group=${group.id}>
      <tr part="group" class="group">
        <th scope="rowgroup" colspan=${span}><span>${group.title}</span></th>
      </tr>
      ${group.rows.map((row) => {
        const best = row.best ? this.bestOf(comparison, ...row.best) : new Set<string>();
        return html`<tr part="row" data-field=${row.field}>
          <th scope="row">${row.label}</th>
          ${comparison.customers.map((c) => this.renderValue(c, row.value(c, f), best.has(c.id) ? row.best![1] : undefined))}
        </tr>`;
      })}
    </tbody>`;
  }

  /**
   * The customers with the best value of a field: the API's `highest` (or `lowest`) customer, and
   * any other customer with the same value (the API names only the first of a tie). None when all
   * values are equal.
   */
  private bestOf(comparison: CustomerComparison, field: ComparedField, better: Better): Set<string> {
    const difference = comparison.differences.find((d) => d.field === field);
    const first = difference?.differs ? (better === 'highest' ? difference.highest : difference.lowest) : null;
    if (!difference || first === null) return new Set();
    const value = difference.values[comparison.customers.findIndex((c) => c.id === first)];
    return new Set(comparison.customers.filter((_, i) => difference.values[i] === value).map((c) => c.id));
  }

  private renderValue(c: ComparedCustomer, value: unknown, best: Better | undefined): TemplateResult {
    return html`<td part=${best ? 'value value-best' : 'value'} class="value ${best ? 'best' : ''}" data-customer-id=${c.id} data-best=${best ?? nothing}>
      <span class="v">${value}</span>
      ${
        best
          ? html`<span part="best" class="best-mark"
            ><svg class="star" viewBox="0 0 24 24" aria-hidden="true">${STAR}</svg>${best === 'highest' ? msg(html`Highest<span class="visually-hidden">, best</span>`) : msg(html`Lowest<span class="visually-hidden">, best</span>`)}</span
          >`
          : nothing
      }
    </td>`;
  }

  private renderSegments({ customers, segments }: CustomerComparison) {
    const chips = (list: ReadonlyArray<{ id: string; name: string }>, none: string) =>
      list.length
        ? html`<ul class="chips">
            ${list.map((s) => html`<li part="segment" class="chip" data-segment-id=${s.id}>${s.name}</li>`)}
          </ul>`
        : html`<span class="muted">${none}</span>`;
    const n = customers.length;
    return html`<tbody data-group="segments">
      <tr part="group" class="group">
        <th scope="rowgroup" colspan=${n + 1}><span>${msg('Segments')}</span></th>
      </tr>
      <tr part="row" data-field="sharedSegments">
        <th scope="row">${n === 2 ? msg('Shared by both') : msg(str`Shared by all ${n}`)}</th>
        <td part="value" class="value" colspan=${n}>${chips(segments.shared, n === 2 ? msg('No segment shared by both') : msg(str`No segment shared by all ${n}`))}</td>
      </tr>
      <tr part="row" data-field="otherSegments">
        <th scope="row">${n === 2 ? msg('Only this customer') : msg('Not shared by all')}</th>
        ${customers.map((c) => html`<td part="value" class="value" data-customer-id=${c.id}>${chips(segments.byCustomer[c.id] ?? [], msg('None'))}</td>`)}
      </tr>
    </tbody>`;
  }
}
