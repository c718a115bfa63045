/**
 * Notifications (R12.5, R13.5, 004): what the built-in rules raise about a customer, per user (an
 * API key's name), with the user's preferences (which kinds, which channels). In-app notifications
 * are listed by `GET /notifications` and arrive live on `GET /stream` as `event: notification`;
 * email and signed webhooks are delivered by the server.
 * @module
 */
import { z } from 'zod';
import { CustomerId, Cursor, Timestamp } from './common.js';
import type { Role } from './auth.js';

/** The built-in rules, and the reminder of a follow-up falling due (schemas/follow-ups.ts). */
export const NOTIFICATION_KINDS = ['churn.high', 'health.drop', 'csat.negative', 'vip.ticket', 'vip.order', 'follow_up.due'] as const;

export const NotificationKind = z.enum(NOTIFICATION_KINDS).meta({
  id: 'NotificationKind',
  description:
    'churn.high: churn level rose to high; health.drop: health fell by the configured points or to a lower level; ' +
    'csat.negative: a ticket was rated at or below the configured CSAT; vip.ticket / vip.order: a VIP customer opened a ticket / placed an order; ' +
    'follow_up.due: a follow-up assigned to the user fell due (sent to its assignee in-app whatever their kinds)',
});
export type NotificationKind = z.infer<typeof NotificationKind>;

/**
 * The lowest role that receives each kind (per-role filtering): score alerts are for account
 * managers, support and VIP activity for agents too. Viewers receive none.
 */
export const NOTIFICATION_KIND_MIN_ROLE: Readonly<Record<NotificationKind, Role>> = Object.freeze({
  'churn.high': 'manager',
  'health.drop': 'manager',
  'csat.negative': 'agent',
  'vip.ticket': 'agent',
  'vip.order': 'agent',
  'follow_up.due': 'agent',
});

export const NOTIFICATION_CHANNELS = ['in_app', 'email', 'webhook'] as const;
export const NotificationChannel = z.enum(NOTIFICATION_CHANNELS).meta({ id: 'NotificationChannel' });
export type NotificationChannel = z.infer<typeof NotificationChannel>;

export const Notification = z
  .object({
    id: z.string(),
    kind: NotificationKind,
    customerId: CustomerId,
    title: z.string().meta({ example: 'Churn risk rose to high (71)' }),
    body: z.string().meta({ description: 'One sentence with the customer and what changed' }),
    createdAt: Timestamp,
    readAt: Timestamp.nullable().meta({ description: 'When the user marked it read; null while unread' }),
  })
  .meta({ id: 'Notification' });
export type Notification = z.infer<typeof Notification>;

/** Query of GET /notifications. */
export const NotificationsQuery = z.object({
  unread: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => (v === undefined ? undefined : v === 'true'))
    .meta({ description: '`true`: only unread ones' }),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: Cursor.optional(),
});
export type NotificationsQuery = z.input<typeof NotificationsQuery>;

export const NotificationsPage = z
  .object({
    items: z.array(Notification).meta({ description: 'Newest first' }),
    unreadCount: z.number().int().nonnegative().meta({ description: 'All unread notifications of the caller' }),
    nextCursor: z.string().nullable(),
  })
  .meta({ id: 'NotificationsPage' });
export type NotificationsPage = z.infer<typeof NotificationsPage>;

/** GET/PUT /notifications/preferences: the caller's subscription. */
export const NotificationPreferences = z
  .object({
    kinds: z
      .array(NotificationKind)
      .meta({ description: 'Kinds to receive (those above the caller’s role are never sent); empty = unsubscribed' }),
    channels: z
      .array(NotificationChannel)
      .meta({ description: 'Where to deliver them; in_app is listed by GET /notifications and streamed' }),
    email: z.email().nullable().meta({ description: 'Address of the email channel' }),
    webhookUrl: z
      .url({ protocol: /^https?$/ })
      .nullable()
      .meta({ description: 'URL of the webhook channel (POST, signed, see docs/api.md)' }),
  })
  .meta({ id: 'NotificationPreferences' });
export type NotificationPreferences = z.infer<typeof NotificationPreferences>;

/** Body of PUT /notifications/preferences. */
export const NotificationPreferencesUpdate = z
  .object({
    kinds: z
      .array(NotificationKind)
      .max(NOTIFICATION_KINDS.length)
      .transform((k) => [...new Set(k)]),
    channels: z
      .array(NotificationChannel)
      .max(NOTIFICATION_CHANNELS.length)
      .transform((c) => [...new Set(c)]),
    email: z.email().nullable().default(null),
    webhookUrl: z
      .url({ protocol: /^https?$/ })
      .max(2000)
      .nullable()
      .default(null),
  })
  .strict()
  .superRefine((p, ctx) => {
    if (p.channels.includes('email') && !p.email)
      ctx.addIssue({ code: 'custom', path: ['email'], message: 'required for the email channel' });
    if (p.channels.includes('webhook') && !p.webhookUrl)
      ctx.addIssue({ code: 'custom', path: ['webhookUrl'], message: 'required for the webhook channel' });
  })
  .meta({ id: 'NotificationPreferencesUpdate' });
export type NotificationPreferencesUpdate = z.input<typeof NotificationPreferencesUpdate>;

/** The JSON body POSTed to a webhook (header `C360-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256>`). */
export const NotificationWebhook = z
  .object({
    type: z.literal('notification'),
    recipient: z.string().meta({ description: 'The user the notification is for' }),
    notification: Notification,
  })
  .meta({ id: 'NotificationWebhook' });
export type NotificationWebhook = z.infer<typeof NotificationWebhook>;
