/**
 * `c360 rebuild-stats`: recomputes `customer_stats` and the product sales statistics from the base
 * tables (orders, order lines, payments) in one transaction. The write path keeps them by deltas
 * (aggregate/stats-delta.ts); this is the repair after base rows were edited by hand, and the
 * reference the incremental values are tested against.
 * @module
 */
import { Command } from 'commander';
import { rebuildStats } from '../aggregate/rebuild.js';
import { count } from './progress.js';
import { withCommandDb, withDbOptions, type DbFlags } from './options.js';

/** The `rebuild-stats` command: prints what it recomputed and how long it took. */
export function rebuildStatsCommand(): Command {
  return withDbOptions(
    new Command('rebuild-stats').description('Recompute customer and product statistics from the base tables (one transaction)'),
  ).action(async (flags: DbFlags) => {
    await withCommandDb(flags, async (db, dbFile) => {
      const started = performance.now();
      const summary = await rebuildStats(db);
      const seconds = (performance.now() - started) / 1000;
      process.stdout.write(
        `Rebuilt statistics of ${count(summary.customers)} customers and ${count(summary.products)} products in ${dbFile} in ${seconds.toFixed(1)} s\n`,
      );
    });
  });
}
