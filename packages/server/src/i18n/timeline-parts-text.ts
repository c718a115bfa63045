/**
 * Catalogue entries of the pieces of timeline descriptions (`timeline.part.*`): a stored description
 * is its pieces joined with " · "; each known piece has a code, anything else (a customer's own words,
 * a subject, a reason) is `timeline.part.text` and is shown as written.
 * @module
 */
import type { TextEntry, TextParams } from './entry.js';
import type { TextLocale } from './format.js';
import { cap, en, enCount, fixed, with1, word } from './words.js';

type Tr = Record<string, { en: string; fr: string; ar: string }>;

const CHANNEL: Tr = {
  email: { en: 'Email', fr: 'E-mail', ar: 'البريد الإلكتروني' },
  sms: { en: 'SMS', fr: 'SMS', ar: 'الرسائل النصية' },
  push: { en: 'Push', fr: 'Push', ar: 'الإشعارات الفورية' },
  whatsapp: { en: 'WhatsApp', fr: 'WhatsApp', ar: 'واتساب' },
};

const FIELD: Tr = {
  Name: { en: 'Name', fr: 'Nom', ar: 'الاسم' },
  Email: { en: 'Email', fr: 'E-mail', ar: 'البريد الإلكتروني' },
  Phone: { en: 'Phone', fr: 'Téléphone', ar: 'الهاتف' },
  Status: { en: 'Status', fr: 'Statut', ar: 'الحالة' },
};

/** `+3`, `−4`, `0` (the minus sign U+2212, as score changes are stored). */
function signed(n: number, num: (n: number) => string = String): string {
  return n > 0 ? `+${num(n)}` : n < 0 ? `−${num(-n)}` : num(0);
}

/** A `YYYY-MM-DD` date in the language's medium style (UTC). */
function dateIn(value: string | number | undefined, locale: TextLocale): string {
  const date = new Date(`${value}T00:00:00Z`);
  return Number.isNaN(date.getTime())
    ? String(value)
    : new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(date);
}

/** `45 s`, `12 min`, `1 h 5 min` from params `{ seconds }` or `{ minutes }` (as ingestion wrote them). */
function durationText(p: TextParams, s: string, min: string, h: string, num: (n: number) => string = String): string {
  if (p.seconds !== undefined) return `${num(+p.seconds)} ${s}`;
  const minutes = +p.minutes!;
  return minutes < 60
    ? `${num(minutes)} ${min}`
    : `${num(Math.floor(minutes / 60))} ${h}${minutes % 60 ? ` ${num(minutes % 60)} ${min}` : ''}`;
}

