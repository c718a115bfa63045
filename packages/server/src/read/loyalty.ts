/**
 * GET /customers/:id/loyalty (R4): tier, balance, lifetime points, progress toward the next tier
 * (thresholds `LOYALTY_TIER_THRESHOLDS` of the SDK), points expiring in the 30 days after as-of,
 * referral code and count, and the last 10 points transactions.
 * @module
 */
import {
  LOYALTY_EXPIRY_WINDOW_DAYS,
  LOYALTY_TIER_THRESHOLDS,
  LoyaltyTier,
  type LoyaltyStatus,
  type LoyaltyTransactionKind,
} from '@c360/sdk';
import { customerNotFound } from '../core/problem.js';
import { MS_PER_DAY } from '../scoring/clock.js';
import type { ReadContext } from '../core/read-context.js';
import { loyaltyReasonText } from '../i18n/timeline-parse.js';

export async function loadLoyalty(ctx: ReadContext, customerId: string): Promise<LoyaltyStatus> {
  const { db, asOf } = ctx;
  const [customer, account, referrals, recent, ledger] = await Promise.all([
    db.selectFrom('customers').select('id').where('id', '=', customerId).executeTakeFirst(),
    db.selectFrom('loyalty_accounts').selectAll().where('customer_id', '=', customerId).executeTakeFirst(),
    db
      .selectFrom('referrals')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('referrer_id', '=', customerId)
      .executeTakeFirst(),
    db
      .selectFrom('loyalty_transactions')
      .select(['id', 'kind', 'points', 'reason', 'occurred_at', 'expires_at'])
      .where('customer_id', '=', customerId)
      .orderBy('occurred_at', 'desc')
      .orderBy('id', 'desc')
      .limit(10)
      .execute(),
    db
      .selectFrom('loyalty_transactions')
      .select(['points', 'occurred_at', 'expires_at'])
      .where('customer_id', '=', customerId)
      .orderBy('occurred_at')
      .orderBy('id')
      .execute(),
  ]);
  if (!customer) throw customerNotFound(customerId);

  const base = { asOf: asOf.toISOString(), referralCount: Number(referrals?.n ?? 0) };
  if (!account) {
    return {
      ...base,
      enrolled: false,
      enrolledAt: null,
      tier: null,
      pointsBalance: 0,
      lifetimePoints: 0,
      nextTier: null,
      pointsToNextTier: null,
      progress: 0,
      pointsExpiringIn30Days: 0,
      referralCode: null,
      transactions: [],
    };
  }
  const tier = account.tier as LoyaltyTier;
  const balance = Math.max(0, Number(account.points_balance));
  const lifetime = Number(account.lifetime_points);
  const windowEnd = new Date(asOf.getTime() + LOYALTY_EXPIRY_WINDOW_DAYS * MS_PER_DAY).toISOString();
  return {
    ...base,
    enrolled: true,
    enrolledAt: account.enrolled_at,
    tier,
    pointsBalance: balance,
    lifetimePoints: lifetime,
    ...tierProgress(tier, lifetime),
    pointsExpiringIn30Days: pointsExpiring(
      ledger.map((t) => ({ points: Number(t.points), occurredAt: t.occurred_at, expiresAt: t.expires_at })),
      asOf.toISOString(),
      windowEnd,
      balance,
    ),
    referralCode: account.referral_code,
    transactions: recent.map((t) => ({
      id: t.id,
      kind: t.kind as LoyaltyTransactionKind,
      points: Number(t.points),
      reason: t.reason,
      reasonText: loyaltyReasonText(t.reason),
      occurredAt: t.occurred_at,
      expiresAt: t.expires_at,
    })),
  };
}

/**
 * The tier above `tier`, the lifetime points still missing to its threshold, and the progress
 * from the current tier's threshold to the next one's (clamped to 0–1; 1 at the top tier).
 */
export function tierProgress(tier: LoyaltyTier, lifetimePoints: number): Pick<LoyaltyStatus, 'nextTier' | 'pointsToNextTier' | 'progress'> {
  const next = LoyaltyTier.options[LoyaltyTier.options.indexOf(tier) + 1];
  if (!next) return { nextTier: null, pointsToNextTier: null, progress: 1 };
  const from = LOYALTY_TIER_THRESHOLDS[tier];
  const to = LOYALTY_TIER_THRESHOLDS[next];
  return {
    nextTier: next,
    pointsToNextTier: Math.max(0, to - lifetimePoints),
    progress: Math.min(1, Math.max(0, (lifetimePoints - from) / (to - from))),
  };
}

export interface LedgerEntry {
  /** Signed: credits (earnings, positive adjustments) > 0, debits (redemptions, expiries) < 0. */
  points: number;
  occurredAt: string;
  expiresAt: string | null;
}

/**
 * Unused points whose expiry falls in (`from`, `to`], at most `balance`. Points are used
 * soonest-expiring first: each debit, in time order, takes from the credits made at or before it
 * that have not expired by then, the soonest expiry first (credits without expiry last, earlier
 * credits first on a tie).
 */
export function pointsExpiring(ledger: readonly LedgerEntry[], from: string, to: string, balance: number): number {
  const ordered = [...ledger].sort((a, b) => (a.occurredAt < b.occurredAt ? -1 : a.occurredAt > b.occurredAt ? 1 : b.points - a.points));
  const lots: Array<{ left: number; expiresAt: string | null }> = [];
  for (const entry of ordered) {
    if (entry.points > 0) {
      lots.push({ left: entry.points, expiresAt: entry.expiresAt });
      continue;
    }
    let debit = -entry.points;
    const usable = lots
      .filter((l) => l.left > 0 && (l.expiresAt === null || l.expiresAt > entry.occurredAt))
      .sort((a, b) =>
        a.expiresAt === b.expiresAt ? 0 : a.expiresAt === null ? 1 : b.expiresAt === null ? -1 : a.expiresAt < b.expiresAt ? -1 : 1,
      );
    for (const lot of usable) {
      if (debit === 0) break;
      const take = Math.min(lot.left, debit);
      lot.left -= take;
      debit -= take;
    }
  }
  const expiring = lots.filter((l) => l.expiresAt !== null && l.expiresAt > from && l.expiresAt <= to).reduce((sum, l) => sum + l.left, 0);
  return Math.min(expiring, Math.max(0, balance));
}
