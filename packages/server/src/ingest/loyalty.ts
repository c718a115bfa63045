/**
 * Loyalty: `loyalty.enrolled`, `loyalty.points_earned`, `loyalty.points_redeemed`,
 * `loyalty.tier_changed` and `referral.recorded`. A points event writes one `loyalty_transactions`
 * row keyed by the event id (points signed: earn +, redeem −) and moves the account's balance (and
 * lifetime points for earnings) only when that row is new, so no replay can count it twice.
 * Earning or a tier change enrols a customer who is not enrolled yet; redeeming needs the points.
 * @module
 */
import type {
  LoyaltyEnrolledEvent,
  LoyaltyPointsEarnedEvent,
  LoyaltyPointsRedeemedEvent,
  LoyaltyTierChangedEvent,
  ReferralRecordedEvent,
} from '@c360/sdk';
import { LoyaltyTier } from '@c360/sdk';
import { sql } from 'kysely';
import type { Db } from '../db/connect.js';
import type { BatchRows } from './batch-rows.js';
import { EventConflict } from './conflict.js';
import { eventActivityId, label, parts, plural, requireOwner, utc, type Applied, type CustomerRef } from './shared.js';

type Account = { tier: string; points_balance: number; referral_code: string | null };

const account = (db: Db, customerId: string): Promise<Account | undefined> =>
  db
    .selectFrom('loyalty_accounts')
    .select(['tier', 'points_balance', 'referral_code'])
    .where('customer_id', '=', customerId)
    .executeTakeFirst();

/** Creates the account at `tier` if the customer has none. */
async function ensureAccount(db: Db, customerId: string, tier: string, at: string): Promise<void> {
  await db
    .insertInto('loyalty_accounts')
    .values({ customer_id: customerId, tier, points_balance: 0, lifetime_points: 0, referral_code: null, enrolled_at: at })
    .onConflict((oc) => oc.column('customer_id').doNothing())
    .execute();
}

export async function applyLoyaltyEnrolled(db: Db, event: LoyaltyEnrolledEvent, customer: CustomerRef, rows: BatchRows): Promise<Applied> {
  const d = event.data;
  if (d.referralCode) {
    const owner = await db
      .selectFrom('loyalty_accounts')
      .select('customer_id')
      .where('referral_code', '=', d.referralCode)
      .executeTakeFirst();
    if (owner && owner.customer_id !== customer.id)
      throw new EventConflict('data.referralCode', `referral code "${d.referralCode}" is already another customer's`);
  }
  const before = await account(db, customer.id);
  const at = utc(event.occurredAt);
  await ensureAccount(db, customer.id, d.tier, at);
  await db
    .updateTable('loyalty_accounts')
    .set({ tier: d.tier, ...(d.referralCode ? { referral_code: d.referralCode } : {}) })
    .where('customer_id', '=', customer.id)
    .execute();

  rows.activity(customer.id, {
    id: eventActivityId(event.id),
    type: 'loyalty',
    title: before ? 'Loyalty membership updated' : 'Joined the loyalty programme',
    description: parts(`${label(d.tier)} tier`, d.referralCode && `referral code ${d.referralCode}`),
    occurredAt: at,
    ref: { kind: 'loyalty', id: customer.id },
  });
  return { customerId: customer.id };
}

type PointsEvent = LoyaltyPointsEarnedEvent | LoyaltyPointsRedeemedEvent;

