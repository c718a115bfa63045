/**
 * Customer events; see the events index for the wire conventions.
 * @module
 */
import { z } from 'zod';
import { Currency, CustomerId } from '../common.js';
import { AccountStatus } from '../customer.js';
import { EmailAddress, EventBase, EventTimestamp } from './common.js';

// ---- customers -----------------------------------------------------------------------------------

const AddressInput = z.strictObject({
  id: z.string().min(1).max(200),
  label: z.string().min(1).max(60),
  line1: z.string().min(1).max(200),
  line2: z.string().max(200).nullable().optional(),
  city: z.string().min(1).max(100),
  postcode: z.string().max(20).nullable().optional(),
  region: z.string().max(100).nullable().optional().meta({ description: 'State, province, county or region, e.g. "CA", "Mazowieckie"' }),
  country: z.string().min(1).max(100),
  primary: z.boolean().default(false),
});

/** Creates a customer or updates the given fields of an existing one. */
export const CustomerUpsertedEvent = z
  .strictObject({
    ...EventBase,
    type: z.literal('customer.upserted'),
    data: z.strictObject({
      customerId: CustomerId,
      name: z.string().min(1).max(200).optional(),
      email: EmailAddress.nullable().optional(),
      phone: z
        .string()
        .regex(/^\+?[0-9 ()-]{4,32}$/, 'must be a phone number such as +44 20 7946 0018')
        .nullable()
        .optional(),
      company: z.string().max(200).nullable().optional().meta({ description: 'The organisation the customer belongs to or buys for' }),
      country: z.string().max(100).nullable().optional(),
      registeredAt: EventTimestamp.optional(),
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
    description:
      'Creates a customer or updates the given fields; `addresses` replaces all addresses. Unknown fields are refused (400 naming the field).',
  });
export type CustomerUpsertedEvent = z.infer<typeof CustomerUpsertedEvent>;