/** Description pieces by code. */
export const TIMELINE_PART_TEXT = {
  'timeline.part.lines': {
    en: (p) => enCount(+p.count!, 'line'),
    fr: (p, f) => f.count(+p.count!, 'line'),
    ar: (p, f) => f.count(+p.count!, 'line'),
  },
  'timeline.part.items': {
    en: (p) => enCount(+p.count!, 'item'),
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
  'timeline.part.cancellation': {
    en: (p) => `Cancellation of ${enCount(+p.count!, 'line')}`,
    fr: (p, f) => `Annulation de ${f.count(+p.count!, 'line')}`,
    ar: (p, f) => `إلغاء ${f.count(+p.count!, 'line')}`,
  },
  'timeline.part.order': with1(
    'number',
    (n) => `Order ${n}`,
    (n) => `Commande ${n}`,
    (n) => `الطلب ${n}`,
  ),
  'timeline.part.orderLower': with1(
    'number',
    (n) => `order ${n}`,
    (n) => `commande ${n}`,
    (n) => `الطلب ${n}`,
  ),
  'timeline.part.expire': {
    en: (p) => `expire ${p.date}`,
    fr: (p) => `expirent le ${dateIn(p.date, 'fr')}`,
    ar: (p) => `تنتهي في ${dateIn(p.date, 'ar')}`,
  },
  'timeline.part.balance': {
    en: (p) => `balance ${Number(p.balance).toLocaleString('en-US')}`,
    fr: (p, f) => `solde ${f.num(p.balance!)}`,
    ar: (p, f) => `الرصيد ${f.num(p.balance!)}`,
  },
  'timeline.part.ref': with1(
    'reference',
    (r) => `ref ${r}`,
    (r) => `réf. ${r}`,
    (r) => `المرجع ${r}`,
  ),
  'timeline.part.from': with1(
    'source',
    (v) => `from ${v}`,
    (v) => `depuis ${v}`,
    (v) => `من ${v}`,
  ),
  'timeline.part.in': with1(
    'category',
    (v) => `in ${v}`,
    (v) => `dans ${v}`,
    (v) => `في ${v}`,
  ),
  'timeline.part.duration': {
    en: (p) => durationText(p, 's', 'min', 'h'),
    fr: (p, f) => durationText(p, 's', 'min', 'h', f.num),
    ar: (p, f) => durationText(p, 'ث', 'د', 'س', f.num),
  },
  'timeline.part.default': fixed('default', 'par défaut', 'افتراضية'),
  'timeline.part.expires': with1(
    'month',
    (m) => `expires ${m}`,
    (m) => `expire ${m}`,
    (m) => `تنتهي ${m}`,
  ),
  'timeline.part.consent': {
    en: (p) => `${CHANNEL[String(p.channel)]?.en ?? p.channel} opted ${p.granted === 'in' ? 'in' : 'out'}`,
    fr: (p) => `${CHANNEL[String(p.channel)]?.fr ?? p.channel} : ${p.granted === 'in' ? 'accepté' : 'refusé'}`,
    ar: (p) => `${CHANNEL[String(p.channel)]?.ar ?? p.channel}: ${p.granted === 'in' ? 'تم الاشتراك' : 'تم إلغاء الاشتراك'}`,
  },
  'timeline.part.quietHours': {
    en: (p) => `quiet hours ${p.start}–${p.end}`,
    fr: (p) => `heures calmes ${p.start}–${p.end}`,
    ar: (p) => `ساعات الهدوء ${p.start}–${p.end}`,
  },
  'timeline.part.noQuietHours': fixed('no quiet hours', 'pas d’heures calmes', 'بلا ساعات هدوء'),
  'timeline.part.timezone': with1(
    'zone',
    (z) => `time zone ${z}`,
    (z) => `fuseau horaire ${z}`,
    (z) => `المنطقة الزمنية ${z}`,
  ),
  'timeline.part.language': with1(
    'language',
    (l) => `language ${l}`,
    (l) => `langue ${l}`,
    (l) => `اللغة ${l}`,
  ),
  'timeline.part.scoreDelta': {
    en: (p) => `${signed(+p.delta!)} points since the last recorded score`,
    fr: (p, f) => `${signed(+p.delta!, f.num)} points depuis le dernier score enregistré`,
    ar: (p, f) => `${signed(+p.delta!, f.num)} نقطة منذ آخر نتيجة مسجلة`,
  },
  'timeline.part.wasLevel': {
    en: (p) => `Was ${p.level} (${p.score})`,
    fr: (p, f) => `Était ${word(p.level, 'fr')} (${f.num(p.score!)})`,
    ar: (p, f) => `كان ${word(p.level, 'ar')} (${f.num(p.score!)})`,
  },
  'timeline.part.exportedBy': {
    en: (p) => `exported by ${p.author} (${p.role})`,
    fr: (p) => `exporté par ${p.author} (${p.role})`,
    ar: (p) => `صدّره ${p.author} (${p.role})`,
  },
  'timeline.part.manual': fixed('Manual', 'Manuel', 'يدوي'),
  'timeline.part.ruleSegment': fixed('Rule segment', 'Segment par règle', 'شريحة بقاعدة'),
  'timeline.part.automatic': fixed('automatic', 'automatique', 'تلقائي'),
  'timeline.part.privateNote': fixed('Private note', 'Note privée', 'ملاحظة خاصة'),
  'timeline.part.restrictedNote': fixed('Restricted note', 'Note restreinte', 'ملاحظة مقيَّدة'),
  'timeline.part.addressChanged': fixed('Address changed', 'Adresse modifiée', 'تغيّر العنوان'),
  'timeline.part.addressesRemoved': fixed('Addresses removed', 'Adresses supprimées', 'أُزيلت العناوين'),
  'timeline.part.profileChange': {
    en: (p) => `${FIELD[String(p.field)]?.en ?? p.field}: ${p.from} → ${p.to}`,
    fr: (p) => `${FIELD[String(p.field)]?.fr ?? p.field} : ${p.from} → ${p.to}`,
    ar: (p) => `${FIELD[String(p.field)]?.ar ?? p.field}: ${p.from} ← ${p.to}`,
  },
  'loyalty.reason.welcome': fixed('Welcome bonus', 'Bonus de bienvenue', 'مكافأة ترحيب'),
  'loyalty.reason.birthday': fixed('Birthday bonus', 'Bonus d’anniversaire', 'مكافأة عيد الميلاد'),
  'loyalty.reason.earlierOrders': {
    en: (p) => `Points for ${p.count} earlier order${+p.count! === 1 ? '' : 's'}`,
    fr: (p, f) => `Points pour ${f.count(+p.count!, 'order')} antérieure${Math.abs(+p.count!) < 2 ? '' : 's'}`,
    ar: (p, f) => `نقاط عن ${f.count(+p.count!, 'order')} سابقة`,
  },
  'loyalty.reason.referral': with1(
    'customer',
    (c) => `Referral bonus: customer ${c} joined`,
    (c) => `Bonus de parrainage : le client ${c} a rejoint`,
    (c) => `مكافأة إحالة: انضم العميل ${c}`,
  ),
  'loyalty.reason.voucher': {
    en: (p) => `£${p.amount} voucher`,
    fr: (p, f) => `Bon d’achat de ${f.num(p.amount!)} £`,
    ar: (p, f) => `قسيمة بقيمة ${f.num(p.amount!)} جنيه إسترليني`,
  },
  'loyalty.reason.tierThreshold': {
    en: (p) => `Lifetime points passed ${Number(p.points).toLocaleString('en-GB')}`,
    fr: (p, f) => `Points cumulés au-delà de ${f.num(p.points!)}`,
    ar: (p, f) => `تجاوزت النقاط المتراكمة ${f.num(p.points!)}`,
  },
  'support.history.change': {
    en: (p) => `${p.from} → ${p.to}`,
    fr: (p) => `${word(p.from, 'fr')} → ${word(p.to, 'fr')}`,
    ar: (p) => `${word(p.from, 'ar')} ← ${word(p.to, 'ar')}`,
  },
} satisfies Record<string, TextEntry>;
