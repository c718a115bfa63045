/**
 * Catalogue entries of timeline titles (`timeline.*`) and of the pieces of their descriptions
 * (`timeline.part.*`, joined with " · "), in English, French and Arabic. The English templates
 * reproduce what ingestion stores as the activity's title/description; read/timeline.ts recovers
 * code and params from a stored row (i18n/timeline-parse.ts). Enumerated values (statuses,
 * priorities, tiers, channels, devices) are params and are translated here; names, subjects and
 * numbers stay as given.
 * @module
 */
import type { TextEntry, TextParams } from './entry.js';
import type { TextLocale } from './format.js';

type Words = Record<string, { fr: string; ar: string }>;

const STATUS: Words = {
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
function word(value: string | number | undefined, locale: Exclude<TextLocale, 'en'>): string {
  const v = String(value ?? '');
  return STATUS[v]?.[locale] ?? v.replace(/_/g, ' ');
}
const en = (v: string | number | undefined) => String(v ?? '').replace(/_/g, ' ');
const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const fixed = (e: string, f: string, a: string): TextEntry => ({ en: () => e, fr: () => f, ar: () => a });
const with1 = (key: string, e: (v: string) => string, f: (v: string) => string, a: (v: string) => string): TextEntry => ({
  en: (p: TextParams) => e(String(p[key] ?? '')),
  fr: (p: TextParams) => f(String(p[key] ?? '')),
  ar: (p: TextParams) => a(String(p[key] ?? '')),
});

/** Timeline titles. */
export const TIMELINE_TEXT = {
  'timeline.order.placed': with1(
    'number',
    (n) => `Order ${n}`,
    (n) => `Commande ${n}`,
    (n) => `الطلب ${n}`,
  ),
  'timeline.order.status': {
    en: (p) => `Order ${p.number} ${en(p.status)}`,
    fr: (p) => `Commande ${p.number} ${word(p.status, 'fr')}`,
    ar: (p) => `الطلب ${p.number}: ${word(p.status, 'ar')}`,
  },
  'timeline.ticket.opened': with1(
    'subject',
    (s) => `Ticket opened: ${s}`,
    (s) => `Ticket ouvert : ${s}`,
    (s) => `فُتحت تذكرة: ${s}`,
  ),
  'timeline.ticket.changed': {
    en: (p) => `Ticket ${en(p.change)}: ${p.subject}`,
    fr: (p) => `Ticket ${word(p.change, 'fr')} : ${p.subject}`,
    ar: (p) => `التذكرة ${word(p.change, 'ar')}: ${p.subject}`,
  },
  'timeline.ticket.priority': {
    en: (p) => `Ticket priority ${p.priority}: ${p.subject}`,
    fr: (p) => `Priorité du ticket ${word(p.priority, 'fr')} : ${p.subject}`,
    ar: (p) => `أولوية التذكرة ${word(p.priority, 'ar')}: ${p.subject}`,
  },
  'timeline.loyalty.joined': fixed('Joined the loyalty programme', 'A rejoint le programme de fidélité', 'انضم إلى برنامج الولاء'),
  'timeline.loyalty.updated': fixed('Loyalty membership updated', 'Adhésion fidélité mise à jour', 'حُدِّثت عضوية الولاء'),
  'timeline.loyalty.earned': {
    en: (p) => `Earned ${p.points} point${+p.points! === 1 ? '' : 's'}`,
    fr: (p, f) => `${f.count(+p.points!, 'point')} gagné${Math.abs(+p.points!) < 2 ? '' : 's'}`,
    ar: (p, f) => `اكتسب ${f.count(+p.points!, 'point')}`,
  },
  'timeline.loyalty.redeemed': {
    en: (p) => `Redeemed ${p.points} point${+p.points! === 1 ? '' : 's'}`,
    fr: (p, f) => `${f.count(+p.points!, 'point')} utilisé${Math.abs(+p.points!) < 2 ? '' : 's'}`,
    ar: (p, f) => `استبدل ${f.count(+p.points!, 'point')}`,
  },
  'timeline.loyalty.tier': {
    en: (p) =>
      `Tier ${p.move === 'set' ? 'set to' : p.move === 'up' ? 'upgraded to' : p.move === 'down' ? 'downgraded to' : 'confirmed:'} ${cap(en(p.tier))}`,
    fr: (p) =>
      `${p.move === 'set' ? 'Niveau défini' : p.move === 'up' ? 'Passage au niveau supérieur' : p.move === 'down' ? 'Passage au niveau inférieur' : 'Niveau confirmé'} : ${word(p.tier, 'fr')}`,
    ar: (p) =>
      `${p.move === 'set' ? 'حُدِّد المستوى' : p.move === 'up' ? 'رُقّي المستوى' : p.move === 'down' ? 'خُفِّض المستوى' : 'تأكّد المستوى'}: ${word(p.tier, 'ar')}`,
  },
  'timeline.loyalty.referred': fixed('Referred a new customer', 'A parrainé un nouveau client', 'أحال عميلًا جديدًا'),
  'timeline.payment.received': fixed('Payment received', 'Paiement reçu', 'تم استلام الدفعة'),
  'timeline.payment.failed': fixed('Payment failed', 'Échec du paiement', 'فشل الدفع'),
  'timeline.payment.pending': fixed('Payment pending', 'Paiement en attente', 'الدفعة قيد الانتظار'),
  'timeline.refund.issued': fixed('Refund issued', 'Remboursement effectué', 'تم إصدار الاسترداد'),
  'timeline.refund.failed': fixed('Refund failed', 'Échec du remboursement', 'فشل الاسترداد'),
  'timeline.refund.pending': fixed('Refund pending', 'Remboursement en attente', 'الاسترداد قيد الانتظار'),
  'timeline.paymentMethod.added': fixed('Payment method added', 'Moyen de paiement ajouté', 'أُضيفت وسيلة دفع'),
  'timeline.paymentMethod.updated': fixed('Payment method updated', 'Moyen de paiement mis à jour', 'حُدِّثت وسيلة الدفع'),
  'timeline.visit': with1(
    'device',
    (d) => `Visited the shop on ${d}`,
    (d) => `Visite de la boutique sur ${word(d, 'fr')}`,
    (d) => `زار المتجر عبر ${word(d, 'ar')}`,
  ),
  'timeline.viewed': with1(
    'product',
    (n) => `Viewed ${n}`,
    (n) => `A consulté ${n}`,
    (n) => `شاهد ${n}`,
  ),
  'timeline.customer.created': fixed('Customer created', 'Client créé', 'أُنشئ العميل'),
  'timeline.profile.updated': fixed('Profile updated', 'Profil mis à jour', 'حُدِّث الملف الشخصي'),
  'timeline.preferences.updated': fixed(
    'Communication preferences updated',
    'Préférences de communication mises à jour',
    'حُدِّثت تفضيلات التواصل',
  ),
  'timeline.note': {
    en: (p) => `${p.noteType === 'general' ? 'Note' : `${cap(String(p.noteType))} note`} by ${p.author}`,
    fr: (p) => `${NOTE_FR[String(p.noteType)] ?? 'Note'} de ${p.author}`,
    ar: (p) => `${NOTE_AR[String(p.noteType)] ?? 'ملاحظة'} بقلم ${p.author}`,
  },
  'timeline.tag.added': with1(
    'tag',
    (t) => `Tagged “${t}”`,
    (t) => `Étiqueté « ${t} »`,
    (t) => `أُضيف الوسم «${t}»`,
  ),
  'timeline.tag.removed': with1(
    'tag',
    (t) => `Tag “${t}” removed`,
    (t) => `Étiquette « ${t} » retirée`,
    (t) => `أُزيل الوسم «${t}»`,
  ),
  'timeline.part.lines': {
    en: (p, f) => f.count(+p.count!, 'line'),
    fr: (p, f) => f.count(+p.count!, 'line'),
    ar: (p, f) => f.count(+p.count!, 'line'),
  },
  'timeline.part.items': {
    en: (p, f) => f.count(+p.count!, 'item'),
    fr: (p, f) => f.count(+p.count!, 'item'),
    ar: (p, f) => f.count(+p.count!, 'item'),
  },
  'timeline.part.shipping': fixed('incl. shipping', 'livraison incluse', 'شاملًا الشحن'),
  'timeline.part.priority': {
    en: (p) => `${p.priority} priority`,
    fr: (p) => `priorité ${word(p.priority, 'fr')}`,
    ar: (p) => `أولوية ${word(p.priority, 'ar')}`,
  },
  'timeline.part.via': with1(
    'channel',
    (c) => `via ${c}`,
    (c) => `via ${word(c, 'fr')}`,
    (c) => `عبر ${word(c, 'ar')}`,
  ),
  'timeline.part.statusChange': {
    en: (p) => `${en(p.from)} → ${en(p.to)}`,
    fr: (p) => `${word(p.from, 'fr')} → ${word(p.to, 'fr')}`,
    ar: (p) => `${word(p.from, 'ar')} ← ${word(p.to, 'ar')}`,
  },
  'timeline.part.orderStatusChange': {
    en: (p) => `Status ${p.from} → ${p.to}`,
    fr: (p) => `Statut ${word(p.from, 'fr')} → ${word(p.to, 'fr')}`,
    ar: (p) => `الحالة ${word(p.from, 'ar')} ← ${word(p.to, 'ar')}`,
  },
  'timeline.part.joined': with1(
    'name',
    (n) => `${n} joined`,
    (n) => `${n} a rejoint`,
    (n) => `انضم ${n}`,
  ),
  'timeline.part.tier': with1(
    'tier',
    (t) => `${cap(en(t))} tier`,
    (t) => `Niveau ${word(t, 'fr')}`,
    (t) => `المستوى ${word(t, 'ar')}`,
  ),
  'timeline.part.wasTier': with1(
    'tier',
    (t) => `was ${cap(en(t))}`,
    (t) => `auparavant ${word(t, 'fr')}`,
    (t) => `كان ${word(t, 'ar')}`,
  ),
  'timeline.part.by': with1(
    'name',
    (n) => `By ${n}`,
    (n) => `Par ${n}`,
    (n) => `بواسطة ${n}`,
  ),
  'timeline.part.text': with1(
    'text',
    (t) => t,
    (t) => t,
    (t) => t,
  ),
} satisfies Record<string, TextEntry>;

const NOTE_FR: Record<string, string> = {
  general: 'Note',
  support: 'Note support',
  sales: 'Note commerciale',
  billing: 'Note de facturation',
};
const NOTE_AR: Record<string, string> = { general: 'ملاحظة', support: 'ملاحظة دعم', sales: 'ملاحظة مبيعات', billing: 'ملاحظة فوترة' };
