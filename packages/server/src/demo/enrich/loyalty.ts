/**
 * Demo loyalty: most customers join (at their first order, or later at another checkout); they earn
 * 1 point per whole £1 of each real completed order from then on (points expire at the end of the
 * 12th month after earning, so December 2010 points expire within 30 days of as-of), a welcome
 * bonus, referral and birthday bonuses; now and then they redeem vouchers at checkout — never more
 * than the balance —; the tier follows lifetime points against the programme's thresholds (orders before enrolment are credited at enrolment, so lifetime points track spend). Referrals come from {@link planReferrals}.
 * @module
 */
import { LOYALTY_TIER_THRESHOLDS, LoyaltyTier } from '@c360/sdk';
import { major, type DemoContext, type DemoCustomer, type EventLog } from './facts.js';
import { demoFirstName, slug } from './profile.js';
import { DAY, endOfMonthAfter, HOUR, iso, MINUTE, rngFor, seedOf } from './random.js';

/** The tier of a number of lifetime points: the highest threshold reached. */
const tierFor = (lifetimePoints: number): LoyaltyTier =>
  [...LoyaltyTier.options].reverse().find((t) => lifetimePoints >= LOYALTY_TIER_THRESHOLDS[t])!;
const rank = (tier: LoyaltyTier) => LoyaltyTier.options.indexOf(tier);

/** When a customer joins the programme: at the checkout of `orders[fromOrder]` (or after registering). */
export interface LoyaltyPlan {
  enrolAt: number;
  fromOrder: number;
}

/** The joining plan of a customer, or null for the ~20% who never join. */
export function loyaltyPlan(customer: DemoCustomer, ctx: DemoContext): LoyaltyPlan | null {
  const rng = rngFor(customer.id, 'loyalty-plan');
  const n = customer.orders.length;
  if (!rng.chance(0.7 + 0.04 * Math.min(n, 5))) return null;
  if (n === 0) {
    const at = customer.registeredAt + rng.between(1, 20) * DAY;
    return at <= ctx.asOf ? { enrolAt: at, fromOrder: 0 } : null;
  }
  const fromOrder = n >= 2 && rng.chance(0.35) ? rng.int(1, n - 1) : 0;
  return { enrolAt: Math.max(customer.registeredAt, customer.orders[fromOrder]!.at - MINUTE), fromOrder };
}

/** A referral by this customer; `referred` when the invitee became a customer. */
export interface DemoReferral {
  referralId: string;
  at: number;
  referred?: DemoCustomer;
}

/** A points movement before it is checked against the balance. */
interface Happening {
  at: number;
  points: number;
  reason: string;
  orderIndex?: number;
  expiresAt?: number;
}

