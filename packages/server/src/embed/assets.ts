/**
 * The element bundle at `/embed/assets/`: the CDN build of @c360/components (`cdn/c360.js` and the
 * chunks it loads lazily, made by scripts/bundle.mjs and shipped in the components package), the
 * same files in `c360 serve` and `c360 demo`, from a checkout or from an installed package.
 *
 * Caching (docs/deploy.md): a chunk's name carries a hash of its content
 * (`c360-uPlot.esm-JLTWRPBN.js`), so chunks are `public, max-age=31536000, immutable`; `c360.js`
 * keeps its name across versions, so it (and its source map and licence file) gets a short
 * `max-age` of {@link ENTRY_MAX_AGE_S} seconds plus an `ETag` (hono/etag) to revalidate cheaply.
 * Compression is the server's (hono/compress in server.ts).
 * @module
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Hono } from 'hono';
import { cors } from 'hono/cors';
import { etag } from 'hono/etag';
import { serveStatic } from '@hono/node-server/serve-static';

/**
 * The folder of the CDN build: `cdn/` of the installed (or workspace-linked) @c360/components.
 * It holds `c360.js` once the components package is built (`npm run bundle`, or its `prepack`).
 */
export const BUNDLE_DIR = join(dirname(createRequire(import.meta.url).resolve('@c360/components/package.json')), 'cdn');

/** Seconds a browser or proxy may reuse `c360.js` before revalidating it with its ETag. */
export const ENTRY_MAX_AGE_S = 300;

/** Cache policy of immutable, content-hashed files. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';

/** Is `name` a content-hashed chunk of the bundle (`c360-<name>-<HASH8>.js`, its map or licence file)? */
export function isHashedChunk(name: string): boolean {
  return /^c360-.+-[A-Z0-9]{8}\.js(\.map|\.LEGAL\.txt)?$/.test(name);
}

/** The Cache-Control of a bundle file by its name. */
export function assetCacheControl(name: string): string {
  return isHashedChunk(name) ? IMMUTABLE : `public, max-age=${ENTRY_MAX_AGE_S}`;
}

/**
 * Serves `bundleDir` under `/assets/*` of `app` (the `/embed` app): CORS for `allowedOrigins`
 * (`*` for any), `nosniff`, cross-origin resource policy, the cache policy above and ETags. Answers
 * 503 text naming the folder when the bundle has not been built; unknown files fall through (404).
 */
export function serveBundle(app: Hono, bundleDir: string, allowedOrigins: readonly string[]): void {
  app.use('/assets/*', cors({ origin: allowedOrigins.includes('*') ? '*' : [...allowedOrigins] }));
  app.use('/assets/*', async (c, next) => {
    if (!existsSync(join(bundleDir, 'c360.js'))) {
      return c.text(`The element bundle is missing from ${bundleDir}: run \`npm run bundle\` and restart c360`, 503);
    }
    await next();
    c.header('x-content-type-options', 'nosniff');
    c.header('cross-origin-resource-policy', 'cross-origin');
    if (c.res.status === 200 || c.res.status === 304) c.header('cache-control', assetCacheControl(c.req.path.split('/').pop() ?? ''));
  });
  app.use('/assets/*', etag());
  app.use(
    '/assets/*',
    serveStatic({
      root: bundleDir,
      rewriteRequestPath: (path) => path.replace(/^\/embed\/assets/, ''),
    }),
  );
}
