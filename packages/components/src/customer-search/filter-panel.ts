/**
 * The filter panel and the active-filter chips of `<c360-customer-search>`, rendered as plain
 * functions of the element's state (the element keeps the properties, state and handlers).
 * @module
 */
import { html, nothing, svg } from 'lit';
import { msg } from '@lit/localize';
import { TaskStatus } from '@lit/task';
import type { CustomerSort, SegmentKind } from '@c360/sdk';
import type { Formatter } from '../base/format.js';
import { renderError } from '../base/states.js';
import {
  FILTER_KEYS,
  TIERS,
  chipLabel,
  findTag,
  numberHint,
  segmentGroupLabel,
  sortLabels,
  tierLabel,
  type CustomerSearchFilters,
  type FilterChoices,
  type FilterKey,
} from './filters.js';

export const ICON = {
  filter: svg`<path d="M3 5h18l-7 8v6l-4 2v-8Z"/>`,
  chevron: svg`<path d="m6 9 6 6 6-6"/>`,
  remove: svg`<path d="M6 6l12 12M18 6 6 18"/>`,
};

/** What the panel shows and where its events go. Handlers are called with the element as `this`. */
export interface FilterPanelView {
  /** Prefix of the element's ids. */
  uid: string;
  /** The filters in effect (only those set). */
  filters: CustomerSearchFilters;
  /** The raw filter properties of the element. */
  values: CustomerSearchFilters;
  sort: CustomerSort;
  open: boolean;
  invalid: ReadonlySet<FilterKey>;
  choices: FilterChoices | undefined;
  choicesStatus: TaskStatus;
  choicesError: unknown;
  format: Formatter;
  retryChoices: () => unknown;
  onChange: (event: Event) => void;
  onKeydown: (event: KeyboardEvent) => void;
}

/** The active filters as removable chips, and "Clear all". */
export function renderFilterChips(
  filters: CustomerSearchFilters,
  choices: FilterChoices | undefined,
  format: Formatter,
  remove: (key: FilterKey, index: number) => unknown,
  clear: () => unknown,
) {
  const keys = FILTER_KEYS.filter((k) => filters[k] !== undefined);
  if (!keys.length) return nothing;
  return html`<div class="chips-bar">
    <ul part="chips" class="chips" aria-label=${msg('Active filters')}>
      ${keys.map(
        (key, i) => html`<li>
          <button part="filter-chip" class="chip removable" type="button" data-filter=${key} @click=${() => remove(key, i)}>
            ${msg(html`<span class="visually-hidden">Remove filter </span>${chipLabel(key, filters[key], format, choices)}`)}
            <svg class="icon" viewBox="0 0 24 24" aria-hidden="true">${ICON.remove}</svg>
          </button>
        </li>`,
      )}
    </ul>
    <button part="clear" class="link-button" type="button" @click=${clear}>${msg('Clear all')}</button>
  </div>`;
}

