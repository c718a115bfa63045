import { html, nothing } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { styleMap } from 'lit/directives/style-map.js';
import { msg } from '@lit/localize';
import { Task, TaskStatus, initialState } from '@lit/task';
import '@lit-labs/virtualizer';
import type { LitVirtualizer } from '@lit-labs/virtualizer/LitVirtualizer.js';
import type { VisibilityChangedEvent } from '@lit-labs/virtualizer/events.js';
import { TIMELINE_EVENT_TYPES, type TimelineEvent, type TimelineEventType } from '@c360/sdk';
import { C360CustomerElement } from '../base/customer-element.js';
import { PagingController } from '../base/paging.js';
import { renderNavigable } from '../base/navigate.js';
import { renderServerPieces, renderServerText } from '../base/server-text.js';
import { renderEmpty, renderError } from '../base/states.js';
import { baseStyles } from '../base/styles.js';
import { TYPE_ICON, typeLabel } from './icons.js';
import styles from './customer-timeline.styles.js';

const ALL_TYPES = TIMELINE_EVENT_TYPES;
/** The virtualizer's item key (one function, so a render does not hand it a new one). */
const eventKey = (e: TimelineEvent) => e.id;
const typesConverter = {
  fromAttribute: (value: string | null) =>
    (value ?? '')
      .split(',')
      .map((t) => t.trim())
      .filter((t): t is TimelineEventType => (ALL_TYPES as readonly string[]).includes(t)),
  toAttribute: (value: TimelineEventType[]) => value.join(','),
};

/**
 * @summary Everything that happened to the customer, newest first: a virtualized, infinitely
 * scrolling feed with type filter chips and a date range.
 *
 * The feed is keyboard navigable: Tab into it, then ArrowUp/ArrowDown (also Home/End,
 * PageUp/PageDown) move between events. The next page loads when the last events scroll into view.
 * Events about an order or ticket link to it like `<order-history>` does.
 *
 * @attr customer-id - The customer to show.
 *
 * @fires {CustomEvent<C360NavigateDetail>} c360-navigate - An order or ticket was clicked. Cancelable, bubbles, composed.
 *
 * @csspart base - The wrapper.
 * @csspart filters - The filter bar.
 * @csspart filter-chip - A type filter toggle (`aria-pressed` tells whether it is on).
 * @csspart date-input - The from / to date inputs.
 * @csspart list - The scrolling feed (`<lit-virtualizer>`).
 * @csspart event - One event.
 * @csspart event-icon - An event's type icon.
 * @csspart event-amount - An event's amount of money.
 * @csspart event-link - The title of an event about an order or ticket.
 * @csspart loading-more - The indicator while the next page loads.
 * @csspart state - Loading, empty, error and access-denied states.
 * @csspart retry - The Retry button of an error state.
 *
 * @cssprop [--c360-timeline-height=26rem] - Height of the scrolling feed.
 */
export class CustomerTimelineElement extends C360CustomerElement {
  static override styles = [baseStyles, styles];
  /** The change-feed sections this element shows (real time, SPEC §7). */
  static override liveSections = ['timeline'] as const;

  /** Event types to show (attribute: comma-separated, e.g. `order,refund`); empty = all. */
  @property({ converter: typesConverter, reflect: true }) types: TimelineEventType[] = [];

  /** Earliest date to show, inclusive (`YYYY-MM-DD`). */
  @property({ reflect: true }) from?: string;

  /** Latest date to show, inclusive (`YYYY-MM-DD`). */
  @property({ reflect: true }) to?: string;

  /** Events per page (1–200). */
  @property({ type: Number, attribute: 'page-size' }) pageSize = 25;

  /** Link template for orders, e.g. `/orders/{id}`. Without it, order events are buttons. */
  @property({ attribute: 'order-href' }) orderHref?: string;

  /** Link template for tickets, e.g. `/tickets/{id}`. */
  @property({ attribute: 'ticket-href' }) ticketHref?: string;

  /** The first page as refetched by a live refresh (merged over the loaded events). */
  @state() private fresh: TimelineEvent[] = [];
  @query('lit-virtualizer') private virtualizer?: LitVirtualizer<TimelineEvent>;

  /** The pages after the first (the feed asks for the next one when its end scrolls into view). */
  private readonly paging = new PagingController<TimelineEvent>(this, {
    fetchPage: async (cursor, signal) => {
      const page = await this.requireClient(this.client).getTimeline(this.customerId!, { ...this.query(), cursor }, { signal });
      return { items: page.events, nextCursor: page.nextCursor };
    },
    key: (e) => e.id,
  });

