/**
 * Throughput under concurrent connections: the app behind a real listener on 127.0.0.1, `connections`
 * keep-alive fetch loops for `seconds` per target, one target after the other. The load generator runs
 * in the same process as the server (it shares the CPU with it); the trivial route pays the same, so
 * the ratio between them is the measure.
 * @module
 */
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import type { Hono } from 'hono';
import { serve } from '@hono/node-server';
import { summarise, type Summary } from './measure.js';

export interface LoadResult {
  name: string;
  requestsPerSecond: number;
  latency: Summary;
  errors: number;
}

export async function throughput(
  app: Hono,
  seconds: number,
  connections: number,
  targets: Array<[name: string, path: (i: number) => string, headers: Record<string, string>]>,
): Promise<LoadResult[]> {
  const server = await new Promise<Server>((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s as Server));
  });
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const out: LoadResult[] = [];
  try {
    for (const [name, path, headers] of targets) {
      const ms: number[] = [];
      let errors = 0;
      let i = 0;
      const end = performance.now() + seconds * 1000;
      const worker = async () => {
        while (performance.now() < end) {
          const t = performance.now();
          const res = await fetch(base + path(i++), { headers });
          await res.arrayBuffer();
          if (res.status !== 200) errors++;
          ms.push(performance.now() - t);
        }
      };
      const t0 = performance.now();
      await Promise.all(Array.from({ length: connections }, worker));
      out.push({ name, requestsPerSecond: ms.length / ((performance.now() - t0) / 1000), latency: summarise(ms), errors });
    }
  } finally {
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  }
  return out;
}
