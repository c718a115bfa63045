/**
 * Catalogue entries of the health score and churn risk (factor details, recommendations, retention
 * strategies), in English, French and Arabic. The English templates are the text the API has always
 * returned; `scoring/` renders them through `serverText`, so a code and its English text never disagree.
 * @module
 */
import type { TextEntry } from './entry.js';

const FACTOR_LABEL = {
  purchase: { en: 'purchase', fr: 'l’achat', ar: 'الشراء' },
  recency: { en: 'recency', fr: 'la récence', ar: 'الحداثة' },
  engagement: { en: 'engagement', fr: 'l’engagement', ar: 'التفاعل' },
  support: { en: 'support', fr: 'le support', ar: 'الدعم' },
} as const;

const NUDGE = {
  purchase: { en: 'suggest a complementary product', fr: 'suggérer un produit complémentaire', ar: 'اقترح منتجًا مكمّلًا' },
  recency: {
    en: 'send a timely reminder or replenishment offer',
    fr: 'envoyer au bon moment un rappel ou une offre de réassort',
    ar: 'أرسل تذكيرًا في الوقت المناسب أو عرض إعادة شراء',
  },
  engagement: { en: 'share personalised content', fr: 'partager un contenu personnalisé', ar: 'شارك محتوى مخصصًا' },
  support: {
    en: 'check in on their recent support experience',
    fr: 'prendre des nouvelles de sa récente expérience avec le support',
    ar: 'اطمئن على تجربته الأخيرة مع الدعم',
  },
} as const;

type FactorKey = keyof typeof FACTOR_LABEL;
const factorKey = (v: unknown): FactorKey => (String(v) in FACTOR_LABEL ? (String(v) as FactorKey) : 'purchase');