  private readonly task = new Task(this, {
    task: async ([id, client, types, from, to, limit], { signal }) => {
      this.paging.reset();
      this.fresh = [];
      if (!id) return initialState;
      const page = await this.requireClient(client).getTimeline(id, { types: types || undefined, from, to, limit }, { signal });
      this.paging.reset(page.nextCursor, page.events);
      return page.events;
    },
    args: () => [this.customerId, this.client, this.types.join(','), this.from || undefined, this.to || undefined, this.pageSize] as const,
  });

  /** The filters and page size of the current query. */
  private query() {
    return { types: this.types.join(',') || undefined, from: this.from || undefined, to: this.to || undefined, limit: this.pageSize };
  }

  /** The events loaded so far, newest first. */
  get events(): TimelineEvent[] {
    const loaded = [...(this.task.value ?? []), ...this.paging.items];
    if (!this.fresh.length) return loaded;
    const seen = new Set<string>();
    const merged = [...this.fresh, ...loaded].filter((e) => !seen.has(e.id) && !!seen.add(e.id));
    // Stable: events of the same instant keep the server's order.
    return merged.sort((a, b) => (a.occurredAt < b.occurredAt ? 1 : a.occurredAt > b.occurredAt ? -1 : 0));
  }

  /** A live change: refetches the first page and merges it, keeping the pages loaded below. */
  protected override refreshLive(): void {
    const id = this.customerId;
    if (!id || this.task.status !== TaskStatus.COMPLETE) {
      super.refreshLive(new Set());
      return;
    }
    const client = this.client;
    const query = this.query();
    const args = JSON.stringify([id, query]);
    void this.requireClient(client)
      .getTimeline(id, query)
      .then(
        (page) => {
          const now = JSON.stringify([this.customerId, this.query()]);
          if (now !== args || this.client !== client || this.task.status !== TaskStatus.COMPLETE) return;
          const seen = new Set(this.fresh.map((e) => e.id));
          this.fresh = [...page.events, ...this.fresh.filter((e) => !page.events.some((p) => p.id === e.id))];
          if (page.events.some((e) => !seen.has(e.id))) this.announceUpdated();
        },
        () => undefined, // the next change or a reload tries again
      );
  }

  /** Whether more events can be loaded. */
  get hasMore(): boolean {
    return this.paging.hasMore;
  }

  /**
   * Fetches the next page (the feed calls this when its end scrolls into view). After a failed
   * page it waits for the Retry of the error state instead of asking again on every scroll.
   */
  async loadMore(): Promise<void> {
    if (!this.customerId || this.paging.status === 'error') return;
    await this.paging.loadMore();
  }

  private toggleType(type: TimelineEventType) {
    this.types = this.types.includes(type)
      ? this.types.filter((t) => t !== type)
      : ALL_TYPES.filter((t) => t === type || this.types.includes(t));
  }

  protected override render() {
    return html`<div part="base" class="base">
      ${this.renderFilters()} ${this.renderTask(this.task, () => this.renderFeed(), msg('Loading timeline…'))}
    </div>`;
  }

  private renderFilters() {
    const filtered = this.types.length > 0 || !!this.from || !!this.to;
    return html`<div part="filters" class="filters">
      <div class="types" role="group" aria-label=${msg('Event types')}>
        ${ALL_TYPES.map(
          (type) => html`<button
            part="filter-chip"
            class="chip filter"
            type="button"
            data-type=${type}
            aria-pressed=${this.types.includes(type) ? 'true' : 'false'}
            @click=${() => this.toggleType(type)}
          >
            <svg viewBox="0 0 24 24" class="icon" aria-hidden="true">${TYPE_ICON[type]}</svg>${typeLabel(type)}
          </button>`,
        )}
      </div>
      <div class="dates">
        <label>${msg('From')} <input part="date-input" type="date" name="from" .value=${this.from ?? ''} max=${this.to || nothing} @change=${(e: Event) => (this.from = (e.target as HTMLInputElement).value || undefined)} /></label>
        <label>${msg('To')} <input part="date-input" type="date" name="to" .value=${this.to ?? ''} min=${this.from || nothing} @change=${(e: Event) => (this.to = (e.target as HTMLInputElement).value || undefined)} /></label>
        ${
          filtered
            ? html`<button class="link-button" type="button" @click=${() => ((this.types = []), (this.from = undefined), (this.to = undefined))}>${msg('Clear filters')}</button>`
            : nothing
        }
      </div>
    </div>`;
  }

