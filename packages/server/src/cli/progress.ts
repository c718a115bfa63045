/**
 * Progress of long CLI work on stderr: a cli-progress bar on a TTY, else a plain line at every 10 %
 * step. When the reading part reaches 100 % but the command still writes (the final transaction of an
 * import), a "finishing…" line says so instead of going silent. When the total is unknown (0), a
 * plain line says how far it got, without a percentage.
 * @module
 */
import cliProgress from 'cli-progress';

export interface ProgressOptions {
  /** Label of the lines and the bar (`import`, `export`). */
  label: string;
  /** What `done`/`total` count in plain lines and the bar (`bytes`, `customers`); shown beside the counter. */
  detail: (done: number, total: number, count: number) => string;
  /** Said once when 100 % is reached and work remains (e.g. `writing orders and statistics`); none when absent. */
  finishing?: string;
  /** Default `process.stderr`. */
  stream?: NodeJS.WriteStream;
}

export interface ProgressReporter {
  /** `done` of `total` units so far (`total` 0: unknown), `count` = items (lines, customers) for the message. */
  update(done: number, total: number, count: number): void;
  /** Ends the bar (idempotent). */
  stop(): void;
}

/** A bar on a TTY stream, plain lines otherwise; see {@link ProgressOptions}. */
export function progressReporter(options: ProgressOptions): ProgressReporter {
  const stream = options.stream ?? process.stderr;
  let finished = false;
  const finishing = () => {
    if (finished || !options.finishing) return;
    finished = true;
    stream.write(`${options.label}: finishing… (${options.finishing})\n`);
  };
  const known = stream.isTTY ? barReporter(stream, options, finishing) : lineReporter(stream, options, finishing);
  return {
    update(done, total, count) {
      if (total > 0) known.update(done, total, count);
      else stream.write(`${options.label}: ${options.detail(done, total, count)}\n`);
    },
    stop: () => known.stop(),
  };
}

function barReporter(stream: NodeJS.WriteStream, options: ProgressOptions, finishing: () => void): ProgressReporter {
  const bar = new cliProgress.SingleBar(
    { stream, format: `${options.label} [{bar}] {percentage}% | {detail} | ETA {eta}s`, hideCursor: true, clearOnComplete: true },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  let stopped = false;
  const stop = () => {
    if (started && !stopped) bar.stop();
    stopped = true;
  };
  return {
    update(done, total, count) {
      if (stopped) return;
      if (!started) {
        bar.start(total, 0, { detail: '' });
        started = true;
      }
      bar.update(done, { detail: options.detail(done, total, count) });
      if (done >= total && options.finishing) {
        stop();
        finishing();
      }
    },
    stop,
  };
}

function lineReporter(stream: NodeJS.WriteStream, options: ProgressOptions, finishing: () => void): ProgressReporter {
  let nextStep = 10;
  return {
    update(done, total, count) {
      const percent = Math.min(100, Math.floor((done / total) * 100));
      if (percent < nextStep) return;
      stream.write(`${options.label}: ${percent}% (${options.detail(done, total, count)})\n`);
      nextStep = Math.floor(percent / 10) * 10 + 10;
      if (percent >= 100) finishing();
    },
    stop() {},
  };
}

/** `12,345` */
export function count(n: number): string {
  return n.toLocaleString('en-US');
}
