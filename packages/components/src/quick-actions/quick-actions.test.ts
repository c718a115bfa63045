import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { createClient, type IngestEventInput } from '@c360/sdk';
import './define.js';
import '../customer-360/define.js';
import type { QuickActionsElement, QuickAction } from './quick-actions.js';
import type { Customer360Element } from '../customer-360/customer-360.js';
import { currentActor } from '../base/permissions.js';
import {
  $,
  $$,
  API,
  BAD_TOKEN,
  CUSTOMER,
  LOCALE,
  ROLE_TOKENS,
  apiClient,
  countRequests,
  eventMaker,
  fmt,
  freshCustomer,
  ignoreBenignResizeObserverErrors,
  postEvents,
  root,
  shown,
  text,
} from '../test-support/real-server.js';

const ev = eventMaker('qa');

/** A fresh customer with an email address and the given email opt-in, without quiet hours. */
async function emailCustomer(name: string, optIn: boolean): Promise<string> {
  const id = await freshCustomer('QA', name);
  await postEvents([
    ev('customer.upserted', '2011-01-02T00:00:00Z', { customerId: id, name, email: `${id.toLowerCase()}@example.com` }),
    ev('preferences.updated', '2011-01-03T00:00:00Z', { customerId: id, optIns: { email: optIn }, quietHours: null }),
  ] as IngestEventInput[]);
  return id;
}

/** Sets a control's value as a user would (input / change events). */
function fill(el: Element, name: string, value: string) {
  const control = $(el, `#qa-field-${name}`) as HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;
  control.value = value;
  control.dispatchEvent(new Event(control instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true }));
}

const dialog = (el: Element) => $(el, 'dialog') as HTMLDialogElement;
const actionsOf = (el: Element) => $$(el, '[part~=action]').map((b) => b.dataset.action);

/** Waits until the element knows its role (GET /me answered). */
async function ready(el: QuickActionsElement) {
  await currentActor(el.client!).catch(() => undefined);
  await el.updateComplete;
}