  private renderFeed() {
    const events = this.events;
    if (events.length === 0)
      return renderEmpty(this.types.length || this.from || this.to ? msg('No events match these filters.') : msg('No events yet.'));
    const setSize = this.hasMore ? -1 : events.length;
    const renderItem = (e: TimelineEvent, index: number) => this.renderEvent(e, index, setSize);
    // styleMap, not a style attribute: rewriting the attribute would drop the styles the virtualizer
    // sets on its host (overflow, position, min-height) and collapse the feed when a page arrives.
    const size = { blockSize: `min(var(--c360-timeline-height, 26rem), ${Math.max(events.length, 2) * 4.5 + 0.25}rem)` };
    return html`<lit-virtualizer
        scroller
        part="list"
        class="list"
        role="feed"
        tabindex="0"
        aria-label=${msg('Timeline events, newest first')}
        aria-busy=${this.paging.loading ? 'true' : 'false'}
        style=${styleMap(size)}
        .items=${events}
        .keyFunction=${eventKey}
        .renderItem=${renderItem}
        @visibilityChanged=${(e: VisibilityChangedEvent) => e.last >= this.events.length - 3 && this.loadMore()}
        @keydown=${this.onKeydown}
      ></lit-virtualizer>
      ${this.paging.loading ? html`<div part="loading-more" class="loading-more" role="status">${msg('Loading more events…')}</div>` : nothing}
      ${this.paging.status === 'error' ? renderError(this.paging.error, { retry: () => this.paging.loadMore() }) : nothing}`;
  }

  private renderEvent(e: TimelineEvent, index: number, setSize: number) {
    const f = this.format;
    const href = e.ref?.kind === 'order' ? this.orderHref : e.ref?.kind === 'ticket' ? this.ticketHref : undefined;
    const text = renderServerText(e.titleText, e.title, f);
    const description = renderServerPieces(e.descriptionText, e.description, f);
    const title =
      e.ref && (e.ref.kind === 'order' || e.ref.kind === 'ticket')
        ? renderNavigable(this, { kind: e.ref.kind, id: e.ref.id }, text, href, 'event-link')
        : text;
    return html`<article part="event" class="event type-${e.type}" data-index=${index} data-type=${e.type} tabindex="-1" aria-posinset=${index + 1} aria-setsize=${setSize}>
      <span part="event-icon" class="icon-wrap" aria-hidden="true"><svg viewBox="0 0 24 24" class="icon">${TYPE_ICON[e.type]}</svg></span>
      <div class="body">
        <div class="meta"><span class="type">${typeLabel(e.type)}</span> · <time datetime=${e.occurredAt}>${f.dateTime(e.occurredAt)}</time></div>
        <div class="title">${title}</div>
        ${description ? html`<div class="description muted">${description}</div>` : nothing}
      </div>
      ${e.amount !== null && e.currency ? html`<span part="event-amount" class="amount">${f.money(e.amount, e.currency)}</span>` : html`<span></span>`}
    </article>`;
  }

  private onKeydown = (event: KeyboardEvent) => {
    const count = this.events.length;
    const item = (event.target as Element).closest?.('[data-index]');
    const current = item ? Number(item.getAttribute('data-index')) : -1;
    const step: Record<string, number> = { ArrowDown: 1, ArrowUp: -1, PageDown: 5, PageUp: -5 };
    let next: number;
    if (event.key in step) next = current + step[event.key]!;
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = count - 1;
    else return;
    event.preventDefault();
    next = Math.max(0, Math.min(count - 1, next));
    if (next >= count - 3) void this.loadMore();
    void this.focusItem(next);
  };

  /** Scrolls event `index` into view and focuses it (it may not be rendered yet). */
  async focusItem(index: number): Promise<void> {
    const list = this.virtualizer;
    if (!list) return;
    for (let attempt = 0; attempt < 5; attempt++) {
      const el = list.querySelector<HTMLElement>(`[data-index="${index}"]`);
      if (el && el.offsetParent !== null) {
        el.focus({ preventScroll: true });
        el.scrollIntoView({ block: 'nearest' });
        return;
      }
      list.element(index)?.scrollIntoView({ block: 'nearest' });
      await list.layoutComplete?.catch(() => undefined);
      await new Promise((resolve) => requestAnimationFrame(resolve));
    }
  }
}
