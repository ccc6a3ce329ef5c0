// Notifications, per-type channel preferences, the development mailbox and the calendar feed.
import { z } from 'zod';
import { ZId } from './common.schemas.js';

/** Every kind of notification; a worker picks a channel per type. Mirrors NotificationEvent['type']. */
export const notificationTypes = [
  'shift.posted',
  'claim.confirmed',
  'claim.pending',
  'claim.rejected',
  'assignment.cancelled',
  'shift.cancelled',
  'orientation.cancelled',
  'swap.requested',
  'swap.accepted',
  'swap.decided',
  'shift.reminder',
  'offer.made',
  'offer.answered',
  'big.expiry',
] as const;
export const ZNotificationType = z.enum(notificationTypes);
export type TNotificationType = z.infer<typeof ZNotificationType>;

/**
 * email: a mail now and an entry in the app; in_app: only the entry; digest: the entry, and the
 * daily digest mail lists it; off: nothing.
 */
export const ZNotificationChannel = z.enum(['email', 'in_app', 'digest', 'off']);
export type TNotificationChannel = z.infer<typeof ZNotificationChannel>;

export const ZNotification = z.object({
  id: ZId,
  type: z.string(),
  channel: ZNotificationChannel,
  title: z.string(),
  body: z.string(),
  payload: z.record(z.string(), z.unknown()),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export type TNotification = z.infer<typeof ZNotification>;

export const ZNotificationList = z.object({
  items: z.array(ZNotification),
  unreadCount: z.int(),
});
export type TNotificationList = z.infer<typeof ZNotificationList>;

export const ZListNotificationsQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  isUnreadOnly: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
});

export const ZNotificationPreference = z.object({ type: ZNotificationType, channel: ZNotificationChannel });
export type TNotificationPreference = z.infer<typeof ZNotificationPreference>;

export const ZNotificationPreferences = z.object({
  /** One entry per type, defaults filled in. */
  preferences: z.array(ZNotificationPreference.extend({ isDefault: z.boolean() })),
});
export type TNotificationPreferences = z.infer<typeof ZNotificationPreferences>;

/** Sets the listed types; types left out keep their channel. */
export const ZUpdateNotificationPreferences = z.object({
  preferences: z
    .array(ZNotificationPreference)
    .max(notificationTypes.length)
    .refine((list) => new Set(list.map((p) => p.type)).size === list.length, { message: 'lists a type twice' }),
});
export type TUpdateNotificationPreferences = z.infer<typeof ZUpdateNotificationPreferences>;

export const ZOutboxStatus = z.enum(['pending', 'sent', 'failed']);

export const ZMailboxEntry = z.object({
  id: ZId,
  toEmail: z.string(),
  subject: z.string(),
  text: z.string(),
  status: ZOutboxStatus,
  attempts: z.int(),
  lastError: z.string().nullable(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
});
export type TMailboxEntry = z.infer<typeof ZMailboxEntry>;

export const ZMailboxQuery = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(100),
  status: ZOutboxStatus.optional(),
});

export const ZCalendarFeed = z.object({
  /** Secret: whoever has it can read the worker's confirmed shifts until it is revoked. */
  url: z.string(),
  createdAt: z.iso.datetime({ offset: true }),
});
export type TCalendarFeed = z.infer<typeof ZCalendarFeed>;

/**
 * Whether the worker has a working feed URL. Only the token's hash is stored, so the URL itself
 * cannot be shown again: the interface offers a new one (which revokes this one) instead.
 */
export const ZCalendarFeedStatus = z.object({
  isActive: z.boolean(),
  createdAt: z.iso.datetime({ offset: true }).nullable(),
  /** When a calendar app last fetched the live feed; null while none has (the subscription is not working yet). */
  lastFetchedAt: z.iso.datetime({ offset: true }).nullable(),
});
export type TCalendarFeedStatus = z.infer<typeof ZCalendarFeedStatus>;