describe('<quick-actions>', () => {
  const render = async (id: string, token?: string) => {
    const el = await fixture<QuickActionsElement>(
      html`<quick-actions customer-id=${id} api-base=${API} locale=${LOCALE} token=${token ?? ''}></quick-actions>`,
    );
    await ready(el);
    return el;
  };
  async function openAction(el: QuickActionsElement, action: QuickAction) {
    $(el, `[data-action=${action}]`).click();
    await waitUntil(() => dialog(el).open, `the ${action} dialog never opened`);
    await el.updateComplete;
  }
  async function submitForm(el: QuickActionsElement) {
    ($(el, '[part=submit]') as HTMLButtonElement).click();
    await el.updateComplete;
  }

  it('shows all five actions to an admin, each opening a labelled modal dialog that Esc closes, focus returning to its button', async () => {
    const el = await render(CUSTOMER);
    expect(actionsOf(el)).to.deep.equal(['email', 'ticket', 'points', 'note', 'followUp']);
    expect($$(el, '[part~=action]').map(text)).to.deep.equal(['Send email', 'Create ticket', 'Adjust points', 'Add note', 'Follow up']);
    await expect(el).to.be.accessible();
    for (const [action, title] of [
      ['email', 'Send an email'],
      ['ticket', 'Create a support ticket'],
      ['points', 'Adjust loyalty points'],
      ['note', 'Add a note'],
      ['followUp', 'Schedule a follow-up'],
    ] as const) {
      await openAction(el, action);
      const d = dialog(el);
      expect(d.matches(':modal')).to.equal(true);
      expect(text(root(el).getElementById(d.getAttribute('aria-labelledby')!))).to.equal(title);
      expect(root(el).activeElement?.id, 'focus in the first field').to.match(/^qa-field-/);
      await expect(el).to.be.accessible();
      await sendKeys({ press: 'Escape' });
      await waitUntil(() => !d.open, 'Esc did not close the dialog');
      await el.updateComplete;
      expect(root(el).activeElement).to.equal($(el, `[data-action=${action}]`));
    }
  });

  it('checks required fields and lengths before sending anything', async () => {
    const id = await emailCustomer('Validation Customer', true);
    const el = await render(id);
    const requests = countRequests('/actions/');
    try {
      await openAction(el, 'email');
      await submitForm(el);
      expect($$(el, '[part=field-error]').map(text)).to.deep.equal(['Subject is required.', 'Message is required.']);
      expect($(el, '#qa-field-subject').getAttribute('aria-invalid')).to.equal('true');
      expect($(el, '#qa-field-subject').getAttribute('aria-describedby')).to.contain('qa-field-subject-error');
      expect(root(el).activeElement).to.equal($(el, '#qa-field-subject'));
      fill(el, 'subject', 'x'.repeat(201));
      fill(el, 'body', 'Hello');
      await submitForm(el);
      expect($$(el, '[part=field-error]').map(text)).to.deep.equal(['Subject must be at most 200 characters.']);
      await expect(el).to.be.accessible();
      el.close();
      await openAction(el, 'points');
      fill(el, 'points', '0');
      fill(el, 'reason', 'Goodwill');
      await submitForm(el);
      expect(text($(el, '[part=field-error]'))).to.equal('Points must not be zero.');
      expect(requests.count).to.equal(0);
    } finally {
      requests.restore();
    }
  });

  it('sends an email: "Email queued.", the API records it, c360-action-completed fires with an Idempotency-Key sent', async () => {
    const id = await emailCustomer('Email Customer', true);
    const el = await render(id);
    await openAction(el, 'email');
    fill(el, 'subject', 'Your order has shipped');
    fill(el, 'body', 'Hello,\nyour parcel is on its way.');
    const keys: (string | null)[] = [];
    const original = window.fetch;
    window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
      if (String(input instanceof Request ? input.url : input).includes('/actions/email'))
        keys.push(new Headers(init?.headers ?? (input instanceof Request ? input.headers : undefined)).get('idempotency-key'));
      return original.call(window, input, init);
    };
    try {
      setTimeout(() => void submitForm(el));
      const event = await oneEvent(el, 'c360-action-completed');
      expect(event.bubbles && event.composed).to.equal(true);
      expect(event.detail.action).to.equal('email');
      expect(event.detail.customerId).to.equal(id);
      expect(event.detail.result).to.have.property('messageId');
    } finally {
      window.fetch = original;
    }
    expect(keys.length).to.equal(1);
    expect(keys[0]).to.be.a('string').and.not.equal('');
    await el.updateComplete;
    expect(dialog(el).open).to.equal(false);
    expect(text($(el, '[part=message]'))).to.equal('Email queued.');
    const marketing = await apiClient().getMarketing(id);
    expect(JSON.stringify(marketing)).to.contain('Your order has shipped');
  });

  it('shows the server’s refusal word for word: opted out (409), no email address (422), more points than the balance (422)', async () => {
    const optedOut = await emailCustomer('Opted Out', false);
    const el = await render(optedOut);
    await openAction(el, 'email');
    fill(el, 'subject', 'Spring sale');
    fill(el, 'body', 'Everything must go');
    await submitForm(el);
    const refusal = await shown(el, '[part=form-error]');
    const reason = (error: unknown) => (error as { problem: { detail: string } }).problem.detail;
    const expected = await apiClient()
      .sendEmail(optedOut, { subject: 'Spring sale', body: 'Everything must go' })
      .then(() => 'sent', reason);
    expect(expected).to.contain('opted out of email');
    expect(text(refusal)).to.equal(`The email was not sent. ${expected}`);
    expect(refusal.getAttribute('role')).to.equal('alert');
    expect(dialog(el).open, 'the dialog stays open').to.equal(true);
    await expect(el).to.be.accessible();

    const noEmail = await freshCustomer('QA', 'No Email On File');
    const el2 = await render(noEmail);
    await openAction(el2, 'email');
    fill(el2, 'subject', 'Hello');
    fill(el2, 'body', 'Hello');
    await submitForm(el2);
    expect(text(await shown(el2, '[part=form-error]'))).to.equal(
      `The email was not sent. Customer "${noEmail}" has no email address on file`,
    );

    await openAction(el2, 'points');
    fill(el2, 'points', '-500');
    fill(el2, 'reason', 'Too much');
    await submitForm(el2);
    const over = text(await shown(el2, '[part=form-error]'));
    expect(over).to.match(/^The points were not adjusted\. Cannot take 500 points/);
  });

  it('hides what the role may not do: viewer none, agent email/ticket/note/follow-up, manager all', async () => {
    expect(ROLE_TOKENS.viewer, 'role tokens minted by the test runner').to.match(/^c360_/);
    const viewer = await render(CUSTOMER, ROLE_TOKENS.viewer);
    expect(actionsOf(viewer)).to.deep.equal([]);
    expect($$(viewer, 'button').length).to.equal(0);
    const agent = await render(CUSTOMER, ROLE_TOKENS.agent);
    expect(actionsOf(agent)).to.deep.equal(['email', 'ticket', 'note', 'followUp']);
    const manager = await render(CUSTOMER, ROLE_TOKENS.manager);
    expect(actionsOf(manager)).to.deep.equal(['email', 'ticket', 'points', 'note', 'followUp']);
    await expect(agent).to.be.accessible();
  });

  it('shows access denied for a token the API refuses', async () => {
    const el = await render(CUSTOMER, BAD_TOKEN);
    const denied = await shown(el, '[part~=denied]');
    expect(text(denied)).to.contain('Access denied');
    expect(actionsOf(el)).to.deep.equal([]);
  });
});

