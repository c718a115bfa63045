import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { CustomerSearchPage } from '@c360/sdk';
import './define.js';
import type { CustomerSearchElement } from './customer-search.js';
import { $, $$, API, appearsWhile, CUSTOMER, LOCALE, apiClient, countRequests, fmt, shown, text } from '../test-support/real-server.js';

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
    $(el, 'input').focus();
    await sendKeys({ type: value });
  };

  it('is accessible, empty and with results', async () => {
    const el = await render();
    await expect(el).to.be.accessible();
    await type(el, query);
    await shown(el, '[role=option]');
    await expect(el).to.be.accessible();
  });

  it('searches the real sample after the debounce and shows matching customers with the count', async () => {
    const el = await render();
    await type(el, query);
    expect($$(el, '[role=option]').length).to.equal(0); // debounced: nothing yet
    await shown(el, '[role=option]');
    const options = $$(el, '[role=option]');
    expect(options.map((o) => o.dataset.customerId)).to.deep.equal(expected.items.map((c) => c.id));
    expect(options.map((o) => o.dataset.customerId)).to.include(CUSTOMER);
    const c = expected.items[0]!;
    expect(text(options[0])).to.contain(c.name).and.contain(fmt.money(c.lifetimeValue, c.currency));
    for (const item of expected.items) {
      const haystack = [item.name, item.email, item.phone, item.id, item.matchedOrderNumber].join(' ').toLowerCase();
      expect(haystack).to.contain(query.toLowerCase());
    }
    expect(text($(el, '[part=count]'))).to.contain(fmt.number(expected.total));
  });

  it('shows the loading state while searching', async () => {
    const el = await render();
    const sawLoading = await appearsWhile(el, '[part~=loading]', async () => {
      await type(el, query);
      await shown(el, '[role=option]');
    });
    expect(sawLoading).to.equal(true);
  });

  it('moves with ArrowDown / ArrowUp and dispatches c360-select on Enter', async () => {
    const el = await render();
    await type(el, query);
    await shown(el, '[role=option]');
    const input = $(el, 'input');
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    const firstId = $$(el, '[role=option]')[0]!.id;
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
    expect($$(el, '[role=listbox]').length).to.equal(0);
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
    await shown(el, '[role=option]');
    el.value = '';
    await waitUntil(() => $$(el, '[role=option]').length === 0);
    expect($(el, 'input').getAttribute('aria-expanded')).to.equal('false');
  });
});
