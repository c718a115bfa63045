/**
 * Catalogue entries of timeline titles (`timeline.*`) and of the pieces of their descriptions
 * (`timeline.part.*`, joined with " · "), in English, French and Arabic. The English templates
 * reproduce what ingestion stores as the activity's title/description; read/timeline.ts recovers
 * code and params from a stored row (i18n/timeline-parse.ts). Enumerated values (statuses,
 * priorities, tiers, channels, devices) are params and are translated here; names, subjects and
 * numbers stay as given.
 * @module
 */
import type { TextEntry } from './entry.js';
import { cap, en, enCount, fixed, with1, word } from './words.js';

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
    en: (p) => `Earned ${enCount(+p.points!, 'point')}`,
    fr: (p, f) => `${f.count(+p.points!, 'point')} gagné${Math.abs(+p.points!) < 2 ? '' : 's'}`,
    ar: (p, f) => `اكتسب ${f.count(+p.points!, 'point')}`,
  },
  'timeline.loyalty.redeemed': {
    en: (p) => `Redeemed ${enCount(+p.points!, 'point')}`,
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
  'timeline.refund.imported': with1(
    'invoice',
    (n) => `Refund ${n}`,
    (n) => `Remboursement ${n}`,
    (n) => `استرداد ${n}`,
  ),
  'timeline.marketing.message': {
    en: (p) =>
      `${MESSAGE[String(p.channel)]?.en ?? p.channel} ${VERB[String(p.action)]?.en ?? p.action}${p.campaign ? `: ${p.campaign}` : ''}`,
    fr: (p) =>
      `${MESSAGE[String(p.channel)]?.fr ?? p.channel} ${VERB[String(p.action)]?.fr ?? p.action}${p.campaign ? ` : ${p.campaign}` : ''}`,
    ar: (p) =>
      `${MESSAGE[String(p.channel)]?.ar ?? p.channel} ${VERB[String(p.action)]?.ar ?? p.action}${p.campaign ? `: ${p.campaign}` : ''}`,
  },
  'timeline.marketing.unsubscribed': {
    en: (p) => `Unsubscribed from ${UNSUBSCRIBED[String(p.channel)]?.en ?? p.channel}`,
    fr: (p) => `Désabonné des ${UNSUBSCRIBED[String(p.channel)]?.fr ?? p.channel}`,
    ar: (p) => `ألغى الاشتراك في ${UNSUBSCRIBED[String(p.channel)]?.ar ?? p.channel}`,
  },
  'timeline.score.health': {
    en: (p) =>
      `Health score ${p.direction} from ${p.from} to ${p.to} (${p.fromLevel === p.toLevel ? p.toLevel : `${p.fromLevel} → ${p.toLevel}`})`,
    fr: (p, f) =>
      `Score de santé ${p.direction === 'fell' ? 'en baisse' : 'en hausse'} de ${f.num(p.from!)} à ${f.num(p.to!)} ` +
      `(${p.fromLevel === p.toLevel ? word(p.toLevel, 'fr') : `${word(p.fromLevel, 'fr')} → ${word(p.toLevel, 'fr')}`})`,
    ar: (p, f) =>
      `${p.direction === 'fell' ? 'انخفض' : 'ارتفع'} مؤشر الصحة من ${f.num(p.from!)} إلى ${f.num(p.to!)} ` +
      `(${p.fromLevel === p.toLevel ? word(p.toLevel, 'ar') : `${word(p.fromLevel, 'ar')} ← ${word(p.toLevel, 'ar')}`})`,
  },
  'timeline.score.churn': {
    en: (p) => `Churn risk ${p.direction} to ${p.level} (${p.score})`,
    fr: (p, f) => `Risque d’attrition ${p.direction === 'fell' ? 'en baisse' : 'en hausse'} : ${word(p.level, 'fr')} (${f.num(p.score!)})`,
    ar: (p, f) => `${p.direction === 'fell' ? 'انخفض' : 'ارتفع'} خطر فقدان العميل إلى ${word(p.level, 'ar')} (${f.num(p.score!)})`,
  },
  'timeline.export': {
    en: (p) => `${String(p.format).toUpperCase()} export by ${p.author}`,
    fr: (p) => `Export ${String(p.format).toUpperCase()} par ${p.author}`,
    ar: (p) => `تصدير ${String(p.format).toUpperCase()} بواسطة ${p.author}`,
  },
  'timeline.segment.added': with1(
    'segment',
    (n) => `Added to segment “${n}”`,
    (n) => `Ajouté au segment « ${n} »`,
    (n) => `أُضيف إلى الشريحة «${n}»`,
  ),
  'timeline.segment.removed': with1(
    'segment',
    (n) => `Removed from segment “${n}”`,
    (n) => `Retiré du segment « ${n} »`,
    (n) => `أُزيل من الشريحة «${n}»`,
  ),
  'timeline.segment.entered': with1(
    'segment',
    (n) => `Entered segment “${n}”`,
    (n) => `Entré dans le segment « ${n} »`,
    (n) => `دخل الشريحة «${n}»`,
  ),
  'timeline.segment.left': with1(
    'segment',
    (n) => `Left segment “${n}”`,
    (n) => `Sorti du segment « ${n} »`,
    (n) => `غادر الشريحة «${n}»`,
  ),
  'timeline.followUp': {
    en: (p) => `${FOLLOW_UP[String(p.change)]?.en ?? 'Follow-up'} by ${p.author}`,
    fr: (p) => `${FOLLOW_UP[String(p.change)]?.fr ?? 'Suivi'} par ${p.author}`,
    ar: (p) => `${FOLLOW_UP[String(p.change)]?.ar ?? 'متابعة'} بواسطة ${p.author}`,
  },
} satisfies Record<string, TextEntry>;

