/**
 * `c360 export schedule list|create|pause|resume|delete`: the scheduled exports of
 * /api/export-schedules from the command line, on the database directly as the local operator
 * ("c360 CLI (<OS user>)", role admin; audited like the API's). The server that serves the
 * database runs them (src/schedules/scheduler.ts).
 * @module
 */
import { userInfo } from 'node:os';
import { Command, Option } from 'commander';
import { ExportScheduleUpdate, NewExportSchedule, type ExportSchedule } from '@c360/sdk';
import { createSchedule, deleteSchedule, listSchedules, updateSchedule } from '../schedules/store.js';
import { ProblemError } from '../core/problem.js';
import { withCommandDb, withDbOptions, type DbFlags } from './options.js';

interface CreateFlags extends DbFlags {
  name: string;
  cron: string;
  timeZone?: string;
  format?: 'csv' | 'xlsx';
  locale?: string;
  filters?: string;
  email?: string[];
  webhook?: string;
  keepDays?: string;
}

const actor = () => {
  let user = 'local';
  try {
    user = userInfo().username;
  } catch {
    /* no passwd entry */
  }
  return { name: `c360 CLI (${user})`, role: 'admin' as const };
};

const line = (s: ExportSchedule) =>
  `${s.id}  ${s.paused ? 'paused ' : 'active '} ${s.cron} (${s.timeZone})  ${s.format}  ${s.delivery.kind}  next ${s.nextRunAt ?? '—'}  ${s.name}`;

/** A 400 problem as a message naming the field (`--cron: …`). */
async function explained<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof ProblemError && error.errors?.length) {
      throw new Error(
        error.errors
          .map((e) => `--${e.field.replace(/^body\./, '').replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}: ${e.message}`)
          .join('; '),
      );
    }
    throw error;
  }
}

function parsed<T>(
  result: { success: true; data: T } | { success: false; error: { issues: Array<{ path: PropertyKey[]; message: string }> } },
): T {
  if (result.success) return result.data;
  throw new Error(result.error.issues.map((i) => `${i.path.join('.') || 'input'}: ${i.message}`).join('; '));
}

/** `schedule` under `c360 export`. */
export function exportScheduleCommand(): Command {
  const list = withDbOptions(new Command('list').description('Every scheduled export')).action(async (flags: DbFlags) => {
    await withCommandDb(flags, async (db) => {
      const items = await listSchedules(db);
      process.stdout.write(items.length ? `${items.map(line).join('\n')}\n` : 'No scheduled exports\n');
    });
  });

  const create = withDbOptions(
    new Command('create')
      .description('Schedule a bulk export: --email, --webhook or --keep-days says how each run is delivered')
      .requiredOption('--name <name>', 'what the export is')
      .requiredOption('--cron <expression>', 'cron expression, e.g. "0 7 * * 1" (Mondays 07:00)')
      .option('--time-zone <zone>', 'IANA time zone of the cron expression (default UTC)')
      .addOption(new Option('--format <format>', 'csv or xlsx (default csv)').choices(['csv', 'xlsx']))
      .option('--locale <tag>', 'language of the delivery (en, fr, ar; default en)')
      .option('--filters <json>', 'the filters of GET /api/customers as JSON, e.g. \'{"clvMin":1000}\'')
      .option('--email <address...>', 'email each run to these addresses')
      .option('--webhook <url>', 'POST each run to this URL (signed)')
      .option('--keep-days <n>', 'keep each run for download this many days (default delivery, 7 days)'),
  ).action(async (flags: CreateFlags) => {
    const delivery = flags.email?.length
      ? { kind: 'email', to: flags.email }
      : flags.webhook
        ? { kind: 'webhook', url: flags.webhook }
        : { kind: 'download', retentionDays: flags.keepDays === undefined ? 7 : Number(flags.keepDays) };
    let filters: unknown = {};
    try {
      filters = flags.filters ? JSON.parse(flags.filters) : {};
    } catch {
      throw new Error('--filters: is not JSON');
    }
    const input = parsed(
      NewExportSchedule.safeParse({
        name: flags.name,
        cron: flags.cron,
        delivery,
        filters,
        ...(flags.timeZone ? { timeZone: flags.timeZone } : {}),
        ...(flags.format ? { format: flags.format } : {}),
        ...(flags.locale ? { locale: flags.locale } : {}),
      }),
    );
    await withCommandDb(flags, async (db) => {
      const s = await explained(() => createSchedule(db, actor(), input));
      process.stdout.write(`Scheduled ${line(s)}\n`);
    });
  });

  const change = (name: 'pause' | 'resume') =>
    withDbOptions(
      new Command(name)
        .description(name === 'pause' ? 'Pause a scheduled export' : 'Resume a paused export from now')
        .argument('<id>', 'schedule id'),
    ).action(async (id: string, flags: DbFlags) => {
      await withCommandDb(flags, async (db) => {
        const s = await explained(() =>
          updateSchedule(db, actor(), id, parsed(ExportScheduleUpdate.safeParse({ paused: name === 'pause' }))),
        );
        process.stdout.write(`${line(s)}\n`);
      });
    });

  const remove = withDbOptions(
    new Command('delete').description('Delete a scheduled export (its runs stay recorded)').argument('<id>', 'schedule id'),
  ).action(async (id: string, flags: DbFlags) => {
    await withCommandDb(flags, async (db) => {
      await explained(() => deleteSchedule(db, actor(), id));
      process.stdout.write(`Deleted ${id}\n`);
    });
  });

  return new Command('schedule')
    .description('Scheduled exports (run by the server serving the database; audited)')
    .addCommand(list)
    .addCommand(create)
    .addCommand(change('pause'))
    .addCommand(change('resume'))
    .addCommand(remove);
}
