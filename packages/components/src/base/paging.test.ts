import { expect } from '@open-wc/testing';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { PagingController, type Page } from './paging.js';

/** A host that counts update requests (the controller's only tie to its element). */
class Host implements ReactiveControllerHost {
  controllers: ReactiveController[] = [];
  updates = 0;
  addController(c: ReactiveController) {
    this.controllers.push(c);
  }
  removeController() {}
  requestUpdate() {
    this.updates++;
  }
  get updateComplete() {
    return Promise.resolve(true);
  }
}

/** Pages of the numbers 1..total, `size` at a time; the cursor is the last number given. */
function pages(total: number, size: number) {
  const calls: string[] = [];
  const pending: Array<() => void> = [];
  let hold = false;
  let fail = false;
  const fetchPage = (cursor: string, signal: AbortSignal): Promise<Page<number>> => {
    calls.push(cursor);
    const from = Number(cursor) + 1;
    const items = Array.from({ length: Math.max(0, Math.min(size, total - from + 1)) }, (_, i) => from + i);
    const page = { items, nextCursor: from + size - 1 < total ? String(from + size - 1) : null };
    if (fail) return Promise.reject(new Error('offline'));
    if (!hold) return Promise.resolve(page);
    return new Promise((resolve, reject) => {
      pending.push(() => resolve(page));
      signal.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
    });
  };
  return {
    fetchPage,
    calls,
    release: () => pending.splice(0).forEach((go) => go()),
    hold: (on: boolean) => (hold = on),
    fail: (on: boolean) => (fail = on),
  };
}

describe('PagingController', () => {
  it('appends pages in order until the last, asking for each cursor once', async () => {
    const host = new Host();
    const source = pages(10, 3);
    const paging = new PagingController<number>(host, { fetchPage: source.fetchPage });
    expect(host.controllers).to.include(paging);
    paging.reset('3', [1, 2, 3]);
    while (paging.hasMore) await paging.loadMore();
    expect(paging.items).to.deep.equal([4, 5, 6, 7, 8, 9, 10]);
    expect(source.calls).to.deep.equal(['3', '6', '9']);
    expect(paging.status).to.equal('idle');
    await paging.loadMore(); // nothing more
    expect(source.calls).to.have.length(3);
  });

  it('does not fetch twice while a page is loading, and skips items already listed by key', async () => {
    const host = new Host();
    const source = pages(6, 3);
    const paging = new PagingController<number>(host, { fetchPage: source.fetchPage, key: (n) => String(n % 5) });
    paging.reset('3', [1, 2, 3]); // keys 1, 2, 3
    source.hold(true);
    const first = paging.loadMore();
    const second = paging.loadMore();
    expect(paging.loading).to.equal(true);
    source.release();
    await Promise.all([first, second]);
    expect(source.calls).to.deep.equal(['3']);
    expect(paging.items).to.deep.equal([4, 5]); // 6 has key 1, already listed
  });

  it('a reset aborts the page in flight: its late answer never lands in the new list', async () => {
    const host = new Host();
    const source = pages(10, 3);
    const paging = new PagingController<number>(host, { fetchPage: source.fetchPage });
    paging.reset('3', [1, 2, 3]);
    source.hold(true);
    const late = paging.loadMore();
    paging.reset('6', [4, 5, 6]);
    source.release();
    await late;
    expect(paging.items).to.deep.equal([]);
    expect(paging.status).to.equal('idle');
    expect(paging.nextCursor).to.equal('6');
  });

  it('keeps the error as state and retries on the next loadMore()', async () => {
    const host = new Host();
    const source = pages(6, 3);
    const paging = new PagingController<number>(host, { fetchPage: source.fetchPage });
    paging.reset('3', [1, 2, 3]);
    source.fail(true);
    await paging.loadMore();
    expect(paging.status).to.equal('error');
    expect((paging.error as Error).message).to.equal('offline');
    expect(paging.nextCursor).to.equal('3');
    source.fail(false);
    const before = host.updates;
    await paging.loadMore();
    expect(paging.status).to.equal('idle');
    expect(paging.error).to.equal(undefined);
    expect(paging.items).to.deep.equal([4, 5, 6]);
    expect(host.updates).to.be.greaterThan(before);
  });

  it('aborts the page in flight when the host disconnects', async () => {
    const host = new Host();
    const source = pages(10, 3);
    const paging = new PagingController<number>(host, { fetchPage: source.fetchPage });
    paging.reset('3', [1, 2, 3]);
    source.hold(true);
    const late = paging.loadMore();
    paging.hostDisconnected();
    source.release();
    await late;
    expect(paging.items).to.deep.equal([]);
    expect(paging.status).to.equal('idle');
  });
});
