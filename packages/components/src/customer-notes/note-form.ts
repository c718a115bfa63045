/**
 * The "add a note" form of `<customer-notes>` and its validation helpers, rendered as a plain
 * function of the element's state (the element keeps the state, the sending and the handlers).
 * @module
 */
import { html, nothing } from 'lit';
import { msg, str } from '@lit/localize';
import { live } from 'lit/directives/live.js';
import { C360ApiError, NOTE_MAX_LENGTH, type NoteType, type NoteVisibility } from '@c360/sdk';
import type { Formatter } from '../base/format.js';
import { NOTE_TYPES, NOTE_VISIBILITIES, noteTypeLabel, noteVisibilityLabel, visibilityHint } from './labels.js';
import { problemTitle } from '../base/server-text-problems.js';

/** A field of the form that a validation message can name. */
export type Field = 'body' | 'type' | 'visibility';
/** The form field a 400 problem's `errors[].field` names. */
const FIELD_OF: Record<string, Field> = { 'body.body': 'body', 'body.type': 'type', 'body.visibility': 'visibility' };

/** The subject of a field's validation sentence ("The note must not be empty."), in the current locale. */
function fieldLabel(field: Field): string {
  const labels: Record<Field, string> = { body: msg('The note'), type: msg('The type'), visibility: msg('The visibility') };
  return labels[field];
}

