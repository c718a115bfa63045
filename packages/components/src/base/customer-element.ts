import type { PropertyValues, ReactiveController } from 'lit';
import { property } from 'lit/decorators.js';
import { Task, TaskStatus, initialState } from '@lit/task';
import { msg, str } from '@lit/localize';
import type { C360Client, ChangeSection, Customer360 } from '@c360/sdk';
import { C360Element } from './c360-element.js';
import { listenLive } from './live.js';
import { renderEmpty, renderError, renderLoading } from './states.js';

/** `live` attribute: on unless `off` / `false` / `0`. */
const liveConverter = {
  fromAttribute: (value: string | null) => value === null || !/^(off|false|0|no)$/i.test(value.trim()),
  toAttribute: (value: boolean) => (value ? null : 'off'),
};

/** "Updated" is announced to screen readers at most once per this many milliseconds. */
const ANNOUNCE_EVERY_MS = 5_000;

/**
 * Base of the elements that show one customer: the `customer-id` attribute and the task
 * plumbing shared by all of them.
 */
export class C360CustomerElement extends C360Element {
  /** The customer to show (the API's id, e.g. `17850`). */
  @property({ attribute: 'customer-id', reflect: true }) customerId?: string;

  /**
   * The sections of the change feed this element shows (SPEC §7): a change to one of them
   * refreshes it. Empty: the element does not subscribe.
   */
  static liveSections: readonly ChangeSection[] = [];

  /**
   * Real-time updates: on by default, the element refreshes itself (quietly, keeping what it shows)
   * when one of its sections changes. `live="off"` (or `.live = false`) turns them off.
   */
  @property({ converter: liveConverter }) live = true;

  /** The tasks of this element (every `Task` it creates registers itself as a controller). */
  private readonly liveTasks: Task<readonly unknown[], unknown>[] = [];
  /** Tasks being re-run by a live refresh, with the customer they refresh (shown without a skeleton). */
  private readonly quietRuns = new Map<Task<readonly unknown[], unknown>, string | undefined>();
  private liveKey?: { client: C360Client; customerId: string };
  private stopLive?: () => void;
  private lastAnnounced = 0;
  private liveRegion?: HTMLElement;
  private announceTimer?: ReturnType<typeof setTimeout>;

  constructor() {
    super();
    // A controller, not an updated() override: subclasses override the lifecycle without super.
    const live: ReactiveController = {
      hostUpdated: () => this.syncLive(),
      hostConnected: () => this.syncLive(),
      hostDisconnected: () => this.syncLive(),
    };
    this.addController(live);
  }

  override addController(controller: ReactiveController): void {
    super.addController(controller);
    if (controller instanceof Task) this.liveTasks.push(controller as Task<readonly unknown[], unknown>);
  }

  /** Opens, moves or closes this element's share of the customer's change subscription. */
  private syncLive(): void {
    const sections = (this.constructor as typeof C360CustomerElement).liveSections;
    const client = this.isConnected && this.live && this.customerId && sections.length ? this.client : undefined;
    const want = client && this.customerId ? { client, customerId: this.customerId } : undefined;
    if (want?.client === this.liveKey?.client && want?.customerId === this.liveKey?.customerId) return;
    this.stopLive?.();
    this.stopLive = undefined;
    this.liveKey = want;
    if (!want) return;
    this.stopLive = listenLive(want.client, want.customerId, {
      sections,
      changed: (touched) => this.refreshLive(touched),
      reset: () => this.refreshLive(new Set(sections)),
    });
  }

  /**
   * Refreshes the element after a change to some of its sections (or a reset of the feed): by
   * default re-runs its tasks that have loaded something, quietly (the current data stays on screen
   * until the new data replaces it), then announces "Updated". Override to refresh otherwise.
   */
  protected refreshLive(_sections: ReadonlySet<ChangeSection>): void {
    const runs = this.liveTasks.filter((task) => task.status !== TaskStatus.INITIAL).map((task) => this.rerunQuietly(task));
    if (runs.length) void Promise.all(runs).then((ok) => ok.some(Boolean) && this.announceUpdated());
  }

