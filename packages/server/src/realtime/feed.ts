/**
 * The change feed (R18, design Property 6). Writers call {@link recordChanges} inside their
 * transaction (the rows commit or roll back with the change) and {@link notifyCommitted} after it
 * commits; the per-database {@link ChangeHub} then reads the new rows and publishes them to the
 * subscribers of each customer (an in-process EventEmitter keyed by customer id). While anyone
 * subscribes, the hub also listens for the engine's wake-up (PostgreSQL: NOTIFY, sent at the commit
 * of any process or instance) and polls the table every {@link POLL_MS}, so changes committed
 * elsewhere (another server instance, `c360 import events`) reach the stream too. The table is the
 * truth; the wake-up only makes it quick.
 *
 * Ordering: ids must become visible in id order, so a reader that has seen id N never later finds
 * a committed id below N (it polls `id > N`): {@link recordChanges} asks the dialect to order feed
 * writers (SQLite runs one write transaction at a time anyway; PostgreSQL takes a transaction
 * advisory lock before the rows get their ids, held to commit — see db/dialects/postgres.ts).
 * @module
 */
import { sql } from 'kysely';
import type { ChangeRecord, ChangeSection } from '@c360/sdk';
import type { Db } from '../db/connect.js';
import { dialectOf, type Unlisten } from '../db/dialects/index.js';
import { flushIfSubscribed, perDatabase, PollingHub } from './per-db.js';

/** The `change_feed` table (migration 0003). */
export interface ChangeFeedTable {
  id: import('kysely').Generated<number>;
  customer_id: string;
  section: string;
  type: string;
  at: string;
  activity_id: string | null;
  source_key: string | null;
}

type FeedDb = import('kysely').Kysely<{ change_feed: ChangeFeedTable }>;
const feed = (db: Db): FeedDb => db.withTables<{ change_feed: ChangeFeedTable }>() as unknown as FeedDb;

/** How many rows the feed keeps (older ones are pruned; a client further behind gets a `reset`). */
export const RETAIN = 100_000;
/** Poll interval while someone subscribes (a safety net behind the engine's wake-up; the only signal on SQLite). */
export const POLL_MS = 1_000;

/** A change before it has an id. */
export interface ChangeDraft {
  customerId: string;
  section: ChangeSection;
  type: string;
  activityId?: string | undefined;
  /** What produced it (`event:<ingestion event id>`; default the activity id): re-applying the same source replaces its rows instead of adding more. */
  sourceKey?: string | undefined;
}

/**
 * Writes the drafts (deduplicated by customer, section and type, keeping the last activity id:
 * a batch of many events for one customer yields one row per section and type) in the caller's
 * transaction, and prunes rows beyond {@link RETAIN}.
 */
export async function recordChanges(trx: Db, drafts: readonly ChangeDraft[], at: Date): Promise<void> {
  if (drafts.length === 0) return;
  const unique = new Map<string, ChangeDraft>();
  for (const d of drafts) {
    const key = `${d.customerId}\u0000${d.section}\u0000${d.type}`;
    unique.delete(key); // re-insert: keeps the order of the last occurrence
    unique.set(key, d);
  }
  const rows = [...unique.values()].map((d) => ({
    customer_id: d.customerId,
    section: d.section,
    type: d.type,
    at: at.toISOString(),
    activity_id: d.activityId ?? null,
    source_key: d.sourceKey ?? d.activityId ?? null,
  }));
  const dialect = dialectOf(trx);
  await dialect.orderFeedWrites(trx);
  const db = feed(trx);
  const keys = [...new Set(rows.map((r) => r.source_key).filter((k): k is string => k !== null))];
  for (let i = 0; i < keys.length; i += 500)
    await db
      .deleteFrom('change_feed')
      .where('source_key', 'in', keys.slice(i, i + 500))
      .execute();
  for (let i = 0; i < rows.length; i += 500)
    await db
      .insertInto('change_feed')
      .values(rows.slice(i, i + 500))
      .execute();
  await db
    .deleteFrom('change_feed')
    .where('id', '<=', sql<number>`(select max(id) from change_feed) - ${RETAIN}`)
    .execute();
  await dialect.publishFeed(trx);
}

