/**
 * The PDF's activity sections: loyalty, marketing, support, payments, behaviour, notes and the
 * recent timeline — every label and value in the report's locale.
 * @module
 */
import type { ExportText } from '../labels/index.js';
import { valueLabel } from '../labels/values.js';
import { localText, type CodedText } from '../server-text.js';
import { orDash, type SectionContext } from './sections-scores.js';

const cap = (s: string) => (s ? s[0]!.toUpperCase() + s.slice(1) : s);
const hh = (hour: number) => `${String(hour % 24).padStart(2, '0')}:00`;

/** Busiest weekday × hour cells of the shopping-times heat map (rows Monday..Sunday, UTC hours), as text. */
export function busiestHours(shoppingTimes: number[][], t: ExportText, top = 3): string[] {
  const cells: Array<{ day: number; hour: number; n: number }> = [];
  shoppingTimes.forEach((hours, day) => hours.forEach((n, hour) => n > 0 && cells.push({ day, hour, n })));
  cells.sort((a, b) => b.n - a.n || a.day - b.day || a.hour - b.hour);
  return cells
    .slice(0, top)
    .map((c) => t.t('busiest.row', { day: cap(t.weekday(c.day)), from: hh(c.hour), to: hh(c.hour + 1), n: t.number(c.n, 0) }));
}

export function loyaltySection({ w, t, report }: SectionContext): void {
  const { loyalty } = report;
  w.heading(t.t('section.loyalty'));
  if (!loyalty.enrolled) return w.paragraph(t.t('loyalty.notEnrolled', { n: t.number(loyalty.referralCount, 0) }), { muted: true });
  w.facts([
    [t.t('field.tier'), valueLabel(t.locale, 'tier', loyalty.tier)],
    [t.t('field.pointsBalance'), t.number(loyalty.pointsBalance, 0)],
    [t.t('field.lifetimePoints'), t.number(loyalty.lifetimePoints, 0)],
    [
      t.t('field.nextTier'),
      loyalty.nextTier
        ? t.t('loyalty.next', {
            tier: valueLabel(t.locale, 'tier', loyalty.nextTier),
            points: loyalty.pointsToNextTier === null ? '—' : t.number(loyalty.pointsToNextTier, 0),
            progress: t.percent(loyalty.progress),
          })
        : t.t('loyalty.top'),
    ],
    [t.t('field.expiring'), t.t('unit.points', { n: t.number(loyalty.pointsExpiringIn30Days, 0) })],
    [t.t('field.enrolled'), t.date(loyalty.enrolledAt)],
    [t.t('field.referralCode'), orDash(loyalty.referralCode)],
    [t.t('field.referrals'), t.number(loyalty.referralCount, 0)],
  ]);
  w.table({
    head: [t.t('col.date'), t.t('col.kind'), t.t('col.points'), t.t('col.reason'), t.t('col.expires')],
    body: loyalty.transactions.map((x) => [
      t.date(x.occurredAt),
      valueLabel(t.locale, 'loyalty', x.kind),
      (x.points > 0 ? '+' : '') + t.number(x.points, 0),
      orDash(x.reason),
      t.date(x.expiresAt),
    ]),
    columnStyles: { 2: { halign: 'right' } },
    empty: t.t('empty.points'),
  });
}

