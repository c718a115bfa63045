import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { Customer360 } from '@c360/sdk';
import './define.js';
import type { Customer360Element } from './customer-360.js';
import { SECTIONS } from './customer-360.js';
import {
  $,
  $$,
  API,
  CUSTOMER,
  LOCALE,
  ROLE_TOKENS,
  UNKNOWN_CUSTOMER,
  apiClient,
  countRequests,
  fmt,
  ignoreBenignResizeObserverErrors,
  shown,
  text,
} from '../test-support/real-server.js';

describe('<customer-360>', () => {
  ignoreBenignResizeObserverErrors(beforeEach, afterEach, { suppressErrorLogging: true });
  let view: Customer360;
  before(async () => {
    view = await apiClient().getCustomer360(CUSTOMER);
  });

  const render = (id = CUSTOMER, width = '1200px') =>
    fixture<Customer360Element>(html`<customer-360 customer-id=${id} api-base=${API} locale=${LOCALE} order-href="/orders/{id}" style="width:${width}">
      <button slot="actions">Open ticket</button>
    </customer-360>`);
  const child = <K extends keyof HTMLElementTagNameMap>(el: Element, tag: K) => $(el, tag) as unknown as HTMLElementTagNameMap[K];
  const columns = (el: Element) => getComputedStyle($(el, '[part=grid]')).gridTemplateColumns.split(' ').length;

  it('lays out the profile and every section, passing the customer down, with one /360 request', async () => {
    const requests = countRequests(`/customers/${CUSTOMER}/360`);
    try {
      const el = await render();
      expect($$(el, '[part~=section]').map((s) => s.dataset.section)).to.deep.equal(SECTIONS.map((s) => s.id));
      const profile = child(el, 'customer-profile');
      expect(text(await shown(profile, '[part=name]'))).to.equal(view.profile.name);
      const metrics = child(el, 'customer-metrics');
      expect(text(await shown(metrics, '[part=clv] .value'))).to.equal(fmt.money(view.metrics.lifetimeValue, view.metrics.currency));
      expect((await shown(child(el, 'health-gauge'), '[role=meter]')).getAttribute('aria-valuenow')).to.equal(String(view.health.score));
      expect((await shown(child(el, 'churn-risk'), '[part=score]')).getAttribute('aria-valuenow')).to.equal(String(view.churn.score));
      for (const tag of [
        'customer-profile',
        'customer-metrics',
        'health-gauge',
        'churn-risk',
        'order-history',
        'customer-timeline',
      ] as const) {
        expect(child(el, tag).customerId, tag).to.equal(CUSTOMER);
        expect(child(el, tag).config.apiBase, tag).to.equal(API);
      }
      expect(child(el, 'order-history').orderHref).to.equal('/orders/{id}');
      expect(child(el, 'customer-timeline').orderHref).to.equal('/orders/{id}');
      await shown(child(el, 'order-history'), 'a[part=order-link]');
      expect(requests.count).to.equal(1);
      const slot = $(el, 'slot[name=actions]') as HTMLSlotElement;
      expect(slot.assignedElements().map(text)).to.deep.equal(['Open ticket']);
    } finally {
      requests.restore();
    }
  });

  it('is accessible', async () => {
    const el = await render();
    await shown(child(el, 'order-history'), '[part=table]');
    child(el, 'customer-timeline').scrollIntoView(); // the virtualized feed renders only inside the viewport
    await shown(child(el, 'customer-timeline'), 'article[part=event]');
    await expect(el).to.be.accessible();
  });

  it('fills every row of the 6-column grid at 1280px, and passes the customer to the notes, tags and segments sections', async () => {
    const el = await fixture<Customer360Element>(
      html`<customer-360 customer-id=${CUSTOMER} api-base=${API} locale=${LOCALE} tag-href="/customers?tag={id}" style="width:1280px"></customer-360>`,
    );
    expect(columns(el)).to.equal(6);
    const grid = $(el, '[part=grid]').getBoundingClientRect();
    const rows = new Map<number, DOMRect[]>();
    for (const section of $$(el, '[part~=section]')) {
      const box = section.getBoundingClientRect();
      rows.set(Math.round(box.top), [...(rows.get(Math.round(box.top)) ?? []), box]);
    }
    for (const [top, boxes] of rows) {
      expect(Math.min(...boxes.map((b) => b.left)), `row at ${top} starts at the grid's start`).to.be.closeTo(grid.left, 1);
      expect(Math.max(...boxes.map((b) => b.right)), `row at ${top} ends at the grid's end`).to.be.closeTo(grid.right, 1);
    }
    const row = (id: string) => Math.round($(el, `[data-section=${id}]`).getBoundingClientRect().top);
    expect([row('notes'), row('followups')]).to.deep.equal([row('support'), row('support')]);
    for (const tag of ['customer-notes', 'customer-tags', 'customer-segments'] as const) {
      expect(child(el, tag).customerId, tag).to.equal(CUSTOMER);
      expect(child(el, tag).config.apiBase, tag).to.equal(API);
    }
    expect(child(el, 'customer-tags').filterHref).to.equal('/customers?tag={id}');
    const rfm = await shown(child(el, 'customer-segments'), '[part~=segment-rfm]');
    expect(rfm.dataset.segmentId).to.equal(view.segments.find((s) => s.kind === 'rfm')!.id);
  });

  it('uses a grid when wide and one column, most important first, at 375px', async () => {
    const el = await render();
    expect(columns(el)).to.be.greaterThan(1);
    el.style.width = '375px';
    await waitUntil(() => columns(el) === 1, 'never became one column');
    const tops = $$(el, '[part~=section]').map((s) => s.getBoundingClientRect().top);
    expect(tops).to.deep.equal([...tops].sort((a, b) => a - b));
    expect($$(el, '[part~=section]')[0]!.dataset.section).to.equal('metrics');
  });

  it('collapses and expands sections with the keyboard', async () => {
    const el = await render(CUSTOMER, '375px');
    const toggle = $(el, '[data-section=orders] [part=section-toggle]');
    const body = $(el, '#body-orders');
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    expect(toggle.getAttribute('aria-controls')).to.equal('body-orders');
    toggle.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    expect(body.hidden).to.equal(true);
    expect(body.getBoundingClientRect().height).to.equal(0);
    expect(el.collapsed).to.deep.equal(['orders']);
    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    expect(body.hidden).to.equal(false);
  });

  it('shows one error naming an unknown customer instead of the sections, and retries', async () => {
    const el = await render(UNKNOWN_CUSTOMER);
    const error = await shown(el, '[part~=error]');
    expect(text(error)).to.contain(`Customer "${UNKNOWN_CUSTOMER}" was not found`);
    expect($$(el, '[part~=section]').length).to.equal(0);
    const requests = countRequests(`/customers/${UNKNOWN_CUSTOMER}/360`);
    try {
      $(el, '[part=retry]').click();
      await waitUntil(() => requests.count === 1, 'Retry did not refetch');
      await shown(el, '[part~=error]');
    } finally {
      requests.restore();
    }
  });

  it("shows a manager the customer's audit log from the header; an agent has no such button", async () => {
    const el = await fixture<Customer360Element>(
      html`<customer-360 customer-id=${CUSTOMER} api-base=${API} locale=${LOCALE} token=${ROLE_TOKENS.manager}></customer-360>`,
    );
    const toggle = await shown(el, '[part=audit-toggle]');
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    expect($$(el, 'audit-log')).to.have.length(0);
    toggle.click();
    await el.updateComplete;
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    const log = $(el, '[part=audit] audit-log') as HTMLElement & { customerId?: string };
    expect(log.customerId).to.equal(CUSTOMER);
    await waitUntil(() => !!log.shadowRoot?.querySelector('[part=table], [part~=empty]'), 'the audit log never loaded');
    expect(log.shadowRoot!.querySelector('[part~=denied]'), 'a manager may read it').to.equal(null);

    const agent = await fixture<Customer360Element>(
      html`<customer-360 customer-id=${CUSTOMER} api-base=${API} locale=${LOCALE} token=${ROLE_TOKENS.agent}></customer-360>`,
    );
    await shown(agent, '[part=quick-actions]');
    await waitUntil(
      () => !!(agent.shadowRoot!.querySelector('quick-actions') as HTMLElement | null)?.shadowRoot?.querySelector('[part~=action]'),
      'the agent’s actions never showed',
    );
    expect($$(agent, '[part=audit-toggle]')).to.have.length(0);
  });
});