export function loyaltyEvents(
  log: EventLog,
  customer: DemoCustomer,
  ctx: DemoContext,
  plan: LoyaltyPlan | null,
  referrals: readonly DemoReferral[],
): void {
  if (!plan) return;
  const rng = rngFor(customer.id, 'loyalty');
  const c = { customerId: customer.id };
  const orders = customer.orders;
  const earlier = orders.slice(0, plan.fromOrder);
  const earlierPoints = Math.max(0, Math.floor(earlier.reduce((s, o) => s + major(o.totalMinor, customer.currency), 0)));
  let lifetime = 0;
  let tier = tierFor(earlierPoints + 50);
  // Unique: the first name and the customer id (or a hash of it, when it is long or has other characters).
  const name =
    slug(demoFirstName(customer.id, customer.country))
      .replace(/[^a-z0-9]/g, '')
      .toUpperCase()
      .slice(0, 12) || 'GIFT';
  const idPart = /^[A-Za-z0-9-]{1,26}$/.test(customer.id) ? customer.id : seedOf(customer.id).toString(36).toUpperCase();
  log.add('loyalty-enrolled', 'loyalty.enrolled', plan.enrolAt, { ...c, tier, referralCode: `${name}-${idPart}` });

  const happenings: Happening[] = [{ at: plan.enrolAt + MINUTE, points: 50, reason: 'Welcome bonus' }];
  if (earlierPoints > 0) {
    const at = plan.enrolAt + 2 * MINUTE;
    happenings.push({
      at,
      points: earlierPoints,
      reason: `Points for ${earlier.length} earlier order${earlier.length === 1 ? '' : 's'}`,
      expiresAt: endOfMonthAfter(at, 12),
    });
  }
  orders.forEach((order, i) => {
    if (i < plan.fromOrder) return;
    happenings.push({
      at: Math.min(ctx.asOf, order.at + 2 * MINUTE),
      points: Math.floor(major(order.totalMinor, customer.currency)),
      reason: `Order ${order.number}`,
      orderIndex: i,
      expiresAt: endOfMonthAfter(order.at, 12),
    });
  });
  for (const r of referrals) {
    log.add('referral', 'referral.recorded', r.at, {
      ...c,
      referralId: r.referralId,
      ...(r.referred ? { referredCustomerId: r.referred.id } : {}),
    });
    const at = r.referred ? r.referred.registeredAt + HOUR : Infinity;
    if (at <= ctx.asOf)
      happenings.push({ at, points: 250, reason: `Referral bonus: customer ${r.referred!.id} joined`, expiresAt: endOfMonthAfter(at, 12) });
  }
  if (rng.chance(0.12)) {
    const at = ctx.asOf - rng.between(1, 55) * DAY;
    if (at > plan.enrolAt) happenings.push({ at, points: 100, reason: 'Birthday bonus', expiresAt: at + 60 * DAY });
  }
  happenings.sort((a, b) => a.at - b.at);

  let balance = 0;
  let lastEarn = -Infinity;
  for (const h of happenings) {
    const order = h.orderIndex === undefined ? undefined : orders[h.orderIndex]!;
    // At checkout, sometimes a voucher is redeemed first: never more than the balance, and never
    // timed before an earning it relies on (events are applied in time order).
    if (order && balance >= 500 && rng.chance(0.25)) {
      const points = rng.pick([500, 1000, 2500].filter((p) => p <= balance));
      log.add('loyalty-redeemed', 'loyalty.points_redeemed', Math.max(lastEarn + 1000, Math.min(ctx.asOf, order.at + 30_000)), {
        ...c,
        points,
        reason: `£${points / 100} voucher`,
        orderId: order.id,
      });
      balance -= points;
    }
    if (h.points >= 1) {
      log.add('loyalty-earned', 'loyalty.points_earned', h.at, {
        ...c,
        points: h.points,
        reason: h.reason,
        ...(order ? { orderId: order.id } : {}),
        ...(h.expiresAt === undefined ? {} : { expiresAt: iso(h.expiresAt) }),
      });
      balance += h.points;
      lifetime += h.points;
      lastEarn = h.at;
      const next = tierFor(lifetime);
      if (rank(next) > rank(tier)) {
        const reason = `Lifetime points passed ${LOYALTY_TIER_THRESHOLDS[next].toLocaleString('en-GB')}`;
        log.add('loyalty-tier', 'loyalty.tier_changed', h.at + 1000, { ...c, tier: next, reason });
        tier = next;
      }
    }
  }
}

/**
 * Referrals across customers: about one in ten members refers someone — mostly a customer who
 * registered later (each referred at most once), sometimes an invitee who never bought.
 */
export function planReferrals(
  customers: readonly DemoCustomer[],
  plans: ReadonlyMap<string, LoyaltyPlan | null>,
  ctx: DemoContext,
): Map<string, DemoReferral[]> {
  const out = new Map<string, DemoReferral[]>();
  const referred = new Set<string>();
  for (const customer of customers) {
    const plan = plans.get(customer.id);
    const rng = rngFor(customer.id, 'referrals');
    if (!plan || !rng.chance(0.1)) continue;
    const referralId = `demo-${customer.id}-R1`;
    const candidates = customers.filter((o) => o.id !== customer.id && !referred.has(o.id) && o.registeredAt > plan.enrolAt + 3 * DAY);
    if (candidates.length && rng.chance(0.75)) {
      const other = rng.pick(candidates);
      referred.add(other.id);
      out.set(customer.id, [
        { referralId, referred: other, at: Math.max(plan.enrolAt + MINUTE, other.registeredAt - rng.int(1, 10) * DAY) },
      ]);
    } else {
      const at = plan.enrolAt + rng.next() * (ctx.asOf - plan.enrolAt);
      out.set(customer.id, [{ referralId, at }]);
    }
  }
  return out;
}
