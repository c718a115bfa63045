/**
 * The caller's notifications (R12.5, R13.5, 004): list (keyset-paginated, newest first, with the
 * unread count), mark read, and the caller's preferences; permission `notifications` (agent and up:
 * viewers receive none and change nothing). A user is an API key's name; customer-scoped tokens
 * (embed tokens) have no notifications (403). The rules, channels and configuration
 * are in src/notifications/ and docs/api.md.
 * @module
 */
import type { OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import { Notification, NotificationPreferences, NotificationPreferencesUpdate, NotificationsPage, NotificationsQuery } from '@c360/sdk';
import type { AppEnv } from '../context.js';
import { secureRoute } from '../guard.js';
import { commonProblems, json, problem } from '../openapi-helpers.js';
import { listNotifications, markRead } from '../../notifications/store.js';
import { getPreferences, savePreferences } from '../../notifications/preferences.js';

const tags = ['Notifications'];
const IdParam = z.object({
  id: z
    .string()
    .min(1)
    .max(100)
    .meta({ param: { name: 'id', in: 'path' } }),
});

const list = secureRoute(
  { permission: 'notifications', scope: 'none' },
  {
    method: 'get',
    path: '/notifications',
    tags,
    summary: 'The caller’s notifications, newest first',
    description:
      'In-app notifications raised for the caller by the built-in rules (churn rose to high, health fell, negative CSAT, VIP ticket or ' +
      'order), for the kinds the caller subscribed to (PUT /notifications/preferences) and its role receives. `unread=true` lists only ' +
      'unread ones; `unreadCount` counts all unread. New ones also arrive live on GET /stream as `event: notification`.',
    request: { query: NotificationsQuery },
    responses: { 200: json(NotificationsPage, 'A page of notifications'), ...commonProblems },
  },
);

const read = secureRoute(
  { permission: 'notifications', scope: 'none' },
  {
    method: 'post',
    path: '/notifications/{id}/read',
    tags,
    summary: 'Mark a notification read',
    description: 'Idempotent: reading it again keeps the first time. Audited (`notification.read`).',
    request: { params: IdParam },
    responses: {
      200: json(Notification, 'The notification, read'),
      ...commonProblems,
      404: problem('Not one of the caller’s notifications'),
    },
  },
);

const getPrefs = secureRoute(
  { permission: 'notifications', scope: 'none' },
  {
    method: 'get',
    path: '/notifications/preferences',
    tags,
    summary: 'The caller’s notification preferences',
    description: 'Kinds and channels the caller subscribed to; all empty until saved (nothing is sent to a user without preferences).',
    responses: { 200: json(NotificationPreferences, 'The preferences'), ...commonProblems },
  },
);

const putPrefs = secureRoute(
  { permission: 'notifications', scope: 'none' },
  {
    method: 'put',
    path: '/notifications/preferences',
    tags,
    summary: 'Save the caller’s notification preferences',
    description:
      'Replaces them: `kinds` to receive (kinds above the caller’s role are never sent: churn and health need manager), `channels` ' +
      '(`in_app`, `email` with `email`, `webhook` with `webhookUrl`). Audited (`notification.preferences`).',
    request: { body: { required: true, content: { 'application/json': { schema: NotificationPreferencesUpdate } } } },
    responses: { 200: json(NotificationPreferences, 'The saved preferences'), ...commonProblems },
  },
);

export function notificationRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(getPrefs, async (c) => c.json(await getPreferences(c.var.read.db, c.var.actor.name), 200));
  app.openapi(putPrefs, async (c) => c.json(await savePreferences(c.var.read.db, c.var.actor, c.req.valid('json')), 200));
  app.openapi(list, async (c) => c.json(await listNotifications(c.var.read.db, c.var.actor.name, c.req.valid('query')), 200));
  app.openapi(read, async (c) => c.json(await markRead(c.var.read.db, c.var.actor.name, c.req.valid('param').id), 200));
}
