import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import './define.js';
import type { C360NotificationsElement } from './c360-notifications.js';
import { currentActor } from '../base/permissions.js';
import { $, $$, API, BAD_TOKEN, LOCALE, ROLE_TOKENS, RUN, TOKEN, postEvents, shown, text } from '../test-support/real-server.js';
import { createClient, type IngestEventInput } from '@c360/sdk';

/** Saves the manager's preferences: VIP orders and tickets, in-app. */
async function subscribeManager(): Promise<void> {
  const response = await fetch(`${API}/notifications/preferences`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${ROLE_TOKENS.manager}` },
    body: JSON.stringify({ kinds: ['vip.order', 'vip.ticket'], channels: ['in_app'] }),
  });
  expect(response.status).to.equal(200);
}

let vips = 0;
/** A new VIP customer who places an order (one `vip.order` notification); returns its id. */
async function vipOrder(): Promise<string> {
  const id = `WTR-VIP-${RUN}-${++vips}`;
  await postEvents([
    {
      id: `wtr-vip-${id}`,
      type: 'customer.upserted',
      occurredAt: '2011-11-01T10:00:00.000Z',
      data: { customerId: id, name: `Vera VIP ${vips}`, vip: true },
    },
    {
      id: `wtr-vip-order-${id}`,
      type: 'order.placed',
      occurredAt: '2011-11-02T10:00:00.000Z',
      data: {
        customerId: id,
        orderId: `${id}-O1`,
        status: 'completed',
        currency: 'GBP',
        lines: [{ productId: 'WTR-P', quantity: 1, unitPrice: 10 }],
      },
    },
  ] as IngestEventInput[]);
  return id;
}

describe('<c360-notifications>', () => {
  before(subscribeManager);

  const render = async (token = ROLE_TOKENS.manager) => {
    const el = await fixture<C360NotificationsElement>(
      html`<c360-notifications api-base=${API} token=${token} locale=${LOCALE} toast-ms="60000"></c360-notifications>`,
    );
    await shown(el, '[part~=bell]');
    await new Promise((r) => setTimeout(r, 600)); // the list loaded and the stream connected
    return el;
  };

  it('shows a toast, raises the count and lists a notification that arrives live; links to its customer', async () => {
    const el = await render();
    const before = el.unreadCount;
    const arrived = oneEvent(el, 'c360-notification');
    const id = await vipOrder();
    const { detail } = await arrived;
    expect(detail.notification).to.include({ kind: 'vip.order', customerId: id });
    const toast = await shown(el, '[part~=toast]');
    expect(text(toast)).to.contain('VIP customer placed an order');
    await el.updateComplete;
    expect(el.unreadCount).to.equal(before + 1);
    expect(text($(el, '[part~=count]'))).to.equal(String(before + 1));
    expect($(el, '[part~=bell]').getAttribute('aria-label')).to.equal(`Notifications, ${before + 1} unread`);

    ($(el, '[part~=bell]') as HTMLButtonElement).click();
    await el.updateComplete;
    const first = $$(el, '[part~=item]')[0]!;
    expect(text(first)).to.contain(`Vera VIP`);
    expect(first.getAttribute('part')).to.contain('unread');
    await expect(el).to.be.accessible();

    const navigate = oneEvent(el, 'c360-navigate');
    (first.querySelector('[part~=link]') as HTMLElement).click();
    const nav = await navigate;
    expect(nav.detail).to.deep.equal({ kind: 'customer', id });
    expect(nav.cancelable && nav.bubbles && nav.composed).to.equal(true);
  });

  it('the demo admin (c360 demo) receives every kind in-app, so the demo page bell shows what the rules raise', async () => {
    const prefs = await createClient({ baseUrl: API, token: TOKEN }).getNotificationPreferences();
    expect(prefs).to.deep.equal({
      kinds: ['churn.high', 'health.drop', 'csat.negative', 'vip.ticket', 'vip.order', 'follow_up.due'],
      channels: ['in_app'],
      email: null,
      webhookUrl: null,
    });
  });

  it('marks a notification read: the count falls and the server keeps it read', async () => {
    const el = await render();
    const before = el.unreadCount;
    expect(before).to.be.above(0);
    el.open = true;
    await el.updateComplete;
    const item = $$(el, '[part~="unread"]')[0]!;
    (item.querySelector('[part~=read]') as HTMLButtonElement).click();
    await new Promise((r) => setTimeout(r, 300));
    await el.updateComplete;
    expect(el.unreadCount).to.equal(before - 1);
    const again = await render();
    expect(again.unreadCount).to.equal(before - 1);
  });

  it('gives a link when customer-href is set; access denied for a refused token; nothing for a viewer', async () => {
    const el = await render();
    el.customerHref = '/customers/{id}';
    el.open = true;
    await el.updateComplete;
    const link = $$(el, 'a[part~=link]')[0] as HTMLAnchorElement;
    expect(link.getAttribute('href')).to.match(/^\/customers\/.+/);

    const denied = await fixture<C360NotificationsElement>(
      html`<c360-notifications api-base=${API} token=${BAD_TOKEN} locale=${LOCALE}></c360-notifications>`,
    );
    expect(text(await shown(denied, '[part~=denied]'))).to.contain('Access denied');

    const viewer = await fixture<C360NotificationsElement>(
      html`<c360-notifications api-base=${API} token=${ROLE_TOKENS.viewer} locale=${LOCALE}></c360-notifications>`,
    );
    await currentActor(viewer.client!);
    await viewer.updateComplete;
    expect(viewer.shadowRoot!.querySelector('[part~=bell]'), 'no bell for a viewer (no notifications permission)').to.equal(null);
  });
});
