/**
 * The caller's notifications as they are raised: `GET /stream` without a customer carries only
 * `event: notification` events (`data`: a Notification). EventSource cannot send headers, so the
 * token travels as the `token` query parameter (the one route that accepts it); the browser
 * reconnects by itself after a network error.
 * @module
 */
import type { Notification } from '@c360/sdk';

/** Opens the stream; calls `onNotification` for each new one until the returned function is called. */
export function subscribeNotifications(apiBase: string, token: string | undefined, onNotification: (n: Notification) => void): () => void {
  const base = apiBase.replace(/\/+$/, '');
  const url = new URL(`${base}/stream`, document.baseURI);
  if (token) url.searchParams.set('token', token);
  const source = new EventSource(url.href);
  const listener = (event: MessageEvent<string>) => {
    try {
      onNotification(JSON.parse(event.data) as Notification);
    } catch (error) {
      console.warn('c360: ignored a malformed notification event', error);
    }
  };
  source.addEventListener('notification', listener);
  return () => {
    source.removeEventListener('notification', listener);
    source.close();
  };
}
