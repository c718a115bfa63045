import { html, nothing } from 'lit';
import { query, state } from 'lit/decorators.js';
import { msg } from '@lit/localize';
import { live } from 'lit/directives/live.js';
import { C360ApiError, type EmailQueued, type FollowUp, type Note, type PointsAdjusted, type TicketSummary } from '@c360/sdk';
import { C360CustomerElement } from '../base/customer-element.js';
import { renderEmpty, renderError } from '../base/states.js';
import { baseStyles } from '../base/styles.js';
import { PermissionsController } from '../base/permissions.js';
import {
  ACTIONS,
  QUICK_ACTIONS,
  check,
  describeError,
  sentence,
  type ActionSpec,
  type FieldSpec,
  type QuickAction,
  type Values,
} from './actions.js';
import styles from './quick-actions.styles.js';

export { QUICK_ACTIONS, type QuickAction };

/** What each action answers: the API's result. */
export interface QuickActionResults {
  email: EmailQueued;
  ticket: TicketSummary;
  points: PointsAdjusted;
  note: Note;
  followUp: FollowUp;
}

/** Detail of `c360-action-completed`: which action, on which customer, and the API's answer. */
export type C360ActionCompletedDetail = {
  [A in QuickAction]: { action: A; customerId: string; result: QuickActionResults[A] };
}[QuickAction];

declare module '../base/events.js' {
  interface C360EventMap {
    'c360-action-completed': C360ActionCompletedDetail;
  }
}
declare global {
  interface HTMLElementEventMap {
    'c360-action-completed': CustomEvent<C360ActionCompletedDetail>;
  }
  interface DocumentEventMap {
    'c360-action-completed': CustomEvent<C360ActionCompletedDetail>;
  }
}

