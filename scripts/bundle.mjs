// Bundles the elements for the demo page and the server: demo/build/c360.js (ESM, minified, with
// source map). Workspace packages are read from source through the "@c360/source" export condition.
import { build } from 'esbuild';
import { statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const outfile = `${root}demo/build/c360.js`;

try {
  const result = await build({
    entryPoints: [`${root}packages/components/src/index.ts`],
    outfile,
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    sourcemap: true,
    conditions: ['@c360/source'],
    // esbuild ignores "extends" here: this file itself sets experimentalDecorators and
    // useDefineForClassFields: false, which Lit's decorators need.
    tsconfig: `${root}tsconfig.base.json`,
    legalComments: 'linked',
    logLevel: 'warning',
    metafile: true,
  });
  const bytes = statSync(outfile).size;
  const gzip = gzipSync(readFileSync(outfile)).length;
  const kb = (n) => `${(n / 1024).toFixed(1)} kB`;
  console.log(`bundle: demo/build/c360.js ${kb(bytes)} (${kb(gzip)} gzip), ${Object.keys(result.metafile.inputs).length} modules`);
} catch (error) {
  // esbuild has already printed the errors with their locations.
  console.error(`bundle failed: ${error instanceof Error ? error.message.split('\n')[0] : error}`);
  process.exit(1);
}
