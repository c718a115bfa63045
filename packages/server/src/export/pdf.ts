/**
 * The PDF report of one customer (R17.2, design Property 9): A4, with the customer, who exported
 * it and when, the as-of date, and every section of the 360 view in the order the dashboard shows
 * them — in the reader's language (`en`, `fr`, `ar`; Arabic laid out right to left). Built with
 * jsPDF + jspdf-autotable in an embedded DejaVu Sans (pdf/fonts.ts); layout in pdf/layout.ts,
 * sections in pdf/sections-*.ts, labels in labels/. Streams are Flate-compressed (a 17850 report
 * is about 150 KB); the text is extractable (the font has a ToUnicode map).
 * @module
 */
import type { ExportLocale } from '@c360/sdk';
import { en } from './labels/en.js';
import { ExportText } from './labels/index.js';
import type { CustomerReport, ExportMeta } from './report.js';
import { ACCENT, MARGIN, MUTED, Writer } from './pdf/layout.js';
import { churnSection, healthSection, metricsSection, ordersSection, profileSection, rfmSection } from './pdf/sections-scores.js';
import {
  behaviourSection,
  loyaltySection,
  marketingSection,
  notesSection,
  paymentsSection,
  supportSection,
  timelineSection,
} from './pdf/sections-activity.js';

export { busiestHours } from './pdf/sections-activity.js';

/** The label keys of the section headings, in document order. */
export const PDF_SECTION_KEYS = [
  'section.profile',
  'section.metrics',
  'section.health',
  'section.churn',
  'section.rfm',
  'section.tags',
  'section.orders',
  'section.loyalty',
  'section.marketing',
  'section.support',
  'section.payments',
  'section.behaviour',
  'section.notes',
  'section.timeline',
] as const;

/** The section headings in English, in document order. */
export const PDF_SECTIONS = PDF_SECTION_KEYS.map((key) => en[key]);

const SECTIONS = [
  profileSection,
  metricsSection,
  healthSection,
  churnSection,
  rfmSection,
  ordersSection,
  loyaltySection,
  marketingSection,
  supportSection,
  paymentsSection,
  behaviourSection,
  notesSection,
  timelineSection,
];

/** Renders the report in `locale` (default English); returns the PDF bytes. */
export function renderCustomerPdf(report: CustomerReport, meta: ExportMeta, locale: ExportLocale = 'en'): Uint8Array {
  const t = new ExportText(locale);
  const w = new Writer(t);
  const { doc } = w;
  const { view } = report;
  const { profile } = view;
  const exportedBy = t.t('doc.exportedBy', {
    at: t.dateTime(meta.exportedAt),
    name: meta.actor.name,
    role: t.value('role', meta.actor.role),
  });

  doc.setProperties({
    title: t.t('doc.properties', { name: profile.name, id: profile.id }),
    subject: t.t('doc.subject'),
    creator: 'c360',
  });
  doc.setLanguage(locale);

  // Title block
  w.style(18, true, ACCENT).line(t.t('doc.title'), w.y + 12);
  w.y += 32;
  w.style(14).line(t.t('doc.customer', { name: profile.name, id: profile.id }), w.y);
  w.y += 8;
  w.paragraph(exportedBy, { muted: true });
  w.paragraph(t.t('doc.asOf', { date: t.dateTime(view.asOf) }), { muted: true });
  const flags = [
    view.flags.vip && t.t('flag.vip'),
    view.flags.atRisk && t.t('flag.atRisk'),
    view.flags.hasOpenTickets && t.t('flag.openTickets'),
    view.flags.hasRefunds && t.t('flag.refunds'),
    profile.synthetic && t.t('flag.synthetic'),
  ].filter(Boolean);
  if (flags.length) w.paragraph(t.t('doc.flags', { flags: flags.join(' · ') }));

  for (const section of SECTIONS) section({ w, t, report });

  // Footer on every page
  const pages = doc.getNumberOfPages();
  const footer = t.t('doc.footer', { name: profile.name, id: profile.id, exported: exportedBy });
  for (let page = 1; page <= pages; page += 1) {
    doc.setPage(page);
    w.style(7, false, MUTED);
    const pageOf = t.t('doc.page', { page: t.number(page, 0), pages: t.number(pages, 0) });
    const [start, end] = w.rtl ? [w.width - MARGIN, MARGIN] : [MARGIN, w.width - MARGIN];
    doc.text(doc.splitTextToSize(footer, w.width - 2 * MARGIN - 80)[0] ?? '', start, w.height - 20, { align: w.rtl ? 'right' : 'left' });
    doc.text(pageOf, end, w.height - 20, { align: w.rtl ? 'left' : 'right' });
  }
  return new Uint8Array(doc.output('arraybuffer'));
}
