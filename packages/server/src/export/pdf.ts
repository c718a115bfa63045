/**
 * The PDF report of one customer (R17.2, design Property 9): A4, with the customer, who exported
 * it and when, the as-of date, and every section of the 360 view in the order the dashboard shows
 * them. Built with jsPDF + jspdf-autotable; the standard PDF fonts cover WinAnsi (Latin-1 and a
 * few typographic signs) only, so other characters are transliterated or replaced ({@link pdfText}).
 * jsPDF writes uncompressed content streams: the text is searchable in the file as written.
 * @module
 */
import { jsPDF } from 'jspdf';
import { autoTable, type RowInput, type UserOptions } from 'jspdf-autotable';
import type { CustomerReport, ExportMeta } from './report.js';
import { formatMoney } from './report.js';

/** The section headings, in document order. */
export const PDF_SECTIONS = [
  'Profile',
  'Key metrics',
  'Health score',
  'Churn risk',
  'RFM and segments',
  'Tags',
  'Orders',
  'Loyalty',
  'Marketing',
  'Support',
  'Payments',
  'Behaviour',
  'Notes',
  'Recent timeline',
] as const;

const MARGIN = 40;
const ACCENT: [number, number, number] = [17, 94, 89];
const MUTED: [number, number, number] = [100, 100, 100];
const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/** Characters of Windows-1252 beyond Latin-1 that the standard fonts draw. */
const CP1252_EXTRA = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');
const REPLACEMENTS: Record<string, string> = { '→': '->', '←': '<-', '≥': '>=', '≤': '<=', '×': 'x', '−': '-', '✓': 'yes', '…': '...' };

/** Text the standard PDF fonts can draw: WinAnsi kept, accents split off when needed, anything else `?`. */
export function pdfText(value: unknown): string {
  const text = value === null || value === undefined ? '' : String(value);
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (ch === '\n' || ch === '\t') out += ' ';
    else if ((code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || CP1252_EXTRA.has(ch)) out += ch;
    else if (REPLACEMENTS[ch]) out += REPLACEMENTS[ch];
    else {
      const base = ch.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
      out += base && [...base].every((c) => c.charCodeAt(0) >= 0x20 && c.charCodeAt(0) <= 0xff) ? base : '?';
    }
  }
  return out;
}

const dash = '—';
const orDash = (value: unknown) => (value === null || value === undefined || value === '' ? dash : String(value));
const date = (iso: string | null | undefined) => (iso ? iso.slice(0, 10) : dash);
const dateTime = (iso: string | null | undefined) => (iso ? iso.slice(0, 16).replace('T', ' ') : dash);
const percent = (ratio: number | null | undefined) => (ratio === null || ratio === undefined ? dash : `${(ratio * 100).toFixed(1)}%`);
const yesNo = (b: boolean) => (b ? 'yes' : 'no');
const cap = (s: string) => (s ? s[0]!.toUpperCase() + s.slice(1) : s);

/** Money as the standard fonts can draw it: `£5,391.21`, or `INR 1,200.00` when the symbol is not in WinAnsi. */
function money(amount: number | null | undefined, currency: string): string {
  const text = formatMoney(amount, currency);
  if (pdfText(text) === text) return text;
  return amount === null || amount === undefined
    ? dash
    : new Intl.NumberFormat('en-GB', { style: 'currency', currency, currencyDisplay: 'code' }).format(amount);
}

class Writer {
  readonly doc = new jsPDF({ unit: 'pt', format: 'a4', compress: false });
  y = MARGIN;
  readonly width = this.doc.internal.pageSize.getWidth();
  readonly height = this.doc.internal.pageSize.getHeight();

  ensure(space: number): void {
    if (this.y + space > this.height - MARGIN) {
      this.doc.addPage();
      this.y = MARGIN;
    }
  }