/** Health factor details (`health.<factor>.*`) and recommendations (`health.advice.*`). */
export const HEALTH_TEXT = {
  'health.purchase.noOrder': {
    en: () => 'No completed order yet',
    fr: () => 'Aucune commande terminée pour l’instant',
    ar: () => 'لا يوجد طلب مكتمل بعد',
  },
  'health.purchase.rfm': {
    en: (p, f) => `RFM frequency ${p.f}/5 and monetary ${p.m}/5 (${f.count(+p.orders!, 'completedOrder')})`,
    fr: (p, f) => `RFM : fréquence ${f.num(p.f!)}/5 et montant ${f.num(p.m!)}/5 (${f.count(+p.orders!, 'completedOrder')})`,
    ar: (p, f) => `RFM: التكرار ${f.num(p.f!)}/5 والقيمة ${f.num(p.m!)}/5 (${f.count(+p.orders!, 'completedOrder')})`,
  },
  'health.purchase.noRfm': {
    en: (p, f) => `${f.count(+p.orders!, 'completedOrder')}; RFM not available`,
    fr: (p, f) => `${f.count(+p.orders!, 'completedOrder')} ; RFM non disponible`,
    ar: (p, f) => `${f.count(+p.orders!, 'completedOrder')}؛ RFM غير متاح`,
  },
  'health.recency.noOrder': {
    en: () => 'No completed order yet',
    fr: () => 'Aucune commande terminée pour l’instant',
    ar: () => 'لا يوجد طلب مكتمل بعد',
  },
  'health.recency.future': {
    en: () => 'Last completed order is dated after the as-of date',
    fr: () => 'La dernière commande terminée est datée après la date de calcul',
    ar: () => 'آخر طلب مكتمل مؤرَّخ بعد تاريخ الاحتساب',
  },
  'health.recency.days': {
    en: (p, f) => `Last completed order ${f.count(+p.days!, 'day')} ago`,
    fr: (p, f) => `Dernière commande terminée il y a ${f.count(+p.days!, 'day')}`,
    ar: (p, f) => `آخر طلب مكتمل قبل ${f.count(+p.days!, 'day')}`,
  },
  'health.engagement': {
    en: (p, f) =>
      `${f.count(+p.points!, 'activityPoint')} in the last 90 days (${f.count(+p.orders!, 'order')}, ` +
      `${f.count(+p.clicks!, 'emailClick')}, ${f.count(+p.opens!, 'emailOpen')}, ${f.count(+p.sessions!, 'session')})`,
    fr: (p, f) =>
      `${f.count(+p.points!, 'activityPoint')} sur les ${f.num(90)} derniers jours (${f.count(+p.orders!, 'order')}, ` +
      `${f.count(+p.clicks!, 'emailClick')}, ${f.count(+p.opens!, 'emailOpen')}, ${f.count(+p.sessions!, 'session')})`,
    ar: (p, f) =>
      `${f.count(+p.points!, 'activityPoint')} خلال آخر ${f.count(90, 'day')} (${f.count(+p.orders!, 'order')}، ` +
      `${f.count(+p.clicks!, 'emailClick')}، ${f.count(+p.opens!, 'emailOpen')}، ${f.count(+p.sessions!, 'session')})`,
  },
  'health.support': {
    en: (p, f) => `${f.count(+p.open!, 'openTicket')}, ${f.count(+p.negative!, 'negativeRating')} in the last 180 days`,
    fr: (p, f) => `${f.count(+p.open!, 'openTicket')}, ${f.count(+p.negative!, 'negativeRating')} sur les ${f.num(180)} derniers jours`,
    ar: (p, f) => `${f.count(+p.open!, 'openTicket')}، ${f.count(+p.negative!, 'negativeRating')} خلال آخر ${f.count(180, 'day')}`,
  },
  'health.advice.firstPurchase': {
    en: () => 'No completed order yet: send a first-purchase incentive',
    fr: () => 'Aucune commande terminée : envoyer une incitation au premier achat',
    ar: () => 'لا يوجد طلب مكتمل بعد: أرسل حافزًا لأول عملية شراء',
  },
  'health.advice.winBack': {
    en: (p, f) => `Send a win-back offer: the last completed order was ${f.count(+p.days!, 'day')} ago`,
    fr: (p, f) => `Envoyer une offre de reconquête : la dernière commande terminée date d’il y a ${f.count(+p.days!, 'day')}`,
    ar: (p, f) => `أرسل عرضًا لاستعادة العميل: آخر طلب مكتمل كان قبل ${f.count(+p.days!, 'day')}`,
  },
  'health.advice.crossSell': {
    en: () => 'Grow basket value: cross-sell complementary products or offer a bundle',
    fr: () => 'Augmenter le panier : proposer des produits complémentaires ou un lot',
    ar: () => 'زِد قيمة السلة: اعرض منتجات مكمّلة أو باقة',
  },
  'health.advice.reengageEmail': {
    en: () => 'Re-engage on email with personalised content: little activity in the last 90 days',
    fr: (_, f) => `Relancer par e-mail avec un contenu personnalisé : peu d’activité sur les ${f.num(90)} derniers jours`,
    ar: (_, f) => `أعد إشراكه عبر البريد الإلكتروني بمحتوى مخصص: نشاط قليل خلال آخر ${f.count(90, 'day')}`,
  },
  'health.advice.reengageWeb': {
    en: () => 'Re-engage on web/app (on-site message) with personalised content: little activity in the last 90 days',
    fr: (_, f) =>
      `Relancer sur le site ou l’app (message sur site) avec un contenu personnalisé : peu d’activité sur les ${f.num(90)} derniers jours`,
    ar: (_, f) => `أعد إشراكه عبر الموقع أو التطبيق (رسالة داخل الموقع) بمحتوى مخصص: نشاط قليل خلال آخر ${f.count(90, 'day')}`,
  },
  'health.advice.reengagePreferred': {
    en: () => 'Re-engage on their preferred channel with personalised content: little activity in the last 90 days',
    fr: (_, f) => `Relancer sur son canal préféré avec un contenu personnalisé : peu d’activité sur les ${f.num(90)} derniers jours`,
    ar: (_, f) => `أعد إشراكه عبر قناته المفضلة بمحتوى مخصص: نشاط قليل خلال آخر ${f.count(90, 'day')}`,
  },
  'health.advice.support': {
    en: (p, f) => {
      const parts = [];
      if (+p.open! > 0) parts.push(`follow up the ${f.count(+p.open!, 'openTicket')}`);
      if (+p.negative! > 0) parts.push(`resolve the ${f.count(+p.negative!, 'negativeRating')}`);
      return `Repair the support experience: ${parts.join(' and ') || 'review recent tickets'}`;
    },
    fr: (p, f) => {
      const parts = [];
      if (+p.open! > 0) parts.push(`suivre ${f.count(+p.open!, 'openTicket')}`);
      if (+p.negative! > 0) parts.push(`traiter ${f.count(+p.negative!, 'negativeRating')}`);
      return `Réparer l’expérience support : ${parts.join(' et ') || 'revoir les tickets récents'}`;
    },
    ar: (p, f) => {
      const parts = [];
      if (+p.open! > 0) parts.push(`تابِع ${f.count(+p.open!, 'openTicket')}`);
      if (+p.negative! > 0) parts.push(`عالِج ${f.count(+p.negative!, 'negativeRating')}`);
      return `أصلِح تجربة الدعم: ${parts.join(' و') || 'راجِع التذاكر الأخيرة'}`;
    },
  },
  'health.advice.vip': {
    en: () => 'Healthy customer: invite to the VIP programme or ask for a referral',
    fr: () => 'Client en bonne santé : l’inviter au programme VIP ou lui demander un parrainage',
    ar: () => 'عميل بحالة جيدة: ادعه إلى برنامج كبار العملاء أو اطلب منه إحالة',
  },
  'health.advice.strengthen': {
    en: (p) => `Strengthen ${factorKey(p.factor)} (${p.value}/100), the factor costing the most points: ${NUDGE[factorKey(p.factor)].en}`,
    fr: (p, f) =>
      `Renforcer ${FACTOR_LABEL[factorKey(p.factor)].fr} (${f.num(p.value!)}/100), le facteur qui coûte le plus de points : ` +
      NUDGE[factorKey(p.factor)].fr,
    ar: (p, f) =>
      `عزِّز ${FACTOR_LABEL[factorKey(p.factor)].ar} (${f.num(p.value!)}/100)، العامل الأكثر خصمًا من النقاط: ${NUDGE[factorKey(p.factor)].ar}`,
  },
} satisfies Record<string, TextEntry>;

