import { html, nothing, svg, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { msg, str } from '@lit/localize';
import { live } from 'lit/directives/live.js';
import { styleMap } from 'lit/directives/style-map.js';
import { Task, initialState } from '@lit/task';
import { C360ApiError, DEFAULT_TAG_COLOR, type Tag, type TagAssignment, type TagSummary } from '@c360/sdk';
import { C360CustomerElement } from '../base/customer-element.js';
import { fillHref } from '../base/navigate.js';
import { baseStyles } from '../base/styles.js';
import { renderError } from '../base/states.js';
import { PermissionsController } from '../base/permissions.js';
import styles from './customer-tags.styles.js';

/** Detail of `c360-tags-changed`: the customer's tags after the change, by name. */
export interface C360TagsChangedDetail {
  tags: Tag[];
}

/** Detail of the `c360-navigate` a tag link dispatches: show the customers with this tag. */
export interface C360TagNavigateDetail {
  kind: 'tag';
  /** The tag's id (`GET /customers?tag=<id>` lists its customers). */
  id: string;
}

declare module '../base/events.js' {
  interface C360EventMap {
    'c360-tags-changed': C360TagsChangedDetail;
  }
}
declare global {
  interface HTMLElementEventMap {
    'c360-tags-changed': CustomEvent<C360TagsChangedDetail>;
  }
  interface DocumentEventMap {
    'c360-tags-changed': CustomEvent<C360TagsChangedDetail>;
  }
}

/** Colours of tags created here, picked from the name so a tag keeps its colour (all ≥ 4.5:1 with white or black text). */
export const NEW_TAG_COLORS = ['#2563eb', '#7c3aed', '#db2777', '#dc2626', '#c2410c', '#a16207', '#15803d', '#0f766e', '#0e7490', '#475569'] as const;

/** The colour a tag created from `name` gets. */
export function newTagColor(name: string): string {
  let hash = 0;
  for (const ch of name.toLowerCase()) hash = (hash * 31 + ch.codePointAt(0)!) >>> 0;
  return NEW_TAG_COLORS[hash % NEW_TAG_COLORS.length]!;
}

const HEX = /^#([0-9a-f]{6})$/i;

/** WCAG relative luminance of `#rrggbb`. */
function luminance(hex: string): number {
  const n = parseInt(hex.slice(1), 16);
  const [r, g, b] = [n >> 16, (n >> 8) & 255, n & 255].map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

/** The WCAG contrast ratio of two `#rrggbb` colours (1–21). */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

/** Black or white, whichever contrasts more with the tag colour `background` (`#rrggbb`). */
export function readableTextColor(background: string): '#000000' | '#ffffff' {
  return contrastRatio(background, '#000000') >= contrastRatio(background, '#ffffff') ? '#000000' : '#ffffff';
}

/** A tag's colour when it is `#rrggbb`, else the API's default tag colour. */
const tagColor = (tag: Tag) => (HEX.test(tag.color) ? tag.color.toLowerCase() : DEFAULT_TAG_COLOR);

const sameName = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/** Longest tag name the API accepts. */
const MAX_NAME = 40;
/** Most suggestions listed at once. */
const MAX_SUGGESTIONS = 8;
/** `activeIndex` of "the last option" (ArrowUp opened the list before the options were known). */
const LAST = -2;

type Option = { kind: 'existing'; tag: TagSummary; assigned: boolean } | { kind: 'create'; name: string };

const REMOVE_ICON = svg`<path d="M7 7l10 10M17 7 7 17"/>`;

let nextId = 0;

/**
 * @summary The customer's tags (R8.3–R8.5) as coloured chips with their names, each with a
 * remove button, and an "Add tag" combobox that suggests existing tags (with how many customers
 * carry them) or creates a new one.
 *
 * A chip's text is black or white, whichever contrasts more with the tag's colour; the name is
 * always written, so colour is never the only signal. The combobox follows the ARIA combobox
 * pattern (an input owning a listbox, the active option in `aria-activedescendant`): typing
 * filters the suggestions; ArrowDown/ArrowUp move through them, Enter picks the active one (with
 * none active: the tag named exactly as typed, else "Create tag “…”"), Escape closes the list (and
 * then clears the input). A new tag gets a colour from {@link NEW_TAG_COLORS} chosen by its name.
 *
 * A tag is assigned at most once (design Property 8): picking a tag the customer already has
 * changes nothing and says so. Changes are saved at once and fire `c360-tags-changed`.
 *
 * Read-only without the `tags:write` permission (R19.3; viewers): the chips are shown without
 * remove buttons, there is no combobox, and the list of every tag (`GET /tags`, used only for the
 * suggestions) is never requested. The controls appear once `GET /me` has answered.
 *
 * With `filter-href` (e.g. `/customers?tag={id}`; `{name}` is also filled in) each name is a link
 * to the customers with that tag; a click dispatches the cancelable `c360-navigate`
 * `{kind: 'tag', id}` first, and a listener calling `preventDefault()` stops the link.
 *
 * @attr customer-id - The customer to show.
 * @attr filter-href - Link template for "customers with this tag", e.g. `/customers?tag={id}` (`{id}`, `{name}`).
 *
 * @fires {CustomEvent<C360TagsChangedDetail>} c360-tags-changed - A tag was added or removed; `detail.tags` is the customer's tags now. Bubbles, composed.
 * @fires {CustomEvent<C360TagNavigateDetail>} c360-navigate - A tag link was clicked (with `filter-href`). Cancelable, bubbles, composed.
 *
 * @csspart base - The wrapper.
 * @csspart tags - The list of chips.
 * @csspart tag - One chip (its colour in `--c360-tag-color`).
 * @csspart tag-link - A chip's name as a link (with `filter-href`).
 * @csspart remove - A chip's remove button.
 * @csspart input - The "Add tag" combobox input.
 * @csspart listbox - The suggestions.
 * @csspart option - One suggestion (the active one also `option-active`; "Create tag" also `option-create`).
 * @csspart error - The message of a change the API refused.
 * @csspart state - Loading, empty, error and access-denied states (also in place of the combobox when `GET /me` failed).
 * @csspart retry - The Retry button of an error state.
 */
export class CustomerTagsElement extends C360CustomerElement {
  static override styles = [baseStyles, styles];
  /** The change-feed sections this element shows (real time, SPEC §7). */
  static override liveSections = ['tags'] as const;

  /** Link template for "customers with this tag", `{id}` and `{name}` filled in, e.g. `/customers?tag={id}`. Without it, names are plain text. */
  @property({ attribute: 'filter-href' }) filterHref?: string;

  /** The customer's tags after a change made here (until the next load). */
  @state() private changed?: Tag[];
  /** Every tag, for the suggestions (loaded when the combobox is first used). */
  @state() private catalog?: TagSummary[];
  @state() private catalogState: 'idle' | 'loading' | 'error' = 'idle';
  @state() private query = '';
  @state() private open = false;
  @state() private activeIndex = -1;
  @state() private busy = false;
  @state() private removing = new Set<string>();
  @state() private error?: string;
  @state() private announcement = '';
  private catalogStale = true;
  private readonly listId = `c360-tags-${++nextId}`;

  private readonly permissions = new PermissionsController(this);

  /** Whether the current token may add and remove tags (false until `GET /me` answered). */
  get canWrite(): boolean {
    return this.permissions.can('tags:write');
  }

  private readonly task = new Task(this, {
    task: async ([id, client], { signal }) => {
      if (!id) {
        this.changed = undefined;
        return initialState;
      }
      const { tags } = await this.requireClient(client).getCustomerTags(id, { signal });
      // Cleared only when fresh data arrives: during a (live) reload the local changes stay shown.
      this.changed = undefined;
      return tags;
    },
    args: () => [this.customerId, this.client] as const,
  });

  /** The customer's tags, by name, as last loaded or changed here. */
  get tags(): Tag[] {
    return this.changed ?? this.task.value ?? [];
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('customerId')) this.changed = undefined; // never another customer's tags
    if (changed.has('customerId') && changed.get('customerId') !== undefined) {
      this.query = '';
      this.open = false;
      this.error = undefined;
      this.announcement = '';
    }
  }

  /** Tags the customer (by id for an existing tag, by name to create one); resolves when saved. */
  async addTag(tag: { tagId: string } | { name: string }): Promise<void> {
    const id = this.customerId;
    if (!id || this.busy) return;
    const client = this.requireClient(this.client);
    const name = 'name' in tag ? tag.name.trim() : (this.catalog?.find((t) => t.id === tag.tagId)?.name ?? this.tags.find((t) => t.id === tag.tagId)?.name ?? tag.tagId);
    // Created when asked by a name no known tag has (unknown before the suggestions load: just "added").
    const creates = 'name' in tag && !!this.catalog && !this.catalog.some((t) => sameName(t.name, name));
    const assignment: TagAssignment = 'tagId' in tag ? { tagId: tag.tagId } : { name, color: newTagColor(name) };
    const before = new Set(this.tags.map((t) => t.id));
    this.busy = true;
    this.error = undefined;
    this.announcement = '';
    try {
      const { tags } = await client.tagCustomer(id, assignment);
      if (this.customerId !== id) return;
      this.changed = tags;
      this.query = '';
      this.open = false;
      this.activeIndex = -1;
      const added = tags.length !== before.size || tags.some((t) => !before.has(t.id));
      if (added) {
        this.catalogStale = true;
        this.announcement = creates ? msg(str`Tag “${name}” created and added.`) : msg(str`Tag “${name}” added.`);
        this.emit('c360-tags-changed', { tags });
      } else {
        this.announcement = msg(str`This customer already has the tag “${name}”.`);
      }
    } catch (error) {
      if (this.customerId === id) this.error = this.describe(error, msg(str`Tag “${name}” was not added`));
    } finally {
      this.busy = false;
    }
  }

  /** Removes a tag from the customer; resolves when saved. */
  async removeTag(tagId: string): Promise<void> {
    const id = this.customerId;
    const tag = this.tags.find((t) => t.id === tagId);
    if (!id || !tag || this.removing.has(tagId)) return;
    const index = this.tags.indexOf(tag);
    const client = this.requireClient(this.client);
    this.removing = new Set(this.removing).add(tagId);
    this.error = undefined;
    this.announcement = '';
    let tags: Tag[];
    try {
      await client.untagCustomer(id, tagId);
      tags = this.tags.filter((t) => t.id !== tagId);
    } catch (error) {
      // 404: the tag or its assignment is gone already (changed elsewhere): show what is there now.
      const gone = error instanceof C360ApiError && error.isNotFound;
      try {
        if (!gone) throw error;
        tags = (await client.getCustomerTags(id)).tags;
      } catch (failure) {
        if (this.customerId === id) this.error = this.describe(failure, msg(str`Tag “${tag.name}” was not removed`));
        return;
      }
    } finally {
      const removing = new Set(this.removing);
      removing.delete(tagId);
      this.removing = removing;
    }
    if (this.customerId !== id) return;
    this.changed = tags;
    this.catalogStale = true;
    this.announcement = msg(str`Tag “${tag.name}” removed.`);
    this.emit('c360-tags-changed', { tags });
    // Focus stays in the list: the next chip's remove button, else the previous one, else the input.
    await this.updateComplete;
    const buttons = [...this.renderRoot.querySelectorAll<HTMLButtonElement>('[part=remove]')];
    (buttons[Math.min(index, buttons.length - 1)] ?? this.renderRoot.querySelector<HTMLInputElement>('[part=input]'))?.focus();
  }

  /** "`what`: why" — `what` says what failed (e.g. "Tag “VIP” was not added"), already translated. */
  private describe(error: unknown, what: string): string {
    if (error instanceof C360ApiError) {
      const status = error.status;
      if (error.isAccessDenied) return msg(str`${what}: access denied (HTTP ${status}). Ask an administrator for a token that may change tags.`);
      const details = error.problem.errors?.map((e) => `${e.field.replace(/^body\./, '')} ${e.message}`).join('; ');
      const reason = details || error.problem.detail || error.problem.title;
      return msg(str`${what}: ${reason}`, { id: 'c360-failure-reason', desc: 'What failed, then why (the API message).' });
    }
    const reason = error instanceof Error ? error.message : String(error);
    return msg(str`${what}: ${reason}`, { id: 'c360-failure-reason', desc: 'What failed, then why (the API message).' });
  }

  private async loadCatalog() {
    // The list of every tag only serves adding: never asked without tags:write (refused to customer-scoped tokens).
    if (!this.canWrite || !this.catalogStale || this.catalogState === 'loading') return;
    this.catalogState = 'loading';
    try {
      this.catalog = (await this.requireClient(this.client).getTags()).tags;
      this.catalogStale = false;
      this.catalogState = 'idle';
    } catch {
      this.catalogState = 'error';
    }
  }

  /** The suggestions for the current input: exact match, then prefix, then substring matches; "Create tag" when no tag has the name. */
  get options(): Option[] {
    const q = this.query.trim();
    const lower = q.toLowerCase();
    const assigned = new Set(this.tags.map((t) => t.id));
    const all = this.catalog ?? [];
    const rank = (t: TagSummary) => (sameName(t.name, q) ? 0 : t.name.toLowerCase().startsWith(lower) ? 1 : 2);
    const matches = q
      ? all.filter((t) => t.name.toLowerCase().includes(lower)).sort((a, b) => rank(a) - rank(b))
      : [...all].sort((a, b) => Number(assigned.has(a.id)) - Number(assigned.has(b.id)) || b.usageCount - a.usageCount);
    const options: Option[] = matches.slice(0, MAX_SUGGESTIONS).map((tag) => ({ kind: 'existing', tag, assigned: assigned.has(tag.id) }));
    if (q && q.length <= MAX_NAME && this.catalog && !all.some((t) => sameName(t.name, q))) options.push({ kind: 'create', name: q });
    return options;
  }

  /** The active option's index in `options` (-1: none). */
  private activeIn(options: Option[]): number {
    return this.activeIndex === LAST ? options.length - 1 : this.activeIndex < options.length ? this.activeIndex : -1;
  }

  private choose(option: Option) {
    void this.addTag(option.kind === 'existing' ? { tagId: option.tag.id } : { name: option.name });
  }

  private openList() {
    this.open = true;
    void this.loadCatalog();
  }

  private close() {
    this.open = false;
    this.activeIndex = -1;
  }

  private onInput(event: Event) {
    this.query = (event.target as HTMLInputElement).value;
    this.activeIndex = -1;
    this.error = undefined;
    this.openList();
  }

  private onKeydown(event: KeyboardEvent) {
    const options = this.open ? this.options : [];
    switch (event.key) {
      case 'ArrowDown':
      case 'ArrowUp': {
        event.preventDefault();
        if (!this.open) {
          this.openList();
          this.activeIndex = event.key === 'ArrowDown' ? 0 : LAST;
          return;
        }
        const n = options.length;
        if (!n) return;
        const active = this.activeIn(options);
        const current = active < 0 ? (event.key === 'ArrowDown' ? -1 : n) : active;
        this.activeIndex = (current + (event.key === 'ArrowDown' ? 1 : -1) + n) % n;
        return;
      }
      case 'Enter': {
        const q = this.query.trim();
        const active = options[this.activeIn(options)];
        const pick = active ?? this.options.find((o) => (o.kind === 'existing' ? sameName(o.tag.name, q) : true));
        if (!pick && !q) return;
        event.preventDefault();
        if (pick) this.choose(pick);
        else if (q && !this.catalog) void this.addTag({ name: q }); // suggestions not loaded (yet): by name
        return;
      }
      case 'Escape':
        if (this.open) {
          event.preventDefault();
          this.close();
        } else if (this.query) {
          event.preventDefault();
          this.query = '';
        }
        return;
      case 'Tab':
        this.close();
        return;
    }
  }

  protected override render() {
    return this.renderTask(this.task, () => this.renderTags(), msg('Loading tags…'));
  }

  private renderTags() {
    const tags = this.tags;
    return html`<div part="base" class="base">
      ${tags.length
        ? html`<ul part="tags" class="tags" aria-label=${msg('Tags')}>
            ${tags.map((t) => this.renderChip(t))}
          </ul>`
        : html`<p part="state empty" class="state empty">${msg('No tags yet.')}</p>`}
      ${this.permissions.error !== undefined
        ? renderError(this.permissions.error, { retry: () => this.permissions.retry() })
        : this.canWrite
          ? this.renderCombobox()
          : nothing}
      ${this.error ? html`<p part="error" class="error-message" role="alert">${this.error}</p>` : nothing}
      <p class="visually-hidden announcement" role="status">${this.announcement}</p>
    </div>`;
  }

  private renderChip(tag: Tag) {
    const color = tagColor(tag);
    // Read-only chips have no remove button at their end: even padding on both sides.
    const style = styleMap({ '--c360-tag-color': color, '--_tag-text': readableTextColor(color), 'padding-inline-end': this.canWrite ? undefined : '0.7em' });
    const name = this.filterHref
      ? html`<a part="tag-link" class="name" href=${fillHref(this.filterHref, { id: tag.id, name: tag.name })} @click=${(e: MouseEvent) => this.onTagLinkClick(e, tag)}>${tag.name}</a>`
      : html`<span class="name">${tag.name}</span>`;
    const removeLabel = msg(str`Remove tag ${tag.name}`);
    return html`<li part="tag" class="tag" data-tag-id=${tag.id} style=${style}>
      ${name}
      ${this.canWrite
        ? html`<button part="remove" class="remove" type="button" aria-label=${removeLabel} title=${removeLabel} ?disabled=${this.removing.has(tag.id)} @click=${() => this.removeTag(tag.id)}>
            <svg viewBox="0 0 24 24" class="icon" aria-hidden="true">${REMOVE_ICON}</svg>
          </button>`
        : nothing}
    </li>`;
  }

  private onTagLinkClick(event: MouseEvent, tag: Tag) {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    // Dispatched directly: C360NavigateDetail's `kind` does not list 'tag' (see C360TagNavigateDetail).
    const navigate = new CustomEvent<C360TagNavigateDetail>('c360-navigate', { bubbles: true, composed: true, cancelable: true, detail: { kind: 'tag', id: tag.id } });
    this.dispatchEvent(navigate);
    if (navigate.defaultPrevented) event.preventDefault();
  }

  /** A suggestion's usage count, e.g. "already added · 12 customers". */
  private optionMeta(tag: TagSummary, assigned: boolean): string {
    const n = this.format.number(tag.usageCount);
    const count = tag.usageCount === 1 ? msg(str`${n} customer`) : msg(str`${n} customers`);
    return assigned ? msg(str`already added · ${count}`) : count;
  }

  private renderCombobox() {
    const options = this.open ? this.options : [];
    const expanded = options.length > 0;
    const activeIndex = this.activeIn(options);
    const active = activeIndex >= 0 ? `${this.listId}-${activeIndex}` : undefined;
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
        aria-controls=${this.listId}
        aria-expanded=${expanded ? 'true' : 'false'}
        aria-activedescendant=${active ?? nothing}
        aria-busy=${this.busy ? 'true' : 'false'}
        .value=${live(this.query)}
        ?readonly=${this.busy}
        @input=${this.onInput}
        @keydown=${this.onKeydown}
        @focus=${() => void this.loadCatalog()}
        @click=${() => this.openList()}
        @blur=${this.close}
      />
      ${this.open && this.catalogState === 'loading' && !this.catalog ? html`<p class="hint" role="status">${msg('Loading tags…')}</p>` : nothing}
      ${this.open && this.catalogState === 'error' ? html`<p class="hint">${msg('Suggestions are unavailable; Enter adds the tag as typed.')}</p>` : nothing}
      <ul part="listbox" class="listbox" role="listbox" id=${this.listId} aria-label=${msg('Tags to add')} ?hidden=${!expanded}>
        ${options.map((o, i) => {
          const isActive = i === activeIndex;
          const parts = ['option', isActive ? 'option-active' : '', o.kind === 'create' ? 'option-create' : ''].filter(Boolean).join(' ');
          return html`<li
            part=${parts}
            class="option ${isActive ? 'active' : ''}"
            role="option"
            id="${this.listId}-${i}"
            aria-selected=${isActive ? 'true' : 'false'}
            data-tag-id=${o.kind === 'existing' ? o.tag.id : nothing}
            data-create=${o.kind === 'create' ? o.name : nothing}
            @mousedown=${(e: Event) => e.preventDefault() /* keep the focus in the input */}
            @click=${() => this.choose(o)}
            @pointerenter=${() => (this.activeIndex = i)}
          >
            ${o.kind === 'existing'
              ? html`<span class="swatch" style=${styleMap({ background: tagColor(o.tag) })} aria-hidden="true"></span>
                  <span class="option-name">${o.tag.name}</span>
                  <span class="option-meta">${this.optionMeta(o.tag, o.assigned)}</span>`
              : html`<svg viewBox="0 0 24 24" class="icon" aria-hidden="true"><path d="M12 5v14M5 12h14" /></svg>
                  <span class="option-name">${msg(str`Create tag “${o.name}”`)}</span>`}
          </li>`;
        })}
      </ul>
    </div>`;
  }
}
