/**
 * Real time (SPEC §7, R18, design Property 6): ONE change subscription per SDK client and customer,
 * shared by every element on the page that shows that customer (not one EventSource per element),
 * reference-counted, fanning the changes out to the elements by section.
 *
 * Changes are batched without delaying the first one: a change after a quiet moment reaches the
 * listeners {@link LIVE_COLLECT_MS} later (the changes one write makes — order, payment, scores,
 * timeline — arrive together and are delivered as one batch); changes during the
 * {@link LIVE_THROTTLE_MS} after a delivery are collected and delivered together at its end. Every
 * element of a batch refetches at the same moment, so the SDK's de-duplication of concurrent
 * identical GETs shares one `GET /customers/:id/360` between the profile, metrics, gauges and
 * segments, and a burst of ingestion costs at most one refetch per section per throttle window.
 * (Change-to-screen latency is measured in bench/realtime-screen.ts.)
 * @module
 */
import type { C360Client, ChangeSection } from '@c360/sdk';

/** How long the changes after a quiet moment are collected before the listeners hear of them. */
export const LIVE_COLLECT_MS = 4;
/** The least time between two deliveries to the listeners of one subscription. */
export const LIVE_THROTTLE_MS = 250;

export interface LiveListener {
  /** The sections the listener shows; changes to other sections do not reach it. */
  readonly sections: readonly ChangeSection[];
  /** Some of its sections changed (each at most once per burst). */
  changed(sections: ReadonlySet<ChangeSection>): void;
  /** The feed was reset (the server no longer has the missed changes): refetch everything. */
  reset(): void;
}

interface Shared {
  readonly listeners: Set<LiveListener>;
  stop: () => void;
  pending: Set<ChangeSection>;
  reset: boolean;
  timer?: ReturnType<typeof setTimeout>;
  /** When the listeners last heard of changes (performance.now()), or -Infinity. */
  delivered: number;
}

const subscriptions = new WeakMap<C360Client, Map<string, Shared>>();

/** How many shared subscriptions are open (for tests and diagnostics). */
let open = 0;
export function openLiveSubscriptions(): number {
  return open;
}

function flush(shared: Shared): void {
  shared.timer = undefined;
  shared.delivered = performance.now();
  const sections = shared.pending;
  const reset = shared.reset;
  shared.pending = new Set();
  shared.reset = false;
  for (const listener of [...shared.listeners]) {
    try {
      if (reset) listener.reset();
      else {
        const touched = new Set(listener.sections.filter((s) => sections.has(s)));
        if (touched.size) listener.changed(touched);
      }
    } catch (error) {
      // One element's failure must not keep the others stale.
      setTimeout(() => {
        throw error;
      });
    }
  }
}

function schedule(shared: Shared): void {
  if (shared.timer !== undefined) return;
  const wait = Math.max(LIVE_COLLECT_MS, shared.delivered + LIVE_THROTTLE_MS - performance.now());
  shared.timer = setTimeout(() => flush(shared), wait);
}

/**
 * Adds `listener` to the shared subscription of `client` to `customerId` (opening it for the first
 * listener); returns the function that removes it (closing the subscription after the last one).
 */
export function listenLive(client: C360Client, customerId: string, listener: LiveListener): () => void {
  let byCustomer = subscriptions.get(client);
  if (!byCustomer) subscriptions.set(client, (byCustomer = new Map()));
  let shared = byCustomer.get(customerId);
  if (!shared) {
    const created: Shared = { listeners: new Set(), stop: () => undefined, pending: new Set(), reset: false, delivered: -Infinity };
    created.stop = client.subscribe(
      customerId,
      (change) => {
        created.pending.add(change.section);
        schedule(created);
      },
      {
        onReset: () => {
          created.reset = true;
          schedule(created);
        },
        // The SDK reconnects by itself (from the last change id); nothing to show meanwhile.
        onError: () => undefined,
      },
    );
    open++;
    byCustomer.set(customerId, (shared = created));
  }
  const current = shared;
  current.listeners.add(listener);
  let removed = false;
  return () => {
    if (removed) return;
    removed = true;
    current.listeners.delete(listener);
    // Closed a microtask later, so an element moved in the DOM (disconnected, then connected again
    // at once) keeps the same connection.
    queueMicrotask(() => {
      if (current.listeners.size || byCustomer!.get(customerId) !== current) return;
      byCustomer!.delete(customerId);
      clearTimeout(current.timer);
      current.stop();
      open--;
    });
  };
}
