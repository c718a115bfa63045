import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { msg, str } from '@lit/localize';
import { Task, TaskStatus, initialState } from '@lit/task';
import { C360ApiError, type Note, type NoteType, type NoteVisibility } from '@c360/sdk';
import { C360CustomerElement } from '../base/customer-element.js';
import { PagingController } from '../base/paging.js';
import { renderEmpty, renderError, renderLoading } from '../base/states.js';
import { baseStyles } from '../base/styles.js';
import { PermissionsController } from '../base/permissions.js';
import { noteTypeLabel } from './labels.js';
import { newIdempotencyKey, renderNoteForm, submitErrors, type Field } from './note-form.js';
import { renderNoteList, renderTypeFilter } from './note-list.js';
import styles from './customer-notes.styles.js';

export { noteTypeLabel, noteVisibilityLabel } from './labels.js';
export { relativeTime } from './note-item.js';

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
  private readonly paging = new PagingController<Note>(this, {
    fetchPage: async (cursor, signal) => {
      const page = await this.requireClient(this.client).getNotes(
        this.customerId!,
        { type: this.noteType || undefined, limit: this.pageSize, cursor },
        { signal },
      );
      return { items: page.notes, nextCursor: page.nextCursor };
    },
  });

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
      this.paging.reset(page.nextCursor);
      return page;
    },
    args: () => [this.customerId, this.client, this.noteType || undefined, this.pageSize] as const,
  });

  /** Every note shown, newest first: those added here, then the loaded pages. */
  get notes(): Note[] {
    const seen = new Set<string>();
    const filter = this.noteType;
    const added = this.added.filter((n) => !filter || n.type === filter);
    return [...added, ...(this.task.value?.notes ?? []), ...this.paging.items].filter((n) => !seen.has(n.id) && !!seen.add(n.id));
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.clock = setInterval(() => this.requestUpdate(), 60_000);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearInterval(this.clock);
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
    this.added = [];
    this.paging.reset();
  }

  /** Fetches the next page of notes, if there is one (after a failed page, tries it again). */
  async loadMore(): Promise<void> {
    if (this.customerId) await this.paging.loadMore();
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
    const { fields, formError } = submitErrors(error);
    this.fieldErrors = fields;
    if (formError !== undefined) this.formError = formError;
    await this.updateComplete;
    // Focus the first field in error; its message is in its description.
    const first = (['body', 'type', 'visibility'] as const).find((f) => fields[f]);
    if (first) this.renderRoot.querySelector<HTMLElement>(`#note-${first}`)?.focus();
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

  private onTypeChange(event: Event) {
    this.draftType = (event.target as HTMLSelectElement).value as NoteType;
  }

  private onVisibilityChange(event: Event) {
    this.draftVisibility = (event.target as HTMLSelectElement).value as NoteVisibility;
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
      ${renderTypeFilter({
        noteType: this.noteType,
        onChange: (e: Event) => (this.noteType = ((e.target as HTMLSelectElement).value || undefined) as NoteType | undefined),
      })}
      ${
        loading
          ? renderLoading(msg('Loading notes…'))
          : renderNoteList({
              notes: this.notes,
              noteType: this.noteType,
              format: this.format,
              moreError: this.paging.error,
              nextCursor: this.paging.nextCursor,
              loadingMore: this.paging.loading,
              loadMore: () => this.loadMore(),
            })
      }
    </div>`;
  }

  private renderForm() {
    if (this.permissions.error !== undefined) return renderError(this.permissions.error, { retry: () => this.permissions.retry() });
    // Nothing while `GET /me` is pending (no flash of a form a viewer may not use).
    if (!this.canWrite) return nothing;
    return renderNoteForm({
      format: this.format,
      draft: this.draft,
      draftType: this.draftType,
      draftVisibility: this.draftVisibility,
      sending: this.sending,
      fieldErrors: this.fieldErrors,
      formError: this.formError,
      announcement: this.announcement,
      onSubmit: this.onSubmit,
      onInput: this.onInput,
      onKeydown: this.onKeydown,
      onTypeChange: this.onTypeChange,
      onVisibilityChange: this.onVisibilityChange,
    });
  }
}
