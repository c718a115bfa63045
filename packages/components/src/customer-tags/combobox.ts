/**
 * The "Add tag" combobox of `<customer-tags>` (ARIA combobox pattern: an input owning a listbox,
 * the active option in `aria-activedescendant`): which tags it suggests, its keyboard handling and
 * its rendering. The element keeps the state (query, open, active option) and does the adding.
 * @module
 */
import { html, nothing } from 'lit';
import { msg, str } from '@lit/localize';
import { live } from 'lit/directives/live.js';
import { styleMap } from 'lit/directives/style-map.js';
import type { Tag, TagSummary } from '@c360/sdk';
import type { Formatter } from '../base/format.js';
import { tagColor } from './colors.js';

/** Longest tag name the API accepts. */
export const MAX_NAME = 40;
/** Most suggestions listed at once. */
const MAX_SUGGESTIONS = 8;
/** `activeIndex` of "the last option" (ArrowUp opened the list before the options were known). */
const LAST = -2;

/** A suggestion: an existing tag (`assigned`: the customer has it already), or "Create tag “name”". */
export type Option = { kind: 'existing'; tag: TagSummary; assigned: boolean } | { kind: 'create'; name: string };

/** Whether two tag names are the same, ignoring case. */
export const sameName = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/**
 * The suggestions for `query`: exact match, then prefix, then substring matches (without a query:
 * the tags the customer lacks first, most used first); "Create tag" when no tag has the name.
 * `catalog` is every tag (undefined: not loaded, so nothing to suggest or create), `tags` the customer's.
 */
export function suggestions(query: string, tags: readonly Tag[], catalog: readonly TagSummary[] | undefined): Option[] {
  const q = query.trim();
  const lower = q.toLowerCase();
  const assigned = new Set(tags.map((t) => t.id));
  const all = catalog ?? [];
  const rank = (t: TagSummary) => (sameName(t.name, q) ? 0 : t.name.toLowerCase().startsWith(lower) ? 1 : 2);
  const matches = q
    ? all.filter((t) => t.name.toLowerCase().includes(lower)).sort((a, b) => rank(a) - rank(b))
    : [...all].sort((a, b) => Number(assigned.has(a.id)) - Number(assigned.has(b.id)) || b.usageCount - a.usageCount);
  const options: Option[] = matches.slice(0, MAX_SUGGESTIONS).map((tag) => ({ kind: 'existing', tag, assigned: assigned.has(tag.id) }));
  if (q && q.length <= MAX_NAME && catalog && !all.some((t) => sameName(t.name, q))) options.push({ kind: 'create', name: q });
  return options;
}

/** The active option's index in `options` (-1: none), given the element's `activeIndex` (which may be {@link LAST}). */
function activeIn(activeIndex: number, options: readonly Option[]): number {
  return activeIndex === LAST ? options.length - 1 : activeIndex < options.length ? activeIndex : -1;
}

/** The combobox's state and how to change it, as the keydown handler sees them. */
export interface ComboboxKeys {
  /** Whether the list is open. */
  open: boolean;
  /** The input's text. */
  query: string;
  /** The suggestions for the query (also when the list is closed). */
  options: Option[];
  /** The element's `activeIndex` (-1: none). */
  activeIndex: number;
  /** Whether the list of every tag has loaded. */
  catalogLoaded: boolean;
  /** Opens the list (loading the suggestions) with the option at `activeIndex` active (-2: the last). */
  openList: (activeIndex: number) => void;
  /** Makes the option at `index` active. */
  setActive: (index: number) => void;
  /** Adds the tag of `option` (or creates it). */
  choose: (option: Option) => void;
  /** Adds the tag named `name` (suggestions not loaded). */
  addByName: (name: string) => void;
  /** Closes the list, leaving no option active. */
  close: () => void;
  /** Empties the input. */
  clearQuery: () => void;
}

/**
 * Handles a keydown in the combobox input: ArrowDown/ArrowUp open the list or move through it
 * (wrapping around), Enter picks the active option (with none active: the tag named exactly as
 * typed, else "Create tag", else the name as typed when the suggestions are not loaded), Escape
 * closes the list (and then clears the input), Tab closes it.
 */
export function onComboboxKeydown(event: KeyboardEvent, c: ComboboxKeys): void {
  const options = c.open ? c.options : [];
  switch (event.key) {
    case 'ArrowDown':
    case 'ArrowUp': {
      event.preventDefault();
      if (!c.open) {
        c.openList(event.key === 'ArrowDown' ? 0 : LAST);
        return;
      }
      const n = options.length;
      if (!n) return;
      const active = activeIn(c.activeIndex, options);
      const current = active < 0 ? (event.key === 'ArrowDown' ? -1 : n) : active;
      c.setActive((current + (event.key === 'ArrowDown' ? 1 : -1) + n) % n);
      return;
    }
    case 'Enter': {
      const q = c.query.trim();
      const active = options[activeIn(c.activeIndex, options)];
      const pick = active ?? c.options.find((o) => (o.kind === 'existing' ? sameName(o.tag.name, q) : true));
      if (!pick && !q) return;
      event.preventDefault();
      if (pick) c.choose(pick);
      else if (q && !c.catalogLoaded) c.addByName(q); // suggestions not loaded (yet): by name
      return;
    }
    case 'Escape':
      if (c.open) {
        event.preventDefault();
        c.close();
      } else if (c.query) {
        event.preventDefault();
        c.clearQuery();
      }
      return;
    case 'Tab':
      c.close();
      return;
  }
}

