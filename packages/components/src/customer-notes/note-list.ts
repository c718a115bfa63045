/**
 * The type filter and the list of notes of `<customer-notes>` (with "Load more"), rendered as
 * plain functions of the element's state (the element keeps the paging and the handlers).
 * @module
 */
import { html, nothing } from 'lit';
import { msg, str } from '@lit/localize';
import { live } from 'lit/directives/live.js';
import type { Note, NoteType } from '@c360/sdk';
import type { Formatter } from '../base/format.js';
import { renderEmpty, renderError } from '../base/states.js';
import { NOTE_TYPES, noteTypeLabel } from './labels.js';
import { renderNoteItem } from './note-item.js';

/** What the type filter shows and where its changes go. */
export interface TypeFilterView {
  /** The type shown; undefined shows every type. */
  noteType: NoteType | undefined;
  onChange: (event: Event) => void;
}

/** The toolbar above the list: the `part="filter"` select of the note type ("All types" first). */
export function renderTypeFilter(view: TypeFilterView) {
  return html`<div class="toolbar">
    <label class="filter-label">
      ${msg(html`Show<span class="visually-hidden"> notes of type</span>`)}
      <select part="filter" class="select" .value=${live(view.noteType ?? '')} @change=${view.onChange}>
        <option value="">${msg('All types')}</option>
        ${NOTE_TYPES.map((t) => html`<option value=${t} ?selected=${view.noteType === t}>${noteTypeLabel(t)}</option>`)}
      </select>
    </label>
  </div>`;
}

/** What the list shows: the notes, the paging state and how to load the next page. */
export interface NoteListView {
  /** Every note shown, newest first. */
  notes: Note[];
  /** The type filter in effect, for the empty message. */
  noteType: NoteType | undefined;
  format: Formatter;
  /** Error of the last "Load more", shown with a Retry button. */
  moreError: unknown;
  /** Cursor of the next page; null when there is none (no "Load more"). */
  nextCursor: string | null;
  loadingMore: boolean;
  loadMore: () => unknown;
}

/** The `<ol part="list">` of notes (or the empty state), the error of "Load more" and its button. */
export function renderNoteList(view: NoteListView) {
  const notes = view.notes;
  const shown = view.noteType && noteTypeLabel(view.noteType).toLowerCase();
  return html`${
    notes.length === 0
      ? renderEmpty(shown ? msg(str`No ${shown} notes.`) : msg('No notes yet.'))
      : html`<ol part="list" class="list" aria-label=${msg('Notes, newest first')}>
        ${notes.map((note) => renderNoteItem({ note, format: view.format }))}
      </ol>`
  }
  ${view.moreError ? renderError(view.moreError, { retry: () => view.loadMore() }) : nothing}
  ${
    view.nextCursor
      ? html`<button part="load-more" class="button load-more" type="button" ?disabled=${view.loadingMore} @click=${() => view.loadMore()}>
        ${view.loadingMore ? msg('Loading…') : msg('Load more')}
      </button>`
      : nothing
  }`;
}
