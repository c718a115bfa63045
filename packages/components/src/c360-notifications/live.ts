/**
 * The caller's notifications as they are raised: `GET /stream` without a customer carries only
 * `event: notification` events (`data`: a Notification). Read with the SDK's `followStream` (fetch
 * with the `Authorization` header, so the token never travels in the URL), which reconnects with
 * backoff after a network error.
 * @module
 */
import { followStream, type Notification } from '@c360/sdk';

/** Opens the stream; calls `onNotification` for each new one until the returned function is called. */
export function subscribeNotifications(apiBase: string, token: string | undefined, onNotification: (n: Notification) => void): () => void {
  const stream = followStream(
    { baseUrl: new URL(apiBase, document.baseURI).href, token },
    {},
    {
      onEvent(event, data) {
        if (event !== 'notification') return;
        try {
          onNotification(JSON.parse(data) as Notification);
        } catch (error) {
          console.warn('c360: ignored a malformed notification event', error);
        }
      },
    },
  );
  return stream.stop;
}
