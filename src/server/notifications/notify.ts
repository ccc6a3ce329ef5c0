// Turns a domain event into notifications for the people it concerns.
import { eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../db/open-database.js';
import { assignments, notifications, shifts, workers } from '../db/schema.js';
import type { NotificationEvent } from './events.js';

async function workerUserOfAssignments(db: DbOrTx, assignmentIds: string[]) {
  if (assignmentIds.length === 0) return [];
  return db
    .select({ userId: workers.userId, assignmentId: assignments.id, shiftId: assignments.shiftId, start: shifts.start })
    .from(assignments)
    .innerJoin(workers, eq(workers.id, assignments.workerId))
    .innerJoin(shifts, eq(shifts.id, assignments.shiftId))
    .where(inArray(assignments.id, assignmentIds));
}

const titles: Partial<Record<NotificationEvent['type'], string>> = {
  'claim.confirmed': 'Dienst bevestigd',
  'claim.pending': 'Aanmelding ontvangen',
  'claim.rejected': 'Aanmelding afgewezen',
  'assignment.cancelled': 'Dienst geannuleerd',
  'shift.cancelled': 'Dienst geannuleerd',
};

export async function notify(db: DbOrTx, event: NotificationEvent): Promise<void> {
  const assignmentIds =
    'assignmentId' in event ? [event.assignmentId] : event.type === 'shift.cancelled' ? event.assignmentIds : [];
  const title = titles[event.type];
  if (!title) return;
  const recipients = await workerUserOfAssignments(db, assignmentIds);
  const rows = recipients
    .filter((r) => r.userId !== null)
    .map((r) => ({
      userId: r.userId!,
      type: event.type,
      channel: 'in_app' as const,
      title,
      body: 'reason' in event && event.reason ? event.reason : '',
      payload: { assignmentId: r.assignmentId, shiftId: r.shiftId },
    }));
  if (rows.length) await db.insert(notifications).values(rows);
}
