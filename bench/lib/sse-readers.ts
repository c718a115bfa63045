/**
 * Many Server-Sent-Events readers of one stream URL in a worker thread: their reading and parsing
 * run on another event loop than the server under test (which the benchmark runs in-process), as
 * remote subscribers would. Used by screen-suite.ts for the 99 subscribers beside the browser page.
 * @module
 */
import { Worker } from 'node:worker_threads';

/** The worker: opens `count` readers, posts 'open' once all have their response, counts records. */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { url, headers, count } = workerData;
let records = 0;
let opened = 0;
const controllers = [];
for (let i = 0; i < count; i++) {
  const controller = new AbortController();
  controllers.push(controller);
  (async () => {
    const res = await fetch(url, { headers: { ...headers, accept: 'text/event-stream' }, signal: controller.signal });
    if (res.status !== 200 || !res.body) throw new Error('GET ' + url + ': ' + res.status);
    if (++opened === count) parentPort.postMessage({ type: 'open' });
    const decoder = new TextDecoder();
    const reader = res.body.getReader();
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      buffer += decoder.decode(value, { stream: true });
      let end;
      while ((end = buffer.indexOf('\\n\\n')) >= 0) {
        const event = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        for (const line of event.split('\\n')) if (line.startsWith('data:')) { JSON.parse(line.slice(5)); records++; }
      }
    }
  })().catch((error) => { if (error.name !== 'AbortError') parentPort.postMessage({ type: 'error', message: String(error) }); });
}
parentPort.on('message', (m) => {
  if (m === 'count') parentPort.postMessage({ type: 'count', records });
  if (m === 'close') { for (const c of controllers) c.abort(); parentPort.postMessage({ type: 'closed' }); }
});
`;

export interface SseReaders {
  /** Section records received by all readers so far. */
  records(): Promise<number>;
  close(): Promise<void>;
}

/** Opens `count` readers of `url` in a worker thread; resolves once every one has its response. */
export async function openSseReaders(url: string, headers: Record<string, string>, count: number): Promise<SseReaders> {
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { url, headers, count } });
  const next = (type: string) =>
    new Promise<{ type: string; records?: number; message?: string }>((resolve, reject) => {
      const onMessage = (m: { type: string; records?: number; message?: string }) => {
        if (m.type === 'error') reject(new Error(m.message));
        else if (m.type === type) {
          worker.off('message', onMessage);
          resolve(m);
        }
      };
      worker.on('message', onMessage);
      worker.once('error', reject);
    });
  if (count > 0) await next('open');
  return {
    async records() {
      const reply = next('count');
      worker.postMessage('count');
      return (await reply).records ?? 0;
    },
    async close() {
      const reply = next('closed');
      worker.postMessage('close');
      await reply;
      await worker.terminate();
    },
  };
}
