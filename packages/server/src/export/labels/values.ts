/**
 * Enumerated values an export shows (statuses, priorities, channels, kinds, tiers, devices...) in
 * French and Arabic; English shows the value with `_` as a space. Keys are `group.value`.
 * @module
 */
import type { ExportLocale } from '@c360/sdk';

/** A value's group: which enum it comes from. */
export type ValueGroup =
  | 'account'
  | 'order'
  | 'ticket'
  | 'priority'
  | 'channel'
  | 'loyalty'
  | 'tier'
  | 'payment'
  | 'method'
  | 'note'
  | 'visibility'
  | 'segment'
  | 'device'
  | 'frequency'
  | 'event'
  | 'rfm';

const V: Record<string, { fr: string; ar: string }> = {
  'account.active': { fr: 'actif', ar: 'نشط' },
  'account.inactive': { fr: 'inactif', ar: 'غير نشط' },
  'account.suspended': { fr: 'suspendu', ar: 'موقوف' },
  'account.closed': { fr: 'fermé', ar: 'مغلق' },
  'order.pending': { fr: 'en attente', ar: 'قيد الانتظار' },
  'order.paid': { fr: 'payée', ar: 'مدفوع' },
  'order.shipped': { fr: 'expédiée', ar: 'تم الشحن' },
  'order.delivered': { fr: 'livrée', ar: 'تم التسليم' },
  'order.completed': { fr: 'terminée', ar: 'مكتمل' },
  'order.cancelled': { fr: 'annulée', ar: 'ملغى' },
  'order.unavailable': { fr: 'indisponible', ar: 'غير متاح' },
  'order.returned': { fr: 'retournée', ar: 'مُرتجَع' },
  'ticket.open': { fr: 'ouvert', ar: 'مفتوحة' },
  'ticket.pending': { fr: 'en attente', ar: 'قيد الانتظار' },
  'ticket.in_progress': { fr: 'en cours', ar: 'قيد المعالجة' },
  'ticket.escalated': { fr: 'escaladé', ar: 'مُصعَّدة' },
  'ticket.resolved': { fr: 'résolu', ar: 'محلولة' },
  'ticket.closed': { fr: 'fermé', ar: 'مغلقة' },
  'priority.low': { fr: 'basse', ar: 'منخفضة' },
  'priority.normal': { fr: 'normale', ar: 'عادية' },
  'priority.high': { fr: 'haute', ar: 'عالية' },
  'priority.urgent': { fr: 'urgente', ar: 'عاجلة' },
  'channel.email': { fr: 'e-mail', ar: 'البريد الإلكتروني' },
  'channel.sms': { fr: 'SMS', ar: 'الرسائل القصيرة' },
  'channel.push': { fr: 'notifications push', ar: 'الإشعارات' },
  'channel.whatsapp': { fr: 'WhatsApp', ar: 'واتساب' },
  'channel.chat': { fr: 'chat', ar: 'الدردشة' },
  'channel.phone': { fr: 'téléphone', ar: 'الهاتف' },
  'channel.web': { fr: 'web', ar: 'الويب' },
  'channel.social': { fr: 'réseaux sociaux', ar: 'وسائل التواصل' },
  'channel.other': { fr: 'autre', ar: 'أخرى' },
  'loyalty.earn': { fr: 'gain', ar: 'اكتساب' },
  'loyalty.redeem': { fr: 'utilisation', ar: 'استبدال' },
  'loyalty.expire': { fr: 'expiration', ar: 'انتهاء' },
  'loyalty.adjust': { fr: 'ajustement', ar: 'تعديل' },
  'tier.bronze': { fr: 'Bronze', ar: 'برونزي' },
  'tier.silver': { fr: 'Argent', ar: 'فضي' },
  'tier.gold': { fr: 'Or', ar: 'ذهبي' },
  'tier.platinum': { fr: 'Platine', ar: 'بلاتيني' },
  'payment.charge': { fr: 'débit', ar: 'خصم' },
  'payment.refund': { fr: 'remboursement', ar: 'استرداد' },
  'payment.succeeded': { fr: 'réussi', ar: 'ناجحة' },
  'payment.failed': { fr: 'échoué', ar: 'فاشلة' },
  'payment.pending': { fr: 'en attente', ar: 'قيد الانتظار' },
  'method.card': { fr: 'carte', ar: 'بطاقة' },
  'method.paypal': { fr: 'PayPal', ar: 'PayPal' },
  'method.bank_account': { fr: 'compte bancaire', ar: 'حساب مصرفي' },
  'method.apple_pay': { fr: 'Apple Pay', ar: 'Apple Pay' },
  'method.google_pay': { fr: 'Google Pay', ar: 'Google Pay' },
  'method.other': { fr: 'autre', ar: 'أخرى' },
  'note.general': { fr: 'général', ar: 'عامة' },
  'note.support': { fr: 'support', ar: 'دعم' },
  'note.sales': { fr: 'ventes', ar: 'مبيعات' },
  'note.billing': { fr: 'facturation', ar: 'فوترة' },
  'visibility.team': { fr: 'équipe', ar: 'الفريق' },
  'visibility.private': { fr: 'privée', ar: 'خاصة' },
  'visibility.restricted': { fr: 'restreinte', ar: 'مقيّدة' },
  'segment.rfm': { fr: 'RFM', ar: 'RFM' },
  'segment.rule': { fr: 'règle', ar: 'قاعدة' },
  'segment.manual': { fr: 'manuel', ar: 'يدوي' },
  'segment.automatic': { fr: 'automatique', ar: 'تلقائي' },
  'device.desktop': { fr: 'ordinateur', ar: 'حاسوب' },
  'device.mobile': { fr: 'mobile', ar: 'هاتف محمول' },
  'device.tablet': { fr: 'tablette', ar: 'جهاز لوحي' },
  'frequency.immediate': { fr: 'immédiate', ar: 'فورية' },
  'frequency.daily': { fr: 'quotidienne', ar: 'يومية' },
  'frequency.weekly': { fr: 'hebdomadaire', ar: 'أسبوعية' },
  'frequency.monthly': { fr: 'mensuelle', ar: 'شهرية' },
  'event.order': { fr: 'commande', ar: 'طلب' },
  'event.refund': { fr: 'remboursement', ar: 'استرداد' },
  'event.payment': { fr: 'paiement', ar: 'دفع' },
  'event.ticket': { fr: 'ticket', ar: 'تذكرة' },
  'event.loyalty': { fr: 'fidélité', ar: 'الولاء' },
  'event.marketing': { fr: 'marketing', ar: 'التسويق' },
  'event.session': { fr: 'session', ar: 'جلسة' },
  'event.note': { fr: 'note', ar: 'ملاحظة' },
  'event.tag': { fr: 'étiquette', ar: 'وسم' },
  'event.segment': { fr: 'segment', ar: 'شريحة' },
  'event.score': { fr: 'score', ar: 'درجة' },
  'event.account': { fr: 'compte', ar: 'الحساب' },
  'event.export': { fr: 'export', ar: 'تصدير' },
  'rfm.Champions': { fr: 'Champions', ar: 'الأبطال' },
  'rfm.Loyal': { fr: 'Fidèles', ar: 'الأوفياء' },
  'rfm.Potential Loyalist': { fr: 'Fidèles potentiels', ar: 'أوفياء محتملون' },
  'rfm.New': { fr: 'Nouveaux', ar: 'جدد' },
  'rfm.Promising': { fr: 'Prometteurs', ar: 'واعدون' },
  'rfm.Need Attention': { fr: 'À surveiller', ar: 'بحاجة إلى اهتمام' },
  'rfm.About to Sleep': { fr: 'Bientôt inactifs', ar: 'على وشك الخمول' },
  'rfm.At Risk': { fr: 'À risque', ar: 'معرّضون للخطر' },
  'rfm.Cannot Lose Them': { fr: 'À ne pas perdre', ar: 'لا يمكن خسارتهم' },
  'rfm.Hibernating': { fr: 'En sommeil', ar: 'خاملون' },
  'rfm.Lost': { fr: 'Perdus', ar: 'مفقودون' },
};

/** `value` of `group` in `locale`: the catalogue's word, else the value with `_` as a space. */
export function valueLabel(locale: ExportLocale, group: ValueGroup, value: string | null | undefined): string {
  if (value === null || value === undefined || value === '') return '—';
  const entry = locale === 'en' ? undefined : V[`${group}.${value}`];
  if (entry) return entry[locale as 'fr' | 'ar'];
  const words = value.replace(/_/g, ' ');
  return group === 'tier' ? words[0]!.toUpperCase() + words.slice(1) : words; // tiers are names: "Gold"
}
