import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { Customer360 } from '@c360/sdk';
import '../customer-360/define.js';
import type { Customer360Element } from '../customer-360/customer-360.js';
import type { CustomerMetricsElement } from '../customer-metrics/customer-metrics.js';
import { activeLanguage, directionOf, languageOf, useLanguage } from './localize.js';
import { $, API, CUSTOMER, apiClient, ignoreBenignResizeObserverErrors, shown, text } from '../test-support/real-server.js';

/** Waits until the element's `selector` reads `expected` (translations load asynchronously). */
async function reads(el: Element, selector: string, expected: string): Promise<void> {
  await waitUntil(
    () => text(el.shadowRoot?.querySelector(selector)) === expected,
    `<${el.localName}> ${selector} never read "${expected}"`,
    { timeout: 8000 },
  );
}

const direction = (el: Element, selector: string) => getComputedStyle($(el, selector)).direction;

/** An Intl result with its (narrow) no-break spaces normalised as {@link text} normalises the page's. */
const spaced = (formatted: string) => formatted.replace(/\s+/g, ' ').trim();

describe('localization (en, fr, ar)', () => {
  ignoreBenignResizeObserverErrors(beforeEach, afterEach, { suppressErrorLogging: true });
  let view: Customer360;
  before(async () => {
    view = await apiClient().getCustomer360(CUSTOMER);
  });
  afterEach(async () => {
    document.documentElement.lang = 'en-GB';
    document.documentElement.removeAttribute('dir');
    await useLanguage('en');
  });

  it('maps BCP 47 locales to the supported languages and their direction', () => {
    expect(['fr-FR', 'fr', 'ar-EG', 'ar', 'en-GB', 'de-DE', 'not a locale!'].map(languageOf)).to.deep.equal([
      'fr',
      'fr',
      'ar',
      'ar',
      'en',
      'en',
      'en',
    ]);
    expect([directionOf('ar'), directionOf('fr'), directionOf('en')]).to.deep.equal(['rtl', 'ltr', 'ltr']);
  });

  it('renders <customer-360 locale="ar"> right to left, in Arabic, with Arabic number, money and date formats', async function () {
    this.timeout(30_000);
    const el = await fixture<Customer360Element>(
      html`<customer-360 locale="ar" customer-id=${CUSTOMER} api-base=${API} style="width:1200px"></customer-360>`,
    );
    expect(el.getAttribute('dir')).to.equal('rtl');
    await reads(el, '[data-section=metrics] .section-title', 'المؤشرات الرئيسية');
    expect(activeLanguage()).to.equal('ar');
    expect(direction(el, '[part=base]')).to.equal('rtl');

    const metrics = $(el, 'customer-metrics') as CustomerMetricsElement;
    const m = view.metrics;
    await shown(metrics, '[part=clv]');
    expect(direction(metrics, '[part=clv]')).to.equal('rtl');
    await reads(metrics, '[data-metric=total-orders] dt', 'إجمالي الطلبات');
    expect(text($(metrics, '[part=clv] .value'))).to.equal(
      spaced(new Intl.NumberFormat('ar', { style: 'currency', currency: m.currency }).format(m.lifetimeValue)),
    );
    expect(text($(metrics, '[data-metric=total-orders] dd'))).to.equal(spaced(new Intl.NumberFormat('ar').format(m.totalOrders)));

    const profile = $(el, 'customer-profile');
    const since = await shown(profile, `time[datetime="${view.profile.registeredAt}"]`);
    expect(text(since)).to.equal(
      spaced(new Intl.DateTimeFormat('ar', { dateStyle: 'medium' }).format(new Date(view.profile.registeredAt))),
    );
    await reads(profile, '[part=details] div:nth-child(4) dt', 'عميل منذ');

    await shown($(el, 'health-gauge'), '[role=meter]');
    await shown($(el, 'order-history'), '[part=table]');
    const timeline = $(el, 'customer-timeline');
    timeline.scrollIntoView(); // the virtualized feed renders its events only inside the viewport
    await shown(timeline, 'article[part=event]');
    await expect(el).to.be.accessible();
  });

  it('follows <html lang="ar" dir="rtl"> when the element has no locale', async () => {
    document.documentElement.lang = 'ar';
    document.documentElement.dir = 'rtl';
    const el = await fixture<CustomerMetricsElement>(html`<customer-metrics customer-id=${CUSTOMER} api-base=${API}></customer-metrics>`);
    await shown(el, '[part=clv]');
    await reads(el, '[part=clv] .label', 'القيمة الدائمة للعميل (CLV)');
    expect(direction(el, '[part=clv]')).to.equal('rtl');
    expect(text($(el, '[data-metric=completed-orders] dd'))).to.equal(
      spaced(new Intl.NumberFormat('ar').format(view.metrics.completedOrders)),
    );
    await expect(el).to.be.accessible();
  });

  it('renders French words and French formats, left to right', async () => {
    const el = await fixture<CustomerMetricsElement>(
      html`<customer-metrics locale="fr-FR" customer-id=${CUSTOMER} api-base=${API}></customer-metrics>`,
    );
    await shown(el, '[part=clv]');
    await reads(el, '[data-metric=total-orders] dt', 'Total des commandes');
    expect(el.hasAttribute('dir')).to.equal(false);
    expect(direction(el, '[part=clv]')).to.equal('ltr');
    const m = view.metrics;
    expect(text($(el, '[part=clv] .value'))).to.equal(
      spaced(new Intl.NumberFormat('fr-FR', { style: 'currency', currency: m.currency }).format(m.lifetimeValue)),
    );
    expect(text($(el, '[data-metric=tenure] dd'))).to.equal(
      spaced(new Intl.NumberFormat('fr-FR', { style: 'unit', unit: 'day', unitDisplay: 'long' }).format(m.tenureDays)),
    );
    await expect(el).to.be.accessible();
  });

  it('switches back to English, left to right, when the locale changes to en', async () => {
    const el = await fixture<CustomerMetricsElement>(
      html`<customer-metrics locale="ar-EG" customer-id=${CUSTOMER} api-base=${API}></customer-metrics>`,
    );
    await shown(el, '[part=clv]');
    await reads(el, '[data-metric=total-orders] dt', 'إجمالي الطلبات');
    expect(el.getAttribute('dir')).to.equal('rtl');

    el.locale = 'en-GB';
    await reads(el, '[data-metric=total-orders] dt', 'Total orders');
    expect(activeLanguage()).to.equal('en');
    expect(el.hasAttribute('dir')).to.equal(false);
    expect(direction(el, '[part=clv]')).to.equal('ltr');
    expect(text($(el, '[part=clv] .value'))).to.equal(
      spaced(new Intl.NumberFormat('en-GB', { style: 'currency', currency: view.metrics.currency }).format(view.metrics.lifetimeValue)),
    );
  });

  it("keeps the author's dir on the host", async () => {
    const el = await fixture<CustomerMetricsElement>(
      html`<customer-metrics locale="ar" dir="ltr" customer-id=${CUSTOMER} api-base=${API}></customer-metrics>`,
    );
    await shown(el, '[part=clv]');
    await reads(el, '[data-metric=total-orders] dt', 'إجمالي الطلبات');
    expect(el.getAttribute('dir')).to.equal('ltr');
    expect(direction(el, '[part=clv]')).to.equal('ltr');
  });
});
