/**
 * Exports in the reader's language (issue 12.5): the PDF of the demo customer 17850 in French and
 * Arabic, its text extracted with pdf.js — no English sentence of the server's catalogue, no
 * English heading or label, no internal key; Arabic in logical order and laid out right to left;
 * the DejaVu Sans font embedded. CSV and Excel: translated headers and sheet names, the same cells.
 * `?locale=` is validated; `Accept-Language` chooses when it is absent.
 */
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSampleApp, withToken, type SampleApp } from '../helpers/sample-db.js';
import { en } from '../../src/export/labels/en.js';
import { fr } from '../../src/export/labels/fr.js';
import { ar } from '../../src/export/labels/ar.js';
import { PDF_SECTION_KEYS } from '../../src/export/pdf.js';
import { serverText } from '../../src/i18n/server-text.js';
import { embeddedFonts, pdfItems } from './pdf-text.js';

const C = '17850';
let sample: SampleApp;
beforeAll(async () => {
  sample = await openSampleApp();
});
afterAll(() => sample.close());

async function raw(path: string, headers: Record<string, string> = {}): Promise<Response> {
  return withToken(sample.rawApp, sample.tokens.admin).request(`http://localhost${path}`, { headers });
}

type Coded = { code: string; params: Record<string, string | number> };

/** Every server sentence of the customer's 360 view and timeline, as code + params. */
async function serverSentences(): Promise<Coded[]> {
  const view = (await sample.call(`/customers/${C}/360`)).body;
  const timeline = (await sample.call(`/customers/${C}/timeline?limit=50`)).body.events;
  return [
    ...view.health.factors,
    ...view.health.recommendations,
    ...view.churn.factors,
    ...view.churn.strategies,
    ...timeline.flatMap((e: { titleText: Coded | null; descriptionText: Coded[] | null }) => [e.titleText, ...(e.descriptionText ?? [])]),
  ].filter((x): x is Coded => Boolean(x?.code));
}

/** English sentences worth looking for: longer than a word or two (a bare number or name is the same in every language). */
const sentence = (text: string) => /[a-z]{3,}.*\s.*[a-z]{3,}/i.test(text);

