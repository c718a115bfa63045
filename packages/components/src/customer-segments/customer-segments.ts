import { html, nothing, type PropertyValues } from 'lit';
import { state } from 'lit/decorators.js';
import { msg, str } from '@lit/localize';
import { live } from 'lit/directives/live.js';
import { Task, TaskStatus, initialState } from '@lit/task';
import { C360ApiError, type Customer360, type Segment, type SegmentKind, type SegmentMembership } from '@c360/sdk';
import { C360CustomerElement } from '../base/customer-element.js';
import { renderEmpty, renderError } from '../base/states.js';
import { baseStyles } from '../base/styles.js';
import { PermissionsController } from '../base/permissions.js';
import { describeCriteria } from './criteria.js';
import type { C360SegmentSavedDetail } from '../c360-segment-builder/segment-builder.js';
import styles from './customer-segments.styles.js';
import { problemReason } from '../base/server-text-problems.js';
import { segmentDescription, segmentName } from '../base/rfm-segments.js';

/** Detail of `c360-segments-changed`: the customer's segments after the change (RFM first). */
export interface C360SegmentsChangedDetail {
  segments: SegmentMembership[];
}

declare module '../base/events.js' {
  interface C360EventMap {
    'c360-segments-changed': C360SegmentsChangedDetail;
  }
}
declare global {
  interface HTMLElementEventMap {
    'c360-segments-changed': CustomEvent<C360SegmentsChangedDetail>;
  }
  interface DocumentEventMap {
    'c360-segments-changed': CustomEvent<C360SegmentsChangedDetail>;
  }
}

/** A segment kind's badge label (RFM, Rule, Manual) in the current locale. */
export function segmentKindLabel(kind: SegmentKind): string {
  const labels: Record<SegmentKind, string> = { rfm: msg('RFM'), rule: msg('Rule'), manual: msg('Manual') };
  return labels[kind];
}

/** Why an automatic membership has no Remove button, in the current locale. */
function automaticWhy(kind: Exclude<SegmentKind, 'manual'>): string {
  return kind === 'rfm'
    ? msg('Automatic: follows the customer’s RFM scores, so it cannot be removed by hand.')
    : msg('Automatic: follows the segment’s rule, so it cannot be removed by hand.');
}

/**
 * @summary The customer's segments (R11): each with its kind (RFM, rule or manual), its criteria
 * in words, when and how the customer was assigned (automatically or by hand), and for the RFM
 * segment the R, F and M scores. Manual segments can be added (a select of the manual segments)
 * and removed (after a confirmation; the server writes the removal to the audit log).
 *
 * Memberships come from the customer's 360 view (`GET /customers/:id/360`, shared with the other
 * sections); criteria, descriptions and the manual segments from `GET /segments`. RFM and rule
 * memberships are automatic: they follow the scores and rules, so they have no Remove button, and
 * a line says why. An RFM membership is computed when read: its date is the as-of date.
 *
 * Read-only without the `segments:write` permission (R19.3; viewers and agents): no "Add to a
 * manual segment" form, no Remove buttons, and `GET /segments` is never requested (so the
 * criteria and descriptions are not shown either). The controls appear once `GET /me` has answered.
 * A customer-scoped embed token with `segments:write` may remove manual memberships but gets no
 * "Add" form: the catalogue spans customers, so it is not asked for.
 *
 * With `segments:write` (and the catalogue), "New segment…" and each rule segment's "Edit…" open
 * `<c360-segment-builder>` in place (its code loads on first use); once it saves, the customer's
 * segments and the catalogue load again (a new rule segment the customer matches appears).
 *
 * @attr customer-id - The customer to show.
 *
 * @fires {CustomEvent<C360SegmentsChangedDetail>} c360-segments-changed - The customer was added to or removed from a manual segment; `detail.segments` is its segments now. Bubbles, composed.
 *
 * @csspart base - The wrapper.
 * @csspart list - The list of segments.
 * @csspart segment - One membership (also `segment-rfm`, `segment-rule` or `segment-manual`).
 * @csspart name - A segment's name.
 * @csspart kind - A segment's kind badge (RFM, Rule, Manual).
 * @csspart rfm - The RFM scores (R, F, M) of the RFM segment.
 * @csspart criteria - A segment's criteria in words.
 * @csspart remove - The Remove button of a manual membership.
 * @csspart confirm - The confirmation of a removal (its buttons: `confirm-remove`, `cancel`).
 * @csspart confirm-remove - The button that confirms a removal.
 * @csspart cancel - The button that cancels a removal.
 * @csspart add - The "Add to a manual segment" form.
 * @csspart segment-select - Its select of manual segments.
 * @csspart add-button - Its Add button.
 * @csspart error - The message of a change the API refused.
 * @csspart state - Loading, empty, error and access-denied states (also in place of the form when `GET /me` failed).
 * @csspart retry - The Retry button of an error state.
 * @csspart new-segment - The "New segment…" button (opens the segment builder).
 * @csspart edit - A rule segment's "Edit…" button (opens the segment builder on it).
 * @csspart builder - The `<c360-segment-builder>` while open.
 */
