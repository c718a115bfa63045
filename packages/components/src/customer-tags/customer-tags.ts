import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { msg, str } from '@lit/localize';
import { Task, initialState } from '@lit/task';
import { C360ApiError, type Tag, type TagAssignment, type TagSummary } from '@c360/sdk';
import { C360CustomerElement } from '../base/customer-element.js';
import { baseStyles } from '../base/styles.js';
import { renderError } from '../base/states.js';
import { PermissionsController } from '../base/permissions.js';
import { newTagColor } from './colors.js';
import { renderChips } from './chips.js';
import { onComboboxKeydown, renderCombobox, sameName, suggestions, type Option } from './combobox.js';
import styles from './customer-tags.styles.js';
import { problemReason } from '../base/server-text-problems.js';

export { NEW_TAG_COLORS, contrastRatio, newTagColor, readableTextColor } from './colors.js';

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
    const name =
      'name' in tag
        ? tag.name.trim()
        : (this.catalog?.find((t) => t.id === tag.tagId)?.name ?? this.tags.find((t) => t.id === tag.tagId)?.name ?? tag.tagId);
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
      if (error.isAccessDenied)
        return msg(str`${what}: access denied (HTTP ${status}). Ask an administrator for a token that may change tags.`);
      const details = error.problem.errors?.map((e) => `${e.field.replace(/^body\./, '')} ${e.message}`).join('; ');
      const reason = details || problemReason(error.problem);
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
    return suggestions(this.query, this.tags, this.catalog);
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
    onComboboxKeydown(event, {
      open: this.open,
      query: this.query,
      options: this.options,
      activeIndex: this.activeIndex,
      catalogLoaded: !!this.catalog,
      openList: (activeIndex) => {
        this.openList();
        this.activeIndex = activeIndex;
      },
      setActive: (index) => (this.activeIndex = index),
      choose: (option) => this.choose(option),
      addByName: (name) => void this.addTag({ name }),
      close: () => this.close(),
      clearQuery: () => (this.query = ''),
    });
  }

  protected override render() {
    return this.renderTask(this.task, () => this.renderTags(), msg('Loading tags…'));
  }

  private renderTags() {
    const tags = this.tags;
    return html`<div part="base" class="base">
      ${renderChips({
        tags,
        canWrite: this.canWrite,
        removing: this.removing,
        filterHref: this.filterHref,
        host: this,
        remove: (tagId) => this.removeTag(tagId),
      })}
      ${
        this.permissions.error !== undefined
          ? renderError(this.permissions.error, { retry: () => this.permissions.retry() })
          : this.canWrite
            ? renderCombobox({
                listId: this.listId,
                query: this.query,
                open: this.open,
                options: this.open ? this.options : [],
                activeIndex: this.activeIndex,
                busy: this.busy,
                catalogState: this.catalogState,
                catalogLoaded: !!this.catalog,
                format: this.format,
                onInput: this.onInput,
                onKeydown: this.onKeydown,
                onFocus: () => this.loadCatalog(),
                onClick: () => this.openList(),
                onBlur: this.close,
                choose: (option) => this.choose(option),
                activate: (index) => (this.activeIndex = index),
              })
            : nothing
      }
      ${this.error ? html`<p part="error" class="error-message" role="alert">${this.error}</p>` : nothing}
      <p class="visually-hidden announcement" role="status">${this.announcement}</p>
    </div>`;
  }
}
