import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { nothing } from 'lit';
import type { PaymentsOverview } from '@c360/sdk';
import './define.js';
import type { PaymentMethodsElement } from './payment-methods.js';
import {
  $,
  $$,
  API,
  CUSTOMER,
  LOCALE,
  ROLE_TOKENS,
  UNKNOWN_CUSTOMER,
  apiClient,
  eventMaker,
  fmt,
  freshCustomer,
  postEvents,
  root,
  shown,
  text,
} from '../test-support/real-server.js';

const ev = eventMaker('pay');

describe('<payment-methods>', () => {
  /** A customer with an expired default card, a valid card, PayPal, and every kind of transaction (as-of 2011-12-09). */
  let FLAGGED: string;
  /** A customer with no payment data at all. */
  let EMPTY: string;
  let sample: PaymentsOverview;
  let flagged: PaymentsOverview;
  before(async () => {
    [FLAGGED, EMPTY] = await Promise.all([freshCustomer('PAY', 'Test Payments'), freshCustomer('PAY', 'Test No Payments')]);
    const c = { customerId: FLAGGED };
    await postEvents([
      ev('payment_method.saved', '2011-01-01T10:00:00Z', {
        ...c,
        methodId: 'WTR-M1',
        type: 'card',
        brand: 'visa',
        last4: '4242',
        expMonth: 11,
        expYear: 2011,
        default: true,
      }),
      ev('payment_method.saved', '2011-02-01T10:00:00Z', {
        ...c,
        methodId: 'WTR-M2',
        type: 'card',
        brand: 'mastercard',
        last4: '5555',
        expMonth: 12,
        expYear: 2011,
      }),
      ev('payment_method.saved', '2011-01-15T10:00:00Z', { ...c, methodId: 'WTR-M3', type: 'paypal' }),
      ev('payment.recorded', '2011-03-01T10:00:00Z', {
        ...c,
        paymentId: 'WTR-P1',
        kind: 'charge',
        amount: 100,
        currency: 'GBP',
        methodId: 'WTR-M1',
        orderId: 'WTR-O1',
      }),
      ev('payment.recorded', '2011-04-01T10:00:00Z', {
        ...c,
        paymentId: 'WTR-P2',
        kind: 'charge',
        status: 'failed',
        amount: 45.5,
        currency: 'GBP',
        methodId: 'WTR-M2',
      }),
      ev('payment.recorded', '2011-04-01T10:05:00Z', {
        ...c,
        paymentId: 'WTR-P3',
        kind: 'charge',
        amount: 45.5,
        currency: 'GBP',
        methodId: 'WTR-M2',
      }),
      ev('payment.recorded', '2011-05-01T10:00:00Z', {
        ...c,
        paymentId: 'WTR-P4',
        kind: 'refund',
        amount: 20.25,
        currency: 'GBP',
        reference: 'RF-4',
      }),
      ev('payment.recorded', '2011-07-01T10:00:00Z', {
        ...c,
        paymentId: 'WTR-P5',
        kind: 'charge',
        status: 'pending',
        amount: 12.34,
        currency: 'GBP',
        methodId: 'WTR-M3',
      }),
    ]);
    [sample, flagged] = await Promise.all([apiClient().getPayments(CUSTOMER), apiClient().getPayments(FLAGGED)]);
  });

  const render = (id = CUSTOMER, extra: { orderHref?: string; pageSize?: number } = {}) =>
    fixture<PaymentMethodsElement>(
      html`<payment-methods customer-id=${id} api-base=${API} locale=${LOCALE} page-size=${extra.pageSize ?? 10} order-href=${extra.orderHref ?? nothing}></payment-methods>`,
    );
  const rows = (el: Element) => $$(el, 'tbody tr[part~=transaction]');
  const methods = (el: Element) => $$(el, '[part~=method]');

  it('shows the loading skeleton before the data arrives', async () => {
    const el = await render();
    expect($(el, '[part~=loading]')).to.exist;
  });

  it("renders the sample customer's methods, totals and transactions newest first, as the API returns them", async () => {
    const el = await render();
    await shown(el, '[part=totals]');
    expect(text($(el, '[data-total=succeeded]'))).to.equal(fmt.money(sample.totals.succeeded, sample.currency));
    expect(text($(el, '[data-total=refunded]'))).to.equal(fmt.money(sample.totals.refunded, sample.currency));
    expect(text($(el, '[data-total=failed]'))).to.equal(fmt.number(sample.totals.failedCount));

    expect(methods(el).map((m) => m.dataset.methodId)).to.deep.equal(sample.methods.map((m) => m.id));
    sample.methods.forEach((m, i) => {
      const item = methods(el)[i]!;
      if (m.last4) expect(text(item)).to.contain(`•••• ${m.last4}`).and.contain(`ending in ${m.last4}`);
      if (m.expMonth && m.expYear)
        expect(text(item.querySelector('[data-expiry]'))).to.match(
          new RegExp(`^Expire[sd] ${String(m.expMonth).padStart(2, '0')}/${String(m.expYear % 100).padStart(2, '0')}$`),
        );
      expect(!!item.querySelector('[data-badge=default]'), `${m.id} default`).to.equal(m.default);
      expect(!!item.querySelector('[data-badge=expired]'), `${m.id} expired`).to.equal(m.expired);
    });

    const first = sample.transactions.slice(0, 10);
    expect(rows(el).map((r) => r.dataset.transactionId)).to.deep.equal(first.map((t) => t.id));
    const t = first[0]!;
    const cells = [...rows(el)[0]!.querySelectorAll('td')].map(text);
    expect(cells[0]).to.equal(fmt.date(t.occurredAt));
    expect(cells[1]).to.equal(fmt.money(t.amount, t.currency));
    expect(cells[2]!.toLowerCase()).to.contain(t.kind).and.contain(t.status);
    // Every flagged transaction of the API (failed or a refund) is highlighted, and only those.
    for (const row of rows(el)) {
      const tx = sample.transactions.find((x) => x.id === row.dataset.transactionId)!;
      expect(row.getAttribute('part')!.includes('transaction-flagged'), tx.id).to.equal(tx.flagged);
    }
  });

  it('reveals further transactions with "Show more" until all are shown', async () => {
    expect(sample.transactions.length, 'the sample customer has more than one page of payments').to.be.greaterThan(10);
    const el = await render();
    await shown(el, '[part=table]');
    while (root(el).querySelector('[part=show-more]')) {
      const before = rows(el).length;
      $(el, '[part=show-more]').click();
      await el.updateComplete;
      expect(rows(el).length).to.equal(Math.min(before + 10, sample.transactions.length));
    }
    expect(rows(el).map((r) => r.dataset.transactionId)).to.deep.equal(sample.transactions.map((t) => t.id));
  });

  it('badges the default and the expired card (as of the server date), in words', async () => {
    const el = await render(FLAGGED);
    await shown(el, '[part~=method]');
    expect(flagged.methods.find((m) => m.id === 'WTR-M1')).to.include({ default: true, expired: true });
    const visa = $(el, '[data-method-id=WTR-M1]');
    expect(visa.getAttribute('part')).to.equal('method method-default method-expired');
    expect(text(visa.querySelector('[data-badge=expired]'))).to.equal('Expired');
    expect(text(visa.querySelector('[data-badge=default]'))).to.equal('Default');
    expect(text(visa.querySelector('[data-expiry]'))).to.equal('Expired 11/11');
    expect(text(visa)).to.contain('Visa');
    const mastercard = $(el, '[data-method-id=WTR-M2]');
    expect(mastercard.querySelector('[data-badge]')).to.equal(null);
    expect(text(mastercard.querySelector('[data-expiry]'))).to.equal('Expires 12/11');
    expect(text($(el, '[data-method-id=WTR-M3]'))).to.contain('PayPal');
  });

  it('highlights failed payments and refunds with a tint, an icon and a word', async () => {
    const el = await render(FLAGGED);
    await shown(el, '[part=table]');
    expect(rows(el).map((r) => r.dataset.transactionId)).to.deep.equal(flagged.transactions.map((t) => t.id));
    const row = (id: string) => $(el, `[data-transaction-id=${id}]`);
    const tint = (r: HTMLElement) => getComputedStyle(r).backgroundColor;

    const failed = row('WTR-P2');
    expect(failed.dataset.flag).to.equal('failed');
    expect(text(failed.querySelector('[data-status]'))).to.equal('Failed');
    expect(failed.querySelector('svg.flag-icon')).to.exist;

    const refund = row('WTR-P4');
    expect(refund.dataset.flag).to.equal('refund');
    expect(text(refund.querySelector('[data-kind]'))).to.equal('Refund');
    expect(text(refund)).to.contain('RF-4');

    for (const id of ['WTR-P1', 'WTR-P3', 'WTR-P5']) {
      expect(row(id).dataset.flag, id).to.equal(undefined);
      expect(row(id).querySelector('svg.flag-icon'), id).to.equal(null);
      expect(tint(row(id))).to.not.equal(tint(failed));
    }
    expect(tint(failed)).to.equal(tint(refund));
    expect(tint(failed)).to.not.equal('rgba(0, 0, 0, 0)');
    expect(text(row('WTR-P5').querySelector('[data-status]'))).to.equal('Pending');
    expect(text($(el, '[data-total=succeeded]'))).to.equal(fmt.money(145.5, 'GBP'));
    expect(text($(el, '[data-total=refunded]'))).to.equal(fmt.money(20.25, 'GBP'));
    expect(text($(el, '[data-total=failed]'))).to.equal('1');
    await expect(el).to.be.accessible();
  });

  it("dispatches c360-navigate for a transaction's order", async () => {
    const el = await render(FLAGGED);
    const button = await shown(el, '[data-transaction-id=WTR-P1] button[part=order-link]');
    setTimeout(() => button.click());
    const event = await oneEvent(document, 'c360-navigate');
    expect(event.detail).to.deep.equal({ kind: 'order', id: 'WTR-O1' });
  });

  it('shows an agent the brand, last 4 digits and expiry, and no processor reference (R9.2)', async () => {
    const el = await fixture<PaymentMethodsElement>(
      html`<payment-methods customer-id=${FLAGGED} api-base=${API} locale=${LOCALE} token=${ROLE_TOKENS.agent}></payment-methods>`,
    );
    await shown(el, '[part~=method]');
    const visa = $(el, '[data-method-id="WTR-M1"]');
    expect(text(visa)).to.contain('Visa').and.contain('•••• 4242').and.contain('ending in 4242');
    expect(text(visa.querySelector('[data-expiry]'))).to.equal('Expired 11/11');
    expect(text($(el, '[data-method-id="WTR-M2"] [data-expiry]'))).to.equal('Expires 12/11');
    expect(text($(el, '[data-transaction-id="WTR-P4"]'))).to.not.contain('RF-4'); // a billing detail: payments:full only
    const admin = await render(FLAGGED);
    await shown(admin, '[data-transaction-id="WTR-P4"]');
    expect(text($(admin, '[data-transaction-id="WTR-P4"]'))).to.contain('RF-4');
  });

  it('says so when there are no saved methods and no payments', async () => {
    const el = await render(EMPTY);
    await shown(el, '[part=totals]');
    expect($$(el, '[part~=empty]').map(text)).to.deep.equal(['No saved payment methods.', 'No payments yet.']);
    expect(text($(el, '[data-total=succeeded]'))).to.equal(fmt.money(0, 'GBP'));
    expect(text($(el, '[data-total=failed]'))).to.equal('0');
    await expect(el).to.be.accessible();
  });

  it('is accessible', async () => {
    const el = await render();
    await shown(el, '[part=table]');
    await expect(el).to.be.accessible();
  });

  it('turns transactions into cards when narrow', async () => {
    const el = await render(FLAGGED);
    await shown(el, '[part=table]');
    el.style.width = '320px';
    await el.updateComplete;
    await new Promise(requestAnimationFrame);
    expect(getComputedStyle(rows(el)[0]!).display).to.equal('grid');
    expect($(el, 'table').scrollWidth).to.be.at.most(320);
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
