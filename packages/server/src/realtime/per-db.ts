/**
 * What the per-database hubs share (the change feed's `ChangeHub`, the notifications'
 * `NotificationHub`): one instance per database, made on first use; a queue that runs their reads
 * one at a time; and {@link PollingHub}, the subscriber bookkeeping (listeners by key, a poll while
 * anyone subscribes).
 * @module
 */
import { EventEmitter } from 'node:events';
import type { Db } from '../db/connect.js';

/** A hub that publishes newly committed rows to its subscribers. */
export interface Flushable {
  /** Number of live subscriptions. */
  readonly size: number;
  /** Reads the rows committed since the last flush and publishes them. */
  flush(): Promise<void>;
}

/** One `T` per database: `get` makes it on first use, `find` only looks. */
export interface PerDatabase<T> {
  get(db: Db): T;
  find(db: Db): T | undefined;
}

/** Memoises `create` per database (weakly: a closed database's instance goes with it). */
export function perDatabase<T>(create: (db: Db) => T): PerDatabase<T> {
  const instances = new WeakMap<Db, T>();
  return {
    get(db) {
      let instance = instances.get(db);
      if (!instance) {
        instance = create(db);
        instances.set(db, instance);
      }
      return instance;
    },
    find: (db) => instances.get(db),
  };
}

/** Flushes the database's hub now if it exists and anyone subscribes (a no-op otherwise). Never throws. */
export function flushIfSubscribed(hubs: PerDatabase<Flushable>, db: Db): void {
  const hub = hubs.find(db);
  if (hub && hub.size > 0) void hub.flush();
}

/** Runs tasks one after another, in the order queued; a task that fails is logged with the queue's label and the next runs. */
export class SerialQueue {
  private chain: Promise<void> = Promise.resolve();

  constructor(private readonly label: string) {}

  /** Resolves once every task queued so far has run. */
  get idle(): Promise<void> {
    return this.chain;
  }

  /** Queues `task`; the promise resolves (never rejects) once it has run. */
  enqueue(task: () => Promise<void>): Promise<void> {
    const next = this.chain.then(task).catch((error: unknown) => {
      console.error(`${this.label}:`, error);
    });
    this.chain = next;
    return next;
  }
}

/**
 * Subscribers by key (a customer, a recipient) to the `T`s one database's hub publishes. The first subscriber starts
 * the hub ({@link start}, then a {@link flush} every `pollMs`); when the last leaves, the poll stops,
 * {@link stop} runs, and once the queue gets there (and nobody subscribed again) {@link forget}.
 */
export abstract class PollingHub<T> implements Flushable {
  protected readonly emitter = new EventEmitter();
  protected readonly queue: SerialQueue;
  private subscribers = 0;
  private timer: NodeJS.Timeout | undefined;

  protected constructor(
    label: string,
    private readonly pollMs: number,
  ) {
    this.queue = new SerialQueue(label);
    this.emitter.setMaxListeners(0);
  }

  /** The first subscriber came: start tracking (queue the read of where the table is now). */
  protected abstract start(): void;
  /** The last subscriber left (the poll has stopped). */
  protected stop(): void {}
  /** Runs in the queue after the last subscriber left, unless someone subscribed again: drop the position. */
  protected abstract forget(): void;
  abstract flush(): Promise<void>;

  /**
   * Subscribes `listener` to `key`. `ready` resolves once the hub tracks the table: every row
   * committed after that is delivered. `unsubscribe` may be called more than once.
   */
  subscribe(key: string, listener: (value: T) => void): { ready: Promise<void>; unsubscribe: () => void } {
    this.emitter.on(key, listener);
    this.subscribers += 1;
    if (this.subscribers === 1) {
      this.start();
      this.timer = setInterval(() => void this.flush(), this.pollMs);
      this.timer.unref();
    }
    const ready = this.queue.idle;
    let done = false;
    return {
      ready,
      unsubscribe: () => {
        if (done) return;
        done = true;
        this.emitter.off(key, listener);
        this.subscribers -= 1;
        if (this.subscribers === 0) {
          clearInterval(this.timer);
          this.timer = undefined;
          this.stop();
          void this.queue.enqueue(async () => {
            if (this.subscribers === 0) this.forget();
          });
        }
      },
    };
  }

  /** Number of live subscriptions (tests, diagnostics). */
  get size(): number {
    return this.subscribers;
  }
}
