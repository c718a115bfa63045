/**
 * Row types of the scheduled-export tables (migration 0005) and a typed view of a database that
 * has them. Timestamps are ISO 8601 UTC text; JSON columns are text.
 * @module
 */
import type { Kysely } from 'kysely';
import type { Db } from '../db/connect.js';

export interface ExportSchedulesTable {
  id: string;
  name: string;
  /** The API key name that created it: runs export as this user. */
  owner: string;
  owner_role: string;
  /** JSON: the filters of GET /customers. */
  filters: string;
  format: string;
  locale: string;
  cron: string;
  time_zone: string;
  /** JSON: an ExportDelivery. */
  delivery: string;
  paused: number;
  next_run_at: string | null;
  /** Unused since migration 0011 (the scheduler takes a named lease, db/lease.ts); always null. */
  lease_until?: string | null;
  /** Unused since migration 0011; always null. */
  lease_owner?: string | null;
  last_run_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface ExportRunsTable {
  id: string;
  schedule_id: string;
  /** The cron occurrence: unique per schedule, so an occurrence runs once. */
  scheduled_for: string;
  started_at: string;
  finished_at: string | null;
  status: string;
  rows: number | null;
  filename: string | null;
  bytes: number | null;
  /** The kept file (download delivery) until `expires_at`. */
  file_path: string | null;
  expires_at: string | null;
  error: string | null;
}

export type ScheduleTables = {
  export_schedules: ExportSchedulesTable;
  export_runs: ExportRunsTable;
};

export type ScheduleDb = Kysely<ScheduleTables>;

/** `db` (or a transaction) seen with the scheduled-export tables. */
export const scheduleDb = (db: Db): ScheduleDb => db.withTables<ScheduleTables>() as unknown as ScheduleDb;
