/**
 * Entry point of the full-file PostgreSQL parity check of issue 10
 * (`tsx --conditions=@c360/source bench/parity-full.ts [--csv FILE] [--database-url URL] [--keep]`,
 * `--help` lists the flags): the whole Online Retail file into SQLite and into a fresh PostgreSQL
 * database, then every customer's /360 (and a few searches) compared field by field
 * (lib/parity-suite.ts). Runs from the sources (lib/from-source.ts).
 * @module
 */
import { runFromSource } from './lib/from-source.js';

await runFromSource(import.meta.url, () => import('./lib/parity-suite.js'));
