// SQL only: swaps with their shift and both names — accepted swaps on the shifts of the given
// organisations (the planner's queue), one worker's swaps, or swaps by id.
import { and, asc, desc, eq, inArray, or, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../db/open-database.js';
import { activityPackages, assignments, locations, organisations, shifts, swaps, workers } from '../db/schema.js';

const fromWorker = alias(workers, 'from_worker');
const toWorker = alias(workers, 'to_worker');

function selectSwaps(db: DbOrTx, where: SQL | undefined) {
  return db
    .select({
      swap: swaps,
      shiftId: shifts.id,
      organisationId: shifts.organisationId,
      organisationName: organisations.name,
      locationName: locations.name,
      timeZone: locations.timeZone,
      packageId: shifts.packageId,
      packageCode: activityPackages.code,
      start: shifts.start,
      end: shifts.end,
      fromFirstName: fromWorker.firstName,
      fromLastName: fromWorker.lastName,
      toFirstName: toWorker.firstName,
      toLastName: toWorker.lastName,
    })
    .from(swaps)
    .innerJoin(assignments, eq(assignments.id, swaps.assignmentId))
    .innerJoin(shifts, eq(shifts.id, assignments.shiftId))
    .innerJoin(organisations, eq(organisations.id, shifts.organisationId))
    .innerJoin(locations, eq(locations.id, shifts.locationId))
    .innerJoin(activityPackages, eq(activityPackages.id, shifts.packageId))
    .innerJoin(fromWorker, eq(fromWorker.id, swaps.fromWorkerId))
    .innerJoin(toWorker, eq(toWorker.id, swaps.toWorkerId))
    .where(where);
}

export type SwapRow = Awaited<ReturnType<typeof selectSwaps>>[number];

export async function listAcceptedSwaps(db: DbOrTx, organisationIds: string[]) {
  if (organisationIds.length === 0) return [];
  return selectSwaps(db, and(eq(swaps.status, 'accepted'), eq(shifts.status, 'open'), inArray(shifts.organisationId, organisationIds))).orderBy(asc(shifts.start), asc(swaps.createdAt));
}

/** The worker's last 100 swaps, offered or asked, newest first. */
export async function listSwapsOfWorker(db: DbOrTx, workerId: string) {
  return selectSwaps(db, or(eq(swaps.fromWorkerId, workerId), eq(swaps.toWorkerId, workerId)))
    .orderBy(desc(swaps.createdAt))
    .limit(100);
}

export async function findSwaps(db: DbOrTx, ids: string[]) {
  if (ids.length === 0) return [];
  return selectSwaps(db, inArray(swaps.id, ids));
}