  heading(text: string): void {
    this.ensure(60);
    this.y += 18;
    this.doc
      .setFont('helvetica', 'bold')
      .setFontSize(13)
      .setTextColor(...ACCENT);
    this.doc.text(pdfText(text), MARGIN, this.y);
    this.doc
      .setDrawColor(...ACCENT)
      .setLineWidth(0.8)
      .line(MARGIN, this.y + 4, this.width - MARGIN, this.y + 4);
    this.y += 16;
    this.doc.setFont('helvetica', 'normal').setFontSize(9).setTextColor(0, 0, 0);
  }

  subheading(text: string): void {
    this.ensure(40);
    this.doc.setFont('helvetica', 'bold').setFontSize(10).setTextColor(40, 40, 40);
    this.doc.text(pdfText(text), MARGIN, this.y + 8);
    this.y += 14;
    this.doc.setFont('helvetica', 'normal').setFontSize(9).setTextColor(0, 0, 0);
  }

  paragraph(text: string, options: { muted?: boolean; size?: number } = {}): void {
    this.doc
      .setFont('helvetica', 'normal')
      .setFontSize(options.size ?? 9)
      .setTextColor(...(options.muted ? MUTED : ([0, 0, 0] as [number, number, number])));
    const lines = this.doc.splitTextToSize(pdfText(text), this.width - 2 * MARGIN) as string[];
    for (const line of lines) {
      this.ensure(14);
      this.doc.text(line, MARGIN, this.y + 9);
      this.y += 12;
    }
    this.doc.setTextColor(0, 0, 0);
    this.y += 2;
  }

  bullets(items: readonly string[], empty: string): void {
    if (items.length === 0) return this.paragraph(empty, { muted: true });
    for (const item of items) this.paragraph(`•  ${item}`);
  }

  /** Label/value pairs in two pairs per row. */
  facts(pairs: ReadonlyArray<[string, string]>): void {
    const rows: RowInput[] = [];
    for (let i = 0; i < pairs.length; i += 2) {
      const a = pairs[i]!;
      const b = pairs[i + 1];
      rows.push([pdfText(a[0]), pdfText(a[1]), pdfText(b?.[0] ?? ''), pdfText(b?.[1] ?? '')]);
    }
    this.table({
      body: rows,
      theme: 'plain',
      styles: { fontSize: 9, cellPadding: { top: 2, bottom: 2, left: 0, right: 6 } },
      columnStyles: { 0: { textColor: MUTED, cellWidth: 110 }, 1: { cellWidth: 147 }, 2: { textColor: MUTED, cellWidth: 110 } },
    });
  }

  table(options: UserOptions & { empty?: string }): void {
    const { empty, ...rest } = options;
    if (rest.body && rest.body.length === 0 && empty) return this.paragraph(empty, { muted: true });
    autoTable(this.doc, {
      startY: this.y,
      margin: { left: MARGIN, right: MARGIN, top: MARGIN, bottom: MARGIN },
      theme: 'striped',
      styles: { fontSize: 8, cellPadding: 3, overflow: 'linebreak' },
      headStyles: { fillColor: ACCENT, textColor: 255, fontStyle: 'bold' },
      ...rest,
      head: rest.head?.map((row) => (Array.isArray(row) ? row.map((c) => (typeof c === 'string' ? pdfText(c) : c)) : row)),
      body: rest.body?.map((row) => (Array.isArray(row) ? row.map((c) => (typeof c === 'string' ? pdfText(c) : c)) : row)),
    });
    this.y = (this.doc as unknown as { lastAutoTable: { finalY: number } }).lastAutoTable.finalY + 10;
  }
}

/** Busiest weekday × hour cells of the shopping-times heat map, as text. */
export function busiestHours(shoppingTimes: number[][], top = 3): string[] {
  const cells: Array<{ day: number; hour: number; n: number }> = [];
  shoppingTimes.forEach((hours, day) => hours.forEach((n, hour) => n > 0 && cells.push({ day, hour, n })));
  cells.sort((a, b) => b.n - a.n || a.day - b.day || a.hour - b.hour);
  return cells
    .slice(0, top)
    .map(
      (c) =>
        `${WEEKDAYS[c.day]} ${String(c.hour).padStart(2, '0')}:00–${String((c.hour + 1) % 24).padStart(2, '0')}:00 UTC: ${c.n} order${c.n === 1 ? '' : 's'}`,
    );
}

