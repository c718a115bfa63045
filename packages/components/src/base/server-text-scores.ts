/**
 * Health and churn texts of the server (factor details, recommendations, retention strategies) by
 * code, in the active language. Codes and params: docs/api.md, "Server text in every language".
 * @module
 */
import { msg, str } from '@lit/localize';
import type { TextTools } from './server-text-tools.js';

type P = Readonly<Record<string, string | number>>;
type Render = (p: P, t: TextTools) => string;

/** A factor name inside a recommendation, in the active language. */
function factorName(factor: string | number | undefined): string {
  switch (factor) {
    case 'purchase':
      return msg('purchase', { id: 'c360-f-purchase' });
    case 'recency':
      return msg('recency', { id: 'c360-f-recency' });
    case 'engagement':
      return msg('engagement', { id: 'c360-f-engagement' });
    case 'support':
      return msg('support', { id: 'c360-f-support' });
    default:
      return String(factor ?? '');
  }
}

/** What to do about the weakest factor. */
function nudge(factor: string | number | undefined): string {
  switch (factor) {
    case 'recency':
      return msg('send a timely reminder or replenishment offer', { id: 'c360-nudge-recency' });
    case 'engagement':
      return msg('share personalised content', { id: 'c360-nudge-engagement' });
    case 'support':
      return msg('check in on their recent support experience', { id: 'c360-nudge-support' });
    default:
      return msg('suggest a complementary product', { id: 'c360-nudge-purchase' });
  }
}

function supportAdvice(p: P, t: TextTools): string {
  const open = Number(p.open);
  const negative = Number(p.negative);
  const tickets = t.count(open, 'openTicket');
  const ratings = t.count(negative, 'negativeRating');
  if (open > 0 && negative > 0) {
    return msg(str`Repair the support experience: follow up the ${tickets} and resolve the ${ratings}`, {
      id: 'c360-st-health-advice-support-both',
    });
  }
  if (open > 0) return msg(str`Repair the support experience: follow up the ${tickets}`, { id: 'c360-st-health-advice-support-tickets' });
  if (negative > 0) return msg(str`Repair the support experience: resolve the ${ratings}`, { id: 'c360-st-health-advice-support-ratings' });
  return msg('Repair the support experience: review recent tickets', { id: 'c360-st-health-advice-support-review' });
}

