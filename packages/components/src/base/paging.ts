import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Where a {@link PagingController} is: nothing in flight, a page being fetched, or the last fetch failed. */
export type PagingStatus = 'idle' | 'loading' | 'error';

/** One page as the controller needs it: its items and the cursor of the next page (null: the last). */
export interface Page<T> {
  items: readonly T[];
  nextCursor: string | null;
}

/** What a {@link PagingController} fetches with and how it tells items apart. */
export interface PagingOptions<T> {
  /**
   * Fetches the page after `cursor`; `signal` aborts when the list is reset or the host
   * disconnects. Reject to put the controller in its error state (shown with a Retry).
   */
  fetchPage: (cursor: string, signal: AbortSignal) => Promise<Page<T>>;
  /** An item's identity: later pages skip items already listed (rows that moved between pages). */
  key?: (item: T) => string;
}

/**
 * The pages after the first of a "load more" or infinitely scrolling list, as reactive state
 * (the way `@lit/task` keeps a task's status, value and error): the items appended so far, the
 * next cursor, whether a page is loading, why the last one failed, and the abort of the page in
 * flight. Every change asks the host to update.
 *
 * The host's own task loads the first page and hands it over with {@link reset}; a new first page
 * (other filters, another customer) resets the paging and aborts a page still in flight, so a late
 * answer of the old query never lands in the new list.
 */
export class PagingController<T> implements ReactiveController {
  /** The items of the pages loaded after the first, in order. */
  items: readonly T[] = [];
  /** The cursor of the next page; null when the last page is loaded. */
  nextCursor: string | null = null;
  /** `loading` while a page is fetched, `error` after a fetch failed, else `idle`. */
  status: PagingStatus = 'idle';
  /** Why the last fetch failed (undefined unless `status` is `error`). */
  error: unknown;

  private abort?: AbortController;
  private seen = new Set<string>();

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: PagingOptions<T>,
  ) {
    host.addController(this);
  }

  /** Whether there is a next page to load. */
  get hasMore(): boolean {
    return this.nextCursor !== null;
  }

  /** Whether a page is being fetched. */
  get loading(): boolean {
    return this.status === 'loading';
  }

  /**
   * Starts over after a new first page: aborts a page in flight, forgets the appended items and
   * the error, and continues from `nextCursor` (null: nothing more). `firstPage` seeds the keys
   * that later pages skip.
   */
  reset(nextCursor: string | null = null, firstPage: readonly T[] = []): void {
    this.abort?.abort();
    this.abort = undefined;
    this.items = [];
    this.nextCursor = nextCursor;
    this.status = 'idle';
    this.error = undefined;
    const key = this.options.key;
    this.seen = new Set(key ? firstPage.map(key) : []);
    this.host.requestUpdate();
  }

  /**
   * Fetches and appends the next page. Does nothing while a page is loading or when there is no
   * next page; after a failure it tries again (the Retry of the error state calls it). Resolves
   * when the page is in (or failed, or was aborted); never rejects.
   */
  async loadMore(): Promise<void> {
    const cursor = this.nextCursor;
    if (cursor === null || this.status === 'loading') return;
    const abort = (this.abort = new AbortController());
    this.status = 'loading';
    this.error = undefined;
    this.host.requestUpdate();
    try {
      const page = await this.options.fetchPage(cursor, abort.signal);
      if (abort.signal.aborted) return;
      const key = this.options.key;
      const fresh = key ? page.items.filter((item) => !this.seen.has(key(item)) && !!this.seen.add(key(item))) : page.items;
      this.items = [...this.items, ...fresh];
      this.nextCursor = page.nextCursor;
      this.status = 'idle';
    } catch (error) {
      if (abort.signal.aborted) return;
      this.error = error;
      this.status = 'error';
    } finally {
      if (this.abort === abort) this.abort = undefined;
    }
    this.host.requestUpdate();
  }

  /** Aborts the page in flight when the host leaves the document (it is fetched again on demand). */
  hostDisconnected(): void {
    if (!this.abort) return;
    this.abort.abort();
    this.abort = undefined;
    if (this.status === 'loading') this.status = 'idle';
  }
}
