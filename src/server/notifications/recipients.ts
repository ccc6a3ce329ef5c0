// Who hears about an event, and what each of them reads. One query per kind of fact, so an
// event about hundreds of shifts or thousands of workers costs a handful of round trips.
import { and, eq, inArray, isNotNull, isNull, lt, gt, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { TLocale } from '../../shared/common.schemas.js';
import type { DbOrTx } from '../db/open-database.js';
import {
  activityPackages,
  assignments,
  locations,
  organisations,
  regions,
  shifts,
  swaps,
  userRoles,
  users,
  workerAvailabilityExceptions,
  workerPackages,
  workers,
  workerWeeklyAvailability,
} from '../db/schema.js';
import { bigExpiryRecipients, offerRecipients } from '../mediation/mediation-recipients.js';
import type { NotificationEvent } from './events.js';
import { matchShiftsToWorkers, type MatchWorker } from './matching.js';
import { createShiftDescriber, messages, type Message, type ShiftInfo } from './messages.js';

export type Recipient = {
  userId: string;
  /** Ids the web app links to (shiftId, assignmentId, swapId, shiftIds). */
  payload: Record<string, unknown>;
  /** One mail per event and person, even when the event is reported twice. */
  dedupeKey: string;
  render: (locale: TLocale) => Message;
};

const shiftInfoColumns = {
  id: shifts.id,
  start: shifts.start,
  end: shifts.end,
  notes: shifts.notes,
  status: shifts.status,
  organisationId: shifts.organisationId,
  organisationName: organisations.name,
  regionId: organisations.regionId,
  locationName: locations.name,
  address: locations.address,
  postcode: locations.postcode,
  city: locations.city,
  lat: locations.lat,
  lon: locations.lon,
  timeZone: locations.timeZone,
  packageId: shifts.packageId,
  packageNameNl: activityPackages.nameNl,
  packageNameEn: activityPackages.nameEn,
};

export async function loadShiftInfos(db: DbOrTx, shiftIds: string[]): Promise<Map<string, ShiftInfo>> {
  if (shiftIds.length === 0) return new Map();
  const rows = await db
    .select(shiftInfoColumns)
    .from(shifts)
    .innerJoin(organisations, eq(organisations.id, shifts.organisationId))
    .innerJoin(locations, eq(locations.id, shifts.locationId))
    .innerJoin(activityPackages, eq(activityPackages.id, shifts.packageId))
    .where(inArray(shifts.id, [...new Set(shiftIds)]));
  return new Map(rows.map((r) => [r.id, r]));
}

async function loadAssignments(db: DbOrTx, assignmentIds: string[]) {
  if (assignmentIds.length === 0) return [];
  return db
    .select({
      id: assignments.id,
      shiftId: assignments.shiftId,
      workerId: assignments.workerId,
      userId: workers.userId,
      workerName: workers.firstName,
      workerLastName: workers.lastName,
    })
    .from(assignments)
    .innerJoin(workers, eq(workers.id, assignments.workerId))
    .where(inArray(assignments.id, assignmentIds));
}

/** An assignment that may not be stored yet (a claim prepares its notification before taking its locks). */
export type AssignmentRef = { id: string; shiftId: string; workerId: string };

/**
 * The assignment's worker, its shift as messages show it and, when asked, the organisation's
 * planners, in one statement: by id, or from the shift and the worker when the caller knows them.
 */
async function loadAssignmentContext(db: DbOrTx, ref: { id: string } | AssignmentRef, withPlanners: boolean) {
  const columns = {
    ...shiftInfoColumns,
    userId: workers.userId,
    workerName: workers.firstName,
    workerLastName: workers.lastName,
    plannerUserIds: withPlanners
      ? sql<string[]>`coalesce((select json_agg(distinct r.user_id) from ${userRoles} r where r.role = 'planner' and r.organisation_id = ${shifts.organisationId}), '[]')`
      : sql<string[]>`'[]'::json`,
  };
  const rows =
    'shiftId' in ref
      ? await db
          .select(columns)
          .from(shifts)
          .innerJoin(workers, eq(workers.id, ref.workerId))
          .innerJoin(organisations, eq(organisations.id, shifts.organisationId))
          .innerJoin(locations, eq(locations.id, shifts.locationId))
          .innerJoin(activityPackages, eq(activityPackages.id, shifts.packageId))
          .where(eq(shifts.id, ref.shiftId))
      : await db
          .select(columns)
          .from(assignments)
          .innerJoin(workers, eq(workers.id, assignments.workerId))
          .innerJoin(shifts, eq(shifts.id, assignments.shiftId))
          .innerJoin(organisations, eq(organisations.id, shifts.organisationId))
          .innerJoin(locations, eq(locations.id, shifts.locationId))
          .innerJoin(activityPackages, eq(activityPackages.id, shifts.packageId))
          .where(eq(assignments.id, ref.id));
  const row = rows[0];
  if (!row) return undefined;
  const { userId, workerName, workerLastName, plannerUserIds, ...shift } = row;
  return { assignment: { id: ref.id, shiftId: shift.id, userId, workerName, workerLastName }, shift: shift satisfies ShiftInfo, plannerUserIds };
}

async function plannerUserIds(db: DbOrTx, organisationId: string): Promise<string[]> {
  const rows = await db
    .selectDistinct({ userId: userRoles.userId })
    .from(userRoles)
    .where(and(eq(userRoles.role, 'planner'), eq(userRoles.organisationId, organisationId)));
  return rows.map((r) => r.userId);
}

const fullName = (first: string, last: string) => `${first} ${last}`.trim();

async function assignmentRecipients(db: DbOrTx, event: Exclude<Extract<NotificationEvent, { assignmentId: string }>, { type: 'orientation.cancelled' }>, known?: AssignmentRef): Promise<Recipient[]> {
  const toPlannersToo = event.type === 'claim.pending' || (event.type === 'assignment.cancelled' && event.byWorker);
  const context = await loadAssignmentContext(db, known?.id === event.assignmentId ? known : { id: event.assignmentId }, toPlannersToo);
  if (!context) return [];
  const { assignment, shift } = context;
  const payload = { assignmentId: assignment.id, shiftId: shift.id };
  const workerName = fullName(assignment.workerName, assignment.workerLastName);
  const toWorker = (render: Recipient['render']): Recipient[] =>
    assignment.userId ? [{ userId: assignment.userId, payload, dedupeKey: `${event.type}:${assignment.id}:${assignment.userId}`, render }] : [];
  const toPlanners = (render: Recipient['render']): Recipient[] =>
    context.plannerUserIds.map((userId) => ({ userId, payload, dedupeKey: `${event.type}:${assignment.id}:${userId}`, render }));

  switch (event.type) {
    case 'claim.confirmed':
      return toWorker((locale) => messages.claimConfirmed(shift, locale));
    case 'claim.rejected':
      return toWorker((locale) => messages.claimRejected(shift, event.reason, locale));
    case 'claim.pending':
      return toPlanners((locale) => messages.claimPending(shift, workerName, locale));
    case 'assignment.cancelled':
      return event.byWorker
        ? toPlanners((locale) => messages.assignmentCancelledByWorker(shift, workerName, event.reason, locale))
        : toWorker((locale) => messages.assignmentCancelledForWorker(shift, event.reason, locale));
    case 'shift.reminder':
      return toWorker((locale) => messages.reminder(shift, locale));
  }
}

async function swapRecipients(db: DbOrTx, event: Extract<NotificationEvent, { swapId: string }>): Promise<Recipient[]> {
  const fromWorker = alias(workers, 'from_worker');
  const toWorker = alias(workers, 'to_worker');
  const [swap] = await db
    .select({
      id: swaps.id,
      note: swaps.note,
      shiftId: assignments.shiftId,
      fromUserId: fromWorker.userId,
      fromName: fromWorker.firstName,
      fromLastName: fromWorker.lastName,
      toUserId: toWorker.userId,
      toName: toWorker.firstName,
      toLastName: toWorker.lastName,
      needsApproval: organisations.swapNeedsApproval,
    })
    .from(swaps)
    .innerJoin(assignments, eq(assignments.id, swaps.assignmentId))
    .innerJoin(shifts, eq(shifts.id, assignments.shiftId))
    .innerJoin(organisations, eq(organisations.id, shifts.organisationId))
    .innerJoin(fromWorker, eq(fromWorker.id, swaps.fromWorkerId))
    .innerJoin(toWorker, eq(toWorker.id, swaps.toWorkerId))
    .where(eq(swaps.id, event.swapId));
  if (!swap) return [];
  const shift = (await loadShiftInfos(db, [swap.shiftId])).get(swap.shiftId);
  if (!shift) return [];
  const fromName = fullName(swap.fromName, swap.fromLastName);
  const toName = fullName(swap.toName, swap.toLastName);
  const payload = { swapId: swap.id, shiftId: shift.id };
  const to = (userId: string | null, render: Recipient['render']): Recipient[] =>
    userId ? [{ userId, payload, dedupeKey: `${event.type}:${swap.id}:${userId}`, render }] : [];

  switch (event.type) {
    case 'swap.requested':
      return to(swap.toUserId, (locale) => messages.swapRequested(shift, fromName, swap.note, locale));
    case 'swap.accepted': {
      const planners = swap.needsApproval ? await plannerUserIds(db, shift.organisationId) : [];
      return [
        ...to(swap.fromUserId, (locale) => messages.swapAcceptedForRequester(shift, toName, swap.needsApproval, locale)),
        ...planners.flatMap((userId) => to(userId, (locale) => messages.swapAwaitingApproval(shift, fromName, toName, locale))),
      ];
    }
    case 'swap.decided':
      return [swap.fromUserId, swap.toUserId].flatMap((userId) => to(userId, (locale) => messages.swapDecided(shift, event.isApproved, event.reason, locale)));
  }
}

/** A cancelled shift, or a cancelled shadow day: the people who were on it, each told why. */
async function shiftCancelledRecipients(db: DbOrTx, event: Extract<NotificationEvent, { type: 'shift.cancelled' | 'orientation.cancelled' }>): Promise<Recipient[]> {
  const shift = (await loadShiftInfos(db, [event.shiftId])).get(event.shiftId);
  if (!shift) return [];
  const assignmentIds = event.type === 'shift.cancelled' ? event.assignmentIds : [event.assignmentId];
  const render = event.type === 'shift.cancelled' ? messages.shiftCancelled : messages.orientationCancelled;
  return (await loadAssignments(db, assignmentIds)).flatMap((a) =>
    a.userId
      ? [
          {
            userId: a.userId,
            payload: { shiftId: shift.id, assignmentId: a.id },
            dedupeKey: `${event.type}:${a.id}:${a.userId}`,
            render: (locale: TLocale) => render(shift, event.reason, locale),
          },
        ]
      : [],
  );
}

/**
 * The candidate pool for new shifts: workers with a login in the shifts' regions who hold one of
 * their packages, with availability around the shifts' times.
 */
export async function loadMatchWorkers(db: DbOrTx, regionIds: string[], packageIds: string[], window: { start: Date; end: Date }): Promise<MatchWorker[]> {
  if (regionIds.length === 0 || packageIds.length === 0) return [];
  const rows = await db
    .select({
      id: workers.id,
      userId: workers.userId,
      regionId: workers.regionId,
      timeZone: regions.timeZone,
      homeLat: workers.homeLat,
      homeLon: workers.homeLon,
      maxTravelKm: workers.maxTravelKm,
      packageId: workerPackages.packageId,
    })
    .from(workers)
    .innerJoin(workerPackages, eq(workerPackages.workerId, workers.id))
    .innerJoin(regions, eq(regions.id, workers.regionId))
    .innerJoin(users, eq(users.id, workers.userId))
    .where(and(inArray(workers.regionId, regionIds), inArray(workerPackages.packageId, packageIds), isNotNull(workers.userId), isNull(users.disabledAt)));
  const byId = new Map<string, MatchWorker>();
  for (const row of rows) {
    const existing = byId.get(row.id);
    if (existing) existing.packageIds.push(row.packageId);
    else byId.set(row.id, { ...row, userId: row.userId!, packageIds: [row.packageId], weekly: [], hasDatedAvailability: false, exceptions: [] });
  }
  const ids = [...byId.keys()];
  for (let i = 0; i < ids.length; i += 5000) {
    const chunk = ids.slice(i, i + 5000);
    const weekly = await db.select().from(workerWeeklyAvailability).where(inArray(workerWeeklyAvailability.workerId, chunk));
    for (const w of weekly) byId.get(w.workerId)!.weekly.push(w);
    const exceptions = await db
      .select()
      .from(workerAvailabilityExceptions)
      .where(and(inArray(workerAvailabilityExceptions.workerId, chunk), lt(workerAvailabilityExceptions.start, window.end), gt(workerAvailabilityExceptions.end, window.start)));
    for (const e of exceptions) byId.get(e.workerId)!.exceptions.push(e);
    const dated = await db
      .selectDistinct({ workerId: workerAvailabilityExceptions.workerId })
      .from(workerAvailabilityExceptions)
      .where(and(inArray(workerAvailabilityExceptions.workerId, chunk), eq(workerAvailabilityExceptions.isAvailable, true)));
    for (const d of dated) byId.get(d.workerId)!.hasDatedAvailability = true;
  }
  return [...byId.values()];
}

async function shiftPostedRecipients(db: DbOrTx, event: Extract<NotificationEvent, { type: 'shift.posted' }>): Promise<Recipient[]> {
  const infos = [...(await loadShiftInfos(db, event.shiftIds)).values()].filter((s) => s.status === 'open').sort((a, b) => a.start.getTime() - b.start.getTime());
  if (infos.length === 0) return [];
  const window = { start: new Date(Math.min(...infos.map((s) => s.start.getTime()))), end: new Date(Math.max(...infos.map((s) => s.end.getTime()))) };
  const pool = await loadMatchWorkers(db, [...new Set(infos.map((s) => s.regionId))], [...new Set(infos.map((s) => s.packageId))], window);
  const byId = new Map(infos.map((s) => [s.id, s]));
  const firstId = infos[0]!.id;
  const describe = createShiftDescriber();
  return [...matchShiftsToWorkers(infos, pool)].map(([worker, shiftIds]) => ({
    userId: worker.userId,
    payload: { shiftIds },
    dedupeKey: `shift.posted:${firstId}:${worker.userId}`,
    render: (locale: TLocale) => messages.shiftsPosted(shiftIds.map((id) => byId.get(id)!), locale, describe),
  }));
}

/** `known`: the assignment's shift and worker, when it is not stored yet (a claim prepares before it inserts). */
export async function resolveRecipients(db: DbOrTx, event: NotificationEvent, known?: AssignmentRef): Promise<Recipient[]> {
  switch (event.type) {
    case 'claim.confirmed':
    case 'claim.pending':
    case 'claim.rejected':
    case 'assignment.cancelled':
    case 'shift.reminder':
      return assignmentRecipients(db, event, known);
    case 'swap.requested':
    case 'swap.accepted':
    case 'swap.decided':
      return swapRecipients(db, event);
    case 'shift.cancelled':
    case 'orientation.cancelled':
      return shiftCancelledRecipients(db, event);
    case 'shift.posted':
      return shiftPostedRecipients(db, event);
    case 'offer.made':
    case 'offer.answered':
      return offerRecipients(db, event);
    case 'big.expiry':
      return bigExpiryRecipients(db, event);
  }
}