export class CustomerSegmentsElement extends C360CustomerElement {
  static override styles = [baseStyles, styles];
  /** The change-feed sections this element shows (real time, SPEC §7). */
  static override liveSections = ['scores', 'segments'] as const;

  /** The memberships after a change made here (until the customer changes). */
  @state() private changed?: SegmentMembership[];
  /** The segment whose removal awaits confirmation. */
  @state() private confirming?: string;
  @state() private selected = '';
  @state() private busy = false;
  @state() private error?: string;
  @state() private announcement = '';
  /** The rule segment open in the segment builder (`new`: a new one); closed when undefined. */
  @state() private building?: Segment | 'new';
  /** Member counts changed here, by segment id (the list of segments is not refetched). */
  @state() private countDelta = new Map<string, number>();

  private readonly view = this.customer360Task();

  private readonly permissions = new PermissionsController(this);

  /** Whether the current token may add and remove manual memberships (false until `GET /me` answered). */
  get canWrite(): boolean {
    return this.permissions.can('segments:write');
  }

  /**
   * Whether the segment catalogue (every segment, across customers) is asked for: with
   * segments:write, and not for a customer-scoped embed token, which the server refuses it.
   */
  private get canBrowse(): boolean {
    return this.canWrite && !this.permissions.actor?.customerId;
  }

  /** Every segment (criteria, descriptions, the manual ones to add to): only asked when {@link canBrowse}. */
  private readonly catalog = new Task(this, {
    task: async ([id, client, canBrowse], { signal }) =>
      id && canBrowse ? this.requireClient(client).getSegments({ signal }) : initialState,
    args: () => [this.customerId, this.client, this.canBrowse] as const,
  });

