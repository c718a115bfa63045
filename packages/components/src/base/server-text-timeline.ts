/**
 * Timeline titles, description pieces and ticket history bodies of the server by code, in the
 * active language. Names, subjects and campaign names stay as given.
 * @module
 */
import { msg, str } from '@lit/localize';
import type { TextTools } from './server-text-tools.js';

type P = Readonly<Record<string, string | number>>;
type Render = (p: P, t: TextTools) => string;

function marketingTitle(p: P): string {
  const c = p.campaign === undefined ? '' : String(p.campaign);
  const key = `${p.channel}.${p.action}`;
  const head: Record<string, () => string> = {
    'email.sent': () => msg('Email sent', { id: 'c360-tl-email-sent' }),
    'email.delivered': () => msg('Email delivered', { id: 'c360-tl-email-delivered' }),
    'email.opened': () => msg('Email opened', { id: 'c360-tl-email-opened' }),
    'email.clicked': () => msg('Email link clicked', { id: 'c360-tl-email-clicked' }),
    'email.bounced': () => msg('Email bounced', { id: 'c360-tl-email-bounced' }),
    'sms.sent': () => msg('SMS sent', { id: 'c360-tl-sms-sent' }),
    'sms.delivered': () => msg('SMS delivered', { id: 'c360-tl-sms-delivered' }),
    'push.sent': () => msg('Push notification sent', { id: 'c360-tl-push-sent' }),
    'push.delivered': () => msg('Push notification delivered', { id: 'c360-tl-push-delivered' }),
    'whatsapp.sent': () => msg('WhatsApp message sent', { id: 'c360-tl-whatsapp-sent' }),
    'whatsapp.delivered': () => msg('WhatsApp message delivered', { id: 'c360-tl-whatsapp-delivered' }),
  };
  const title = head[key]?.() ?? `${p.channel} ${p.action}`;
  return c ? msg(str`${title}: ${c}`, { id: 'c360-tl-with-campaign' }) : title;
}

function unsubscribed(p: P): string {
  switch (p.channel) {
    case 'email':
      return msg('Unsubscribed from emails', { id: 'c360-tl-unsub-email' });
    case 'sms':
      return msg('Unsubscribed from SMS', { id: 'c360-tl-unsub-sms' });
    case 'push':
      return msg('Unsubscribed from push notifications', { id: 'c360-tl-unsub-push' });
    default:
      return msg('Unsubscribed from WhatsApp messages', { id: 'c360-tl-unsub-whatsapp' });
  }
}

function tierTitle(p: P, t: TextTools): string {
  const tier = t.word(p.tier);
  if (p.move === 'up') return msg(str`Tier upgraded to ${tier}`, { id: 'c360-tl-tier-up' });
  if (p.move === 'down') return msg(str`Tier downgraded to ${tier}`, { id: 'c360-tl-tier-down' });
  if (p.move === 'set') return msg(str`Tier set to ${tier}`, { id: 'c360-tl-tier-set' });
  return msg(str`Tier confirmed: ${tier}`, { id: 'c360-tl-tier-same' });
}

function noteTitle(p: P): string {
  const author = String(p.author);
  if (p.noteType === 'support') return msg(str`Support note by ${author}`, { id: 'c360-tl-note-support' });
  if (p.noteType === 'sales') return msg(str`Sales note by ${author}`, { id: 'c360-tl-note-sales' });
  if (p.noteType === 'billing') return msg(str`Billing note by ${author}`, { id: 'c360-tl-note-billing' });
  return msg(str`Note by ${author}`, { id: 'c360-tl-note' });
}

function followUpTitle(p: P): string {
  const author = String(p.author);
  switch (p.change) {
    case 'scheduled':
      return msg(str`Follow-up scheduled by ${author}`, { id: 'c360-tl-follow-up-scheduled' });
    case 'done':
      return msg(str`Follow-up done by ${author}`, { id: 'c360-tl-follow-up-done' });
    case 'cancelled':
      return msg(str`Follow-up cancelled by ${author}`, { id: 'c360-tl-follow-up-cancelled' });
    case 'reopened':
      return msg(str`Follow-up reopened by ${author}`, { id: 'c360-tl-follow-up-reopened' });
    case 'rescheduled':
      return msg(str`Follow-up rescheduled by ${author}`, { id: 'c360-tl-follow-up-rescheduled' });
    case 'reassigned':
      return msg(str`Follow-up reassigned by ${author}`, { id: 'c360-tl-follow-up-reassigned' });
    default:
      return msg(str`Follow-up edited by ${author}`, { id: 'c360-tl-follow-up-edited' });
  }
}

