/**
 * Calling the app under test: in-process `app.request()` GET/POST that read the body and fail on an
 * unexpected status, and a real listener on 127.0.0.1 for the over-HTTP series.
 * @module
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Hono } from 'hono';
import { listen } from '../../packages/server/src/server.js';
import { authHeaders } from './auth.js';

export type Fetcher = { request: (path: string, init?: RequestInit) => Response | Promise<Response> };

/** GETs `path` with the bench token, reads the body, fails unless 200; returns the body length. */
export async function get(app: Fetcher, path: string): Promise<number> {
  const res = await app.request(path, { headers: authHeaders() });
  const body = await res.text();
  if (res.status !== 200) throw new Error(`GET ${path}: ${res.status} ${body.slice(0, 200)}`);
  return body.length;
}

/** GETs `path` and parses the JSON body (for cross-checks, not timed). */
export async function getJson<T>(app: Fetcher, path: string): Promise<T> {
  const res = await app.request(path, { headers: authHeaders() });
  const body = await res.text();
  if (res.status !== 200) throw new Error(`GET ${path}: ${res.status} ${body.slice(0, 200)}`);
  return JSON.parse(body) as T;
}

/** POSTs a JSON text, fails unless the status is `expect` (default 200/201); returns the parsed body. */
export async function post<T>(app: Fetcher, path: string, json: string, expect?: number): Promise<T> {
  const res = await app.request(path, { method: 'POST', headers: { ...authHeaders(), 'content-type': 'application/json' }, body: json });
  const body = await res.text();
  const ok = expect === undefined ? res.status === 200 || res.status === 201 : res.status === expect;
  if (!ok) throw new Error(`POST ${path}: ${res.status} ${body.slice(0, 300)}`);
  return JSON.parse(body) as T;
}

export async function serve(app: Hono): Promise<{ server: Server; base: string; connections: () => number }> {
  const server = (await listen(app, 0, '127.0.0.1')) as Server;
  let connections = 0;
  server.on('connection', () => connections++);
  return { server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, connections: () => connections };
}

export function close(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}