export function marketingSection({ w, t, report }: SectionContext): void {
  const { marketing: mk } = report;
  const rate = (ratio: number | null, n: number) =>
    t.t('marketing.rate', { rate: t.percent(ratio), n: t.number(n, 0), of: t.number(mk.emailsDelivered, 0) });
  const last = (at: string | null, campaign: { name: string } | null | undefined) =>
    at ? `${t.date(at)} (${campaign?.name ?? '—'})` : '—';
  const prefs = mk.preferences;
  w.heading(t.t('section.marketing'));
  w.facts([
    [
      t.t('field.optIns'),
      Object.entries(mk.optIns)
        .map(([channel, on]) => `${valueLabel(t.locale, 'channel', channel)} ${t.t(on ? 'consent.in' : 'consent.out')}`)
        .join(' · '),
    ],
    [t.t('field.openRate'), rate(mk.openRate, mk.emailsOpened)],
    [t.t('field.clickRate'), rate(mk.clickRate, mk.emailsClicked)],
    [t.t('field.lastOpen'), last(mk.lastOpenAt, mk.lastOpenedCampaign)],
    [t.t('field.lastClick'), last(mk.lastClickAt, mk.lastClickedCampaign)],
    [t.t('field.quietHours'), prefs.quietHours ? `${prefs.quietHours.start}–${prefs.quietHours.end}` : '—'],
    [t.t('field.frequencyPref'), prefs.frequency ? valueLabel(t.locale, 'frequency', prefs.frequency) : '—'],
    [t.t('field.languageZone'), `${orDash(prefs.language)} / ${orDash(prefs.timezone)}`],
  ]);
  w.subheading(t.t('sub.campaigns'));
  w.table({
    head: [t.t('col.campaign'), t.t('col.channel'), t.t('col.sent'), t.t('col.opened'), t.t('col.clicked'), t.t('col.bounced')],
    body: mk.campaigns.map((c) => [
      c.name,
      valueLabel(t.locale, 'channel', c.channel),
      t.date(c.sentAt),
      t.yesNo(c.opened),
      t.yesNo(c.clicked),
      t.yesNo(c.bounced),
    ]),
    empty: t.t('empty.campaigns'),
  });
  w.subheading(t.t('sub.consent'));
  w.table({
    head: [t.t('col.date'), t.t('col.channel'), t.t('col.change'), t.t('col.source'), t.t('col.reason')],
    // "opted out", as the element says: the log does not tell a withdrawal from a refusal at signup.
    body: mk.consentLog.map((r) => [
      t.date(r.occurredAt),
      valueLabel(t.locale, 'channel', r.channel),
      t.t(r.granted ? 'consent.in' : 'consent.out'),
      orDash(r.source),
      orDash(r.reason),
    ]),
    empty: t.t('empty.consent'),
  });
}

export function supportSection({ w, t, report }: SectionContext): void {
  const { support: s } = report;
  w.heading(t.t('section.support'));
  w.facts([
    [t.t('field.tickets'), t.t('support.tickets', { n: t.number(s.totalTickets, 0), open: t.number(s.openTickets, 0) })],
    [t.t('field.resolution'), s.averageResolutionHours === null ? '—' : t.t('unit.hours', { n: t.number(s.averageResolutionHours, 1) })],
    [
      t.t('field.csat'),
      s.csatAverage === null ? '—' : t.t('support.csat', { score: t.number(s.csatAverage, 2), n: t.number(s.csatResponses, 0) }),
    ],
    [t.t('field.nps'), s.npsScore === null ? '—' : t.t('support.nps', { score: t.number(s.npsScore, 0), n: t.number(s.npsResponses, 0) })],
  ]);
  w.table({
    head: [
      t.t('col.ticket'),
      t.t('col.subject'),
      t.t('field.status'),
      t.t('col.priority'),
      t.t('col.openedAt'),
      t.t('col.resolved'),
      'CSAT',
      'NPS',
    ],
    body: s.tickets.map((x) => [
      x.id,
      x.subject,
      valueLabel(t.locale, 'ticket', x.status),
      valueLabel(t.locale, 'priority', x.priority),
      t.date(x.createdAt),
      t.date(x.resolvedAt),
      x.csat === null ? '—' : t.number(x.csat, 0),
      x.nps === null ? '—' : t.number(x.nps, 0),
    ]),
    empty: t.t('empty.tickets'),
  });
}

export function paymentsSection({ w, t, report }: SectionContext): void {
  const { payments: p } = report;
  const summary = t.t('payments.summary', {
    succeeded: t.money(p.totals.succeeded, p.currency),
    refunded: t.money(p.totals.refunded, p.currency),
    failed: t.number(p.totals.failedCount, 0),
  });
  w.heading(t.t('section.payments'));
  w.paragraph(p.masked ? `${summary} · ${t.t('payments.masked')}` : summary);
  w.table({
    head: [t.t('col.method'), t.t('col.brand'), t.t('col.last4'), t.t('col.expiry'), t.t('col.default'), t.t('col.expired')],
    body: p.methods.map((m) => [
      valueLabel(t.locale, 'method', m.type),
      orDash(m.brand),
      m.last4 ? `•••• ${m.last4}` : '••••',
      m.expMonth !== null && m.expYear !== null ? `${String(m.expMonth).padStart(2, '0')}/${m.expYear}` : '—',
      t.yesNo(m.default),
      t.yesNo(m.expired),
    ]),
    empty: t.t('empty.methods'),
  });
  w.table({
    head: [
      t.t('col.date'),
      t.t('col.kind'),
      t.t('field.status'),
      t.t('col.amount'),
      t.t('col.method'),
      t.t('col.order'),
      t.t('col.reference'),
    ],
    body: p.transactions.map((x) => [
      t.date(x.occurredAt),
      valueLabel(t.locale, 'payment', x.kind),
      valueLabel(t.locale, 'payment', x.status) + (x.flagged ? ' (!)' : ''),
      t.money(x.amount, x.currency),
      x.method
        ? `${x.method.brand ?? valueLabel(t.locale, 'method', x.method.type)}${x.method.last4 ? ` •••• ${x.method.last4}` : ''}`
        : '—',
      orDash(x.orderId),
      orDash(x.reference),
    ]),
    columnStyles: { 3: { halign: 'right' } },
    empty: t.t('empty.payments'),
  });
}

