import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import './define.js';
import type { ExportButtonElement } from './export-button.js';
import { currentActor } from '../base/permissions.js';
import { $, $$, API, BAD_TOKEN, CUSTOMER, LOCALE, ROLE_TOKENS, apiClient, root, shown, text } from '../test-support/real-server.js';

describe('<export-button>', () => {
  const render = async (token?: string, id = CUSTOMER) => {
    const el = await fixture<ExportButtonElement>(
      html`<export-button customer-id=${id} api-base=${API} locale=${LOCALE} token=${token ?? ''}></export-button>`,
    );
    await currentActor(el.client!).catch(() => undefined);
    await el.updateComplete;
    return el;
  };

  /** Clicks the button of `format`; resolves to the temporary link it clicked (its download is prevented) and the event. */
  async function download(el: ExportButtonElement, format: 'pdf' | 'csv' | 'xlsx') {
    let link: { href: string; download: string } | undefined;
    const onClick = (e: Event) => {
      if (e.target instanceof HTMLAnchorElement) {
        link = { href: e.target.href, download: e.target.download };
        e.preventDefault();
      }
    };
    root(el).addEventListener('click', onClick, true);
    try {
      const button = $(el, `[data-format=${format}]`) as HTMLButtonElement;
      const exported = oneEvent(el, 'c360-exported');
      let progress = false;
      const observer = new MutationObserver(() => (progress ||= text(button) === 'Exporting…' && button.disabled));
      observer.observe(root(el), { subtree: true, childList: true, characterData: true, attributes: true });
      button.click();
      const event = await exported;
      observer.disconnect();
      expect(progress, 'the button showed progress').to.equal(true);
      return { link, event };
    } finally {
      root(el).removeEventListener('click', onClick, true);
    }
  }

  it('downloads a non-empty PDF through a temporary <a download>', async () => {
    const el = await render();
    expect($$(el, '[part~=button]').map(text)).to.deep.equal(['Export PDF', 'Export CSV', 'Export Excel']);
    await expect(el).to.be.accessible();
    const { link, event } = await download(el, 'pdf');
    expect(event.bubbles && event.composed).to.equal(true);
    expect(event.detail.format).to.equal('pdf');
    expect(event.detail.blob.size).to.be.above(1000);
    const head = new TextDecoder().decode(await event.detail.blob.slice(0, 5).arrayBuffer());
    expect(head).to.equal('%PDF-');
    expect(link?.download).to.equal(event.detail.filename);
    expect(link?.download).to.match(/\.pdf$/);
    expect(link?.href).to.match(/^blob:/);
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('a'), 'the temporary link is gone').to.equal(null);
    expect(text($(el, '[data-format=pdf]'))).to.equal('Export PDF');
  });

  it('downloads a CSV whose first lines name the customer', async () => {
    const el = await render();
    const { link, event } = await download(el, 'csv');
    expect(link?.download).to.match(/\.csv$/);
    const { profile } = await apiClient().getCustomer360(CUSTOMER);
    const firstLines = (await event.detail.blob.text()).split(/\r?\n/).slice(0, 10).join('\n');
    expect(firstLines).to.contain(profile.name);
  });

  it('downloads an Excel workbook (a zip of Office Open XML)', async () => {
    const el = await render();
    const { link, event } = await download(el, 'xlsx');
    expect(link?.download).to.match(/\.xlsx$/);
    expect(event.detail.format).to.equal('xlsx');
    const head = new Uint8Array(await event.detail.blob.slice(0, 2).arrayBuffer());
    expect(String.fromCharCode(...head)).to.equal('PK');
    expect(event.detail.blob.size).to.be.above(5000);
  });

  it('is hidden without the export permission (agent), shown to a manager', async () => {
    const agent = await render(ROLE_TOKENS.agent);
    expect($$(agent, 'button').length).to.equal(0);
    const viewer = await render(ROLE_TOKENS.viewer);
    expect($$(viewer, 'button').length).to.equal(0);
    const manager = await render(ROLE_TOKENS.manager);
    expect($$(manager, '[part~=button]').length).to.equal(3);
  });

  it('shows an error when the export fails, and access denied for a refused token', async () => {
    const el = await render(undefined, 'no-such-customer-4040');
    ($(el, '[data-format=csv]') as HTMLButtonElement).click();
    const error = await shown(el, '[part=error]');
    expect(text(error)).to.match(/^The CSV export failed: .*HTTP 404/);
    const denied = await render(BAD_TOKEN);
    expect(text(await shown(denied, '[part~=denied]'))).to.contain('Access denied');
  });

  it('asks for the file in its own language: a French element downloads a French PDF whatever the browser sends', async () => {
    // Without `locale` the server picks the language from the browser's Accept-Language: not French here.
    expect((await apiClient().exportCustomer(CUSTOMER, 'csv')).language).to.not.equal('fr');
    const el = await fixture<ExportButtonElement>(
      html`<export-button customer-id=${CUSTOMER} api-base=${API} locale="fr-FR"></export-button>`,
    );
    await currentActor(el.client!);
    await el.updateComplete;
    const saved: string[] = [];
    const onClick = (e: Event) => {
      if (e.target instanceof HTMLAnchorElement) {
        saved.push(e.target.download);
        e.preventDefault();
      }
    };
    root(el).addEventListener('click', onClick, true);
    try {
      const exported = oneEvent(el, 'c360-exported');
      const file = await el.export('pdf');
      const event = await exported;
      expect(file?.language, 'the server answered Content-Language: fr').to.equal('fr');
      expect(event.detail.language).to.equal('fr');
      expect(new TextDecoder().decode(await event.detail.blob.slice(0, 5).arrayBuffer())).to.equal('%PDF-');
      expect(saved).to.deep.equal([event.detail.filename]);
    } finally {
      root(el).removeEventListener('click', onClick, true);
    }
  });
});
