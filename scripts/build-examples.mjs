#!/usr/bin/env node
// `npm run examples`: builds every host example under demo/ (each folder with a build.mjs: React,
// Vue, Refine, …) into its own demo/<host>/build/, after the element bundle they load.
// Each build.mjs is run as its own process from the repository root and exits non-zero on failure.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const demo = join(root, 'demo');
const hosts = readdirSync(demo, { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(join(demo, d.name, 'build.mjs')))
  .map((d) => d.name)
  .sort();
let failed = 0;
for (const host of hosts) {
  const result = spawnSync(process.execPath, [join(demo, host, 'build.mjs')], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`examples: demo/${host}/build.mjs failed`);
    failed++;
  }
}
console.log(`examples: ${hosts.length - failed} of ${hosts.length} built (${hosts.join(', ') || 'none'})`);
process.exit(failed ? 1 : 0);
