import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { C360Client, Customer360, CustomerSearchPage, CustomerSearchQuery, TagSummary } from '@c360/sdk';
import './define.js';
import type { CustomerSearchElement, CustomerSearchFilters } from './customer-search.js';
import {
  $,
  $$,
  API,
  appearsWhile,
  CUSTOMER,
  LOCALE,
  apiClient,
  countRequests,
  fmt,
  root,
  shown,
  text,
} from '../test-support/real-server.js';
import { TaskStatus } from '@lit/task';
import { countText } from './results.js';

const rowIds = (el: CustomerSearchElement) => $$(el, '[role=row]').map((r) => r.dataset.customerId!);
const countLine = (total: number) => `${fmt.number(total)} ${total === 1 ? 'customer' : 'customers'}`;

/** Waits until the element lists exactly `ids` (in order). */
async function showsRows(el: CustomerSearchElement, ids: string[], what = 'the expected customers') {
  await waitUntil(
    () => JSON.stringify(rowIds(el)) === JSON.stringify(ids),
    `<customer-search> never listed ${what}: ${JSON.stringify(rowIds(el))}`,
    { timeout: 8000 },
  );
}

/** Every customer matching a query, page by page (the API's keyset pagination). */
async function allIds(client: C360Client, query: CustomerSearchQuery): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | undefined;
  do {
    const page: CustomerSearchPage = await client.searchCustomers({ ...query, limit: 100, cursor });
    ids.push(...page.items.map((c) => c.id));
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return ids;
}

describe('<customer-search>', () => {
  let query: string;
  let expected: CustomerSearchPage;
  before(async () => {
    const client = apiClient();
    const { profile } = await client.getCustomer360(CUSTOMER);
    query = profile.name.split(/\s+/).pop()!; // a real (generated) surname of the sample
    expected = await client.searchCustomers({ q: query, limit: 10 });
  });

  const render = () => fixture<CustomerSearchElement>(html`<customer-search api-base=${API} locale=${LOCALE}></customer-search>`);
  const type = async (el: CustomerSearchElement, value: string) => {
    $(el, 'input[role=combobox]').focus();
    await sendKeys({ type: value });
  };

  it('is accessible, empty and with results', async () => {
    const el = await render();
    await expect(el).to.be.accessible();
    await type(el, query);
    await shown(el, '[role=row]');
    await expect(el).to.be.accessible();
  });

  it('searches the real sample after the debounce and shows matching customers with the count', async () => {
    const el = await render();
    await type(el, query);
    expect($$(el, '[role=row]').length).to.equal(0); // debounced: nothing yet
    await showsRows(
      el,
      expected.items.map((c) => c.id),
    );
    expect(rowIds(el)).to.include(CUSTOMER);
    const c = expected.items[0]!;
    expect(text($$(el, '[role=row]')[0]))
      .to.contain(c.name)
      .and.contain(fmt.money(c.lifetimeValue, c.currency));
    for (const item of expected.items) {
      const haystack = [item.name, item.email, item.phone, item.id, item.matchedOrderNumber].join(' ').toLowerCase();
      expect(haystack).to.contain(query.toLowerCase());
    }
    expect(text($(el, '[part=count]'))).to.contain(countLine(expected.total));
    expect($(el, '[part=count]').getAttribute('aria-live')).to.equal('polite');
  });

  it('shows the loading state while searching', async () => {
    const el = await render();
    const sawLoading = await appearsWhile(el, '[part~=loading]', async () => {
      await type(el, query);
      await shown(el, '[role=row]');
    });
    expect(sawLoading).to.equal(true);
  });

  it('moves with ArrowDown / ArrowUp and dispatches c360-select on Enter', async () => {
    const el = await render();
    await type(el, query);
    await shown(el, '[role=row]');
    const input = $(el, 'input[role=combobox]');
    expect(input.getAttribute('aria-expanded')).to.equal('true');
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    const firstId = $$(el, '[role=row] [role=gridcell]')[0]!.id;
    expect(input.getAttribute('aria-activedescendant')).to.equal(firstId);
    expect($(el, `#${firstId}`).getAttribute('aria-selected')).to.equal('true');
    if (expected.items.length > 1) {
      await sendKeys({ press: 'ArrowDown' });
      await sendKeys({ press: 'ArrowUp' });
      await el.updateComplete;
      expect(input.getAttribute('aria-activedescendant')).to.equal(firstId);
    }
    setTimeout(() => sendKeys({ press: 'Enter' }));
    const event = await oneEvent(el, 'c360-select');
    expect(event.composed && event.bubbles).to.equal(true);
    expect(event.detail).to.deep.equal({ customerId: expected.items[0]!.id });
  });

  it('says so when nothing matches', async () => {
    const el = await render();
    await type(el, 'zzqxj-no-such-customer');
    expect(text(await shown(el, '[part~=empty]'))).to.contain('No customers match');
    expect($$(el, '[role=grid]').length).to.equal(0);
    expect($(el, 'input[role=combobox]').getAttribute('aria-expanded')).to.equal('false');
  });

  it("shows the server's error with Retry (a query over 200 characters is refused)", async () => {
    const el = await render();
    el.value = 'x'.repeat(201);
    const error = await shown(el, '[part~=error]');
    expect(text(error)).to.contain('Invalid request (HTTP 400)').and.contain('query.q');
    const requests = countRequests('/customers?q=');
    try {
      $(el, '[part=retry]').click();
      await el.updateComplete;
      expect($$(el, '[part~=error]').length).to.equal(0); // loading again
      await shown(el, '[part~=error]');
      expect(requests.count).to.equal(1);
    } finally {
      requests.restore();
    }
  });

  it('clears the results when the box is emptied', async () => {
    const el = await render();
    await type(el, query);
    await shown(el, '[role=row]');
    el.value = '';
    await waitUntil(() => $$(el, '[role=row]').length === 0);
    expect($(el, 'input[role=combobox]').getAttribute('aria-expanded')).to.equal('false');
    expect(text($(el, '[part=count]'))).to.equal('');
  });
});

