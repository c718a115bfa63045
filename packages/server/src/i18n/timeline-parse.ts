/**
 * Code and params of a stored timeline entry. Activity rows keep the English title and description
 * that ingestion wrote; this recovers which catalogue text each one is, so old rows need no
 * migration. A match counts only when the English template rendered from the recovered params
 * gives back the stored text exactly; otherwise the title has no code (clients show it as written)
 * and a description piece is `timeline.part.text` (shown as written: a subject, a reason, a name).
 * @module
 */
import type { TextParams } from './entry.js';
import { serverText, type ServerTextCode } from './server-text.js';

/** A catalogue text: its code and params. */
export interface TextRef {
  code: ServerTextCode;
  params: Record<string, string | number>;
}

type Rule = [code: ServerTextCode, pattern: RegExp, read: (m: RegExpMatchArray) => Array<Record<string, string | number>>];

const snake = (s: string) => s.replace(/ /g, '_');
const lower = (s: string) => snake(s.toLowerCase());
/** `1,144` → 1144. */
const int = (s: string) => Number(s.replace(/,/g, ''));
const one = (params: Record<string, string | number>) => [params];
const CHANNELS = ['email', 'sms', 'push', 'whatsapp'];
const ACTIONS = ['sent', 'delivered', 'opened', 'clicked', 'bounced'];

const TITLE_RULES: Rule[] = [
  ['timeline.order.placed', /^Order (\S+)$/, (m) => one({ number: m[1]! })],
  ['timeline.order.status', /^Order (\S+) (.+)$/, (m) => one({ number: m[1]!, status: snake(m[2]!) })],
  ['timeline.refund.imported', /^Refund (\S+)$/, (m) => one({ invoice: m[1]! })],
  ['timeline.ticket.opened', /^Ticket opened: ([\s\S]*)$/, (m) => one({ subject: m[1]! })],
  ['timeline.ticket.priority', /^Ticket priority (\w+): ([\s\S]*)$/, (m) => one({ priority: m[1]!, subject: m[2]! })],
  ['timeline.ticket.changed', /^Ticket ([a-z ]+?): ([\s\S]*)$/, (m) => one({ change: snake(m[1]!), subject: m[2]! })],
  ['timeline.loyalty.joined', /^Joined the loyalty programme$/, () => one({})],
  ['timeline.loyalty.updated', /^Loyalty membership updated$/, () => one({})],
  ['timeline.loyalty.earned', /^Earned ([\d,]+) points?$/, (m) => one({ points: int(m[1]!) })],
  ['timeline.loyalty.redeemed', /^Redeemed ([\d,]+) points?$/, (m) => one({ points: int(m[1]!) })],
  [
    'timeline.loyalty.tier',
    /^Tier (?:set to|upgraded to|downgraded to|confirmed:) (.+)$/,
    (m) => ['set', 'up', 'down', 'same'].map((move) => ({ move, tier: lower(m[1]!) })),
  ],
  ['timeline.loyalty.referred', /^Referred a new customer$/, () => one({})],
  ['timeline.payment.received', /^Payment received$/, () => one({})],
  ['timeline.payment.failed', /^Payment failed$/, () => one({})],
  ['timeline.payment.pending', /^Payment pending$/, () => one({})],
  ['timeline.refund.issued', /^Refund issued$/, () => one({})],
  ['timeline.refund.failed', /^Refund failed$/, () => one({})],
  ['timeline.refund.pending', /^Refund pending$/, () => one({})],
  ['timeline.paymentMethod.added', /^Payment method added$/, () => one({})],
  ['timeline.paymentMethod.updated', /^Payment method updated$/, () => one({})],
  ['timeline.visit', /^Visited the shop on (.+)$/, (m) => one({ device: m[1]! })],
  ['timeline.viewed', /^Viewed ([\s\S]+)$/, (m) => one({ product: m[1]! })],
  ['timeline.customer.created', /^Customer created$/, () => one({})],
  ['timeline.profile.updated', /^Profile updated$/, () => one({})],
  ['timeline.preferences.updated', /^Communication preferences updated$/, () => one({})],
  ['timeline.marketing.unsubscribed', /^Unsubscribed from (.+)$/, () => CHANNELS.map((channel) => ({ channel }))],
  [
    'timeline.marketing.message',
    /^(?:Email|SMS|Push notification|WhatsApp message) (?:sent|delivered|opened|link clicked|bounced)(?:: ([\s\S]*))?$/,
    (m) => CHANNELS.flatMap((channel) => ACTIONS.map((action) => ({ channel, action, ...(m[1] ? { campaign: m[1] } : {}) }))),
  ],
  ['timeline.note', /^(?:Note|(\w+) note) by ([\s\S]+)$/, (m) => one({ noteType: m[1] ? m[1].toLowerCase() : 'general', author: m[2]! })],
  [
    'timeline.followUp',
    /^Follow-up (scheduled|done|cancelled|reopened|rescheduled|reassigned|edited) by ([\s\S]+)$/,
    (m) => one({ change: m[1]!, author: m[2]! }),
  ],
  ['timeline.tag.added', /^Tagged “([\s\S]*)”$/, (m) => one({ tag: m[1]! })],
  ['timeline.tag.removed', /^Tag “([\s\S]*)” removed$/, (m) => one({ tag: m[1]! })],
  [
    'timeline.score.health',
    /^Health score (fell|rose) from (\d+) to (\d+) \((\w+)(?: → (\w+))?\)$/,
    (m) => one({ direction: m[1]!, from: Number(m[2]), to: Number(m[3]), fromLevel: m[4]!, toLevel: m[5] ?? m[4]! }),
  ],
  [
    'timeline.score.churn',
    /^Churn risk (rose|fell) to (\w+) \((\d+)\)$/,
    (m) => one({ direction: m[1]!, level: m[2]!, score: Number(m[3]) }),
  ],
  ['timeline.export', /^(\w+) export by ([\s\S]+)$/, (m) => one({ format: m[1]!.toLowerCase(), author: m[2]! })],
  ['timeline.segment.added', /^Added to segment “([\s\S]*)”$/, (m) => one({ segment: m[1]! })],
  ['timeline.segment.removed', /^Removed from segment “([\s\S]*)”$/, (m) => one({ segment: m[1]! })],
  ['timeline.segment.entered', /^Entered segment “([\s\S]*)”$/, (m) => one({ segment: m[1]! })],
  ['timeline.segment.left', /^Left segment “([\s\S]*)”$/, (m) => one({ segment: m[1]! })],
];

