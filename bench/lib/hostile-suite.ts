/**
 * The hostile-input benchmark (issue 13.1): on a fresh database served over real HTTP, the latency
 * of `POST /api/segments` whose criteria nest 1,100 `{"not": …}` (answered 400 by the structural
 * check), beside a valid small rule segment being refused for its taken name (the same route through
 * full validation, no write) and `GET /healthz` (HTTP overhead); then four deep requests at once
 * while `GET /healthz` is polled, with the event loop's longest delay (`monitorEventLoopDelay`).
 * Target: the deep request answered in < 100 ms and the loop never blocked for > 100 ms.
 * @module
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { sql } from 'kysely';
import { openDb } from '../../packages/server/src/db/connect.js';
import { listen } from '../../packages/server/src/server.js';
import { authHeaders, benchApp, createBenchToken } from './auth.js';
import { machineInfo } from './machine.js';
import { measure, ms, type Summary } from './stats.js';

const deep = (depth: number) =>
  `{"name":"Deep","kind":"rule","criteria":${'{"not":'.repeat(depth)}{"field":"lifetimeValue","op":">","value":1}${'}'.repeat(depth)}}`;
const SMALL = JSON.stringify({
  name: 'Bench rule',
  kind: 'rule',
  criteria: { all: [{ field: 'lifetimeValue', op: '>=', value: 100 }, { not: { field: 'tier', op: '=', value: 'gold' } }] },
});

export async function main(argv: string[]): Promise<number> {
  const requests = Number(argv[argv.indexOf('--requests') + 1]) || 200;
  const dir = mkdtempSync(join(tmpdir(), 'c360-bench-hostile-'));
  const db = await openDb({ file: join(dir, 'c360.db') });
  try {
    await createBenchToken(db);
    const server = await listen(benchApp(db, new Date()), 0, '127.0.0.1');
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const post = async (body: string, expected: number) => {
      const res = await fetch(`${base}/api/segments`, {
        method: 'POST',
        headers: { ...authHeaders(), 'content-type': 'application/json' },
        body,
      });
      await res.arrayBuffer();
      if (res.status !== expected) throw new Error(`POST /api/segments answered ${res.status}, expected ${expected}`);
    };
    await post(SMALL, 201); // the name is now taken: later posts of SMALL are 409 after full validation
    const health = async () => {
      const res = await fetch(`${base}/healthz`);
      await res.arrayBuffer();
    };
    const inputs = Array.from({ length: requests }, (_, i) => i);
    const rows: Array<[string, Summary]> = [
      [
        'POST /api/segments, criteria 1,100 levels deep → 400',
        await measure(inputs, () => post(deep(1100), 400), { warmupInputs: inputs, warmup: 20 }),
      ],
      [
        'POST /api/segments, criteria 10,000 levels deep → 400',
        await measure(inputs, () => post(deep(10_000), 400), { warmupInputs: inputs, warmup: 20 }),
      ],
      [
        'POST /api/segments, small valid rule, name taken → 409',
        await measure(inputs, () => post(SMALL, 409), { warmupInputs: inputs, warmup: 20 }),
      ],
      ['GET /healthz (HTTP reference)', await measure(inputs, health, { warmupInputs: inputs, warmup: 20 })],
    ];

    // Four deep requests at once, ten times, with /healthz polled: the event loop's longest stall.
    const delay = monitorEventLoopDelay({ resolution: 5 });
    delay.enable();
    const pings: number[] = [];
    for (let round = 0; round < 10; round++) {
      const started = performance.now();
      await Promise.all([
        ...Array.from({ length: 4 }, () => post(deep(1100), 400)),
        health().then(() => pings.push(performance.now() - started)),
      ]);
    }
    delay.disable();
    await new Promise((resolve) => server.close(resolve));

    const { version } = (await sql<{ version: string }>`select sqlite_version() as version`.execute(db)).rows[0]!;
    const machine = machineInfo(version);
    const report = [
      `# Hostile input: deeply nested segment criteria (${new Date().toISOString().slice(0, 10)})`,
      '',
      `Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.ramGiB.toFixed(1)} GiB, ${machine.os}, Node ${machine.node}; load at start ${machine.loadAtStart}; ${machine.revision}.`,
      `Real HTTP on 127.0.0.1, fresh SQLite database, ${requests} sequential requests per row after 20 warm-up calls. Target: the deep request < 100 ms, no event-loop stall > 100 ms.`,
      '',
      '| request | n | p50 ms | p95 ms | p99 ms | max ms | req/s | CPU wait |',
      '| --- | --- | --- | --- | --- | --- | --- | --- |',
      ...rows.map(
        ([name, s]) =>
          `| ${name} | ${s.n} | ${ms(s.p50)} | ${ms(s.p95)} | ${ms(s.p99)} | ${ms(s.max)} | ${s.throughput.toFixed(0)} | ${s.waited === undefined ? '–' : `${(s.waited * 100).toFixed(0)} %`} |`,
      ),
      '',
      `Four 1,100-deep requests at once, 10 rounds: longest event-loop delay ${ms(delay.max / 1e6)} ms (p99 ${ms(delay.percentile(99) / 1e6)} ms); ` +
        `GET /healthz sent alongside answered in at most ${ms(Math.max(...pings))} ms.`,
      '',
    ].join('\n');
    process.stdout.write(report);
    mkdirSync(new URL('../results/', import.meta.url), { recursive: true });
    writeFileSync(new URL(`../results/${new Date().toISOString().slice(0, 10)}-hostile-input.md`, import.meta.url), report);
    return 0;
  } finally {
    await db.destroy();
    rmSync(dir, { recursive: true, force: true });
  }
}