/** The collapsible filter panel. */
export function renderFilterPanel(view: FilterPanelView) {
  const { filters, values } = view;
  const id = (key: string) => `${view.uid}-${key}`;
  const dateRange = (legend: string, from: FilterKey, to: FilterKey) => html`<fieldset part="field" class="field range">
    <legend>${legend}</legend>
    <label>${msg('From')} <input type="date" name=${from} .value=${String(filters[from] ?? '')} max=${filters[to] ?? nothing} /></label>
    <label>${msg('To')} <input type="date" name=${to} .value=${String(filters[to] ?? '')} min=${filters[from] ?? nothing} /></label>
  </fieldset>`;
  const numberRange = (legend: string, min: FilterKey, max: FilterKey, step: string) => html`<fieldset part="field" class="field range">
    <legend>${legend}</legend>
    ${([min, max] as const).map((key, i) => {
      const bad = view.invalid.has(key);
      return html`<label>
        ${i === 0 ? msg('Min') : msg('Max')}
        <input
          type="number"
          inputmode="decimal"
          name=${key}
          min="0"
          step=${step}
          .value=${String(filters[key] ?? '')}
          aria-invalid=${bad ? 'true' : 'false'}
          aria-describedby=${bad ? id(`${key}-error`) : nothing}
        />
      </label>`;
    })}
    ${([min, max] as const).map((key) =>
      view.invalid.has(key) ? html`<span class="field-error" id=${id(`${key}-error`)}>${numberHint(key)}</span>` : nothing,
    )}
  </fieldset>`;
  return html`<form
    part="filters"
    class="panel"
    id="${view.uid}-filters"
    aria-label=${msg('Filters')}
    ?hidden=${!view.open}
    @change=${view.onChange}
    @keydown=${view.onKeydown}
    @submit=${(e: Event) => e.preventDefault()}
  >
    ${renderSegmentSelect(view)}
    <label part="field" class="field">
      <span class="label">${msg('Loyalty tier')}</span>
      <select name="tier">
        <option value="" ?selected=${!values.tier}>${msg('Any tier')}</option>
        ${TIERS.map((t) => html`<option value=${t} ?selected=${values.tier === t}>${tierLabel(t)}</option>`)}
      </select>
    </label>
    ${renderTagSelect(view)}
    <label part="field" class="field">
      <span class="label">${msg('Country')}</span>
      <input type="text" name="country" autocomplete="off" placeholder=${msg('e.g. United Kingdom')} .value=${values.country ?? ''} />
    </label>
    ${dateRange(msg('Registered'), 'registeredFrom', 'registeredTo')} ${dateRange(msg('Last purchase'), 'lastPurchaseFrom', 'lastPurchaseTo')}
    ${numberRange(msg('Lifetime value (CLV)'), 'clvMin', 'clvMax', 'any')} ${numberRange(msg('Orders'), 'ordersMin', 'ordersMax', '1')}
    <label part="field" class="field">
      <span class="label">${msg('Sort by')}</span>
      <select name="sort">
        ${Object.entries(sortLabels()).map(([s, label]) => html`<option value=${s} ?selected=${view.sort === s}>${label}</option>`)}
      </select>
    </label>
    ${
      view.choicesStatus === TaskStatus.ERROR
        ? html`<div class="choices-error">${renderError(view.choicesError, { retry: () => view.retryChoices() })}</div>`
        : nothing
    }
  </form>`;
}

function renderSegmentSelect(view: FilterPanelView) {
  const segment = view.values.segment;
  const segments = view.choices?.segments ?? [];
  const kinds: SegmentKind[] = ['rfm', 'rule', 'manual'];
  const known = segments.some((s) => s.id === segment);
  return html`<label part="field" class="field">
    <span class="label">${msg('Segment')}</span>
    <select name="segment" aria-busy=${view.choicesStatus === TaskStatus.PENDING ? 'true' : 'false'}>
      <option value="" ?selected=${!segment}>${msg('Any segment')}</option>
      ${segment && !known ? html`<option value=${segment} selected>${segment}</option>` : nothing}
      ${kinds.map((kind) => {
        const group = segments.filter((s) => s.kind === kind);
        return group.length
          ? html`<optgroup label=${segmentGroupLabel(kind)}>
              ${group.map((s) => html`<option value=${s.id} ?selected=${segment === s.id}>${s.name} (${view.format.number(s.memberCount)})</option>`)}
            </optgroup>`
          : nothing;
      })}
    </select>
  </label>`;
}

function renderTagSelect(view: FilterPanelView) {
  const tag = view.values.tag;
  const tags = view.choices?.tags ?? [];
  const current = findTag(tags, tag);
  return html`<label part="field" class="field">
    <span class="label">${msg('Tag')}</span>
    <select name="tag" aria-busy=${view.choicesStatus === TaskStatus.PENDING ? 'true' : 'false'}>
      <option value="" ?selected=${!tag}>${msg('Any tag')}</option>
      ${tag && !current ? html`<option value=${tag} selected>${tag}</option>` : nothing}
      ${tags.map((t) => html`<option value=${t.name} ?selected=${current?.id === t.id}>${t.name} (${view.format.number(t.usageCount)})</option>`)}
    </select>
  </label>`;
}
