/**
 * The customers checked for comparison in `<c360-customer-search>`: toggling one, and the bar
 * with their chips and the "Compare (n)" button.
 * @module
 */
import { html, nothing } from 'lit';
import { msg, str } from '@lit/localize';
import { COMPARE_MAX, COMPARE_MIN, type CustomerSummary } from '@c360/sdk';
import { ICON } from './filter-panel.js';

/** A customer checked for comparison. */
export type CompareItem = Pick<CustomerSummary, 'id' | 'name'>;

/** `checked` with `customer` checked (when fewer than COMPARE_MAX others are) or unchecked. */
export function toggleCompare(checked: readonly CompareItem[], customer: CustomerSummary, on: boolean): CompareItem[] {
  const rest = checked.filter((c) => c.id !== customer.id);
  return on && rest.length < COMPARE_MAX ? [...rest, { id: customer.id, name: customer.name }] : rest;
}

export interface CompareBarView {
  uid: string;
  checked: readonly CompareItem[];
  uncheck: (id: string) => unknown;
  compare: () => unknown;
  clear: () => unknown;
}

/** The compare bar; nothing when no customer is checked. */
export function renderCompareBar(view: CompareBarView) {
  const n = view.checked.length;
  if (!n) return nothing;
  const missing = COMPARE_MIN - n;
  const hint =
    n >= COMPARE_MAX
      ? msg(str`You can compare up to ${COMPARE_MAX} customers: uncheck one to choose another.`)
      : missing === 1
        ? msg('Check one more customer to compare.')
        : missing > 1
          ? msg(str`Check ${missing} more customers to compare.`)
          : '';
  return html`<div part="compare-bar" class="compare-bar">
    <span class="muted">${msg('For comparison:')}</span>
    <ul class="picked" aria-label=${msg('Checked for comparison')}>
      ${view.checked.map(
        (c) => html`<li>
          <button class="chip removable" type="button" @click=${() => view.uncheck(c.id)}>
            ${msg(html`<span class="visually-hidden">Uncheck </span>${c.name}`)}
            <svg class="icon" viewBox="0 0 24 24" aria-hidden="true">${ICON.remove}</svg>
          </button>
        </li>`,
      )}
    </ul>
    <button part="compare" class="button compare" type="button" ?disabled=${n < COMPARE_MIN} @click=${() => view.compare()}>
      ${msg(str`Compare (${n})`)}
    </button>
    <button class="link-button" type="button" @click=${() => view.clear()}>${msg('Uncheck all')}</button>
    <span class="hint muted" id="${view.uid}-compare-hint" role="status">${hint}</span>
  </div>`;
}
