// Process-wide mail settings and the job queue that notify() wakes after a commit. serve sets
// both through startNotificationJobs(); without it (tests, CLI) mail waits for a delivery run.
import { fromDrizzle, type PgBoss } from 'pg-boss';
import { sql } from 'drizzle-orm';
import { readConfig, type Config } from '../config.js';
import type { DbOrTx } from '../db/open-database.js';

export type NotificationSettings = Pick<Config, 'publicUrl' | 'mailFrom' | 'smtpUrl'>;

export const QUEUES = {
  deliver: 'notifications.deliver',
  digest: 'notifications.digest',
  remind: 'notifications.remind',
  bigReminders: 'notifications.big-reminders',
} as const;

let settings: NotificationSettings | null = null;
let queue: PgBoss | null = null;

export function notificationSettings(): NotificationSettings {
  settings ??= readConfig();
  return settings;
}

export function configureNotifications(next: { settings?: NotificationSettings; boss?: PgBoss | null }): void {
  if (next.settings) settings = next.settings;
  if (next.boss !== undefined) queue = next.boss;
}

/** Whether kickDelivery queues anything (serve started the job queue). */
export const isDeliveryQueued = (): boolean => queue !== null;

/**
 * Queues a delivery run inside the caller's transaction, so the job exists exactly when the
 * outbox rows it delivers were committed. A savepoint keeps a queue failure from undoing the
 * caller's change: the scheduled run delivers the mail a minute later instead.
 */
export async function kickDelivery(db: DbOrTx): Promise<void> {
  const boss = queue;
  if (!boss) return;
  try {
    await db.transaction(async (savepoint) => {
      await boss.send(QUEUES.deliver, {}, { db: fromDrizzle(savepoint as unknown as Parameters<typeof fromDrizzle>[0], sql) });
    });
  } catch {
    // The schedule picks the mail up.
  }
}