/**
 * What the combobox shows and where its events go. Handlers given as methods of the element
 * (`onInput`, `onKeydown`, `onBlur`) are called with the element as `this`.
 */
export interface ComboboxView {
  /** Id of the listbox; option `i` is `<listId>-<i>`. */
  listId: string;
  /** The input's text. */
  query: string;
  /** Whether the list is open. */
  open: boolean;
  /** The suggestions for the query (shown only while open). */
  options: Option[];
  /** The element's `activeIndex` (-1: none). */
  activeIndex: number;
  /** Whether a change is being saved (the input is read-only). */
  busy: boolean;
  /** Loading state of the list of every tag. */
  catalogState: 'idle' | 'loading' | 'error';
  /** Whether the list of every tag has loaded. */
  catalogLoaded: boolean;
  format: Formatter;
  onInput: (event: Event) => void;
  onKeydown: (event: KeyboardEvent) => void;
  /** The input got the focus. */
  onFocus: () => unknown;
  /** The input was clicked. */
  onClick: () => unknown;
  onBlur: () => void;
  /** An option was clicked. */
  choose: (option: Option) => unknown;
  /** The pointer entered the option at `index`. */
  activate: (index: number) => unknown;
}

/** The "Add tag" input, its loading or unavailable hint, and the listbox of suggestions. */
export function renderCombobox(view: ComboboxView) {
  const options = view.open ? view.options : [];
  const expanded = options.length > 0;
  const activeIndex = activeIn(view.activeIndex, options);
  const active = activeIndex >= 0 ? `${view.listId}-${activeIndex}` : undefined;
  return html`<div class="combo">
    <label class="visually-hidden" for="tag-input">${msg('Add tag')}</label>
    <input
      part="input"
      id="tag-input"
      class="input"
      type="text"
      role="combobox"
      autocomplete="off"
      spellcheck="false"
      maxlength=${MAX_NAME}
      placeholder=${msg('Add tag…')}
      aria-autocomplete="list"
      aria-controls=${view.listId}
      aria-expanded=${expanded ? 'true' : 'false'}
      aria-activedescendant=${active ?? nothing}
      aria-busy=${view.busy ? 'true' : 'false'}
      .value=${live(view.query)}
      ?readonly=${view.busy}
      @input=${view.onInput}
      @keydown=${view.onKeydown}
      @focus=${() => void view.onFocus()}
      @click=${() => view.onClick()}
      @blur=${view.onBlur}
    />
    ${view.open && view.catalogState === 'loading' && !view.catalogLoaded ? html`<p class="hint" role="status">${msg('Loading tags…')}</p>` : nothing}
    ${view.open && view.catalogState === 'error' ? html`<p class="hint">${msg('Suggestions are unavailable; Enter adds the tag as typed.')}</p>` : nothing}
    <ul part="listbox" class="listbox" role="listbox" id=${view.listId} aria-label=${msg('Tags to add')} ?hidden=${!expanded}>
      ${options.map((o, i) => renderOption(view, o, i, i === activeIndex))}
    </ul>
  </div>`;
}

/** One suggestion: an existing tag (swatch, name, usage) or "Create tag “…”". */
function renderOption(view: ComboboxView, o: Option, i: number, isActive: boolean) {
  const parts = ['option', isActive ? 'option-active' : '', o.kind === 'create' ? 'option-create' : ''].filter(Boolean).join(' ');
  return html`<li
    part=${parts}
    class="option ${isActive ? 'active' : ''}"
    role="option"
    id="${view.listId}-${i}"
    aria-selected=${isActive ? 'true' : 'false'}
    data-tag-id=${o.kind === 'existing' ? o.tag.id : nothing}
    data-create=${o.kind === 'create' ? o.name : nothing}
    @mousedown=${(e: Event) => e.preventDefault() /* keep the focus in the input */}
    @click=${() => view.choose(o)}
    @pointerenter=${() => view.activate(i)}
  >
    ${
      o.kind === 'existing'
        ? html`<span class="swatch" style=${styleMap({ background: tagColor(o.tag) })} aria-hidden="true"></span>
          <span class="option-name">${o.tag.name}</span>
          <span class="option-meta">${optionMeta(view.format, o.tag, o.assigned)}</span>`
        : html`<svg viewBox="0 0 24 24" class="icon" aria-hidden="true"><path d="M12 5v14M5 12h14" /></svg>
          <span class="option-name">${msg(str`Create tag “${o.name}”`)}</span>`
    }
  </li>`;
}

/** A suggestion's usage count, e.g. "already added · 12 customers". */
function optionMeta(f: Formatter, tag: TagSummary, assigned: boolean): string {
  const n = f.number(tag.usageCount);
  const count = tag.usageCount === 1 ? msg(str`${n} customer`) : msg(str`${n} customers`);
  return assigned ? msg(str`already added · ${count}`) : count;
}
