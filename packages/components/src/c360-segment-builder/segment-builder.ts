import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { msg, str } from '@lit/localize';
import { C360ApiError, type Segment, type SegmentCriteria, type SegmentField, type SegmentOperator } from '@c360/sdk';
import { C360Element } from '../base/c360-element.js';
import { renderError } from '../base/states.js';
import { baseStyles } from '../base/styles.js';
import { PermissionsController } from '../base/permissions.js';
import {
  FIELD_KINDS,
  KIND_OPERATORS,
  build,
  newGroup,
  newRow,
  removeNode,
  apiIssues,
  rowsOf,
  toTree,
  type Group,
  type Row,
} from './model.js';
import { renderGroup, type TreeHost } from './render-tree.js';
import { PreviewController, describeFailure, renderPreview } from './preview.js';
import styles from './segment-builder.styles.js';

/** Detail of `c360-segment-saved`: the segment as the API answered, and whether it was created (else updated). */
export interface C360SegmentSavedDetail {
  segment: Segment;
  created: boolean;
}

/** Detail of `c360-segment-cancel`: none (an empty object). */
export type C360SegmentCancelDetail = Record<string, never>;

declare module '../base/events.js' {
  interface C360EventMap {
    'c360-segment-saved': C360SegmentSavedDetail;
    'c360-segment-cancel': C360SegmentCancelDetail;
  }
}
declare global {
  interface HTMLElementEventMap {
    'c360-segment-saved': CustomEvent<C360SegmentSavedDetail>;
    'c360-segment-cancel': CustomEvent<C360SegmentCancelDetail>;
  }
}

const criteriaConverter = {
  fromAttribute: (value: string | null): SegmentCriteria | undefined => {
    if (!value) return undefined;
    try {
      return JSON.parse(value) as SegmentCriteria;
    } catch {
      return undefined;
    }
  },
};

/**
 * @summary Builds a rule segment's criteria (docs/segments.md) without writing JSON: rows of
 * field / operator / value in "all of" / "any of" groups (nested, each optionally negated), with a
 * live count of the customers who match, a name and a description, and Save.
 *
 * The operator list and the value input follow the field: numbers, amounts (in each customer's
 * own currency, labelled with `currency` when set), dates, RFM segments and loyalty tiers (a
 * select; several with "is one of"), text (countries, tags; "is one of" takes a comma-separated
 * list). A row with a bad value gets a message naming it ("Condition 2 (Lifetime value): “lots”
 * is not a number"), and so does a row the API refuses.
 *
 * The count is `POST /segments/preview` (exact up to 10,000, then "10,000+"), asked 400 ms after
 * the last change; a newer change aborts the request in flight. Save is `POST /segments` (a new
 * rule segment) or, with `segment` set, `PATCH /segments/:id`. Needs the `segments:write`
 * permission; other tokens see an access-denied note.
 *
 * Keyboard: Tab moves through each row's field, operator, value and Remove; Enter in a row adds a
 * row below it; Delete on a row's field, operator or Remove button (or in an empty value) removes it.
 *
 * @attr criteria - The criteria to start from, as JSON (the `value` property is the same as an object).
 * @attr currency - Currency code shown beside amounts (e.g. `GBP`); amounts always compare in each customer's own currency.
 *
 * @fires {CustomEvent<C360SegmentSavedDetail>} c360-segment-saved - The segment was created or updated; bubbles, composed.
 * @fires {CustomEvent<C360SegmentCancelDetail>} c360-segment-cancel - Cancel was pressed (the host closes the builder); bubbles, composed.
 *
 * @csspart form - The whole form.
 * @csspart name - The name input.
 * @csspart description - The description input.
 * @csspart group - A group of conditions (the outermost also `root-group`).
 * @csspart join - A group's "all / any" select.
 * @csspart not - A group's "Not" checkbox.
 * @csspart remove-group - A nested group's Remove button.
 * @csspart row - One condition.
 * @csspart field - A condition's field select.
 * @csspart operator - A condition's operator select.
 * @csspart value - A condition's value input or select.
 * @csspart unit - The currency beside an amount.
 * @csspart remove-row - A condition's Remove button.
 * @csspart row-error - A condition's (or an empty group's) message.
 * @csspart add-row - A group's "Add condition" button.
 * @csspart add-group - A group's "Add group" button.
 * @csspart preview - The live member count (with `loading`, `error` or `estimate` while so).
 * @csspart save - The Save button.
 * @csspart cancel - The Cancel button.
 * @csspart error - Why the save failed.
 * @csspart state - The access-denied or error state in place of the form.
 */
