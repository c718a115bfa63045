/**
 * A minimal Server-Sent Events client over `fetch` for the real-time benchmark: reads the body
 * stream, splits events on blank lines, parses each `data:` payload as JSON and hands it to the
 * callback with `performance.now()` taken when the chunk carrying it was read.
 * @module
 */
export interface SseSubscription {
  /** Resolves when the response headers and the first chunk (`retry:`) have arrived. */
  opened: Promise<void>;
  /** Aborts the request. */
  close: () => void;
}

export function openSse(
  url: string,
  headers: Record<string, string>,
  onData: (data: unknown, receivedAt: number) => void,
): SseSubscription {
  const controller = new AbortController();
  let resolveOpened!: () => void;
  let rejectOpened!: (error: unknown) => void;
  const opened = new Promise<void>((resolve, reject) => {
    resolveOpened = resolve;
    rejectOpened = reject;
  });
  void (async () => {
    try {
      const res = await fetch(url, { headers: { ...headers, accept: 'text/event-stream' }, signal: controller.signal });
      if (res.status !== 200 || !res.body) throw new Error(`GET ${url}: ${res.status} ${(await res.text()).slice(0, 200)}`);
      const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = '';
      let first = true;
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        const at = performance.now();
        if (first) {
          first = false;
          resolveOpened();
        }
        buffer += value;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const data = block
            .split('\n')
            .filter((line) => line.startsWith('data:'))
            .map((line) => line.slice(line.startsWith('data: ') ? 6 : 5))
            .join('\n');
          if (data) onData(JSON.parse(data), at);
        }
      }
    } catch (error) {
      if (!controller.signal.aborted) {
        rejectOpened(error);
        console.error('SSE subscriber:', error);
      }
    }
  })();
  return { opened, close: () => controller.abort() };
}
