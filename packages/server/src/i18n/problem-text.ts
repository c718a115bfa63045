/**
 * Catalogue entries of problem titles (`problem.*`): every title a ProblemError carries, in English,
 * French and Arabic. Problem titles have no parameters; the English template is the title itself.
 * @module
 */
import type { TextEntry } from './entry.js';

const t = (en: string, fr: string, ar: string): TextEntry => ({ en: () => en, fr: () => fr, ar: () => ar });

/** Problem titles by code. */
export const PROBLEM_TEXT = {
  'problem.invalidRequest': t('Invalid request', 'Requête invalide', 'طلب غير صالح'),
  'problem.idempotencyKeyReused': t('Idempotency-Key reused', 'Clé d’idempotence réutilisée', 'أُعيد استخدام مفتاح Idempotency-Key'),
  'problem.requestInProgress': t('Request in progress', 'Requête en cours', 'الطلب قيد التنفيذ'),
  'problem.notReady': t('Not ready', 'Pas prêt', 'غير جاهز'),
  'problem.payloadTooLarge': t('Payload too large', 'Contenu trop volumineux', 'المحتوى كبير جدًا'),
  'problem.quietHours': t('Customer is in quiet hours', 'Le client est en heures calmes', 'العميل في ساعات الهدوء'),
  'problem.tagExists': t('Tag exists', 'L’étiquette existe déjà', 'الوسم موجود مسبقًا'),
  'problem.segmentNameTaken': t('Segment name taken', 'Nom de segment déjà utilisé', 'اسم الشريحة مستخدم'),
  'problem.segmentBuiltIn': t('Segment is built in', 'Le segment est prédéfini', 'الشريحة مدمجة'),
  'problem.segmentAutomatic': t('Segment is automatic', 'Le segment est automatique', 'الشريحة تلقائية'),
  'problem.ticketNotFound': t('Ticket not found', 'Ticket introuvable', 'التذكرة غير موجودة'),
  'problem.tagNotFound': t('Tag not found', 'Étiquette introuvable', 'الوسم غير موجود'),
  'problem.tagNotAssigned': t('Tag not assigned', 'Étiquette non attribuée', 'الوسم غير مُسنَد'),
  'problem.segmentNotFound': t('Segment not found', 'Segment introuvable', 'الشريحة غير موجودة'),
  'problem.notificationNotFound': t('Notification not found', 'Notification introuvable', 'الإشعار غير موجود'),
  'problem.notFound': t('Not found', 'Introuvable', 'غير موجود'),
  'problem.notAMember': t('Not a member', 'Pas membre', 'ليس عضوًا'),
  'problem.exportScheduleNotFound': t('Export schedule not found', 'Export planifié introuvable', 'جدول التصدير غير موجود'),
  'problem.exportRunNotFound': t('Export run not found', 'Exécution d’export introuvable', 'عملية التصدير غير موجودة'),
  'problem.customerNotFound': t('Customer not found', 'Client introuvable', 'العميل غير موجود'),
  'problem.forbidden': t('Forbidden', 'Accès refusé', 'غير مسموح'),
  'problem.unauthorized': t('Unauthorized', 'Non autorisé', 'غير مصرَّح'),
  'problem.noToken': t('No token', 'Aucun jeton', 'لا يوجد رمز'),
  'problem.noEmailAddress': t('Customer has no email address', 'Le client n’a pas d’adresse e-mail', 'ليس لدى العميل عنوان بريد إلكتروني'),
  'problem.emailNotOptedIn': t(
    'Customer has not opted in to email',
    'Le client n’a pas accepté les e-mails',
    'لم يوافق العميل على تلقي البريد الإلكتروني',
  ),
  'problem.emailOptedOut': t(
    'Customer has opted out of email',
    'Le client a refusé les e-mails',
    'ألغى العميل الاشتراك في البريد الإلكتروني',
  ),
  'problem.emailNotSent': t('Email not sent', 'E-mail non envoyé', 'لم يُرسَل البريد الإلكتروني'),
  'problem.pointsNotAdded': t('Points cannot be added', 'Impossible d’ajouter les points', 'لا يمكن إضافة النقاط'),
  'problem.notEnoughPoints': t('Not enough points', 'Points insuffisants', 'النقاط غير كافية'),
  'problem.tooManyRequests': t('Too many requests', 'Trop de requêtes', 'طلبات كثيرة جدًا'),
  'problem.fileGone': t('File no longer kept', 'Fichier plus conservé', 'لم يعد الملف محفوظًا'),
  'problem.databaseBusy': t('Database busy', 'Base de données occupée', 'قاعدة البيانات مشغولة'),
  'problem.followUpNotFound': t('Follow-up not found', 'Relance introuvable', 'المتابعة غير موجودة'),
  'problem.eventConflict': t('Event cannot be applied', 'L’événement ne peut pas être appliqué', 'لا يمكن تطبيق الحدث'),
  'problem.internal': t('Internal server error', 'Erreur interne du serveur', 'خطأ داخلي في الخادم'),
} satisfies Record<string, TextEntry>;
