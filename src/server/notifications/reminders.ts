// Reminders the day before: every confirmed assignment on a live shift that starts within the
// next 24 hours and was not reminded yet. Runs hourly; the check on earlier reminder
// notifications and the outbox dedupe key make a second run a no-op.
import { and, eq, gt, lte, notExists, sql } from 'drizzle-orm';
import type { Db } from '../db/open-database.js';
import { assignments, notifications, shifts } from '../db/schema.js';
import { notify } from './notify.js';

export const REMINDER_AHEAD_MS = 24 * 3_600_000;

export async function sendReminders(db: Db, options: { now?: Date } = {}): Promise<{ reminded: number }> {
  const now = options.now ?? new Date();
  const due = await db
    .select({ id: assignments.id })
    .from(assignments)
    .innerJoin(shifts, eq(shifts.id, assignments.shiftId))
    .where(
      and(
        eq(assignments.status, 'confirmed'),
        eq(shifts.status, 'open'),
        gt(assignments.start, now),
        lte(assignments.start, new Date(now.getTime() + REMINDER_AHEAD_MS)),
        notExists(
          db
            .select({ one: sql`1` })
            .from(notifications)
            .where(and(eq(notifications.type, 'shift.reminder'), sql`${notifications.payload}->>'assignmentId' = ${assignments.id}::text`)),
        ),
      ),
    );
  for (const { id } of due) {
    await db.transaction(async (tx) => notify(tx, { type: 'shift.reminder', assignmentId: id }));
  }
  return { reminded: due.length };
}
