import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { nothing } from 'lit';
import type { TimelineEvent, TimelinePage } from '@c360/sdk';
import './define.js';
import type { CustomerTimelineElement } from './customer-timeline.js';
import {
  $,
  $$,
  API,
  CUSTOMER,
  LOCALE,
  UNKNOWN_CUSTOMER,
  apiClient,
  fmt,
  ignoreBenignResizeObserverErrors,
  shown,
  text,
} from '../test-support/real-server.js';

const PAGE = 10;
const ids = (events: TimelineEvent[]) => events.map((e) => e.id);

describe('<customer-timeline>', () => {
  ignoreBenignResizeObserverErrors(beforeEach, afterEach, { suppressErrorLogging: true });
  let first: TimelinePage;
  let many: TimelineEvent[];
  before(async () => {
    const client = apiClient();
    first = await client.getTimeline(CUSTOMER, { limit: PAGE });
    many = (await client.getTimeline(CUSTOMER, { limit: 200 })).events;
  });

  const render = (orderHref?: string, id = CUSTOMER, types?: string) =>
    fixture<CustomerTimelineElement>(
      html`<customer-timeline customer-id=${id} api-base=${API} locale=${LOCALE} page-size=${PAGE} order-href=${orderHref ?? nothing} types=${types ?? nothing}></customer-timeline>`,
    );
  // The virtualizer renders only what is inside the window's viewport: bring the feed into view.
  const loaded = async (el: CustomerTimelineElement) => (el.scrollIntoView(), await shown(el, 'article[part=event]'), el);

  it('shows the loading skeleton before the data arrives', async () => {
    const el = await render();
    expect($(el, '[part~=loading]')).to.exist;
    expect($(el, '[part=filters]')).to.exist;
  });

  it("renders the real customer's events newest first in a virtualized feed", async () => {
    const el = await loaded(await render());
    expect(ids(el.events)).to.deep.equal(ids(first.events));
    const times = first.events.map((e) => Date.parse(e.occurredAt));
    expect(times).to.deep.equal([...times].sort((a, b) => b - a));
    expect($(el, '[part=list]').localName).to.equal('lit-virtualizer');
    const e = first.events[0]!;
    const article = $(el, 'article[data-index="0"]');
    expect(text(article)).to.contain(e.title).and.contain(fmt.dateTime(e.occurredAt));
    expect(article.dataset.type).to.equal(e.type);
    if (e.amount !== null && e.currency)
      expect(text(article.querySelector('[part=event-amount]'))).to.equal(fmt.money(e.amount, e.currency));
  });

  it('is accessible', async () => {
    const el = await loaded(await render());
    await expect(el).to.be.accessible();
  });

  it('loads the next page when scrolled to the end', async function () {
    expect(first.nextCursor, 'the sample customer has more than one page of events').to.be.a('string');
    const second = await apiClient().getTimeline(CUSTOMER, { limit: PAGE, cursor: first.nextCursor! });
    const el = await loaded(await render());
    const list = $(el, '[part=list]');
    list.scrollTop = list.scrollHeight;
    await waitUntil(() => el.events.length >= PAGE + second.events.length, 'the second page never loaded', { timeout: 8000 });
    expect(ids(el.events.slice(0, PAGE + second.events.length))).to.deep.equal([...ids(first.events), ...ids(second.events)]);
  });

  it('refetches with only the chosen type when a type chip is pressed', async () => {
    const counts = new Map<string, number>();
    for (const e of many) counts.set(e.type, (counts.get(e.type) ?? 0) + 1);
    const type = counts.has('refund') ? 'refund' : [...counts.entries()].sort((a, b) => a[1] - b[1])[0]![0];
    const expected = await apiClient().getTimeline(CUSTOMER, { types: type, limit: PAGE });
    const el = await loaded(await render());
    const chip = $(el, `[part=filter-chip][data-type="${type}"]`);
    chip.click();
    await waitUntil(() => el.events.length > 0 && el.events.every((e) => e.type === type), `never showed only ${type} events`);
    expect(chip.getAttribute('aria-pressed')).to.equal('true');
    expect(el.types).to.deep.equal([type]);
    expect(ids(el.events)).to.deep.equal(ids(expected.events));
    await shown(el, 'article[part=event]');
    expect($$(el, 'article[part=event]').every((a) => a.dataset.type === type)).to.equal(true);
  });

  it('refetches within the date range of the from / to inputs', async () => {
    const day = many[Math.min(many.length - 1, 15)]!.occurredAt.slice(0, 10);
    const expected = await apiClient().getTimeline(CUSTOMER, { from: day, to: day, limit: PAGE });
    const el = await loaded(await render());
    for (const name of ['from', 'to']) {
      const input = $(el, `input[name=${name}]`) as HTMLInputElement;
      input.value = day;
      input.dispatchEvent(new Event('change'));
    }
    await waitUntil(
      () => el.events.length > 0 && el.events.every((e) => e.occurredAt.startsWith(day)),
      `never showed only events of ${day}`,
    );
    expect(ids(el.events)).to.deep.equal(ids(expected.events));
  });

  it('moves between events with the arrow keys', async () => {
    const el = await loaded(await render());
    $(el, '[part=list]').focus();
    const focused = () => (el.shadowRoot!.activeElement as HTMLElement | null)?.dataset.index;
    await sendKeys({ press: 'ArrowDown' });
    await waitUntil(() => focused() === '0', 'ArrowDown did not focus the first event');
    await sendKeys({ press: 'ArrowDown' });
    await waitUntil(() => focused() === '1', 'ArrowDown did not move to the second event');
    await sendKeys({ press: 'ArrowUp' });
    await waitUntil(() => focused() === '0', 'ArrowUp did not move back');
  });

  it('dispatches c360-navigate for an event about an order, and links it with order-href', async function () {
    const orders = await apiClient().getTimeline(CUSTOMER, { types: 'order', limit: PAGE });
    const index = orders.events.findIndex((e) => e.ref?.kind === 'order');
    expect(index, 'the customer has an order in the timeline').to.equal(0);
    const ref = orders.events[index]!.ref!;
    const el = await loaded(await render(undefined, CUSTOMER, 'order'));
    await el.focusItem(index); // it may be below the rendered range of the virtualized feed
    const button = await shown(el, `article[data-index="${index}"] [part=event-link]`);
    setTimeout(() => button.click());
    const event = await oneEvent(document, 'c360-navigate');
    expect(event.composed && event.cancelable).to.equal(true);
    expect(event.detail).to.deep.equal({ kind: 'order', id: ref.id });

    const linked = await loaded(await render('/orders/{id}', CUSTOMER, 'order'));
    await linked.focusItem(index);
    const link = await shown(linked, `article[data-index="${index}"] a[part=event-link]`);
    expect(link.getAttribute('href')).to.equal(`/orders/${encodeURIComponent(ref.id)}`);
  });

  it('names an unknown customer in its error, with Retry', async () => {
    const el = await render(undefined, UNKNOWN_CUSTOMER);
    expect(text(await shown(el, '[part~=error]'))).to.contain(`Customer "${UNKNOWN_CUSTOMER}" was not found`);
    $(el, '[part=retry]').click();
    await el.updateComplete;
    expect($(el, '[part~=loading]')).to.exist;
  });
});
