/**
 * Entry point of the change-to-screen benchmark (`npx tsx bench/realtime-screen.ts [--changes 100]
 * [--subscribers 100]`, `--help` lists the flags): from a write to the moment the change is painted in
 * a `<customer-360>` in headless Chromium, with 100 concurrent subscribers (lib/screen-suite.ts).
 * Runs from the sources (lib/from-source.ts).
 * @module
 */
import { runFromSource } from './lib/from-source.js';

await runFromSource(import.meta.url, () => import('./lib/screen-suite.js'));
