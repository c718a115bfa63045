import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { nothing } from 'lit';
import { createClient, type AuditPage } from '@c360/sdk';
import './define.js';
import type { AuditLogElement } from './audit-log.js';
import { $, $$, API, LOCALE, ROLE_TOKENS, fmt, freshCustomer, shown, text } from '../test-support/real-server.js';

describe('<audit-log>', () => {
  let C: string;
  let expected: AuditPage;
  const manager = () => createClient({ baseUrl: API, token: ROLE_TOKENS.manager });
  before(async () => {
    C = await freshCustomer('AUDIT', 'Audit Tester');
    const agent = createClient({ baseUrl: API, token: ROLE_TOKENS.agent });
    // Five audited edits by the agent, each its own entry.
    for (const frequency of ['daily', 'weekly', 'monthly', 'immediate', 'weekly'] as const) await agent.updatePreferences(C, { frequency });
    expected = await manager().getAudit({ customer: C, limit: 50 });
  });

  const render = (extra: { customerId?: string; pageSize?: number; token?: string; customerHref?: string } = {}) =>
    fixture<AuditLogElement>(
      html`<audit-log
        api-base=${API}
        locale=${LOCALE}
        token=${extra.token ?? ROLE_TOKENS.manager}
        customer-id=${extra.customerId ?? nothing}
        page-size=${extra.pageSize ?? 25}
        customer-href=${extra.customerHref ?? nothing}
      ></audit-log>`,
    );
  const rows = (el: Element) => $$(el, 'tr[part=entry]');

  it("lists a customer's entries newest first with time, actor, action and details, as the API returns them", async () => {
    expect(expected.entries.length).to.equal(5);
    const el = await render({ customerId: C });
    await shown(el, 'tr[part=entry]');
    expect(rows(el).map((r) => r.dataset.entryId)).to.deep.equal(expected.entries.map((e) => e.id));
    const cells = [...rows(el)[0]!.querySelectorAll('td')].map(text);
    expect(cells[0]).to.equal(fmt.dateTime(expected.entries[0]!.at));
    expect(cells[1]).to.equal('WTR agent');
    expect(cells[2]).to.equal('Preferences or consent changed');
    expect(cells[3]).to.contain('frequency: weekly');
    expect($$(el, 'input[name=customer]')).to.have.length(0); // fixed customer: no customer filter
  });

  it('loads further pages with "Load more" until every entry is shown, each once', async () => {
    const el = await render({ customerId: C, pageSize: 2 });
    await shown(el, 'tr[part=entry]');
    expect(rows(el)).to.have.length(2);
    while (el.shadowRoot!.querySelector('[part=load-more]')) {
      const before = rows(el).length;
      $(el, '[part=load-more]').click();
      await waitUntil(() => rows(el).length > before, 'Load more added nothing');
    }
    expect(rows(el).map((r) => r.dataset.entryId)).to.deep.equal(expected.entries.map((e) => e.id));
  });

  it('filters by customer and action from the form, and links the customer', async () => {
    const el = await render({ customerHref: '/customers/{id}' });
    await shown(el, 'tr[part=entry]');
    const customer = $(el, 'input[name=customer]') as HTMLInputElement;
    customer.value = C;
    customer.dispatchEvent(new Event('change'));
    const action = $(el, 'select[name=action]') as HTMLSelectElement;
    action.value = 'preferences.updated';
    action.dispatchEvent(new Event('change'));
    await waitUntil(
      () => rows(el).length === 5 && rows(el).every((r) => r.dataset.action === 'preferences.updated' && text(r).includes(C)),
      'never showed only the customer’s preference edits',
    );
    const link = $(el, 'tr[part=entry] a[part=customer-link]');
    expect(link.getAttribute('href')).to.equal(`/customers/${encodeURIComponent(C)}`);
    action.value = 'export.*';
    action.dispatchEvent(new Event('change'));
    await shown(el, '[part~=empty]');
  });

  it('dispatches c360-navigate for a customer without customer-href', async () => {
    const el = await render();
    el.filters = { ...el.filters, customer: C };
    const button = await shown(el, 'tr[part=entry] button[part=customer-link]');
    setTimeout(() => button.click());
    const event = await oneEvent(el, 'c360-navigate');
    expect(event.detail).to.deep.equal({ kind: 'customer', id: C });
  });

  it('shows the access-denied state to an agent', async () => {
    const el = await render({ token: ROLE_TOKENS.agent, customerId: C });
    expect(text(await shown(el, '[part~=denied]')))
      .to.contain('Access denied')
      .and.contain('needs audit:read');
    expect(rows(el)).to.have.length(0);
  });

  it('is accessible', async () => {
    const el = await render({ customerId: C });
    await shown(el, 'tr[part=entry]');
    await expect(el).to.be.accessible();
  });
});
