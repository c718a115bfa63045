import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { LoyaltyStatus } from '@c360/sdk';
import './define.js';
import type { LoyaltyStatusElement } from './loyalty-status.js';
import {
  $,
  $$,
  API,
  CUSTOMER,
  LOCALE,
  RUN,
  UNKNOWN_CUSTOMER,
  apiClient,
  eventMaker,
  fmt,
  freshCustomer,
  postEvents,
  shown,
  text,
} from '../test-support/real-server.js';

const ev = eventMaker('loyalty');

const TIER = { bronze: 'Bronze', silver: 'Silver', gold: 'Gold', platinum: 'Platinum' } as const;
const KIND = { earn: 'Earned', redeem: 'Redeemed', expire: 'Expired', adjust: 'Adjusted' } as const;
const signed = new Intl.NumberFormat(LOCALE, { signDisplay: 'exceptZero' });

describe('<loyalty-status>', () => {
  // Customers created for this run through the real ingestion API.
  let MEMBER: string;
  let NOT_ENROLLED: string;
  let member: LoyaltyStatus;
  before(async () => {
    [MEMBER, NOT_ENROLLED] = await Promise.all([freshCustomer('LOY', 'Loyal Tester'), freshCustomer('LOY', 'Not Enrolled')]);
    const c = { customerId: MEMBER };
    const day = (d: number) => new Date(Date.UTC(2011, 0, 5 + d * 20)).toISOString();
    await postEvents([
      ev('loyalty.enrolled', '2011-01-02T09:00:00.000Z', { ...c, tier: 'silver', referralCode: `WTR-${RUN}` }),
      // 12 earnings (so only the last 10 transactions are listed); three expire within 30 days of as-of (2011-12-09).
      ...Array.from({ length: 12 }, (_, i) =>
        ev('loyalty.points_earned', day(i), {
          ...c,
          points: 150,
          reason: `Order WTR-${i + 1}`,
          expiresAt: i < 3 ? '2011-12-31T23:59:59.000Z' : '2012-06-30T23:59:59.000Z',
        }),
      ),
      ev('loyalty.points_redeemed', '2011-11-20T10:00:00.000Z', { ...c, points: 300, reason: '£3 voucher' }),
      ev('referral.recorded', '2011-03-01T10:00:00.000Z', { ...c, referralId: `WTR-REF-${RUN}-1` }),
      ev('referral.recorded', '2011-04-01T10:00:00.000Z', { ...c, referralId: `WTR-REF-${RUN}-2` }),
    ]);
    member = await apiClient().getLoyalty(MEMBER);
  });

  const render = (id = MEMBER) =>
    fixture<LoyaltyStatusElement>(html`<loyalty-status customer-id=${id} api-base=${API} locale=${LOCALE}></loyalty-status>`);
  const value = (el: Element, name: string) => text($(el, `[data-value="${name}"]`));

  /** Everything the element shows equals the SDK's response. */
  function expectShows(el: LoyaltyStatusElement, l: LoyaltyStatus) {
    expect(text($(el, '[part=tier]'))).to.equal(`${TIER[l.tier!]} tier`);
    expect($(el, '[part=tier]').dataset.tier).to.equal(l.tier);
    expect(value(el, 'balance')).to.equal(fmt.number(l.pointsBalance));
    expect(value(el, 'lifetime')).to.equal(fmt.number(l.lifetimePoints));
    const bar = $(el, '[role=progressbar]');
    expect(bar.getAttribute('aria-valuenow')).to.equal(String(Math.round(l.progress * 100)));
    expect([bar.getAttribute('aria-valuemin'), bar.getAttribute('aria-valuemax')]).to.deep.equal(['0', '100']);
    expect(value(el, 'to-next-tier')).to.equal(
      l.nextTier
        ? `${fmt.number(l.pointsToNextTier)} ${l.pointsToNextTier === 1 ? 'point' : 'points'} to ${TIER[l.nextTier]}`
        : `Top tier reached (${TIER[l.tier!]})`,
    );
    expect(value(el, 'expiring')).to.contain(l.pointsExpiringIn30Days > 0 ? fmt.number(l.pointsExpiringIn30Days) : 'No points expire');
    expect($$(el, '[part~=expiring-soon]').length).to.equal(l.pointsExpiringIn30Days > 0 ? 1 : 0);
    expect(value(el, 'referral-code')).to.equal(l.referralCode ?? 'None');
    expect(value(el, 'referral-count')).to.equal(fmt.number(l.referralCount));
    const rows = $$(el, 'tr[part=transaction]');
    expect(rows.map((r) => r.dataset.transactionId)).to.deep.equal(l.transactions.map((t) => t.id));
    rows.forEach((row, i) => {
      const t = l.transactions[i]!;
      const cells = [...row.querySelectorAll('td')].map(text);
      expect(cells[0]).to.equal(KIND[t.kind]);
      expect(cells[1]).to.equal(signed.format(t.points));
      expect(cells[2]).to.contain(t.reason ?? '—');
      expect(cells[3]).to.equal(fmt.date(t.occurredAt));
    });
  }

  it('shows the loading skeleton before the data arrives', async () => {
    const el = await render();
    expect($(el, '[part~=loading]')).to.exist;
  });

  it("shows a member's tier, points, progress, expiring points, referrals and last 10 transactions as the API gives them", async () => {
    // What the events above must produce (guards the test data itself).
    expect(member).to.include({
      enrolled: true,
      tier: 'silver',
      lifetimePoints: 1800,
      pointsBalance: 1500,
      nextTier: 'gold',
      pointsToNextTier: 3200,
      referralCount: 2,
    });
    expect(member.pointsExpiringIn30Days).to.be.greaterThan(0);
    expect(member.transactions).to.have.length(10);
    const el = await render();
    await shown(el, '[part=tier]');
    expectShows(el, member);
    expect(value(el, 'to-next-tier')).to.equal('3,200 points to Gold');
    expect($(el, '[role=progressbar]').getAttribute('aria-valuenow')).to.equal('20'); // (1800 − 1000) / (5000 − 1000)
    expect(text($(el, 'tr[part=transaction]')))
      .to.contain('£3 voucher')
      .and.contain(signed.format(-300));
  });

  it('shows the sample customer as the SDK returns it', async () => {
    const l = await apiClient().getLoyalty(CUSTOMER);
    const el = await render(CUSTOMER);
    if (!l.enrolled) {
      expect(text(await shown(el, '[part~=empty]'))).to.contain('Not enrolled');
      return;
    }
    await shown(el, '[part=tier]');
    expectShows(el, l);
  });

  it('is accessible', async () => {
    const el = await render();
    await shown(el, '[part=tier]');
    await expect(el).to.be.accessible();
  });

  it('says so when the customer is not enrolled', async () => {
    const el = await render(NOT_ENROLLED);
    expect(text(await shown(el, '[part~=empty]'))).to.equal('Not enrolled in the loyalty programme.');
    await expect(el).to.be.accessible();
  });

  it('copies the referral code from the keyboard and announces it', async () => {
    const copied: string[] = [];
    Object.defineProperty(navigator.clipboard, 'writeText', { configurable: true, value: async (t: string) => void copied.push(t) });
    try {
      const el = await render();
      const copy = await shown(el, '[part=copy]');
      (document.activeElement as HTMLElement | null)?.blur();
      await sendKeys({ press: 'Tab' });
      expect(el.shadowRoot!.activeElement).to.equal(copy);
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(copied).to.deep.equal([`WTR-${RUN}`]);
      expect(text($(el, '.feedback[role=status]'))).to.equal('Copied');
    } finally {
      Reflect.deleteProperty(navigator.clipboard, 'writeText');
    }
  });

  it('selects the code when the clipboard refuses', async () => {
    Object.defineProperty(navigator.clipboard, 'writeText', {
      configurable: true,
      value: () => Promise.reject(new DOMException('denied', 'NotAllowedError')),
    });
    try {
      const el = await render();
      await shown(el, '[part=copy]');
      expect(await el.copyReferralCode()).to.equal(false);
      await el.updateComplete;
      expect(text($(el, '.feedback'))).to.contain('Copy failed');
      expect(String(getSelection())).to.equal(`WTR-${RUN}`);
    } finally {
      Reflect.deleteProperty(navigator.clipboard, 'writeText');
    }
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
