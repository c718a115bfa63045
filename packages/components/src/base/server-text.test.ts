import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { Customer360, LoyaltyStatus, TimelinePage } from '@c360/sdk';
import '../customer-360/define.js';
import type { Customer360Element } from '../customer-360/customer-360.js';
import { formatter } from './format.js';
import { languageOf, useLanguage } from './localize.js';
import { segmentDescription } from './rfm-segments.js';
import { renderServerPieces, renderServerText } from './server-text.js';
import { $, API, CUSTOMER, apiClient, ignoreBenignResizeObserverErrors } from '../test-support/real-server.js';

/** Every text node of `node`, its shadow roots and theirs, joined (whitespace normalised). */
function deepText(node: Node): string {
  const out: string[] = [];
  const walk = (n: Node) => {
    if (n.nodeType === Node.TEXT_NODE) out.push(n.textContent ?? '');
    if (n instanceof Element && n.shadowRoot) walk(n.shadowRoot);
    n.childNodes.forEach(walk);
  };
  walk(node);
  return out.join(' ').replace(/\s+/g, ' ');
}

/** The English sentences the server wrote for the 360 view: score texts, timeline titles and descriptions it coded. */
function englishSentences(view: Customer360, timeline: TimelinePage): string[] {
  const coded = (pieces: TimelinePage['events'][number]['descriptionText']) =>
    !!pieces?.length && pieces.every((p) => p.code !== 'timeline.part.text');
  return [
    ...view.health.factors.map((f) => f.detail),
    ...view.health.recommendations.map((r) => r.text),
    ...view.churn.factors.map((f) => f.detail),
    ...view.churn.strategies.map((s) => s.text),
    ...timeline.events.filter((e) => e.titleText).map((e) => e.title),
    ...timeline.events.filter((e) => coded(e.descriptionText) && /[a-z]{3}/.test(e.description ?? '')).map((e) => e.description!),
  ].filter((s) => s.length >= 8);
}

describe('server text in the reader’s language (issue 12.5)', () => {
  ignoreBenignResizeObserverErrors(beforeEach, afterEach, { suppressErrorLogging: true });
  let view: Customer360;
  let timeline: TimelinePage;
  let loyalty: LoyaltyStatus;
  let rfmDescription: string;
  before(async () => {
    loyalty = await apiClient().getLoyalty(CUSTOMER);
    view = await apiClient().getCustomer360(CUSTOMER);
    timeline = await apiClient().getTimeline(CUSTOMER, { limit: 50 });
    const segments = (await apiClient().getSegments()).segments;
    rfmDescription = segments.find((s) => s.kind === 'rfm' && s.name === view.rfm?.segment)?.description ?? '';
  });
  afterEach(async () => {
    document.documentElement.removeAttribute('dir');
    await useLanguage('en');
  });

  for (const [locale, expected] of [
    ['fr-FR', ['Dernière commande terminée', 'Commande ']],
    ['ar-EG', ['آخر طلب مكتمل', 'الطلب ']],
  ] as const) {
    it(`shows customer ${CUSTOMER}'s 360 view in ${locale} without the server's English sentences`, async function () {
      this.timeout(90_000);
      const el = await fixture<Customer360Element>(
        html`<customer-360 locale=${locale} customer-id=${CUSTOMER} api-base=${API} style="width:1280px"></customer-360>`,
      );
      await useLanguage(languageOf(locale));
      const f = formatter(locale);
      const sentences = [
        ...englishSentences(view, timeline),
        ...loyalty.transactions.filter((t) => t.reasonText).map((t) => t.reason!),
        rfmDescription,
      ];
      expect(sentences.length).to.be.greaterThan(20);
      const translated = [
        ...view.health.factors.map((x) => renderServerText(x, x.detail, f)),
        ...view.health.recommendations.map((x) => renderServerText(x, x.text, f)),
        ...view.churn.factors.map((x) => renderServerText(x, x.detail, f)),
        ...view.churn.strategies.map((x) => renderServerText(x, x.text, f)),
        ...timeline.events.slice(0, 3).map((e) => renderServerText(e.titleText, e.title, f)),
        ...timeline.events.slice(0, 3).map((e) => renderServerPieces(e.descriptionText, e.description, f) ?? ''),
        ...loyalty.transactions.slice(0, 3).map((t) => renderServerText(t.reasonText, t.reason ?? '', f)),
        segmentDescription({ kind: 'rfm', name: view.rfm!.segment, description: rfmDescription })!,
      ].filter(Boolean);
      for (const tag of ['health-gauge', 'churn-risk', 'loyalty-status', 'customer-segments']) $(el, tag).scrollIntoView();
      $(el, 'customer-timeline').scrollIntoView();
      let page = '';
      const missing = () => translated.filter((t) => !page.includes(t.replace(/\s+/g, ' ')));
      try {
        await waitUntil(
          () => {
            page = deepText(el);
            return missing().length === 0;
          },
          '',
          { timeout: 30_000 },
        );
      } catch {
        expect(missing(), `${locale} renderings that never appeared`).to.deep.equal([]);
      }
      for (const words of expected) expect(page, words).to.contain(words);
      const english = sentences.filter((s) => page.includes(s));
      const where = english.map((e) => page.slice(Math.max(0, page.indexOf(e) - 60), page.indexOf(e) + e.length + 60));
      expect(english, `English sentences shown in ${locale}: …${where.join('… …')}…`).to.deep.equal([]);
    });
  }
});
