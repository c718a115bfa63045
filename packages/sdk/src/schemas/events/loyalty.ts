/**
 * Loyalty events; see the events index for the wire conventions.
 * @module
 */
import { z } from 'zod';
import { CustomerId } from '../common.js';
import { EventBase, EventTimestamp, Id, Text } from './common.js';

// ---- loyalty -------------------------------------------------------------------------------------

/** Loyalty tiers, lowest first. */
export const LoyaltyTier = z.enum(['bronze', 'silver', 'gold', 'platinum']);
export type LoyaltyTier = z.infer<typeof LoyaltyTier>;

const Points = z.number().int().min(1).max(1_000_000_000);

/** The customer joins the loyalty programme (again: updates tier and referral code). */
export const LoyaltyEnrolledEvent = z
  .strictObject({
    ...EventBase,
    type: z.literal('loyalty.enrolled'),
    data: z.strictObject({
      customerId: CustomerId,
      tier: LoyaltyTier.default('bronze'),
      referralCode: z
        .string()
        .regex(/^[A-Za-z0-9-]{3,40}$/, 'must be 3–40 letters, digits or -')
        .optional()
        .meta({ description: 'Unique across customers' }),
    }),
  })
  .meta({
    id: 'LoyaltyEnrolledEvent',
    description: 'Joins the loyalty programme at `tier` (default bronze), with an optional unique referral code.',
  });
export type LoyaltyEnrolledEvent = z.infer<typeof LoyaltyEnrolledEvent>;

/** Points earned: added to balance and lifetime points (enrols the customer at `bronze` if needed). */
export const LoyaltyPointsEarnedEvent = z
  .strictObject({
    ...EventBase,
    type: z.literal('loyalty.points_earned'),
    data: z.strictObject({
      customerId: CustomerId,
      points: Points,
      reason: Text(200).optional(),
      orderId: Id('Order').optional(),
      expiresAt: EventTimestamp.optional().meta({ description: 'When these points expire' }),
    }),
  })
  .meta({
    id: 'LoyaltyPointsEarnedEvent',
    description: 'Points earned (added to balance and lifetime points); enrols at bronze if needed.',
  });
export type LoyaltyPointsEarnedEvent = z.infer<typeof LoyaltyPointsEarnedEvent>;

/** Points redeemed: taken from the balance. More than the balance rejects the batch (422). */
export const LoyaltyPointsRedeemedEvent = z
  .strictObject({
    ...EventBase,
    type: z.literal('loyalty.points_redeemed'),
    data: z.strictObject({
      customerId: CustomerId,
      points: Points,
      reason: Text(200).optional(),
      orderId: Id('Order').optional(),
    }),
  })
  .meta({
    id: 'LoyaltyPointsRedeemedEvent',
    description: 'Points redeemed from the balance; more than the balance rejects the batch with a 422.',
  });
export type LoyaltyPointsRedeemedEvent = z.infer<typeof LoyaltyPointsRedeemedEvent>;

/** The customer's tier changed (enrols the customer at that tier if needed). */
export const LoyaltyTierChangedEvent = z
  .strictObject({
    ...EventBase,
    type: z.literal('loyalty.tier_changed'),
    data: z.strictObject({ customerId: CustomerId, tier: LoyaltyTier, reason: Text(200).optional() }),
  })
  .meta({
    id: 'LoyaltyTierChangedEvent',
    description: 'The loyalty tier changed (enrols at that tier if needed).',
  });
export type LoyaltyTierChangedEvent = z.infer<typeof LoyaltyTierChangedEvent>;

/** The customer (`customerId`) referred someone; `referredCustomerId` when they became a customer. */
export const ReferralRecordedEvent = z
  .strictObject({
    ...EventBase,
    type: z.literal('referral.recorded'),
    data: z.strictObject({
      customerId: CustomerId.meta({ description: 'The referrer' }),
      referralId: Id('Referral'),
      referredCustomerId: CustomerId.optional(),
    }),
  })
  .meta({
    id: 'ReferralRecordedEvent',
    description: 'The customer referred someone (`referredCustomerId` once they are a customer).',
  });
export type ReferralRecordedEvent = z.infer<typeof ReferralRecordedEvent>;
