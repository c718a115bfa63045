import { html, nothing, svg, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { msg, str } from '@lit/localize';
import { live } from 'lit/directives/live.js';
import { Task, TaskStatus, initialState } from '@lit/task';
import { C360ApiError, NOTE_MAX_LENGTH, type Note, type NoteType, type NoteVisibility } from '@c360/sdk';
import { C360CustomerElement } from '../base/customer-element.js';
import { renderEmpty, renderError, renderLoading } from '../base/states.js';
import { baseStyles } from '../base/styles.js';
import { PermissionsController } from '../base/permissions.js';
import styles from './customer-notes.styles.js';

/** Detail of `c360-note-added`: the note as the API saved it, with its author and time. */
export interface C360NoteAddedDetail {
  note: Note;
}

declare module '../base/events.js' {
  interface C360EventMap {
    'c360-note-added': C360NoteAddedDetail;
  }
}
declare global {
  interface HTMLElementEventMap {
    'c360-note-added': CustomEvent<C360NoteAddedDetail>;
  }
  interface DocumentEventMap {
    'c360-note-added': CustomEvent<C360NoteAddedDetail>;
  }
}

const NOTE_TYPES: readonly NoteType[] = ['general', 'support', 'sales', 'billing'];
const NOTE_VISIBILITIES: readonly NoteVisibility[] = ['team', 'private', 'restricted'];

/** The label of a note type in the current locale. */
export function noteTypeLabel(type: NoteType): string {
  const labels: Record<NoteType, string> = { general: msg('General'), support: msg('Support'), sales: msg('Sales'), billing: msg('Billing') };
  return labels[type];
}

/** The label of a note visibility in the current locale. */
export function noteVisibilityLabel(visibility: NoteVisibility): string {
  const labels: Record<NoteVisibility, string> = { team: msg('Team'), private: msg('Private'), restricted: msg('Restricted') };
  return labels[visibility];
}

/** Who may read a note of that visibility, in the current locale. */
function visibilityHint(visibility: NoteVisibility): string {
  const hints: Record<NoteVisibility, string> = {
    team: msg('Everyone who can see this customer'),
    private: msg('Only the author'),
    restricted: msg('The author, managers and admins'),
  };
  return hints[visibility];
}

/** People (team), a padlock (private), a shield (restricted): 24×24 strokes. */
const VISIBILITY_ICON: Record<NoteVisibility, ReturnType<typeof svg>> = {
  team: svg`<circle cx="9" cy="8" r="3.5"/><path d="M2.5 20c.6-3.6 3.1-5.5 6.5-5.5s5.9 1.9 6.5 5.5"/><path d="M16 4.8a3.5 3.5 0 0 1 0 6.4M18 14.8c2 .7 3.2 2.4 3.5 5.2"/>`,
  private: svg`<rect x="5" y="11" width="14" height="10" rx="2"/><path d="M8 11V7.5a4 4 0 0 1 8 0V11"/>`,
  restricted: svg`<path d="M12 3 4.5 6v5.5c0 4.6 3.1 8.2 7.5 9.5 4.4-1.3 7.5-4.9 7.5-9.5V6Z"/><path d="m9 12 2 2 4-4"/>`,
};

type Field = 'body' | 'type' | 'visibility';
/** The form field a 400 problem's `errors[].field` names. */
const FIELD_OF: Record<string, Field> = { 'body.body': 'body', 'body.type': 'type', 'body.visibility': 'visibility' };

/** The subject of a field's validation sentence ("The note must not be empty."), in the current locale. */
function fieldLabel(field: Field): string {
  const labels: Record<Field, string> = { body: msg('The note'), type: msg('The type'), visibility: msg('The visibility') };
  return labels[field];
}

const RELATIVE_UNITS: ReadonlyArray<[Intl.RelativeTimeFormatUnit, number]> = [
  ['year', 365 * 86_400],
  ['month', 30 * 86_400],
  ['week', 7 * 86_400],
  ['day', 86_400],
  ['hour', 3_600],
  ['minute', 60],
];

/**
 * A time relative to `now` in the largest unit that fits, e.g. "now", "5 minutes ago",
 * "yesterday", "3 weeks ago" (`Intl.RelativeTimeFormat`, numeric: auto).
 */
export function relativeTime(iso: string, now: number, locale?: string): string {
  const rtf = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  const seconds = (Date.parse(iso) - now) / 1000;
  for (const [unit, size] of RELATIVE_UNITS) {
    if (Math.abs(seconds) >= size) return rtf.format(Math.round(seconds / size), unit);
  }
  return Math.abs(seconds) < 45 ? rtf.format(0, 'second') : rtf.format(Math.round(seconds / 60), 'minute');
}

/** A random Idempotency-Key (visible ASCII), also outside secure contexts where `randomUUID` is missing. */
function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** "The note" + "must not be empty" → "The note must not be empty." (the API's message is not translated). */
function sentence(label: string, message: string): string {
  const text = /^[a-z]/.test(message)
    ? msg(str`${label} ${message}`, { id: 'c360-validation-continued', desc: 'A field validation error: the field, then the API message that continues the sentence.' })
    : msg(str`${label}: ${message}`, { id: 'c360-validation-labelled', desc: 'A field validation error: the field, then the API message as a sentence of its own.' });
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

/**
 * @summary Customer notes (R8.1, R8.2): every note the caller may read, newest first, with its
 * author, time (relative, the exact time on hover), type and visibility; a type filter; "Load more";
 * and a form that adds a note as the current user.
 *
 * The form is shown only when the token's role has the `notes:write` permission (R19.3; agents,
 * managers and admins): viewers read the notes without it. It appears once `GET /me` has answered.
 *
 * The form: a text area (up to 5,000 characters, with a counter), the type (general, support,
 * sales, billing) and the visibility (team, private, restricted). Ctrl+Enter (⌘+Enter) submits.
 * Submit is disabled while the note is sent, and every attempt carries an `Idempotency-Key`, so a
 * double submit — or a retry after a lost response — creates one note. The API's validation
 * messages (a 400 problem) appear beside the field they name. The saved note (author and time set
 * by the server, design Property 7) appears at the top of the list at once.
 *
 * Note bodies are shown as text, never as HTML: markup in a note is displayed literally.
 *
 * @attr customer-id - The customer to show.
 * @attr note-type - Only notes of this type (`general`, `support`, `sales`, `billing`); absent shows every type. Reflected.
 * @attr page-size - Notes per page and per "Load more" (1–200, default 20).
 *
 * @fires {CustomEvent<C360NoteAddedDetail>} c360-note-added - A note was saved; `detail.note` is the API's note. Bubbles, composed.
 *
 * @csspart base - The wrapper.
 * @csspart form - The add-note form.
 * @csspart textarea - The note text area.
 * @csspart counter - The character counter under the text area.
 * @csspart type-select - The type select of the form.
 * @csspart visibility-select - The visibility select of the form.
 * @csspart submit - The "Add note" button.
 * @csspart field-error - A validation message beside its field.
 * @csspart form-error - An error of the form that names no field (e.g. access denied).
 * @csspart filter - The type filter select above the list.
 * @csspart list - The list of notes.
 * @csspart note - One note.
 * @csspart author - A note's author.
 * @csspart time - A note's time (relative; the exact time in its tooltip).
 * @csspart type - A note's type badge.
 * @csspart visibility - A note's visibility (icon and word).
 * @csspart body - A note's text.
 * @csspart load-more - The "Load more" button.
 * @csspart state - Loading, empty, error and access-denied states (also where the form would be when `GET /me` failed).
 * @csspart retry - The Retry button of an error state.
 *
 * @cssprop [--c360-note-max-height=none] - Largest height of the list of notes (it scrolls beyond).
 */
export class CustomerNotesElement extends C360CustomerElement {
  static override styles = [baseStyles, styles];
  /** The change-feed sections this element shows (real time, SPEC §7). */
  static override liveSections = ['notes'] as const;

  /** Only notes of this type (`general`, `support`, `sales`, `billing`); unset shows every type. Reflected; the filter select sets it. */
  @property({ attribute: 'note-type', reflect: true }) noteType?: NoteType;

  /** Notes per page (1–200). */
  @property({ type: Number, attribute: 'page-size' }) pageSize = 20;

  /** Notes saved by this element since the list was loaded, newest first. */
  @state() private added: Note[] = [];
  /** Notes of later pages, appended by "Load more". */
  @state() private more: Note[] = [];
  @state() private nextCursor: string | null = null;
  @state() private loadingMore = false;
  @state() private moreError: unknown;
  private moreAbort?: AbortController;

  @state() private draft = '';
  @state() private draftType: NoteType = 'general';
  @state() private draftVisibility: NoteVisibility = 'team';
  @state() private sending = false;
  @state() private fieldErrors: Partial<Record<Field, string>> = {};
  @state() private formError?: string;
  /** Polite announcement of the last save. */
  @state() private announcement = '';
  /** The Idempotency-Key of the note being sent, kept for a retry of the same note. */
  private attempt?: { key: string; signature: string };
  /** Re-renders the relative times once a minute. */
  private clock?: ReturnType<typeof setInterval>;

  private readonly permissions = new PermissionsController(this);

  /** Whether the current token may add notes (false until `GET /me` answered). */
  get canWrite(): boolean {
    return this.permissions.can('notes:write');
  }

  private readonly task = new Task(this, {
    task: async ([id, client, type, limit], { signal }) => {
      // A live refresh keeps the notes on screen (those added here too) until the fresh page replaces them.
      const quiet = !!id && this.isQuiet(this.task);
      if (!quiet) this.resetList();
      if (!id) return initialState;
      const page = await this.requireClient(client).getNotes(id, { type, limit }, { signal });
      if (quiet) this.resetList();
      this.nextCursor = page.nextCursor;
      return page;
    },
    args: () => [this.customerId, this.client, this.noteType || undefined, this.pageSize] as const,
  });

  /** Every note shown, newest first: those added here, then the loaded pages. */
  get notes(): Note[] {
    const seen = new Set<string>();
    const filter = this.noteType;
    const added = this.added.filter((n) => !filter || n.type === filter);
    return [...added, ...(this.task.value?.notes ?? []), ...this.more].filter((n) => !seen.has(n.id) && !!seen.add(n.id));
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.clock = setInterval(() => this.requestUpdate(), 60_000);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearInterval(this.clock);
    this.moreAbort?.abort();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // A draft belongs to its customer: never send it to the next one.
    if (changed.has('customerId') && changed.get('customerId') !== undefined) {
      this.draft = '';
      this.fieldErrors = {};
      this.formError = undefined;
      this.announcement = '';
      this.attempt = undefined;
    }
    // A new note defaults to the type being looked at.
    if (changed.has('noteType') && this.noteType && !this.draft) this.draftType = this.noteType;
  }

  private resetList() {
    this.moreAbort?.abort();
    this.added = [];
    this.more = [];
    this.nextCursor = null;
    this.loadingMore = false;
    this.moreError = undefined;
  }

  /** Fetches the next page of notes, if there is one. */
  async loadMore(): Promise<void> {
    const id = this.customerId;
    const cursor = this.nextCursor;
    if (!id || !cursor || this.loadingMore) return;
    this.loadingMore = true;
    this.moreError = undefined;
    const abort = (this.moreAbort = new AbortController());
    try {
      const page = await this.requireClient(this.client).getNotes(id, { type: this.noteType || undefined, limit: this.pageSize, cursor }, { signal: abort.signal });
      if (abort.signal.aborted) return;
      this.more = [...this.more, ...page.notes];
      this.nextCursor = page.nextCursor;
    } catch (error) {
      if (!abort.signal.aborted) this.moreError = error;
    } finally {
      if (!abort.signal.aborted) this.loadingMore = false;
    }
  }

  /**
   * Sends the form's note; resolves to the saved note, or undefined when it was refused (the
   * messages are shown) or a note is already being sent.
   */
  async submit(): Promise<Note | undefined> {
    const id = this.customerId;
    // `sending` is set synchronously, so a second click or Ctrl+Enter before the re-render is ignored.
    if (!id || this.sending) return undefined;
    const input = { body: this.draft, type: this.draftType, visibility: this.draftVisibility };
    const signature = JSON.stringify([id, input.body, input.type, input.visibility]);
    // One key per note: a retry of the same note (say after a lost response) reuses it, and the
    // server answers with the note it created first instead of creating another.
    if (this.attempt?.signature !== signature) this.attempt = { key: newIdempotencyKey(), signature };
    this.sending = true;
    this.fieldErrors = {};
    this.formError = undefined;
    this.announcement = '';
    try {
      const note = await this.requireClient(this.client).addNote(id, input, { idempotencyKey: this.attempt.key });
      this.attempt = undefined;
      if (this.customerId !== id) return note;
      this.draft = '';
      this.added = [note, ...this.added.filter((n) => n.id !== note.id)];
      const filter = this.noteType;
      const shown = filter && noteTypeLabel(filter).toLowerCase();
      this.announcement =
        filter && note.type !== filter ? msg(str`Note added. It is not listed because only ${shown} notes are shown.`) : msg('Note added.');
      this.emit('c360-note-added', { note });
      return note;
    } catch (error) {
      // A refused note (4xx) was not saved: the next attempt gets a new key.
      if (error instanceof C360ApiError && error.status >= 400 && error.status < 500) this.attempt = undefined;
      if (this.customerId === id) await this.showSubmitError(error);
      return undefined;
    } finally {
      this.sending = false;
    }
  }

  private async showSubmitError(error: unknown) {
    const fields: Partial<Record<Field, string>> = {};
    const other: string[] = [];
    if (error instanceof C360ApiError && error.problem.errors?.length) {
      for (const e of error.problem.errors) {
        const field = FIELD_OF[e.field];
        if (field) fields[field] ??= sentence(fieldLabel(field), e.message);
        else other.push(`${e.field}: ${e.message}`);
      }
    }
    this.fieldErrors = fields;
    if (other.length || !Object.keys(fields).length) this.formError = this.describeError(error, other);
    await this.updateComplete;
    // Focus the first field in error; its message is in its description.
    const first = (['body', 'type', 'visibility'] as const).find((f) => fields[f]);
    if (first) this.renderRoot.querySelector<HTMLElement>(`#note-${first}`)?.focus();
  }

  private describeError(error: unknown, details: string[]): string {
    if (error instanceof C360ApiError) {
      const status = error.status;
      if (error.isAccessDenied) return msg(str`The note was not saved: access denied (HTTP ${status}). Ask an administrator for a token that may add notes.`);
      const detail = details.length ? details.join('; ') : error.problem.detail;
      const reason = `${error.problem.title}${status ? ` (HTTP ${status})` : ''}${detail ? `. ${detail}` : ''}`;
      return msg(str`The note was not saved: ${reason}`);
    }
    const reason = error instanceof Error ? error.message : String(error);
    return msg(str`The note was not saved: ${reason}`);
  }

  private onKeydown(event: KeyboardEvent) {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void this.submit();
    }
  }

  private onSubmit(event: Event) {
    event.preventDefault();
    void this.submit();
  }

  private onInput(event: Event) {
    this.draft = (event.target as HTMLTextAreaElement).value;
    if (this.fieldErrors.body) this.fieldErrors = { ...this.fieldErrors, body: undefined };
  }

  protected override render() {
    const id = this.customerId;
    if (!id) return renderEmpty(msg('No customer selected.'));
    if (this.task.status === TaskStatus.ERROR) {
      return renderError(this.task.error, { retry: () => this.task.run(), what: msg(str`Customer "${id}"`) });
    }
    const loading = this.task.status === TaskStatus.INITIAL || (this.task.status === TaskStatus.PENDING && !this.isQuiet(this.task));
    return html`<div part="base" class="base">
      ${this.renderForm()}
      <div class="toolbar">
        <label class="filter-label">
          ${msg(html`Show<span class="visually-hidden"> notes of type</span>`)}
          <select part="filter" class="select" .value=${live(this.noteType ?? '')} @change=${(e: Event) => (this.noteType = ((e.target as HTMLSelectElement).value || undefined) as NoteType | undefined)}>
            <option value="">${msg('All types')}</option>
            ${NOTE_TYPES.map((t) => html`<option value=${t} ?selected=${this.noteType === t}>${noteTypeLabel(t)}</option>`)}
          </select>
        </label>
      </div>
      ${loading ? renderLoading(msg('Loading notes…')) : this.renderList()}
    </div>`;
  }

  private renderForm() {
    if (this.permissions.error !== undefined) return renderError(this.permissions.error, { retry: () => this.permissions.retry() });
    // Nothing while `GET /me` is pending (no flash of a form a viewer may not use).
    if (!this.canWrite) return nothing;
    const f = this.format;
    const errors = this.fieldErrors;
    const length = this.draft.length;
    const describedBy = (field: Field, ...more: string[]) => [...more, errors[field] ? `note-${field}-error` : ''].filter(Boolean).join(' ');
    const fieldError = (field: Field) =>
      errors[field] ? html`<p part="field-error" class="field-error" id="note-${field}-error" data-field=${field}>${errors[field]}</p>` : nothing;
    return html`<form part="form" class="form" novalidate aria-label=${msg('Add a note')} @submit=${this.onSubmit}>
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
          .value=${live(this.draft)}
          @input=${this.onInput}
          @keydown=${this.onKeydown}
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
            .value=${live(this.draftType)}
            @change=${(e: Event) => (this.draftType = (e.target as HTMLSelectElement).value as NoteType)}
          >
            ${NOTE_TYPES.map((t) => html`<option value=${t} ?selected=${this.draftType === t}>${noteTypeLabel(t)}</option>`)}
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
            .value=${live(this.draftVisibility)}
            @change=${(e: Event) => (this.draftVisibility = (e.target as HTMLSelectElement).value as NoteVisibility)}
          >
            ${NOTE_VISIBILITIES.map((v) => html`<option value=${v} ?selected=${this.draftVisibility === v}>${noteVisibilityLabel(v)}</option>`)}
          </select>
          ${fieldError('visibility')}
          <span class="hint" id="note-visibility-hint">${visibilityHint(this.draftVisibility)}</span>
        </div>
      </div>
      <button part="submit" class="button submit" type="submit" ?disabled=${this.sending}>${this.sending ? msg('Saving…') : msg('Add note')}</button>
      ${this.formError ? html`<p part="form-error" class="form-error" role="alert">${this.formError}</p>` : nothing}
      <p class="visually-hidden announcement" role="status">${this.announcement}</p>
    </form>`;
  }

  private renderList() {
    const notes = this.notes;
    const shown = this.noteType && noteTypeLabel(this.noteType).toLowerCase();
    return html`${notes.length === 0
      ? renderEmpty(shown ? msg(str`No ${shown} notes.`) : msg('No notes yet.'))
      : html`<ol part="list" class="list" aria-label=${msg('Notes, newest first')}>
          ${notes.map((n) => this.renderNote(n))}
        </ol>`}
    ${this.moreError ? renderError(this.moreError, { retry: () => this.loadMore() }) : nothing}
    ${this.nextCursor
      ? html`<button part="load-more" class="button load-more" type="button" ?disabled=${this.loadingMore} @click=${() => this.loadMore()}>
          ${this.loadingMore ? msg('Loading…') : msg('Load more')}
        </button>`
      : nothing}`;
  }

  private renderNote(n: Note) {
    const f = this.format;
    return html`<li part="note" class="note" data-note-id=${n.id} data-type=${n.type}>
      <div class="note-head">
        <span part="author" class="author">${n.author}</span>
        <time part="time" class="time" datetime=${n.createdAt} title=${f.dateTime(n.createdAt)}>${relativeTime(n.createdAt, Date.now(), f.locale)}</time>
        <span part="type" class="chip type type-${n.type}" data-type=${n.type}>${msg(html`${noteTypeLabel(n.type)}<span class="visually-hidden"> note</span>`)}</span>
        <span part="visibility" class="visibility" data-visibility=${n.visibility} title=${visibilityHint(n.visibility)}>
          <svg viewBox="0 0 24 24" class="icon" aria-hidden="true">${VISIBILITY_ICON[n.visibility]}</svg>${noteVisibilityLabel(n.visibility)}
        </span>
      </div>
      <p part="body" class="body">${n.body}</p>
    </li>`;
  }
}
