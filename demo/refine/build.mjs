#!/usr/bin/env node
// Builds the Refine example: demo/refine/src/main.tsx → demo/refine/build/app.js (+ app.css, the
// Refine/antd reset), one minified ESM bundle with React in production mode. Workspace packages
// (@c360/sdk/refine, @c360/components/themes/antd) are read from source through the "@c360/source"
// export condition, so no `tsc -b` is needed first. The elements themselves are not bundled here:
// index.html loads /build/c360.js (npm run bundle). Run from anywhere; exits non-zero on failure.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
const outdir = `${here}build`;
rmSync(outdir, { recursive: true, force: true });

try {
  await build({
    entryPoints: { app: `${here}src/main.tsx` },
    outdir,
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    sourcemap: true,
    jsx: 'automatic',
    conditions: ['@c360/source'],
    define: { 'process.env.NODE_ENV': '"production"' },
    tsconfig: `${here}tsconfig.json`,
    legalComments: 'linked',
    logLevel: 'warning',
  });
  console.log('examples: demo/refine/build/app.js');
} catch (error) {
  console.error(`demo/refine build failed: ${error instanceof Error ? error.message.split('\n')[0] : error}`);
  process.exit(1);
}
