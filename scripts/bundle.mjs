// The standalone CDN build of the elements, packages/components/cdn/c360.js (published as
// @c360/components/cdn/c360.js, in the spirit of Shoelace's cdn/): one self-contained ESM file with
// packages/components/src/bundle.ts as entry (the 360 elements at once, search/compare on first use),
// minified, with source map. The one build serves everything: `c360 serve` and `c360 demo` serve this
// folder at /embed/assets/ (the demo pages load /embed/assets/c360.js too), and `npm pack` of the
// components package ships it. Workspace packages are read from source ("@c360/source" condition).
// Code loaded with a dynamic import() (uPlot for the charts, lit-virtualizer's layout, translations) is
// split into chunks beside it, cdn/c360-<name>-<hash>.js, fetched relative to c360.js on first use (one
// small chunk of shared helpers is imported at once): serve or copy the folder as a whole. The hash in
// a chunk's name lets a server cache it for good (`immutable`); c360.js keeps its name.
import { build } from 'esbuild';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const OUT = 'packages/components/cdn';
const outdir = `${root}${OUT}`;
const outfile = `${outdir}/c360.js`;
const CHUNK_NAMES = 'c360-[name]-[hash]';
const isChunk = (name) => /^c360-.+-[A-Z0-9]{8}\.js(\.map|\.LEGAL\.txt)?$/.test(name);

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
    write: false,
  });
  // Write only what changed, then remove chunks of earlier builds (their names carry a content
  // hash): a server or test reading the folder while it is rebuilt never misses a file.
  mkdirSync(outdir, { recursive: true });
  const written = new Set();
  for (const file of result.outputFiles) {
    written.add(basename(file.path));
    if (!existsSync(file.path) || !readFileSync(file.path).equals(file.contents)) writeFileSync(file.path, file.contents);
  }
  for (const name of readdirSync(outdir)) if (isChunk(name) && !written.has(name)) rmSync(`${outdir}/${name}`);
  const kb = (n) => `${(n / 1024).toFixed(1)} kB`;
  const size = (file) => `${kb(statSync(file).size)} (${kb(gzipSync(readFileSync(file)).length)} gzip)`;
  console.log(`bundle: ${OUT}/c360.js ${size(outfile)}, ${Object.keys(result.metafile.inputs).length} modules`);
  for (const output of Object.keys(result.metafile.outputs)) {
    const name = output.split('/').pop();
    if (isChunk(name) && name.endsWith('.js')) console.log(`  chunk: ${OUT}/${name} ${size(`${outdir}/${name}`)}`);
  }
  // The page loads c360.js and its static imports before any interaction: zod (the SDK's schemas) must
  // stay in chunks loaded on first use (search, compare, …), or the page-load budget is gone. An element
  // importing a constant from a schema module instead of the SDK's constants.ts is the usual cause.
  const outputs = result.metafile.outputs;
  const eager = new Set();
  const visit = (path) => {
    if (eager.has(path) || !outputs[path]) return;
    eager.add(path);
    for (const entry of outputs[path].imports) if (entry.kind === 'import-statement') visit(entry.path);
  };
  visit(Object.keys(outputs).find((path) => path.endsWith('/c360.js')));
  const zodUsers = [...eager].filter((path) => Object.keys(outputs[path].inputs).some((input) => input.includes('node_modules/zod/')));
  if (zodUsers.length > 0) {
    console.error(
      `bundle failed: zod is loaded before any interaction (in ${zodUsers.join(', ')}); import constants from the SDK's constants.ts`,
    );
    process.exit(1);
  }
} catch (error) {
  // esbuild has already printed the errors with their locations.
  console.error(`bundle failed: ${error instanceof Error ? error.message.split('\n')[0] : error}`);
  process.exit(1);
}
