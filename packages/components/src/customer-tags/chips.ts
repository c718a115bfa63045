/**
 * The chips of `<customer-tags>`: the customer's tags, each in its colour with its name (a link
 * with `filter-href`) and, for those who may change tags, a remove button.
 * @module
 */
import { html, nothing, svg } from 'lit';
import { msg, str } from '@lit/localize';
import { styleMap } from 'lit/directives/style-map.js';
import type { Tag } from '@c360/sdk';
import { fillHref } from '../base/navigate.js';
import { readableTextColor, tagColor } from './colors.js';
import type { C360TagNavigateDetail } from './customer-tags.js';

const REMOVE_ICON = svg`<path d="M7 7l10 10M17 7 7 17"/>`;

/** What the chips show and where their events go. */
export interface ChipsView {
  /** The customer's tags, in order. */
  tags: readonly Tag[];
  /** Whether the chips have remove buttons (the `tags:write` permission). */
  canWrite: boolean;
  /** Ids of the tags being removed (their remove buttons are disabled). */
  removing: ReadonlySet<string>;
  /** The element's `filter-href` template (unset: names are plain text). */
  filterHref: string | undefined;
  /** The element: a tag link's `c360-navigate` is dispatched on it. */
  host: EventTarget;
  /** A chip's remove button was pressed. */
  remove: (tagId: string) => unknown;
}

/** The list of chips, or "No tags yet." without tags. */
export function renderChips(view: ChipsView) {
  return view.tags.length
    ? html`<ul part="tags" class="tags" aria-label=${msg('Tags')}>
        ${view.tags.map((t) => renderChip(view, t))}
      </ul>`
    : html`<p part="state empty" class="state empty">${msg('No tags yet.')}</p>`;
}

/** One chip: the tag's name (or link) in its colour, and its remove button when `canWrite`. */
function renderChip(view: ChipsView, tag: Tag) {
  const color = tagColor(tag);
  // Read-only chips have no remove button at their end: even padding on both sides.
  const style = styleMap({
    '--c360-tag-color': color,
    '--_tag-text': readableTextColor(color),
    'padding-inline-end': view.canWrite ? undefined : '0.7em',
  });
  const name = view.filterHref
    ? html`<a part="tag-link" class="name" href=${fillHref(view.filterHref, { id: tag.id, name: tag.name })} @click=${(e: MouseEvent) => onTagLinkClick(view.host, e, tag)}>${tag.name}</a>`
    : html`<span class="name">${tag.name}</span>`;
  const removeLabel = msg(str`Remove tag ${tag.name}`);
  return html`<li part="tag" class="tag" data-tag-id=${tag.id} style=${style}>
    ${name}
    ${
      view.canWrite
        ? html`<button part="remove" class="remove" type="button" aria-label=${removeLabel} title=${removeLabel} ?disabled=${view.removing.has(tag.id)} @click=${() => view.remove(tag.id)}>
          <svg viewBox="0 0 24 24" class="icon" aria-hidden="true">${REMOVE_ICON}</svg>
        </button>`
        : nothing
    }
  </li>`;
}

/** A plain left click on a tag link dispatches the cancelable `c360-navigate` on `host`; `preventDefault()` on it stops the link. */
function onTagLinkClick(host: EventTarget, event: MouseEvent, tag: Tag) {
  if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  // Dispatched directly: C360NavigateDetail's `kind` does not list 'tag' (see C360TagNavigateDetail).
  const navigate = new CustomEvent<C360TagNavigateDetail>('c360-navigate', {
    bubbles: true,
    composed: true,
    cancelable: true,
    detail: { kind: 'tag', id: tag.id },
  });
  host.dispatchEvent(navigate);
  if (navigate.defaultPrevented) event.preventDefault();
}
