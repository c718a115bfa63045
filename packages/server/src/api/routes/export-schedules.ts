/**
 * Scheduled exports (003, SPEC §5): saved bulk exports run by the in-server scheduler
 * (src/schedules/) and delivered by email, webhook or kept for download. Manage them with the
 * `export` permission (manager, admin); customer-scoped tokens cannot. Every change and every run
 * is audited.
 * @module
 */
import { readFile } from 'node:fs/promises';
import type { OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import { ExportRunList, ExportSchedule, ExportScheduleList, ExportScheduleUpdate, NewExportSchedule } from '@c360/sdk';
import type { AppEnv } from '../context.js';
import { secureRoute } from '../guard.js';
import { commonProblems, json, problem } from '../openapi-helpers.js';
import { ProblemError } from '../../core/problem.js';
import { createSchedule, deleteSchedule, listRuns, listSchedules, scheduleRow, updateSchedule } from '../../schedules/store.js';
import { scheduleDb } from '../../schedules/tables.js';
import { runWrite } from '../../write/pipeline.js';

const tags = ['Export'];
const access = { permission: 'export' as const, scope: 'none' as const };
const IdParam = z.object({
  id: z
    .string()
    .min(1)
    .max(100)
    .meta({ param: { name: 'id', in: 'path' } }),
});
const RunParam = IdParam.extend({
  runId: z
    .string()
    .min(1)
    .max(100)
    .meta({ param: { name: 'runId', in: 'path' } }),
});
const notFound = { ...commonProblems, 404: problem('No export schedule with this id') };
const FIELDS =
  'name, filters (those of GET /customers), format (csv, xlsx), locale, cron (5 or 6 fields), timeZone (IANA), ' +
  'delivery ({kind: email, to: [...]} | {kind: webhook, url} | {kind: download, retentionDays}), paused';

const list = secureRoute(access, {
  method: 'get',
  path: '/export-schedules',
  tags,
  summary: 'Scheduled exports',
  description: 'Every saved export definition with its next and last run.',
  responses: { 200: json(ExportScheduleList, 'The schedules'), ...commonProblems },
});

const create = secureRoute(access, {
  method: 'post',
  path: '/export-schedules',
  tags,
  summary: 'Schedule an export',
  description:
    `Saves a bulk export run on a cron schedule: ${FIELDS}. The caller owns it; runs export as the owner. ` +
    'An invalid cron expression or time zone is a 400 naming `body.cron` / `body.timeZone`. Audited (`export.schedule.created`).',
  request: { body: { required: true, content: { 'application/json': { schema: NewExportSchedule } } } },
  responses: { 201: json(ExportSchedule, 'The schedule, with its next run'), ...commonProblems },
});

const update = secureRoute(access, {
  method: 'patch',
  path: '/export-schedules/{id}',
  tags,
  summary: 'Change, pause or resume a scheduled export',
  description: `Any of ${FIELDS}. \`paused: true\` pauses (no next run), \`false\` resumes from now. Audited (\`export.schedule.updated\`).`,
  request: { params: IdParam, body: { required: true, content: { 'application/json': { schema: ExportScheduleUpdate } } } },
  responses: { 200: json(ExportSchedule, 'The schedule'), ...notFound },
});

const remove = secureRoute(access, {
  method: 'delete',
  path: '/export-schedules/{id}',
  tags,
  summary: 'Delete a scheduled export',
  description: 'Its runs stay recorded. Audited (`export.schedule.deleted`).',
  request: { params: IdParam },
  responses: { 204: { description: 'Deleted' }, ...notFound },
});

const runs = secureRoute(access, {
  method: 'get',
  path: '/export-schedules/{id}/runs',
  tags,
  summary: 'Runs of a scheduled export',
  description: 'The last 50 runs, newest first: occurrence, status, customers, file name and size, until when the file is kept.',
  request: { params: IdParam },
  responses: { 200: json(ExportRunList, 'The runs'), ...notFound },
});

const file = secureRoute(access, {
  method: 'get',
  path: '/export-schedules/{id}/runs/{runId}/file',
  tags,
  summary: 'Download a kept file',
  description:
    'The file of a run of a schedule delivered as `download`, until its retention ends (410 after). Audited (`export.schedule.download`).',
  request: { params: RunParam },
  responses: {
    200: { description: 'The file, as an attachment', content: { 'text/csv': { schema: z.string().meta({ format: 'binary' }) } } },
    ...notFound,
    410: problem('The file is no longer kept'),
  },
});

export function exportScheduleRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(list, async (c) => c.json({ items: await listSchedules(c.var.read.db) }, 200));
  app.openapi(create, async (c) => c.json(await createSchedule(c.var.read.db, c.var.actor, c.req.valid('json')), 201));
  app.openapi(update, async (c) =>
    c.json(await updateSchedule(c.var.read.db, c.var.actor, c.req.valid('param').id, c.req.valid('json')), 200),
  );
  app.openapi(remove, async (c) => {
    await deleteSchedule(c.var.read.db, c.var.actor, c.req.valid('param').id);
    return c.body(null, 204);
  });
  app.openapi(runs, async (c) => c.json({ items: await listRuns(c.var.read.db, c.req.valid('param').id) }, 200));
  app.openapi(file, async (c) => {
    const { id, runId } = c.req.valid('param');
    const db = c.var.read.db;
    const schedule = await scheduleRow(db, id);
    const run = await scheduleDb(db)
      .selectFrom('export_runs')
      .selectAll()
      .where('id', '=', runId)
      .where('schedule_id', '=', id)
      .executeTakeFirst();
    if (!run) throw new ProblemError(404, 'not-found', 'Export run not found', `No run "${runId}" of schedule "${id}"`);
    if (!run.file_path || !run.filename || (run.expires_at && run.expires_at < new Date().toISOString())) {
      throw new ProblemError(
        410,
        'gone',
        'File no longer kept',
        `The file of run "${runId}" is not kept (retention over, or not a download delivery)`,
      );
    }
    const bytes = await readFile(run.file_path);
    const { name, role } = c.var.actor;
    const filename = run.filename;
    await runWrite(db, (w) =>
      w.audit({ actor: name, action: 'export.schedule.download', customerId: null, details: { scheduleId: id, runId, role, filename } }),
    );
    const type =
      schedule.format === 'xlsx' ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'text/csv; charset=utf-8';
    return c.body(new Uint8Array(bytes), 200, { 'content-type': type, 'content-disposition': `attachment; filename="${run.filename}"` });
  });
}
