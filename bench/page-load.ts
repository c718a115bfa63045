/**
 * Entry point of the page-load benchmark (`npx tsx bench/page-load.ts [--runs 10] [--page /plain/]`,
 * `--help` lists the flags): the gzip size of what a page loads for `<customer-360>` before
 * interaction (budget 80 KB) and the time from navigation to a fully rendered view in headless
 * Chromium (lib/page-load-suite.ts). Runs from the sources (lib/from-source.ts).
 * @module
 */
import { runFromSource } from './lib/from-source.js';

await runFromSource(import.meta.url, () => import('./lib/page-load-suite.js'));
