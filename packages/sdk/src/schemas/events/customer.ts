/**
 * Customer events; see the events index for the wire conventions.
 * @module
 */
import { z } from 'zod';
import { Currency, CustomerId, Timestamp } from '../common.js';
import { AccountStatus } from '../customer.js';
import { EventBase } from './common.js';

// ---- customers -----------------------------------------------------------------------------------

const AddressInput = z.object({
  id: z.string().min(1).max(200),
  label: z.string().min(1).max(60),
  line1: z.string().min(1).max(200),
  line2: z.string().max(200).nullable().optional(),
  city: z.string().min(1).max(100),
  postcode: z.string().max(20).nullable().optional(),
  country: z.string().min(1).max(100),
  primary: z.boolean().default(false),
});

/** Creates a customer or updates the given fields of an existing one. */
export const CustomerUpsertedEvent = z
  .object({
    ...EventBase,
    type: z.literal('customer.upserted'),
    data: z.object({
      customerId: CustomerId,
      name: z.string().min(1).max(200).optional(),
      email: z.email().max(254).nullable().optional(),
      phone: z.string().regex(/^\+?[0-9 ()-]{4,32}$/, 'must be a phone number such as +44 20 7946 0018').nullable().optional(),
      country: z.string().max(100).nullable().optional(),
      registeredAt: Timestamp.optional(),
      status: AccountStatus.optional(),
      avatarUrl: z.url().max(2000).nullable().optional(),
      vip: z.boolean().optional(),
      currency: Currency.optional(),
      synthetic: z.boolean().optional().meta({ description: 'Marks generated demo data' }),
      addresses: z.array(AddressInput).max(20).optional().meta({ description: 'Replaces all addresses when given' }),
    }),
  })
  .meta({
    id: 'CustomerUpsertedEvent',
    description: 'Creates a customer or updates the given fields; `addresses` replaces all addresses.',
  });
export type CustomerUpsertedEvent = z.infer<typeof CustomerUpsertedEvent>;
