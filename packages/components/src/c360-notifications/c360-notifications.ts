import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { msg, str } from '@lit/localize';
import { Task } from '@lit/task';
import type { Notification } from '@c360/sdk';
import { C360Element } from '../base/c360-element.js';
import { renderEmpty, renderError, renderLoading } from '../base/states.js';
import { baseStyles } from '../base/styles.js';
import { fillHref } from '../base/navigate.js';
import { PermissionsController } from '../base/permissions.js';
import { subscribeNotifications } from './live.js';
import styles from './c360-notifications.styles.js';

/** Detail of `c360-notification`: a notification that arrived live. */
export interface C360NotificationDetail {
  notification: Notification;
}

declare module '../base/events.js' {
  interface C360EventMap {
    'c360-notification': C360NotificationDetail;
  }
}
declare global {
  interface HTMLElementEventMap {
    'c360-notification': CustomEvent<C360NotificationDetail>;
  }
  interface DocumentEventMap {
    'c360-notification': CustomEvent<C360NotificationDetail>;
  }
}

/**
 * @summary Notifications (R12.5, R13.5): a bell with the unread count, the list of the caller's
 * notifications (churn rose to high, health fell, negative CSAT, VIP ticket or order), and a toast
 * when a new one arrives live. Usable in any host page header.
 *
 * The list comes from `GET /notifications`; new ones arrive over `GET /stream` (`event:
 * notification`), go to the top of the list, raise the count and show a toast for `toast-ms`. Each
 * entry links to its customer: a click dispatches the cancelable `c360-navigate` event `{kind:
 * 'customer', id}` (with `customer-href`, a real link whose navigation a listener can stop).
 * "Mark read" marks one read (`POST /notifications/{id}/read`). What a user receives is set by
 * their preferences (`PUT /notifications/preferences`; docs/api.md). Renders nothing for a role
 * without the `notifications` permission (viewers) and for customer-scoped (embed) tokens.
 *
 * @attr customer-href - Link template of a customer, e.g. `/customers/{id}`; without it the entry is a button.
 * @attr toast-ms - How long a toast stays, in milliseconds (default 6000; 0: no toast).
 * @attr open - Whether the list is open. Reflected.
 *
 * @fires {CustomEvent<C360NavigateDetail>} c360-navigate - A notification's customer was clicked; `detail` = `{kind: 'customer', id}`. Cancelable, bubbles, composed.
 * @fires {CustomEvent<C360NotificationDetail>} c360-notification - A notification arrived live; `detail.notification`. Bubbles, composed.
 *
 * @csspart bell - The bell button (toggles the list).
 * @csspart count - The unread count on the bell.
 * @csspart panel - The open list's container.
 * @csspart list - The list of notifications.
 * @csspart item - One notification (also `unread` while unread).
 * @csspart link - The link or button to the customer.
 * @csspart read - The "Mark read" button.
 * @csspart toast - The toast of a new notification.
 * @csspart state - Loading, empty, error and access-denied states.
 */
export class C360NotificationsElement extends C360Element {
  static override styles = [baseStyles, styles];

  @property({ attribute: 'customer-href' }) customerHref?: string;
  @property({ type: Number, attribute: 'toast-ms' }) toastMs = 6000;
  @property({ type: Boolean, reflect: true }) open = false;

  /** The notifications shown, newest first. */
  @state() items: Notification[] = [];
  /** Unread notifications of the caller (all, not only those listed). */
  @state() unreadCount = 0;
  /** The notification in the toast, if any. */
  @state() private toast?: Notification;

  private unsubscribe?: () => void;
  private toastTimer?: ReturnType<typeof setTimeout>;
  private subscribedTo = '';

  private readonly permissions = new PermissionsController(this);

  private readonly task = new Task(this, {
    task: async ([allowed, apiBase, token], { signal }) => {
      if (!allowed) return undefined;
      const page = await this.requireClient(this.client).getNotifications({ limit: 20 }, { signal });
      this.items = page.items;
      this.unreadCount = page.unreadCount;
      this.listen(apiBase, token);
      return page;
    },
    args: () => [this.allowed, this.config.apiBase, this.config.token] as const,
  });

