// The esbuild settings every host example under demo/ shares (demo/<host>/build.mjs calls
// buildExample): one minified ESM bundle with source map into demo/<host>/build/, for browsers,
// production mode, workspace packages read from source ("@c360/source"). The c360 elements are not
// bundled into the examples: their pages load /embed/assets/c360.js (npm run bundle), as a host page would.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { basename } from 'node:path';

/**
 * Builds `src/main.tsx` of the example folder `here` (its `import.meta.url` folder, ending in "/")
 * into `here/build/<name>.js`; `options` are merged over the shared esbuild settings (`define` too).
 * Exits the process with 1 when the build fails (esbuild has printed the errors with their places).
 */
export async function buildExample(here, options = {}, name = 'main') {
  const host = basename(here);
  const outdir = `${here}build`;
  rmSync(outdir, { recursive: true, force: true });
  try {
    await build({
      entryPoints: { [name]: `${here}src/main.tsx` },
      outdir,
      bundle: true,
      format: 'esm',
      platform: 'browser',
      target: 'es2022',
      jsx: 'automatic',
      minify: true,
      sourcemap: true,
      conditions: ['@c360/source'],
      tsconfig: `${here}tsconfig.json`,
      logLevel: 'warning',
      ...options,
      define: { 'process.env.NODE_ENV': '"production"', ...options.define },
    });
    console.log(`examples: demo/${host}/build/${name}.js`);
  } catch (error) {
    console.error(`demo/${host} build failed: ${error instanceof Error ? error.message.split('\n')[0] : error}`);
    process.exit(1);
  }
}
