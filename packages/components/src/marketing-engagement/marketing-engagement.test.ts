import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { nothing } from 'lit';
import { sendKeys } from '@web/test-runner-commands';
import type { IngestEventInput, MarketingEngagement } from '@c360/sdk';
import './define.js';
import type { MarketingEngagementElement } from './marketing-engagement.js';
import { createClient } from '@c360/sdk';
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
  eventMaker,
  fmt,
  freshCustomer,
  postEvents,
  shown,
  text,
} from '../test-support/real-server.js';

const ev = eventMaker('marketing');

const CHANNEL = { email: 'Email', sms: 'SMS', push: 'Push', whatsapp: 'WhatsApp' } as const;

describe('<marketing-engagement>', () => {
  // Customers created for this run through the real ingestion API.
  let ENGAGED: string;
  let QUIET: string;
  let engaged: MarketingEngagement;
  before(async () => {
    [ENGAGED, QUIET] = await Promise.all([freshCustomer('MKT', 'Engaged Tester'), freshCustomer('MKT', 'Quiet Tester')]);
    const c = { customerId: ENGAGED };
    const at = (i: number) => new Date(Date.UTC(2011, 0, 10 + i * 25, 8)).toISOString();
    const campaign = (i: number) => ({ ...c, campaignId: `WTR-CMP-${RUN}-${i}`, campaignName: `Campaign ${i + 1}` });
    const later = (iso: string, hours: number) => new Date(Date.parse(iso) + hours * 3_600_000).toISOString();
    const events: IngestEventInput[] = [
      ev('preferences.updated', '2011-01-02T10:00:00.000Z', {
        ...c,
        optIns: { email: true, sms: true, push: false, whatsapp: true },
        quietHours: { start: '22:00', end: '07:30' },
        timezone: 'Europe/Paris',
        language: 'fr',
        frequency: 'weekly',
        reason: 'Signed up at checkout',
        source: 'checkout',
      }),
      ev('preferences.updated', '2011-06-01T10:00:00.000Z', {
        ...c,
        optIns: { sms: false },
        reason: 'Too many texts',
        source: 'preference-centre',
      }),
    ];
    // 11 email campaigns (only the last 10 are listed): every 2nd opened, every 4th clicked, #5 bounced.
    for (let i = 0; i < 11; i++) {
      events.push(ev('marketing.email_sent', at(i), campaign(i)));
      if (i === 5) events.push(ev('marketing.email_bounced', later(at(i), 1), { ...campaign(i), reason: 'Mailbox full' }));
      else if (i % 2 === 0) events.push(ev('marketing.email_opened', later(at(i), 3), campaign(i)));
      if (i % 4 === 0) events.push(ev('marketing.email_clicked', later(at(i), 4), campaign(i)));
    }
    await postEvents(events);
    engaged = await apiClient().getMarketing(ENGAGED);
  });

  const render = (id = ENGAGED, token?: string) =>
    fixture<MarketingEngagementElement>(
      html`<marketing-engagement customer-id=${id} api-base=${API} locale=${LOCALE} token=${token ?? nothing}></marketing-engagement>`,
    );
  const value = (el: Element, name: string) => text($(el, `[data-value="${name}"]`));
  const pref = (el: Element, name: string) => text($(el, `[part=preferences] [data-value="${name}"] dd`));

  /** Everything the element shows equals the SDK's response. */
  function expectShows(el: MarketingEngagementElement, m: MarketingEngagement) {
    for (const channel of ['email', 'sms', 'push', 'whatsapp'] as const) {
      const chip = $(el, `[part~=opt-in][data-channel=${channel}]`);
      expect(text(chip), channel).to.equal(`${CHANNEL[channel]}: ${m.optIns[channel] ? 'Yes' : 'No'}`);
      expect(chip.querySelector('svg'), `${channel} has an icon`).to.exist;
    }
    if (m.openRate === null) {
      expect(value(el, 'no-rates')).to.contain('No email delivered in the last 12 months');
      expect($$(el, '[data-value=open-rate]').length).to.equal(0);
    } else {
      const delivered = `of ${fmt.number(m.emailsDelivered)} delivered ${m.emailsDelivered === 1 ? 'email' : 'emails'}`;
      expect(value(el, 'open-rate'))
        .to.contain(fmt.percent(m.openRate))
        .and.contain(`${fmt.number(m.emailsOpened)} ${delivered}`);
      expect(value(el, 'click-rate'))
        .to.contain(fmt.percent(m.clickRate))
        .and.contain(`${fmt.number(m.emailsClicked)} ${delivered}`);
    }
    expect(value(el, 'last-open'))
      .to.contain(m.lastOpenAt ? fmt.date(m.lastOpenAt) : 'Never')
      .and.contain(m.lastOpenedCampaign?.name ?? '');
    expect(value(el, 'last-click'))
      .to.contain(m.lastClickAt ? fmt.date(m.lastClickAt) : 'Never')
      .and.contain(m.lastClickedCampaign?.name ?? '');
    const rows = $$(el, 'tr[part=campaign]');
    expect(rows.map((r) => r.dataset.campaignId)).to.deep.equal(m.campaigns.map((c) => c.id));
    rows.forEach((row, i) => {
      const c = m.campaigns[i]!;
      expect(text(row.querySelector('.name'))).to.equal(`${c.name} ${CHANNEL[c.channel]}${c.bounced ? ' · Bounced' : ''}`);
      expect(text(row.querySelector('.date'))).to.equal(fmt.date(c.sentAt));
      expect(text(row.querySelector('[data-mark=opened]'))).to.equal(c.opened ? 'Opened' : 'Not opened');
      expect(text(row.querySelector('[data-mark=clicked]'))).to.equal(c.clicked ? 'Clicked' : 'Not clicked');
    });
    const entries = $$(el, '[part=consent]');
    expect(entries.map((e) => e.dataset.consentId)).to.deep.equal(m.consentLog.map((c) => c.id));
    entries.forEach((entry, i) => {
      const c = m.consentLog[i]!;
      expect(text(entry))
        .to.contain(`${CHANNEL[c.channel]} ${c.granted ? 'Opted in' : 'Opted out'}`)
        .and.contain(fmt.dateTime(c.occurredAt));
      if (c.reason) expect(text(entry)).to.contain(c.reason);
      if (c.source) expect(text(entry)).to.contain(`source: ${c.source}`);
    });
    expect($$(el, '[part=segment]').map((s) => s.dataset.segmentId)).to.deep.equal(m.segments.map((s) => s.id));
    if (m.preferences.timezone) expect(pref(el, 'timezone')).to.equal(m.preferences.timezone);
  }

  it('shows the loading skeleton before the data arrives', async () => {
    const el = await render();
    expect($(el, '[part~=loading]')).to.exist;
  });

  it('shows opt-ins, rates with their counts, campaigns, preferences, consent log and segments as the API gives them', async () => {
    // What the events above must produce (guards the test data itself).
    expect(engaged.optIns).to.deep.equal({ email: true, sms: false, push: false, whatsapp: true });
    expect(engaged.campaigns).to.have.length(10);
    expect(engaged.consentLog.length).to.be.greaterThan(1);
    expect(engaged.openRate).to.be.a('number');
    const el = await render();
    await shown(el, '[part=opt-ins]');
    expectShows(el, engaged);
    expect(pref(el, 'quiet-hours')).to.equal('22:00–07:30 (overnight)');
    expect(pref(el, 'language')).to.equal('French (fr)');
    expect(pref(el, 'frequency')).to.equal('Weekly');
    const consent = (id: string) => text($(el, `[part=consent][data-consent-id="${id}"]`));
    const smsOptOut = engaged.consentLog.find((c) => c.reason === 'Too many texts')!;
    expect(consent(smsOptOut.id)).to.contain('SMS Opted out').and.contain('source: preference-centre');
    // Push was refused at signup (the customer's first statement): "Opted out", never "Withdrawn".
    const signupPush = engaged.consentLog.find((c) => c.channel === 'push')!;
    expect(signupPush).to.include({ granted: false, source: 'checkout' });
    expect(consent(signupPush.id)).to.contain('Push Opted out').and.not.contain('Withdrawn');
    expect(text($(el, '[part=consent-log]'))).to.not.contain('Withdrawn');
    expect(text($(el, 'tr[part=campaign]'))).to.contain('Campaign 11');
  });

  it('shows the sample customer as the SDK returns it', async () => {
    const m = await apiClient().getMarketing(CUSTOMER);
    const el = await render(CUSTOMER);
    await shown(el, '[part=opt-ins]');
    expectShows(el, m);
  });

  it('says "no email delivered in the last 12 months" instead of null rates', async () => {
    const m = await apiClient().getMarketing(QUIET);
    expect([m.openRate, m.clickRate]).to.deep.equal([null, null]);
    const el = await render(QUIET);
    await shown(el, '[part=opt-ins]');
    expectShows(el, m);
    expect(value(el, 'campaigns')).to.equal('No campaigns received.');
    expect(pref(el, 'quiet-hours')).to.equal('Not set');
    await expect(el).to.be.accessible();
  });

  it('is accessible, with the consent log open too', async () => {
    const el = await render();
    await shown(el, '[part=opt-ins]');
    await expect(el).to.be.accessible();
    ($(el, '[part=consent-log]') as HTMLDetailsElement).open = true;
    await expect(el).to.be.accessible();
  });

  it('opens the consent log from the keyboard', async () => {
    const el = await render(ENGAGED, ROLE_TOKENS.viewer); // no edit buttons before the log
    const log = (await shown(el, '[part=consent-log]')) as HTMLDetailsElement;
    (document.activeElement as HTMLElement | null)?.blur();
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement).to.equal(log.querySelector('summary'));
    expect(log.open).to.equal(false);
    await sendKeys({ press: 'Enter' });
    expect(log.open).to.equal(true);
  });

  it('lets an agent opt the customer out of SMS after a confirmation with a reason; the section, consent log, timeline and audit show it', async () => {
    const id = await freshCustomer('MKT', 'Consent Tester');
    await postEvents([
      ev('preferences.updated', '2011-02-01T10:00:00.000Z', {
        customerId: id,
        optIns: { email: true, sms: true },
        reason: 'signup',
        source: 'checkout',
      }),
    ]);
    const el = await render(id, ROLE_TOKENS.agent);
    const toggle = await shown(el, '[part=consent-toggle][data-channel=sms]');
    expect(text(toggle)).to.equal('Opt out');
    toggle.click();
    const dialog = $(el, 'dialog') as HTMLDialogElement;
    await waitUntil(() => dialog.open, 'the confirmation dialog never opened');
    expect(text(dialog.querySelector('h2'))).to.equal('Opt out of SMS?');
    // Confirm without a reason: refused in the dialog, nothing sent.
    $(el, '[part=confirm]').click();
    await waitUntil(() => !!dialog.querySelector('#pref-reason-error'), 'no error for the missing reason');
    expect(dialog.open).to.equal(true);
    const reason = $(el, '#pref-reason') as HTMLInputElement;
    reason.value = 'Asked by phone to stop texts';
    reason.dispatchEvent(new Event('input'));
    await el.updateComplete;
    $(el, '[part=confirm]').click();
    await waitUntil(() => !dialog.open && text($(el, '[part~=opt-in][data-channel=sms]')) === 'SMS: No', 'the SMS opt-in never showed No', {
      timeout: 8000,
    });
    expect(text($(el, '[part=consent-toggle][data-channel=sms]'))).to.equal('Opt in');
    const first = $$(el, '[part=consent]')[0]!;
    expect(text(first)).to.contain('SMS').and.contain('Opted out').and.contain('Asked by phone to stop texts').and.contain('phone');

    const timeline = await apiClient().getTimeline(id, { types: 'marketing', limit: 5 });
    expect(timeline.events[0]).to.include({ title: 'Communication preferences updated' });
    expect(timeline.events[0]!.description).to.contain('SMS opted out');
    const audit = await createClient({ baseUrl: API, token: ROLE_TOKENS.manager }).getAudit({
      customer: id,
      action: 'preferences.updated',
    });
    expect(audit.entries[0]).to.include({ actor: 'WTR agent', customerId: id });
  });

  it('lets an agent change the quiet hours after a confirmation', async () => {
    const id = await freshCustomer('MKT', 'Quiet Hours Tester');
    const el = await render(id, ROLE_TOKENS.agent);
    (await shown(el, '[part=edit-quiet-hours]')).click();
    const dialog = $(el, 'dialog') as HTMLDialogElement;
    await waitUntil(() => dialog.open, 'the quiet hours dialog never opened');
    for (const [name, value] of [
      ['start', '20:30'],
      ['end', '07:00'],
      ['timezone', 'Europe/Paris'],
    ] as const) {
      const input = $(el, `#pref-${name}`) as HTMLInputElement;
      input.value = value;
      input.dispatchEvent(new Event('input'));
    }
    await el.updateComplete;
    $(el, '[part=confirm]').click();
    await waitUntil(() => !dialog.open && pref(el, 'timezone') === 'Europe/Paris', 'the new quiet hours never showed', { timeout: 8000 });
    expect((await apiClient().getMarketing(id)).preferences.quietHours).to.deep.equal({ start: '20:30', end: '07:00' });
  });

  it('shows no edit buttons to a viewer', async () => {
    const el = await render(ENGAGED, ROLE_TOKENS.viewer);
    await shown(el, '[part=opt-ins]');
    await el.updateComplete;
    expect($$(el, '[part=consent-toggle], [part=edit-quiet-hours]')).to.have.length(0);
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
