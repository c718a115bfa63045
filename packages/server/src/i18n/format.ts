/**
 * Number and count formatting for the server's text catalogue in each language. English keeps the
 * exact output the server always wrote (`String(n)`, "1 order" / "3 orders"); French and Arabic use
 * Intl (grouping, Arabic-Indic digits) and their own plural rules (French: 0 and 1 singular; Arabic:
 * the six CLDR categories).
 * @module
 */

/** The languages of the catalogue. */
export type TextLocale = 'en' | 'fr' | 'ar';

/** Nouns that are counted in server text. */
export type CountNoun =
  | 'day'
  | 'order'
  | 'completedOrder'
  | 'openTicket'
  | 'negativeRating'
  | 'activityPoint'
  | 'point'
  | 'emailClick'
  | 'emailOpen'
  | 'session'
  | 'ticket'
  | 'line'
  | 'item';

type ArabicForms = { zero: string; one: string; two: string; few: string; many: string; other: string };

/**
 * English and French: [singular, plural]; Arabic: the CLDR categories, `#` marks the number (the dual
 * in its genitive/accusative form, as the templates use counts after a preposition or as an object).
 */
const NOUNS: Record<CountNoun, { en: [string, string]; fr: [string, string]; ar: ArabicForms }> = {
  day: { en: ['day', 'days'], fr: ['jour', 'jours'], ar: ar('# يوم', 'يوم واحد', 'يومين', '# أيام', '# يومًا', '# يوم') },
  order: { en: ['order', 'orders'], fr: ['commande', 'commandes'], ar: ar('# طلب', 'طلب واحد', 'طلبين', '# طلبات', '# طلبًا', '# طلب') },
  completedOrder: {
    en: ['completed order', 'completed orders'],
    fr: ['commande terminée', 'commandes terminées'],
    ar: ar('# طلب مكتمل', 'طلب مكتمل واحد', 'طلبين مكتملين', '# طلبات مكتملة', '# طلبًا مكتملًا', '# طلب مكتمل'),
  },
  openTicket: {
    en: ['open ticket', 'open tickets'],
    fr: ['ticket ouvert', 'tickets ouverts'],
    ar: ar('# تذكرة مفتوحة', 'تذكرة مفتوحة واحدة', 'تذكرتين مفتوحتين', '# تذاكر مفتوحة', '# تذكرة مفتوحة', '# تذكرة مفتوحة'),
  },
  negativeRating: {
    en: ['negative CSAT rating', 'negative CSAT ratings'],
    fr: ['note CSAT négative', 'notes CSAT négatives'],
    ar: ar(
      '# تقييم رضا سلبي',
      'تقييم رضا سلبي واحد',
      'تقييمي رضا سلبيين',
      '# تقييمات رضا سلبية',
      '# تقييمًا سلبيًا للرضا',
      '# تقييم رضا سلبي',
    ),
  },
  activityPoint: {
    en: ['activity point', 'activity points'],
    fr: ['point d’activité', 'points d’activité'],
    ar: ar('# نقطة نشاط', 'نقطة نشاط واحدة', 'نقطتي نشاط', '# نقاط نشاط', '# نقطة نشاط', '# نقطة نشاط'),
  },
  point: { en: ['point', 'points'], fr: ['point', 'points'], ar: ar('# نقطة', 'نقطة واحدة', 'نقطتين', '# نقاط', '# نقطة', '# نقطة') },
  emailClick: {
    en: ['email click', 'email clicks'],
    fr: ['clic d’e-mail', 'clics d’e-mail'],
    ar: ar('# نقرة بريد', 'نقرة بريد واحدة', 'نقرتي بريد', '# نقرات بريد', '# نقرة بريد', '# نقرة بريد'),
  },
  emailOpen: {
    en: ['email open', 'email opens'],
    fr: ['ouverture d’e-mail', 'ouvertures d’e-mail'],
    ar: ar('# فتح بريد', 'فتح بريد واحد', 'مرتي فتح بريد', '# مرات فتح بريد', '# مرة فتح بريد', '# مرة فتح بريد'),
  },
  session: {
    en: ['session', 'sessions'],
    fr: ['session', 'sessions'],
    ar: ar('# جلسة', 'جلسة واحدة', 'جلستين', '# جلسات', '# جلسة', '# جلسة'),
  },
  ticket: {
    en: ['ticket', 'tickets'],
    fr: ['ticket', 'tickets'],
    ar: ar('# تذكرة', 'تذكرة واحدة', 'تذكرتين', '# تذاكر', '# تذكرة', '# تذكرة'),
  },
  line: { en: ['line', 'lines'], fr: ['ligne', 'lignes'], ar: ar('# سطر', 'سطر واحد', 'سطرين', '# أسطر', '# سطرًا', '# سطر') },
  item: { en: ['item', 'items'], fr: ['article', 'articles'], ar: ar('# قطعة', 'قطعة واحدة', 'قطعتين', '# قطع', '# قطعة', '# قطعة') },
};

function ar(zero: string, one: string, two: string, few: string, many: string, other: string): ArabicForms {
  return { zero, one, two, few, many, other };
}

const numberFormats = new Map<string, Intl.NumberFormat>();
const pluralRules = new Map<string, Intl.PluralRules>();

/** The formatting helpers a template receives. */
export interface TextFormat {
  readonly locale: TextLocale;
  /** A number: English `String(n)` (as the server always wrote it); French/Arabic through Intl, at most 2 decimals. */
  num(n: number | string): string;
  /** A count with its noun: "3 orders", "3 commandes", "٣ طلبات". */
  count(n: number, noun: CountNoun): string;
  /** Days with one decimal unless whole (the churn gap): "12.5", "90". */
  days1(n: number): string;
}

/** One {@link TextFormat} per locale: the scores call {@link textFormat} for every factor of every /360. */
const textFormats = new Map<TextLocale, TextFormat>();

/** The {@link TextFormat} of `locale` (made once per locale). */
export function textFormat(locale: TextLocale): TextFormat {
  let format = textFormats.get(locale);
  if (!format) textFormats.set(locale, (format = makeTextFormat(locale)));
  return format;
}

function makeTextFormat(locale: TextLocale): TextFormat {
  const nf = () => {
    let f = numberFormats.get(locale);
    if (!f) numberFormats.set(locale, (f = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 })));
    return f;
  };
  const num = (n: number | string) => (locale === 'en' || typeof n === 'string' ? String(n) : nf().format(n));
  return {
    locale,
    num,
    count(n, noun) {
      const forms = NOUNS[noun];
      if (locale === 'en') return `${n} ${n === 1 ? forms.en[0] : forms.en[1]}`;
      if (locale === 'fr') return `${num(n)} ${Math.abs(n) < 2 ? forms.fr[0] : forms.fr[1]}`;
      let rules = pluralRules.get(locale);
      if (!rules) pluralRules.set(locale, (rules = new Intl.PluralRules(locale)));
      const category = rules.select(n) as keyof ArabicForms;
      return (forms.ar[category] ?? forms.ar.other).replace('#', num(n));
    },
    days1: (n) => (Number.isInteger(n) ? num(n) : locale === 'en' ? n.toFixed(1) : num(Math.round(n * 10) / 10)),
  };
}