export class SegmentBuilderElement extends C360Element implements TreeHost {
  static override styles = [baseStyles, styles];

  /** The criteria to start from (JSON); sets {@link value}. */
  @property({ attribute: 'criteria', converter: criteriaConverter }) criteria?: SegmentCriteria;
  /** Currency code shown beside amounts. */
  @property() currency = '';
  /** Suggestions for the country value (a datalist). */
  @property({ attribute: false }) countries: readonly string[] = [];
  /** The rule segment being edited (its name, description and criteria fill the form); unset: a new one. */
  @property({ attribute: false }) segment?: Segment;

  /** @internal Deepest nesting of groups offered (with "not" on each, it stays within the language's 8 levels). */
  readonly maxDepth = 3;
  /** @internal The groups and rows being edited. */
  @state() root: Group = newGroup();
  @state() private name = '';
  @state() private description = '';
  @state() private saving = false;
  @state() private saveError?: string;
  @state() private nameError?: string;
  /** Show the messages of empty rows too (after a Save attempt). */
  @state() private showAll = false;
  /** Messages the API gave, by row key (until that row changes). */
  @state() private serverMessages = new Map<number, string>();
  /** Rows whose value was typed into (their messages show before a Save attempt). */
  private touched = new Set<number>();
  private readonly previewer = new PreviewController(
    this,
    () => this.requireClient(this.client),
    (error) => this.mapServerIssues(error),
  );
  private readonly permissions = new PermissionsController(this);

  /** The criteria of the rows; undefined while a row has a problem (see the rows' messages). */
  get value(): SegmentCriteria | undefined {
    return build(this.root).criteria;
  }
  set value(criteria: SegmentCriteria | undefined) {
    this.root = toTree(criteria);
    this.touched = new Set(rowsOf(this.root).map((r) => r.key));
    this.changed();
  }

