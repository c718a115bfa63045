/**
 * Ingestion events (POST /events, `c360 import events`): typed facts from other systems. Each has a
 * client-supplied `id`, its idempotency key: an event already received is skipped, so a replayed
 * batch changes nothing.
 * @module
 */
import { z } from 'zod';
import { Currency, CustomerId, Timestamp } from './common.js';
import { AccountStatus } from './customer.js';

const EventBase = {
  id: z.string().min(1).max(200).meta({ description: 'Idempotency key, unique per source event' }),
  occurredAt: Timestamp,
};

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
  .meta({ id: 'CustomerUpsertedEvent' });
export type CustomerUpsertedEvent = z.infer<typeof CustomerUpsertedEvent>;

/** Every event type the API accepts, discriminated by `type`. */
export const IngestEvent = z.discriminatedUnion('type', [CustomerUpsertedEvent]).meta({ id: 'IngestEvent' });
export type IngestEvent = z.infer<typeof IngestEvent>;
export type IngestEventInput = z.input<typeof IngestEvent>;

/** Result of a batch: how many events were applied and how many were already known. */
export const IngestResult = z
  .object({
    received: z.number().int(),
    applied: z.number().int(),
    duplicates: z.number().int().meta({ description: 'Events whose id was already received (skipped)' }),
  })
  .meta({ id: 'IngestResult' });
export type IngestResult = z.infer<typeof IngestResult>;
