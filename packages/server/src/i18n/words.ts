/**
 * Shared pieces of the timeline catalogue: translations of enumerated values (order and ticket
 * statuses, priorities, channels, tiers, devices) and small entry builders.
 * @module
 */
import type { TextEntry, TextParams } from './entry.js';
import type { TextLocale } from './format.js';

/** French and Arabic words for enumerated values. */
export type Words = Record<string, { fr: string; ar: string }>;

const WORDS: Words = {
  pending: { fr: 'en attente', ar: 'قيد الانتظار' },
  paid: { fr: 'payée', ar: 'مدفوع' },
  shipped: { fr: 'expédiée', ar: 'تم الشحن' },
  delivered: { fr: 'livrée', ar: 'تم التسليم' },
  completed: { fr: 'terminée', ar: 'مكتمل' },
  cancelled: { fr: 'annulée', ar: 'ملغى' },
  unavailable: { fr: 'indisponible', ar: 'غير متاح' },
  returned: { fr: 'retournée', ar: 'مُرتجَع' },
  open: { fr: 'ouvert', ar: 'مفتوحة' },
  in_progress: { fr: 'en cours', ar: 'قيد المعالجة' },
  escalated: { fr: 'escaladé', ar: 'مُصعَّدة' },
  resolved: { fr: 'résolu', ar: 'محلولة' },
  closed: { fr: 'fermé', ar: 'مغلقة' },
  reopened: { fr: 'rouvert', ar: 'أعيد فتحها' },
  rated: { fr: 'évalué', ar: 'تم تقييمها' },
  updated: { fr: 'mis à jour', ar: 'محدَّثة' },
  low: { fr: 'basse', ar: 'منخفضة' },
  normal: { fr: 'normale', ar: 'عادية' },
  high: { fr: 'haute', ar: 'عالية' },
  urgent: { fr: 'urgente', ar: 'عاجلة' },
  medium: { fr: 'moyen', ar: 'متوسط' },
  excellent: { fr: 'excellent', ar: 'ممتاز' },
  good: { fr: 'bon', ar: 'جيد' },
  fair: { fr: 'moyen', ar: 'مقبول' },
  poor: { fr: 'faible', ar: 'ضعيف' },
  email: { fr: 'e-mail', ar: 'البريد الإلكتروني' },
  chat: { fr: 'chat', ar: 'الدردشة' },
  phone: { fr: 'téléphone', ar: 'الهاتف' },
  web: { fr: 'web', ar: 'الويب' },
  social: { fr: 'réseaux sociaux', ar: 'وسائل التواصل' },
  other: { fr: 'autre', ar: 'أخرى' },
  bronze: { fr: 'Bronze', ar: 'البرونزي' },
  silver: { fr: 'Argent', ar: 'الفضي' },
  gold: { fr: 'Or', ar: 'الذهبي' },
  platinum: { fr: 'Platine', ar: 'البلاتيني' },
  desktop: { fr: 'ordinateur', ar: 'الحاسوب' },
  mobile: { fr: 'mobile', ar: 'الجوال' },
  tablet: { fr: 'tablette', ar: 'الجهاز اللوحي' },
};

/** A known enumerated value in `locale` (`in_progress` → "en cours"); unknown values as given, `_` as spaces. */
export function word(value: string | number | undefined, locale: Exclude<TextLocale, 'en'>): string {
  const v = String(value ?? '');
  return WORDS[v]?.[locale] ?? v.replace(/_/g, ' ');
}
/** An enumerated value in English as stored (`in_progress` → "in progress"). */
export const en = (v: string | number | undefined) => String(v ?? '').replace(/_/g, ' ');
/** First letter upper-cased. */
export const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
/** An entry without parameters. */
export const fixed = (e: string, f: string, a: string): TextEntry => ({ en: () => e, fr: () => f, ar: () => a });
/** An entry with one string parameter `key`. */
export const with1 = (key: string, e: (v: string) => string, f: (v: string) => string, a: (v: string) => string): TextEntry => ({
  en: (p: TextParams) => e(String(p[key] ?? '')),
  fr: (p: TextParams) => f(String(p[key] ?? '')),
  ar: (p: TextParams) => a(String(p[key] ?? '')),
});

/** An English count as ingestion writes it: grouped the en-US way, `s` for the plural ("1,144 points"). */
export const enCount = (n: number, noun: string): string => `${n.toLocaleString('en-US')} ${noun}${n === 1 ? '' : 's'}`;
