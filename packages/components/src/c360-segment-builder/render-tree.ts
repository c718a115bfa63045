/**
 * The segment builder's groups and condition rows as templates: a row is field / operator / value
 * (the value input follows the field's kind: a number, an amount with its currency, a date, a
 * choice among RFM segments or tiers, or text) with its Remove button and its message.
 * @module
 */
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { msg, str } from '@lit/localize';
import type { SegmentField, SegmentOperator } from '@c360/sdk';
import { fieldLabel } from '../customer-segments/criteria.js';
import { FIELD_KINDS, KIND_OPERATORS, MONEY_FIELDS, RFM_SEGMENTS, TIERS, rowsOf, type Group, type Row } from './model.js';

/** What the templates call back into (the element). */
export interface TreeHost {
  readonly root: Group;
  /** Row key → its message (shown under the row). */
  readonly messages: ReadonlyMap<number, string>;
  /** Currency code shown beside amounts; empty: "in each customer’s currency". */
  readonly currency: string;
  /** Suggestions for the country value. */
  readonly countries: readonly string[];
  /** Deepest nesting of groups the language allows. */
  readonly maxDepth: number;
  setField(row: Row, field: SegmentField): void;
  setOp(row: Row, op: SegmentOperator): void;
  setValue(row: Row, value: string): void;
  setJoin(group: Group, join: Group['join']): void;
  setNot(group: Group, not: boolean): void;
  addRow(group: Group, after?: Row): void;
  addGroup(group: Group): void;
  removeItem(key: number): void;
  onRowKeydown(event: KeyboardEvent, row: Row, group: Group): void;
}

/** An operator in words ("is", "at least", "is one of"…), in the current locale. */
export function operatorLabel(op: SegmentOperator): string {
  const labels: Record<SegmentOperator, string> = {
    '=': msg('is'),
    '!=': msg('is not'),
    '>': msg('more than'),
    '>=': msg('at least'),
    '<': msg('less than'),
    '<=': msg('at most'),
    in: msg('is one of'),
    contains: msg('contains'),
    before: msg('before'),
    after: msg('after'),
  };
  return labels[op];
}

const TIER_LABELS = (): Record<string, string> => ({
  bronze: msg('Bronze'),
  silver: msg('Silver'),
  gold: msg('Gold'),
  platinum: msg('Platinum'),
});

/** The value input of a row, by the field's kind and the operator. */
function renderValue(host: TreeHost, row: Row, n: number, describedBy: string): TemplateResult {
  const kind = FIELD_KINDS[row.field];
  const label = msg(str`Condition ${n}: value`);
  const invalid = host.messages.has(row.key) ? 'true' : 'false';
  const onInput = (e: Event) => host.setValue(row, (e.target as HTMLInputElement).value);
  if (kind === 'rfmSegment' || kind === 'tier') {
    const options = kind === 'tier' ? TIERS.map((t) => [t, TIER_LABELS()[t]!] as const) : RFM_SEGMENTS.map((s) => [s, s] as const);
    const chosen = new Set(row.value.split(',').map((s) => s.trim()));
    const multiple = row.op === 'in';
    const onChange = (e: Event) =>
      host.setValue(
        row,
        [...(e.target as HTMLSelectElement).selectedOptions]
          .map((o) => o.value)
          .filter(Boolean)
          .join(', '),
      );
    return html`<select part="value" class="value" aria-label=${label} aria-invalid=${invalid} aria-describedby=${describedBy} ?multiple=${multiple} size=${multiple ? 4 : nothing} @change=${onChange}>
      ${multiple ? nothing : html`<option value="" ?selected=${!row.value}>${msg('Choose…')}</option>`}
      ${options.map(([value, text]) => html`<option value=${value} ?selected=${chosen.has(value)}>${text}</option>`)}
    </select>`;
  }
  if (kind === 'date') {
    return html`<input part="value" class="value" type="date" aria-label=${label} aria-invalid=${invalid} aria-describedby=${describedBy} .value=${live(row.value)} @input=${onInput} />`;
  }
  const list = row.op === 'in';
  const placeholder = list ? (kind === 'number' ? msg('e.g. 1, 2, 3') : msg('values, separated by commas')) : '';
  const money = MONEY_FIELDS.has(row.field);
  return html`<span class="value-wrap">
    <input
      part="value"
      class="value"
      type="text"
      inputmode=${kind === 'number' && !list ? 'decimal' : nothing}
      list=${row.field === 'country' && host.countries.length ? 'countries' : nothing}
      placeholder=${placeholder}
      aria-label=${label}
      aria-invalid=${invalid}
      aria-describedby=${describedBy}
      .value=${live(row.value)}
      @input=${onInput}
    />${money ? html`<span part="unit" class="unit">${host.currency || msg('in each customer’s currency')}</span>` : nothing}
  </span>`;
}

