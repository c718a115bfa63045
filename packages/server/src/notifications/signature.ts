/**
 * Webhook signatures: `C360-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>." + the raw body bytes>`
 * with the shared secret (`C360_WEBHOOK_SECRET`). A receiver recomputes the HMAC over the raw body,
 * compares in constant time and rejects a timestamp older than its tolerance (replays).
 * @module
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

/** The header carrying the signature. */
export const SIGNATURE_HEADER = 'C360-Signature';

/** The header value for `body` sent at `at`. */
export function signWebhook(secret: string, body: string | Uint8Array, at: Date): string {
  const t = Math.floor(at.getTime() / 1000);
  const mac = createHmac('sha256', secret).update(`${t}.`).update(body).digest('hex');
  return `t=${t},v1=${mac}`;
}

/**
 * True when `header` signs `body` with `secret` and its timestamp is within `toleranceSeconds`
 * of `now` (default 300 s).
 */
export function verifyWebhook(
  secret: string,
  header: string | null | undefined,
  body: string | Uint8Array,
  now: Date = new Date(),
  toleranceSeconds = 300,
): boolean {
  const parts = new Map((header ?? '').split(',').map((p) => p.trim().split('=', 2) as [string, string]));
  const t = Number(parts.get('t'));
  const given = parts.get('v1') ?? '';
  if (!Number.isInteger(t) || !/^[0-9a-f]{64}$/.test(given)) return false;
  if (Math.abs(now.getTime() / 1000 - t) > toleranceSeconds) return false;
  const expected = createHmac('sha256', secret).update(`${t}.`).update(body).digest();
  return timingSafeEqual(expected, Buffer.from(given, 'hex'));
}
