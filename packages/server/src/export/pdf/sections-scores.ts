/**
 * The PDF's first sections, the customer and the scores: profile, key metrics, health score,
 * churn risk, RFM and segments, tags, orders — every label and value in the report's locale.
 * @module
 */
import type { CustomerReport } from '../report.js';
import type { ExportText } from '../labels/index.js';
import { valueLabel } from '../labels/values.js';
import { localText } from '../server-text.js';
import type { Writer } from './layout.js';

/** What every section renderer gets. */
export interface SectionContext {
  w: Writer;
  t: ExportText;
  report: CustomerReport;
}

/** `—` for an empty value, else the value as text. */
export const orDash = (value: unknown): string => (value === null || value === undefined || value === '' ? '—' : String(value));

export function profileSection({ w, t, report }: SectionContext): void {
  const { profile } = report.view;
  const metrics = report.view.metrics;
  w.heading(t.t('section.profile'));
  w.facts([
    [t.t('field.name'), profile.name],
    [t.t('field.customerId'), profile.id],
    [t.t('field.email'), orDash(profile.email)],
    [t.t('field.phone'), orDash(profile.phone)],
    [t.t('field.country'), orDash(profile.country)],
    [t.t('field.status'), valueLabel(t.locale, 'account', profile.status)],
    [t.t('field.registered'), t.date(profile.registeredAt)],
    [t.t('field.currency'), profile.currency],
    [t.t('field.vip'), t.yesNo(profile.vip)],
    [t.t('field.tenure'), t.t('unit.days', { n: t.number(metrics.tenureDays, 0) })],
  ]);
  w.table({
    head: [t.t('col.address'), t.t('col.street'), t.t('col.city'), t.t('col.postcode'), t.t('field.country'), t.t('col.primary')],
    body: profile.addresses.map((a) => [
      a.label,
      [a.line1, a.line2].filter(Boolean).join(', '),
      a.city,
      orDash(a.postcode),
      a.country,
      t.yesNo(a.primary),
    ]),
    empty: t.t('empty.address'),
  });
}

export function metricsSection({ w, t, report }: SectionContext): void {
  const m = report.view.metrics;
  const cur = m.currency;
  w.heading(t.t('section.metrics'));
  w.facts([
    [t.t('field.clv'), t.money(m.lifetimeValue, cur)],
    [t.t('field.aov'), t.money(m.averageOrderValue, cur)],
    [t.t('field.totalOrders'), t.number(m.totalOrders, 0)],
    [t.t('field.completedOrders'), t.number(m.completedOrders, 0)],
    [t.t('field.totalRefunded'), t.money(m.totalRefunded, cur)],
    [t.t('field.frequency'), t.t('unit.perMonth', { n: t.number(m.purchaseFrequency, 2) })],
    [t.t('field.firstOrder'), t.date(m.firstOrderAt)],
    [t.t('field.lastPurchase'), t.date(m.lastPurchaseAt)],
    [t.t('field.daysSince'), m.daysSinceLastPurchase === null ? '—' : t.number(m.daysSinceLastPurchase, 0)],
    [t.t('field.tenure'), t.t('unit.days', { n: t.number(m.tenureDays, 0) })],
  ]);
}

export function healthSection({ w, t, report }: SectionContext): void {
  const { health } = report.view;
  w.heading(t.t('section.health'));
  w.paragraph(t.t('health.summary', { score: t.number(health.score, 0), level: t.value('level', health.level) }), { size: 11 });
  w.table({
    head: [t.t('col.factor'), t.t('col.score'), t.t('col.weight'), t.t('col.detail')],
    body: health.factors.map((f) => [
      t.value('factor', f.name),
      t.number(Math.round(f.value), 0),
      t.percent(f.weight, 0),
      localText(f, f.detail, t.locale),
    ]),
    columnStyles: { 0: { cellWidth: 80 }, 1: { cellWidth: 45 }, 2: { cellWidth: 45 } },
  });
  w.subheading(t.t('sub.recommendations'));
  w.bullets(
    health.recommendations.map((r) => t.t('advice.factor', { text: localText(r, r.text, t.locale), factor: t.value('factor', r.factor) })),
    t.t('empty.recommendations'),
  );
}

export function churnSection({ w, t, report }: SectionContext): void {
  const { churn } = report.view;
  w.heading(t.t('section.churn'));
  w.paragraph(t.t('churn.summary', { score: t.number(churn.score, 0), level: t.value('level', churn.level) }), { size: 11 });
  w.table({
    head: [t.t('col.factor'), t.t('col.value'), t.t('col.points'), t.t('col.detail')],
    body: churn.factors.map((f) => [
      t.value('factor', f.name),
      t.number(f.value, 2),
      t.t('churn.points', { points: t.number(Math.round(f.contribution), 0), max: t.number(f.maxContribution, 0) }),
      localText(f, f.detail, t.locale),
    ]),
    columnStyles: { 0: { cellWidth: 100 }, 1: { cellWidth: 45 }, 2: { cellWidth: 55 } },
  });
  w.subheading(t.t('sub.strategies'));
  w.bullets(
    churn.strategies.map((s) => t.t('advice.factor', { text: localText(s, s.text, t.locale), factor: t.value('factor', s.factor) })),
    t.t('empty.strategies'),
  );
}

export function rfmSection({ w, t, report }: SectionContext): void {
  const { rfm, segments, tags } = report.view;
  w.heading(t.t('section.rfm'));
  const rfmName = (name: string) => valueLabel(t.locale, 'rfm', name);
  w.paragraph(
    rfm ? t.t('rfm.summary', { score: rfm.score, r: rfm.r, f: rfm.f, m: rfm.m, segment: rfmName(rfm.segment) }) : t.t('rfm.none'),
  );
  w.table({
    head: [t.t('col.segment'), t.t('col.kind'), t.t('col.how'), t.t('col.since')],
    body: segments.map((s) => [
      s.kind === 'rfm' ? rfmName(s.name) : s.name,
      valueLabel(t.locale, 'segment', s.kind),
      valueLabel(t.locale, 'segment', s.how),
      t.date(s.assignedAt),
    ]),
    empty: t.t('empty.segments'),
  });
  w.heading(t.t('section.tags'));
  w.paragraph(tags.length ? tags.map((tag) => tag.name).join(', ') : t.t('empty.tags'), { muted: tags.length === 0 });
}

export function ordersSection({ w, t, report }: SectionContext): void {
  const { orders } = report;
  w.heading(t.t('section.orders'));
  w.paragraph(
    t.t('orders.summary', {
      orders: t.number(orders.totalOrders, 0),
      completed: t.number(orders.completedOrders, 0),
      revenue: t.money(orders.totalRevenue, orders.currency),
      average: t.money(orders.averageOrderValue, orders.currency),
    }),
  );
  w.table({
    head: [t.t('col.number'), t.t('col.placedAt'), t.t('field.status'), t.t('col.lines'), t.t('col.quantity'), t.t('col.total')],
    body: orders.orders.map((o) => [
      o.number,
      t.dateTime(o.placedAt),
      valueLabel(t.locale, 'order', o.status),
      t.number(o.itemsCount, 0),
      t.number(o.quantity, 0),
      t.money(o.total, o.currency),
    ]),
    columnStyles: { 3: { halign: 'right' }, 4: { halign: 'right' }, 5: { halign: 'right' } },
    empty: t.t('empty.orders'),
  });
}
