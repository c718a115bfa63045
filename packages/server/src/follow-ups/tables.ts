/**
 * The `follow_ups` row (migration 0010) and a typed view of a database that has it. Timestamps are
 * ISO 8601 UTC text.
 * @module
 */
import type { Kysely } from 'kysely';
import type { FollowUp, FollowUpStatus } from '@c360/sdk';
import type { Db } from '../db/connect.js';

export interface FollowUpsTable {
  id: string;
  customer_id: string;
  due_at: string;
  /** The user it is for (an API key's name). */
  assignee: string;
  note: string;
  status: FollowUpStatus;
  created_by: string;
  created_at: string;
  /** When it was marked done or cancelled. */
  completed_at: string | null;
  /** When its `follow_up.due` notification was raised (cleared by a reschedule). */
  notified_at: string | null;
}

export type FollowUpDb = Kysely<{ follow_ups: FollowUpsTable }>;

/** `db` (or a transaction) seen with the `follow_ups` table. */
export const followUpDb = (db: Db): FollowUpDb => db.withTables<{ follow_ups: FollowUpsTable }>() as unknown as FollowUpDb;

/** The wire shape of a row. */
export function toFollowUp(row: FollowUpsTable): FollowUp {
  return {
    id: row.id,
    customerId: row.customer_id,
    dueAt: row.due_at,
    assignee: row.assignee,
    note: row.note,
    status: row.status,
    createdBy: row.created_by,
    createdAt: row.created_at,
    completedAt: row.completed_at,
    notifiedAt: row.notified_at,
  };
}