/** Renderers by code. */
export const SCORE_TEXTS: Record<string, Render> = {
  'health.purchase.noOrder': () => msg('No completed order yet', { id: 'c360-st-health-noOrder' }),
  'health.recency.noOrder': () => msg('No completed order yet', { id: 'c360-st-health-noOrder' }),
  'health.purchase.rfm': (p, t) =>
    msg(str`RFM frequency ${t.n(p.f)}/5 and monetary ${t.n(p.m)}/5 (${t.count(p.orders, 'completedOrder')})`, {
      id: 'c360-st-health-purchase-rfm',
    }),
  'health.purchase.noRfm': (p, t) =>
    msg(str`${t.count(p.orders, 'completedOrder')}; RFM not available`, { id: 'c360-st-health-purchase-noRfm' }),
  'health.recency.future': () => msg('Last completed order is dated after the as-of date', { id: 'c360-st-health-recency-future' }),
  'health.recency.days': (p, t) => msg(str`Last completed order ${t.count(p.days, 'day')} ago`, { id: 'c360-st-health-recency-days' }),
  'health.engagement': (p, t) =>
    msg(
      str`${t.count(p.points, 'activityPoint')} in the last 90 days (${t.count(p.orders, 'order')}, ${t.count(p.clicks, 'emailClick')}, ${t.count(p.opens, 'emailOpen')}, ${t.count(p.sessions, 'session')})`,
      { id: 'c360-st-health-engagement' },
    ),
  'health.support': (p, t) =>
    msg(str`${t.count(p.open, 'openTicket')}, ${t.count(p.negative, 'negativeRating')} in the last 180 days`, {
      id: 'c360-st-health-support',
    }),
  'health.advice.firstPurchase': () =>
    msg('No completed order yet: send a first-purchase incentive', { id: 'c360-st-health-advice-firstPurchase' }),
  'health.advice.winBack': (p, t) =>
    msg(str`Send a win-back offer: the last completed order was ${t.count(p.days, 'day')} ago`, { id: 'c360-st-health-advice-winBack' }),
  'health.advice.crossSell': () =>
    msg('Grow basket value: cross-sell complementary products or offer a bundle', { id: 'c360-st-health-advice-crossSell' }),
  'health.advice.reengageEmail': () =>
    msg('Re-engage on email with personalised content: little activity in the last 90 days', { id: 'c360-st-health-advice-reengageEmail' }),
  'health.advice.reengageWeb': () =>
    msg('Re-engage on web/app (on-site message) with personalised content: little activity in the last 90 days', {
      id: 'c360-st-health-advice-reengageWeb',
    }),
  'health.advice.reengagePreferred': () =>
    msg('Re-engage on their preferred channel with personalised content: little activity in the last 90 days', {
      id: 'c360-st-health-advice-reengagePreferred',
    }),
  'health.advice.support': supportAdvice,
  'health.advice.vip': () =>
    msg('Healthy customer: invite to the VIP programme or ask for a referral', { id: 'c360-st-health-advice-vip' }),
  'health.advice.strengthen': (p, t) =>
    msg(str`Strengthen ${factorName(p.factor)} (${t.n(p.value)}/100), the factor costing the most points: ${nudge(p.factor)}`, {
      id: 'c360-st-health-advice-strengthen',
    }),
  'churn.purchaseGap.noOrder': () => msg('No completed order', { id: 'c360-st-churn-purchaseGap-noOrder' }),
  'churn.purchaseGap.usual': (p, t) =>
    msg(str`${t.count(p.days, 'day')} since the last completed order vs their usual gap of ${t.days1(p.gap)} days: ratio ${t.n(p.ratio)}`, {
      id: 'c360-st-churn-purchaseGap-usual',
    }),
  'churn.purchaseGap.default': (p, t) =>
    msg(
      str`${t.count(p.days, 'day')} since the last completed order vs a default gap of ${t.days1(p.gap)} days (one completed order): ratio ${t.n(p.ratio)}`,
      { id: 'c360-st-churn-purchaseGap-default' },
    ),
  'churn.engagement.noPrior': (p, t) =>
    msg(str`No activity in the prior 90 days to compare (${t.count(p.recent, 'point')} in the last 90)`, {
      id: 'c360-st-churn-engagement-noPrior',
    }),
  'churn.engagement.fell': (p, t) =>
    msg(str`Activity fell from ${t.n(p.prior)} to ${t.count(p.recent, 'point')} (−${t.n(p.percent)}%) vs the prior 90 days`, {
      id: 'c360-st-churn-engagement-fell',
    }),
  'churn.engagement.steady': (p, t) =>
    msg(str`Activity steady or rising: ${t.n(p.prior)} → ${t.count(p.recent, 'point')}`, { id: 'c360-st-churn-engagement-steady' }),
  'churn.support': (p, t) =>
    msg(
      str`${t.count(p.open, 'openTicket')}, ${t.count(p.negative, 'negativeRating')} (${t.count(p.tickets, 'ticket')} in the last 180 days)`,
      { id: 'c360-st-churn-support' },
    ),
  'churn.strategy.firstPurchase': () =>
    msg('Convert to a first purchase: send a personalised welcome offer', { id: 'c360-st-churn-strategy-firstPurchase' }),
  'churn.strategy.winBack': (p, t) =>
    msg(
      str`Send a personalised win-back offer timed at their usual ${t.days1(p.gap)}-day purchase gap (${t.count(p.days, 'day')} since the last order)`,
      { id: 'c360-st-churn-strategy-winBack' },
    ),
  'churn.strategy.reactivate': (p, t) =>
    msg(str`Run a re-activation campaign: activity fell ${t.n(p.percent)}% vs the prior 90 days`, {
      id: 'c360-st-churn-strategy-reactivate',
    }),
  'churn.strategy.callback': () =>
    msg('Arrange a priority callback by a senior agent to resolve open tickets and negative feedback', {
      id: 'c360-st-churn-strategy-callback',
    }),
  'churn.strategy.keepWarm': () =>
    msg('Low risk: keep warm with regular, relevant communication and loyalty perks', { id: 'c360-st-churn-strategy-keepWarm' }),
};
