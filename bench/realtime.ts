/**
 * Entry point of the real-time benchmark (`npx tsx bench/realtime.ts [--subscribers 100] [--changes 200]`,
 * `--help` lists the flags): change-to-receive latency of GET /api/stream over real HTTP with many
 * concurrent subscribers (lib/realtime-suite.ts). Runs from the sources (lib/from-source.ts).
 * @module
 */
import { runFromSource } from './lib/from-source.js';

await runFromSource(import.meta.url, () => import('./lib/realtime-suite.js'));
