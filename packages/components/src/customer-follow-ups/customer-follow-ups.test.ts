import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../quick-actions/define.js';
import '../customer-360/define.js';
import type { QuickActionsElement } from '../quick-actions/quick-actions.js';
import type { CustomerFollowUpsElement } from './customer-follow-ups.js';
import type { Customer360Element } from '../customer-360/customer-360.js';
import { currentActor } from '../base/permissions.js';
import {
  $,
  $$,
  API,
  LOCALE,
  ROLE_TOKENS,
  apiClient,
  freshCustomer,
  ignoreBenignResizeObserverErrors,
  root,
  shown,
  text,
} from '../test-support/real-server.js';

const field = (qa: Element, name: string) => $(qa, `#qa-field-${name}`) as HTMLInputElement | HTMLTextAreaElement;

/** Sets a control's value as a user would. */
function fill(qa: Element, name: string, value: string) {
  const control = field(qa, name);
  control.value = value;
  control.dispatchEvent(new Event('input', { bubbles: true }));
}

describe('Follow up (quick action and the 360 list)', () => {
  ignoreBenignResizeObserverErrors(beforeEach, afterEach, { suppressErrorLogging: true });

  it('schedules a follow-up through the dialog, lists it in the 360 view and marks it done', async () => {
    const id = await freshCustomer('FU', 'Follow-up Customer');
    const el = await fixture<Customer360Element>(
      html`<customer-360 customer-id=${id} api-base=${API} locale=${LOCALE} style="width:1200px"></customer-360>`,
    );
    const qa = $(el, 'quick-actions') as unknown as QuickActionsElement;
    const list = $(el, 'customer-follow-ups') as unknown as CustomerFollowUpsElement;
    const me = (await currentActor(qa.client!)).name;
    await qa.updateComplete;
    await shown(list, '[part~=empty]');
    expect(text(list.shadowRoot!.querySelector('[part~=state]'))).to.contain('No open follow-ups.');

    // The dialog, by keyboard: its button, then the form prepared with tomorrow on the server's clock and me.
    const button = $(qa, '[data-action=followUp]');
    button.focus();
    await sendKeys({ press: 'Enter' });
    const dialog = $(qa, 'dialog') as HTMLDialogElement;
    await waitUntil(() => dialog.open, 'the follow-up dialog never opened');
    await waitUntil(() => field(qa, 'dueAt').value !== '', 'the due time was never prepared');
    expect(field(qa, 'dueAt').type).to.equal('datetime-local');
    expect(field(qa, 'assignee').value).to.equal(me);
    expect(root(qa).activeElement?.id).to.equal('qa-field-dueAt');
    const prepared = new Date(field(qa, 'dueAt').value);
    expect(prepared.getUTCFullYear(), 'the demo server’s clock (the dataset’s as-of)').to.equal(2011);
    await expect(qa).to.be.accessible();

    // Checked before sending, then refused by the server with the field named.
    fill(qa, 'dueAt', '');
    ($(qa, '[part=submit]') as HTMLButtonElement).click();
    await qa.updateComplete;
    expect($$(qa, '[part=field-error]').map(text)).to.deep.equal(['Due is required.']);
    fill(qa, 'dueAt', '2011-01-01T09:00');
    await qa.updateComplete;
    ($(qa, '[part=submit]') as HTMLButtonElement).click();
    await waitUntil(
      () => /^Due is in the past/.test(text(root(qa).querySelector('[part=field-error][data-field=dueAt]'))),
      'the server’s refusal of a past due time was never shown beside the field',
    );
    expect(field(qa, 'dueAt').getAttribute('aria-invalid')).to.equal('true');

    fill(qa, 'dueAt', '2011-12-20T10:30');
    fill(qa, 'note', 'Call back about the damaged parcel');
    setTimeout(() => ($(qa, '[part=submit]') as HTMLButtonElement).click());
    const { detail } = await oneEvent(el, 'c360-action-completed');
    expect(detail.action).to.equal('followUp');
    const created = detail.result as { id: string; assignee: string; dueAt: string };
    expect(created.assignee).to.equal(me);
    expect(created.dueAt).to.equal(new Date('2011-12-20T10:30').toISOString());
    expect(dialog.open).to.equal(false);
    expect(text($(qa, '[part=message]'))).to.match(/^Follow-up scheduled for /);

    // Listed in the 360 view (the action refreshes the section), with its note, due time and assignee.
    const item = await shown(list, `[part~=item][data-id="${created.id}"]`);
    expect(text(item.querySelector('[part=note]'))).to.equal('Call back about the damaged parcel');
    expect(text(item.querySelector('[part=assignee]'))).to.equal(`For ${me}`);
    expect(item.querySelector('time')!.getAttribute('datetime')).to.equal(created.dueAt);
    await expect(list).to.be.accessible();

    // Mark done: gone from the list, announced, done for the API.
    const done = item.querySelector('[part=done]') as HTMLButtonElement;
    setTimeout(() => done.click());
    const changed = await oneEvent(list, 'c360-follow-up-changed');
    expect(changed.detail.followUp).to.include({ id: created.id, status: 'done' });
    await waitUntil(() => !list.shadowRoot!.querySelector(`[data-id="${created.id}"]`), 'the done follow-up stayed in the list');
    expect(text(list.shadowRoot!.querySelector('[part=message]'))).to.equal('Follow-up marked done.');
    const all = await apiClient().getCustomerFollowUps(id, { status: 'all' });
    expect(all.items.map((f) => [f.id, f.status])).to.deep.equal([[created.id, 'done']]);
  });

  it('shows a follow-up scheduled elsewhere live, and no Mark done button to a viewer', async () => {
    const id = await freshCustomer('FU', 'Live Follow-up Customer');
    const list = await fixture<CustomerFollowUpsElement>(
      html`<customer-follow-ups customer-id=${id} api-base=${API} locale=${LOCALE}></customer-follow-ups>`,
    );
    await shown(list, '[part~=empty]');
    const fu = await apiClient().scheduleFollowUp(id, { dueAt: '2011-12-31T09:00:00Z', assignee: 'Someone else', note: 'Renewal call' });
    const item = await shown(list, `[part~=item][data-id="${fu.id}"]`, 15_000);
    expect(text(item.querySelector('[part=assignee]'))).to.equal('For Someone else');

    const viewer = await fixture<CustomerFollowUpsElement>(
      html`<customer-follow-ups customer-id=${id} api-base=${API} locale=${LOCALE} token=${ROLE_TOKENS.viewer}></customer-follow-ups>`,
    );
    await shown(viewer, `[part~=item][data-id="${fu.id}"]`);
    await currentActor(viewer.client!);
    await viewer.updateComplete;
    expect(viewer.shadowRoot!.querySelector('[part=done]')).to.equal(null);
  });
});
