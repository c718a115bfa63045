/**
 * The in-server scheduler of scheduled exports. A croner job ticks every `tickSeconds` (default 15;
 * `protect`: a slow tick is never overlapped); each tick runs every schedule whose `next_run_at`
 * has come. Several server instances on one database run each occurrence once: an instance first
 * takes the schedule's named lease `export-schedule:<id>` (db/lease.ts), then checks that the
 * schedule is still due at the occurrence it read (another instance may just have run it), and the
 * run row is unique per schedule and occurrence (run.ts). After the run the
 * next occurrence after now is stored (occurrences missed while no server ran are run once, not
 * replayed one by one). Files past their retention are deleted on each tick.
 * @module
 */
import { randomUUID } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { Cron } from 'croner';
import type { Db } from '../db/connect.js';
import { acquireLease, releaseLease } from '../db/lease.js';
import { scheduleDb } from './tables.js';
import { nextOccurrence } from './store.js';
import { runSchedule, type RunOptions } from './run.js';

/** How long an instance holds a schedule it runs. */
const LEASE_MS = 15 * 60_000;

export interface SchedulerOptions extends RunOptions {
  /** Seconds between two ticks (1–59, default 15). */
  tickSeconds?: number;
  /** This instance's name in the lease (default a random UUID). */
  holder?: string;
}

export class ExportScheduler {
  private job: Cron | undefined;
  readonly holder: string;

  constructor(
    private readonly db: Db,
    private readonly options: SchedulerOptions = {},
  ) {
    this.holder = options.holder ?? randomUUID();
  }

  /** Starts ticking (idempotent). */
  start(): void {
    const seconds = Math.min(59, Math.max(1, Math.trunc(this.options.tickSeconds ?? 15)));
    this.job ??= new Cron(
      `*/${seconds} * * * * *`,
      { protect: true, unref: true, catch: (error) => console.error('export scheduler:', error) },
      async () => {
        await this.tick();
      },
    );
  }

  /** Stops ticking; a run in progress finishes. */
  stop(): void {
    this.job?.stop();
    this.job = undefined;
  }

  /** Runs the schedules due at `now` (default the options' clock); resolves to how many this instance ran. */
  async tick(now: Date = (this.options.now ?? (() => new Date()))()): Promise<number> {
    const sdb = scheduleDb(this.db);
    const at = now.toISOString();
    await this.pruneExpired(at);
    const due = await sdb
      .selectFrom('export_schedules')
      .selectAll()
      .where('paused', '=', 0)
      .where('next_run_at', '<=', at)
      .orderBy('next_run_at')
      .execute();
    let ran = 0;
    for (const s of due) {
      const lease = `export-schedule:${s.id}`;
      if (!(await acquireLease(this.db, lease, this.holder, LEASE_MS, now.getTime()))) continue; // another instance has it
      try {
        const current = await sdb
          .selectFrom('export_schedules')
          .select(['paused', 'next_run_at'])
          .where('id', '=', s.id)
          .executeTakeFirst();
        if (!current || current.paused !== 0 || current.next_run_at !== s.next_run_at) continue; // run (or paused) meanwhile
        try {
          if (await runSchedule(this.db, s, new Date(s.next_run_at!), this.options)) ran += 1;
        } finally {
          const next = nextOccurrence(s.cron, s.time_zone, now);
          await sdb
            .updateTable('export_schedules')
            .set({ next_run_at: next?.toISOString() ?? null, last_run_at: at })
            .where('id', '=', s.id)
            .where('next_run_at', '=', s.next_run_at)
            .execute();
        }
      } finally {
        await releaseLease(this.db, lease, this.holder);
      }
    }
    return ran;
  }

  /** Deletes kept files past their retention. */
  private async pruneExpired(at: string): Promise<void> {
    const sdb = scheduleDb(this.db);
    const expired = await sdb
      .selectFrom('export_runs')
      .select(['id', 'file_path'])
      .where('file_path', 'is not', null)
      .where('expires_at', '<', at)
      .execute();
    for (const r of expired) {
      await rm(r.file_path!, { force: true });
      await sdb.updateTable('export_runs').set({ file_path: null }).where('id', '=', r.id).execute();
    }
  }
}

/** Starts the scheduler of a served database (`c360 serve` / `c360 demo`). */
export function startExportScheduler(db: Db, options: SchedulerOptions = {}): ExportScheduler {
  const scheduler = new ExportScheduler(db, options);
  scheduler.start();
  return scheduler;
}
