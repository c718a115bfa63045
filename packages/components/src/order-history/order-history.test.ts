import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { nothing } from 'lit';
import type { OrdersPage } from '@c360/sdk';
import './define.js';
import type { OrderHistoryElement } from './order-history.js';
import { $, $$, API, CUSTOMER, LOCALE, UNKNOWN_CUSTOMER, apiClient, fmt, shown, text } from '../test-support/real-server.js';

const PAGE = 10;

describe('<order-history>', () => {
  let first: OrdersPage;
  before(async () => {
    first = await apiClient().getOrders(CUSTOMER, { limit: PAGE });
  });

  const render = (orderHref?: string, id = CUSTOMER) =>
    fixture<OrderHistoryElement>(
      html`<order-history customer-id=${id} api-base=${API} locale=${LOCALE} page-size=${PAGE} order-href=${orderHref ?? nothing}></order-history>`,
    );
  const rows = (el: Element) => $$(el, 'tbody tr[part=order]');

  it('shows the loading skeleton before the data arrives', async () => {
    const el = await render();
    expect($(el, '[part~=loading]')).to.exist;
  });

  it("renders the real customer's orders newest first, with the totals", async () => {
    const el = await render();
    await shown(el, '[part=table]');
    expect(rows(el).map((r) => r.dataset.orderId)).to.deep.equal(first.orders.map((o) => o.id));
    const times = first.orders.map((o) => Date.parse(o.placedAt));
    expect(times).to.deep.equal([...times].sort((a, b) => b - a));
    const o = first.orders[0]!;
    const cells = rows(el)[0]!.querySelectorAll('th, td');
    expect([...cells].map(text)).to.deep.equal([
      o.number,
      fmt.date(o.placedAt),
      text(cells[2]),
      fmt.money(o.total, o.currency),
      `${fmt.number(o.itemsCount)} ${o.itemsCount === 1 ? 'item' : 'items'}`,
    ]);
    expect(text(cells[2]).toLowerCase()).to.equal(o.status);
    expect(text($(el, '[data-total=orders]'))).to.equal(fmt.number(first.totalOrders));
    expect(text($(el, '[data-total=revenue]'))).to.equal(fmt.money(first.totalRevenue, first.currency));
    expect(text($(el, '[data-total=aov]'))).to.equal(fmt.money(first.averageOrderValue, first.currency));
  });

  it('is accessible', async () => {
    const el = await render();
    await shown(el, '[part=table]');
    await expect(el).to.be.accessible();
  });

  it('turns rows into two-line cards when narrow, keeping the table semantics', async () => {
    const el = await render();
    await shown(el, '[part=table]');
    expect(getComputedStyle(rows(el)[0]!).display).to.equal('table-row');
    el.style.width = '320px';
    await waitUntil(() => getComputedStyle(rows(el)[0]!).display === 'grid', 'rows never became cards');
    expect(rows(el)[0]!.getAttribute('role')).to.equal('row');
    expect($(el, 'table').scrollWidth).to.be.at.most(320);
    await expect(el).to.be.accessible();
  });

  it('loads the next page with "Load more"', async function () {
    expect(first.nextCursor, 'the sample customer has more than one page of orders').to.be.a('string');
    const second = await apiClient().getOrders(CUSTOMER, { limit: PAGE, cursor: first.nextCursor! });
    const el = await render();
    (await shown(el, '[part=load-more]')).click();
    await waitUntil(() => rows(el).length === first.orders.length + second.orders.length, 'second page never appeared');
    expect(rows(el).map((r) => r.dataset.orderId)).to.deep.equal([...first.orders, ...second.orders].map((o) => o.id));
    expect($$(el, '[part=load-more]').length).to.equal(second.nextCursor ? 1 : 0);
  });

  it('dispatches a composed, cancelable c360-navigate when an order is clicked', async () => {
    const el = await render();
    const button = await shown(el, 'button[part=order-link]');
    setTimeout(() => button.click());
    const event = await oneEvent(document, 'c360-navigate');
    expect(event.composed && event.bubbles && event.cancelable).to.equal(true);
    expect(event.detail).to.deep.equal({ kind: 'order', id: first.orders[0]!.id });
  });

  it('renders real links with order-href; preventDefault() on c360-navigate stops the navigation', async () => {
    const el = await render('/orders/{id}');
    const link = (await shown(el, 'a[part=order-link]')) as HTMLAnchorElement;
    expect(link.getAttribute('href')).to.equal(`/orders/${encodeURIComponent(first.orders[0]!.id)}`);
    const seen: boolean[] = [];
    // Runs after the element's own click handler: records whether it prevented the link, then
    // prevents it anyway so the test page stays where it is.
    const onClick = (e: Event) => (seen.push(e.defaultPrevented), e.preventDefault());
    const onNavigate = (e: Event) => e.preventDefault();
    document.addEventListener('click', onClick);
    try {
      link.click();
      document.addEventListener('c360-navigate', onNavigate);
      link.click();
    } finally {
      document.removeEventListener('click', onClick);
      document.removeEventListener('c360-navigate', onNavigate);
    }
    expect(seen).to.deep.equal([false, true]);
  });

  it('names an unknown customer in its error, with Retry', async () => {
    const el = await render(undefined, UNKNOWN_CUSTOMER);
    expect(text(await shown(el, '[part~=error]'))).to.contain(`Customer "${UNKNOWN_CUSTOMER}" was not found`);
    $(el, '[part=retry]').click();
    await el.updateComplete;
    expect($(el, '[part~=loading]')).to.exist;
  });
});
