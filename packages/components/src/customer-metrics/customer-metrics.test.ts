import { expect, fixture, html } from '@open-wc/testing';
import type { Customer360 } from '@c360/sdk';
import './define.js';
import type { CustomerMetricsElement } from './customer-metrics.js';
import { $, API, CUSTOMER, LOCALE, UNKNOWN_CUSTOMER, apiClient, fmt, shown, text } from '../test-support/real-server.js';

describe('<customer-metrics>', () => {
  let view: Customer360;
  before(async () => {
    view = await apiClient().getCustomer360(CUSTOMER);
  });

  const render = (id = CUSTOMER) =>
    fixture<CustomerMetricsElement>(html`<customer-metrics customer-id=${id} api-base=${API} locale=${LOCALE}></customer-metrics>`);
  const metric = (el: Element, id: string) => text($(el, `[data-metric="${id}"]`));

  it('shows the loading skeleton before the data arrives', async () => {
    const el = await render();
    expect($(el, '[part~=loading]')).to.exist;
  });

  it("renders the real sample customer's metrics with their units", async () => {
    const el = await render();
    await shown(el, '[part=clv]');
    const m = view.metrics;
    const money = (v: number) => fmt.money(v, m.currency);
    expect(text($(el, '[part=clv] .value'))).to.equal(money(m.lifetimeValue));
    expect(metric(el, 'total-orders')).to.contain(fmt.number(m.totalOrders));
    expect(metric(el, 'completed-orders')).to.contain(fmt.number(m.completedOrders));
    expect(metric(el, 'average-order-value')).to.contain(money(m.averageOrderValue));
    expect(metric(el, 'total-spent')).to.contain(money(m.totalSpent));
    expect(metric(el, 'total-refunded')).to.contain(money(m.totalRefunded));
    expect(metric(el, 'days-since-last-purchase')).to.contain(
      m.daysSinceLastPurchase === null ? 'No completed order' : fmt.days(m.daysSinceLastPurchase),
    );
    expect(metric(el, 'purchase-frequency')).to.contain(`${fmt.number(m.purchaseFrequency, 2)} orders / 30 days`);
    expect(metric(el, 'tenure')).to.contain(fmt.days(m.tenureDays));
  });

  it('is accessible', async () => {
    const el = await render();
    await shown(el, '[part=clv]');
    await expect(el).to.be.accessible();
  });

  it('names an unknown customer in its error, with Retry', async () => {
    const el = await render(UNKNOWN_CUSTOMER);
    expect(text(await shown(el, '[part~=error]'))).to.contain(`Customer "${UNKNOWN_CUSTOMER}" was not found`);
    $(el, '[part=retry]').click();
    await el.updateComplete;
    expect($(el, '[part~=loading]')).to.exist;
    await shown(el, '[part~=error]');
  });
});