  /** Whether the token receives notifications: an API key (not customer-scoped) whose role has `notifications`. */
  get allowed(): boolean {
    const actor = this.permissions.actor;
    return !!actor && !actor.customerId && this.permissions.can('notifications');
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.closeStream();
    clearTimeout(this.toastTimer);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.task.value) this.listen(this.config.apiBase, this.config.token); // reconnected: listen again
  }

  /** Marks one notification read; resolves when the API confirmed. */
  async markRead(id: string): Promise<void> {
    const read = await this.requireClient(this.client).markNotificationRead(id);
    const wasUnread = this.items.some((n) => n.id === id && n.readAt === null);
    this.items = this.items.map((n) => (n.id === id ? read : n));
    if (wasUnread) this.unreadCount = Math.max(0, this.unreadCount - 1);
  }

  private listen(apiBase: string | undefined, token: string | undefined): void {
    const key = `${apiBase}\u0000${token}`;
    if (!apiBase || !this.isConnected || key === this.subscribedTo) return;
    this.closeStream();
    this.subscribedTo = key;
    this.unsubscribe = subscribeNotifications(apiBase, token, (n) => this.received(n));
  }

  private closeStream(): void {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    this.subscribedTo = '';
  }

  private received(n: Notification): void {
    if (this.items.some((i) => i.id === n.id)) return;
    this.items = [n, ...this.items];
    if (n.readAt === null) this.unreadCount += 1;
    this.emit('c360-notification', { notification: n });
    if (this.toastMs > 0) {
      this.toast = n;
      clearTimeout(this.toastTimer);
      this.toastTimer = setTimeout(() => (this.toast = undefined), this.toastMs);
    }
  }

  private renderLink(n: Notification) {
    const label = msg(str`Open customer ${n.customerId}`);
    const navigate = (event?: MouseEvent) => {
      if (event && (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey)) return;
      const sent = this.emit('c360-navigate', { kind: 'customer', id: n.customerId }, { cancelable: true });
      if (sent.defaultPrevented) event?.preventDefault();
    };
    return this.customerHref
      ? html`<a part="link" class="link" href=${fillHref(this.customerHref, { id: n.customerId })} @click=${navigate}>${label}</a>`
      : html`<button part="link" class="link-button" type="button" @click=${() => navigate()}>${label}</button>`;
  }

  private renderItem(n: Notification) {
    const unread = n.readAt === null;
    return html`<li part="item${unread ? ' unread' : ''}" class="item${unread ? ' unread' : ''}" data-id=${n.id}>
      <span class="title">${n.title}</span>
      <span class="body">${n.body}</span>
      <span class="meta">
        <time datetime=${n.createdAt}>${this.format.dateTime(n.createdAt)}</time>
        ${this.renderLink(n)}
        ${unread ? html`<button part="read" class="link-button" type="button" @click=${() => this.markRead(n.id)}>${msg('Mark read')}</button>` : nothing}
      </span>
    </li>`;
  }

  private renderPanel() {
    return html`<div part="panel" class="panel" id="panel">
      ${this.task.render({
        pending: () => (this.items.length ? this.renderList() : renderLoading(msg('Loading notifications…'))),
        complete: () => this.renderList(),
        error: (error) => renderError(error, { retry: () => this.task.run() }),
      })}
    </div>`;
  }

  private renderList() {
    if (!this.items.length) return renderEmpty(msg('No notifications'));
    return html`<ul part="list" class="list" aria-label=${msg('Notifications')}>${this.items.map((n) => this.renderItem(n))}</ul>`;
  }

  protected override render() {
    if (this.permissions.error !== undefined) return renderError(this.permissions.error, { retry: () => this.permissions.retry() });
    if (!this.allowed) return nothing;
    const count = this.unreadCount;
    const bellLabel = count ? msg(str`Notifications, ${count} unread`) : msg('Notifications');
    return html`<button part="bell" class="bell" type="button" aria-label=${bellLabel} aria-expanded=${this.open ? 'true' : 'false'}
        aria-controls="panel" @click=${() => (this.open = !this.open)}>
        <svg aria-hidden="true" width="20" height="20" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round">
          <path d="M6 8a6 6 0 0 1 12 0c0 7 3 9 3 9H3s3-2 3-9" /><path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
        </svg>
        ${count ? html`<span part="count" class="count" aria-hidden="true">${this.format.number(count)}</span>` : nothing}
      </button>
      ${this.open ? this.renderPanel() : nothing}
      <div role="status" aria-live="polite">
        ${
          this.toast
            ? html`<div part="toast" class="toast"><strong>${this.toast.title}</strong><span>${this.toast.body}</span>${this.renderLink(this.toast)}</div>`
            : nothing
        }
      </div>`;
  }
}
