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

/**
 * Raises the notifications of `applied` events and of `scoreTriggers` (collected by
 * recordScoreChanges) in the batch's transaction. Returns how many were created.
 */
export async function raiseBatchNotifications(trx: Db, applied: readonly IngestEvent[], scoreTriggers: readonly Trigger[], now: Date): Promise<number> {
  const config = notificationConfig();
  const triggers = [...scoreTriggers];
  for (const event of applied) triggers.push(...(await eventTriggers(trx, event, config)));
  return (await raiseNotifications(trx, triggers, now)).length;
}
