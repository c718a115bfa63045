#!/usr/bin/env node
// Serves the Chatwoot stand-in (index.html, harness.js) on its own origin, as Chatwoot would be:
//
//   C360_ALLOWED_ORIGINS=http://127.0.0.1:8361 npm start          # c360 on http://localhost:8360
//   node demo/chatwoot-harness/serve.mjs [--port 8361]              # then open the printed address
//
// The end-to-end test (packages/server/test/e2e/embed-chatwoot.test.ts) starts it the same way.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const FILES = {
  '/': ['index.html', 'text/html; charset=utf-8'],
  '/index.html': ['index.html', 'text/html; charset=utf-8'],
  '/harness.js': ['harness.js', 'text/javascript; charset=utf-8'],
};

/**
 * Starts the stand-in on `hostname:port` (port 0: any free one).
 * @param {{ port?: number, hostname?: string }} [options]
 * @returns {Promise<{ url: string, close: () => Promise<void> }>} its origin, e.g. `http://127.0.0.1:8361`
 */
export function startChatwootHarness({ port = 8361, hostname = '127.0.0.1' } = {}) {
  const server = createServer(async (req, res) => {
    const file = FILES[new URL(req.url ?? '/', 'http://x').pathname];
    if (!file) {
      res
        .writeHead(404, { 'content-type': 'text/plain; charset=utf-8' })
        .end('Not found: this server only serves the Chatwoot stand-in at /');
      return;
    }
    const body = await readFile(fileURLToPath(new URL(file[0], import.meta.url)));
    res.writeHead(200, { 'content-type': file[1], 'cache-control': 'no-store' }).end(body);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, hostname, () => {
      const { port: bound } = /** @type {import('node:net').AddressInfo} */ (server.address());
      resolve({
        url: `http://${hostname}:${bound}`,
        close: () =>
          new Promise((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({ options: { port: { type: 'string', default: process.env.PORT ?? '8361' } } });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`--port: "${values.port}" is not a port number`);
    process.exit(2);
  }
  const { url } = await startChatwootHarness({ port });
  console.log(`Chatwoot stand-in on ${url}`);
  console.log(
    `Start c360 with C360_ALLOWED_ORIGINS=${url}, create a viewer token (npm run c360 -- token create --role viewer --name "Chatwoot"),`,
  );
  console.log(`then open ${url}/?c360=http://localhost:8360&token=<the token>&identifier=17850`);
}
