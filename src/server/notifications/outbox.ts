// Delivers the email outbox. Each mail is sent inside its own short transaction that holds the
// row lock (FOR UPDATE SKIP LOCKED) until the row is marked sent, so two runs at once, or a run
// started twice, never mail a row twice. A failed attempt sets the row's next_attempt_at with
// exponential backoff (1, 2, 4, 8, … minutes after the failure) until maxAttempts, then the row
// is 'failed' with the last error.
import { and, asc, eq, lte, notInArray, or } from 'drizzle-orm';
import type { Db } from '../db/open-database.js';
import { emailOutbox } from '../db/schema.js';
import type { Mailer } from './mailer.js';

export type DeliveryOptions = {
  from: string;
  now?: Date;
  maxAttempts?: number;
  /** The first retry waits this long; each later one twice as long as the one before. */
  retryBaseMs?: number;
  /** Stop after this many mails; the next run continues. */
  limit?: number;
};

export type DeliveryReport = { sent: number; retrying: number; failed: number };

export const DEFAULT_MAX_ATTEMPTS = 6;
export const DEFAULT_RETRY_BASE_MS = 60_000;

export async function deliverOutbox(db: Db, mailer: Mailer, options: DeliveryOptions): Promise<DeliveryReport> {
  const now = options.now ?? new Date();
  const maxAttempts = options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  const baseMs = options.retryBaseMs ?? DEFAULT_RETRY_BASE_MS;
  const limit = options.limit ?? 500;
  const report: DeliveryReport = { sent: 0, retrying: 0, failed: 0 };
  // Rows tried in this run wait for the next one, whatever their backoff says.
  const tried: string[] = [];
  // A new mail is due at once (its next_attempt_at is the database's clock, in microseconds, which can lie
  // a fraction of a millisecond after `now`); a retried one from its next_attempt_at.
  const isDue = or(eq(emailOutbox.attempts, 0), lte(emailOutbox.nextAttemptAt, now));

  while (tried.length < limit) {
    const outcome = await db.transaction(async (tx) => {
      const [row] = await tx
        .select()
        .from(emailOutbox)
        .where(and(eq(emailOutbox.status, 'pending'), isDue, tried.length ? notInArray(emailOutbox.id, tried) : undefined))
        .orderBy(asc(emailOutbox.nextAttemptAt))
        .limit(1)
        .for('update', { skipLocked: true });
      if (!row) return null;
      tried.push(row.id);
      const attempts = row.attempts + 1;
      try {
        await mailer.send({
          from: options.from,
          to: row.toEmail,
          subject: row.subject,
          text: row.text,
          html: row.html,
          messageId: `<${row.id}@harmonica>`,
          attachments: row.attachments,
        });
      } catch (error) {
        const isFinal = attempts >= maxAttempts;
        await tx
          .update(emailOutbox)
          .set({
            attempts,
            status: isFinal ? 'failed' : 'pending',
            lastError: error instanceof Error ? error.message : String(error),
            nextAttemptAt: new Date(now.getTime() + baseMs * 2 ** (attempts - 1)),
          })
          .where(eq(emailOutbox.id, row.id));
        return isFinal ? 'failed' : 'retrying';
      }
      await tx.update(emailOutbox).set({ attempts, status: 'sent', sentAt: new Date(), lastError: null }).where(eq(emailOutbox.id, row.id));
      return 'sent';
    });
    if (outcome === null) break;
    report[outcome] += 1;
  }
  return report;
}
