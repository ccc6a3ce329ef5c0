// Each user's channel per notification type, with defaults for types they never set.
import { and, eq, inArray, sql } from 'drizzle-orm';
import { notificationTypes, type TNotificationChannel, type TNotificationPreferences, type TNotificationType, type TUpdateNotificationPreferences } from '../../shared/notifications.schemas.js';
import type { Db, DbOrTx } from '../db/open-database.js';
import { notificationPreferences } from '../db/schema.js';

/** Events about one's own shifts come at once; new shifts come bundled once a day. */
export const defaultChannels: Record<TNotificationType, TNotificationChannel> = {
  'shift.posted': 'digest',
  'claim.confirmed': 'email',
  'claim.pending': 'email',
  'claim.rejected': 'email',
  'assignment.cancelled': 'email',
  'shift.cancelled': 'email',
  'orientation.cancelled': 'email',
  'swap.requested': 'email',
  'swap.accepted': 'email',
  'swap.decided': 'email',
  'shift.reminder': 'email',
  'offer.made': 'email',
  'offer.answered': 'email',
  'big.expiry': 'email',
};

/** The channel each user gets one type on. */
export async function channelsFor(db: DbOrTx, userIds: string[], type: TNotificationType): Promise<Map<string, TNotificationChannel>> {
  const result = new Map(userIds.map((id) => [id, defaultChannels[type]]));
  for (let i = 0; i < userIds.length; i += 5000) {
    const rows = await db
      .select({ userId: notificationPreferences.userId, channel: notificationPreferences.channel })
      .from(notificationPreferences)
      .where(and(eq(notificationPreferences.type, type), inArray(notificationPreferences.userId, userIds.slice(i, i + 5000))));
    for (const row of rows) result.set(row.userId, row.channel);
  }
  return result;
}

export async function getPreferences(db: DbOrTx, userId: string): Promise<TNotificationPreferences> {
  const rows = await db.select().from(notificationPreferences).where(eq(notificationPreferences.userId, userId));
  const chosen = new Map(rows.map((r) => [r.type, r.channel]));
  return {
    preferences: notificationTypes.map((type) => ({ type, channel: chosen.get(type) ?? defaultChannels[type], isDefault: !chosen.has(type) })),
  };
}

export async function updatePreferences(db: Db, userId: string, input: TUpdateNotificationPreferences): Promise<TNotificationPreferences> {
  if (input.preferences.length) {
    await db
      .insert(notificationPreferences)
      .values(input.preferences.map((p) => ({ userId, type: p.type, channel: p.channel })))
      .onConflictDoUpdate({ target: [notificationPreferences.userId, notificationPreferences.type], set: { channel: sql`excluded.channel` } });
  }
  return getPreferences(db, userId);
}
