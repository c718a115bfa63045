#!/usr/bin/env node
// Builds the Vue 3 host example: demo/vue/src/main.tsx → demo/vue/build/main.js (ESM, minified,
// with source map; Vue's runtime-only build in production mode: the app is TSX through
// vue/jsx-runtime, so no template compiler). The c360 elements are not bundled: the app loads them
// at run time from the c360 server (/build/c360.js, `npm run bundle`), as a host page embeds them.
// Run from anywhere; scripts/build-examples.mjs runs it with every other example.
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
    jsxImportSource: 'vue',
    minify: true,
    sourcemap: true,
    // Vue's compile-time flags (esm-bundler build): no Options API, no devtools in production.
    define: {
      'process.env.NODE_ENV': '"production"',
      __VUE_OPTIONS_API__: 'false',
      __VUE_PROD_DEVTOOLS__: 'false',
      __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false',
    },
    tsconfig: `${here}tsconfig.json`,
    logLevel: 'warning',
  });
  console.log('examples: demo/vue/build/main.js');
} catch (error) {
  // esbuild has already printed the errors with their locations.
  console.error(`demo/vue build failed: ${error instanceof Error ? error.message.split('\n')[0] : error}`);
  process.exit(1);
}
