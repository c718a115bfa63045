/**
 * `c360 seed` through the ingestion path beside its raw floor, per size:
 *
 *     tsx --conditions=@c360/source bench/seed-ingest.ts --customers 10000,100000 [--seed 1] [--dir DIR]
 *
 * For each N: (1) the floor — the same events generated and validated, their base rows written by
 * prepared statements in chunked transactions (bench/lib/seed-floor.ts); (2) `seedDatabase`, the
 * write path of `c360 seed` and `POST /api/events`. Each into a fresh SQLite file in DIR (default a
 * temp folder, deleted). Prints a markdown table: wall time, CPU time (the machine is shared: CPU
 * seconds say what the work cost when wall time is stretched by other processes), events/s by
 * both, and peak RSS. Timed runs only, no assertions: numbers go to bench/results/.
 * @module
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { IngestEvent } from '@c360/sdk';
import { openDb } from '../packages/server/src/db/connect.js';
import { seedDatabase, SEED_CHUNK_EVENTS } from '../packages/server/src/seed/seed.js';
import { customerEvents, seedCatalogue } from '../packages/server/src/seed/customer-events.js';
import { floorWriter, openFloor } from './lib/seed-floor.js';
import { loadAverage, machineInfo } from './lib/machine.js';

interface Run {
  label: string;
  customers: number;
  events: number;
  wallS: number;
  cpuS: number;
  /** Of which writing rows (floor only): wall and CPU seconds. */
  writeS?: number;
  writeCpuS?: number;
  peakRssMiB: number;
}

const { values } = parseArgs({
  options: { customers: { type: 'string', default: '10000' }, seed: { type: 'string', default: '1' }, dir: { type: 'string' } },
});
const sizes = values.customers!.split(',').map(Number);
const seed = Number(values.seed);
const dir = values.dir ?? mkdtempSync(join(tmpdir(), 'c360-seed-bench-'));

function meter() {
  const wall = performance.now();
  const cpu = process.cpuUsage();
  let peak = process.memoryUsage().rss;
  return {
    sample: () => void (peak = Math.max(peak, process.memoryUsage().rss)),
    done: (label: string, customers: number, events: number, writeS?: number, writeCpuS?: number): Run => {
      const c = process.cpuUsage(cpu);
      return {
        label,
        customers,
        events,
        wallS: (performance.now() - wall) / 1000,
        cpuS: (c.user + c.system) / 1e6,
        writeS,
        writeCpuS,
        peakRssMiB: Math.max(peak, process.memoryUsage().rss) / 2 ** 20,
      };
    },
  };
}

async function floor(n: number): Promise<Run> {
  const file = join(dir, `floor-${n}.db`);
  await (await openDb({ file })).destroy(); // migrated, empty
  const conn = openFloor(file);
  const write = floorWriter(conn, new Date().toISOString());
  const catalogue = seedCatalogue();
  const m = meter();
  let events = 0;
  let writeMs = 0;
  let writeCpuUs = 0;
  let chunk: IngestEvent[] = [];
  const flush = () => {
    const t = performance.now();
    const c = process.cpuUsage();
    write(chunk);
    const used = process.cpuUsage(c);
    writeCpuUs += used.user + used.system;
    writeMs += performance.now() - t;
    events += chunk.length;
    chunk = [];
    m.sample();
  };
  for (let i = 0; i < n; i++) {
    for (const e of customerEvents(seed, i, catalogue)) chunk.push(IngestEvent.parse(e));
    if (chunk.length >= SEED_CHUNK_EVENTS) flush();
  }
  flush();
  conn.close();
  return m.done('raw floor: generate + validate + write rows', n, events, writeMs / 1000, writeCpuUs / 1e6);
}

async function writePath(n: number): Promise<Run> {
  const db = await openDb({ file: join(dir, `seed-${n}.db`) });
  const m = meter();
  let lastReport = 0;
  const summary = await seedDatabase(db, {
    customers: n,
    seed,
    onProgress: (done, total, events) => {
      m.sample();
      if (done - lastReport >= total / 10) {
        lastReport = done;
        process.stderr.write(
          `seed ${n}: ${done}/${total} customers, ${events} events, ${(performance.now() / 1000).toFixed(0)} s, load ${loadAverage()}\n`,
        );
      }
    },
  });
  await db.destroy();
  return m.done('c360 seed (ingestion write path)', n, summary.events);
}

const fmt = (x: number, d = 0) => x.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });
const conn = openFloor(':memory:');
const info = machineInfo(String((conn.prepare('select sqlite_version() as v').get() as { v: string }).v));
conn.close();
console.log(
  `machine: ${info.cpu}, ${info.cores} cores, ${fmt(info.ramGiB, 1)} GiB; Node ${info.node}; SQLite ${info.sqlite}; ${info.revision}; load at start ${info.loadAtStart}\n`,
);
console.log('| customers | what | events | wall s | events/s (wall) | CPU s | events/CPU-s | peak RSS MiB |');
console.log('| --: | --- | --: | --: | --: | --: | --: | --: |');
try {
  for (const n of sizes) {
    for (const run of [await floor(n), await writePath(n)]) {
      const extra =
        run.writeS === undefined || run.writeCpuS === undefined
          ? ''
          : ` (of which writing rows: ${fmt(run.writeS, 1)} s wall, ${fmt(run.writeCpuS, 1)} CPU s = ${fmt(run.events / run.writeCpuS)} events/CPU-s)`;
      console.log(
        `| ${fmt(n)} | ${run.label}${extra} | ${fmt(run.events)} | ${fmt(run.wallS, 1)} | ${fmt(run.events / run.wallS)} | ${fmt(run.cpuS, 1)} | ${fmt(run.events / run.cpuS)} | ${fmt(run.peakRssMiB)} |`,
      );
    }
  }
  console.log(`\nload at end ${loadAverage()}`);
} finally {
  if (!values.dir) rmSync(dir, { recursive: true, force: true });
}
