/**
 * The embed lookup (`GET /embed/lookup`, outside `/api`): which customer a helpdesk contact is,
 * by exact id, email (any case) or phone (same digits). The Chatwoot page calls it with the bearer
 * token in the `Authorization` header; see docs/embedding/chatwoot.md.
 * @module
 */
import { z } from 'zod';
import { CustomerId } from './common.js';

/** Query of GET /embed/lookup: at least one of `id`, `email`, `phone` (tried in that order). */
export const EmbedLookupQuery = z.object({
  id: z.string().optional().meta({ description: 'The customer id (the host’s own key)', example: '17850' }),
  email: z.string().optional().meta({ description: 'An email address, matched exactly in any case', example: 'ana@example.com' }),
  phone: z.string().optional().meta({ description: 'A phone number, matched by its digits (at least 6)', example: '+44 20 7946 0000' }),
});
export type EmbedLookupQuery = z.input<typeof EmbedLookupQuery>;

/** The one customer a contact matched, and by which key. */
export const EmbedLookup = z
  .object({
    customerId: CustomerId,
    matchedBy: z.enum(['id', 'email', 'phone']),
  })
  .meta({ id: 'EmbedLookup', description: 'The customer the contact keys matched exactly, and by which key' });
export type EmbedLookup = z.infer<typeof EmbedLookup>;
