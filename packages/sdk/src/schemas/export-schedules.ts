/**
 * Scheduled exports (003): a saved bulk export (the filters of GET /customers, CSV or Excel, a
 * locale) run on a cron schedule in a time zone and delivered by email, by webhook, or kept for
 * download for a retention period. Every run is audited.
 * @module
 */
import { z } from 'zod';
import { Timestamp } from './common.js';
import { BulkExportQuery } from './export.js';

/** How a run's file leaves the server. */
export const ExportDelivery = z
  .discriminatedUnion('kind', [
    z.object({
      kind: z.literal('email'),
      to: z.array(z.email()).min(1).max(20).meta({ description: 'Recipients; the file is attached' }),
    }),
    z.object({
      kind: z.literal('webhook'),
      url: z
        .url({ protocol: /^https?$/ })
        .max(2000)
        .meta({ description: 'POSTed the file, signed like notification webhooks (`C360-Signature`)' }),
    }),
    z.object({
      kind: z.literal('download'),
      retentionDays: z
        .number()
        .int()
        .min(1)
        .max(90)
        .default(7)
        .meta({ description: 'How long each run’s file is kept for GET …/runs/{runId}/file' }),
    }),
  ])
  .meta({ id: 'ExportDelivery' });
export type ExportDelivery = z.infer<typeof ExportDelivery>;

export const ExportScheduleFormat = z.enum(['csv', 'xlsx']);

const Name = z.string().trim().min(1).max(200);
const CronText = z.string().trim().min(9).max(120).meta({
  description: 'Cron expression (5 fields, or 6 with seconds first), e.g. `0 7 * * 1` = Mondays 07:00 in `timeZone`',
  example: '0 7 * * 1',
});
const TimeZone = z.string().min(1).max(64).meta({ description: 'IANA time zone of the cron expression', example: 'Europe/London' });
/** The filters of GET /customers as query parameters (stored as given, checked with BulkExportQuery). */
const Filters = z
  .record(z.string(), z.union([z.string(), z.number()]))
  .superRefine((filters, ctx) => {
    const parsed = BulkExportQuery.safeParse(filters);
    if (!parsed.success)
      for (const issue of parsed.error.issues) ctx.addIssue({ code: 'custom', message: issue.message, path: issue.path });
  })
  .meta({ description: 'The filters and sort of GET /customers, as its query parameters (e.g. `{"clvMin": 1000, "country": "France"}`)' });
const Locale = z
  .string()
  .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'must be a language tag such as en or fr-FR')
  .meta({ example: 'fr' });

/** Body of POST /export-schedules. */
export const NewExportSchedule = z
  .object({
    name: Name,
    filters: Filters.default({}),
    format: ExportScheduleFormat.default('csv'),
    locale: Locale.default('en'),
    cron: CronText,
    timeZone: TimeZone.default('UTC'),
    delivery: ExportDelivery,
    paused: z.boolean().default(false),
  })
  .strict()
  .meta({ id: 'NewExportSchedule' });
export type NewExportSchedule = z.input<typeof NewExportSchedule>;

/** Body of PATCH /export-schedules/{id}: any of the fields; `paused: true` pauses, `false` resumes. */
export const ExportScheduleUpdate = z
  .object({
    name: Name.optional(),
    filters: Filters.optional(),
    format: ExportScheduleFormat.optional(),
    locale: Locale.optional(),
    cron: CronText.optional(),
    timeZone: TimeZone.optional(),
    delivery: ExportDelivery.optional(),
    paused: z.boolean().optional(),
  })
  .strict()
  .refine((u) => Object.keys(u).length > 0, 'give at least one field to change')
  .meta({ id: 'ExportScheduleUpdate' });
export type ExportScheduleUpdate = z.input<typeof ExportScheduleUpdate>;

export const ExportRun = z
  .object({
    id: z.string(),
    scheduledFor: Timestamp.meta({ description: 'The cron occurrence this run is for' }),
    startedAt: Timestamp,
    finishedAt: Timestamp.nullable(),
    status: z.enum(['running', 'succeeded', 'failed']),
    rows: z.number().int().nonnegative().nullable().meta({ description: 'Customers in the file' }),
    filename: z.string().nullable(),
    bytes: z.number().int().nonnegative().nullable(),
    expiresAt: Timestamp.nullable().meta({ description: 'Until when the file can be downloaded (download delivery)' }),
    error: z.string().nullable(),
  })
  .meta({ id: 'ExportRun' });
export type ExportRun = z.infer<typeof ExportRun>;

export const ExportSchedule = z
  .object({
    id: z.string(),
    name: z.string(),
    owner: z.string().meta({ description: 'Who created it; runs export as this user' }),
    filters: z.record(z.string(), z.unknown()),
    format: ExportScheduleFormat,
    locale: z.string(),
    cron: z.string(),
    timeZone: z.string(),
    delivery: ExportDelivery,
    paused: z.boolean(),
    nextRunAt: Timestamp.nullable().meta({ description: 'The next occurrence (null while paused)' }),
    lastRunAt: Timestamp.nullable(),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  })
  .meta({ id: 'ExportSchedule' });
export type ExportSchedule = z.infer<typeof ExportSchedule>;

export const ExportScheduleList = z
  .object({ items: z.array(ExportSchedule).meta({ description: 'Every schedule, by name' }) })
  .meta({ id: 'ExportScheduleList' });
export type ExportScheduleList = z.infer<typeof ExportScheduleList>;

export const ExportRunList = z
  .object({ items: z.array(ExportRun).meta({ description: 'The last 50 runs, newest first' }) })
  .meta({ id: 'ExportRunList' });
export type ExportRunList = z.infer<typeof ExportRunList>;