/** Renders the report; returns the PDF bytes. */
export function renderCustomerPdf(report: CustomerReport, meta: ExportMeta): Uint8Array {
  const w = new Writer();
  const { doc } = w;
  const { view, orders, loyalty, marketing, support, payments, analytics, notes, timeline } = report;
  const { profile, metrics, health, churn, rfm } = view;
  const cur = metrics.currency;
  const exportedBy = `Exported ${meta.exportedAt.toISOString()} by ${meta.actor.name} (${meta.actor.role})`;

  doc.setProperties({
    title: pdfText(`c360 customer report: ${profile.name} (${profile.id})`),
    subject: 'Customer 360 export',
    creator: 'c360',
  });

  // Title block
  doc
    .setFont('helvetica', 'bold')
    .setFontSize(18)
    .setTextColor(...ACCENT);
  doc.text('Customer 360 report', MARGIN, w.y + 12);
  w.y += 32;
  doc.setFontSize(14).setTextColor(0, 0, 0);
  doc.text(pdfText(`${profile.name}  ·  customer ${profile.id}`), MARGIN, w.y);
  w.y += 8;
  w.paragraph(exportedBy, { muted: true });
  w.paragraph(`Data as of ${view.asOf} (${date(view.asOf)})`, { muted: true });
  const flags = [
    view.flags.vip && 'VIP',
    view.flags.atRisk && 'At risk',
    view.flags.hasOpenTickets && 'Open tickets',
    view.flags.hasRefunds && 'Refunds',
    profile.synthetic && 'Synthetic demo contact data',
  ].filter(Boolean);
  if (flags.length) w.paragraph(`Flags: ${flags.join(' · ')}`);

  // Profile
  w.heading('Profile');
  w.facts([
    ['Name', profile.name],
    ['Customer id', profile.id],
    ['Email', orDash(profile.email)],
    ['Phone', orDash(profile.phone)],
    ['Country', orDash(profile.country)],
    ['Status', profile.status],
    ['Registered', date(profile.registeredAt)],
    ['Currency', profile.currency],
    ['VIP', yesNo(profile.vip)],
    ['Tenure', `${metrics.tenureDays} days`],
  ]);
  w.table({
    head: [['Address', 'Street', 'City', 'Postcode', 'Country', 'Primary']],
    body: profile.addresses.map((a) => [
      a.label,
      [a.line1, a.line2].filter(Boolean).join(', '),
      a.city,
      orDash(a.postcode),
      a.country,
      yesNo(a.primary),
    ]),
    empty: 'No address on file.',
  });

  // Key metrics
  w.heading('Key metrics');
  w.facts([
    ['Lifetime value (CLV)', money(metrics.lifetimeValue, cur)],
    ['Average order value', money(metrics.averageOrderValue, cur)],
    ['Total orders', String(metrics.totalOrders)],
    ['Completed orders', String(metrics.completedOrders)],
    ['Total refunded', money(metrics.totalRefunded, cur)],
    ['Purchase frequency', `${metrics.purchaseFrequency.toFixed(2)} orders / 30 days`],
    ['First order', date(metrics.firstOrderAt)],
    ['Last purchase', date(metrics.lastPurchaseAt)],
    ['Days since last purchase', orDash(metrics.daysSinceLastPurchase)],
    ['Tenure', `${metrics.tenureDays} days`],
  ]);

  // Health
  w.heading('Health score');
  w.paragraph(`Health score ${health.score} / 100 (${health.level})`, { size: 11 });
  w.table({
    head: [['Factor', 'Score', 'Weight', 'Detail']],
    body: health.factors.map((f) => [cap(f.name), String(Math.round(f.value)), `${Math.round(f.weight * 100)}%`, f.detail]),
    columnStyles: { 0: { cellWidth: 80 }, 1: { cellWidth: 45 }, 2: { cellWidth: 45 } },
  });
  w.subheading('Recommendations');
  w.bullets(
    health.recommendations.map((r) => `${r.text} (${r.factor})`),
    'No recommendation.',
  );

  // Churn
  w.heading('Churn risk');
  w.paragraph(`Churn risk ${churn.score} / 100 (${churn.level})`, { size: 11 });
  w.table({
    head: [['Factor', 'Value', 'Points', 'Detail']],
    body: churn.factors.map((f) => [
      f.name,
      String(Math.round(f.value * 100) / 100),
      `${Math.round(f.contribution)} of ${f.maxContribution}`,
      f.detail,
    ]),
    columnStyles: { 0: { cellWidth: 100 }, 1: { cellWidth: 45 }, 2: { cellWidth: 55 } },
  });
  w.subheading('Retention strategies');
  w.bullets(
    churn.strategies.map((s) => `${s.text} (${s.factor})`),
    'No strategy needed.',
  );

  // RFM and segments
  w.heading('RFM and segments');
  w.paragraph(
    rfm
      ? `RFM ${rfm.score} (recency ${rfm.r}, frequency ${rfm.f}, monetary ${rfm.m}): ${rfm.segment}`
      : 'No RFM score (no completed order).',
  );
  w.table({
    head: [['Segment', 'Kind', 'How', 'Since']],
    body: view.segments.map((s) => [s.name, s.kind, s.how, date(s.assignedAt)]),
    empty: 'In no segment.',
  });

  // Tags
  w.heading('Tags');
  w.paragraph(view.tags.length ? view.tags.map((t) => t.name).join(', ') : 'No tags.', { muted: view.tags.length === 0 });

  // Orders
  w.heading('Orders');
  w.paragraph(
    `${orders.totalOrders} orders (${orders.completedOrders} completed) · revenue ${money(orders.totalRevenue, orders.currency)}` +
      ` · average order ${money(orders.averageOrderValue, orders.currency)}`,
  );
  w.table({
    head: [['Number', 'Placed at (UTC)', 'Status', 'Lines', 'Quantity', 'Total']],
    body: orders.orders.map((o) => [
      o.number,
      dateTime(o.placedAt),
      o.status,
      String(o.itemsCount),
      String(o.quantity),
      money(o.total, o.currency),
    ]),
    columnStyles: { 3: { halign: 'right' }, 4: { halign: 'right' }, 5: { halign: 'right' } },
    empty: 'No orders.',
  });

  // Loyalty
  w.heading('Loyalty');
  if (!loyalty.enrolled) {
    w.paragraph(`Not enrolled in the loyalty programme. Referrals: ${loyalty.referralCount}.`, { muted: true });
  } else {
    w.facts([
      ['Tier', cap(orDash(loyalty.tier))],
      ['Points balance', loyalty.pointsBalance.toLocaleString('en-GB')],
      ['Lifetime points', loyalty.lifetimePoints.toLocaleString('en-GB')],
      [
        'Next tier',
        loyalty.nextTier
          ? `${cap(loyalty.nextTier)} (${orDash(loyalty.pointsToNextTier)} points to go, ${percent(loyalty.progress)})`
          : 'Top tier',
      ],
      ['Expiring in 30 days', `${loyalty.pointsExpiringIn30Days} points`],
      ['Enrolled', date(loyalty.enrolledAt)],
      ['Referral code', orDash(loyalty.referralCode)],
      ['Referrals', String(loyalty.referralCount)],
    ]);
    w.table({
      head: [['Date', 'Kind', 'Points', 'Reason', 'Expires']],
      body: loyalty.transactions.map((t) => [
        date(t.occurredAt),
        t.kind,
        (t.points > 0 ? '+' : '') + t.points,
        orDash(t.reason),
        date(t.expiresAt),
      ]),
      columnStyles: { 2: { halign: 'right' } },
      empty: 'No points transactions.',
    });
  }

  // Marketing
  w.heading('Marketing');
  const optIns = Object.entries(marketing.optIns)
    .map(([channel, on]) => `${channel} ${on ? 'opted in' : 'opted out'}`)
    .join(' · ');
  w.facts([
    ['Opt-ins', optIns],
    ['Open rate (365 days)', `${percent(marketing.openRate)} (${marketing.emailsOpened} of ${marketing.emailsDelivered})`],
    ['Click rate (365 days)', `${percent(marketing.clickRate)} (${marketing.emailsClicked} of ${marketing.emailsDelivered})`],
    ['Last open', marketing.lastOpenAt ? `${date(marketing.lastOpenAt)} (${marketing.lastOpenedCampaign?.name ?? dash})` : dash],
    ['Last click', marketing.lastClickAt ? `${date(marketing.lastClickAt)} (${marketing.lastClickedCampaign?.name ?? dash})` : dash],
    [
      'Quiet hours',
      marketing.preferences.quietHours ? `${marketing.preferences.quietHours.start}–${marketing.preferences.quietHours.end}` : dash,
    ],
    ['Frequency', orDash(marketing.preferences.frequency)],
    ['Language / timezone', `${orDash(marketing.preferences.language)} / ${orDash(marketing.preferences.timezone)}`],
  ]);
  w.subheading('Campaigns (last 10)');
  w.table({
    head: [['Campaign', 'Channel', 'Sent', 'Opened', 'Clicked', 'Bounced']],
    body: marketing.campaigns.map((c) => [c.name, c.channel, date(c.sentAt), yesNo(c.opened), yesNo(c.clicked), yesNo(c.bounced)]),
    empty: 'No campaigns received.',
  });
  w.subheading('Consent history');
  w.table({
    head: [['Date', 'Channel', 'Change', 'Source', 'Reason']],
    // "opted out", as the element says: the log does not tell a withdrawal from a refusal at signup.
    body: marketing.consentLog.map((r) => [
      date(r.occurredAt),
      r.channel,
      r.granted ? 'opted in' : 'opted out',
      orDash(r.source),
      orDash(r.reason),
    ]),
    empty: 'No consent changes recorded.',
  });

  // Support
  w.heading('Support');
  w.facts([
    ['Tickets', `${support.totalTickets} (${support.openTickets} open)`],
    ['Average resolution', support.averageResolutionHours === null ? dash : `${support.averageResolutionHours} hours`],
    ['CSAT', support.csatAverage === null ? dash : `${support.csatAverage} / 5 (${support.csatResponses} responses)`],
    ['NPS', support.npsScore === null ? dash : `${support.npsScore} (${support.npsResponses} responses)`],
  ]);
  w.table({
    head: [['Ticket', 'Subject', 'Status', 'Priority', 'Opened', 'Resolved', 'CSAT', 'NPS']],
    body: support.tickets.map((t) => [
      t.id,
      t.subject,
      t.status,
      t.priority,
      date(t.createdAt),
      date(t.resolvedAt),
      orDash(t.csat),
      orDash(t.nps),
    ]),
    empty: 'No support tickets.',
  });

  // Payments
  w.heading('Payments');
  w.paragraph(
    `Succeeded ${money(payments.totals.succeeded, payments.currency)} · refunded ${money(payments.totals.refunded, payments.currency)}` +
      ` · ${payments.totals.failedCount} failed${payments.masked ? ' · payment references masked for this role' : ''}`,
  );
  w.table({
    head: [['Method', 'Brand', 'Last 4', 'Expiry', 'Default', 'Expired']],
    body: payments.methods.map((m) => [
      m.type,
      orDash(m.brand),
      m.last4 ? `•••• ${m.last4}` : '••••',
      m.expMonth !== null && m.expYear !== null ? `${String(m.expMonth).padStart(2, '0')}/${m.expYear}` : dash,
      yesNo(m.default),
      yesNo(m.expired),
    ]),
    empty: 'No saved payment methods.',
  });
  w.table({
    head: [['Date', 'Kind', 'Status', 'Amount', 'Method', 'Order', 'Reference']],
    body: payments.transactions.map((p) => [
      date(p.occurredAt),
      p.kind,
      p.status + (p.flagged ? ' (!)' : ''),
      money(p.amount, p.currency),
      p.method ? `${p.method.brand ?? p.method.type}${p.method.last4 ? ` •••• ${p.method.last4}` : ''}` : dash,
      orDash(p.orderId),
      orDash(p.reference),
    ]),
    columnStyles: { 3: { halign: 'right' } },
    empty: 'No payment transactions.',
  });

  // Behaviour
  w.heading('Behaviour');
  w.facts([
    ['Sessions', String(analytics.sessions)],
    ['Average session', analytics.averageDurationSeconds === null ? dash : `${Math.round(analytics.averageDurationSeconds / 6) / 10} min`],
    [
      'Devices',
      analytics.deviceBreakdown
        .filter((d) => d.sessions > 0)
        .map((d) => `${d.device} ${percent(d.share)}`)
        .join(' · ') || dash,
    ],
    ['Top viewed', analytics.topViewedCategories.map((c) => `${c.name} (${c.count})`).join(', ') || dash],
  ]);
  w.subheading(`Top purchased ${analytics.topPurchased.basis === 'category' ? 'categories' : 'products'}`);
  w.table({
    head: [[analytics.topPurchased.basis === 'category' ? 'Category' : 'Product', 'Quantity', 'Orders']],
    body: analytics.topPurchased.items.map((i) => [i.name, String(i.quantity), String(i.orders)]),
    columnStyles: { 1: { halign: 'right' }, 2: { halign: 'right' } },
    empty: 'No purchases.',
  });
  w.subheading('Busiest shopping hours');
  w.bullets(busiestHours(analytics.shoppingTimes), 'No completed orders.');

  // Notes
  w.heading('Notes');
  w.table({
    head: [['Date', 'Author', 'Type', 'Visibility', 'Note']],
    body: notes.map((n) => [date(n.createdAt), n.author, n.type, n.visibility, n.body]),
    columnStyles: { 0: { cellWidth: 60 }, 1: { cellWidth: 80 }, 2: { cellWidth: 50 }, 3: { cellWidth: 55 } },
    empty: 'No notes visible to this user.',
  });

  // Timeline
  w.heading('Recent timeline');
  w.paragraph(`The ${timeline.length} most recent events, newest first.`, { muted: true });
  w.table({
    head: [['When (UTC)', 'Type', 'Event', 'Detail', 'Amount']],
    body: timeline.map((e) => [
      dateTime(e.occurredAt),
      e.type,
      e.title,
      orDash(e.description),
      e.amount === null || !e.currency ? '' : money(e.amount, e.currency),
    ]),
    columnStyles: { 0: { cellWidth: 85 }, 1: { cellWidth: 50 }, 4: { halign: 'right', cellWidth: 60 } },
    empty: 'No events.',
  });

  // Footer on every page
  const pages = doc.getNumberOfPages();
  for (let page = 1; page <= pages; page += 1) {
    doc.setPage(page);
    doc
      .setFont('helvetica', 'normal')
      .setFontSize(7)
      .setTextColor(...MUTED);
    doc.text(pdfText(`c360 · ${profile.name} (${profile.id}) · ${exportedBy} · Confidential`), MARGIN, w.height - 20);
    doc.text(`Page ${page} of ${pages}`, w.width - MARGIN, w.height - 20, { align: 'right' });
  }
  return new Uint8Array(doc.output('arraybuffer'));
}
