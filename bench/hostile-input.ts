/**
 * Entry point of the hostile-input benchmark (`npx tsx bench/hostile-input.ts [--requests 200]`):
 * how long the server takes to refuse the segment criteria of issue 13 (1,100 nested `{"not": …}`)
 * over real HTTP, and how long the event loop is blocked meanwhile (lib/hostile-suite.ts). Runs from
 * the sources (lib/from-source.ts).
 * @module
 */
import { runFromSource } from './lib/from-source.js';

await runFromSource(import.meta.url, () => import('./lib/hostile-suite.js'));