  /** @internal Messages by row key: the rows' own problems (typed-in or all after Save) and the API's. */
  get messages(): ReadonlyMap<number, string> {
    const out = new Map<number, string>();
    for (const issue of build(this.root).issues) if (this.showAll || this.touched.has(issue.key)) out.set(issue.key, issue.message);
    for (const [key, message] of this.serverMessages) if (!out.has(key)) out.set(key, message);
    return out;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('criteria') && this.criteria !== undefined) this.value = this.criteria;
    if (changed.has('segment') && this.segment) {
      this.name = this.segment.name;
      this.description = this.segment.description ?? '';
      this.value = this.segment.criteria ?? undefined;
    }
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.changed();
  }

  /** @internal */
  setField(row: Row, field: SegmentField): void {
    const sameKind = FIELD_KINDS[field] === FIELD_KINDS[row.field];
    row.field = field;
    if (!KIND_OPERATORS[FIELD_KINDS[field]].includes(row.op)) row.op = KIND_OPERATORS[FIELD_KINDS[field]][0]!;
    if (!sameKind) row.value = '';
    this.edited(row);
  }
  /** @internal */
  setOp(row: Row, op: SegmentOperator): void {
    row.op = op;
    this.edited(row);
  }
  /** @internal */
  setValue(row: Row, value: string): void {
    row.value = value;
    this.touched.add(row.key);
    this.edited(row);
  }
  /** @internal */
  setJoin(group: Group, join: Group['join']): void {
    group.join = join;
    this.edited();
  }
  /** @internal */
  setNot(group: Group, not: boolean): void {
    group.not = not;
    this.edited();
  }
  /** @internal */
  addRow(group: Group, after?: Row): void {
    const row = newRow(after?.field ?? 'country');
    group.children.splice(after ? group.children.indexOf(after) + 1 : group.children.length, 0, row);
    this.edited();
    void this.focusRow(row.key);
  }
  /** @internal */
  addGroup(group: Group): void {
    const added = newGroup(group.join === 'all' ? 'any' : 'all');
    group.children.push(added);
    this.edited();
    void this.focusRow(added.children[0]!.key);
  }
  /** @internal */
  removeItem(key: number): void {
    const rows = rowsOf(this.root);
    const index = rows.findIndex((r) => r.key === key);
    removeNode(this.root, key);
    this.edited();
    const left = rowsOf(this.root);
    const next = left[Math.min(Math.max(index, 0), left.length - 1)];
    if (next) void this.focusRow(next.key);
    else void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('[part~=root-group] [part=add-row]')?.focus());
  }

  /** @internal */
  onRowKeydown(event: KeyboardEvent, row: Row, group: Group): void {
    const target = event.target as HTMLElement;
    const typing = target instanceof HTMLInputElement && target.type !== 'checkbox';
    if (event.key === 'Enter' && !(target instanceof HTMLButtonElement)) {
      event.preventDefault();
      this.addRow(group, row);
    } else if (event.key === 'Delete' && (!typing || (target as HTMLInputElement).value === '')) {
      event.preventDefault();
      this.removeItem(row.key);
    }
  }

  private async focusRow(key: number): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`[part=row][data-key="${key}"] [part=field]`)?.focus();
  }

  private edited(row?: Row): void {
    if (row && this.serverMessages.has(row.key)) {
      const messages = new Map(this.serverMessages);
      messages.delete(row.key);
      this.serverMessages = messages;
    }
    this.root = { ...this.root };
    this.changed();
  }

  /** Counts the criteria anew (debounced) once they are complete. */
  private changed(): void {
    if (this.isConnected) this.previewer.schedule(this.value);
  }

  /** Puts the API's per-field messages on the rows (and the name) they name; returns those nothing took. */
  private mapServerIssues(error: unknown): string[] {
    if (!(error instanceof C360ApiError)) return [];
    const issues = apiIssues(this.root, error.problem.errors ?? []);
    this.serverMessages = issues.rows;
    if (issues.name) this.nameError = issues.name;
    return issues.rest;
  }

  /** Saves the segment (creates it, or updates {@link segment}); resolves to it, or undefined when refused (shown). */
  async save(): Promise<Segment | undefined> {
    this.showAll = true;
    this.saveError = undefined;
    const name = this.name.trim();
    this.nameError = name ? undefined : msg('Enter a name for the segment.');
    const { criteria, issues } = build(this.root);
    if (!name || !criteria || this.saving) {
      if (issues.length) this.saveError = msg(str`Fix ${issues.length} condition(s) first: ${issues[0]!.message}`);
      return undefined;
    }
    const description = this.description.trim();
    this.saving = true;
    try {
      const client = this.requireClient(this.client);
      const editing = this.segment;
      const segment = editing
        ? await client.updateSegment(editing.id, { name, criteria, description: description || null })
        : await client.createSegment({ name, kind: 'rule', criteria, ...(description ? { description } : {}) });
      this.emit('c360-segment-saved', { segment, created: !editing });
      return segment;
    } catch (error) {
      const rest = this.mapServerIssues(error);
      if (error instanceof C360ApiError && error.status === 409) this.nameError = error.problem.detail ?? error.problem.title;
      else this.saveError = describeFailure(error, rest);
      return undefined;
    } finally {
      this.saving = false;
    }
  }

  private onSubmit(event: Event): void {
    event.preventDefault();
    void this.save();
  }

  protected override render() {
    if (this.permissions.error !== undefined) return renderError(this.permissions.error, { retry: () => this.permissions.retry() });
    if (this.permissions.actor && !this.permissions.can('segments:write')) {
      return html`<div part="state denied" class="state denied" role="alert">
        <strong>${msg('Access denied')}</strong>
        <p>${msg('Your token may not create or change segments (it needs the segments:write permission).')}</p>
      </div>`;
    }
    return html`<form part="form" class="form" novalidate @submit=${this.onSubmit} aria-label=${this.segment ? msg(str`Edit segment ${this.segment.name}`) : msg('New rule segment')}>
      <div class="names">
        <label>${msg('Name')}
          <input part="name" name="name" maxlength="80" required aria-invalid=${this.nameError ? 'true' : 'false'} aria-describedby="name-error" .value=${this.name} @input=${(e: Event) => (this.name = (e.target as HTMLInputElement).value)} />
        </label>
        <label>${msg('Description')}
          <input part="description" name="description" maxlength="500" .value=${this.description} @input=${(e: Event) => (this.description = (e.target as HTMLInputElement).value)} />
        </label>
        <p class="row-error" id="name-error" ?hidden=${!this.nameError}>${this.nameError ?? ''}</p>
      </div>
      ${this.countries.length ? html`<datalist id="countries">${this.countries.map((c) => html`<option value=${c}></option>`)}</datalist>` : nothing}
      ${renderGroup(this, this.root)}
      ${renderPreview(this.format, this.previewer, this.value !== undefined)}
      <div class="buttons">
        <button part="save" class="button" type="submit" ?disabled=${this.saving}>${this.saving ? msg('Saving…') : this.segment ? msg('Save changes') : msg('Save segment')}</button>
        <button part="cancel" class="button secondary" type="button" @click=${() => this.emit('c360-segment-cancel', {})}>${msg('Cancel')}</button>
      </div>
      ${this.saveError ? html`<p part="error" class="save-error" role="alert">${this.saveError}</p>` : nothing}
    </form>`;
  }
}
