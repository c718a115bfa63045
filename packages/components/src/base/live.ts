/**
 * Real time (SPEC §7, R18, design Property 6): ONE change subscription per SDK client and customer,
 * shared by every element on the page that shows that customer (not one EventSource per element),
 * reference-counted, fanning the changes out to the elements by section.
 *
 * Changes are batched: the sections touched within {@link LIVE_DEBOUNCE_MS} of the first change of a
 * burst reach the listeners together, once, so every element refetches at the same moment (and the
 * SDK's de-duplication of concurrent identical GETs shares one `GET /customers/:id/360` between
 * the profile, metrics, gauges and segments).
 * @module
 */
import type { C360Client, ChangeSection } from '@c360/sdk';

/** How long a burst of changes is collected before the listeners hear of it. */
export const LIVE_DEBOUNCE_MS = 250;

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
}

const subscriptions = new WeakMap<C360Client, Map<string, Shared>>();

/** How many shared subscriptions are open (for tests and diagnostics). */
let open = 0;
export function openLiveSubscriptions(): number {
  return open;
}

function flush(shared: Shared): void {
  shared.timer = undefined;
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
  shared.timer ??= setTimeout(() => flush(shared), LIVE_DEBOUNCE_MS);
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
    const created: Shared = { listeners: new Set(), stop: () => undefined, pending: new Set(), reset: false };
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