  /**
   * Reloads what the element shows, quietly (the current data stays until the new data arrives),
   * as a live change to all of its sections would. Hosts call it after changing data elsewhere.
   */
  refresh(): void {
    this.refreshLive(new Set((this.constructor as typeof C360CustomerElement).liveSections));
  }

  /**
   * Skips the render a quiet live refresh asks for when its tasks go pending: nothing on screen
   * changes until the new data arrives (which renders), and on a page of many sections those
   * renders would hold the main thread while the responses come in (bench/realtime-screen.ts).
   */
  protected override shouldUpdate(changed: PropertyValues): boolean {
    if (
      this.hasUpdated &&
      changed.size === 0 &&
      this.quietRuns.size > 0 &&
      [...this.quietRuns.keys()].every((t) => t.status === TaskStatus.PENDING)
    ) {
      return false;
    }
    return super.shouldUpdate(changed);
  }

  /** Re-runs `task` without its loading skeleton; resolves to whether it completed. */
  protected async rerunQuietly(task: Task<readonly unknown[], unknown>): Promise<boolean> {
    const customerId = this.customerId;
    this.quietRuns.set(task, customerId);
    try {
      await task.run();
      return task.status === TaskStatus.COMPLETE && this.customerId === customerId;
    } catch {
      return false;
    } finally {
      if (this.quietRuns.get(task) === customerId) this.quietRuns.delete(task);
    }
  }

  /** Says "Updated" politely to screen readers, at most once every few seconds. */
  protected announceUpdated(message = msg('Updated')): void {
    const now = Date.now();
    if (now - this.lastAnnounced < ANNOUNCE_EVERY_MS || !this.renderRoot) return;
    this.lastAnnounced = now;
    if (!this.liveRegion) {
      // Outside the part Lit renders (it is inserted before Lit's content), so renders never remove it.
      const region = document.createElement('div');
      region.setAttribute('part', 'live-status');
      region.setAttribute('role', 'status');
      region.setAttribute('aria-live', 'polite');
      region.style.cssText =
        'position:absolute;inline-size:1px;block-size:1px;margin:-1px;padding:0;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;border:0';
      this.renderRoot.insertBefore(region, this.renderRoot.firstChild);
      this.liveRegion = region;
    }
    this.liveRegion.textContent = message;
    clearTimeout(this.announceTimer);
    this.announceTimer = setTimeout(() => {
      if (this.liveRegion) this.liveRegion.textContent = '';
    }, 3_000);
  }

  /** Whether `task` is being re-run by a live refresh of the customer shown (keep its data on screen). */
  protected isQuiet(task: Task<readonly unknown[], unknown>): boolean {
    return this.quietRuns.has(task) && this.quietRuns.get(task) === this.customerId && task.value !== undefined;
  }

  /**
   * Renders a task's state: skeleton while loading, error with Retry (404 names the customer),
   * access denied, "No customer selected" without an id, else `complete(value)`.
   */
  protected renderTask<R>(
    task: Task<readonly unknown[], R>,
    complete: (value: R) => unknown,
    loadingLabel = msg('Loading customer…'),
  ): unknown {
    return task.render({
      initial: () => (this.customerId ? renderLoading(loadingLabel) : renderEmpty(msg('No customer selected.'))),
      pending: () => (this.isQuiet(task as Task<readonly unknown[], unknown>) ? complete(task.value as R) : renderLoading(loadingLabel)),
      complete,
      error: (error) => renderError(error, { retry: () => task.run(), what: msg(str`Customer "${this.customerId}"`) }),
    });
  }

  /** A task fetching the customer's 360 view (shared in flight by every element on the page). */
  protected customer360Task(): Task<readonly [string | undefined, C360Client | undefined], Customer360> {
    return new Task(this, {
      task: async ([id, client], { signal }) => (id ? this.requireClient(client).getCustomer360(id, { signal }) : initialState),
      args: () => [this.customerId, this.client] as const,
    });
  }
}