  /** The customer's segments (RFM first, then by name), as last loaded or changed here. */
  get segments(): SegmentMembership[] {
    return this.changed ?? this.view.value?.segments ?? [];
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('customerId') && changed.get('customerId') !== undefined) {
      this.changed = undefined;
      this.confirming = undefined;
      this.selected = '';
      this.error = undefined;
      this.announcement = '';
    }
  }

  /** Adds the customer to a manual segment; resolves when saved. */
  async addToSegment(segmentId: string): Promise<void> {
    const id = this.customerId;
    if (!id || !segmentId || this.busy) return;
    const name = this.catalog.value?.segments.find((s) => s.id === segmentId)?.name ?? segmentId;
    const already = this.segments.some((s) => s.id === segmentId);
    this.busy = true;
    this.error = undefined;
    this.announcement = '';
    try {
      const { segments } = await this.requireClient(this.client).addToSegment(id, segmentId);
      if (this.customerId !== id) return;
      this.changed = segments;
      this.selected = '';
      if (!already) this.adjustCount(segmentId, 1);
      this.announcement = msg(str`Added to “${name}”.`);
      this.emit('c360-segments-changed', { segments });
    } catch (error) {
      if (this.customerId === id) this.error = this.describe(error, msg(str`Not added to “${name}”`));
    } finally {
      this.busy = false;
    }
  }

  /** Removes the customer from a manual segment (no confirmation: the UI asks first); resolves when saved. */
  async removeFromSegment(segmentId: string): Promise<void> {
    const id = this.customerId;
    const membership = this.segments.find((s) => s.id === segmentId);
    if (!id || !membership || this.busy) return;
    this.busy = true;
    this.error = undefined;
    this.announcement = '';
    try {
      await this.requireClient(this.client).removeFromSegment(id, segmentId);
      if (this.customerId !== id) return;
      const segments = this.segments.filter((s) => s.id !== segmentId);
      this.changed = segments;
      this.confirming = undefined;
      this.adjustCount(segmentId, -1);
      this.announcement = msg(str`Removed from “${membership.name}”.`);
      this.emit('c360-segments-changed', { segments });
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('[part=segment-select]')?.focus();
    } catch (error) {
      if (this.customerId === id) this.error = this.describe(error, msg(str`Not removed from “${membership.name}”`));
    } finally {
      this.busy = false;
    }
  }

  /**
   * Opens `<c360-segment-builder>` (loaded on first use) for a new rule segment, or to edit
   * `segment`; resolves once it shows.
   */
  async openBuilder(segment?: Segment): Promise<void> {
    await import('../c360-segment-builder/define.js');
    this.building = segment ?? 'new';
    this.announcement = '';
    await this.updateComplete;
    const builder = this.renderRoot.querySelector('c360-segment-builder');
    await builder?.updateComplete;
    builder?.shadowRoot?.querySelector<HTMLElement>('[part=name]')?.focus();
  }

  private async closeBuilder(saved?: C360SegmentSavedDetail) {
    const was = this.building;
    this.building = undefined;
    if (saved) {
      this.announcement = saved.created
        ? msg(str`Segment “${saved.segment.name}” created.`)
        : msg(str`Segment “${saved.segment.name}” saved.`);
      this.changed = undefined; // the customer's memberships come from the server again
      this.countDelta = new Map();
      void this.rerunQuietly(this.view);
      void this.catalog.run();
    }
    await this.updateComplete;
    const back = was && was !== 'new' ? `[data-segment-id="${CSS.escape(was.id)}"] [part=edit]` : '[part=new-segment]';
    this.renderRoot.querySelector<HTMLElement>(back)?.focus();
  }

  private renderBuilder() {
    if (!this.catalog.value) return nothing;
    if (!this.building) {
      return html`<button part="new-segment" class="button secondary new-segment" type="button" @click=${() => this.openBuilder()}>${msg('New segment…')}</button>`;
    }
    const editing = this.building === 'new' ? undefined : this.building;
    return html`<c360-segment-builder
      part="builder"
      .segment=${editing}
      .apiBase=${this.apiBase}
      .token=${this.token}
      .locale=${this.locale}
      .theme=${this.theme}
      @c360-segment-saved=${(e: CustomEvent<C360SegmentSavedDetail>) => this.closeBuilder(e.detail)}
      @c360-segment-cancel=${() => this.closeBuilder()}
    ></c360-segment-builder>`;
  }

  private adjustCount(segmentId: string, by: number) {
    const delta = new Map(this.countDelta);
    delta.set(segmentId, (delta.get(segmentId) ?? 0) + by);
    this.countDelta = delta;
  }

  /** "`what`: why" — `what` says what failed (e.g. "Not added to “VIP”"), already translated. */
  private describe(error: unknown, what: string): string {
    if (error instanceof C360ApiError) {
      const status = error.status;
      if (error.isAccessDenied)
        return msg(str`${what}: access denied (HTTP ${status}). Ask an administrator for a token that may change segments.`);
      const reason = problemReason(error.problem);
      return msg(str`${what}: ${reason}`, { id: 'c360-failure-reason', desc: 'What failed, then why (the API message).' });
    }
    const reason = error instanceof Error ? error.message : String(error);
    return msg(str`${what}: ${reason}`, { id: 'c360-failure-reason', desc: 'What failed, then why (the API message).' });
  }

  private async askToRemove(segmentId: string) {
    this.confirming = segmentId;
    this.error = undefined;
    await this.updateComplete;
    // Focus starts on Cancel, so a second Enter does not remove by accident.
    this.renderRoot.querySelector<HTMLElement>('[part~=confirm] [part=cancel]')?.focus();
  }

  private async cancelRemove() {
    const segmentId = this.confirming;
    this.confirming = undefined;
    await this.updateComplete;
    if (segmentId) this.renderRoot.querySelector<HTMLElement>(`[data-segment-id="${CSS.escape(segmentId)}"] [part=remove]`)?.focus();
  }

  private onConfirmKeydown(event: KeyboardEvent) {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    void this.cancelRemove();
  }

  private onAddSubmit(event: Event) {
    event.preventDefault();
    void this.addToSegment(this.selected);
  }

  protected override render() {
    return this.renderTask(this.view, (view) => this.renderSegments(view), msg('Loading segments…'));
  }

  private renderSegments(view: Customer360) {
    const segments = this.segments;
    const catalog = this.catalog.value;
    const byId = new Map<string, Segment>(catalog?.segments.map((s) => [s.id, s]));
    return html`<div part="base" class="base">
      ${
        segments.length
          ? html`<ul part="list" class="list" aria-label=${msg('Segments')}>
            ${segments.map((m, i) => this.renderMembership(m, byId.get(m.id), view, i))}
          </ul>`
          : renderEmpty(msg('Not in any segment.'))
      }
      ${
        this.permissions.error !== undefined
          ? renderError(this.permissions.error, { retry: () => this.permissions.retry() })
          : !this.canBrowse
            ? nothing
            : this.catalog.status === TaskStatus.ERROR
              ? renderError(this.catalog.error, { retry: () => this.catalog.run() })
              : html`${this.renderAdd(segments, catalog?.segments)}${this.renderBuilder()}`
      }
      ${this.error ? html`<p part="error" class="error-message" role="alert">${this.error}</p>` : nothing}
      <p class="visually-hidden announcement" role="status">${this.announcement}</p>
    </div>`;
  }

  private renderMembership(m: SegmentMembership, segment: Segment | undefined, view: Customer360, index: number) {
    const f = this.format;
    const rfm = m.kind === 'rfm' && view.rfm?.segment === m.name ? view.rfm : undefined;
    const asOf = f.date(view.asOf);
    const assigned = m.assignedAt ? f.date(m.assignedAt) : m.kind === 'rfm' ? msg(str`As of ${asOf}`) : '—';
    const assignedTitle = m.assignedAt
      ? f.dateTime(m.assignedAt)
      : m.kind === 'rfm'
        ? msg('RFM segments are computed when read, at the as-of date')
        : nothing;
    return html`<li part="segment segment-${m.kind}" class="segment" data-segment-id=${m.id} data-kind=${m.kind} data-how=${m.how}>
      <div class="head">
        <span part="name" class="name">${segmentName(m)}</span>
        <span part="kind" class="chip kind kind-${m.kind}">${msg(html`${segmentKindLabel(m.kind)}<span class="visually-hidden"> segment</span>`)}</span>
      </div>
      ${
        rfm
          ? html`<p part="rfm" class="rfm" data-score=${rfm.score}>
            <span class="muted">${msg('RFM score')}</span>
            <span class="scores">
              <span><abbr title=${msg('Recency: 5 = bought most recently')}>${msg('R', { desc: 'Abbreviation of recency (RFM).' })}</abbr> ${rfm.r}</span>
              <span><abbr title=${msg('Frequency: 5 = most orders')}>${msg('F', { desc: 'Abbreviation of frequency (RFM).' })}</abbr> ${rfm.f}</span>
              <span><abbr title=${msg('Monetary: 5 = highest lifetime value')}>${msg('M', { desc: 'Abbreviation of monetary (RFM).' })}</abbr> ${rfm.m}</span>
            </span>
            <span class="visually-hidden">${msg(str`(recency ${rfm.r}, frequency ${rfm.f}, monetary ${rfm.m}, out of 5)`)}</span>
          </p>`
          : nothing
      }
      <dl class="facts">
        <div>
          <dt>${msg('Criteria')}</dt>
          <dd part="criteria" data-field="criteria">
            ${m.kind === 'manual' ? html`<span class="muted">${msg('None: added by hand')}</span>` : segment?.criteria ? describeCriteria(segment.criteria, f.locale) : html`<span class="muted">—</span>`}
          </dd>
        </div>
        <div>
          <dt>${msg('Assigned')}</dt>
          <dd data-field="assigned" title=${assignedTitle}>${assigned}</dd>
        </div>
        <div>
          <dt>${msg('How')}</dt>
          <dd data-field="how">${m.how === 'manual' ? msg('Manually') : msg('Automatically')}</dd>
        </div>
      </dl>
      ${segment?.description ? html`<p class="description muted">${segmentDescription(segment)}</p>` : nothing}
      ${m.kind === 'manual' ? (this.canWrite ? this.renderRemove(m, index) : nothing) : html`<p class="why muted" data-why>${automaticWhy(m.kind)}</p>`}
      ${
        m.kind === 'rule' && segment && this.canBrowse && this.building === undefined
          ? html`<button part="edit" class="button secondary edit" type="button" aria-label=${msg(str`Edit segment ${m.name}…`)} @click=${() => this.openBuilder(segment)}>${msg('Edit…')}</button>`
          : nothing
      }
    </li>`;
  }

  private renderRemove(m: SegmentMembership, index: number) {
    if (this.confirming !== m.id) {
      return html`<button part="remove" class="button secondary remove" type="button" aria-label=${msg(str`Remove from segment ${m.name}…`)} ?disabled=${this.busy} @click=${() => this.askToRemove(m.id)}>
        ${msg('Remove…')}
      </button>`;
    }
    return html`<div
      part="confirm"
      class="confirm"
      role="group"
      aria-labelledby="confirm-${index}"
      @keydown=${this.onConfirmKeydown}
    >
      <p id="confirm-${index}">${msg(str`Remove this customer from “${m.name}”? The removal is recorded in the audit log.`)}</p>
      <div class="buttons">
        <button part="confirm-remove" class="button danger" type="button" ?disabled=${this.busy} @click=${() => this.removeFromSegment(m.id)}>
          ${this.busy ? msg('Removing…') : msg('Remove')}
        </button>
        <button part="cancel" class="button secondary" type="button" ?disabled=${this.busy} @click=${() => this.cancelRemove()}>${msg('Cancel')}</button>
      </div>
    </div>`;
  }

  /** A manual segment in the select: its name and member count, e.g. "VIP (12 customers)". */
  private optionLabel(name: string, members: number): string {
    const n = this.format.number(members);
    return members === 1 ? msg(str`${name} (${n} customer)`) : msg(str`${name} (${n} customers)`);
  }

  private renderAdd(segments: SegmentMembership[], catalog: Segment[] | undefined) {
    if (!catalog) return html`<p class="muted add-loading" role="status">${msg('Loading manual segments…')}</p>`;
    const member = new Set(segments.map((s) => s.id));
    const manual = catalog.filter((s) => s.kind === 'manual');
    const available = manual.filter((s) => !member.has(s.id));
    if (!available.length) {
      return html`<p part="add" class="muted add-none">${manual.length ? msg('Already in every manual segment.') : msg('No manual segments exist yet.')}</p>`;
    }
    const count = (s: Segment) => Math.max(0, s.memberCount + (this.countDelta.get(s.id) ?? 0));
    return html`<form part="add" class="add" @submit=${this.onAddSubmit}>
      <label for="segment-select">${msg('Add to a manual segment')}</label>
      <div class="add-row">
        <select
          part="segment-select"
          id="segment-select"
          class="select"
          .value=${live(this.selected)}
          @change=${(e: Event) => (this.selected = (e.target as HTMLSelectElement).value)}
        >
          <option value="">${msg('Choose a segment…')}</option>
          ${available.map((s) => html`<option value=${s.id} ?selected=${this.selected === s.id}>${this.optionLabel(s.name, count(s))}</option>`)}
        </select>
        <button part="add-button" class="button" type="submit" ?disabled=${!this.selected || this.busy}>${this.busy && this.selected ? msg('Adding…') : msg('Add')}</button>
      </div>
    </form>`;
  }
}
