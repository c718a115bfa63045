/**
 * Locale-aware formatting with Intl (money in major units beside its currency, numbers, dates,
 * day counts). Formatters are cached per locale and options.
 * @module
 */
const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat | Intl.RelativeTimeFormat>();

function cached<T extends Intl.NumberFormat | Intl.DateTimeFormat | Intl.RelativeTimeFormat>(key: string, make: () => T): T {
  let formatter = cache.get(key) as T | undefined;
  if (!formatter) {
    formatter = make();
    cache.set(key, formatter);
  }
  return formatter;
}

const DASH = '—';

export interface Formatter {
  readonly locale: string | undefined;
  /** `money(1234.5, 'GBP')` → "£1,234.50" (en-GB). */
  money(value: number | null | undefined, currency: string): string;
  /** Plain number with at most `maxFractionDigits` decimals (default 0). */
  number(value: number | null | undefined, maxFractionDigits?: number): string;
  /** Share 0–1 as a percentage, e.g. 0.25 → "25%". */
  percent(value: number | null | undefined): string;
  /** Date of an ISO timestamp, medium style (e.g. "9 Dec 2011"). */
  date(iso: string | null | undefined): string;
  /** Date and time of an ISO timestamp (e.g. "9 Dec 2011, 12:50"). */
  dateTime(iso: string | null | undefined): string;
  /** A count of days as a duration, e.g. 12 → "12 days". */
  days(value: number | null | undefined): string;
  /** A count of days in the past, e.g. 12 → "12 days ago", 0 → "today". */
  relativeDays(value: number | null | undefined): string;
  /** A calendar month `YYYY-MM` (UTC), short, e.g. "2011-12" → "Dec 2011". */
  month(month: string): string;
  /** Weekday 0 = Monday … 6 = Sunday, `long` ("Tuesday") or `short` ("Tue"). */
  weekday(index: number, width: 'long' | 'short'): string;
}

/** `locale` when Intl accepts it as a BCP 47 tag, else undefined (the browser's), so a typo never breaks rendering. */
function validLocale(locale: string | undefined): string | undefined {
  if (!locale) return undefined;
  try {
    return Intl.getCanonicalLocales(locale)[0];
  } catch {
    return undefined;
  }
}

/**
 * A {@link Formatter} for a BCP 47 locale (`en-GB`, `fr-FR`, `ar-EG`; undefined or an invalid tag =
 * the browser's). Digits, separators, currency placement and month names follow the locale (e.g.
 * Arabic digits in `ar`). Missing values format as "—".
 */
export function formatter(locale?: string): Formatter {
  const l = validLocale(locale);
  const key = (kind: string, extra = '') => `${l ?? ''}|${kind}|${extra}`;
  const missing = (v: unknown): v is null | undefined => v === null || v === undefined || (typeof v === 'number' && !Number.isFinite(v));
  return {
    locale: l,
    money: (value, currency) =>
      missing(value) ? DASH : cached(key('money', currency), () => new Intl.NumberFormat(l, { style: 'currency', currency })).format(value),
    number: (value, maxFractionDigits = 0) =>
      missing(value)
        ? DASH
        : cached(
            key('number', String(maxFractionDigits)),
            () => new Intl.NumberFormat(l, { maximumFractionDigits: maxFractionDigits }),
          ).format(value),
    percent: (value) =>
      missing(value)
        ? DASH
        : cached(key('percent'), () => new Intl.NumberFormat(l, { style: 'percent', maximumFractionDigits: 0 })).format(value),
    date: (iso) => (iso ? cached(key('date'), () => new Intl.DateTimeFormat(l, { dateStyle: 'medium' })).format(new Date(iso)) : DASH),
    dateTime: (iso) =>
      iso
        ? cached(key('dateTime'), () => new Intl.DateTimeFormat(l, { dateStyle: 'medium', timeStyle: 'short' })).format(new Date(iso))
        : DASH,
    days: (value) =>
      missing(value)
        ? DASH
        : cached(key('days'), () => new Intl.NumberFormat(l, { style: 'unit', unit: 'day', unitDisplay: 'long' })).format(value),
    relativeDays: (value) =>
      missing(value) ? DASH : cached(key('relDays'), () => new Intl.RelativeTimeFormat(l, { numeric: 'auto' })).format(-value, 'day'),
    month: (month) =>
      cached(key('month'), () => new Intl.DateTimeFormat(l, { month: 'short', year: 'numeric', timeZone: 'UTC' })).format(
        new Date(`${month}-01T00:00:00Z`),
      ),
    // 2024-01-01 was a Monday.
    weekday: (index, width) =>
      cached(key('weekday', width), () => new Intl.DateTimeFormat(l, { weekday: width, timeZone: 'UTC' })).format(
        Date.UTC(2024, 0, 1 + index),
      ),
  };
}
