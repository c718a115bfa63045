/**
 * The audit log (GET /audit, manager and up): who did what to which customer and when — quick
 * actions, preference edits, segment removals, exports (single and bulk), notifications and
 * scheduled runs, each written in the same transaction as the change.
 * @module
 */
import { z } from 'zod';
import { Cursor, Timestamp } from './common.js';

/** Query of GET /audit; every filter is optional, `from`/`to` are inclusive ISO dates or timestamps. */
export const AuditQuery = z.object({
  customer: z.string().min(1).max(200).optional().meta({ description: 'Only entries about this customer id' }),
  actor: z.string().min(1).max(200).optional().meta({ description: 'Only entries by this actor (exact name, as recorded)' }),
  action: z
    .string()
    .min(1)
    .max(100)
    .optional()
    .meta({ description: 'Only this action (e.g. `preferences.updated`), or a family ending in `.*` (e.g. `export.*`)' }),
  from: z.union([z.iso.date(), z.iso.datetime({ offset: true })]).optional(),
  to: z.union([z.iso.date(), z.iso.datetime({ offset: true })]).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: Cursor.optional(),
});
export type AuditQuery = z.input<typeof AuditQuery>;

export const AuditEntry = z
  .object({
    id: z.string().meta({ description: 'Stable id of the entry' }),
    at: Timestamp,
    actor: z.string().meta({ description: 'Name of the token that acted' }),
    action: z.string().meta({ example: 'preferences.updated' }),
    customerId: z.string().nullable().meta({ description: 'The customer it is about; null for actions on many (bulk exports)' }),
    details: z.record(z.string(), z.unknown()).nullable().meta({ description: 'What the action recorded (its own fields per action)' }),
  })
  .meta({ id: 'AuditEntry' });
export type AuditEntry = z.infer<typeof AuditEntry>;

/** GET /audit: entries newest first, keyset-paginated. */
export const AuditPage = z.object({ entries: z.array(AuditEntry), nextCursor: z.string().nullable() }).meta({ id: 'AuditPage' });
export type AuditPage = z.infer<typeof AuditPage>;
