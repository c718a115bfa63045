/**
 * One note of the `<customer-notes>` list: author, relative time (the exact time on hover), type
 * badge, visibility and text, rendered as a plain function of the note.
 * @module
 */
import { html, svg } from 'lit';
import { msg } from '@lit/localize';
import type { Note, NoteVisibility } from '@c360/sdk';
import type { Formatter } from '../base/format.js';
import { noteTypeLabel, noteVisibilityLabel, visibilityHint } from './labels.js';

/** People (team), a padlock (private), a shield (restricted): 24×24 strokes. */
const VISIBILITY_ICON: Record<NoteVisibility, ReturnType<typeof svg>> = {
  team: svg`<circle cx="9" cy="8" r="3.5"/><path d="M2.5 20c.6-3.6 3.1-5.5 6.5-5.5s5.9 1.9 6.5 5.5"/><path d="M16 4.8a3.5 3.5 0 0 1 0 6.4M18 14.8c2 .7 3.2 2.4 3.5 5.2"/>`,
  private: svg`<rect x="5" y="11" width="14" height="10" rx="2"/><path d="M8 11V7.5a4 4 0 0 1 8 0V11"/>`,
  restricted: svg`<path d="M12 3 4.5 6v5.5c0 4.6 3.1 8.2 7.5 9.5 4.4-1.3 7.5-4.9 7.5-9.5V6Z"/><path d="m9 12 2 2 4-4"/>`,
};

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

/** What a note item needs: the note and the element's formatter. */
export interface NoteItemView {
  note: Note;
  format: Formatter;
}

/**
 * The `<li part="note">` of one note. The body is rendered as text, never as HTML; the time is
 * relative to now (the element re-renders once a minute), its exact value in the tooltip.
 */
export function renderNoteItem(view: NoteItemView) {
  const { note: n, format: f } = view;
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