function healthChange(p: P, t: TextTools): string {
  const levels = p.fromLevel === p.toLevel ? t.word(p.toLevel) : `${t.word(p.fromLevel)} → ${t.word(p.toLevel)}`;
  return p.direction === 'fell'
    ? msg(str`Health score fell from ${t.n(p.from)} to ${t.n(p.to)} (${levels})`, { id: 'c360-tl-health-fell' })
    : msg(str`Health score rose from ${t.n(p.from)} to ${t.n(p.to)} (${levels})`, { id: 'c360-tl-health-rose' });
}

function churnChange(p: P, t: TextTools): string {
  return p.direction === 'fell'
    ? msg(str`Churn risk fell to ${t.word(p.level)} (${t.n(p.score)})`, { id: 'c360-tl-churn-fell' })
    : msg(str`Churn risk rose to ${t.word(p.level)} (${t.n(p.score)})`, { id: 'c360-tl-churn-rose' });
}

function duration(p: P, t: TextTools): string {
  if (p.seconds !== undefined) return msg(str`${t.n(p.seconds)} s`, { id: 'c360-tp-seconds' });
  const minutes = Number(p.minutes);
  if (minutes < 60) return msg(str`${t.n(minutes)} min`, { id: 'c360-tp-minutes' });
  const h = t.n(Math.floor(minutes / 60));
  return minutes % 60
    ? msg(str`${h} h ${t.n(minutes % 60)} min`, { id: 'c360-tp-hours-minutes' })
    : msg(str`${h} h`, { id: 'c360-tp-hours' });
}

function channelName(channel: string | number | undefined): string {
  switch (channel) {
    case 'email':
      return msg('Email', { id: 'c360-ch-email' });
    case 'sms':
      return msg('SMS', { id: 'c360-ch-sms' });
    case 'push':
      return msg('Push', { id: 'c360-ch-push' });
    case 'whatsapp':
      return msg('WhatsApp', { id: 'c360-ch-whatsapp' });
    default:
      return String(channel ?? '');
  }
}

function fieldName(field: string | number | undefined): string {
  switch (field) {
    case 'Name':
      return msg('Name', { id: 'c360-field-name' });
    case 'Email':
      return msg('Email', { id: 'c360-ch-email' });
    case 'Phone':
      return msg('Phone', { id: 'c360-field-phone' });
    case 'Status':
      return msg('Status', { id: 'c360-field-status' });
    default:
      return String(field ?? '');
  }
}

