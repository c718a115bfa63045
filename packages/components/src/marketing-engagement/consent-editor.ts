/**
 * The editing part of `<marketing-engagement>` (R5, 004): the confirmation dialog of a consent
 * change (opt a channel in or out, with a reason and where the customer asked) and of the quiet
 * hours (start, end, time zone, or none), and the request body each one sends to
 * `PATCH /customers/{id}/preferences`. Rendered by the element, which owns the state.
 * @module
 */
import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import { C360ApiError, type MarketingChannel, type MarketingPreferences, type PreferencesEdit } from '@c360/sdk';
import { problemReason, problemTitle } from '../base/server-text-problems.js';

/** What is being edited: one channel's consent, or the quiet hours. */
export type PreferenceEditKind = { kind: 'consent'; channel: MarketingChannel; granted: boolean } | { kind: 'quiet-hours' };

/** The dialog's form values (strings, as the inputs hold them). */
export interface EditValues {
  reason: string;
  source: string;
  start: string;
  end: string;
  timezone: string;
  /** `on`: the quiet hours are cleared. */
  none: string;
}

/** The sources offered for a consent change (the consent log keeps the value). */
export const CONSENT_SOURCES = ['phone', 'email', 'chat', 'in-person', 'letter'] as const;

function sourceLabel(source: (typeof CONSENT_SOURCES)[number]): string {
  const labels = { phone: msg('Phone call'), email: msg('Email'), chat: msg('Chat'), 'in-person': msg('In person'), letter: msg('Letter') };
  return labels[source];
}

/** The form's starting values, from the preferences shown. */
export function initialValues(preferences: MarketingPreferences): EditValues {
  const q = preferences.quietHours;
  return {
    reason: '',
    source: 'phone',
    start: q?.start ?? '21:00',
    end: q?.end ?? '08:00',
    timezone: preferences.timezone ?? '',
    none: '',
  };
}

/** Field errors of the form before anything is sent (the server checks again). */
export function checkValues(edit: PreferenceEditKind, v: EditValues): Record<string, string> {
  const errors: Record<string, string> = {};
  if (edit.kind === 'consent' && !v.reason.trim()) errors.reason = msg('Say why consent changes (the consent log keeps it).');
  if (edit.kind === 'quiet-hours' && v.none !== 'on') {
    if (!/^\d{2}:\d{2}$/.test(v.start)) errors.start = msg('Give a start time.');
    if (!/^\d{2}:\d{2}$/.test(v.end)) errors.end = msg('Give an end time.');
  }
  return errors;
}

/** The PATCH body of the confirmed edit. */
export function bodyOf(edit: PreferenceEditKind, v: EditValues): PreferencesEdit {
  if (edit.kind === 'consent') return { optIns: { [edit.channel]: edit.granted }, reason: v.reason.trim(), source: v.source };
  if (v.none === 'on') return { quietHours: null };
  return { quietHours: { start: v.start, end: v.end }, ...(v.timezone.trim() ? { timezone: v.timezone.trim() } : {}) };
}

/** Maps a 400's field names (`body.reason`, `body.quietHours.start`) to the form's fields; other refusals in words. */
export function errorsOf(error: unknown): { fields: Record<string, string>; form?: string } {
  if (error instanceof C360ApiError && error.status === 400 && error.problem.errors?.length) {
    const fields: Record<string, string> = {};
    const other: string[] = [];
    for (const e of error.problem.errors) {
      const name = {
        'body.reason': 'reason',
        'body.source': 'source',
        'body.quietHours.start': 'start',
        'body.quietHours.end': 'end',
        'body.timezone': 'timezone',
      }[e.field];
      if (name) fields[name] ??= e.message;
      else other.push(`${e.field}: ${e.message}`);
    }
    return other.length ? { fields, form: other.join('; ') } : { fields };
  }
  if (error instanceof C360ApiError) {
    if (error.isAccessDenied)
      return { fields: {}, form: msg(str`Access denied (HTTP ${error.status}). Ask an administrator for a token with the right role.`) };
    return {
      fields: {},
      form: error.problem.detail ? problemReason(error.problem) : `${problemTitle(error.problem)} (HTTP ${error.status})`,
    };
  }
  return { fields: {}, form: error instanceof Error ? error.message : String(error) };
}