describe('<customer-search> filters, pages and compare', () => {
  let client: C360Client;
  let everyone: number;
  let tag: TagSummary;
  let tagged: string[];
  before(async () => {
    client = apiClient();
    everyone = (await client.searchCustomers({ limit: 1 })).total;
    // The sample has no tags: tag three French customers with a tag of this run's own.
    tag = await client.createTag({ name: `search-test-${Date.now().toString(36)}`, color: '#7c3aed' });
    tagged = (await client.searchCustomers({ country: 'France', limit: 3 })).items.map((c) => c.id);
    for (const id of tagged) await client.tagCustomer(id, { tagId: tag.id });
  });

  const render = (filters: CustomerSearchFilters = {}, limit = 10) =>
    fixture<CustomerSearchElement>(
      html`<customer-search api-base=${API} locale=${LOCALE} limit=${limit} .filters=${filters}></customer-search>`,
    );

  /**
   * Browses with one filter and checks Property 10: the element lists the API's first page, the
   * count is the API's total, the filter narrows the sample, and every listed customer satisfies
   * it according to its own 360 view.
   */
  async function checkFilter(filter: CustomerSearchFilters, holds: (view: Customer360) => boolean) {
    const page = await client.searchCustomers({ ...filter, limit: 25 });
    expect(page.total, 'the filter matches someone').to.be.greaterThan(0);
    expect(page.total, 'the filter narrows the sample').to.be.lessThan(everyone);
    const el = await render(filter, 25);
    await showsRows(
      el,
      page.items.map((c) => c.id),
    );
    expect(text($(el, '[part=count]'))).to.contain(countLine(page.total));
    expect($(el, 'input[role=combobox]').getAttribute('aria-expanded')).to.equal('true'); // browse mode: empty box
    for (const id of rowIds(el)) {
      expect(holds(await client.getCustomer360(id)), `customer ${id} satisfies ${JSON.stringify(filter)}`).to.equal(true);
    }
  }

  it('filters by tag: every result carries the tag', async () => {
    await checkFilter({ tag: tag.name }, (v) => v.tags.some((t) => t.id === tag.id));
  });

  it('filters by segment: every result is in the segment', async () => {
    await checkFilter({ segment: 'rfm:champions' }, (v) => v.segments.some((s) => s.id === 'rfm:champions'));
  });

  it('filters by minimum CLV: every result has at least that lifetime value', async () => {
    await checkFilter({ clvMin: 2000 }, (v) => v.metrics.lifetimeValue >= 2000);
  });

  it('filters by minimum orders: every result has at least that many orders', async () => {
    await checkFilter({ ordersMin: 10 }, (v) => v.metrics.totalOrders >= 10);
  });

  it('filters by country: every result is from that country', async () => {
    await checkFilter({ country: 'France' }, (v) => v.profile.country === 'France');
  });

  it('combines two filters into their intersection', async () => {
    const uk = new Set(await allIds(client, { country: 'United Kingdom' }));
    const champions = await allIds(client, { segment: 'rfm:champions' });
    const both = champions.filter((id) => uk.has(id));
    expect(both.length).to.be.greaterThan(0).and.lessThan(champions.length);
    const el = await render({ country: 'United Kingdom', segment: 'rfm:champions' }, 100);
    await waitUntil(() => rowIds(el).length === both.length, 'the intersection was never listed');
    expect(new Set(rowIds(el))).to.deep.equal(new Set(both));
    expect(text($(el, '[part=count]'))).to.equal(countLine(both.length));
  });

  it('Load more appends the next page without repeats until every match is listed', async () => {
    const filter: CustomerSearchFilters = { segment: 'rfm:hibernating' };
    const all = await allIds(client, filter);
    expect(all.length).to.be.greaterThan(20);
    const el = await render(filter, 10);
    await showsRows(el, all.slice(0, 10));
    expect(text($(el, '[part=count]'))).to.equal(`${countLine(all.length)} · showing 10`);
    while (root(el).querySelector('[part=load-more]')) {
      const before = rowIds(el);
      $(el, '[part=load-more]').click();
      await waitUntil(() => rowIds(el).length > before.length, 'Load more added nothing');
      const after = rowIds(el);
      expect(after.slice(0, before.length)).to.deep.equal(before); // appended, earlier rows unchanged
      expect(new Set(after).size).to.equal(after.length); // no repeats
    }
    expect(rowIds(el)).to.deep.equal(all);
    expect(text($(el, '[part=count]'))).to.equal(countLine(all.length));
    for (const id of rowIds(el)) {
      const view = await client.getCustomer360(id);
      expect(
        view.segments.map((s) => s.id),
        `customer ${id}`,
      ).to.include('rfm:hibernating');
    }
  });

  it('is pre-filtered by attributes set by the host (tag="…"), browsing with an empty box', async () => {
    const page = await client.searchCustomers({ tag: tag.name, limit: 10 });
    expect(new Set(page.items.map((c) => c.id))).to.deep.equal(new Set(tagged));
    const el = await fixture<CustomerSearchElement>(
      html`<customer-search api-base=${API} locale=${LOCALE} tag=${tag.name}></customer-search>`,
    );
    await showsRows(
      el,
      page.items.map((c) => c.id),
    );
    expect(el.filters).to.deep.equal({ tag: tag.name });
    expect(text(await shown(el, '[part=filter-chip]'))).to.contain(`Tag: ${tag.name}`);
    $(el, '[part=filters-toggle]').click();
    await waitUntil(() =>
      $$(el, 'select[name=tag] option').some((o) => (o as HTMLOptionElement).selected && o.textContent!.includes(tag.name)),
    );
  });

  it('sets filters with the panel, shows them as removable chips, and clears them all', async () => {
    const el = await render();
    const toggle = $(el, '[part=filters-toggle]');
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    expect($(el, '[part=filters]').hidden).to.equal(true);
    toggle.click();
    await el.updateComplete;
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    expect($(el, `#${toggle.getAttribute('aria-controls')}`).hidden).to.equal(false);
    // Segments come grouped by kind from GET /segments.
    const lost = (await shown(el, 'select[name=segment] optgroup[label="RFM segments"] option[value="rfm:lost"]')) as HTMLOptionElement;
    expect(text(lost)).to.contain('Lost');

    const segment = $(el, 'select[name=segment]') as HTMLSelectElement;
    segment.value = 'rfm:lost';
    segment.dispatchEvent(new Event('change', { bubbles: true }));
    const lostPage = await client.searchCustomers({ segment: 'rfm:lost', limit: 10 });
    await showsRows(
      el,
      lostPage.items.map((c) => c.id),
    );
    expect(text($(el, '[part=count]'))).to.contain(countLine(lostPage.total));

    $(el, 'input[name=clvMin]').focus();
    await sendKeys({ type: '500' });
    await sendKeys({ press: 'Enter' });
    const both = await client.searchCustomers({ segment: 'rfm:lost', clvMin: 500, limit: 10 });
    expect(both.total).to.be.lessThan(lostPage.total);
    await showsRows(
      el,
      both.items.map((c) => c.id),
    );
    expect(text($(el, '[part=count]'))).to.contain(countLine(both.total));
    expect($$(el, '[part=filter-chip]').map(text)).to.deep.equal(['Remove filter Segment: Lost', `Remove filter CLV ≥ ${fmt.number(500)}`]);
    await expect(el).to.be.accessible(); // open panel, chips, results

    $$(el, '[part=filter-chip]')[0]!.click(); // remove the segment
    const clvOnly = await client.searchCustomers({ clvMin: 500, limit: 10 });
    await showsRows(
      el,
      clvOnly.items.map((c) => c.id),
    );
    expect(el.segment).to.equal(undefined);
    expect(root(el).activeElement).to.equal($$(el, '[part=filter-chip]')[0]); // focus stays on the chips

    $(el, '[part=clear]').click();
    await waitUntil(() => rowIds(el).length === 0);
    expect($$(el, '[part=filter-chip]').length).to.equal(0);
    expect(el.filters).to.deep.equal({});
    expect(text($(el, '[part=count]'))).to.equal('');
    expect(($(el, 'input[name=clvMin]') as HTMLInputElement).value).to.equal('');
  });

  it('marks a refused number as invalid and does not search with it', async () => {
    const el = await render();
    el.filtersOpen = true;
    await el.updateComplete;
    const input = $(el, 'input[name=ordersMin]') as HTMLInputElement;
    input.value = '2.5';
    input.dispatchEvent(new Event('change', { bubbles: true }));
    await el.updateComplete;
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    expect(text($(el, `#${input.getAttribute('aria-describedby')}`))).to.contain('whole number');
    expect(el.filters).to.deep.equal({});
  });

  it('sorts by the chosen order', async () => {
    const page = await client.searchCustomers({ segment: 'rfm:champions', sort: '-lifetimeValue', limit: 10 });
    const el = await render({ segment: 'rfm:champions' });
    el.filtersOpen = true;
    await el.updateComplete;
    const sort = $(el, 'select[name=sort]') as HTMLSelectElement;
    sort.value = '-lifetimeValue';
    sort.dispatchEvent(new Event('change', { bubbles: true }));
    await showsRows(
      el,
      page.items.map((c) => c.id),
    );
    expect(el.sort).to.equal('-lifetimeValue');
  });

  it('checks 2–3 customers for comparison and dispatches c360-compare; a fourth is refused with a message', async () => {
    const el = await render({ segment: 'rfm:champions' });
    await shown(el, '[role=row]');
    const ids = rowIds(el);
    const boxes = () => $$(el, '[part~=compare-toggle] input') as HTMLInputElement[];
    const compare = () => $(el, '[part=compare]') as HTMLButtonElement;

    boxes()[0]!.click();
    await el.updateComplete;
    expect(text(compare())).to.equal('Compare (1)');
    expect(compare().disabled).to.equal(true);
    expect(text($(el, '[part=compare-bar]'))).to.contain('Check one more customer');

    boxes()[1]!.click();
    boxes()[2]!.click();
    await el.updateComplete;
    expect(text(compare())).to.equal('Compare (3)');
    expect(compare().disabled).to.equal(false);
    const fourth = boxes()[3]!;
    expect(fourth.disabled).to.equal(true);
    expect(text($(el, `#${fourth.getAttribute('aria-describedby')}`))).to.contain('up to 3 customers');
    expect(el.compareIds).to.deep.equal(ids.slice(0, 3));
    await expect(el).to.be.accessible();

    boxes()[1]!.click(); // uncheck one: the fourth can be checked again
    await el.updateComplete;
    expect(boxes()[3]!.disabled).to.equal(false);
    expect(text(compare())).to.equal('Compare (2)');

    setTimeout(() => compare().click());
    const event = await oneEvent(el, 'c360-compare');
    expect(event.bubbles && event.composed).to.equal(true);
    expect(event.detail).to.deep.equal({ customerIds: [ids[0], ids[2]] });
  });

  it('keeps the checked customers across searches', async () => {
    const el = await render({ segment: 'rfm:champions' });
    await shown(el, '[role=row]');
    const first = rowIds(el)[0]!;
    ($$(el, '[part~=compare-toggle] input')[0] as HTMLInputElement).click();
    el.filters = { segment: 'rfm:lost' };
    const lost = await client.searchCustomers({ segment: 'rfm:lost', limit: 10 });
    await showsRows(
      el,
      lost.items.map((c) => c.id),
    );
    ($$(el, '[part~=compare-toggle] input')[0] as HTMLInputElement).click();
    await el.updateComplete;
    expect(el.compareIds).to.deep.equal([first, lost.items[0]!.id]);
    expect(text($(el, '[part=compare]'))).to.equal('Compare (2)');
  });
});

describe('<customer-search> count line', () => {
  it('says "10,000+ customers" when the API counted only up to its limit (totalIsEstimate)', () => {
    const view = { status: TaskStatus.COMPLETE, total: 10_000, estimate: true, shown: 20, format: fmt };
    expect(countText(view)).to.equal(`${fmt.number(10_000)}+ customers · showing ${fmt.number(20)}`);
    expect(countText({ ...view, shown: 10_000 })).to.equal(`${fmt.number(10_000)}+ customers · showing ${fmt.number(10_000)}`);
    expect(countText({ ...view, estimate: false, total: 42, shown: 42 })).to.equal(countLine(42));
  });
});