export async function applyLoyaltyPoints(db: Db, event: PointsEvent, customer: CustomerRef, rows: BatchRows): Promise<Applied> {
  const d = event.data;
  const earn = event.type === 'loyalty.points_earned';
  const at = utc(event.occurredAt);
  // Already recorded (a forced replay): the balance already holds it, so neither check nor move it again.
  const recorded = await db.selectFrom('loyalty_transactions').select('id').where('id', '=', event.id).executeTakeFirst();
  const acc = await account(db, customer.id);
  const before = Number(acc?.points_balance ?? 0);
  if (earn) {
    if (!acc) await ensureAccount(db, customer.id, LoyaltyTier.options[0], at);
  } else if (!recorded) {
    if (!acc) throw new EventConflict('data.points', `customer "${customer.id}" is not enrolled in loyalty and has no points to redeem`);
    if (d.points > before) throw new EventConflict('data.points', `redeems ${d.points} points but the balance is ${before}`);
  }
  const expiresAt = earn && event.data.expiresAt ? utc(event.data.expiresAt) : null;
  if (!recorded) {
    await db
      .insertInto('loyalty_transactions')
      .values({
        id: event.id,
        customer_id: customer.id,
        kind: earn ? 'earn' : 'redeem',
        points: earn ? d.points : -d.points,
        reason: d.reason ?? null,
        occurred_at: at,
        expires_at: expiresAt,
      })
      .execute();
    await db
      .updateTable('loyalty_accounts')
      .set(
        earn
          ? { points_balance: sql`points_balance + ${d.points}`, lifetime_points: sql`lifetime_points + ${d.points}` }
          : { points_balance: sql`points_balance - ${d.points}` },
      )
      .where('customer_id', '=', customer.id)
      .execute();
  }
  // the balance after this event, as the update above leaves it (nothing else moves it in between)
  const balance = recorded ? before : before + (earn ? d.points : -d.points);

  rows.activity(customer.id, {
    id: eventActivityId(event.id),
    type: 'loyalty',
    title: `${earn ? 'Earned' : 'Redeemed'} ${plural(d.points, 'point')}`,
    description: parts(
      d.reason,
      d.orderId && `order ${d.orderId}`,
      expiresAt && `expire ${expiresAt.slice(0, 10)}`,
      `balance ${balance.toLocaleString('en-US')}`,
    ),
    occurredAt: at,
    ref: { kind: 'loyalty_transaction', id: event.id },
  });
  return { customerId: customer.id };
}

export async function applyLoyaltyTierChanged(
  db: Db,
  event: LoyaltyTierChangedEvent,
  customer: CustomerRef,
  rows: BatchRows,
): Promise<Applied> {
  const d = event.data;
  const at = utc(event.occurredAt);
  const before = await account(db, customer.id);
  await ensureAccount(db, customer.id, d.tier, at);
  await db.updateTable('loyalty_accounts').set({ tier: d.tier }).where('customer_id', '=', customer.id).execute();

  const rank = (tier: string) => LoyaltyTier.options.indexOf(tier as LoyaltyTier);
  const move = !before
    ? 'set to'
    : rank(d.tier) > rank(before.tier)
      ? 'upgraded to'
      : rank(d.tier) < rank(before.tier)
        ? 'downgraded to'
        : 'confirmed:';
  rows.activity(customer.id, {
    id: eventActivityId(event.id),
    type: 'loyalty',
    title: `Tier ${move} ${label(d.tier)}`,
    description: parts(before && before.tier !== d.tier && `was ${label(before.tier)}`, d.reason),
    occurredAt: at,
    ref: { kind: 'loyalty', id: customer.id },
  });
  return { customerId: customer.id };
}

export async function applyReferralRecorded(
  db: Db,
  event: ReferralRecordedEvent,
  customer: CustomerRef,
  rows: BatchRows,
): Promise<Applied> {
  const d = event.data;
  const existing = await db.selectFrom('referrals').select('referrer_id').where('id', '=', d.referralId).executeTakeFirst();
  requireOwner(existing && { customer_id: existing.referrer_id }, customer, 'data.referralId', 'referral', d.referralId);
  if (d.referredCustomerId === customer.id) throw new EventConflict('data.referredCustomerId', 'a customer cannot refer themselves');
  const at = utc(event.occurredAt);
  const row = { referrer_id: customer.id, referred_customer_id: d.referredCustomerId ?? null };
  await db
    .insertInto('referrals')
    .values({ id: d.referralId, ...row, created_at: at })
    .onConflict((oc) => oc.column('id').doUpdateSet(row))
    .execute();

  const referred = d.referredCustomerId
    ? await db.selectFrom('customers').select('name').where('id', '=', d.referredCustomerId).executeTakeFirst()
    : undefined;
  rows.activity(customer.id, {
    id: eventActivityId(event.id),
    type: 'loyalty',
    title: 'Referred a new customer',
    description: d.referredCustomerId ? `${referred?.name ?? 'Customer'} (${d.referredCustomerId})` : null,
    occurredAt: at,
    ref: d.referredCustomerId ? { kind: 'customer', id: d.referredCustomerId } : { kind: 'referral', id: d.referralId },
  });
  return { customerId: customer.id };
}
