/**
 * Saved export definitions (`export_schedules`): create, list, change, pause, delete, each
 * audited (`export.schedule.created` / `.updated` / `.deleted`). The cron expression is checked
 * and its next occurrence computed with croner in the schedule's time zone; a paused schedule has
 * no next run. Bad input is a 400 naming the field (`body.cron`, `body.timeZone`) and changes nothing.
 * @module
 */
import { Cron } from 'croner';
import type { ExportDelivery, ExportRun, ExportSchedule, ExportScheduleUpdate, NewExportSchedule } from '@c360/sdk';
import type { z } from 'zod';
import type { Db } from '../db/connect.js';
import type { Actor } from '../core/actor.js';
import { invalidRequest, ProblemError } from '../core/problem.js';
import { sortableId } from '../write/ids.js';
import { runWrite, type AuditEntry } from '../write/pipeline.js';
import { scheduleDb, type ExportRunsTable, type ExportSchedulesTable } from './tables.js';

/** The first occurrence of `cron` in `timeZone` strictly after `after`; throws a 400 naming the bad field. */
export function nextOccurrence(cron: string, timeZone: string, after: Date): Date | null {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
  } catch {
    throw invalidRequest([{ field: 'body.timeZone', message: `"${timeZone}" is not an IANA time zone` }]);
  }
  let job: Cron;
  try {
    job = new Cron(cron, { timezone: timeZone });
  } catch (error) {
    throw invalidRequest([{ field: 'body.cron', message: `is not a cron expression: ${(error as Error).message}` }]);
  }
  return job.nextRun(after);
}

export function toSchedule(row: ExportSchedulesTable): ExportSchedule {
  return {
    id: row.id,
    name: row.name,
    owner: row.owner,
    filters: JSON.parse(row.filters) as Record<string, unknown>,
    format: row.format as ExportSchedule['format'],
    locale: row.locale,
    cron: row.cron,
    timeZone: row.time_zone,
    delivery: JSON.parse(row.delivery) as ExportDelivery,
    paused: row.paused === 1,
    nextRunAt: row.next_run_at,
    lastRunAt: row.last_run_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function toRun(row: ExportRunsTable): ExportRun {
  return {
    id: row.id,
    scheduledFor: row.scheduled_for,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    status: row.status as ExportRun['status'],
    rows: row.rows,
    filename: row.filename,
    bytes: row.bytes,
    expiresAt: row.expires_at,
    error: row.error,
  };
}

const notFound = (id: string) => new ProblemError(404, 'not-found', 'Export schedule not found', `No export schedule "${id}"`);

/** The audit row of a change to a schedule by `actor` (its role in the details). */
const scheduleAudit = (actor: Pick<Actor, 'name' | 'role'>, action: string, details: Record<string, unknown>): AuditEntry => ({
  actor: actor.name,
  action,
  customerId: null,
  details: { role: actor.role, ...details },
});

/** Saves a new schedule owned by `actor`. */
export async function createSchedule(
  db: Db,
  actor: Pick<Actor, 'name' | 'role'>,
  input: z.output<typeof NewExportSchedule>,
  now = new Date(),
): Promise<ExportSchedule> {
  const next = nextOccurrence(input.cron, input.timeZone, now);
  const at = now.toISOString();
  const row: ExportSchedulesTable = {
    id: sortableId('sch_', now),
    name: input.name,
    owner: actor.name,
    owner_role: actor.role,
    filters: JSON.stringify(input.filters),
    format: input.format,
    locale: input.locale,
    cron: input.cron,
    time_zone: input.timeZone,
    delivery: JSON.stringify(input.delivery),
    paused: input.paused ? 1 : 0,
    next_run_at: input.paused ? null : (next?.toISOString() ?? null),
    last_run_at: null,
    created_at: at,
    updated_at: at,
  };
  await runWrite(
    db,
    async (w) => {
      await scheduleDb(w.trx).insertInto('export_schedules').values(row).execute();
      await w.audit(
        scheduleAudit(actor, 'export.schedule.created', {
          id: row.id,
          name: row.name,
          cron: row.cron,
          timeZone: row.time_zone,
          format: row.format,
        }),
      );
    },
    now,
  );
  return toSchedule(row);
}

/** Every schedule, by name. */
export async function listSchedules(db: Db): Promise<ExportSchedule[]> {
  const rows = await scheduleDb(db).selectFrom('export_schedules').selectAll().orderBy('name').orderBy('id').execute();
  return rows.map(toSchedule);
}

/** One schedule's row; 404 problem when unknown. */
export async function scheduleRow(db: Db, id: string): Promise<ExportSchedulesTable> {
  const row = await scheduleDb(db).selectFrom('export_schedules').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound(id);
  return row;
}

/** Applies `changes`; resuming or a new cron/time zone recomputes the next run from `now`. */
export async function updateSchedule(
  db: Db,
  actor: Pick<Actor, 'name' | 'role'>,
  id: string,
  changes: z.output<typeof ExportScheduleUpdate>,
  now = new Date(),
): Promise<ExportSchedule> {
  return runWrite(
    db,
    async (w) => {
      const row = await scheduleRow(w.trx, id);
      const next: ExportSchedulesTable = {
        ...row,
        ...(changes.name !== undefined ? { name: changes.name } : {}),
        ...(changes.filters !== undefined ? { filters: JSON.stringify(changes.filters) } : {}),
        ...(changes.format !== undefined ? { format: changes.format } : {}),
        ...(changes.locale !== undefined ? { locale: changes.locale } : {}),
        ...(changes.cron !== undefined ? { cron: changes.cron } : {}),
        ...(changes.timeZone !== undefined ? { time_zone: changes.timeZone } : {}),
        ...(changes.delivery !== undefined ? { delivery: JSON.stringify(changes.delivery) } : {}),
        ...(changes.paused !== undefined ? { paused: changes.paused ? 1 : 0 } : {}),
        updated_at: now.toISOString(),
      };
      const occurrence = nextOccurrence(next.cron, next.time_zone, now);
      const rescheduled =
        next.paused === 1
          ? null
          : row.paused === 1 || next.cron !== row.cron || next.time_zone !== row.time_zone || row.next_run_at === null
            ? (occurrence?.toISOString() ?? null)
            : row.next_run_at;
      next.next_run_at = rescheduled;
      const { id: _id, ...set } = next;
      await scheduleDb(w.trx).updateTable('export_schedules').set(set).where('id', '=', id).execute();
      await w.audit(scheduleAudit(actor, 'export.schedule.updated', { id, changes: Object.keys(changes) }));
      return toSchedule(next);
    },
    now,
  );
}

/** Deletes a schedule (its runs' records stay for the audit trail). */
export async function deleteSchedule(db: Db, actor: Pick<Actor, 'name' | 'role'>, id: string, now = new Date()): Promise<void> {
  await runWrite(
    db,
    async (w) => {
      const row = await scheduleRow(w.trx, id);
      await scheduleDb(w.trx).deleteFrom('export_schedules').where('id', '=', id).execute();
      await w.audit(scheduleAudit(actor, 'export.schedule.deleted', { id, name: row.name }));
    },
    now,
  );
}

/** A schedule's last 50 runs, newest first. */
export async function listRuns(db: Db, scheduleId: string): Promise<ExportRun[]> {
  await scheduleRow(db, scheduleId);
  const rows = await scheduleDb(db)
    .selectFrom('export_runs')
    .selectAll()
    .where('schedule_id', '=', scheduleId)
    .orderBy('scheduled_for', 'desc')
    .orderBy('id', 'desc')
    .limit(50)
    .execute();
  return rows.map(toRun);
}
