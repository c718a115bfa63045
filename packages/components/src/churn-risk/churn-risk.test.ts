import { expect, fixture, html } from '@open-wc/testing';
import type { Customer360 } from '@c360/sdk';
import './define.js';
import type { ChurnRiskElement } from './churn-risk.js';
import { $, $$, API, CUSTOMER, LOCALE, UNKNOWN_CUSTOMER, apiClient, fmt, shown, text } from '../test-support/real-server.js';

const LEVEL = { low: 'Low risk', medium: 'Medium risk', high: 'High risk' } as const;

describe('<churn-risk>', () => {
  let view: Customer360;
  before(async () => {
    view = await apiClient().getCustomer360(CUSTOMER);
  });

  const render = (id = CUSTOMER) =>
    fixture<ChurnRiskElement>(html`<churn-risk customer-id=${id} api-base=${API} locale=${LOCALE}></churn-risk>`);

  it('shows the loading skeleton before the data arrives', async () => {
    const el = await render();
    expect($(el, '[part~=loading]')).to.exist;
  });

  it("renders the real customer's churn score, level (text and icon), factors and strategies", async () => {
    const el = await render();
    const { churn } = view;
    const meter = await shown(el, '[part=score]');
    expect(meter.getAttribute('aria-valuenow')).to.equal(String(churn.score));
    expect(meter.getAttribute('aria-valuetext')).to.equal(`${churn.score} out of 100, ${LEVEL[churn.level]}`);
    expect(text($(el, '[part=level]'))).to.equal(LEVEL[churn.level]);
    expect($(el, '[part=level] svg')).to.exist;
    const factors = $$(el, '[part=factor]');
    expect(factors.map((f) => f.dataset.factor)).to.deep.equal(churn.factors.map((f) => f.name));
    churn.factors.forEach((f, i) => {
      expect(text(factors[i]))
        .to.contain(`+${fmt.number(f.contribution, 1)} of ${fmt.number(f.maxContribution)} pts`)
        .and.contain(f.detail);
      const bar = factors[i]!.querySelector<HTMLElement>('[part=bar] span')!;
      expect(parseFloat(bar.style.inlineSize)).to.be.closeTo(f.maxContribution ? (100 * f.contribution) / f.maxContribution : 0, 0.01);
    });
    expect($$(el, '[part=strategies] li').map(text)).to.have.length(churn.strategies.length);
  });

  it('is accessible', async () => {
    const el = await render();
    await shown(el, '[part=score]');
    await expect(el).to.be.accessible();
  });

  it('names an unknown customer in its error, with Retry', async () => {
    const el = await render(UNKNOWN_CUSTOMER);
    expect(text(await shown(el, '[part~=error]'))).to.contain(`Customer "${UNKNOWN_CUSTOMER}" was not found`);
    $(el, '[part=retry]').click();
    await el.updateComplete;
    expect($(el, '[part~=loading]')).to.exist;
  });
});