type Row = {
  id: number;
  customer_id: string;
  section: string;
  type: string;
  at: string;
  activity_id: string | null;
  source_key?: string | null;
};

function toRecord(row: Row): ChangeRecord {
  return {
    id: Number(row.id),
    customerId: row.customer_id,
    section: row.section as ChangeSection,
    type: row.type,
    at: row.at,
    ...(row.activity_id ? { activityId: row.activity_id } : {}),
  };
}

/** The highest and lowest ids in the feed (0 when empty). */
export async function feedBounds(db: Db): Promise<{ min: number; max: number }> {
  const row = await feed(db)
    .selectFrom('change_feed')
    .select([sql<number | null>`min(id)`.as('min'), sql<number | null>`max(id)`.as('max')])
    .executeTakeFirst();
  return { min: Number(row?.min ?? 0), max: Number(row?.max ?? 0) };
}

/** One customer's changes with id > `after`, in order (at most `limit`). */
export async function changesAfter(db: Db, customerId: string, after: number, limit = 1000): Promise<ChangeRecord[]> {
  const rows = await feed(db)
    .selectFrom('change_feed')
    .selectAll()
    .where('customer_id', '=', customerId)
    .where('id', '>', after)
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map(toRecord);
}

export type ChangeListener = (change: ChangeRecord) => void;

/**
 * Publishes committed changes of one database to subscribers, by customer: `subscribe(customerId,
 * listener)`; every change committed after its `ready` is delivered (read the feed for anything before).
 */
export class ChangeHub extends PollingHub<ChangeRecord> {
  /** Highest id published; undefined while nobody subscribes. */
  private last: number | undefined;
  private pending = false;
  /** Stops the engine's wake-up subscription (null when the engine has none). */
  private unlisten: Promise<Unlisten | null> | undefined;

  constructor(
    private readonly db: Db,
    pollMs = POLL_MS,
  ) {
    super('change feed', pollMs);
  }

  protected start(): void {
    // Listen first, then read where the feed is: a commit after that read always wakes the hub.
    const listening = dialectOf(this.db)
      .listenFeed(this.db, () => void this.flush())
      .catch((error: unknown) => {
        console.error('change feed: no wake-up, polling only:', error);
        return null;
      });
    this.unlisten = listening;
    void this.queue.enqueue(async () => {
      await listening;
      if (this.last === undefined) this.last = (await feedBounds(this.db)).max;
    });
  }

  protected override stop(): void {
    const unlisten = this.unlisten;
    this.unlisten = undefined;
    void unlisten?.then((stop) => stop?.());
  }

  protected forget(): void {
    this.last = undefined;
  }

  /** Reads committed changes not yet published and publishes them, in id order. */
  flush(): Promise<void> {
    if (this.pending) return this.queue.idle; // a flush is queued and has not started: it will see these rows
    this.pending = true;
    return this.queue.enqueue(async () => {
      this.pending = false;
      if (this.last === undefined) return;
      for (;;) {
        const rows = await feed(this.db)
          .selectFrom('change_feed')
          .selectAll()
          .where('id', '>', this.last)
          .orderBy('id')
          .limit(1000)
          .execute();
        for (const row of rows) {
          this.last = Number(row.id);
          const record = toRecord(row);
          for (const listener of this.emitter.listeners(record.customerId) as ChangeListener[]) {
            try {
              listener(record);
            } catch (error) {
              console.error(error);
            }
          }
        }
        if (rows.length < 1000) return;
      }
    });
  }
}

const hubs = perDatabase((db) => new ChangeHub(db));

/** The hub of a database (created on first use). Pass the database itself, never a transaction. */
export function changeHub(db: Db): ChangeHub {
  return hubs.get(db);
}

/**
 * Call after a transaction that recorded changes has committed: publishes them now rather than at
 * the next poll. Never throws; a no-op when nobody subscribes to this database.
 */
export function notifyCommitted(db: Db): void {
  flushIfSubscribed(hubs, db);
}