/** A follow-up's timeline title by its change (actions/follow-up.ts, follow-ups/store.ts). */
const FOLLOW_UP: Record<string, { en: string; fr: string; ar: string }> = {
  scheduled: { en: 'Follow-up scheduled', fr: 'Suivi planifié', ar: 'جُدولت متابعة' },
  done: { en: 'Follow-up done', fr: 'Suivi terminé', ar: 'اكتملت المتابعة' },
  cancelled: { en: 'Follow-up cancelled', fr: 'Suivi annulé', ar: 'أُلغيت المتابعة' },
  reopened: { en: 'Follow-up reopened', fr: 'Suivi rouvert', ar: 'أُعيد فتح المتابعة' },
  rescheduled: { en: 'Follow-up rescheduled', fr: 'Suivi replanifié', ar: 'أُعيدت جدولة المتابعة' },
  reassigned: { en: 'Follow-up reassigned', fr: 'Suivi réattribué', ar: 'أُعيد إسناد المتابعة' },
  edited: { en: 'Follow-up edited', fr: 'Suivi modifié', ar: 'عُدِّلت المتابعة' },
};

const NOTE_FR: Record<string, string> = {
  general: 'Note',
  support: 'Note support',
  sales: 'Note commerciale',
  billing: 'Note de facturation',
};
const NOTE_AR: Record<string, string> = { general: 'ملاحظة', support: 'ملاحظة دعم', sales: 'ملاحظة مبيعات', billing: 'ملاحظة فوترة' };

type Tr = Record<string, { en: string; fr: string; ar: string }>;
const MESSAGE: Tr = {
  email: { en: 'Email', fr: 'E-mail', ar: 'بريد إلكتروني' },
  sms: { en: 'SMS', fr: 'SMS', ar: 'رسالة نصية' },
  push: { en: 'Push notification', fr: 'Notification push', ar: 'إشعار فوري' },
  whatsapp: { en: 'WhatsApp message', fr: 'Message WhatsApp', ar: 'رسالة واتساب' },
};
const VERB: Tr = {
  sent: { en: 'sent', fr: 'envoyé', ar: 'أُرسل' },
  delivered: { en: 'delivered', fr: 'remis', ar: 'سُلِّم' },
  opened: { en: 'opened', fr: 'ouvert', ar: 'فُتح' },
  clicked: { en: 'link clicked', fr: 'lien cliqué', ar: 'نُقر الرابط' },
  bounced: { en: 'bounced', fr: 'rejeté', ar: 'ارتد' },
};
const UNSUBSCRIBED: Tr = {
  email: { en: 'emails', fr: 'e-mails', ar: 'رسائل البريد الإلكتروني' },
  sms: { en: 'SMS', fr: 'SMS', ar: 'الرسائل النصية' },
  push: { en: 'push notifications', fr: 'notifications push', ar: 'الإشعارات الفورية' },
  whatsapp: { en: 'WhatsApp messages', fr: 'messages WhatsApp', ar: 'رسائل واتساب' },
};
