import { html, nothing, svg, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { Task, initialState } from '@lit/task';
import { msg, str } from '@lit/localize';
import type { SupportHistory, TicketDetail, TicketHistoryEntry, TicketPriority, TicketSummary } from '@c360/sdk';
import { C360CustomerElement } from '../base/customer-element.js';
import type { Formatter } from '../base/format.js';
import { renderNavigable } from '../base/navigate.js';
import { renderEmpty, renderError, renderLoading } from '../base/states.js';
import { baseStyles, tableStyles } from '../base/styles.js';
import { renderServerText } from '../base/server-text.js';
import { historyLabel, priorityLabel, statusLabel } from './labels.js';
import styles from './support-tickets.styles.js';

/** An open ticket (circle with a dot), a finished one (check), urgency (exclamation). */
const OPEN_ICON = svg`<circle cx="12" cy="12" r="9"/><circle cx="12" cy="12" r="2.5" fill="currentColor"/>`;
const DONE_ICON = svg`<circle cx="12" cy="12" r="9"/><path d="m8 12 3 3 5-6"/>`;
const URGENT_ICON = svg`<path d="M12 3 2 21h20Z"/><path d="M12 10v5M12 18v.01"/>`;
const CLOSE_ICON = svg`<path d="M6 6l12 12M18 6 6 18"/>`;

/**
 * A duration in hours as days and hours, e.g. 26 → "1 d 2 h", 48 → "2 d", 2.03 → "2 h",
 * 0.5 → "30 min"; `long` spells the units out for assistive technology ("1 day 2 hours").
 */
export function formatDuration(hours: number | null | undefined, f: Formatter): { short: string; long: string } {
  if (hours === null || hours === undefined || !Number.isFinite(hours)) return { short: '—', long: msg('none') };
  const minutes = Math.round(hours * 60);
  const [mins, total] = [f.number(minutes), Math.round(hours)];
  if (minutes < 60) return { short: msg(str`${mins} min`), long: minutes === 1 ? msg(str`${mins} minute`) : msg(str`${mins} minutes`) };
  const d = Math.floor(total / 24);
  const h = total % 24;
  const [days, hrs] = [f.number(d), f.number(h)];
  const longHours = h === 1 ? msg(str`${hrs} hour`) : msg(str`${hrs} hours`);
  const longDays = d === 1 ? msg(str`${days} day`) : msg(str`${days} days`);
  if (d === 0) return { short: msg(str`${hrs} h`), long: longHours };
  if (h === 0) return { short: msg(str`${days} d`), long: longDays };
  return { short: msg(str`${days} d ${hrs} h`), long: `${longDays} ${longHours}` };
}

/**
 * @summary Support tickets (R6): every ticket newest first (id, subject, status, priority,
 * created), open ones highlighted; total tickets, open count, average resolution time, CSAT
 * average (x/5) and NPS. A ticket opens in a modal dialog with its history, unless the host
 * handles `c360-navigate` or sets `ticket-href`.
 *
 * Clicking a ticket dispatches the cancelable `c360-navigate` `{kind: 'ticket', id}`:
 * - with `ticket-href` (`/tickets/{id}`) the ids are real links, followed unless a listener calls
 *   `preventDefault()`;
 * - without it, if no listener calls `preventDefault()`, a modal `<dialog>` shows the ticket
 *   (fetched from `/customers/:id/support/tickets/:ticketId`): its details, CSAT/NPS, resolution
 *   and history. Focus moves to its Close button when it opens and the native modal dialog keeps
 *   it inside; Esc or Close closes it and focus returns to the ticket.
 *
 * Open tickets (open, pending, in progress, escalated) carry a filled status badge with an icon and
 * the status in words, so the highlight never relies on colour.
 *
 * @attr customer-id - The customer to show.
 *
 * @fires {CustomEvent<C360NavigateDetail>} c360-navigate - A ticket was clicked. Cancelable, bubbles, composed.
 *
 * @csspart base - The wrapper.
 * @csspart summary - Totals: tickets, open, average resolution, CSAT, NPS.
 * @csspart table - The tickets table.
 * @csspart ticket - One row (also `ticket-open` when the ticket is open).
 * @csspart ticket-link - A ticket id (link or button).
 * @csspart status - A ticket's status badge (also `status-open` for open tickets).
 * @csspart priority - A ticket's priority.
 * @csspart dialog - The ticket detail `<dialog>`.
 * @csspart dialog-close - The dialog's Close button.
 * @csspart history - The ticket's history list in the dialog.
 * @csspart state - Loading, empty, error and access-denied states.
 * @csspart retry - The Retry button of an error state.
 *
 * @cssprop [--c360-dialog-width=36rem] - Largest width of the ticket dialog.
 */
export class SupportTicketsElement extends C360CustomerElement {
  static override styles = [baseStyles, tableStyles, styles];
  /** The change-feed sections this element shows (real time, SPEC §7). */
  static override liveSections = ['support'] as const;

  /** Link template for tickets, `{id}` filled in, e.g. `/tickets/{id}`. Without it, tickets open in a dialog. */
  @property({ attribute: 'ticket-href' }) ticketHref?: string;

  /** The ticket shown in the dialog. */
  @state() private openTicketId?: string;

  @query('dialog') private dialog?: HTMLDialogElement;

  private readonly task = new Task(this, {
    task: async ([id, client], { signal }) => (id ? this.requireClient(client).getSupport(id, { signal }) : initialState),
    args: () => [this.customerId, this.client] as const,
  });

  private readonly ticketTask = new Task(this, {
    task: async ([id, client, ticketId], { signal }) =>
      id && ticketId ? this.requireClient(client).getTicket(id, ticketId, { signal }) : initialState,
    args: () => [this.customerId, this.client, this.openTicketId] as const,
  });

  /** The support history last loaded, if any. */
  get support(): SupportHistory | undefined {
    return this.task.value;
  }

  /** Opens the ticket dialog on `ticketId` (without dispatching `c360-navigate`). */
  async showTicket(ticketId: string): Promise<void> {
    this.openTicketId = ticketId;
    await this.updateComplete;
    if (!this.dialog || this.dialog.open) return;
    this.dialog.showModal();
    // Focus Close explicitly rather than with `autofocus`: an autofocus element in the page (the
    // dialog is rendered while closed) makes Chromium log "Blocked autofocusing…" in cross-origin frames.
    this.renderRoot.querySelector<HTMLElement>('[part=dialog-close]')?.focus();
  }

  /** Closes the ticket dialog; focus returns to the ticket. */
  closeTicket(): void {
    this.dialog?.close();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // Another customer: the open ticket is not theirs.
    if (changed.has('customerId') && changed.get('customerId') !== undefined) this.closeTicket();
  }

  protected override render() {
    return html`${this.renderTask(this.task, (support) => this.renderSupport(support), msg('Loading support tickets…'))}${this.renderDialog()}`;
  }

  private renderSupport(s: SupportHistory) {
    if (s.tickets.length === 0) return renderEmpty(msg('No support tickets.'));
    const f = this.format;
    const resolution = formatDuration(s.averageResolutionHours, f);
    const signed = new Intl.NumberFormat(f.locale, { signDisplay: 'exceptZero' });
    return html`<div part="base" class="base">
      <dl part="summary" class="summary">
        <div><dt>${msg('Total tickets')}</dt><dd data-total="tickets">${f.number(s.totalTickets)}</dd></div>
        <div class=${s.openTickets > 0 ? 'has-open' : ''}><dt>${msg('Open')}</dt><dd data-total="open">${f.number(s.openTickets)}</dd></div>
        <div>
          <dt>${msg('Avg. resolution')}</dt>
          <dd data-total="resolution">
            ${s.averageResolutionHours === null ? html`<span class="none">${msg('None resolved')}</span>` : html`<abbr title=${resolution.long}>${resolution.short}</abbr>`}
          </dd>
        </div>
        <div>
          <dt>${msg('CSAT')}</dt>
          <dd data-total="csat">
            ${
              s.csatAverage === null
                ? html`<span class="none">${msg('No ratings')}</span>`
                : html`${f.number(s.csatAverage, 2)}<small>/5</small><span class="hint">${s.csatResponses === 1 ? msg(str`${f.number(s.csatResponses)} rating`) : msg(str`${f.number(s.csatResponses)} ratings`)}</span>`
            }
          </dd>
        </div>
        <div>
          <dt>${msg('NPS')}</dt>
          <dd data-total="nps">
            ${
              s.npsScore === null
                ? html`<span class="none">${msg('No answers')}</span>`
                : html`${signed.format(s.npsScore)}<span class="hint">${s.npsResponses === 1 ? msg(str`${f.number(s.npsResponses)} answer`) : msg(str`${f.number(s.npsResponses)} answers`)}</span>`
            }
          </dd>
        </div>
      </dl>
      <!-- Explicit roles keep the table's semantics when the narrow layout turns rows into grids. -->
      <table part="table" role="table">
        <caption class="visually-hidden">${msg('Support tickets, newest first')}</caption>
        <thead role="rowgroup">
          <tr role="row">
            <th role="columnheader" scope="col">${msg('Ticket')}</th>
            <th role="columnheader" scope="col">${msg('Subject')}</th>
            <th role="columnheader" scope="col">${msg('Status')}</th>
            <th role="columnheader" scope="col">${msg('Priority')}</th>
            <th role="columnheader" scope="col">${msg('Created')}</th>
          </tr>
        </thead>
        <tbody role="rowgroup">
          ${s.tickets.map((t) => this.renderRow(t))}
        </tbody>
      </table>
    </div>`;
  }

  private renderRow(t: TicketSummary) {
    const f = this.format;
    const link = this.ticketHref
      ? renderNavigable(this, { kind: 'ticket', id: t.id }, t.id, this.ticketHref, 'ticket-link')
      : html`<button part="ticket-link" class="link-button" type="button" aria-haspopup="dialog" @click=${() => this.onTicketClick(t.id)}>${t.id}</button>`;
    return html`<tr part="ticket${t.open ? ' ticket-open' : ''}" role="row" class=${t.open ? 'open' : ''} data-ticket-id=${t.id}>
      <th role="rowheader" scope="row" class="id">${link}</th>
      <td role="cell" class="subject">${t.subject}</td>
      <td role="cell" class="status">${this.renderStatus(t)}</td>
      <td role="cell" class="priority">${this.renderPriority(t.priority)}</td>
      <td role="cell" class="date"><time datetime=${t.createdAt}>${f.date(t.createdAt)}</time></td>
    </tr>`;
  }

  private renderStatus(t: TicketSummary) {
    return html`<span part="status${t.open ? ' status-open' : ''}" class="chip status ${t.open ? 'is-open' : 'is-done'}" data-status=${t.status}>
      <svg viewBox="0 0 24 24" class="icon" aria-hidden="true">${t.open ? OPEN_ICON : DONE_ICON}</svg>${statusLabel(t.status)}
    </span>`;
  }

  private renderPriority(p: TicketPriority) {
    const urgent = p === 'high' || p === 'urgent';
    return html`<span part="priority" class="priority-label priority-${p}" data-priority=${p}>
      ${urgent ? html`<svg viewBox="0 0 24 24" class="icon" aria-hidden="true">${URGENT_ICON}</svg>` : nothing}<span>${priorityLabel(p)}<span class="unit"> ${msg('priority')}</span></span>
    </span>`;
  }

  private onTicketClick(ticketId: string) {
    const navigate = this.emit('c360-navigate', { kind: 'ticket', id: ticketId }, { cancelable: true });
    if (!navigate.defaultPrevented) void this.showTicket(ticketId);
  }

  private onDialogClose() {
    const id = this.openTicketId;
    this.openTicketId = undefined;
    // Back to the ticket that opened the dialog (the native dialog would return focus to it too,
    // but not when the dialog was opened with showTicket() or the table re-rendered meanwhile).
    const trigger = id ? this.renderRoot.querySelector<HTMLElement>(`tr[data-ticket-id="${CSS.escape(id)}"] [part~=ticket-link]`) : null;
    trigger?.focus();
  }

  /** A click on the backdrop (outside the dialog's box) closes it. */
  private onDialogClick(event: MouseEvent) {
    if (event.target !== this.dialog) return;
    const box = this.dialog.getBoundingClientRect();
    const inside = event.clientX >= box.left && event.clientX <= box.right && event.clientY >= box.top && event.clientY <= box.bottom;
    if (!inside) this.closeTicket();
  }

  private renderDialog() {
    const id = this.openTicketId;
    const summary = id ? this.task.value?.tickets.find((t) => t.id === id) : undefined;
    return html`<dialog part="dialog" class="dialog" aria-labelledby="dialog-title" @close=${this.onDialogClose} @click=${this.onDialogClick}>
      <div class="dialog-body">
        <header class="dialog-header">
          <h2 id="dialog-title">
            <span class="dialog-id">${msg(str`Ticket ${id ?? ''}`)}</span>
            ${summary ? html`<span class="dialog-subject">${summary.subject}</span>` : nothing}
          </h2>
          <button part="dialog-close" class="close" type="button" @click=${() => this.closeTicket()}>
            <svg viewBox="0 0 24 24" class="icon" aria-hidden="true">${CLOSE_ICON}</svg>${msg('Close')}
          </button>
        </header>
        ${
          id
            ? this.ticketTask.render({
                initial: () => renderLoading(msg('Loading ticket…')),
                pending: () => renderLoading(msg('Loading ticket…')),
                complete: (detail) => this.renderDetail(detail),
                error: (error) => renderError(error, { retry: () => this.ticketTask.run(), what: msg(str`Ticket "${id}"`) }),
              })
            : nothing
        }
      </div>
    </dialog>`;
  }

  private renderDetail({ ticket: t, events }: TicketDetail) {
    const f = this.format;
    const resolution = formatDuration(t.resolutionHours, f);
    return html`<dl class="detail-grid" data-ticket=${t.id}>
        <div><dt>${msg('Status')}</dt><dd data-field="status">${this.renderStatus(t)}</dd></div>
        <div><dt>${msg('Priority')}</dt><dd data-field="priority">${this.renderPriority(t.priority)}</dd></div>
        <div><dt>${msg('Channel')}</dt><dd data-field="channel">${t.channel ? t.channel[0]!.toUpperCase() + t.channel.slice(1) : '—'}</dd></div>
        <div><dt>${msg('Created')}</dt><dd data-field="created">${f.dateTime(t.createdAt)}</dd></div>
        <div><dt>${msg('Resolved')}</dt><dd data-field="resolved">${t.resolvedAt ? f.dateTime(t.resolvedAt) : msg('Not yet')}</dd></div>
        <div>
          <dt>${msg('Resolution time')}</dt>
          <dd data-field="resolution">${t.resolutionHours === null ? '—' : html`<abbr title=${resolution.long}>${resolution.short}</abbr>`}</dd>
        </div>
        <div><dt>${msg('CSAT')}</dt><dd data-field="csat">${t.csat === null ? msg('Not rated') : `${f.number(t.csat)}/5`}</dd></div>
        <div><dt>${msg('NPS answer')}</dt><dd data-field="nps">${t.nps === null ? msg('No answer') : `${f.number(t.nps)}/10`}</dd></div>
      </dl>
      <h3 id="history-heading">${msg('History')}</h3>
      ${
        events.length
          ? html`<ol part="history" class="history" aria-labelledby="history-heading">
            ${events.map((e) => this.renderHistoryEntry(e))}
          </ol>`
          : html`<p class="muted">${msg('No history recorded.')}</p>`
      }`;
  }

  private renderHistoryEntry(e: TicketHistoryEntry) {
    const f = this.format;
    return html`<li class="entry entry-${e.type}" data-event-id=${e.id}>
      <span class="entry-head">
        <strong>${historyLabel(e.type)}</strong>
        <time class="muted" datetime=${e.occurredAt}>${f.dateTime(e.occurredAt)}</time>
      </span>
      ${e.body ? html`<span class="entry-body">${renderServerText(e.bodyText, e.body, f)}</span>` : nothing}
      ${e.actor ? html`<span class="entry-actor muted">${msg(str`by ${e.actor}`)}</span>` : nothing}
    </li>`;
  }
}
