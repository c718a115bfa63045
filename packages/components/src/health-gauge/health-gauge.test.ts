import { expect, fixture, html } from '@open-wc/testing';
import type { Customer360 } from '@c360/sdk';
import './define.js';
import { healthLevel, type HealthGaugeElement } from './health-gauge.js';
import { $, $$, API, CUSTOMER, LOCALE, UNKNOWN_CUSTOMER, apiClient, fmt, shown, text } from '../test-support/real-server.js';

const capitalize = (s: string) => s[0]!.toUpperCase() + s.slice(1);

describe('<health-gauge>', () => {
  let view: Customer360;
  before(async () => {
    view = await apiClient().getCustomer360(CUSTOMER);
  });

  const render = (id = CUSTOMER) =>
    fixture<HealthGaugeElement>(html`<health-gauge customer-id=${id} api-base=${API} locale=${LOCALE}></health-gauge>`);

  it('shows the loading skeleton before the data arrives', async () => {
    const el = await render();
    expect($(el, '[part~=loading]')).to.exist;
  });

  it("renders the real customer's score as a meter with its level in words, factors and recommendations", async () => {
    const el = await render();
    const { health } = view;
    const meter = await shown(el, '[role=meter]');
    expect(meter.getAttribute('aria-valuemin')).to.equal('0');
    expect(meter.getAttribute('aria-valuemax')).to.equal('100');
    expect(meter.getAttribute('aria-valuenow')).to.equal(String(health.score));
    expect(meter.getAttribute('aria-valuetext')).to.equal(`${health.score} out of 100, ${capitalize(health.level)}`);
    expect(text($(el, '[part=level]'))).to.equal(capitalize(health.level));
    const factors = $$(el, '[part=factor]');
    expect(factors.map((f) => f.dataset.factor)).to.deep.equal(health.factors.map((f) => f.name));
    health.factors.forEach((f, i) => {
      expect(text(factors[i]))
        .to.contain(`${fmt.number(f.value)}/100`)
        .and.contain(`weight ${fmt.percent(f.weight)}`)
        .and.contain(f.detail);
    });
    const recommendations = $$(el, '[part=recommendations] li');
    expect(recommendations.map(text)).to.have.length(health.recommendations.length);
    health.recommendations.forEach((r, i) => expect(text(recommendations[i])).to.contain(r.text));
  });

  it('is accessible', async () => {
    const el = await render();
    await shown(el, '[role=meter]');
    await expect(el).to.be.accessible();
  });

  it('shows a score set directly, without fetching', async () => {
    const el = await fixture<HealthGaugeElement>(html`<health-gauge .score=${85}></health-gauge>`);
    expect($(el, '[role=meter]').getAttribute('aria-valuetext')).to.equal('85 out of 100, Excellent');
    el.score = 39;
    await el.updateComplete;
    expect(text($(el, '[part=level]'))).to.equal('Poor');
    await expect(el).to.be.accessible();
  });

  it('derives the level from SPEC §4 thresholds', () => {
    expect([80, 79, 60, 59, 40, 39].map(healthLevel)).to.deep.equal(['excellent', 'good', 'good', 'fair', 'fair', 'poor']);
  });

  it('names an unknown customer in its error, with Retry', async () => {
    const el = await render(UNKNOWN_CUSTOMER);
    expect(text(await shown(el, '[part~=error]'))).to.contain(`Customer "${UNKNOWN_CUSTOMER}" was not found`);
    $(el, '[part=retry]').click();
    await el.updateComplete;
    expect($(el, '[part~=loading]')).to.exist;
  });
});
