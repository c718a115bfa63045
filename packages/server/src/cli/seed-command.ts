/**
 * `c360 seed --customers N [--seed S]` (SPEC §2): writes a deterministic synthetic data set of N
 * customers through the ingestion path (seed/seed.ts), with a progress bar on a TTY and plain
 * lines otherwise, then prints what it wrote and the rate.
 * @module
 */
import { Command, InvalidArgumentError } from 'commander';
import { seedDatabase } from '../seed/seed.js';
import { count, progressReporter } from './progress.js';
import { withCommandDb, withDbOptions, type DbFlags } from './options.js';

function positiveInteger(name: string, max: number): (text: string) => number {
  return (text) => {
    const n = Number(text);
    if (!Number.isInteger(n) || n < 1 || n > max) throw new InvalidArgumentError(`${name} must be a whole number from 1 to ${count(max)}`);
    return n;
  };
}

/** The `seed` command. */
export function seedCommand(): Command {
  return withDbOptions(
    new Command('seed')
      .description(
        'Write a deterministic synthetic data set (Online Retail shapes, ~10 events per customer) through the ingestion path; again with the same seed changes nothing',
      )
      .requiredOption('--customers <n>', 'how many customers', positiveInteger('--customers', 10_000_000))
      .option('--seed <s>', 'the seed: same seed, same data (default 1)', positiveInteger('--seed', 2 ** 31 - 1), 1),
  ).action(async (flags: DbFlags & { customers: number; seed: number }) => {
    await withCommandDb(flags, async (db, dbFile) => {
      const progress = progressReporter({
        label: 'seed',
        detail: (done, total, events) => `${count(done)} of ${count(total)} customers, ${count(events)} events`,
      });
      const started = performance.now();
      const summary = await seedDatabase(db, {
        customers: flags.customers,
        seed: flags.seed,
        onProgress: (done, total, events) => progress.update(done, total, events),
      });
      progress.stop();
      const seconds = (performance.now() - started) / 1000;
      process.stdout.write(
        [
          `Seeded ${count(summary.customers)} customers (seed ${flags.seed}) into ${dbFile} in ${seconds.toFixed(1)} s:`,
          `  ${count(summary.events)} events, ${count(summary.applied)} new (${count(Math.round(summary.events / Math.max(seconds, 0.001)))} events/s)`,
          `  data as of ${summary.asOf} (serve with --as-of dataset)`,
          '',
        ].join('\n'),
      );
    });
  });
}