describe('<customer-360> quick actions and export', () => {
  ignoreBenignResizeObserverErrors(beforeEach, afterEach, { suppressErrorLogging: true });
  const render = (id: string, token?: string) =>
    fixture<Customer360Element>(
      html`<customer-360 customer-id=${id} api-base=${API} locale=${LOCALE} token=${token ?? ''} style="width:1200px"></customer-360>`,
    );
  const section = <K extends keyof HTMLElementTagNameMap>(el: Element, tag: K) => $(el, tag) as unknown as HTMLElementTagNameMap[K];

  async function act(el: Customer360Element, action: QuickAction, values: Record<string, string>) {
    const qa = section(el, 'quick-actions');
    await ready(qa);
    await qa.open(action);
    for (const [name, value] of Object.entries(values)) fill(qa, name, value);
    setTimeout(() => ($(qa, '[part=submit]') as HTMLButtonElement).click());
    const { detail } = await oneEvent(el, 'c360-action-completed');
    return detail;
  }

  it('puts the actions and the export button in the header; each action refreshes its section', async () => {
    const id = await emailCustomer('Dashboard Customer', true);
    const el = await render(id);
    const header = $(el, '[part=header]');
    expect(header.querySelector('quick-actions')).to.exist;
    expect(header.querySelector('export-button')).to.exist;
    const support = section(el, 'support-tickets');
    const loyalty = section(el, 'loyalty-status');
    const notes = section(el, 'customer-notes');
    await shown(support, '[part~=state], [part=base]');

    const ticket = await act(el, 'ticket', { subject: 'Parcel arrived damaged', priority: 'high' });
    expect(ticket.action).to.equal('ticket');
    const ticketId = (ticket.result as { id: string }).id;
    expect(text($(section(el, 'quick-actions'), '[part=message]'))).to.equal(`Ticket ${ticketId} created.`);
    await shown(support, `tr[data-ticket-id="${ticketId}"]`);
    expect((await apiClient().getSupport(id)).tickets.map((t) => t.id)).to.include(ticketId);

    await act(el, 'points', { points: '1234', reason: 'Goodwill' });
    expect(text($(section(el, 'quick-actions'), '[part=message]'))).to.equal(`New balance ${fmt.number(1234)} points.`);
    await waitUntil(
      () => text(loyalty.shadowRoot?.querySelector('[data-value=balance]')) === fmt.number(1234),
      'the loyalty section never showed the new balance',
    );

    const note = await act(el, 'note', { body: 'Called about the damaged parcel' });
    const noteId = (note.result as { id: string }).id;
    await shown(notes, `[part=note][data-note-id="${noteId}"]`);
    expect(text($(section(el, 'quick-actions'), '[part=message]'))).to.equal('Note added.');
  });

  it('shows the access-denied state for a token the API refuses (R19.5)', async () => {
    const el = await render(CUSTOMER, BAD_TOKEN);
    const denied = await shown(el, '[part~=denied]');
    expect(text(denied)).to.contain('Access denied');
    expect(text(denied)).to.contain('not signed in');
    expect($$(el, '[part~=section]').length).to.equal(0);
    await expect(el).to.be.accessible();
  });

  it('hides the actions and the export button from a viewer', async () => {
    const el = await render(CUSTOMER, ROLE_TOKENS.viewer);
    const qa = section(el, 'quick-actions');
    await ready(qa);
    await section(el, 'export-button').updateComplete;
    expect(actionsOf(qa)).to.deep.equal([]);
    expect($$(section(el, 'export-button'), 'button').length).to.equal(0);
    // Sanity: the viewer's token works (it is not an access-denied).
    expect((await createClient({ baseUrl: API, token: ROLE_TOKENS.viewer }).getMe()).role).to.equal('viewer');
  });
});
