import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import type { ComparedCustomer, ComparedField, CustomerComparison } from '@c360/sdk';
import './define.js';
import type { CustomerCompareElement } from './customer-compare.js';
import { $, $$, API, CUSTOMER, LOCALE, UNKNOWN_CUSTOMER, apiClient, fmt, shown, text } from '../test-support/real-server.js';

// One of them outside the United Kingdom: the segment builder's tests save UK rule segments on the same server, at the same time.
const IDS = [CUSTOMER, '12346', '12682'];

describe('<customer-compare>', () => {
  let expected: CustomerComparison;
  before(async () => {
    expected = await apiClient().compareCustomers(IDS);
  });

  const render = (ids: string) =>
    fixture<CustomerCompareElement>(html`<customer-compare customer-ids=${ids} api-base=${API} locale=${LOCALE}></customer-compare>`);
  const cell = (el: Element, field: string, id: string) => $(el, `tr[data-field="${field}"] td[data-customer-id="${id}"]`);
  const difference = (field: ComparedField) => expected.differences.find((d) => d.field === field)!;

  it('shows the loading state, then is accessible', async () => {
    const el = await render(IDS.join(','));
    expect($(el, '[part~=loading]')).to.exist;
    await shown(el, '[part=table]');
    await expect(el).to.be.accessible();
  });

  it("shows each customer's values exactly as the SDK returns them", async () => {
    const el = await render(IDS.join(','));
    await shown(el, '[part=table]');
    const headers = $$(el, '[part=customer]');
    expect(headers.map((h) => h.dataset.customerId)).to.deep.equal(IDS);
    const LEVEL: Record<string, string> = {
      excellent: 'Excellent',
      good: 'Good',
      fair: 'Fair',
      poor: 'Poor',
      low: 'Low risk',
      medium: 'Medium risk',
      high: 'High risk',
    };
    const rows: Array<[string, (c: ComparedCustomer) => string[]]> = [
      ['lifetimeValue', (c) => [fmt.money(c.metrics.lifetimeValue, c.currency)]],
      ['totalOrders', (c) => [fmt.number(c.metrics.totalOrders)]],
      ['averageOrderValue', (c) => [fmt.money(c.metrics.averageOrderValue, c.currency)]],
      ['purchaseFrequency', (c) => [`${fmt.number(c.metrics.purchaseFrequency, 2)} orders / 30 days`]],
      [
        'daysSinceLastPurchase',
        (c) => [c.metrics.daysSinceLastPurchase === null ? 'No completed order' : fmt.days(c.metrics.daysSinceLastPurchase)],
      ],
      ['healthScore', (c) => [String(c.health.score), LEVEL[c.health.level]!]],
      ['churnScore', (c) => [String(c.churn.score), LEVEL[c.churn.level]!]],
      ['rfm', (c) => (c.rfm ? [c.rfm.segment, c.rfm.score] : ['No completed order'])],
      ['engagementScore', (c) => [`${c.engagement.score} / 100`]],
      ['orders90', (c) => [fmt.number(c.engagement.orders90)]],
      ['sessions90', (c) => [fmt.number(c.engagement.sessions90)]],
      ['emailOpens90', (c) => [fmt.number(c.engagement.emailOpens90)]],
      ['emailClicks90', (c) => [fmt.number(c.engagement.emailClicks90)]],
    ];
    for (const [i, c] of expected.customers.entries()) {
      expect(text(headers[i])).to.contain(c.name).and.contain(c.id);
      for (const [field, values] of rows) {
        const shownText = text(cell(el, field, c.id).querySelector('.v'));
        for (const value of values(c)) expect(shownText, `${field} of ${c.id}`).to.contain(value);
      }
    }
  });

  it('marks the best value of a row in words and colour: the highest CLV, the lowest churn risk', async () => {
    const el = await render(IDS.join(','));
    await shown(el, '[part=table]');
    const best = (field: string) => $$(el, `tr[data-field="${field}"] td[data-best]`);

    const clv = difference('lifetimeValue');
    expect(best('lifetimeValue').map((td) => td.dataset.customerId)).to.deep.equal([clv.highest]);
    const clvCell = cell(el, 'lifetimeValue', clv.highest!);
    expect(text(clvCell.querySelector('[part=best]'))).to.equal('Highest, best');
    expect(getComputedStyle(clvCell).backgroundColor).not.to.equal(
      getComputedStyle(cell(el, 'lifetimeValue', clv.lowest!)).backgroundColor,
    );

    const churn = difference('churnScore');
    expect(best('churnScore').map((td) => td.dataset.customerId)).to.deep.equal([churn.lowest]);
    expect(text(cell(el, 'churnScore', churn.lowest!).querySelector('[part=best]'))).to.equal('Lowest, best');

    // Recency: fewer days since the last purchase is better.
    expect(best('daysSinceLastPurchase').map((td) => td.dataset.customerId)).to.deep.equal([difference('daysSinceLastPurchase').lowest]);
    expect(best('healthScore').map((td) => td.dataset.customerId)).to.deep.equal([difference('healthScore').highest]);
    expect(best('rfm')).to.have.length(0); // no order to rank

    // Every ranked row marks the customers with the best value, ties included (the API names only the first).
    const SENSE: Array<[ComparedField, 'highest' | 'lowest']> = [
      ['lifetimeValue', 'highest'],
      ['totalOrders', 'highest'],
      ['averageOrderValue', 'highest'],
      ['purchaseFrequency', 'highest'],
      ['daysSinceLastPurchase', 'lowest'],
      ['healthScore', 'highest'],
      ['churnScore', 'lowest'],
      ['engagementScore', 'highest'],
      ['sessions90', 'highest'],
      ['emailOpens90', 'highest'],
    ];
    for (const [field, sense] of SENSE) {
      const d = difference(field);
      const bestValue = d.values[IDS.indexOf(d[sense]!)];
      const tied = d.differs ? IDS.filter((_, i) => d.values[i] === bestValue) : [];
      expect(
        best(field).map((td) => td.dataset.customerId),
        field,
      ).to.deep.equal(tied);
      for (const td of best(field)) expect(td.dataset.best).to.equal(sense);
    }
  });

  it('shows the segments every customer shares and those not shared by all', async () => {
    const client = apiClient();
    const champions = (await client.searchCustomers({ segment: 'rfm:champions', limit: 2 })).items.map((c) => c.id);
    const pair = await client.compareCustomers(champions);
    expect(pair.segments.shared.map((s) => s.id)).to.include('rfm:champions');
    const el = await render(champions.join(','));
    await shown(el, '[part=table]');
    const shared = $(el, 'tr[data-field="sharedSegments"]');
    expect(text(shared)).to.contain('Shared by both');
    expect($$(el, 'tr[data-field="sharedSegments"] [part=segment]').map((s) => s.dataset.segmentId)).to.deep.equal(
      pair.segments.shared.map((s) => s.id),
    );

    const three = await render(IDS.join(','));
    await shown(three, '[part=table]');
    expect(text($(three, 'tr[data-field="sharedSegments"]'))).to.contain('No segment shared by all 3');
    for (const id of IDS) {
      const chips = $$(three, `tr[data-field="otherSegments"] td[data-customer-id="${id}"] [part=segment]`).map(text);
      expect(chips, id).to.deep.equal(expected.segments.byCustomer[id]!.map((s) => s.name));
    }
  });

  it('dispatches c360-select from "Back to single view" and c360-compare-close from "Close comparison"', async () => {
    const el = await render(IDS.join(','));
    await shown(el, '[part=table]');
    const back = $$(el, '[part=back]')[1]!;
    expect(text(back)).to.equal(`Back to single view of ${expected.customers[1]!.name}`);
    setTimeout(() => back.click());
    const select = await oneEvent(el, 'c360-select');
    expect(select.bubbles && select.composed).to.equal(true);
    expect(select.detail).to.deep.equal({ customerId: IDS[1] });

    setTimeout(() => $(el, '[part=close]').click());
    const close = await oneEvent(el, 'c360-compare-close');
    expect(close.bubbles && close.composed).to.equal(true);
    expect(close.detail).to.deep.equal({ customerIds: IDS });
  });

  it('names an unknown customer in its error, with Retry', async () => {
    const el = await render(`${CUSTOMER},${UNKNOWN_CUSTOMER}`);
    const error = await shown(el, '[part~=error]');
    expect(text(error)).to.contain(`Customer "${UNKNOWN_CUSTOMER}" was not found`);
    $(el, '[part=retry]').click();
    await el.updateComplete;
    expect($(el, '[part~=loading]')).to.exist;
    await shown(el, '[part~=error]');
    expect($(el, '[part=close]')).to.exist; // the comparison can still be left
    await expect(el).to.be.accessible();
  });

  it('explains a wrong number of customers (HTTP 400), with Retry', async () => {
    const el = await render(CUSTOMER);
    const error = await shown(el, '[part~=error]');
    expect(text(error)).to.contain('HTTP 400').and.contain('query.ids').and.contain('2–3');
    expect($(el, '[part=retry]')).to.exist;
  });

  it('says what to do without ids', async () => {
    const el = await render('');
    expect(text(await shown(el, '[part~=empty]'))).to.contain('choose 2 or 3');
  });

  it('scrolls sideways below 600px with the metric names kept in view', async () => {
    const box = await fixture<HTMLDivElement>(html`<div style="inline-size: 375px">
      <customer-compare customer-ids=${IDS.join(',')} api-base=${API} locale=${LOCALE}></customer-compare>
    </div>`);
    const el = box.querySelector('customer-compare')!;
    const scroller = await shown(el, '[part=scroller]');
    expect(scroller.scrollWidth).to.be.greaterThan(scroller.clientWidth);
    const label = $(el, 'tr[data-field="lifetimeValue"] th');
    expect(getComputedStyle(label).position).to.equal('sticky');
    const left = label.getBoundingClientRect().left;
    scroller.scrollLeft = scroller.scrollWidth;
    await waitUntil(() => scroller.scrollLeft > 0);
    expect(label.getBoundingClientRect().left).to.be.closeTo(left, 1);
    await expect(el).to.be.accessible();
  });
});
