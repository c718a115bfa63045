/**
 * The words of `<behavior-analytics>`: counted nouns ("3 orders"), heat-map slot labels and the
 * one-sentence summaries of the CLV and CSAT charts. Every function reads the current locale
 * (`msg()`), so call them at render time.
 * @module
 */
import { msg, str } from '@lit/localize';
import type { BehaviorAnalytics, DeviceType } from '@c360/sdk';
import type { Formatter } from '../base/format.js';

/** `14` → "14:00". */
export const hh = (hour: number) => `${String(hour).padStart(2, '0')}:00`;

/** A device type's name. */
export function deviceLabel(device: DeviceType): string {
  const labels: Record<DeviceType, string> = { desktop: msg('Desktop'), mobile: msg('Mobile'), tablet: msg('Tablet') };
  return labels[device];
}

/** "1 order" / "3 orders" (the count formatted by `f`). */
export function orders(f: Formatter, count: number): string {
  const n = f.number(count);
  return count === 1 ? msg(str`${n} order`) : msg(str`${n} orders`);
}

/** "1 session" / "3 sessions". */
export function sessions(f: Formatter, count: number): string {
  const n = f.number(count);
  return count === 1 ? msg(str`${n} session`) : msg(str`${n} sessions`);
}

/** "1 view" / "3 views". */
export function views(f: Formatter, count: number): string {
  const n = f.number(count);
  return count === 1 ? msg(str`${n} view`) : msg(str`${n} views`);
}

/** "1 unit" / "3 units". */
export function units(f: Formatter, count: number): string {
  const n = f.number(count);
  return count === 1 ? msg(str`${n} unit`) : msg(str`${n} units`);
}

/** "1 rating" / "3 ratings". */
function ratings(f: Formatter, count: number): string {
  const n = f.number(count);
  return count === 1 ? msg(str`${n} rating`) : msg(str`${n} ratings`);
}

/** "Tuesday 14:00–15:00 UTC: 3 orders" (`day` already named in the locale). */
export function slotLabel(f: Formatter, day: string, hour: number, count: number): string {
  const from = hh(hour);
  const to = hh(hour + 1);
  const placed = orders(f, count);
  return msg(str`${day} ${from}–${to} UTC: ${placed}`);
}

/** A sentence describing the CLV trend (the chart's text alternative); `month` names a `YYYY-MM`. */
export function clvSummary(f: Formatter, data: BehaviorAnalytics, month: (m: string) => string): string {
  const trend = data.clvTrend;
  const money = (v: number) => f.money(v, data.currency);
  const first = trend[0]!;
  const last = trend.at(-1)!;
  const best = trend.reduce((a, b) => (b.added > a.added ? b : a));
  const zero = money(0);
  const end = money(last.value);
  const lastMonth = month(last.month);
  if (trend.length === 1) return msg(str`CLV grew from ${zero} to ${end} in ${lastMonth}.`);
  const firstMonth = month(first.month);
  const bestMonth = month(best.month);
  const bestAdded = money(best.added);
  return msg(
    str`CLV grew from ${zero} to ${end} between ${firstMonth} and ${lastMonth}; the most was added in ${bestMonth} (${bestAdded}).`,
  );
}

/** A sentence describing the CSAT trend; `month` names a `YYYY-MM`. */
export function csatSummary(f: Formatter, data: BehaviorAnalytics, month: (m: string) => string): string {
  const trend = data.csatTrend;
  const score = (v: number) => {
    const n = f.number(v, 2);
    return msg(str`${n} out of 5`);
  };
  const rated = ratings(
    f,
    trend.reduce((n, p) => n + p.responses, 0),
  );
  const first = trend[0]!;
  const last = trend.at(-1)!;
  const lastScore = score(last.average);
  const lastMonth = month(last.month);
  if (trend.length === 1) return msg(str`Average CSAT ${lastScore} in ${lastMonth} (${rated}).`);
  const firstScore = score(first.average);
  const firstMonth = month(first.month);
  const months = f.number(trend.length);
  return msg(
    str`Average CSAT went from ${firstScore} in ${firstMonth} to ${lastScore} in ${lastMonth} (${rated} over ${months} months with ratings).`,
  );
}
