import { expect, fixture, html } from '@open-wc/testing';
import '../index.js';
import { configure, getGlobalConfig } from './config.js';
import { defineElement } from './define.js';
import { formatter } from './format.js';
import { C360Element } from './c360-element.js';
import { API, CUSTOMER, TOKEN, apiClient, shown, text } from '../test-support/real-server.js';
import type { CustomerProfileElement } from '../customer-profile/customer-profile.js';

const UNREACHABLE = 'http://localhost:9/api';

describe('C360Element configuration', () => {
  afterEach(() => configure({ apiBase: undefined, token: TOKEN, locale: undefined }));

  it('uses the nearest <c360-provider> when the element has no attribute', async () => {
    const view = await apiClient().getCustomer360(CUSTOMER);
    configure({ token: undefined });
    const provider = await fixture(
      html`<c360-provider api-base=${API} token=${TOKEN} locale="en-GB"><customer-profile customer-id=${CUSTOMER}></customer-profile></c360-provider>`,
    );
    const el = provider.querySelector('customer-profile')!;
    expect(el.config).to.deep.equal({ apiBase: API, token: TOKEN, locale: 'en-GB' });
    expect(text(await shown(el, '[part=name]'))).to.equal(view.profile.name);
  });

  it('lets the attribute win over the provider, and the provider over configure()', async () => {
    configure({ apiBase: UNREACHABLE, locale: 'fr-FR', token: 'global-token' });
    const provider = await fixture(html`<c360-provider api-base=${UNREACHABLE} locale="de-DE">
      <customer-profile customer-id=${CUSTOMER} api-base=${API}></customer-profile>
    </c360-provider>`);
    const el = provider.querySelector('customer-profile')!;
    expect(el.config).to.deep.equal({ apiBase: API, token: 'global-token', locale: 'de-DE' });
  });

  it('falls back to configure() and updates connected elements when it changes', async () => {
    const el = await fixture<CustomerProfileElement>(html`<customer-profile customer-id=${CUSTOMER}></customer-profile>`);
    expect(text(await shown(el, '[part~=error]'))).to.contain('has no API');
    configure({ apiBase: API });
    expect(getGlobalConfig().apiBase).to.equal(API);
    await shown(el, '[part=name]');
  });

  it('shares one client per api-base and token', async () => {
    const a = await fixture<CustomerProfileElement>(html`<customer-profile api-base=${API}></customer-profile>`);
    const b = await fixture<CustomerProfileElement>(html`<customer-metrics api-base=${API}></customer-metrics>`);
    const c = await fixture<CustomerProfileElement>(html`<customer-metrics api-base=${API} token="t"></customer-metrics>`);
    expect(a.client).to.equal(b.client);
    expect(a.client).not.to.equal(c.client);
  });

  it('emits bubbling, composed events with a typed detail', async () => {
    const el = await fixture<C360Element>(html`<customer-profile></customer-profile>`);
    setTimeout(() => el.emit('c360-navigate', { kind: 'order', id: '1' }, { cancelable: true }));
    const event = await new Promise<CustomEvent>((resolve) => document.addEventListener('c360-navigate', resolve, { once: true }));
    expect(event.bubbles && event.composed && event.cancelable).to.equal(true);
    expect(event.detail).to.deep.equal({ kind: 'order', id: '1' });
  });

  it('tolerates a second registration of a tag', () => {
    expect(() => defineElement('customer-profile', customElements.get('customer-profile')!)).not.to.throw();
  });
});

describe('formatter', () => {
  it('formats money, numbers, dates and day counts with Intl in the locale', () => {
    const f = formatter('en-GB');
    expect(f.money(1234.5, 'GBP')).to.equal('£1,234.50');
    expect(f.number(0.8512, 2)).to.equal('0.85');
    expect(f.percent(0.25)).to.equal('25%');
    expect(f.date('2011-12-09T12:50:00.000Z')).to.equal('9 Dec 2011');
    expect(f.days(12)).to.equal('12 days');
    expect(f.relativeDays(1)).to.equal('yesterday');
    expect(f.money(null, 'GBP')).to.equal('—');
    expect(formatter('fr-FR').money(1234.5, 'EUR')).to.match(/1\s234,50\s€/);
  });
});
