/**
 * The hook of the ingestion path: after a batch is applied (in its transaction), the rules of the
 * applied events and of the recorded score changes raise their notifications.
 * @module
 */
import type { IngestEvent } from '@c360/sdk';
import type { Db } from '../db/connect.js';
import { notificationConfig } from './config.js';
import { eventTriggers, type Trigger } from './rules.js';
import { raiseNotifications } from './store.js';
import { loadSubscribers } from './preferences.js';

/**
 * Raises the notifications of `applied` events and of `scoreTriggers` (collected by
 * recordScoreChanges) in the batch's transaction. Returns how many were created. Costs one query
 * when nobody is subscribed (a bulk import evaluates no rule).
 */
export async function raiseBatchNotifications(
  trx: Db,
  applied: readonly IngestEvent[],
  scoreTriggers: readonly Trigger[],
  now: Date,
): Promise<number> {
  const subscribers = await loadSubscribers(trx);
  if (subscribers.length === 0) return 0;
  const kinds = new Set(subscribers.flatMap((s) => s.kinds));
  const triggers = [...scoreTriggers.filter((t) => kinds.has(t.kind)), ...(await eventTriggers(trx, applied, kinds, notificationConfig()))];
  return (await raiseNotifications(trx, triggers, now, subscribers)).length;
}
