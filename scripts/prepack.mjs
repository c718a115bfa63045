#!/usr/bin/env node
// `prepack` of the three packages (`npm pack` / `npm publish` run it in the package's folder):
//   node ../../scripts/prepack.mjs sdk|components|server
// builds what the package's tarball ships, from the repository root:
// - every package: `tsc -b --force packages/<name>` (and what it references), dist/ with .js, .d.ts and
//   source maps; dist files whose source is gone (a renamed module) are removed first;
// - components: custom-elements.json and the React/Vue types (types/react.d.ts, types/vue.d.ts) from
//   custom-elements-manifest.config.mjs, and the CDN build cdn/c360.js with its chunks (scripts/bundle.mjs);
// - server: the bundled Online Retail sample (demo/data) copied to sample/, for
//   `c360 import online-retail node_modules/@c360/server/sample/online_retail_sample.csv`.
// None of these outputs is committed (.gitignore); `files` in each package.json selects them.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const name = process.argv[2];
if (!['sdk', 'components', 'server'].includes(name)) {
  console.error('usage: node scripts/prepack.mjs sdk|components|server');
  process.exit(2);
}
const pkg = join(root, 'packages', name);
const bin = (tool) => join(root, 'node_modules', '.bin', tool);
// Everything the steps print goes to stderr: `npm pack --json` keeps stdout for its JSON.
const run = (cmd, args) => execFileSync(cmd, args, { cwd: root, stdio: ['ignore', 2, 2] });

/** Removes dist outputs (`x.js`, `x.d.ts`, their maps) of sources that no longer exist in src/. */
function removeStaleOutputs(dir) {
  if (!existsSync(dir)) return;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      removeStaleOutputs(path);
      continue;
    }
    const base = relative(join(pkg, 'dist'), path).replace(/(\.d)?\.(js|ts)(\.map)?$/, '');
    if (!existsSync(join(pkg, 'src', `${base}.ts`))) rmSync(path);
  }
}

removeStaleOutputs(join(pkg, 'dist'));
// --force: a build that stopped on type errors can leave outputs missing while its .tsbuildinfo says
// it is up to date; the tarball gets a complete build.
run(bin('tsc'), ['-b', '--force', `packages/${name}`]);
if (name === 'components') {
  run(bin('cem'), ['analyze', '--config', 'custom-elements-manifest.config.mjs']);
  run(process.execPath, ['scripts/bundle.mjs']);
}
if (name === 'server') {
  mkdirSync(join(pkg, 'sample'), { recursive: true });
  for (const file of ['online_retail_sample.csv', 'SOURCE.md']) copyFileSync(join(root, 'demo', 'data', file), join(pkg, 'sample', file));
}
console.error(`prepack: @c360/${name} built`);