/** Churn factor details (`churn.<factor>.*`) and retention strategies (`churn.strategy.*`). */
export const CHURN_TEXT = {
  'churn.purchaseGap.noOrder': { en: () => 'No completed order', fr: () => 'Aucune commande terminée', ar: () => 'لا يوجد طلب مكتمل' },
  'churn.purchaseGap.usual': {
    en: (p, f) =>
      `${f.count(+p.days!, 'day')} since the last completed order vs their usual gap of ${f.days1(+p.gap!)} days: ratio ${p.ratio}`,
    fr: (p, f) =>
      `${f.count(+p.days!, 'day')} depuis la dernière commande terminée, pour un intervalle habituel de ${f.days1(+p.gap!)} jours : ` +
      `ratio ${f.num(p.ratio!)}`,
    ar: (p, f) => `${f.count(+p.days!, 'day')} منذ آخر طلب مكتمل مقابل فاصله المعتاد (${f.days1(+p.gap!)} يوم): النسبة ${f.num(p.ratio!)}`,
  },
  'churn.purchaseGap.default': {
    en: (p, f) =>
      `${f.count(+p.days!, 'day')} since the last completed order vs a default gap of ${f.days1(+p.gap!)} days (one completed order): ` +
      `ratio ${p.ratio}`,
    fr: (p, f) =>
      `${f.count(+p.days!, 'day')} depuis la dernière commande terminée, pour un intervalle par défaut de ${f.days1(+p.gap!)} jours ` +
      `(une seule commande terminée) : ratio ${f.num(p.ratio!)}`,
    ar: (p, f) =>
      `${f.count(+p.days!, 'day')} منذ آخر طلب مكتمل مقابل فاصل افتراضي (${f.days1(+p.gap!)} يوم، طلب مكتمل واحد): النسبة ${f.num(p.ratio!)}`,
  },
  'churn.engagement.noPrior': {
    en: (p, f) => `No activity in the prior 90 days to compare (${f.count(+p.recent!, 'point')} in the last 90)`,
    fr: (p, f) =>
      `Aucune activité sur les ${f.num(90)} jours précédents pour comparer (${f.count(+p.recent!, 'point')} sur les ${f.num(90)} derniers)`,
    ar: (p, f) => `لا نشاط في الـ${f.num(90)} يومًا السابقة للمقارنة (${f.count(+p.recent!, 'point')} في آخر ${f.num(90)} يومًا)`,
  },
  'churn.engagement.fell': {
    en: (p, f) => `Activity fell from ${p.prior} to ${f.count(+p.recent!, 'point')} (−${p.percent}%) vs the prior 90 days`,
    fr: (p, f) =>
      `L’activité est passée de ${f.num(p.prior!)} à ${f.count(+p.recent!, 'point')} (−${f.num(p.percent!)} %) par rapport aux ${f.num(90)} jours précédents`,
    ar: (p, f) =>
      `انخفض النشاط من ${f.num(p.prior!)} إلى ${f.count(+p.recent!, 'point')} (−${f.num(p.percent!)}٪) مقارنةً بالـ${f.num(90)} يومًا السابقة`,
  },
  'churn.engagement.steady': {
    en: (p, f) => `Activity steady or rising: ${p.prior} → ${f.count(+p.recent!, 'point')}`,
    fr: (p, f) => `Activité stable ou en hausse : ${f.num(p.prior!)} → ${f.count(+p.recent!, 'point')}`,
    ar: (p, f) => `النشاط مستقر أو في ازدياد: ${f.num(p.prior!)} ← ${f.count(+p.recent!, 'point')}`,
  },
  'churn.support': {
    en: (p, f) =>
      `${f.count(+p.open!, 'openTicket')}, ${f.count(+p.negative!, 'negativeRating')} (${f.count(+p.tickets!, 'ticket')} in the last 180 days)`,
    fr: (p, f) =>
      `${f.count(+p.open!, 'openTicket')}, ${f.count(+p.negative!, 'negativeRating')} (${f.count(+p.tickets!, 'ticket')} sur les ${f.num(180)} derniers jours)`,
    ar: (p, f) =>
      `${f.count(+p.open!, 'openTicket')}، ${f.count(+p.negative!, 'negativeRating')} (${f.count(+p.tickets!, 'ticket')} خلال آخر ${f.count(180, 'day')})`,
  },
  'churn.strategy.firstPurchase': {
    en: () => 'Convert to a first purchase: send a personalised welcome offer',
    fr: () => 'Convertir en premier achat : envoyer une offre de bienvenue personnalisée',
    ar: () => 'حوِّله إلى أول عملية شراء: أرسل عرض ترحيب مخصصًا',
  },
  'churn.strategy.winBack': {
    en: (p, f) =>
      `Send a personalised win-back offer timed at their usual ${f.days1(+p.gap!)}-day purchase gap ` +
      `(${f.count(+p.days!, 'day')} since the last order)`,
    fr: (p, f) =>
      `Envoyer une offre de reconquête personnalisée calée sur son intervalle d’achat habituel de ${f.days1(+p.gap!)} jours ` +
      `(${f.count(+p.days!, 'day')} depuis la dernière commande)`,
    ar: (p, f) =>
      `أرسل عرض استعادة مخصصًا في موعد فاصل الشراء المعتاد (${f.days1(+p.gap!)} يوم) ` + `(${f.count(+p.days!, 'day')} منذ آخر طلب)`,
  },
  'churn.strategy.reactivate': {
    en: (p) => `Run a re-activation campaign: activity fell ${p.percent}% vs the prior 90 days`,
    fr: (p, f) =>
      `Lancer une campagne de réactivation : l’activité a baissé de ${f.num(p.percent!)} % par rapport aux ${f.num(90)} jours précédents`,
    ar: (p, f) => `أطلق حملة إعادة تنشيط: انخفض النشاط بنسبة ${f.num(p.percent!)}٪ مقارنةً بالـ${f.num(90)} يومًا السابقة`,
  },
  'churn.strategy.callback': {
    en: () => 'Arrange a priority callback by a senior agent to resolve open tickets and negative feedback',
    fr: () => 'Organiser un rappel prioritaire par un agent senior pour résoudre les tickets ouverts et les avis négatifs',
    ar: () => 'رتِّب اتصالًا ذا أولوية من وكيل أول لحل التذاكر المفتوحة والملاحظات السلبية',
  },
  'churn.strategy.keepWarm': {
    en: () => 'Low risk: keep warm with regular, relevant communication and loyalty perks',
    fr: () => 'Risque faible : entretenir la relation par des communications régulières et pertinentes et des avantages fidélité',
    ar: () => 'خطر منخفض: حافظ على العلاقة بتواصل منتظم وملائم ومزايا الولاء',
  },
} satisfies Record<string, TextEntry>;