describe.each(['fr', 'ar'] as const)(`the PDF of ${C} in %s`, (locale) => {
  let items: string[];
  let text: string;
  let bytes: Uint8Array;
  beforeAll(async () => {
    const res = await raw(`/customers/${C}/export?format=pdf&locale=${locale}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-language')).toBe(locale);
    bytes = new Uint8Array(await res.arrayBuffer());
    items = await pdfItems(bytes);
    text = items.join('\n');
  });
  const labels = locale === 'fr' ? fr : ar;

  it('has no English sentence of the server catalogue, and has its rendering in the locale', async () => {
    const coded = await serverSentences();
    expect(coded.length).toBeGreaterThan(10);
    const oneLine = text.replace(/\s+/g, ' ');
    let rendered = 0;
    for (const { code, params } of coded) {
      const english = serverText(code, params, 'en');
      const local = serverText(code, params, locale).normalize('NFKC');
      // A text the server passes through as written (a ticket's message) is data, the same in every language.
      if (sentence(english) && local !== english) expect(oneLine, `${code}: "${english}"`).not.toContain(english);
      // Cells wrap and mixed-direction lines extract in runs: look for each of its words.
      const words = local.match(/\p{L}{3,}/gu) ?? [];
      if (words.every((word) => oneLine.includes(word))) rendered += 1;
    }
    expect(rendered).toBeGreaterThan(coded.length * 0.8);
  });

  it('has no English heading or label and no internal key', () => {
    // "Marketing", "Support", "Notes" are French words too.
    for (const key of PDF_SECTION_KEYS) {
      expect(items, key).toContain(labels[key].normalize('NFKC'));
      if (labels[key] !== en[key]) expect(items, key).not.toContain(en[key]);
    }
    for (const key of [
      'field.totalOrders',
      'col.factor',
      'sub.recommendations',
      'sub.strategies',
      'factor.purchaseGap',
      'doc.title',
    ] as const) {
      expect(items).toContain(labels[key].normalize('NFKC'));
      expect(text).not.toContain(en[key]);
    }
    for (const internal of ['purchaseGap', 'engagementDecline', 'supportIssues', 'lifetimeValue', 'health.', 'churn.', 'timeline.'])
      expect(text).not.toContain(internal);
  });

  it('embeds DejaVu Sans (regular and bold) and draws every text with it', () => {
    const fonts = embeddedFonts(bytes);
    expect(fonts.fontFiles).toBe(2);
    expect(fonts.baseFonts).toContain('DejaVuSans');
    expect(bytes.byteLength).toBeLessThan(400_000); // subset fonts, compressed streams (about 150 KB)
  });

  it.runIf(locale === 'ar')('keeps Arabic in logical order and lays it out right to left', async () => {
    // The extracted headings are the catalogue's strings, letter for letter, in reading order.
    expect(items).toContain('خطر فقدان العميل');
    expect(items).toContain('الفجوة بين المشتريات');
    expect(text).toMatch(/[\u0621-\u064a]{3,}/);
    // Section headings end at the right margin (A4 is 595 pt wide, margins 40 pt).
    const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const pdf = await getDocument({ data: new Uint8Array(bytes) }).promise;
    const page = await (await pdf.getPage(1)).getTextContent();
    const heading = page.items.find((i) => 'str' in i && i.str.normalize('NFKC') === ar['section.profile']);
    expect(heading).toBeDefined();
    const { transform, width } = heading as { transform: number[]; width: number };
    expect(transform[4]! + width).toBeGreaterThan(550);
    expect(transform[4]!).toBeGreaterThan(300);
    await pdf.destroy();
  });
});

describe('?locale= and Accept-Language', () => {
  it('refuses an unknown locale with a 400 naming locale', async () => {
    for (const path of [
      `/customers/${C}/export?format=pdf&locale=de`,
      '/customers/export.csv?locale=xx',
      '/customers/export.xlsx?locale=EN',
    ]) {
      const res = await raw(path);
      expect(res.status, path).toBe(400);
      expect(JSON.stringify(await res.json())).toContain('locale');
    }
  });

  it('takes the first supported language of Accept-Language when locale is absent; locale wins', async () => {
    const french = await raw(`/customers/${C}/export?format=csv`, { 'accept-language': 'de-DE, fr-FR;q=0.8, en;q=0.5' });
    expect(french.headers.get('content-language')).toBe('fr');
    expect(await french.text()).toContain('indicateur,valeur,unité');
    const english = await raw(`/customers/${C}/export?format=csv&locale=en`, { 'accept-language': 'ar' });
    expect(await english.text()).toContain('metric,value,unit');
    const none = await raw(`/customers/${C}/export?format=csv`, { 'accept-language': 'de, es' });
    expect(none.headers.get('content-language')).toBe('en');
  });
});

describe('CSV and Excel in French', () => {
  it('the customer workbook: French sheet names and headers, the cells of the English one', async () => {
    const read = async (locale: string) => {
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(await (await raw(`/customers/${C}/export?format=xlsx&locale=${locale}`)).arrayBuffer());
      return workbook;
    };
    const [english, french] = await Promise.all([read('en'), read('fr')]);
    expect(french.worksheets.map((w) => w.name)).toEqual([
      'Résumé',
      'Indicateurs',
      'Commandes',
      'Fidélité',
      'Marketing',
      'Support',
      'Paiements',
      'Comportement',
      'Notes',
      'Historique',
    ]);
    const orders = french.getWorksheet('Commandes')!;
    expect(orders.getRow(1).values).toEqual([undefined, 'numéro', 'passée le', 'statut', 'total', 'devise', 'articles', 'quantité']);
    const english_ = english.getWorksheet('Orders')!;
    expect(orders.rowCount).toBe(english_.rowCount);
    for (let r = 2; r <= orders.rowCount; r += 1) expect(orders.getRow(r).values).toEqual(english_.getRow(r).values);
  });

  it('the bulk CSV and workbook: French header and sheet names, the same rows', async () => {
    const frCsv = await (await raw('/customers/export.csv?country=France&locale=fr')).text();
    const enCsv = await (await raw('/customers/export.csv?country=France')).text();
    const parse = (t: string) => Papa.parse<string[]>(t, { comments: '#', skipEmptyLines: true }).data;
    expect(parse(frCsv)[0]).toEqual([
      'identifiant',
      'nom',
      'e-mail',
      'téléphone',
      'pays',
      'devise',
      'valeur vie client',
      'total des commandes',
      'dernier achat',
    ]);
    expect(parse(frCsv).slice(1)).toEqual(parse(enCsv).slice(1));
    expect(frCsv.split('\r\n')[0]).toMatch(/^# Export clients c360 · exporté le /);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await (await raw('/customers/export.xlsx?country=France&locale=fr')).arrayBuffer());
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['Clients', 'Export']);
    expect(workbook.getWorksheet('Clients')!.getRow(1).getCell(7).value).toBe('valeur vie client');
  });
});