export function behaviourSection({ w, t, report }: SectionContext): void {
  const { analytics: a } = report;
  const byCategory = a.topPurchased.basis === 'category';
  w.heading(t.t('section.behaviour'));
  w.facts([
    [t.t('field.sessions'), t.number(a.sessions, 0)],
    [
      t.t('field.avgSession'),
      a.averageDurationSeconds === null ? '—' : t.t('unit.minutes', { n: t.number(a.averageDurationSeconds / 60, 1) }),
    ],
    [
      t.t('field.devices'),
      a.deviceBreakdown
        .filter((d) => d.sessions > 0)
        .map((d) => `${valueLabel(t.locale, 'device', d.device)} ${t.percent(d.share)}`)
        .join(' · ') || '—',
    ],
    [t.t('field.topViewed'), a.topViewedCategories.map((c) => `${c.name} (${t.number(c.count, 0)})`).join(', ') || '—'],
  ]);
  w.subheading(t.t(byCategory ? 'sub.topCategories' : 'sub.topProducts'));
  w.table({
    head: [t.t(byCategory ? 'col.category' : 'col.product'), t.t('col.quantity'), t.t('col.orders')],
    body: a.topPurchased.items.map((i) => [i.name, t.number(i.quantity, 0), t.number(i.orders, 0)]),
    columnStyles: { 1: { halign: 'right' }, 2: { halign: 'right' } },
    empty: t.t('empty.purchases'),
  });
  w.subheading(t.t('sub.busiest'));
  w.bullets(busiestHours(a.shoppingTimes, t), t.t('empty.busiest'));
}

export function notesSection({ w, t, report }: SectionContext): void {
  w.heading(t.t('section.notes'));
  w.table({
    head: [t.t('col.date'), t.t('col.author'), t.t('col.type'), t.t('col.visibility'), t.t('col.note')],
    body: report.notes.map((n) => [
      t.date(n.createdAt),
      n.author,
      valueLabel(t.locale, 'note', n.type),
      valueLabel(t.locale, 'visibility', n.visibility),
      n.body,
    ]),
    columnStyles: { 0: { cellWidth: 60 }, 1: { cellWidth: 80 }, 2: { cellWidth: 50 }, 3: { cellWidth: 55 } },
    empty: t.t('empty.notes'),
  });
}

/** A timeline entry's title and description as the API carries them coded: the title, and the description's parts. */
type CodedEvent = { titleText?: CodedText | null; descriptionText?: CodedText[] | null };

/** The description in the locale: its coded parts joined with ` · ` (as in English), else the English text. */
function description(e: CodedEvent & { description: string | null }, t: ExportText): string {
  if (!e.description) return '—';
  const parts = e.descriptionText?.map((part) => localText(part, '', t.locale));
  return parts?.length && parts.every(Boolean) ? parts.join(' · ') : e.description;
}

export function timelineSection({ w, t, report }: SectionContext): void {
  const { timeline } = report;
  w.heading(t.t('section.timeline'));
  w.paragraph(t.t('timeline.intro', { n: t.number(timeline.length, 0) }), { muted: true });
  w.table({
    head: [t.t('col.when'), t.t('col.type'), t.t('col.event'), t.t('col.detail'), t.t('col.amount')],
    body: timeline.map((e) => {
      const coded = e as typeof e & CodedEvent;
      return [
        t.dateTime(e.occurredAt),
        valueLabel(t.locale, 'event', e.type),
        localText(coded.titleText, e.title, t.locale),
        description(coded, t),
        e.amount === null || !e.currency ? '' : t.money(e.amount, e.currency),
      ];
    }),
    columnStyles: { 0: { cellWidth: 85 }, 1: { cellWidth: 50 }, 4: { halign: 'right', cellWidth: 60 } },
    empty: t.t('empty.events'),
  });
}
