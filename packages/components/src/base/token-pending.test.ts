import { expect, fixture, fixtureCleanup, html, waitUntil } from '@open-wc/testing';
import '../index.js';
import { configure } from './config.js';
import { API, CUSTOMER, LOCALE, TOKEN, ignoreBenignResizeObserverErrors } from '../test-support/real-server.js';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Every fetch the page makes from now on, with its answer's status (0 while unanswered). */
function recordFetches(): { readonly requests: { url: string; status: number }[]; restore(): void } {
  const original = window.fetch;
  const requests: { url: string; status: number }[] = [];
  window.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const entry = { url, status: 0 };
    requests.push(entry);
    const response = await original.call(window, input, init);
    entry.status = response.status;
    return response;
  };
  return { requests, restore: () => (window.fetch = original) };
}

describe('tokenPending: the page says a token is coming', () => {
  ignoreBenignResizeObserverErrors(beforeEach, afterEach, { suppressErrorLogging: true });

  afterEach(() => {
    configure({ token: TOKEN, tokenPending: false });
    fixtureCleanup();
  });

  it('elements send no request until configure({ token }), then load without a single 401', async () => {
    const fetches = recordFetches();
    try {
      configure({ tokenPending: true, token: undefined });
      const el = await fixture(html`<customer-360 api-base=${API} customer-id=${CUSTOMER} locale=${LOCALE}></customer-360>`);
      await pause(1500); // long enough for every section to have asked, were it allowed to
      expect(fetches.requests.map((r) => r.url)).to.deep.equal([]);
      expect(el.shadowRoot!.innerHTML).to.not.contain('part="error"');

      configure({ token: TOKEN });
      await waitUntil(
        () => fetches.requests.some((r) => r.url.endsWith(`/customers/${CUSTOMER}/360`) && r.status === 200),
        'the 360 view loaded',
        { timeout: 10_000 },
      );
      await pause(500);
      expect(fetches.requests.length).to.be.greaterThan(1);
      expect(fetches.requests.filter((r) => r.status === 401).map((r) => r.url)).to.deep.equal([]);
    } finally {
      fetches.restore();
    }
  });

  it('without tokenPending an element without a token asks anyway (and is refused): the mode is what prevents the burst', async () => {
    const fetches = recordFetches();
    try {
      configure({ tokenPending: false, token: undefined });
      await fixture(html`<customer-profile api-base=${API} customer-id=${CUSTOMER} locale=${LOCALE}></customer-profile>`);
      await waitUntil(() => fetches.requests.some((r) => r.status === 401), 'a refused request', { timeout: 5_000 });
    } finally {
      fetches.restore();
    }
  });
});
