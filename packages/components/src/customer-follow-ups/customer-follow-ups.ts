import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { msg, str } from '@lit/localize';
import { Task, initialState } from '@lit/task';
import type { FollowUp } from '@c360/sdk';
import { C360CustomerElement } from '../base/customer-element.js';
import { renderEmpty, renderError, renderLoading } from '../base/states.js';
import { baseStyles } from '../base/styles.js';
import { PermissionsController } from '../base/permissions.js';
import { describeError } from '../quick-actions/actions.js';
import styles from './customer-follow-ups.styles.js';

/** Detail of `c360-follow-up-changed`: the follow-up as the API answered after the change. */
export interface C360FollowUpChangedDetail {
  followUp: FollowUp;
}

declare module '../base/events.js' {
  interface C360EventMap {
    'c360-follow-up-changed': C360FollowUpChangedDetail;
  }
}
declare global {
  interface HTMLElementEventMap {
    'c360-follow-up-changed': CustomEvent<C360FollowUpChangedDetail>;
  }
  interface DocumentEventMap {
    'c360-follow-up-changed': CustomEvent<C360FollowUpChangedDetail>;
  }
}

/**
 * @summary The customer's open follow-ups (issue 12 item 10a), soonest due first: what to do, when,
 * for whom, overdue ones marked; each can be marked done.
 *
 * Follow-ups are scheduled by the "Follow up" quick action (`<quick-actions>`). Due times are shown
 * in the page's time zone and compared with the server's clock (the demo's runs on from its
 * as-of), so "Overdue" means due for the server. Live: a follow-up scheduled, changed or falling
 * due elsewhere (change-feed section `notes`) refreshes the list. "Mark done" (roles with
 * `notes:write`: agent and up) sends `PATCH /follow-ups/{id}` `{status: "done"}`; while it is sent the
 * button is disabled, a refusal shows beside the item, success removes it and is announced.
 *
 * @attr customer-id - The customer whose follow-ups to list.
 * @attr page-size - How many to show (1–100, default 20); a note says when there are more.
 *
 * @fires {CustomEvent<C360FollowUpChangedDetail>} c360-follow-up-changed - A follow-up was marked done here; `detail.followUp` is the API's answer. Bubbles, composed.
 *
 * @csspart list - The list of follow-ups.
 * @csspart item - One follow-up (also `item-overdue` when it is past due).
 * @csspart due - Its due time (and the "Overdue" badge).
 * @csspart assignee - Who it is for.
 * @csspart note - What to do.
 * @csspart done - Its "Mark done" button.
 * @csspart item-error - Why marking it done failed.
 * @csspart more - The note that more follow-ups exist than are shown.
 * @csspart message - The announcement of the last change.
 * @csspart state - Loading, empty, error and access-denied states.
 * @csspart retry - The Retry button of the error state.
 *
 * @cssprop [--c360-overdue-color=var(--c360-color-danger)] - Background of the "Overdue" badge.
 */
export class CustomerFollowUpsElement extends C360CustomerElement {
  static override styles = [baseStyles, styles];
  /** The change-feed sections this element shows: follow-up changes are recorded under `notes`. */
  static override liveSections = ['notes'] as const;

  /** How many follow-ups to show (1–100). */
  @property({ type: Number, attribute: 'page-size' }) pageSize = 20;

  /** Ids being marked done. */
  @state() private busy: ReadonlySet<string> = new Set();
  /** Why marking one done failed, by id. */
  @state() private errors: Readonly<Record<string, string>> = {};
  /** Marked done here since the list was loaded (hidden until the next load). */
  @state() private closed: ReadonlySet<string> = new Set();
  /** Polite announcement of the last change. */
  @state() private message = '';

  private readonly permissions = new PermissionsController(this);

  private readonly task = new Task(this, {
    task: async ([id, client, limit], { signal }) => {
      if (!id) return initialState;
      const page = await this.requireClient(client).getCustomerFollowUps(id, { status: 'open', limit }, { signal });
      this.closed = new Set();
      this.errors = {};
      return page;
    },
    args: () => [this.customerId, this.client, Math.min(100, Math.max(1, Math.trunc(this.pageSize) || 20))] as const,
  });

  /** The open follow-ups shown, soonest due first. */
  get followUps(): FollowUp[] {
    return (this.task.value?.items ?? []).filter((f) => !this.closed.has(f.id));
  }

  /** Marks one done; resolves to the API's answer, or undefined when it failed (the reason is shown) or is already being sent. */
  async markDone(followUpId: string): Promise<FollowUp | undefined> {
    if (this.busy.has(followUpId)) return undefined;
    this.busy = new Set([...this.busy, followUpId]);
    const { [followUpId]: _old, ...rest } = this.errors;
    this.errors = rest;
    try {
      const followUp = await this.requireClient(this.client).updateFollowUp(followUpId, { status: 'done' });
      this.closed = new Set([...this.closed, followUpId]);
      this.message = msg('Follow-up marked done.');
      this.emit('c360-follow-up-changed', { followUp });
      return followUp;
    } catch (error) {
      this.errors = { ...this.errors, [followUpId]: describeError(error) };
      return undefined;
    } finally {
      const next = new Set(this.busy);
      next.delete(followUpId);
      this.busy = next;
    }
  }

  protected override render() {
    if (!this.customerId) return renderEmpty(msg('No customer selected.'));
    return this.task.render({
      initial: () => renderLoading(msg('Loading follow-ups…'), 2),
      pending: () => (this.task.value ? this.renderList() : renderLoading(msg('Loading follow-ups…'), 2)),
      error: (error) => renderError(error, { retry: () => this.task.run(), what: msg('Follow-ups') }),
      complete: () => this.renderList(),
    });
  }

  private renderList() {
    const page = this.task.value;
    if (!page) return nothing;
    const items = this.followUps;
    const now = Date.parse(page.now);
    const canWrite = this.permissions.can('notes:write');
    return html`${
      items.length
        ? html`<ul part="list" class="list">
            ${items.map((f) => this.renderItem(f, Date.parse(f.dueAt) < now, canWrite))}
          </ul>`
        : renderEmpty(msg('No open follow-ups.'))
    }
      ${page.nextCursor ? html`<p part="more" class="more">${msg('More follow-ups are due later.')}</p>` : nothing}
      <p part="message" class="message" role="status">${this.message}</p>`;
  }

  private renderItem(f: FollowUp, overdue: boolean, canWrite: boolean) {
    const due = this.format.dateTime(f.dueAt);
    const assignee = f.assignee;
    const error = this.errors[f.id];
    const busy = this.busy.has(f.id);
    return html`<li part="item${overdue ? ' item-overdue' : ''}" class="item" data-id=${f.id}>
      <div class="line">
        <span part="due" class="due">
          <time datetime=${f.dueAt}>${msg(str`Due ${due}`)}</time>
          ${overdue ? html`<span class="overdue">${msg('Overdue')}</span>` : nothing}
        </span>
        <span part="assignee" class="assignee">${msg(str`For ${assignee}`)}</span>
      </div>
      ${f.note ? html`<p part="note" class="note">${f.note}</p>` : nothing}
      ${
        canWrite
          ? html`<button part="done" class="button secondary done" type="button" ?disabled=${busy} aria-busy=${busy ? 'true' : 'false'}
              aria-label=${msg(str`Mark done: ${f.note || due}`)} @click=${() => void this.markDone(f.id)}>
              ${busy ? msg('Saving…') : msg('Mark done')}
            </button>`
          : nothing
      }
      ${error ? html`<p part="item-error" class="item-error" role="alert">${error}</p>` : nothing}
    </li>`;
  }
}
