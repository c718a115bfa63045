import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { BehaviorAnalytics, Customer360, IngestEventInput } from '@c360/sdk';
import './define.js';
import type { BehaviorAnalyticsElement } from './behavior-analytics.js';
import { UPLOT_CSS } from '../base/charts.js';
import {
  $,
  $$,
  API,
  CUSTOMER,
  LOCALE,
  UNKNOWN_CUSTOMER,
  apiClient,
  eventMaker,
  fmt,
  freshCustomer,
  postEvents,
  shown,
  text,
} from '../test-support/real-server.js';

/** Whether the page has fetched uPlot's module so far. */
const uplotFetched = () => performance.getEntriesByType('resource').some((e) => /\/uplot\//i.test(e.name));
// Importing the element must not load uPlot: it is imported dynamically when a chart is drawn.
const uplotFetchedAtImport = uplotFetched();

const ev = eventMaker('ana');

const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const hh = (h: number) => `${String(h).padStart(2, '0')}:00`;
const month = (m: string) =>
  new Intl.DateTimeFormat(LOCALE, { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${m}-01T00:00:00Z`));
const slot = (d: number, h: number, count: number) =>
  `${WEEKDAYS[d]} ${hh(h)}–${hh(h + 1)} UTC: ${count} ${count === 1 ? 'order' : 'orders'}`;

/** Sessions, categorised views and orders, and rated tickets of the customer. */
function fullCustomerEvents(customerId: string): IngestEventInput[] {
  const c = { customerId };
  const kitchen = { categoryId: 'WTR-K1', categoryName: 'Kitchen' };
  const garden = { categoryId: 'WTR-K2', categoryName: 'Garden' };
  const line = (productId: string, quantity: number, unitPrice: number, category: object) => ({
    productId,
    description: `Product ${productId}`,
    quantity,
    unitPrice,
    ...category,
  });
  const order = (orderId: string, at: string, lines: object[]) =>
    ev('order.placed', at, { ...c, orderId, status: 'completed', currency: 'GBP', lines });
  return [
    // 2011-09-06 is a Tuesday, 2011-10-15 a Saturday.
    order('WTR-AO1', '2011-09-06T14:15:00Z', [line('WTR-PA', 2, 10, kitchen), line('WTR-PB', 1, 5, garden)]),
    order('WTR-AO2', '2011-09-06T14:45:00Z', [line('WTR-PA', 3, 10, kitchen)]),
    order('WTR-AO3', '2011-09-13T14:05:00Z', [line('WTR-PA', 1, 10, kitchen)]),
    order('WTR-AO4', '2011-10-15T18:00:00Z', [line('WTR-PC', 4, 2.5, garden)]),
    ev('session.started', '2011-09-01T10:00:00Z', { ...c, sessionId: 'WTR-S1', device: 'desktop', durationSeconds: 600 }),
    ev('session.started', '2011-09-02T10:00:00Z', { ...c, sessionId: 'WTR-S2', device: 'mobile', durationSeconds: 300 }),
    ev('session.started', '2011-09-03T10:00:00Z', { ...c, sessionId: 'WTR-S3', device: 'mobile', durationSeconds: 120 }),
    ev('session.started', '2011-09-04T10:00:00Z', { ...c, sessionId: 'WTR-S4', device: 'tablet', durationSeconds: 61 }),
    ev('product.viewed', '2011-09-01T10:01:00Z', { ...c, productId: 'WTR-PA', ...kitchen }),
    ev('product.viewed', '2011-09-01T10:02:00Z', { ...c, productId: 'WTR-PA', ...kitchen }),
    ev('product.viewed', '2011-09-02T10:01:00Z', { ...c, productId: 'WTR-PC', ...garden }),
    ev('ticket.opened', '2011-10-03T10:00:00Z', { ...c, ticketId: 'WTR-T1', subject: 'Late delivery' }),
    ev('ticket.updated', '2011-10-04T10:00:00Z', { ...c, ticketId: 'WTR-T1', status: 'resolved', csat: 5 }),
    ev('ticket.opened', '2011-11-10T10:00:00Z', { ...c, ticketId: 'WTR-T2', subject: 'Broken item' }),
    ev('ticket.updated', '2011-11-11T10:00:00Z', { ...c, ticketId: 'WTR-T2', status: 'resolved', csat: 2 }),
  ];
}

describe('<behavior-analytics>', () => {
  /** A customer with sessions, categorised views and orders, and rated tickets. */
  let FULL: string;
  /** A customer with no activity at all. */
  let EMPTY: string;
  let sample: BehaviorAnalytics;
  let view: Customer360;
  let full: BehaviorAnalytics;
  before(async () => {
    [FULL, EMPTY] = await Promise.all([freshCustomer('ANA', 'Test Analytics'), freshCustomer('ANA', 'Test No Analytics')]);
    await postEvents(fullCustomerEvents(FULL));
    [sample, view, full] = await Promise.all([
      apiClient().getAnalytics(CUSTOMER),
      apiClient().getCustomer360(CUSTOMER),
      apiClient().getAnalytics(FULL),
    ]);
  });

  const render = (id = CUSTOMER, width = '900px') =>
    fixture<BehaviorAnalyticsElement>(
      html`<behavior-analytics customer-id=${id} api-base=${API} locale=${LOCALE} style="width:${width}"></behavior-analytics>`,
    );
  const bars = (el: Element, part: string) => $$(el, `[part=${part}] [part=bar]`);
  const cells = (el: Element) => $$(el, '[part=heatmap-cell]');
  const drawn = (el: BehaviorAnalyticsElement, chart: 'clv' | 'csat') =>
    waitUntil(
      () => el.charts[chart] && el.shadowRoot!.querySelector(`[data-chart=${chart}] canvas`),
      `the ${chart} chart was never drawn`,
      { timeout: 8000 },
    );

  it('shows the loading skeleton before the data arrives', async () => {
    const el = await render();
    expect($(el, '[part~=loading]')).to.exist;
  });

  it("renders the sample customer's sessions, devices and top categories as the API returns them", async () => {
    const el = await render();
    await shown(el, '[part=summary]');
    expect(text($(el, '[data-stat=sessions]'))).to.equal(fmt.number(sample.sessions));
    expect(text($(el, '[data-stat=average-duration]'))).to.not.equal('');
    if (sample.sessions) {
      expect(bars(el, 'devices').map((b) => b.dataset.id)).to.deep.equal(sample.deviceBreakdown.map((d) => d.device));
      sample.deviceBreakdown.forEach((d, i) => {
        expect(text(bars(el, 'devices')[i]!)).to.contain(`${fmt.percent(d.share)} · ${fmt.number(d.sessions)} session`);
        const fill = bars(el, 'devices')[i]!.querySelector<HTMLElement>('.fill');
        expect(fill ? parseFloat(fill.style.inlineSize) : 0).to.be.closeTo(d.share * 100, 0.01);
      });
    }
    expect(bars(el, 'viewed').map((b) => b.dataset.id)).to.deep.equal(sample.topViewedCategories.map((c) => c.id));
    sample.topViewedCategories.forEach((c, i) =>
      expect(text(bars(el, 'viewed')[i]!)).to.equal(`${c.name} ${fmt.number(c.count)} ${c.count === 1 ? 'view' : 'views'}`),
    );
    expect(bars(el, 'purchased').map((b) => b.dataset.id)).to.deep.equal(sample.topPurchased.items.map((c) => c.id));
    sample.topPurchased.items.forEach((p, i) =>
      expect(text(bars(el, 'purchased')[i]!))
        .to.contain(p.name)
        .and.contain(`${fmt.number(p.quantity)} units · ${fmt.number(p.orders)} order`),
    );
    expect($(el, '[data-basis]').dataset.basis).to.equal(sample.topPurchased.basis);
    expect(text($(el, '[data-basis]'))).to.contain(`per ${sample.topPurchased.basis}`);
  });

  it('draws the weekday × hour heat map: cell counts add up to the matrix, cells are labelled, the busiest are written out', async () => {
    const el = await render();
    await shown(el, '[part=heatmap]');
    const matrix = sample.shoppingTimes;
    const total = matrix.flat().reduce((a, b) => a + b, 0);
    expect(total, '17850 has completed orders').to.be.greaterThan(0);
    expect(total).to.equal(view.metrics.completedOrders);
    expect(cells(el)).to.have.length(7 * 24);
    expect(cells(el).reduce((sum, c) => sum + Number(c.dataset.count), 0)).to.equal(total);
    // The busiest cell (first by weekday, then hour) carries its label and title.
    const max = Math.max(...matrix.flat());
    const d = matrix.findIndex((row) => row.includes(max));
    const h = matrix[d]!.indexOf(max);
    const cell = $(el, `[part=heatmap-cell][data-weekday="${d}"][data-hour="${h}"]`);
    expect(cell.getAttribute('aria-label')).to.equal(slot(d, h, max));
    expect(cell.title).to.equal(slot(d, h, max));
    expect(cell.className).to.contain('l4');
    expect($(el, '[part=heatmap-cell][data-weekday="6"][data-hour="3"]').getAttribute('aria-label')).to.equal(slot(6, 3, matrix[6]![3]!));
    expect(text($(el, '[data-busiest] li'))).to.equal(slot(d, h, max));
    expect(text($(el, '[part=legend]')))
      .to.contain('0')
      .and.contain(fmt.number(max));
  });

  it("draws 17850's CLV trend with uPlot inside the shadow root, ending at the /360 lifetime value", async () => {
    expect(uplotFetchedAtImport, 'uPlot was loaded with the element module').to.equal(false);
    const el = await render();
    await drawn(el, 'clv');
    expect(uplotFetched()).to.equal(true);
    const plot = el.charts.clv!;
    expect(el.shadowRoot!.contains(plot.root)).to.equal(true);
    expect(plot.data[1]!.at(-1)).to.equal(view.metrics.lifetimeValue);
    expect(plot.data[1]).to.deep.equal(sample.clvTrend.map((p) => p.value));
    // uPlot's stylesheet applies inside the shadow root.
    expect(getComputedStyle(plot.root.querySelector('.u-over')!).position).to.equal('absolute');
    // Accessible name, summary sentence and data table.
    const figure = $(el, '[data-chart=clv]');
    expect(figure.getAttribute('role')).to.equal('img');
    expect(text($(el, `#${figure.getAttribute('aria-labelledby')}`))).to.equal('Lifetime value (CLV) by month');
    const summary = text($(el, `#${figure.getAttribute('aria-describedby')}`));
    expect(summary).to.contain(`CLV grew from ${fmt.money(0, 'GBP')} to ${fmt.money(view.metrics.lifetimeValue, 'GBP')}`);
    const lastRow = $$(el, '[part~=chart-clv] [part=chart-data] tbody tr').at(-1)!;
    expect(text(lastRow)).to.contain(fmt.money(view.metrics.lifetimeValue, 'GBP'));
  });

  it('keeps the uPlot stylesheet identical to the installed uplot/dist/uPlot.min.css', async () => {
    const installed = await (await fetch('/node_modules/uplot/dist/uPlot.min.css')).text();
    expect(UPLOT_CSS).to.equal(installed.trim());
  });

  it('sizes charts to their container, redraws on theme change, and destroys them on disconnect', async () => {
    const el = await render(CUSTOMER, '900px');
    await drawn(el, 'clv');
    const plotBox = $(el, '[data-chart=clv]');
    const fits = () => Math.abs(el.charts.clv!.width - plotBox.clientWidth) <= 1;
    expect(fits()).to.equal(true);
    el.style.width = '420px';
    await waitUntil(fits, 'the chart did not follow its container');
    expect(el.charts.clv!.width).to.be.at.most(420);

    const first = el.charts.clv!;
    el.theme = 'dark';
    await waitUntil(() => el.charts.clv && el.charts.clv !== first, 'the chart was not redrawn for the dark theme');

    const parent = el.parentElement!;
    const root = el.charts.clv!.root;
    el.remove();
    expect(el.charts).to.deep.equal({});
    expect(root.isConnected).to.equal(false);
    parent.append(el);
    await drawn(el, 'clv');
  });

  it('shows every figure of a customer built through the API, with the CSAT trend chart', async () => {
    const el = await render(FULL);
    await drawn(el, 'csat');
    expect(full.sessions).to.equal(4);
    expect(text($(el, '[data-stat=sessions]'))).to.equal('4');
    const unit = (value: number, unit: string) =>
      new Intl.NumberFormat(LOCALE, { style: 'unit', unit, unitDisplay: 'short' }).format(value);
    expect(text($(el, '[data-stat=average-duration]'))).to.equal(`${unit(4, 'minute')} ${unit(30, 'second')}`); // 1081 s / 4 = 270 s
    expect(bars(el, 'devices').map(text)).to.deep.equal(['Desktop 25% · 1 session', 'Mobile 50% · 2 sessions', 'Tablet 25% · 1 session']);
    expect(bars(el, 'viewed').map(text)).to.deep.equal(
      full.topViewedCategories.map((c) => `${c.name} ${c.count} ${c.count === 1 ? 'view' : 'views'}`),
    );
    expect(full.topPurchased.basis).to.equal('category');
    expect(text($(el, '[data-basis]').previousElementSibling)).to.equal('Most purchased categories');
    expect(bars(el, 'purchased').map(text)).to.deep.equal(['Kitchen 6 units · 3 orders', 'Garden 5 units · 2 orders']);
    // Tuesday 14:00–15:00 UTC holds three orders; Saturday 18:00 one.
    expect($(el, '[part=heatmap-cell][data-weekday="1"][data-hour="14"]').getAttribute('aria-label')).to.equal(
      'Tuesday 14:00–15:00 UTC: 3 orders',
    );
    expect($(el, '[part=heatmap-cell][data-weekday="5"][data-hour="18"]').title).to.equal('Saturday 18:00–19:00 UTC: 1 order');
    expect(text($(el, '[data-preferred=day]'))).to.equal('Preferred day: Tuesday (3 orders)');
    expect(text($(el, '[data-preferred=hour]'))).to.equal('Preferred time: 14:00–15:00 UTC (3 orders)');

    expect(el.charts.csat!.data[1]).to.deep.equal(full.csatTrend.map((p) => p.average));
    expect(text($(el, '[part~=chart-csat] [part=chart-summary]'))).to.equal(
      `Average CSAT went from 5 out of 5 in ${month('2011-10')} to 2 out of 5 in ${month('2011-11')} (2 ratings over 2 months with ratings).`,
    );
    await drawn(el, 'clv');
    expect(el.charts.clv!.data[1]!.at(-1)).to.equal(full.clvTrend.at(-1)!.value);
    expect(text($(el, '[part~=chart-clv] [part=chart-summary]'))).to.equal(
      `CLV grew from £0.00 to £75.00 between ${month('2011-09')} and ${month('2011-12')}; the most was added in ${month('2011-09')} (£65.00).`,
    );
    await expect(el).to.be.accessible();
  });

  it('says so for each block when the customer has no activity, and draws no chart', async () => {
    const el = await render(EMPTY);
    await shown(el, '[part=summary]');
    expect(text($(el, '[data-stat=sessions]'))).to.equal('0');
    expect(text($(el, '[data-stat=average-duration]'))).to.equal('—');
    expect($$(el, '[part~=empty]').map(text)).to.deep.equal([
      'No sessions recorded.',
      'No product views recorded.',
      'No completed orders yet.',
      'No completed orders to place in the week.',
      'No completed orders yet.',
      'No satisfaction ratings yet.',
    ]);
    expect($$(el, '[data-chart]')).to.have.length(0);
    expect(el.charts).to.deep.equal({});
    await expect(el).to.be.accessible();
  });

  it('is accessible', async () => {
    const el = await render();
    await drawn(el, 'clv');
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
