import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { Customer360, Segment } from '@c360/sdk';
import './define.js';
import type { C360SegmentsChangedDetail, CustomerSegmentsElement } from './customer-segments.js';
import { describeCriteria } from './criteria.js';
import { currentActor } from '../base/permissions.js';
import {
  $,
  $$,
  API,
  CUSTOMER,
  LOCALE,
  ROLE_TOKENS,
  RUN,
  UNKNOWN_CUSTOMER,
  apiClient,
  countRequests,
  fmt,
  freshCustomer,
  shown,
  text,
} from '../test-support/real-server.js';

const HOW = { automatic: 'Automatically', manual: 'Manually' } as const;
const KIND = { rfm: 'RFM', rule: 'Rule', manual: 'Manual' } as const;

describe('<customer-segments>', () => {
  let manual: Segment;
  let other: Segment;
  let rule: Segment;
  let view: Customer360;
  before(async () => {
    const c360 = apiClient();
    manual = await c360.createSegment({ name: `Call back ${RUN}`, kind: 'manual', description: 'Customers to phone this week' });
    other = await c360.createSegment({ name: `Catalogue by post ${RUN}`, kind: 'manual' });
    // 17850 last bought 371 days before as-of, for £5,391.21: a member.
    rule = await c360.createSegment({
      name: `Lapsed big spenders ${RUN}`,
      kind: 'rule',
      criteria: {
        all: [
          { field: 'daysSinceLastPurchase', op: '>', value: 180 },
          { field: 'lifetimeValue', op: '>=', value: 500 },
        ],
      },
    });
    view = await c360.getCustomer360(CUSTOMER);
  });

  const render = (id: string) =>
    fixture<CustomerSegmentsElement>(html`<customer-segments customer-id=${id} api-base=${API} locale=${LOCALE}></customer-segments>`);
  const item = (el: Element, id: string) => $(el, `[part~=segment][data-segment-id="${id}"]`);
  const field = (row: Element, name: string) => text(row.querySelector(`[data-field=${name}]`));
  const select = (el: Element) => $(el, '[part=segment-select]') as HTMLSelectElement;
  const choose = (el: Element, segmentId: string) => {
    select(el).value = segmentId;
    select(el).dispatchEvent(new Event('change'));
  };

  it('puts criteria into words', () => {
    expect(describeCriteria(rule.criteria!, LOCALE)).to.equal('Days since last purchase > 180 and Lifetime value ≥ 500');
    expect(
      describeCriteria(
        {
          all: [
            { field: 'lifetimeValue', op: '>=', value: 1000 },
            {
              any: [
                { field: 'tier', op: 'in', value: ['gold', 'platinum'] },
                { field: 'churnScore', op: '>=', value: 67 },
              ],
            },
            { not: { field: 'tag', op: 'contains', value: 'do-not-contact' } },
            { field: 'registeredAt', op: 'after', value: '2011-06-01' },
            { field: 'country', op: '!=', value: 'France' },
          ],
        },
        LOCALE,
      ),
    ).to.equal(
      'Lifetime value ≥ 1,000 and (Loyalty tier is Gold or Platinum or Churn risk score ≥ 67) and Does not have the tag “do-not-contact” and Registered after 1 Jun 2011 and Country ≠ “France”',
    );
    expect(describeCriteria({ field: 'rfmSegment', op: '=', value: 'Champions' }, LOCALE)).to.equal('RFM segment = Champions');
    expect(
      describeCriteria(
        {
          not: {
            any: [
              { field: 'totalOrders', op: '<', value: 2 },
              { field: 'tag', op: 'in', value: ['a', 'b'] },
            ],
          },
        },
        LOCALE,
      ),
    ).to.equal('not (Total orders < 2 or Has the tag “a” or “b”)');
  });

  it("shows the sample customer's segments as /360 gives them: the RFM segment with its scores, the rule in words", async () => {
    expect(view.rfm, 'guards the sample: 17850 has an RFM segment').to.not.equal(null);
    expect(view.segments.map((s) => s.id)).to.include(rule.id);
    const el = await render(CUSTOMER);
    await shown(el, '[part~=segment]');
    expect($$(el, '[part~=segment]').map((s) => s.dataset.segmentId)).to.deep.equal(view.segments.map((s) => s.id));
    for (const m of view.segments) {
      const row = item(el, m.id);
      expect(text(row.querySelector('[part=name]'))).to.equal(m.name);
      expect(text(row.querySelector('[part~=kind]'))).to.equal(`${KIND[m.kind]} segment`);
      expect(field(row, 'how')).to.equal(HOW[m.how]);
      expect(row.part.contains(`segment-${m.kind}`)).to.equal(true);
    }
    // The RFM segment is the one of /360, with its R, F and M scores.
    const rfm = view.segments.find((s) => s.kind === 'rfm')!;
    expect(rfm.name).to.equal(view.rfm!.segment);
    const rfmRow = item(el, rfm.id);
    expect(rfmRow.querySelector<HTMLElement>('[part=rfm]')!.dataset.score).to.equal(view.rfm!.score);
    expect(text(rfmRow.querySelector('[part=rfm] .scores'))).to.equal(`R ${view.rfm!.r} F ${view.rfm!.f} M ${view.rfm!.m}`);
    await waitUntil(() => field(rfmRow, 'criteria') !== '—', 'the criteria never came');
    expect(field(rfmRow, 'criteria')).to.equal(`RFM segment = ${view.rfm!.segment}`);
    expect(field(rfmRow, 'assigned')).to.equal(`As of ${fmt.date(view.asOf)}`);
    // The rule segment: criteria in words, the date the customer entered it.
    const ruleRow = item(el, rule.id);
    const membership = view.segments.find((s) => s.id === rule.id)!;
    expect(field(ruleRow, 'criteria')).to.equal('Days since last purchase > 180 and Lifetime value ≥ 500');
    expect(field(ruleRow, 'assigned')).to.equal(fmt.date(membership.assignedAt));
    await expect(el).to.be.accessible();
  });

  it('gives automatic memberships no remove button, and says why', async () => {
    const el = await render(CUSTOMER);
    await shown(el, '[part~=segment]');
    for (const row of $$(el, '[part~=segment][data-how=automatic]')) {
      expect(row.querySelector('[part=remove]'), row.dataset.segmentId).to.equal(null);
      expect(text(row.querySelector('[data-why]'))).to.match(
        /^Automatic: follows the (customer’s RFM scores|segment’s rule), so it cannot be removed by hand\.$/,
      );
    }
    expect($$(el, '[part~=segment][data-how=automatic]').length).to.be.at.least(2);
  });

  it('adds the customer to a manual segment and removes it after confirming; the API reflects both', async () => {
    const id = await freshCustomer('SEG', 'Segment Tester');
    const el = await render(id);
    expect(text(await shown(el, '[part~=empty]'))).to.equal('Not in any segment.');
    await shown(el, '[part=segment-select]');
    const offered = [...select(el).options].map((o) => o.value);
    expect(offered).to.include.members([manual.id, other.id]);
    expect(offered).to.not.include(rule.id); // rule and RFM memberships are computed
    expect(offered.filter((v) => v.startsWith('rfm:'))).to.deep.equal([]);
    const label = [...select(el).options].find((o) => o.value === manual.id)!;
    expect(text(label)).to.equal(`${manual.name} (${fmt.number(manual.memberCount)} customers)`);

    // Add.
    choose(el, manual.id);
    await el.updateComplete;
    setTimeout(() => $(el, '[part=add-button]').click());
    const added: CustomEvent<C360SegmentsChangedDetail> = await oneEvent(el, 'c360-segments-changed');
    expect(added.detail.segments.map((s) => s.id)).to.deep.equal([manual.id]);
    await el.updateComplete;
    const row = item(el, manual.id);
    expect(field(row, 'how')).to.equal('Manually');
    expect(field(row, 'criteria')).to.equal('None: added by hand');
    expect(text(row)).to.contain('Customers to phone this week');
    const afterAdd = await apiClient().getCustomer360(id);
    const membership = afterAdd.segments.find((s) => s.id === manual.id)!;
    expect(membership).to.include({ kind: 'manual', how: 'manual' });
    expect(field(row, 'assigned')).to.equal(fmt.date(membership.assignedAt));
    expect(text($(el, '.announcement'))).to.equal(`Added to “${manual.name}”.`);
    expect([...select(el).options].map((o) => o.value)).to.not.include(manual.id);

    // Remove: ask, cancel with Escape, ask again, confirm.
    const remove = row.querySelector<HTMLButtonElement>('[part=remove]')!;
    expect(remove.getAttribute('aria-label')).to.equal(`Remove from segment ${manual.name}…`);
    remove.click();
    await el.updateComplete;
    const confirm = $(el, '[part~=confirm]');
    expect(confirm.getAttribute('role')).to.equal('group');
    expect(text(confirm)).to.contain(`Remove this customer from “${manual.name}”? The removal is recorded in the audit log.`);
    expect(el.shadowRoot!.activeElement).to.equal($(el, '[part=cancel]'));
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect($$(el, '[part~=confirm]')).to.have.length(0);
    expect(el.shadowRoot!.activeElement).to.equal(item(el, manual.id).querySelector('[part=remove]'));
    expect((await apiClient().getCustomer360(id)).segments.map((s) => s.id)).to.deep.equal([manual.id]); // nothing removed yet
    item(el, manual.id).querySelector<HTMLButtonElement>('[part=remove]')!.click();
    await el.updateComplete;
    setTimeout(() => $(el, '[part=confirm-remove]').click());
    const removed: CustomEvent<C360SegmentsChangedDetail> = await oneEvent(el, 'c360-segments-changed');
    expect(removed.detail.segments).to.deep.equal([]);
    await el.updateComplete;
    expect($$(el, '[part~=segment]')).to.have.length(0);
    expect(text($(el, '.announcement'))).to.equal(`Removed from “${manual.name}”.`);
    expect(el.shadowRoot!.activeElement).to.equal(select(el));
    expect((await apiClient().getCustomer360(id)).segments).to.deep.equal([]);
  });

  it('is read-only without segments:write (R19.3): viewer and agent see the memberships, no form or Remove, and GET /segments is never asked; a manager may change them', async () => {
    expect(ROLE_TOKENS.viewer, 'role tokens minted by the test runner').to.match(/^c360_/);
    const id = await freshCustomer('SEG', 'Read Only Segments');
    await apiClient().addToSegment(id, manual.id);
    const renderAs = (token: string) =>
      fixture<CustomerSegmentsElement>(
        html`<customer-segments customer-id=${id} api-base=${API} locale=${LOCALE} token=${token}></customer-segments>`,
      );
    const catalogue = countRequests(`${API}/segments`);
    try {
      for (const role of ['viewer', 'agent'] as const) {
        const el = await renderAs(ROLE_TOKENS[role]);
        const row = await shown(el, `[part~=segment][data-segment-id="${manual.id}"]`);
        expect((await currentActor(el.client!)).role).to.equal(role);
        await el.updateComplete;
        expect(el.canWrite, role).to.equal(false);
        expect(text(row.querySelector('[part=name]')), role).to.equal(manual.name);
        expect(field(row, 'how'), role).to.equal('Manually');
        expect($$(el, '[part=add], [part=segment-select], [part=add-button], [part=remove]'), role).to.have.length(0);
        expect($$(el, '[part~=state]'), `${role}: no error or access-denied box`).to.have.length(0);
        await expect(el).to.be.accessible();
      }
      expect(catalogue.count, 'GET /segments by a viewer or an agent').to.equal(0);

      const manager = await renderAs(ROLE_TOKENS.manager);
      await shown(manager, '[part=segment-select]');
      expect(manager.canWrite).to.equal(true);
      expect(catalogue.count).to.be.at.least(1);
      expect(item(manager, manual.id).querySelector('[part=remove]')).to.exist;
      expect(text(item(manager, manual.id))).to.contain('Customers to phone this week'); // the catalogue's description
      // Member counts come from the catalogue.
      const count = (await apiClient().getSegments()).segments.find((s) => s.id === other.id)!.memberCount;
      const label = [...select(manager).options].find((o) => o.value === other.id)!;
      expect(text(label)).to.equal(`${other.name} (${fmt.number(count)} ${count === 1 ? 'customer' : 'customers'})`);
    } finally {
      catalogue.restore();
    }
  });

  it('names an unknown customer in its error, with Retry', async () => {
    const el = await render(UNKNOWN_CUSTOMER);
    expect(text(await shown(el, '[part~=error]'))).to.contain(`Customer "${UNKNOWN_CUSTOMER}" was not found`);
    expect($(el, '[part=retry]')).to.exist;
  });
});
