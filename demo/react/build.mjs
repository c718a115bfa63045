#!/usr/bin/env node
// Builds the React 19 host example: demo/react/src/main.tsx → demo/react/build/main.js (ESM,
// minified, with source map; React in production mode). The c360 elements are not bundled: the app
// loads them at run time from the c360 server (/build/c360.js, `npm run bundle`), as a host page
// embeds them. Run from anywhere; scripts/build-examples.mjs runs it with every other example.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
const outdir = `${here}build`;
rmSync(outdir, { recursive: true, force: true });

try {
  await build({
    entryPoints: [`${here}src/main.tsx`],
    outdir,
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    jsx: 'automatic',
    minify: true,
    sourcemap: true,
    define: { 'process.env.NODE_ENV': '"production"' },
    tsconfig: `${here}tsconfig.json`,
    logLevel: 'warning',
  });
  console.log('examples: demo/react/build/main.js');
} catch (error) {
  // esbuild has already printed the errors with their locations.
  console.error(`demo/react build failed: ${error instanceof Error ? error.message.split('\n')[0] : error}`);
  process.exit(1);
}