/** What the element passes to {@link renderEditDialog}. */
export interface EditDialogView {
  edit: PreferenceEditKind | undefined;
  /** The channel's name in words. */
  channelName: (channel: MarketingChannel) => string;
  values: EditValues;
  fieldErrors: Record<string, string>;
  formError: string | undefined;
  sending: boolean;
  onInput: (name: keyof EditValues, value: string) => void;
  onSubmit: () => void;
  onCancel: () => void;
  onClose: () => void;
}

function field(view: EditDialogView, name: keyof EditValues, label: string, control: TemplateResult): TemplateResult {
  const error = view.fieldErrors[name];
  return html`<div class="field">
    <label for="pref-${name}">${label}</label>
    ${control}
    ${error ? html`<p class="field-error" id="pref-${name}-error">${error}</p>` : nothing}
  </div>`;
}

function input(
  view: EditDialogView,
  name: keyof EditValues,
  type: string,
  extra: { required?: boolean; placeholder?: string } = {},
): TemplateResult {
  return html`<input
    id="pref-${name}"
    class="input"
    type=${type}
    name=${name}
    .value=${view.values[name]}
    ?required=${!!extra.required}
    placeholder=${extra.placeholder ?? nothing}
    aria-invalid=${view.fieldErrors[name] ? 'true' : 'false'}
    aria-describedby=${view.fieldErrors[name] ? `pref-${name}-error` : nothing}
    @input=${(e: Event) => view.onInput(name, (e.target as HTMLInputElement).value)}
  />`;
}

function consentFields(view: EditDialogView, channel: MarketingChannel, granted: boolean): TemplateResult {
  const name = view.channelName(channel);
  return html`<h2 id="pref-title">${granted ? msg(str`Opt in to ${name}?`) : msg(str`Opt out of ${name}?`)}</h2>
    <p class="hint">${granted ? msg('The customer agrees to receive these messages.') : msg('No more messages on this channel until the customer opts in again.')}</p>
    ${field(view, 'reason', msg('Reason'), input(view, 'reason', 'text', { required: true }))}
    ${field(
      view,
      'source',
      msg('Where the customer asked'),
      html`<select id="pref-source" class="input" name="source" .value=${view.values.source} @change=${(e: Event) => view.onInput('source', (e.target as HTMLSelectElement).value)}>
        ${CONSENT_SOURCES.map((s) => html`<option value=${s} ?selected=${view.values.source === s}>${sourceLabel(s)}</option>`)}
      </select>`,
    )}`;
}

function quietHoursFields(view: EditDialogView): TemplateResult {
  const none = view.values.none === 'on';
  return html`<h2 id="pref-title">${msg('Change quiet hours?')}</h2>
    <p class="hint">${msg('No messages are sent between the start and the end, in the customer’s time zone.')}</p>
    <label class="check"
      ><input type="checkbox" name="none" .checked=${none} @change=${(e: Event) => view.onInput('none', (e.target as HTMLInputElement).checked ? 'on' : '')} />
      ${msg('No quiet hours')}</label
    >
    ${
      none
        ? nothing
        : html`<div class="times">
            ${field(view, 'start', msg('From'), input(view, 'start', 'time', { required: true }))} ${field(view, 'end', msg('Until'), input(view, 'end', 'time', { required: true }))}
          </div>
          ${field(view, 'timezone', msg('Time zone'), input(view, 'timezone', 'text', { placeholder: 'Europe/London' }))}`
    }`;
}

/** The modal confirmation dialog of an edit (empty and closed when nothing is edited). */
export function renderEditDialog(view: EditDialogView): TemplateResult {
  const edit = view.edit;
  return html`<dialog part="edit-dialog" class="dialog" aria-labelledby="pref-title" @close=${view.onClose}>
    ${
      edit
        ? html`<form part="edit-form" class="form" novalidate @submit=${(e: Event) => (e.preventDefault(), view.onSubmit())}>
          ${edit.kind === 'consent' ? consentFields(view, edit.channel, edit.granted) : quietHoursFields(view)}
          ${view.formError ? html`<p part="form-error" class="form-error" role="alert">${view.formError}</p>` : nothing}
          <div class="buttons">
            <button part="cancel" class="button secondary" type="button" @click=${view.onCancel}>${msg('Cancel')}</button>
            <button part="confirm" class="button" type="submit" ?disabled=${view.sending} aria-busy=${view.sending ? 'true' : 'false'}>
              ${view.sending ? msg('Saving…') : msg('Confirm')}
            </button>
          </div>
        </form>`
        : nothing
    }
  </dialog>`;
}
