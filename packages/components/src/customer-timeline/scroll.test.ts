import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { executeServerCommand, sendKeys, setViewport } from '@web/test-runner-commands';
import './define.js';
import type { CustomerTimelineElement } from './customer-timeline.js';
import { $, API, CUSTOMER, LOCALE, apiClient, ignoreBenignResizeObserverErrors, shown } from '../test-support/real-server.js';

/** The element's default page size, as in the 360 view and the helpdesk sidebar. */
const PAGE = 25;

/** The events of the feed that are rendered, laid out and inside the feed's visible box. */
function inView(el: CustomerTimelineElement): HTMLElement[] {
  const list = $(el, '[part=list]');
  const box = list.getBoundingClientRect();
  return [...list.querySelectorAll<HTMLElement>('article[part=event]')].filter((a) => {
    const r = a.getBoundingClientRect();
    return a.offsetParent !== null && r.height > 0 && r.bottom > box.top + 1 && r.top < box.bottom - 1;
  });
}

/** The feed can scroll (its content is taller than its box) and shows rendered, non-empty events. */
function expectFilled(el: CustomerTimelineElement, what: string) {
  const list = $(el, '[part=list]');
  expect(list.scrollHeight, `${what}: the feed keeps its scroll height`).to.be.greaterThan(list.clientHeight * 2);
  const visible = inView(el);
  expect(visible.length, `${what}: the feed's box is filled with events`).to.be.at.least(3);
  for (const a of visible) expect(a.textContent?.trim(), `${what}: event ${a.dataset.index} has content`).to.not.equal('');
}

/**
 * Scrolls the feed towards its end with `scroll` until the 2nd, then the 3rd page is loaded and
 * events of that page are in view, checking the feed after each.
 */
async function scrollThroughPages(el: CustomerTimelineElement, scroll: () => Promise<unknown>, how: string) {
  for (const pages of [2, 3]) {
    const reached = () => el.events.length >= pages * PAGE && inView(el).some((a) => Number(a.dataset.index) >= (pages - 1) * PAGE);
    await waitUntil(
      async () => reached() || (await scroll(), reached()),
      `${how}: page ${pages} never showed in view (${el.events.length} events loaded, in view: ${inView(el)
        .map((a) => a.dataset.index)
        .join(',')})`,
      { timeout: 15_000, interval: 300 },
    );
    expectFilled(el, `${how}, page ${pages}`);
  }
}

for (const width of [1280, 400]) {
  describe(`<customer-timeline> scrolled through its pages at ${width} px`, function () {
    this.timeout(40_000); // three pages through the real server, each waited for up to 15 s
    ignoreBenignResizeObserverErrors(beforeEach, afterEach, { suppressErrorLogging: true });
    before(async () => {
      await setViewport({ width, height: 800 });
      const all = await apiClient().getTimeline(CUSTOMER, { limit: 200 });
      expect(all.events.length, 'the sample customer has over 150 events').to.be.greaterThan(150);
    });
    after(() => setViewport({ width: 1280, height: 900 }));

    const render = async () => {
      const el = await fixture<CustomerTimelineElement>(
        html`<customer-timeline customer-id=${CUSTOMER} api-base=${API} locale=${LOCALE} live="off"></customer-timeline>`,
      );
      el.scrollIntoView();
      await shown(el, 'article[part=event]');
      expect(el.events.length).to.equal(PAGE);
      return el;
    };

    it('renders the 2nd and 3rd pages in view when End is pressed', async () => {
      const el = await render();
      $(el, '[part=list]').focus();
      await scrollThroughPages(el, () => sendKeys({ press: 'End' }), 'End');
    });

    it('renders the 2nd and 3rd pages in view when scrolled with the wheel', async () => {
      const el = await render();
      const wheel = () => {
        const box = $(el, '[part=list]').getBoundingClientRect();
        return executeServerCommand('mouse-wheel', { x: box.left + box.width / 2, y: box.top + box.height / 2, deltaY: 2000 });
      };
      await scrollThroughPages(el, wheel, 'wheel');
    });

    it('keeps its scroll height when loadMore() is called with the feed at the top', async () => {
      const el = await render();
      await el.loadMore();
      expect(el.events.length).to.equal(2 * PAGE);
      await el.updateComplete;
      await waitUntil(() => inView(el).length >= 3, 'loadMore() at the top emptied the feed');
      expectFilled(el, 'loadMore() at the top');
    });
  });
}
