/**
 * Command-line flags of `npm run bench`.
 * @module
 */
import { parseArgs } from 'node:util';
import { SCALE_USAGE } from '../scale/usage.js';

export const DEFAULT_CSV = '/work/shared/data/online_retail/online_retail.csv';

export interface BenchArgs {
  /** Online Retail CSV to import. */
  csv: string;
  /** Sampled customers (= measured calls per endpoint). */
  customers: number;
  /** Warm-up calls before each measured series. */
  warmup: number;
  /** PRNG seed of every random pick. */
  seed: number;
  /** Import into this file and keep it (must not exist); default: a temp file, deleted at the end. */
  keepDb?: string;
  /** Also apply the demo enrichment (every section filled through applyEvents) and the bench fixtures. */
  enrich: boolean;
  /** Events posted per ingestion pass. */
  events: number;
  /** Events per POST /api/events batch. */
  batch: number;
}

export const USAGE = `usage: npm run bench -- [--customers N] [--csv FILE] [--keep-db FILE] [--seed N] [--warmup N] [--enrich]
                              [--events N] [--batch N]

  --customers N   customers sampled (seeded) and calls measured per endpoint (default 1000)
  --csv FILE      Online Retail CSV (default ${DEFAULT_CSV})
  --keep-db FILE  import into FILE (must not exist) and keep it; default: temp file, deleted
  --seed N        seed of every random pick (default 360)
  --warmup N      warm-up calls before each series (default 100)
  --enrich        after the import, apply the demo enrichment through applyEvents (profiles,
                  loyalty, marketing, support, payments, browsing) and bench fixtures (tags,
                  notes, segments); also measures the section endpoints; results file gets -enriched
  --events N      events per ingestion pass (default 20000)
  --batch N       events per POST /api/events batch (default 500, at most 5000)

With --scale, the scale suite (issues 9 and 10: reads and ingestion at N customers, SQLite and/or PostgreSQL) runs instead:

${SCALE_USAGE}`;

function positiveInt(flag: string, text: string | undefined, fallback: number, min = 1): number {
  if (text === undefined) return fallback;
  const n = Number(text);
  if (!Number.isInteger(n) || n < min) throw new Error(`--${flag}: "${text}" is not an integer ≥ ${min}`);
  return n;
}

/** Parses the flags; throws with the usage on a bad one. Returns null for `--help`. */
export function parseBenchArgs(argv: string[]): BenchArgs | null {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      options: {
        customers: { type: 'string' },
        csv: { type: 'string' },
        'keep-db': { type: 'string' },
        seed: { type: 'string' },
        warmup: { type: 'string' },
        enrich: { type: 'boolean' },
        events: { type: 'string' },
        batch: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    throw new Error(`${(error as Error).message}\n${USAGE}`);
  }
  if (values.help) return null;
  return {
    csv: values.csv ?? DEFAULT_CSV,
    customers: positiveInt('customers', values.customers, 1000),
    warmup: positiveInt('warmup', values.warmup, 100, 0),
    seed: positiveInt('seed', values.seed, 360, 0),
    keepDb: values['keep-db'],
    enrich: values.enrich ?? false,
    events: positiveInt('events', values.events, 20_000),
    batch: Math.min(5000, positiveInt('batch', values.batch, 500)),
  };
}

/** The command line that reproduces a run with these arguments. */
export function reproduceCommand(args: BenchArgs): string {
  const parts = ['npm run bench --'];
  if (args.csv !== DEFAULT_CSV) parts.push(`--csv ${args.csv}`);
  parts.push(`--customers ${args.customers}`, `--seed ${args.seed}`, `--warmup ${args.warmup}`);
  if (args.events !== 20_000 || args.batch !== 500) parts.push(`--events ${args.events} --batch ${args.batch}`);
  if (args.enrich) parts.push('--enrich');
  return parts.join(' ');
}
