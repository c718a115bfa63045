import { expect, fixture, fixtureCleanup, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../index.js';
import { LIVE_THROTTLE_MS, openLiveSubscriptions } from './live.js';
import {
  $,
  $$,
  API,
  LOCALE,
  RUN,
  countRequests,
  eventMaker,
  freshCustomer,
  postEvents,
  ignoreBenignResizeObserverErrors,
  root,
  shown,
  text,
} from '../test-support/real-server.js';
import type { OrderHistoryElement } from '../order-history/order-history.js';
import type { Customer360Element } from '../customer-360/customer-360.js';

const ev = eventMaker('live');
let orders = 0;
/** An `order.placed` of today (newest first everywhere), with an id unique to this run. */
function orderFor(customerId: string) {
  const orderId = `WTR-LIVE-${RUN}-${++orders}`;
  const event = ev('order.placed', new Date().toISOString(), {
    customerId,
    orderId,
    status: 'completed',
    currency: 'GBP',
    lines: [{ productId: 'WTR-LIVE-P', description: 'Live product', quantity: 1, unitPrice: 12.5 }],
  });
  return { orderId, event };
}

const orderIds = (el: Element) => $$(el, '[part=order]').map((row) => row.dataset.orderId);
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('real time (live updates)', () => {
  ignoreBenignResizeObserverErrors(beforeEach, afterEach, { suppressErrorLogging: true });

  afterEach(async () => {
    fixtureCleanup();
    await pause(0);
  });

  it('refreshes an element after a change to its customer, only the touched sections, quietly', async () => {
    const x = await freshCustomer('live-x', 'Live X');
    const y = await freshCustomer('live-y', 'Live Y');
    const box = await fixture(html`<div>
      <order-history customer-id=${x} api-base=${API} locale=${LOCALE}></order-history>
      <loyalty-status customer-id=${x} api-base=${API} locale=${LOCALE}></loyalty-status>
    </div>`);
    const history = box.querySelector<OrderHistoryElement>('order-history')!;
    const loyalty = box.querySelector('loyalty-status')!;
    const loaded = (el: Element) => !!root(el).querySelector('[part]') && !root(el).querySelector('[part~=loading]');
    await waitUntil(() => loaded(history) && loaded(loyalty), 'both loaded', { timeout: 8000 });
    // Both elements of customer X share one subscription.
    await waitUntil(() => openLiveSubscriptions() === 1, 'one shared subscription', { timeout: 4000 });
    const ordersRequests = countRequests(`/customers/${encodeURIComponent(x)}/orders`);
    const loyaltyRequests = countRequests(`/customers/${encodeURIComponent(x)}/loyalty`);
    const otherRequests = countRequests(`/customers/${encodeURIComponent(y)}`);
    try {
      // Give the EventSource a moment to connect (it replays from its start anyway).
      await pause(300);
      const { orderId, event } = orderFor(x);
      let skeleton = false;
      const observer = new MutationObserver(() => (skeleton ||= !!root(history).querySelector('[part~=loading]')));
      observer.observe(root(history), { childList: true, subtree: true });
      await postEvents([event]);
      await waitUntil(() => orderIds(history).includes(orderId), 'the new order never showed without a reload', { timeout: 5000 });
      observer.disconnect();
      expect(ordersRequests.count, 'orders refetched').to.be.greaterThan(0);
      expect(loyaltyRequests.count, 'loyalty is not touched by an order').to.equal(0);
      expect(skeleton, 'no skeleton while refreshing').to.equal(false);
      await waitUntil(() => text(root(history).querySelector('[part=live-status]')) === 'Updated', 'announces Updated', { timeout: 3000 });

      // A change to another customer refreshes nothing here.
      const before = ordersRequests.count;
      await postEvents([orderFor(y).event]);
      await pause(1500);
      expect(ordersRequests.count, 'no refetch for a change to Y').to.equal(before);
      expect(otherRequests.count).to.equal(0);
    } finally {
      ordersRequests.restore();
      loyaltyRequests.restore();
      otherRequests.restore();
    }
    box.remove();
    await pause(0);
    expect(openLiveSubscriptions(), 'closed after the last element left').to.equal(0);
  });

  it('a burst of changes costs at most one refetch per throttle window, and the last change is shown', async () => {
    const x = await freshCustomer('live-burst', 'Live Burst');
    const history = await fixture<OrderHistoryElement>(
      html`<order-history customer-id=${x} api-base=${API} locale=${LOCALE}></order-history>`,
    );
    await waitUntil(() => !!root(history).querySelector('[part]') && !root(history).querySelector('[part~=loading]'), 'loaded', {
      timeout: 8000,
    });
    await waitUntil(() => openLiveSubscriptions() === 1, 'subscribed', { timeout: 4000 });
    await pause(300);
    const requests = countRequests(`/customers/${encodeURIComponent(x)}/orders`);
    try {
      const started = performance.now();
      // Six writes at once (six POSTs, six commits, six changes a few ms apart).
      const burst = Array.from({ length: 6 }, () => orderFor(x));
      const placed = burst.map((o) => o.orderId);
      await Promise.all(burst.map((o) => postEvents([o.event])));
      const windows = Math.ceil((performance.now() - started) / LIVE_THROTTLE_MS);
      await waitUntil(() => placed.every((id) => orderIds(history).includes(id)), 'every order of the burst shows', { timeout: 5000 });
      await pause(LIVE_THROTTLE_MS * 2);
      // One refetch at once for the first change, then at most one per window while the burst lasts.
      expect(requests.count, `refetches for 6 changes over ${windows} window(s)`).to.be.within(1, Math.min(windows + 2, 5));
    } finally {
      requests.restore();
    }
  });

  it('does not subscribe with live="off" or .live = false, and follows a customer change', async () => {
    const x = await freshCustomer('live-off');
    const el = await fixture<OrderHistoryElement>(html`<order-history customer-id=${x} api-base=${API} live="off"></order-history>`);
    await el.updateComplete;
    expect(el.live).to.equal(false);
    expect(openLiveSubscriptions()).to.equal(0);
    el.live = true;
    await el.updateComplete;
    expect(openLiveSubscriptions()).to.equal(1);
    const y = await freshCustomer('live-off');
    el.customerId = y;
    await el.updateComplete;
    await pause(0);
    expect(openLiveSubscriptions(), 'moved to the new customer').to.equal(1);
    el.live = false;
    await el.updateComplete;
    await pause(0);
    expect(openLiveSubscriptions()).to.equal(0);
  });

  it('two sessions on one customer: a note added in one and an ingested order show up in the other without reload', async function () {
    this.timeout(60_000);
    // Two independent sessions: each <customer-360> has its own API address, hence its own SDK
    // client and its own EventSource (localhost vs 127.0.0.1 reach the same server).
    const other = API.replace('//localhost:', '//127.0.0.1:');
    expect(other).not.to.equal(API);
    const id = await freshCustomer('live-two', 'Two Sessions');
    const box = await fixture(html`<div>
      <customer-360 id="a" customer-id=${id} api-base=${API} locale=${LOCALE}></customer-360>
      <customer-360 id="b" customer-id=${id} api-base=${other} locale=${LOCALE}></customer-360>
    </div>`);
    const [a, b] = [box.querySelector<Customer360Element>('#a')!, box.querySelector<Customer360Element>('#b')!];
    const part = (el: Element, tag: string) => shown(el, tag, 10000);
    const notesA = await part(a, 'customer-notes');
    const notesB = await part(b, 'customer-notes');
    const timelineB = await part(b, 'customer-timeline');
    const historyA = await part(a, 'order-history');
    const historyB = await part(b, 'order-history');
    await shown(notesA, '[part=textarea]', 10000);
    await shown(notesB, '[part~=empty], [part=note]', 10000);
    type Feed = { events: { type: string; title: string; description: string | null; ref: { id: string } | null }[] };
    const feedB = () => (timelineB as unknown as Feed).events;
    await waitUntil(() => feedB().length > 0, 'B’s timeline loaded', { timeout: 10000 });
    await shown(historyA, '[part~=empty], [part=order]', 10000);
    await shown(historyB, '[part~=empty], [part=order]', 10000);
    expect((a as unknown as { client: unknown }).client).not.to.equal((b as unknown as { client: unknown }).client);
    await waitUntil(() => openLiveSubscriptions() === 2, 'one subscription per session', { timeout: 5000 });
    await pause(300);

    // A note typed into session A's notes form.
    const body = `Live note ${Date.now().toString(36)}`;
    ($(notesA, '[part=textarea]') as HTMLTextAreaElement).focus();
    await sendKeys({ type: body });
    ($(notesA, '[part=submit]') as HTMLButtonElement).click();
    await waitUntil(() => $$(notesA, '[part=body]').some((n) => n.textContent === body), 'saved in A', { timeout: 8000 });
    await waitUntil(() => $$(notesB, '[part=body]').some((n) => n.textContent === body), 'the note never showed in session B', {
      timeout: 8000,
    });
    await waitUntil(() => feedB().some((e) => e.type === 'note'), 'the note never showed in B’s timeline', { timeout: 8000 });

    // An order ingested through the API shows in both sessions.
    const { orderId, event } = orderFor(id);
    await postEvents([event]);
    await waitUntil(
      () => orderIds(historyA).includes(orderId) && orderIds(historyB).includes(orderId),
      'the order never showed in both sessions',
      { timeout: 8000 },
    );
    await waitUntil(() => feedB().some((e) => e.ref?.id === orderId), 'the order never showed in B’s timeline', { timeout: 8000 });
  });
});