/** Renderers by code. */
export const TIMELINE_TEXTS: Record<string, Render> = {
  'timeline.order.placed': (p) => msg(str`Order ${p.number}`, { id: 'c360-tl-order' }),
  'timeline.order.status': (p, t) => msg(str`Order ${p.number} ${t.word(p.status)}`, { id: 'c360-tl-order-status' }),
  'timeline.refund.imported': (p) => msg(str`Refund ${p.invoice}`, { id: 'c360-tl-refund-imported' }),
  'timeline.ticket.opened': (p) => msg(str`Ticket opened: ${p.subject}`, { id: 'c360-tl-ticket-opened' }),
  'timeline.ticket.changed': (p, t) => msg(str`Ticket ${t.word(p.change)}: ${p.subject}`, { id: 'c360-tl-ticket-changed' }),
  'timeline.ticket.priority': (p, t) => msg(str`Ticket priority ${t.word(p.priority)}: ${p.subject}`, { id: 'c360-tl-ticket-priority' }),
  'timeline.loyalty.joined': () => msg('Joined the loyalty programme', { id: 'c360-tl-loyalty-joined' }),
  'timeline.loyalty.updated': () => msg('Loyalty membership updated', { id: 'c360-tl-loyalty-updated' }),
  'timeline.loyalty.earned': (p, t) => msg(str`Earned ${t.count(p.points, 'point')}`, { id: 'c360-tl-loyalty-earned' }),
  'timeline.loyalty.redeemed': (p, t) => msg(str`Redeemed ${t.count(p.points, 'point')}`, { id: 'c360-tl-loyalty-redeemed' }),
  'timeline.loyalty.tier': tierTitle,
  'timeline.loyalty.referred': () => msg('Referred a new customer', { id: 'c360-tl-loyalty-referred' }),
  'timeline.payment.received': () => msg('Payment received', { id: 'c360-tl-payment-received' }),
  'timeline.payment.failed': () => msg('Payment failed', { id: 'c360-tl-payment-failed' }),
  'timeline.payment.pending': () => msg('Payment pending', { id: 'c360-tl-payment-pending' }),
  'timeline.refund.issued': () => msg('Refund issued', { id: 'c360-tl-refund-issued' }),
  'timeline.refund.failed': () => msg('Refund failed', { id: 'c360-tl-refund-failed' }),
  'timeline.refund.pending': () => msg('Refund pending', { id: 'c360-tl-refund-pending' }),
  'timeline.paymentMethod.added': () => msg('Payment method added', { id: 'c360-tl-method-added' }),
  'timeline.paymentMethod.updated': () => msg('Payment method updated', { id: 'c360-tl-method-updated' }),
  'timeline.visit': (p, t) => msg(str`Visited the shop on ${t.word(p.device)}`, { id: 'c360-tl-visit' }),
  'timeline.viewed': (p) => msg(str`Viewed ${p.product}`, { id: 'c360-tl-viewed' }),
  'timeline.customer.created': () => msg('Customer created', { id: 'c360-tl-customer-created' }),
  'timeline.profile.updated': () => msg('Profile updated', { id: 'c360-tl-profile-updated' }),
  'timeline.preferences.updated': () => msg('Communication preferences updated', { id: 'c360-tl-preferences-updated' }),
  'timeline.marketing.message': marketingTitle,
  'timeline.marketing.unsubscribed': unsubscribed,
  'timeline.note': noteTitle,
  'timeline.followUp': followUpTitle,
  'timeline.tag.added': (p) => msg(str`Tagged “${p.tag}”`, { id: 'c360-tl-tag-added' }),
  'timeline.tag.removed': (p) => msg(str`Tag “${p.tag}” removed`, { id: 'c360-tl-tag-removed' }),
  'timeline.score.health': healthChange,
  'timeline.score.churn': churnChange,
  'timeline.export': (p) => msg(str`${String(p.format).toUpperCase()} export by ${p.author}`, { id: 'c360-tl-export' }),
  'timeline.segment.added': (p) => msg(str`Added to segment “${p.segment}”`, { id: 'c360-tl-segment-added' }),
  'timeline.segment.removed': (p) => msg(str`Removed from segment “${p.segment}”`, { id: 'c360-tl-segment-removed' }),
  'timeline.segment.entered': (p) => msg(str`Entered segment “${p.segment}”`, { id: 'c360-tl-segment-entered' }),
  'timeline.segment.left': (p) => msg(str`Left segment “${p.segment}”`, { id: 'c360-tl-segment-left' }),
  'timeline.part.lines': (p, t) => t.count(p.count, 'line'),
  'timeline.part.items': (p, t) => t.count(p.count, 'item'),
  'timeline.part.shipping': () => msg('incl. shipping', { id: 'c360-tp-shipping' }),
  'timeline.part.cancellation': (p, t) => msg(str`Cancellation of ${t.count(p.count, 'line')}`, { id: 'c360-tp-cancellation' }),
  'timeline.part.priority': (p, t) => msg(str`${t.word(p.priority)} priority`, { id: 'c360-tp-priority' }),
  'timeline.part.via': (p, t) => msg(str`via ${t.word(p.channel)}`, { id: 'c360-tp-via' }),
  'timeline.part.statusChange': (p, t) => `${t.word(p.from)} → ${t.word(p.to)}`,
  'timeline.part.orderStatusChange': (p, t) => msg(str`Status ${t.word(p.from)} → ${t.word(p.to)}`, { id: 'c360-tp-order-status' }),
  'timeline.part.joined': (p) => msg(str`${p.name} joined`, { id: 'c360-tp-joined' }),
  'timeline.part.tier': (p, t) => msg(str`${t.word(p.tier)} tier`, { id: 'c360-tp-tier' }),
  'timeline.part.wasTier': (p, t) => msg(str`was ${t.word(p.tier)}`, { id: 'c360-tp-was-tier' }),
  'timeline.part.by': (p) => msg(str`By ${p.name}`, { id: 'c360-tp-by' }),
  'timeline.part.order': (p) => msg(str`Order ${p.number}`, { id: 'c360-tl-order' }),
  'timeline.part.orderLower': (p) => msg(str`order ${p.number}`, { id: 'c360-tp-order-lower' }),
  'timeline.part.expire': (p, t) => msg(str`expire ${t.date(p.date)}`, { id: 'c360-tp-expire' }),
  'timeline.part.balance': (p, t) => msg(str`balance ${t.n(p.balance)}`, { id: 'c360-tp-balance' }),
  'timeline.part.ref': (p) => msg(str`ref ${p.reference}`, { id: 'c360-tp-ref' }),
  'timeline.part.from': (p) => msg(str`from ${p.source}`, { id: 'c360-tp-from' }),
  'timeline.part.in': (p) => msg(str`in ${p.category}`, { id: 'c360-tp-in' }),
  'timeline.part.duration': duration,
  'timeline.part.default': () => msg('default', { id: 'c360-tp-default' }),
  'timeline.part.expires': (p) => msg(str`expires ${p.month}`, { id: 'c360-tp-expires' }),
  'timeline.part.noQuietHours': () => msg('no quiet hours', { id: 'c360-tp-no-quiet-hours' }),
  'timeline.part.quietHours': (p) => msg(str`quiet hours ${p.start}–${p.end}`, { id: 'c360-tp-quiet-hours' }),
  'timeline.part.timezone': (p) => msg(str`time zone ${p.zone}`, { id: 'c360-tp-timezone' }),
  'timeline.part.language': (p) => msg(str`language ${p.language}`, { id: 'c360-tp-language' }),
  'timeline.part.scoreDelta': (p, t) => {
    const d = Number(p.delta);
    const signed = d > 0 ? `+${t.n(d)}` : d < 0 ? `−${t.n(-d)}` : t.n(0);
    return msg(str`${signed} points since the last recorded score`, { id: 'c360-tp-score-delta' });
  },
  'timeline.part.exportedBy': (p) => msg(str`exported by ${p.author} (${p.role})`, { id: 'c360-tp-exported-by' }),
  'timeline.part.wasLevel': (p, t) => msg(str`Was ${t.word(p.level)} (${t.n(p.score)})`, { id: 'c360-tp-was-level' }),
  'timeline.part.consent': (p) =>
    p.granted === 'in'
      ? msg(str`${channelName(p.channel)} opted in`, { id: 'c360-tp-consent-in' })
      : msg(str`${channelName(p.channel)} opted out`, { id: 'c360-tp-consent-out' }),
  'timeline.part.profileChange': (p) => msg(str`${fieldName(p.field)}: ${p.from} → ${p.to}`, { id: 'c360-tp-profile-change' }),
  'timeline.part.manual': () => msg('Manual', { id: 'c360-tp-manual' }),
  'timeline.part.ruleSegment': () => msg('Rule segment', { id: 'c360-tp-rule-segment' }),
  'timeline.part.automatic': () => msg('automatic', { id: 'c360-tp-automatic' }),
  'timeline.part.privateNote': () => msg('Private note', { id: 'c360-tp-private-note' }),
  'timeline.part.restrictedNote': () => msg('Restricted note', { id: 'c360-tp-restricted-note' }),
  'timeline.part.addressChanged': () => msg('Address changed', { id: 'c360-tp-address-changed' }),
  'timeline.part.addressesRemoved': () => msg('Addresses removed', { id: 'c360-tp-addresses-removed' }),
  'timeline.part.text': (p) => String(p.text ?? ''),
  'loyalty.reason.welcome': () => msg('Welcome bonus', { id: 'c360-lr-welcome' }),
  'loyalty.reason.birthday': () => msg('Birthday bonus', { id: 'c360-lr-birthday' }),
  'loyalty.reason.earlierOrders': (p, t) =>
    Number(p.count) === 1
      ? msg(str`Points for ${t.n(p.count)} earlier order`, { id: 'c360-lr-earlier-order' })
      : msg(str`Points for ${t.n(p.count)} earlier orders`, { id: 'c360-lr-earlier-orders' }),
  'loyalty.reason.referral': (p) => msg(str`Referral bonus: customer ${p.customer} joined`, { id: 'c360-lr-referral' }),
  'loyalty.reason.voucher': (p, t) => msg(str`${t.money(p.amount, 'GBP')} voucher`, { id: 'c360-lr-voucher' }),
  'loyalty.reason.tierThreshold': (p, t) => msg(str`Lifetime points passed ${t.n(p.points)}`, { id: 'c360-lr-tier-threshold' }),
  'support.history.change': (p, t) => `${t.word(p.from)} → ${t.word(p.to)}`,
};
