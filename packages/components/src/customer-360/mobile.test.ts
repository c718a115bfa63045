import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import './define.js';
import type { Customer360Element } from './customer-360.js';
import { $, $$, API, CUSTOMER, LOCALE, ignoreBenignResizeObserverErrors, root } from '../test-support/real-server.js';

/** Every element of the tree below `el`, through shadow roots. */
function deep(el: Element | ShadowRoot, out: Element[] = []): Element[] {
  for (const child of (el instanceof Element ? (el.shadowRoot ?? el) : el).querySelectorAll('*')) {
    out.push(child);
    if (child.shadowRoot) deep(child.shadowRoot, out);
  }
  return out;
}
const CONTROLS = 'button, select, input:not([type=hidden], [type=checkbox], [type=radio]), textarea, [role=button], [role=tab], summary';
const visible = (el: Element) => {
  const r = el.getBoundingClientRect();
  return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden';
};

describe('<customer-360> on a phone (R20, 375 px viewport)', () => {
  ignoreBenignResizeObserverErrors(beforeEach, afterEach, { suppressErrorLogging: true });
  before(() => setViewport({ width: 375, height: 812 }));
  after(() => setViewport({ width: 1280, height: 900 }));

  it('one column, most important first, collapsible sections, 44 px touch targets, vertical timeline', async () => {
    const el = await fixture<Customer360Element>(
      html`<customer-360 customer-id=${CUSTOMER} api-base=${API} locale=${LOCALE}></customer-360>`,
    );
    const loaded = () => deep(el).length > 200 && !deep(el).some((e) => e.shadowRoot?.querySelector('[part~=loading]'));
    await waitUntil(loaded, 'every section loaded', { timeout: 20_000 });

    // One column: every section starts at the same x, in the order of importance (metrics, health, churn first).
    const sections = $$(el, '[part~=section]');
    expect(new Set(sections.map((s) => Math.round(s.getBoundingClientRect().left))).size).to.equal(1);
    expect(sections.slice(0, 3).map((s) => s.dataset.section)).to.deep.equal(['metrics', 'health', 'churn']);
    const tops = sections.map((s) => s.getBoundingClientRect().top);
    expect(tops).to.deep.equal([...tops].sort((a, b) => a - b));
    // Nothing wider than the screen.
    expect(el.getBoundingClientRect().width).to.be.at.most(375);
    expect(document.documentElement.scrollWidth, 'no horizontal scrolling').to.be.at.most(375);

    // Collapsible: every section has a toggle.
    expect($$(el, '[part=section-toggle]').length).to.equal(sections.length);

    // Touch targets: every visible control is at least 44 × 44 CSS px (or 44 px tall for wide ones).
    const small = deep(el)
      .filter((e) => e.matches(CONTROLS) && visible(e))
      .map((e) => ({ e, r: e.getBoundingClientRect() }))
      .filter(({ r }) => r.height < 44 || r.width < 44)
      .map(
        ({ e, r }) =>
          `${e.localName}${e.getAttribute('part') ? `[part=${e.getAttribute('part')}]` : ''} ${Math.round(r.width)}×${Math.round(r.height)} in <${(e.getRootNode() as ShadowRoot).host?.localName}>`,
      );
    expect(small, 'controls smaller than 44 px').to.deep.equal([]);

    // The timeline is one vertical list: its entries stack.
    const timeline = $(el, 'customer-timeline');
    timeline.scrollIntoView(); // the timeline renders (virtualizes) the entries in view
    await waitUntil(() => root(timeline).querySelectorAll('[part~=event]').length > 1, 'timeline entries rendered', { timeout: 8000 });
    const entries = () => [...root(timeline).querySelectorAll('[part~=event]')].slice(0, 5).map((e) => e.getBoundingClientRect());
    const stacked = () =>
      entries().every((r, i, all) => i === 0 || (r.top >= all[i - 1]!.bottom - 1 && Math.abs(r.left - all[0]!.left) < 1));
    // (The virtualizer places entries by their measured height; it settles after a resize.)
    await waitUntil(
      stacked,
      `timeline entries overlap or sit side by side: ${JSON.stringify(entries().map((r) => [r.left, r.top, r.bottom]))}`,
      { timeout: 4000 },
    );
  });
});
