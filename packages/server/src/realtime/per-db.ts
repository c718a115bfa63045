/**
 * What the per-database hubs share (the change feed's `ChangeHub`, the notifications'
 * `NotificationHub`): one instance per database, made on first use, and a queue that runs their
 * reads one at a time.
 * @module
 */
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
