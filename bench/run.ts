/**
 * Entry point of `npm run bench` (`tsx bench/run.ts [flags]`; `--help` lists them): the import, the
 * reads, search and ingestion (lib/suite.ts), or with `--scale` the reads at several data sizes
 * (scale/suite.ts). Runs from the sources (lib/from-source.ts).
 * @module
 */
import { runFromSource } from './lib/from-source.js';

// `--scale N,N,…` runs the scale suite of issue 9 (scale/suite.ts) instead of the import suite.
const scale = process.argv.slice(2).some((a) => a === '--scale' || a.startsWith('--scale='));
await runFromSource(import.meta.url, () => (scale ? import('./scale/suite.js') : import('./lib/suite.js')));
