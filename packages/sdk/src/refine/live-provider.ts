/**
 * A Refine live provider over the c360 change stream (Refine's `subscribe`/`unsubscribe`
 * contract): a page with `liveMode: "auto"` refetches what a change touched, on its own.
 *
 * It follows the `customers` resource. A `useOne`/`useMany` subscription follows the customers of
 * its `ids`; a `useList` (or `useTable`) subscription follows the customers the list currently shows
 * — the ids of the latest customers page the data provider returned — and moves to the new rows when
 * the page changes. Each subscription is ONE `GET /stream?customer=a,b,c` (the SDK's fetch reader,
 * token in the Authorization header, reconnecting with Last-Event-ID). The changes of one moment (an
 * order touches orders, metrics, scores, timeline) reach the callback as one `updated` event
 * `{ channel, type: "updated", payload: { ids }, date }` after `collectMs`. A feed reset (changes
 * missed) is an `updated` event for every followed customer. Other resources are not followed.
 * @module
 */
import type { LiveEvent, LiveProvider } from '@refinedev/core';
import type { C360DataProvider } from './data-provider.js';

export interface C360LiveProviderOptions {
  /** How long changes are collected into one event, ms (default 100). */
  collectMs?: number;
  /** Called when the stream fails (it keeps reconnecting); default: ignored. */
  onError?: (error: Error) => void;
}

/** What `subscribe` returns and `unsubscribe` takes. */
export interface C360LiveSubscription {
  /** The customers it follows now. */
  readonly customerIds: readonly string[];
  /** Stops it (what `unsubscribe` does). */
  stop(): void;
}

/**
 * Creates the live provider of `dataProvider` (it uses its SDK client, and learns from it which
 * customers a list shows).
 *
 * @example
 * const dataProvider = c360DataProvider({ baseUrl: '/api', token });
 * <Refine dataProvider={dataProvider} liveProvider={c360LiveProvider(dataProvider)} options={{ liveMode: 'auto' }} … />
 */
export function c360LiveProvider(dataProvider: C360DataProvider, options: C360LiveProviderOptions = {}): LiveProvider {
  const collectMs = options.collectMs ?? 100;
  let listedIds: string[] = [];
  const lists = new Set<(ids: string[]) => void>();
  dataProvider.onCustomersListed((ids) => {
    if (sameIds(ids, listedIds)) return;
    listedIds = ids;
    for (const follow of lists) follow(ids);
  });

  return {
    subscribe({ channel, types, params, callback }): C360LiveSubscription | undefined {
      const resource = params?.resource ?? channel.replace(/^resources\//, '');
      if (resource !== 'customers') return undefined;
      const wants = (type: string) => types.includes('*') || types.includes(type);
      let customerIds: string[] = [];
      let stopStream = () => {};
      let timer: ReturnType<typeof setTimeout> | undefined;
      const touched = new Set<string>();
      const deliver = () => {
        timer = undefined;
        const ids = [...touched];
        touched.clear();
        if (ids.length && wants('updated')) callback({ channel, type: 'updated', payload: { ids }, date: new Date() } satisfies LiveEvent);
      };
      const touch = (ids: readonly string[]) => {
        for (const id of ids) touched.add(id);
        timer ??= setTimeout(deliver, collectMs);
      };
      const follow = (ids: string[]) => {
        if (sameIds(ids, customerIds)) return;
        stopStream();
        customerIds = ids;
        stopStream =
          ids.length === 0
            ? () => {}
            : dataProvider.client.subscribe(ids.join(','), (change) => touch([change.customerId]), {
                onReset: () => touch(customerIds),
                onError: (error) => options.onError?.(error),
              });
      };
      const isList = params?.subscriptionType === 'useList';
      if (isList) {
        lists.add(follow);
        follow(listedIds);
      } else {
        follow([...new Set((params?.ids ?? (params?.id !== undefined ? [params.id] : [])).map(String))]);
      }
      return {
        get customerIds() {
          return customerIds;
        },
        stop() {
          lists.delete(follow);
          clearTimeout(timer);
          stopStream();
          customerIds = [];
        },
      };
    },
    unsubscribe(subscription: C360LiveSubscription | undefined) {
      subscription?.stop();
    },
  };
}

function sameIds(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  const set = new Set(a);
  return b.every((id) => set.has(id));
}
