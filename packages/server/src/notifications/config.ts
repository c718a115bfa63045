/**
 * Notification settings (docs/configuration.md), read from the environment at each call:
 * - `C360_NOTIFY_HEALTH_DROP` (default 15): a health fall of at least this many points notifies
 *   (a fall to a lower level always does);
 * - `C360_NOTIFY_CSAT_MAX` (default 2): a ticket rated at or below this CSAT (1–5) notifies;
 * - `C360_WEBHOOK_SECRET` (default `C360_SECRET`): the HMAC-SHA256 key of webhook signatures;
 * - `C360_NOTIFY_RETRIES` (default 5): delivery attempts per email or webhook before it is `failed`;
 * - `C360_NOTIFY_BACKOFF_MS` (default 30000): the wait after the first failed attempt, doubled after each.
 * @module
 */

export interface NotificationConfig {
  /** Health points (0–100) of a fall that notifies. */
  healthDropPoints: number;
  /** CSAT (1–5) at or below which a rating notifies. */
  csatMax: number;
  /** Key of the webhook signature; null: webhooks are not sent (the delivery fails with that reason). */
  webhookSecret: string | null;
  /** Attempts per delivery. */
  maxAttempts: number;
  /** Milliseconds before the 2nd attempt; ×2 for each further one. */
  backoffMs: number;
}

function intFrom(value: string | undefined, fallback: number, min: number, max: number): number {
  const n = value === undefined || value.trim() === '' ? Number.NaN : Number(value);
  return Number.isInteger(n) && n >= min && n <= max ? n : fallback;
}

/** The configuration of `env` (invalid values fall back to the defaults). */
export function notificationConfig(env: NodeJS.ProcessEnv = process.env): NotificationConfig {
  return {
    healthDropPoints: intFrom(env.C360_NOTIFY_HEALTH_DROP, 15, 1, 100),
    csatMax: intFrom(env.C360_NOTIFY_CSAT_MAX, 2, 1, 5),
    webhookSecret: env.C360_WEBHOOK_SECRET?.trim() || env.C360_SECRET?.trim() || null,
    maxAttempts: intFrom(env.C360_NOTIFY_RETRIES, 5, 1, 20),
    backoffMs: intFrom(env.C360_NOTIFY_BACKOFF_MS, 30_000, 1, 86_400_000),
  };
}
