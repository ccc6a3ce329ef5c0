// SQL only: accepted swaps on the shifts of the given organisations, with the shift and both names.
import { and, asc, eq, inArray } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../db/open-database.js';
import { activityPackages, assignments, locations, organisations, shifts, swaps, workers } from '../db/schema.js';

const fromWorker = alias(workers, 'from_worker');
const toWorker = alias(workers, 'to_worker');

export async function listAcceptedSwaps(db: DbOrTx, organisationIds: string[]) {
  if (organisationIds.length === 0) return [];
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
    .where(and(eq(swaps.status, 'accepted'), eq(shifts.status, 'open'), inArray(shifts.organisationId, organisationIds)))
    .orderBy(asc(shifts.start), asc(swaps.createdAt));
}