function renderRow(host: TreeHost, row: Row, group: Group, n: number): TemplateResult {
  const ops = KIND_OPERATORS[FIELD_KINDS[row.field]];
  const message = host.messages.get(row.key);
  const messageId = `row-message-${row.key}`;
  return html`<li part="row" class="row" data-key=${row.key} data-row=${n} @keydown=${(e: KeyboardEvent) => host.onRowKeydown(e, row, group)}>
    <span class="row-number" aria-hidden="true">${n}</span>
    <select part="field" class="field" aria-label=${msg(str`Condition ${n}: field`)} @change=${(e: Event) => host.setField(row, (e.target as HTMLSelectElement).value as SegmentField)}>
      ${(Object.keys(FIELD_KINDS) as SegmentField[]).map((f) => html`<option value=${f} ?selected=${f === row.field}>${fieldLabel(f)}</option>`)}
    </select>
    <select part="operator" class="operator" aria-label=${msg(str`Condition ${n}: operator`)} @change=${(e: Event) => host.setOp(row, (e.target as HTMLSelectElement).value as SegmentOperator)}>
      ${ops.map((op) => html`<option value=${op} ?selected=${op === row.op}>${operatorLabel(op)}</option>`)}
    </select>
    ${renderValue(host, row, n, messageId)}
    <button part="remove-row" class="button secondary icon" type="button" aria-label=${msg(str`Remove condition ${n}`)} title=${msg(str`Remove condition ${n}`)} @click=${() => host.removeItem(row.key)}>✕</button>
    <p part="row-error" class="row-error" id=${messageId} ?hidden=${!message}>${message ?? ''}</p>
  </li>`;
}

/** A group: its "all / any" choice, its "not" box, its rows and nested groups, and its Add buttons. */
export function renderGroup(host: TreeHost, group: Group, depth = 1, numbers = rowNumbers(host.root)): TemplateResult {
  const root = depth === 1;
  const name = root ? msg('Customers who match') : msg(str`Group at level ${depth}`);
  const message = host.messages.get(group.key);
  return html`<div part=${root ? 'group root-group' : 'group'} class="group" role="group" aria-label=${name} data-key=${group.key}>
    <div class="group-head">
      <label class="join">
        <span>${msg('Match')}</span>
        <select part="join" @change=${(e: Event) => host.setJoin(group, (e.target as HTMLSelectElement).value as Group['join'])}>
          <option value="all" ?selected=${group.join === 'all'}>${msg('all of these conditions')}</option>
          <option value="any" ?selected=${group.join === 'any'}>${msg('any of these conditions')}</option>
        </select>
      </label>
      <label class="not"><input part="not" type="checkbox" .checked=${live(group.not)} @change=${(e: Event) => host.setNot(group, (e.target as HTMLInputElement).checked)} />${msg('Not (exclude the customers who match)')}</label>
      ${root ? nothing : html`<button part="remove-group" class="button secondary" type="button" @click=${() => host.removeItem(group.key)}>${msg('Remove group')}</button>`}
    </div>
    <ol class="rows">
      ${group.children.map((child) =>
        child.type === 'row'
          ? renderRow(host, child, group, numbers.get(child.key)!)
          : html`<li class="nested">${renderGroup(host, child, depth + 1, numbers)}</li>`,
      )}
    </ol>
    ${message ? html`<p part="row-error" class="row-error">${message}</p>` : nothing}
    <div class="group-actions">
      <button part="add-row" class="button secondary" type="button" @click=${() => host.addRow(group)}>${msg('Add condition')}</button>
      ${depth < host.maxDepth ? html`<button part="add-group" class="button secondary" type="button" @click=${() => host.addGroup(group)}>${msg('Add group')}</button>` : nothing}
    </div>
  </div>`;
}

function rowNumbers(root: Group): Map<number, number> {
  return new Map(rowsOf(root).map((r, i) => [r.key, i + 1]));
}
