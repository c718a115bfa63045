import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import './define.js';
import '../customer-search/define.js';
import type { BulkExportElement } from './bulk-export.js';
import type { CustomerSearchElement } from '../customer-search/customer-search.js';
import { currentActor } from '../base/permissions.js';
import { $, $$, API, LOCALE, ROLE_TOKENS, apiClient, root, shown, text } from '../test-support/real-server.js';

/** Prevents the temporary `<a download>` of `el` from downloading; returns what it would have saved. */
function catchDownload(el: Element): { readonly link?: { download: string; href: string }; stop(): void } {
  const result: { link?: { download: string; href: string }; stop(): void } = {
    stop: () => root(el).removeEventListener('click', onClick, true),
  };
  function onClick(e: Event) {
    if (e.target instanceof HTMLAnchorElement) {
      result.link = { download: e.target.download, href: e.target.href };
      e.preventDefault();
    }
  }
  root(el).addEventListener('click', onClick, true);
  return result;
}

describe('<bulk-export>', () => {
  const render = async (query: string, token?: string) => {
    const el = await fixture<BulkExportElement>(
      html`<bulk-export query=${query} api-base=${API} locale=${LOCALE} token=${token ?? ''}></bulk-export>`,
    );
    await currentActor(el.client!).catch(() => undefined);
    await el.updateComplete;
    return el;
  };

  it('streams every match of the filters to one CSV, showing progress of the total, and saves it', async () => {
    const el = await render('country=France&sort=-lifetimeValue');
    await expect(el).to.be.accessible();
    const { total } = await apiClient().searchCustomers({ country: 'France', limit: 1 });
    const download = catchDownload(el);
    let sawProgress = false;
    const observer = new MutationObserver(
      () => (sawProgress ||= !!root(el).querySelector('progress') && /of/.test(text(root(el).querySelector('[part=status]')))),
    );
    observer.observe(root(el), { subtree: true, childList: true, characterData: true });
    const exported = oneEvent(el, 'c360-bulk-exported');
    ($(el, '[part=button]') as HTMLButtonElement).click();
    const event = await exported;
    observer.disconnect();
    download.stop();
    expect(sawProgress, 'a progress bar with "n of total customers"').to.equal(true);
    expect(event.bubbles && event.composed).to.equal(true);
    expect(event.detail.rows).to.equal(total);
    expect(event.detail.query).to.deep.equal({ country: 'France', sort: '-lifetimeValue' });
    const csv: string = await event.detail.blob.text();
    const lines = csv.split('\r\n').filter((l) => l && !l.startsWith('#'));
    expect(lines[0]).to.match(/^id,name,email/);
    expect(lines.length - 1).to.equal(total);
    expect(download.link?.download).to.equal(event.detail.filename);
    await el.updateComplete;
    expect(root(el).querySelector('progress'), 'the bar is gone when done').to.equal(null);
  });

  it('is hidden from roles without export (agent, viewer) and says why a bad filter fails', async () => {
    expect($$(await render('', ROLE_TOKENS.agent), 'button')).to.have.length(0);
    expect($$(await render('', ROLE_TOKENS.viewer), 'button')).to.have.length(0);
    const el = await render('ordersMin=-3');
    ($(el, '[part=button]') as HTMLButtonElement).click();
    expect(text(await shown(el, '[part=error]'))).to.match(/^The export failed: .*HTTP 400.*ordersMin/);
  });

  it('sits under the results of <customer-search> and exports what is searched', async () => {
    const search = await fixture<CustomerSearchElement>(html`<customer-search api-base=${API} locale=${LOCALE}></customer-search>`);
    search.filters = { country: 'France' };
    await waitUntil(() => !!root(search).querySelector('bulk-export'), 'the export control appears with results', { timeout: 8000 });
    const bulk = root(search).querySelector('bulk-export') as BulkExportElement;
    expect(bulk.query).to.deep.include({ country: 'France' });
    expect(bulk.query).to.not.have.property('limit');
  });

  it('asks for the CSV in its own language (Arabic here), whatever the browser sends', async () => {
    const el = await render('country=France');
    el.locale = 'ar-EG';
    await el.updateComplete;
    const download = catchDownload(el);
    try {
      const exported = oneEvent(el, 'c360-bulk-exported');
      await el.export();
      const event = await exported;
      expect(event.detail.language, 'the server answered Content-Language: ar').to.equal('ar');
      expect(event.detail.query, 'the filters, without the language').to.deep.equal({ country: 'France' });
      const header = (await event.detail.blob.text()).split('\r\n').find((l: string) => l && !l.startsWith('#'));
      expect(header).to.match(/[\u0600-\u06ff]/);
      expect(download.link?.download).to.equal(event.detail.filename);
    } finally {
      download.stop();
    }
  });
});
