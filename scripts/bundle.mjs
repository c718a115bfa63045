// Bundles the elements for the demo page and the server: demo/build/c360.js (ESM, minified, with
// packages/components/src/bundle.ts as entry: the 360 elements at once, search/compare on first use;
// source map). Workspace packages are read from source through the "@c360/source" export condition.
// Code loaded with a dynamic import() (uPlot for the charts, lit-virtualizer's layout) is split into
// chunks beside it, demo/build/c360-<name>-<hash>.js, fetched relative to c360.js on first use (one
// small chunk of shared helpers is imported at once): serve or copy the folder as a whole.
import { build } from 'esbuild';
import { readdirSync, rmSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const outdir = `${root}demo/build`;
const outfile = `${outdir}/c360.js`;
const CHUNK_NAMES = 'c360-[name]-[hash]';
const isChunk = (name) => /^c360-.+-[A-Z0-9]{8}\.js(\.map|\.LEGAL\.txt)?$/.test(name);

// Chunk names carry a content hash: remove those of earlier builds.
try {
  for (const name of readdirSync(outdir)) if (isChunk(name)) rmSync(`${outdir}/${name}`);
} catch {
  // no build folder yet
}

try {
  const result = await build({
    entryPoints: { c360: `${root}packages/components/src/bundle.ts` },
    outdir,
    splitting: true,
    chunkNames: CHUNK_NAMES,
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
  const kb = (n) => `${(n / 1024).toFixed(1)} kB`;
  const size = (file) => `${kb(statSync(file).size)} (${kb(gzipSync(readFileSync(file)).length)} gzip)`;
  console.log(`bundle: demo/build/c360.js ${size(outfile)}, ${Object.keys(result.metafile.inputs).length} modules`);
  for (const output of Object.keys(result.metafile.outputs)) {
    const name = output.split('/').pop();
    if (isChunk(name) && name.endsWith('.js')) console.log(`  chunk: demo/build/${name} ${size(`${outdir}/${name}`)}`);
  }
} catch (error) {
  // esbuild has already printed the errors with their locations.
  console.error(`bundle failed: ${error instanceof Error ? error.message.split('\n')[0] : error}`);
  process.exit(1);
}
