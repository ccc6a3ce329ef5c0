// SQL for a user's own notifications and for the development mailbox.
import { and, count, desc, eq, isNull } from 'drizzle-orm';
import type { TMailboxEntry, TNotification } from '../../shared/notifications.schemas.js';
import type { DbOrTx } from '../db/open-database.js';
import { emailOutbox, notifications } from '../db/schema.js';

export async function listNotifications(db: DbOrTx, userId: string, options: { limit: number; isUnreadOnly: boolean }) {
  const mine = eq(notifications.userId, userId);
  const rows = await db
    .select()
    .from(notifications)
    .where(options.isUnreadOnly ? and(mine, isNull(notifications.readAt)) : mine)
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(options.limit);
  const [unread] = await db.select({ n: count() }).from(notifications).where(and(mine, isNull(notifications.readAt)));
  const items: TNotification[] = rows.map((r) => ({
    id: r.id,
    type: r.type,
    channel: r.channel,
    title: r.title,
    body: r.body,
    payload: r.payload,
    createdAt: r.createdAt.toISOString(),
    readAt: r.readAt?.toISOString() ?? null,
  }));
  return { items, unreadCount: unread?.n ?? 0 };
}

/** Marks one of the user's notifications read; false when there is no such notification of theirs. */
export async function markRead(db: DbOrTx, userId: string, id: string): Promise<boolean> {
  const [row] = await db.select({ readAt: notifications.readAt }).from(notifications).where(and(eq(notifications.id, id), eq(notifications.userId, userId)));
  if (!row) return false;
  if (!row.readAt) await db.update(notifications).set({ readAt: new Date() }).where(eq(notifications.id, id));
  return true;
}

export async function markAllRead(db: DbOrTx, userId: string): Promise<number> {
  const rows = await db
    .update(notifications)
    .set({ readAt: new Date() })
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)))
    .returning({ id: notifications.id });
  return rows.length;
}

export async function listMailbox(db: DbOrTx, options: { limit: number; status?: 'pending' | 'sent' | 'failed' | undefined }): Promise<TMailboxEntry[]> {
  const rows = await db
    .select()
    .from(emailOutbox)
    .where(options.status ? eq(emailOutbox.status, options.status) : undefined)
    .orderBy(desc(emailOutbox.createdAt), desc(emailOutbox.id))
    .limit(options.limit);
  return rows.map((r) => ({
    id: r.id,
    toEmail: r.toEmail,
    subject: r.subject,
    text: r.text,
    status: r.status,
    attempts: r.attempts,
    lastError: r.lastError,
    createdAt: r.createdAt.toISOString(),
    sentAt: r.sentAt?.toISOString() ?? null,
  }));
}
