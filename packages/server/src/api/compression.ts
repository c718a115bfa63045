/**
 * Response compression (hono/compress: gzip or deflate as the client's `Accept-Encoding` asks, for
 * compressible types over 1 KB) on every route but the live stream `/api/stream`: an SSE response
 * must reach the browser frame by frame, and a compressor buffers. Behind a reverse proxy that
 * compresses itself this is harmless (the proxy sees `Content-Encoding` and leaves it).
 * @module
 */
import type { MiddlewareHandler } from 'hono';
import { compress } from 'hono/compress';

/** The path of the Server-Sent Events route, never compressed. */
export const STREAM_PATH = '/api/stream';

/** Middleware compressing every response except those of {@link STREAM_PATH}. */
export function compressExceptStream(): MiddlewareHandler {
  const compressor = compress();
  return (c, next) => (c.req.path === STREAM_PATH || c.req.path.startsWith(`${STREAM_PATH}/`) ? next() : compressor(c, next));
}