const fixed = (code: ServerTextCode, text: string): Rule => [
  code,
  new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`),
  () => one({}),
];

const PART_RULES: Rule[] = [
  ['timeline.part.lines', /^([\d,]+) lines?$/, (m) => one({ count: int(m[1]!) })],
  ['timeline.part.items', /^([\d,]+) items?$/, (m) => one({ count: int(m[1]!) })],
  fixed('timeline.part.shipping', 'incl. shipping'),
  ['timeline.part.cancellation', /^Cancellation of ([\d,]+) lines?$/, (m) => one({ count: int(m[1]!) })],
  ['timeline.part.priority', /^(low|normal|high|urgent) priority$/, (m) => one({ priority: m[1]! })],
  ['timeline.part.via', /^via (\w+)$/, (m) => one({ channel: m[1]! })],
  ['timeline.part.orderStatusChange', /^Status (\w+) → (\w+)$/, (m) => one({ from: m[1]!, to: m[2]! })],
  ['timeline.part.statusChange', /^([a-z ]+) → ([a-z ]+)$/, (m) => one({ from: snake(m[1]!), to: snake(m[2]!) })],
  ['timeline.part.joined', /^([\s\S]+) joined$/, (m) => one({ name: m[1]! })],
  ['timeline.part.tier', /^(\w+) tier$/, (m) => one({ tier: lower(m[1]!) })],
  ['timeline.part.wasTier', /^was (\w+)$/, (m) => one({ tier: lower(m[1]!) })],
  ['timeline.part.by', /^By ([\s\S]+)$/, (m) => one({ name: m[1]! })],
  ['timeline.part.order', /^Order (\S+)$/, (m) => one({ number: m[1]! })],
  ['timeline.part.orderLower', /^order (\S+)$/, (m) => one({ number: m[1]! })],
  ['timeline.part.expire', /^expire (\d{4}-\d{2}-\d{2})$/, (m) => one({ date: m[1]! })],
  ['timeline.part.balance', /^balance (-?[\d,]+)$/, (m) => one({ balance: int(m[1]!) })],
  ['timeline.part.ref', /^ref (\S+)$/, (m) => one({ reference: m[1]! })],
  ['timeline.part.from', /^from ([\s\S]+)$/, (m) => one({ source: m[1]! })],
  ['timeline.part.in', /^in ([\s\S]+)$/, (m) => one({ category: m[1]! })],
  ['timeline.part.duration', /^(\d+) s$/, (m) => one({ seconds: Number(m[1]) })],
  ['timeline.part.duration', /^(\d+) min$/, (m) => one({ minutes: Number(m[1]) })],
  ['timeline.part.duration', /^(\d+) h(?: (\d+) min)?$/, (m) => one({ minutes: Number(m[1]) * 60 + Number(m[2] ?? 0) })],
  fixed('timeline.part.default', 'default'),
  ['timeline.part.expires', /^expires (\d\d\/\d{4})$/, (m) => one({ month: m[1]! })],
  ['timeline.part.consent', /^(Email|SMS|Push|WhatsApp) opted (in|out)$/, (m) => one({ channel: m[1]!.toLowerCase(), granted: m[2]! })],
  ['timeline.part.quietHours', /^quiet hours (\S+)–(\S+)$/, (m) => one({ start: m[1]!, end: m[2]! })],
  fixed('timeline.part.noQuietHours', 'no quiet hours'),
  ['timeline.part.timezone', /^time zone (\S+)$/, (m) => one({ zone: m[1]! })],
  ['timeline.part.language', /^language (\S+)$/, (m) => one({ language: m[1]! })],
  [
    'timeline.part.scoreDelta',
    /^([+−]?)(\d+) points since the last recorded score$/,
    (m) => one({ delta: (m[1] === '−' ? -1 : 1) * Number(m[2]) }),
  ],
  ['timeline.part.wasLevel', /^Was (\w+) \((\d+)\)$/, (m) => one({ level: m[1]!, score: Number(m[2]) })],
  ['timeline.part.exportedBy', /^exported by ([\s\S]+) \((\w+)\)$/, (m) => one({ author: m[1]!, role: m[2]! })],
  fixed('timeline.part.manual', 'Manual'),
  fixed('timeline.part.ruleSegment', 'Rule segment'),
  fixed('timeline.part.automatic', 'automatic'),
  fixed('timeline.part.privateNote', 'Private note'),
  fixed('timeline.part.restrictedNote', 'Restricted note'),
  fixed('timeline.part.addressChanged', 'Address changed'),
  fixed('timeline.part.addressesRemoved', 'Addresses removed'),
  fixed('loyalty.reason.welcome', 'Welcome bonus'),
  fixed('loyalty.reason.birthday', 'Birthday bonus'),
  ['loyalty.reason.earlierOrders', /^Points for (\d+) earlier orders?$/, (m) => one({ count: Number(m[1]) })],
  ['loyalty.reason.referral', /^Referral bonus: customer (\S+) joined$/, (m) => one({ customer: m[1]! })],
  ['loyalty.reason.voucher', /^£(\d+(?:\.\d+)?) voucher$/, (m) => one({ amount: Number(m[1]) })],
  ['loyalty.reason.tierThreshold', /^Lifetime points passed ([\d,]+)$/, (m) => one({ points: int(m[1]!) })],
  [
    'timeline.part.profileChange',
    /^(Name|Email|Phone|Status): ([\s\S]*) → ([\s\S]*)$/,
    (m) => one({ field: m[1]!, from: m[2]!, to: m[3]! }),
  ],
];

/** The first rule whose English rendering of its params gives back `text` exactly. */
function match(rules: readonly Rule[], text: string): TextRef | null {
  for (const [code, pattern, read] of rules) {
    const m = text.match(pattern);
    if (!m) continue;
    for (const params of read(m)) if (serverText(code, params as TextParams, 'en') === text) return { code, params };
  }
  return null;
}

/** Code and params of a stored timeline title, or null when it is none of the catalogue's titles. */
export function timelineTitleText(title: string): TextRef | null {
  return match(TITLE_RULES, title);
}

/**
 * A stored description as its " · "-separated pieces, each with its code (`timeline.part.text` for
 * words written by people or systems, shown as given); null for no description.
 */
export function timelineDescriptionText(description: string | null): TextRef[] | null {
  if (description === null || description === '') return null;
  return description.split(' · ').map((piece) => match(PART_RULES, piece) ?? { code: 'timeline.part.text', params: { text: piece } });
}

/** Code and params of a ticket history body the server wrote (`open → in_progress`, `normal → high`), else null. */
export function ticketHistoryText(type: string, body: string | null): TextRef | null {
  if ((type !== 'status_changed' && type !== 'priority_changed') || body === null) return null;
  const m = /^(\w+) → (\w+)$/.exec(body);
  return m ? { code: 'support.history.change', params: { from: m[1]!, to: m[2]! } } : null;
}

/**
 * Code and params of a loyalty transaction's reason when it is one the server writes (the demo's
 * bonuses and vouchers, `Order 536365`), else null (a reason given by a client, shown as written).
 */
export function loyaltyReasonText(reason: string | null): TextRef | null {
  if (reason === null) return null;
  const found = match(PART_RULES, reason);
  return found && (found.code.startsWith('loyalty.reason.') || found.code === 'timeline.part.order') ? found : null;
}
