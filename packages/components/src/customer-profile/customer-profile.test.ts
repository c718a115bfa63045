import { expect, fixture, html } from '@open-wc/testing';
import type { Customer360 } from '@c360/sdk';
import './define.js';
import type { CustomerProfileElement } from './customer-profile.js';
import { initials } from './customer-profile.js';
import {
  $,
  $$,
  API,
  CUSTOMER,
  LOCALE,
  RUN,
  UNKNOWN_CUSTOMER,
  apiClient,
  countRequests,
  fmt,
  postEvents,
  shown,
  text,
} from '../test-support/real-server.js';

describe('<customer-profile>', () => {
  let view: Customer360;
  before(async () => {
    view = await apiClient().getCustomer360(CUSTOMER);
  });

  const render = (id = CUSTOMER) =>
    fixture<CustomerProfileElement>(html`<customer-profile customer-id=${id} api-base=${API} locale=${LOCALE}></customer-profile>`);

  it('shows the loading skeleton before the data arrives', async () => {
    const el = await render();
    expect($(el, '[part~=loading]').getAttribute('role')).to.equal('status');
  });

  it("renders the real sample customer's profile", async () => {
    const el = await render();
    const { profile, rfm } = view;
    expect(text(await shown(el, '[part=name]'))).to.equal(profile.name);
    const details = text($(el, '[part=details]'));
    if (profile.email) expect(details).to.contain(profile.email);
    if (profile.phone) expect(details).to.contain(profile.phone);
    if (profile.country) expect(details).to.contain(profile.country);
    expect(details).to.contain(fmt.date(profile.registeredAt));
    expect(details).to.contain(profile.id);
    expect(text($(el, '[part~=status]')).toLowerCase()).to.equal(profile.status);
    expect($$(el, '[part~=vip]').length).to.equal(profile.vip ? 1 : 0);
    expect($$(el, '[part~=synthetic]').length).to.equal(profile.synthetic ? 1 : 0);
    if (rfm)
      expect(text($(el, '[part~=segment]')))
        .to.contain(rfm.segment)
        .and.contain(rfm.score);
    expect($$(el, '[part~=tag]').map(text)).to.deep.equal(view.tags.map((t) => t.name));
    if (profile.avatarUrl) expect($(el, '[part=avatar]').getAttribute('src')).to.equal(profile.avatarUrl);
    else expect(text($(el, '[part=avatar]'))).to.equal(initials(profile.name));
    const addresses = $$(el, '[part~=address]');
    expect(addresses.length).to.equal(profile.addresses.length);
    if (profile.addresses.some((a) => a.primary)) expect(addresses[0]!.getAttribute('part')).to.contain('address-primary');
  });

  it('shows the company and the region of an address', async () => {
    const id = `PROFILE-CO-${RUN}`;
    await postEvents([
      {
        id: `profile-company-${RUN}`,
        type: 'customer.upserted',
        occurredAt: '2011-06-01T10:00:00',
        data: {
          customerId: id,
          name: 'Stanisław Wójcik',
          email: 'stanisław.wójcik@wp.pl',
          company: 'Wójcik Sp. z o.o.',
          addresses: [
            {
              id: `profile-addr-${RUN}`,
              label: 'Office',
              line1: 'ul. Marszałkowska 1',
              city: 'Warszawa',
              postcode: '00-001',
              region: 'Mazowieckie',
              country: 'PL',
            },
          ],
        },
      },
    ]);
    const el = await render(id);
    expect(text(await shown(el, '[part=company]'))).to.equal('Wójcik Sp. z o.o.');
    expect(text($(el, '[part=details]'))).to.contain('stanisław.wójcik@wp.pl');
    expect(text($(el, '[part~=address]'))).to.contain('00-001 Warszawa, Mazowieckie, PL');
  });

  it('shows no company row for a customer without one', async () => {
    const el = await render();
    await shown(el, '[part=name]');
    expect($$(el, '[part=company]')).to.have.length(view.profile.company ? 1 : 0);
  });

  it('is accessible', async () => {
    const el = await render();
    await shown(el, '[part=name]');
    await expect(el).to.be.accessible();
  });

  it('names an unknown customer in its error and retries on request', async () => {
    const el = await render(UNKNOWN_CUSTOMER);
    const error = await shown(el, '[part~=error]');
    expect(error.getAttribute('role')).to.equal('alert');
    expect(text(error)).to.contain(`Customer "${UNKNOWN_CUSTOMER}" was not found`);
    const requests = countRequests(`/customers/${UNKNOWN_CUSTOMER}/360`);
    try {
      $(el, '[part=retry]').click();
      await el.updateComplete;
      expect($$(el, '[part~=loading]').length).to.equal(1);
      await shown(el, '[part~=error]');
      expect(requests.count).to.equal(1);
    } finally {
      requests.restore();
    }
  });

  it('makes initials from the first and last name', () => {
    expect(initials('Ada Lovelace')).to.equal('AL');
    expect(initials('Ada King Lovelace')).to.equal('AL');
    expect(initials('élodie')).to.equal('É');
  });
});
