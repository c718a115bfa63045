/**
 * The reader's language of an export (`?locale=en|fr|ar`): its labels ({@link ExportText.t}) and
 * its Intl formats for dates, numbers and money ({@link ExportText}). The locale of a request is
 * the query's, else the first supported language of `Accept-Language`, else English
 * ({@link resolveExportLocale}); tokens carry no language today.
 * @module
 */
import { EXPORT_LOCALES, type ExportLocale } from '@c360/sdk';
import { ar } from './ar.js';
import { en, type LabelCatalogue, type LabelKey } from './en.js';
import { fr } from './fr.js';

export type { LabelKey } from './en.js';

const CATALOGUES: Record<ExportLocale, LabelCatalogue> = { en, fr, ar };
/** The Intl locale of each export locale (`en` writes British English, as the elements do by default). */
const INTL: Record<ExportLocale, string> = { en: 'en-GB', fr: 'fr-FR', ar: 'ar' };
const DASH = '—';

/** `template` with each `{name}` replaced by `params[name]` (kept as written when absent). */
export function fill(template: string, params: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/**
 * The export locale for a request: `requested` when given, else the first language of
 * `acceptLanguage` (RFC 9110 weights honoured) that is one of {@link EXPORT_LOCALES}, else `en`.
 */
export function resolveExportLocale(requested: ExportLocale | undefined, acceptLanguage?: string | null): ExportLocale {
  if (requested) return requested;
  const ranked = (acceptLanguage ?? '')
    .split(',')
    .map((part, index) => {
      const [tag = '', ...attrs] = part.trim().split(';');
      const q = attrs.map((a) => a.trim()).find((a) => a.startsWith('q='));
      return { lang: tag.trim().toLowerCase().split('-')[0]!, q: q ? Number(q.slice(2)) : 1, index };
    })
    .filter((r) => r.lang && r.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  const found = ranked.find((r) => (EXPORT_LOCALES as readonly string[]).includes(r.lang));
  return (found?.lang as ExportLocale | undefined) ?? 'en';
}

/** Labels and formats of one locale, for one export. */
export class ExportText {
  readonly intl: string;
  readonly rtl: boolean;
  private readonly labels: LabelCatalogue;
  private readonly formats = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();

  constructor(readonly locale: ExportLocale) {
    this.intl = INTL[locale];
    this.rtl = locale === 'ar';
    this.labels = CATALOGUES[locale];
  }

  /** The label of `key`, parameters filled in. */
  t(key: LabelKey, params?: Record<string, string | number>): string {
    return fill(this.labels[key] ?? en[key], params);
  }

  /** The label of an enum value (`level.high`, `factor.purchaseGap`, `role.admin`), or the value itself when there is none. */
  value(prefix: 'level' | 'factor' | 'role', value: string): string {
    const key = `${prefix}.${value}` as LabelKey;
    return key in this.labels ? this.t(key) : value;
  }

  /** `yes` / `no` in the locale. */
  yesNo(flag: boolean): string {
    return this.t(flag ? 'yes' : 'no');
  }

  private cached<T extends Intl.NumberFormat | Intl.DateTimeFormat>(key: string, make: () => T): T {
    let format = this.formats.get(key) as T | undefined;
    if (!format) this.formats.set(key, (format = make()));
    return format;
  }

  /** A date (UTC calendar day) in the locale's medium style: `9 Dec 2011`, `9 déc. 2011`; `—` for none. */
  date(iso: string | null | undefined): string {
    if (!iso) return DASH;
    return this.cached('date', () => new Intl.DateTimeFormat(this.intl, { dateStyle: 'medium', timeZone: 'UTC' })).format(new Date(iso));
  }

  /** A date and time (UTC) in the locale's medium/short style; `—` for none. */
  dateTime(iso: string | Date | null | undefined): string {
    if (!iso) return DASH;
    return this.cached(
      'dateTime',
      () => new Intl.DateTimeFormat(this.intl, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }),
    ).format(new Date(iso));
  }

  /** A number in the locale (grouping, decimal sign, digits), at most `digits` decimals. */
  number(value: number | null | undefined, digits = 2): string {
    if (value === null || value === undefined) return DASH;
    return this.cached(`n${digits}`, () => new Intl.NumberFormat(this.intl, { maximumFractionDigits: digits })).format(value);
  }

  /** A ratio 0..1 as a percentage with `digits` decimals (default 1); `—` for none. */
  percent(ratio: number | null | undefined, digits = 1): string {
    if (ratio === null || ratio === undefined) return DASH;
    return this.cached(
      `pct${digits}`,
      () => new Intl.NumberFormat(this.intl, { style: 'percent', maximumFractionDigits: digits, minimumFractionDigits: digits }),
    ).format(ratio);
  }

  /** Money in major units with its ISO 4217 currency, in the locale (`£5,391.21`, `5 391,21 £`); `—` for none. */
  money(amount: number | null | undefined, currency: string): string {
    if (amount === null || amount === undefined) return DASH;
    return this.cached(`m${currency}`, () => new Intl.NumberFormat(this.intl, { style: 'currency', currency })).format(amount);
  }

  /** The weekday name (0 = Monday) in the locale. */
  weekday(day: number): string {
    // 2024-01-01 was a Monday.
    return this.cached('weekday', () => new Intl.DateTimeFormat(this.intl, { weekday: 'long', timeZone: 'UTC' })).format(
      new Date(Date.UTC(2024, 0, 1 + day)),
    );
  }
}