/** A random Idempotency-Key (visible ASCII), also outside secure contexts where `randomUUID` is missing. */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** "The note" + "must not be empty" → "The note must not be empty." (the API's message is not translated). */
function sentence(label: string, message: string): string {
  const text = /^[a-z]/.test(message)
    ? msg(str`${label} ${message}`, {
        id: 'c360-validation-continued',
        desc: 'A field validation error: the field, then the API message that continues the sentence.',
      })
    : msg(str`${label}: ${message}`, {
        id: 'c360-validation-labelled',
        desc: 'A field validation error: the field, then the API message as a sentence of its own.',
      });
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

/** The messages of a refused note: one per field the API named, and one for the form, if any. */
export interface SubmitErrors {
  /** A sentence beside each field in error. */
  fields: Partial<Record<Field, string>>;
  /** The message of the whole form: set when the error names no field of the form, or other fields too. */
  formError?: string;
}

/**
 * Reads why a note was not saved: a 400 problem's `errors[]` become sentences beside the fields they
 * name (the first per field); anything else becomes the form's message.
 */
export function submitErrors(error: unknown): SubmitErrors {
  const fields: Partial<Record<Field, string>> = {};
  const other: string[] = [];
  if (error instanceof C360ApiError && error.problem.errors?.length) {
    for (const e of error.problem.errors) {
      const field = FIELD_OF[e.field];
      if (field) fields[field] ??= sentence(fieldLabel(field), e.message);
      else other.push(`${e.field}: ${e.message}`);
    }
  }
  if (other.length || !Object.keys(fields).length) return { fields, formError: describeError(error, other) };
  return { fields };
}

/** "The note was not saved: …", with the HTTP status and the problem's detail (or `details`, the unnamed field errors). */
function describeError(error: unknown, details: string[]): string {
  if (error instanceof C360ApiError) {
    const status = error.status;
    if (error.isAccessDenied)
      return msg(str`The note was not saved: access denied (HTTP ${status}). Ask an administrator for a token that may add notes.`);
    const detail = details.length ? details.join('; ') : error.problem.detail;
    const reason = `${problemTitle(error.problem)}${status ? ` (HTTP ${status})` : ''}${detail ? `. ${detail}` : ''}`;
    return msg(str`The note was not saved: ${reason}`);
  }
  const reason = error instanceof Error ? error.message : String(error);
  return msg(str`The note was not saved: ${reason}`);
}

/** What the form shows and where its events go. Handlers are called with the element as `this`. */
export interface NoteFormView {
  format: Formatter;
  /** The text of the note being written. */
  draft: string;
  draftType: NoteType;
  draftVisibility: NoteVisibility;
  /** Whether the note is being sent (Submit disabled, "Saving…"). */
  sending: boolean;
  fieldErrors: Partial<Record<Field, string>>;
  formError: string | undefined;
  /** Polite announcement of the last save. */
  announcement: string;
  onSubmit: (event: Event) => void;
  onInput: (event: Event) => void;
  onKeydown: (event: KeyboardEvent) => void;
  onTypeChange: (event: Event) => void;
  onVisibilityChange: (event: Event) => void;
}

/**
 * The `<form part="form">` that adds a note: the text area with its counter, the type and
 * visibility selects, the validation messages beside their fields, Submit and the form's error.
 * Field ids are `note-body`, `note-type` and `note-visibility` (the element focuses the first in error).
 */
export function renderNoteForm(view: NoteFormView) {
  const f = view.format;
  const errors = view.fieldErrors;
  const length = view.draft.length;
  const describedBy = (field: Field, ...more: string[]) => [...more, errors[field] ? `note-${field}-error` : ''].filter(Boolean).join(' ');
  const fieldError = (field: Field) =>
    errors[field]
      ? html`<p part="field-error" class="field-error" id="note-${field}-error" data-field=${field}>${errors[field]}</p>`
      : nothing;
  return html`<form part="form" class="form" novalidate aria-label=${msg('Add a note')} @submit=${view.onSubmit}>
    <div class="field body-field">
      <label for="note-body">${msg('New note')}</label>
      <textarea
        part="textarea"
        id="note-body"
        class="textarea"
        rows="3"
        maxlength=${NOTE_MAX_LENGTH}
        placeholder=${msg('Write a note… (Ctrl+Enter to save)')}
        aria-describedby=${describedBy('body', 'note-counter', 'note-shortcut')}
        aria-invalid=${errors.body ? 'true' : 'false'}
        .value=${live(view.draft)}
        @input=${view.onInput}
        @keydown=${view.onKeydown}
      ></textarea>
      <div class="under">
        <span class="visually-hidden" id="note-shortcut">${msg('Ctrl+Enter or Command+Enter saves the note.')}</span>
        ${fieldError('body')}
        <span part="counter" class="counter ${length > NOTE_MAX_LENGTH * 0.9 ? 'near-limit' : ''}" id="note-counter">
          ${msg(html`${f.number(length)} / ${f.number(NOTE_MAX_LENGTH)}<span class="visually-hidden"> characters</span>`)}
        </span>
      </div>
    </div>
    <div class="row">
      <div class="field">
        <label for="note-type">${msg('Type')}</label>
        <select
          part="type-select"
          id="note-type"
          class="select"
          aria-invalid=${errors.type ? 'true' : 'false'}
          aria-describedby=${describedBy('type') || nothing}
          .value=${live(view.draftType)}
          @change=${view.onTypeChange}
        >
          ${NOTE_TYPES.map((t) => html`<option value=${t} ?selected=${view.draftType === t}>${noteTypeLabel(t)}</option>`)}
        </select>
        ${fieldError('type')}
      </div>
      <div class="field">
        <label for="note-visibility">${msg('Visibility')}</label>
        <select
          part="visibility-select"
          id="note-visibility"
          class="select"
          aria-invalid=${errors.visibility ? 'true' : 'false'}
          aria-describedby=${describedBy('visibility', 'note-visibility-hint')}
          .value=${live(view.draftVisibility)}
          @change=${view.onVisibilityChange}
        >
          ${NOTE_VISIBILITIES.map((v) => html`<option value=${v} ?selected=${view.draftVisibility === v}>${noteVisibilityLabel(v)}</option>`)}
        </select>
        ${fieldError('visibility')}
        <span class="hint" id="note-visibility-hint">${visibilityHint(view.draftVisibility)}</span>
      </div>
    </div>
    <button part="submit" class="button submit" type="submit" ?disabled=${view.sending}>${view.sending ? msg('Saving…') : msg('Add note')}</button>
    ${view.formError ? html`<p part="form-error" class="form-error" role="alert">${view.formError}</p>` : nothing}
    <p class="visually-hidden announcement" role="status">${view.announcement}</p>
  </form>`;
}
