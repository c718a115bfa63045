/**
 * Column headers, sheet names and field names of the CSV and Excel exports in French and Arabic.
 * English keeps the API's field names (`placedAt`, `lifetimeValue`...), which scripts read; the
 * cells themselves never change with the locale.
 * @module
 */
import type { ExportLocale } from '@c360/sdk';

const C: Record<string, { fr: string; ar: string }> = {
  // Sheets
  Summary: { fr: 'Résumé', ar: 'الملخص' },
  Metrics: { fr: 'Indicateurs', ar: 'المؤشرات' },
  Orders: { fr: 'Commandes', ar: 'الطلبات' },
  Loyalty: { fr: 'Fidélité', ar: 'الولاء' },
  Marketing: { fr: 'Marketing', ar: 'التسويق' },
  Support: { fr: 'Support', ar: 'الدعم' },
  Payments: { fr: 'Paiements', ar: 'المدفوعات' },
  Behaviour: { fr: 'Comportement', ar: 'السلوك' },
  Notes: { fr: 'Notes', ar: 'الملاحظات' },
  Timeline: { fr: 'Historique', ar: 'الأحداث' },
  Customers: { fr: 'Clients', ar: 'العملاء' },
  Export: { fr: 'Export', ar: 'التصدير' },
  // Columns and fields
  field: { fr: 'champ', ar: 'الحقل' },
  value: { fr: 'valeur', ar: 'القيمة' },
  metric: { fr: 'indicateur', ar: 'المؤشر' },
  unit: { fr: 'unité', ar: 'الوحدة' },
  number: { fr: 'numéro', ar: 'الرقم' },
  placedAt: { fr: 'passée le', ar: 'تاريخ الطلب' },
  status: { fr: 'statut', ar: 'الحالة' },
  total: { fr: 'total', ar: 'الإجمالي' },
  currency: { fr: 'devise', ar: 'العملة' },
  items: { fr: 'articles', ar: 'البنود' },
  quantity: { fr: 'quantité', ar: 'الكمية' },
  occurredAt: { fr: 'date', ar: 'التاريخ' },
  kind: { fr: 'nature', ar: 'النوع' },
  points: { fr: 'points', ar: 'النقاط' },
  reason: { fr: 'motif', ar: 'السبب' },
  expiresAt: { fr: 'expire le', ar: 'تاريخ الانتهاء' },
  campaign: { fr: 'campagne', ar: 'الحملة' },
  channel: { fr: 'canal', ar: 'القناة' },
  sentAt: { fr: 'envoyée le', ar: 'تاريخ الإرسال' },
  opened: { fr: 'ouverte', ar: 'مفتوحة' },
  clicked: { fr: 'cliquée', ar: 'تم النقر' },
  bounced: { fr: 'rejetée', ar: 'مرتدّة' },
  id: { fr: 'identifiant', ar: 'المعرّف' },
  subject: { fr: 'objet', ar: 'الموضوع' },
  priority: { fr: 'priorité', ar: 'الأولوية' },
  createdAt: { fr: 'créé le', ar: 'تاريخ الإنشاء' },
  resolvedAt: { fr: 'résolu le', ar: 'تاريخ الحل' },
  resolutionHours: { fr: 'heures de résolution', ar: 'ساعات الحل' },
  csat: { fr: 'CSAT', ar: 'CSAT' },
  nps: { fr: 'NPS', ar: 'NPS' },
  amount: { fr: 'montant', ar: 'المبلغ' },
  method: { fr: 'moyen', ar: 'الوسيلة' },
  last4: { fr: '4 derniers', ar: 'آخر 4 أرقام' },
  orderId: { fr: 'commande', ar: 'الطلب' },
  reference: { fr: 'référence', ar: 'المرجع' },
  name: { fr: 'nom', ar: 'الاسم' },
  author: { fr: 'auteur', ar: 'الكاتب' },
  type: { fr: 'type', ar: 'النوع' },
  visibility: { fr: 'visibilité', ar: 'مستوى الظهور' },
  body: { fr: 'texte', ar: 'النص' },
  title: { fr: 'titre', ar: 'العنوان' },
  description: { fr: 'description', ar: 'الوصف' },
  customer: { fr: 'client', ar: 'العميل' },
  email: { fr: 'e-mail', ar: 'البريد الإلكتروني' },
  phone: { fr: 'téléphone', ar: 'الهاتف' },
  country: { fr: 'pays', ar: 'البلد' },
  registeredAt: { fr: 'inscrit le', ar: 'تاريخ التسجيل' },
  vip: { fr: 'VIP', ar: 'كبار العملاء' },
  address: { fr: 'adresse', ar: 'العنوان' },
  exportedAt: { fr: 'exporté le', ar: 'تاريخ التصدير' },
  exportedBy: { fr: 'exporté par', ar: 'صدّره' },
  asOf: { fr: 'données au', ar: 'البيانات حتى' },
  filters: { fr: 'filtres', ar: 'المرشحات' },
  customers: { fr: 'clients', ar: 'العملاء' },
  lifetimeValue: { fr: 'valeur vie client', ar: 'القيمة الدائمة للعميل' },
  totalOrders: { fr: 'total des commandes', ar: 'إجمالي الطلبات' },
  lastPurchaseAt: { fr: 'dernier achat', ar: 'آخر عملية شراء' },
};

/** The header of column (or sheet, or field) `name` in `locale`; English and unknown names stay as named. */
export function columnLabel(locale: ExportLocale, name: string): string {
  return locale === 'en' ? name : (C[name]?.[locale as 'fr' | 'ar'] ?? name);
}