/** A random Idempotency-Key (visible ASCII), also outside secure contexts where `randomUUID` is missing. */
function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * @summary Quick actions (R14, issue 12 item 10a): Send email, Create ticket, Adjust points, Add note
 * and Follow up for one customer, each in a modal dialog with a validated form.
 *
 * Only the actions the token's role may take are shown (R19.3; `GET /me`, asked once per API and
 * token): `email:send`, `tickets:write`, `loyalty:adjust`, `notes:write` (note and follow-up). A
 * viewer sees none, an agent sees email, ticket, note and follow-up, a manager or admin all five. A
 * token the API refuses shows the access-denied state.
 *
 * Follow up: a due date and time (`datetime-local`, the page's time zone; by default one day after
 * the server's clock, which the dialog asks for as it opens — the submit button waits for it), an
 * assignee (the caller by default) and a note; the assignee is notified when it falls due.
 *
 * Each button opens a native modal `<dialog>` (labelled by its heading; Esc or Cancel closes it
 * and focus returns to the button). The form checks required fields and lengths before sending;
 * the API's validation messages (a 400 problem) appear beside the field they name. While sending,
 * the submit button shows progress and is disabled; every attempt carries an `Idempotency-Key`
 * (kept for a retry of the same input, so a lost response never acts twice). On success the dialog
 * closes and a message says what happened ("Email queued.", "Ticket tkt_… created.", "New balance
 * 1,234 points.", "Note added.", "Follow-up scheduled for …"); a refusal (email opted out, quiet hours, no email address, more
 * points than the balance …) stays in the dialog with the server's reason, word for word.
 *
 * @attr customer-id - The customer to act on.
 *
 * @fires {CustomEvent<C360ActionCompletedDetail>} c360-action-completed - An action succeeded; `detail` = `{action, customerId, result}` (`action`: `email`, `ticket`, `points`, `note` or `followUp`; `result`: the API's answer). `<customer-360>` refreshes the sections it touches. Bubbles, composed.
 *
 * @csspart base - The wrapper of the buttons.
 * @csspart action - An action button (also `action-email`, `action-ticket`, `action-points`, `action-note`, `action-followUp`).
 * @csspart message - The message after an action succeeded.
 * @csspart dialog - The action's `<dialog>`.
 * @csspart form - The form in the dialog.
 * @csspart field - A label with its control.
 * @csspart input - A text, number or date-time input, text area or select.
 * @csspart field-error - A validation message beside its field.
 * @csspart form-error - The refusal of the server (or another error) in the dialog.
 * @csspart submit - The dialog's submit button.
 * @csspart cancel - The dialog's Cancel button.
 * @csspart state - Empty and access-denied states.
 * @csspart retry - The Retry button of an error state.
 *
 * @cssprop [--c360-dialog-width=32rem] - Largest width of the dialogs.
 */
export class QuickActionsElement extends C360CustomerElement {
  static override styles = [baseStyles, styles];

  /** The open action's dialog, if any. */
  @state() private openAction?: QuickAction;
  @state() private values: Values = {};
  @state() private fieldErrors: Record<string, string> = {};
  @state() private formError?: { lead: string; reason: string };
  @state() private sending = false;
  /** While an action's defaults are being fetched (the follow-up's server clock). */
  @state() private preparing = false;
  /** Fields the user changed since the dialog opened (prepared defaults never overwrite them). */
  private touched = new Set<string>();
  /** The message of the last success, announced politely. */
  @state() private message = '';

  @query('dialog') private dialog?: HTMLDialogElement;

  private readonly permissions = new PermissionsController(this);
  private attempt?: { key: string; signature: string };

  /** The actions the current token may take (none until `GET /me` answered). */
  get allowedActions(): QuickAction[] {
    return QUICK_ACTIONS.filter((a) => this.permissions.can(ACTIONS[a].permission));
  }

  /** Opens the dialog of `action` with an empty form. */
  async open(action: QuickAction): Promise<void> {
    this.openAction = action;
    this.values = { ...ACTIONS[action].defaults };
    this.fieldErrors = {};
    this.formError = undefined;
    this.attempt = undefined;
    this.touched = new Set();
    await this.updateComplete;
    if (this.dialog && !this.dialog.open) this.dialog.showModal();
    this.renderRoot.querySelector<HTMLElement>('#qa-field-' + ACTIONS[action].fields(() => true)[0]!.name)?.focus();
    const spec = ACTIONS[action];
    if (spec.prepare && this.client && this.customerId) {
      this.preparing = true;
      try {
        const filled = await spec.prepare(this.client, this.customerId, this.permissions.actor?.name);
        if (this.openAction !== action) return;
        const untouched = Object.entries(filled).filter(([name]) => !this.touched.has(name));
        this.values = { ...this.values, ...Object.fromEntries(untouched) };
      } finally {
        this.preparing = false;
      }
    }
  }

  /** Closes the open dialog; focus returns to its button. */
  close(): void {
    if (this.dialog?.open) this.dialog.close();
    this.closed();
  }

  /**
   * Checks and sends the open form; resolves to the API's answer, or undefined when it was not
   * sent (messages shown) or is already being sent.
   */
  async submit(): Promise<unknown> {
    const action = this.openAction;
    const id = this.customerId;
    if (!action || !id || this.sending || this.preparing) return undefined;
    const spec = ACTIONS[action];
    const fields = spec.fields((p) => this.permissions.can(p));
    const errors: Record<string, string> = {};
    for (const field of fields) {
      const message = check(field, this.values[field.name] ?? '', this.format);
      if (message) errors[field.name] = message;
    }
    this.fieldErrors = errors;
    this.formError = undefined;
    if (Object.keys(errors).length) {
      await this.focusFirstError(fields);
      return undefined;
    }
    const values = { ...this.values };
    const signature = JSON.stringify([action, id, values]);
    if (this.attempt?.signature !== signature) this.attempt = { key: newIdempotencyKey(), signature };
    this.sending = true;
    try {
      const result = await spec.run(this.requireClient(this.client), id, values, this.attempt.key);
      this.attempt = undefined;
      this.message = spec.success(result as never, this.format);
      this.emit('c360-action-completed', { action, customerId: id, result } as C360ActionCompletedDetail);
      if (this.openAction === action) this.close();
      return result;
    } catch (error) {
      if (error instanceof C360ApiError && error.status >= 400 && error.status < 500) this.attempt = undefined;
      if (this.openAction === action) await this.showError(spec, fields, error);
      return undefined;
    } finally {
      this.sending = false;
    }
  }

  private async showError(spec: ActionSpec, fields: FieldSpec[], error: unknown) {
    const errors: Record<string, string> = {};
    const other: string[] = [];
    // A 400 names the fields it refuses; any other refusal (409, 422 …) says why in its detail.
    if (error instanceof C360ApiError && error.status === 400 && error.problem.errors?.length) {
      for (const e of error.problem.errors) {
        const field = fields.find((f) => e.field === `body.${f.name}` || e.field === f.name);
        if (field) errors[field.name] ??= sentence(field.label, e.message);
        else other.push(`${e.field}: ${e.message}`);
      }
    }
    this.fieldErrors = errors;
    if (other.length || !Object.keys(errors).length) this.formError = { lead: spec.texts().failed, reason: describeError(error, other) };
    await this.focusFirstError(fields);
  }

  private async focusFirstError(fields: FieldSpec[]) {
    await this.updateComplete;
    const first = fields.find((f) => this.fieldErrors[f.name]);
    if (first) this.renderRoot.querySelector<HTMLElement>(`#qa-field-${first.name}`)?.focus();
  }

  /** The dialog closed by itself (Esc): unless it was opened again meanwhile, tidy up. */
  private onDialogClose() {
    if (this.dialog?.open || !this.openAction) return;
    this.closed();
  }

  private closed() {
    const action = this.openAction;
    if (!action) return;
    this.openAction = undefined;
    this.renderRoot.querySelector<HTMLElement>(`[data-action="${action}"]`)?.focus();
  }

  /** A click on the backdrop (outside the dialog's box) closes it. */
  private onDialogClick(event: MouseEvent) {
    if (event.target !== this.dialog) return;
    const box = this.dialog.getBoundingClientRect();
    const inside = event.clientX >= box.left && event.clientX <= box.right && event.clientY >= box.top && event.clientY <= box.bottom;
    if (!inside) this.close();
  }

  private onInput(name: string, value: string) {
    this.touched.add(name);
    this.values = { ...this.values, [name]: value };
    if (this.fieldErrors[name]) {
      const { [name]: _gone, ...rest } = this.fieldErrors;
      this.fieldErrors = rest;
    }
  }

  protected override render() {
    if (!this.customerId) return renderEmpty(msg('No customer selected.'));
    if (this.permissions.error !== undefined) return renderError(this.permissions.error, { retry: () => this.permissions.retry() });
    const actions = this.allowedActions;
    if (!actions.length) return nothing;
    return html`<div part="base" class="base" role="group" aria-label=${msg('Quick actions')}>
        ${actions.map(
          (
            a,
          ) => html`<button part="action action-${a}" class="button action" type="button" data-action=${a} aria-haspopup="dialog" @click=${() => this.open(a)}>
            ${ACTIONS[a].texts().label}
          </button>`,
        )}
        <p part="message" class="message" role="status">${this.message}</p>
      </div>
      ${this.renderDialog()}`;
  }

  private renderDialog() {
    const action = this.openAction;
    const spec = action ? ACTIONS[action] : undefined;
    return html`<dialog part="dialog" class="dialog" aria-labelledby="qa-title" data-action=${action ?? nothing} @close=${this.onDialogClose} @click=${this.onDialogClick}>
      ${
        spec
          ? html`<form part="form" class="form" novalidate @submit=${(e: Event) => (e.preventDefault(), void this.submit())}>
            <h2 id="qa-title">${spec.texts().title}</h2>
            ${spec.fields((p) => this.permissions.can(p)).map((f) => this.renderField(f))}
            ${
              this.formError
                ? html`<div part="form-error" class="form-error" role="alert"><strong>${this.formError.lead}</strong> <span class="reason">${this.formError.reason}</span></div>`
                : nothing
            }
            <div class="buttons">
              <button part="cancel" class="button secondary" type="button" @click=${() => this.close()}>${msg('Cancel')}</button>
              <button part="submit" class="button" type="submit" ?disabled=${this.sending || this.preparing} aria-busy=${this.sending || this.preparing ? 'true' : 'false'}>
                ${this.sending ? spec.texts().sending : spec.texts().submit}
              </button>
            </div>
          </form>`
          : nothing
      }
    </dialog>`;
  }

  private renderField(field: FieldSpec) {
    const id = `qa-field-${field.name}`;
    const error = this.fieldErrors[field.name];
    const value = this.values[field.name] ?? '';
    const describedBy = [field.hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || nothing;
    const common = {
      id,
      invalid: error ? 'true' : 'false',
      input: (e: Event) => this.onInput(field.name, (e.target as HTMLInputElement).value),
    };
    let control;
    if (field.kind === 'textarea') {
      control = html`<textarea part="input" class="input" id=${common.id} name=${field.name} rows="4" ?required=${!!field.required} aria-invalid=${common.invalid} aria-describedby=${describedBy} .value=${live(value)} @input=${common.input}></textarea>`;
    } else if (field.kind === 'select') {
      control = html`<select part="input" class="input" id=${common.id} name=${field.name} aria-invalid=${common.invalid} aria-describedby=${describedBy} .value=${live(value)} @change=${common.input}>
        ${field.options!.map(([v, label]) => html`<option value=${v} ?selected=${v === value}>${label}</option>`)}
      </select>`;
    } else {
      control = html`<input
        part="input"
        class="input"
        id=${common.id}
        name=${field.name}
        type=${field.kind === 'number' ? 'number' : field.kind === 'datetime' ? 'datetime-local' : 'text'}
        step=${field.kind === 'number' ? '1' : nothing}
        ?required=${!!field.required}
        aria-invalid=${common.invalid}
        aria-describedby=${describedBy}
        .value=${live(value)}
        @input=${common.input}
      />`;
    }
    return html`<div part="field" class="field" data-field=${field.name}>
      <label for=${id}>${field.label}${field.required ? html`<span aria-hidden="true"> *</span>` : nothing}</label>
      ${control}
      ${field.hint ? html`<span class="hint" id="${id}-hint">${field.hint}</span>` : nothing}
      ${error ? html`<p part="field-error" class="field-error" id="${id}-error" data-field=${field.name}>${error}</p>` : nothing}
    </div>`;
  }
}
