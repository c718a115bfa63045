/**
 * Entry point of `npm run bench` (`tsx bench/run.ts [flags]`; `--help` lists them): the import, the
 * reads, search and ingestion (lib/suite.ts). Runs from the sources (lib/from-source.ts).
 * @module
 */
import { runFromSource } from './lib/from-source.js';

await runFromSource(import.meta.url, () => import('./lib/suite.js'));
