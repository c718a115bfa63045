import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { nothing } from 'lit';
import type { SupportHistory, TicketDetail } from '@c360/sdk';
import './define.js';
import { formatDuration, type SupportTicketsElement } from './support-tickets.js';
import {
  $,
  $$,
  API,
  CUSTOMER,
  LOCALE,
  RUN,
  UNKNOWN_CUSTOMER,
  apiClient,
  eventMaker,
  fmt,
  freshCustomer,
  postEvents,
  shown,
  text,
} from '../test-support/real-server.js';

const ev = eventMaker('support');
/** Ticket ids of this run. */
const T = (n: number) => `WTR-T-${RUN}-${n}`;

const STATUS = {
  open: 'Open',
  pending: 'Pending',
  in_progress: 'In progress',
  escalated: 'Escalated',
  resolved: 'Resolved',
  closed: 'Closed',
} as const;
const PRIORITY = { low: 'Low', normal: 'Normal', high: 'High', urgent: 'Urgent' } as const;
const signed = new Intl.NumberFormat(LOCALE, { signDisplay: 'exceptZero' });

describe('<support-tickets>', () => {
  // Customers created for this run through the real ingestion API.
  let WITH_TICKETS: string;
  let NO_TICKETS: string;
  let support: SupportHistory;
  let detail: TicketDetail;
  before(async () => {
    [WITH_TICKETS, NO_TICKETS] = await Promise.all([freshCustomer('SUP', 'Support Tester'), freshCustomer('SUP', 'Happy Tester')]);
    const c = { customerId: WITH_TICKETS };
    await postEvents([
      // Resolved after 30 minutes.
      ev('ticket.opened', '2011-06-01T10:00:00.000Z', { ...c, ticketId: T(1), subject: 'Password reset', priority: 'low', channel: 'web' }),
      ev('ticket.updated', '2011-06-01T10:30:00.000Z', { ...c, ticketId: T(1), status: 'resolved' }),
      // Resolved after 2 days 6 hours with CSAT 4 and NPS 9, a comment on the way.
      ev('ticket.opened', '2011-10-01T10:00:00.000Z', {
        ...c,
        ticketId: T(2),
        subject: 'Broken cup',
        priority: 'high',
        channel: 'email',
        description: 'Arrived in pieces',
        actor: 'customer',
      }),
      ev('ticket.updated', '2011-10-02T09:00:00.000Z', {
        ...c,
        ticketId: T(2),
        status: 'in_progress',
        comment: 'Replacement sent',
        actor: 'agent.anna',
      }),
      ev('ticket.updated', '2011-10-03T16:00:00.000Z', { ...c, ticketId: T(2), status: 'resolved', csat: 4, nps: 9, actor: 'agent.anna' }),
      // Escalated (open), urgent.
      ev('ticket.opened', '2011-11-15T10:00:00.000Z', {
        ...c,
        ticketId: T(3),
        subject: 'Invoice copy',
        priority: 'urgent',
        channel: 'phone',
      }),
      ev('ticket.updated', '2011-11-15T11:00:00.000Z', { ...c, ticketId: T(3), status: 'escalated', nps: 3 }),
      // Open, newest.
      ev('ticket.opened', '2011-12-01T08:00:00.000Z', { ...c, ticketId: T(4), subject: 'Wrong size', channel: 'chat' }),
    ]);
    support = await apiClient().getSupport(WITH_TICKETS);
    detail = await apiClient().getTicket(WITH_TICKETS, T(2));
  });

  const render = (id = WITH_TICKETS, ticketHref?: string) =>
    fixture<SupportTicketsElement>(
      html`<support-tickets customer-id=${id} api-base=${API} locale=${LOCALE} ticket-href=${ticketHref ?? nothing}></support-tickets>`,
    );
  const total = (el: Element, name: string) => text($(el, `[data-total="${name}"]`));
  const row = (el: Element, id: string) => $(el, `tr[data-ticket-id="${id}"]`);
  const dialog = (el: Element) => $(el, 'dialog') as HTMLDialogElement;

  /** Everything the element shows equals the SDK's response. */
  function expectShows(el: SupportTicketsElement, s: SupportHistory) {
    const rows = $$(el, 'tr[part~=ticket]');
    expect(rows.map((r) => r.dataset.ticketId)).to.deep.equal(s.tickets.map((t) => t.id));
    rows.forEach((r, i) => {
      const t = s.tickets[i]!;
      expect([...r.querySelectorAll('th, td')].map(text)).to.deep.equal([
        t.id,
        t.subject,
        STATUS[t.status],
        `${PRIORITY[t.priority]} priority`,
        fmt.date(t.createdAt),
      ]);
      expect(r.part.contains('ticket-open'), t.id).to.equal(t.open);
      expect(r.querySelector('[part~=status]')!.part.contains('status-open'), t.id).to.equal(t.open);
      expect(r.querySelector('[part~=status] svg'), `${t.id} status icon`).to.exist;
    });
    expect(total(el, 'tickets')).to.equal(fmt.number(s.totalTickets));
    expect(total(el, 'open')).to.equal(fmt.number(s.openTickets));
    expect(total(el, 'resolution')).to.equal(
      s.averageResolutionHours === null ? 'None resolved' : formatDuration(s.averageResolutionHours, fmt).short,
    );
    expect(total(el, 'csat')).to.contain(s.csatAverage === null ? 'No ratings' : `${fmt.number(s.csatAverage, 2)}/5`);
    expect(total(el, 'nps')).to.contain(s.npsScore === null ? 'No answers' : signed.format(s.npsScore));
  }

  it('formats resolution times as days and hours', () => {
    expect(formatDuration(26, fmt)).to.deep.equal({ short: '1 d 2 h', long: '1 day 2 hours' });
    expect(formatDuration(48, fmt).short).to.equal('2 d');
    expect(formatDuration(201.76, fmt).short).to.equal('8 d 10 h');
    expect(formatDuration(2.03, fmt).short).to.equal('2 h');
    expect(formatDuration(0.5, fmt)).to.deep.equal({ short: '30 min', long: '30 minutes' });
    expect(formatDuration(null, fmt).short).to.equal('—');
  });

  it('shows the loading skeleton before the data arrives', async () => {
    const el = await render();
    expect($(el, '[part~=loading]')).to.exist;
  });

  it('lists the tickets newest first with totals, resolution time, CSAT and NPS as the API gives them', async () => {
    // What the events above must produce (guards the test data itself).
    expect(support.tickets.map((t) => t.id)).to.deep.equal([T(4), T(3), T(2), T(1)]);
    expect(support).to.include({ totalTickets: 4, openTickets: 2, averageResolutionHours: 27.25, csatAverage: 4, npsScore: 0 });
    const el = await render();
    await shown(el, '[part=table]');
    expectShows(el, support);
    expect(total(el, 'resolution')).to.equal('1 d 3 h');
    expect(text(row(el, T(3)).querySelector('[part~=status]'))).to.equal('Escalated');
    expect(text(row(el, T(3)).querySelector('[part~=priority]'))).to.equal('Urgent priority');
  });

  it('shows the sample customer as the SDK returns it', async () => {
    const s = await apiClient().getSupport(CUSTOMER);
    const el = await render(CUSTOMER);
    if (s.tickets.length === 0) {
      expect(text(await shown(el, '[part~=empty]'))).to.equal('No support tickets.');
      return;
    }
    await shown(el, '[part=table]');
    expectShows(el, s);
  });

  it('is accessible', async () => {
    const el = await render();
    await shown(el, '[part=table]');
    await expect(el).to.be.accessible();
  });

  it('turns rows into cards when narrow, keeping the table semantics and naming the priority', async () => {
    const el = await render();
    await shown(el, '[part=table]');
    el.style.width = '320px';
    await waitUntil(() => getComputedStyle(row(el, T(3))).display === 'grid', 'rows never became cards');
    expect(row(el, T(3)).getAttribute('role')).to.equal('row');
    expect(row(el, T(3)).querySelector<HTMLElement>('[part~=priority]')!.innerText.replace(/\s+/g, ' ').trim()).to.equal('Urgent priority');
    expect($(el, 'table').scrollWidth).to.be.at.most(320);
    await expect(el).to.be.accessible();
  });

  it('says so when the customer has no tickets', async () => {
    const el = await render(NO_TICKETS);
    expect(text(await shown(el, '[part~=empty]'))).to.equal('No support tickets.');
  });

  it('dispatches c360-navigate on click and, not canceled, opens the ticket in an accessible dialog', async () => {
    const el = await render();
    const button = (await shown(el, `tr[data-ticket-id="${T(2)}"] button[part=ticket-link]`)) as HTMLButtonElement;
    setTimeout(() => button.click());
    const event = await oneEvent(document, 'c360-navigate');
    expect(event.composed && event.bubbles && event.cancelable).to.equal(true);
    expect(event.detail).to.deep.equal({ kind: 'ticket', id: T(2) });
    await waitUntil(() => dialog(el).open, 'the dialog never opened');
    const history = await shown(el, 'dialog [part=history]');
    expect($$(el, 'dialog [part=history] li').map((li) => li.dataset.eventId)).to.deep.equal(detail.events.map((e) => e.id));
    expect(text(history)).to.contain('Arrived in pieces').and.contain('Replacement sent').and.contain('by agent.anna');
    expect(text($(el, 'dialog [data-field=csat]'))).to.equal('4/5');
    expect(text($(el, 'dialog [data-field=nps]'))).to.equal('9/10');
    expect(text($(el, 'dialog [data-field=resolution]'))).to.equal(formatDuration(detail.ticket.resolutionHours, fmt).short);
    expect(text($(el, '#dialog-title'))).to.equal(`Ticket ${T(2)} ${detail.ticket.subject}`);
    expect(dialog(el).getAttribute('aria-labelledby')).to.equal('dialog-title');
    await expect(el).to.be.accessible();
  });

  it('is keyboard operable: Enter opens the dialog on Close, Esc closes it and focus returns to the ticket', async () => {
    const el = await render();
    const first = (await shown(el, 'button[part=ticket-link]')) as HTMLButtonElement;
    (document.activeElement as HTMLElement | null)?.blur();
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement).to.equal(first);
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => dialog(el).open, 'the dialog never opened');
    expect(el.shadowRoot!.activeElement).to.equal($(el, '[part=dialog-close]'));
    await shown(el, 'dialog [part=history]');
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !dialog(el).open, 'Esc did not close the dialog');
    expect(el.shadowRoot!.activeElement).to.equal(first);
  });

  it('has no autofocus attribute while closed (Chromium blocks it in cross-origin frames), yet opening focuses Close', async () => {
    const el = await render();
    const ticket = (await shown(el, 'button[part=ticket-link]')) as HTMLButtonElement;
    expect(dialog(el).open).to.equal(false);
    expect($$(el, '[autofocus]')).to.have.length(0);
    ticket.focus();
    ticket.click();
    await waitUntil(() => dialog(el).open, 'the dialog never opened');
    expect(el.shadowRoot!.activeElement).to.equal($(el, '[part=dialog-close]'));
    expect($$(el, '[autofocus]')).to.have.length(0);
    $(el, '[part=dialog-close]').click();
    await waitUntil(() => el.shadowRoot!.activeElement === ticket, 'focus did not return to the ticket');
    // Opened programmatically: focus lands inside the dialog too.
    await el.showTicket(T(1));
    expect(el.shadowRoot!.activeElement).to.equal($(el, '[part=dialog-close]'));
    el.closeTicket();
  });

  it('closes with the Close button', async () => {
    const el = await render();
    await shown(el, 'button[part=ticket-link]');
    await el.showTicket(T(1));
    expect(dialog(el).open).to.equal(true);
    $(el, '[part=dialog-close]').click();
    expect(dialog(el).open).to.equal(false);
    const ticket = row(el, T(1)).querySelector('[part=ticket-link]');
    await waitUntil(() => el.shadowRoot!.activeElement === ticket, 'focus did not return to the ticket'); // `close` fires a task later
  });

  it('does not open the dialog when a listener cancels c360-navigate', async () => {
    const el = await render();
    const button = await shown(el, 'button[part=ticket-link]');
    const cancel = (e: Event) => e.preventDefault();
    document.addEventListener('c360-navigate', cancel);
    try {
      button.click();
      await el.updateComplete;
      expect(dialog(el).open).to.equal(false);
    } finally {
      document.removeEventListener('c360-navigate', cancel);
    }
  });

  it('renders real links with ticket-href and opens no dialog', async () => {
    const el = await render(WITH_TICKETS, '/tickets/{id}');
    const link = (await shown(el, 'a[part=ticket-link]')) as HTMLAnchorElement;
    expect(link.getAttribute('href')).to.equal(`/tickets/${encodeURIComponent(T(4))}`);
    const stay = (e: Event) => e.preventDefault(); // keep the test page where it is
    document.addEventListener('click', stay);
    try {
      setTimeout(() => link.click());
      const event = await oneEvent(document, 'c360-navigate');
      expect(event.detail).to.deep.equal({ kind: 'ticket', id: T(4) });
      await el.updateComplete;
      expect(dialog(el).open).to.equal(false);
    } finally {
      document.removeEventListener('click', stay);
    }
  });

  it('names an unknown ticket in the dialog, with Retry', async () => {
    const el = await render();
    await shown(el, '[part=table]');
    await el.showTicket('no-such-ticket');
    expect(text(await shown(el, 'dialog [part~=error]'))).to.contain('Ticket "no-such-ticket" was not found');
    expect($(el, 'dialog [part=retry]')).to.exist;
    el.closeTicket();
  });

  it('names an unknown customer in its error, with Retry', async () => {
    const el = await render(UNKNOWN_CUSTOMER);
    expect(text(await shown(el, '[part~=error]'))).to.contain(`Customer "${UNKNOWN_CUSTOMER}" was not found`);
    $(el, '[part=retry]').click();
    await el.updateComplete;
    expect($(el, '[part~=loading]')).to.exist;
    await shown(el, '[part~=error]');
  });
});
