import { randomUUID } from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import { DateTime } from 'luxon';
import type {
  TCreateShiftRequest,
  TCreateShiftSeriesRequest,
  TOrganisationSettings,
  TShift,
  TShiftDetail,
} from '../../shared/shifts.schemas.js';
import type { Actor } from '../auth/actor.js';
import type { Db, DbOrTx } from '../db/open-database.js';
import { assignments, locations, organisations, regions, type shifts } from '../db/schema.js';
import { AppError, forbidden, notFound, type Issue } from '../errors/app-error.js';
import { notify } from '../notifications/notify.js';
import { canManageOrganisation } from '../organisations/organisations.service.js';
import { findOrganisation } from '../organisations/organisations.repo.js';
import { listPackages } from '../packages/packages.repo.js';
import * as repo from './shifts.repo.js';

export const toShift = (row: repo.ShiftRow): TShift => ({
  id: row.id,
  organisationId: row.organisationId,
  organisationName: row.organisationName,
  locationId: row.locationId,
  locationName: row.locationName,
  timeZone: row.timeZone,
  packageId: row.packageId,
  packageCode: row.packageCode,
  start: row.start.toISOString(),
  end: row.end.toISOString(),
  places: row.places,
  priority: row.priority,
  supervisionCapacity: row.supervisionCapacity,
  notes: row.notes,
  status: row.status,
  seriesId: row.seriesId,
  cancelReason: row.cancelReason,
  filled: row.filled,
  pending: row.pending,
});

type ShiftDraft = Omit<TCreateShiftRequest, 'start' | 'end'> & { start: Date; end: Date };

/**
 * Checks shift drafts against the database (location managed by the actor, package of the region,
 * length within the region's maximum) and returns one issue list per draft, with `prefix` on paths.
 */
export async function validateShiftDrafts(db: DbOrTx, actor: Actor, drafts: ShiftDraft[], prefix: (index: number) => string) {
  const locationIds = [...new Set(drafts.map((d) => d.locationId))];
  const locs = locationIds.length
    ? await db
        .select({ id: locations.id, organisationId: locations.organisationId, regionId: organisations.regionId, rules: regions.rules })
        .from(locations)
        .innerJoin(organisations, eq(organisations.id, locations.organisationId))
        .innerJoin(regions, eq(regions.id, organisations.regionId))
        .where(inArray(locations.id, locationIds))
    : [];
  const byId = new Map(locs.map((l) => [l.id, l]));
  const packagesByRegion = new Map<string, Set<string>>();
  const issues: Issue[][] = [];
  for (const [i, draft] of drafts.entries()) {
    const list: Issue[] = [];
    const path = (field: string) => `${prefix(i)}${field}`;
    const location = byId.get(draft.locationId);
    if (!location || !canManageOrganisation(actor, { id: location.organisationId, regionId: location.regionId })) {
      list.push({ path: path('locationId'), message: 'is not a location of an organisation you plan for' });
    } else {
      if (!packagesByRegion.has(location.regionId)) {
        const pkgs = await listPackages(db, { ...actor, regionIds: [location.regionId] }, location.regionId);
        packagesByRegion.set(location.regionId, new Set(pkgs.map((p) => p.id)));
      }
      if (!packagesByRegion.get(location.regionId)!.has(draft.packageId)) list.push({ path: path('packageId'), message: 'is not an activity package of this region' });
      const minutes = (draft.end.getTime() - draft.start.getTime()) / 60_000;
      if (minutes <= 0) list.push({ path: path('end'), message: 'must be after start' });
      else if (minutes > location.rules.maxShiftMinutes) {
        list.push({ path: path('end'), message: `a shift lasts at most ${location.rules.maxShiftMinutes / 60} hours in this region` });
      }
    }
    if (draft.supervisionCapacity > draft.places) list.push({ path: path('supervisionCapacity'), message: 'cannot exceed the number of places' });
    issues.push(list);
  }
  return { issues, organisationOf: (locationId: string) => byId.get(locationId)?.organisationId };
}

function throwIfAny(issues: Issue[][]) {
  const all = issues.flat();
  if (all.length) throw new AppError('VALIDATION_FAILED', all.map((i) => `${i.path}: ${i.message}`).join('; '), all);
}

/** Inserts validated drafts and announces them; returns the created shifts. */
export async function insertDrafts(tx: DbOrTx, actor: Actor, drafts: ShiftDraft[], organisationOf: (locationId: string) => string | undefined, seriesId: string | null) {
  const ids = await repo.insertShifts(
    tx,
    drafts.map((d): typeof shifts.$inferInsert => ({ ...d, organisationId: organisationOf(d.locationId)!, seriesId, createdByUserId: actor.userId })),
  );
  await notify(tx, { type: 'shift.posted', shiftIds: ids });
  const rows = await repo.selectShiftsByIds(tx, ids);
  return rows.map(toShift);
}

export async function postShift(db: Db, actor: Actor, input: TCreateShiftRequest): Promise<TShift> {
  const draft = { ...input, start: new Date(input.start), end: new Date(input.end) };
  return db.transaction(async (tx) => {
    const { issues, organisationOf } = await validateShiftDrafts(tx, actor, [draft], () => '');
    throwIfAny(issues);
    const [shift] = await insertDrafts(tx, actor, [draft], organisationOf, null);
    return shift!;
  });
}

/** Expands a series into dated shifts in the location's time zone (so DST is right). */
export function expandSeries(input: TCreateShiftSeriesRequest, timeZone: string): { start: Date; end: Date }[] {
  const out: { start: Date; end: Date }[] = [];
  const last = DateTime.fromISO(input.toDate, { zone: timeZone });
  for (let day = DateTime.fromISO(input.fromDate, { zone: timeZone }); day <= last; day = day.plus({ days: 1 })) {
    if (!input.weekdays.includes(day.weekday)) continue;
    const start = DateTime.fromISO(`${day.toISODate()!}T${input.startTime}`, { zone: timeZone });
    let end = DateTime.fromISO(`${day.toISODate()!}T${input.endTime}`, { zone: timeZone });
    if (end <= start) end = DateTime.fromISO(`${day.plus({ days: 1 }).toISODate()!}T${input.endTime}`, { zone: timeZone });
    out.push({ start: start.toJSDate(), end: end.toJSDate() });
  }
  return out;
}

export async function postSeries(db: Db, actor: Actor, input: TCreateShiftSeriesRequest) {
  const [location] = await db.select({ timeZone: locations.timeZone }).from(locations).where(eq(locations.id, input.locationId));
  if (!location) throw new AppError('VALIDATION_FAILED', 'Unknown location', [{ path: 'locationId', message: 'does not exist' }]);
  const times = expandSeries(input, location.timeZone);
  if (times.length === 0) throw new AppError('VALIDATION_FAILED', 'No date in the range falls on the chosen weekdays', [{ path: 'weekdays', message: 'no date in the range falls on these weekdays' }]);
  const { weekdays: _w, startTime: _s, endTime: _e, fromDate: _f, toDate: _t, ...fields } = input;
  const drafts = times.map((t) => ({ ...fields, ...t }));
  return db.transaction(async (tx) => {
    const { issues, organisationOf } = await validateShiftDrafts(tx, actor, drafts.slice(0, 1), () => '');
    throwIfAny(issues);
    const seriesId = randomUUID();
    return { seriesId, shifts: await insertDrafts(tx, actor, drafts, organisationOf, seriesId) };
  });
}

export async function getShiftDetail(db: Db, actor: Actor, id: string): Promise<TShiftDetail> {
  const row = await repo.findShift(db, id, repo.shiftManagerScope(actor));
  if (!row) throw notFound('Shift', id);
  const attendees = await repo.listAttendees(db, id);
  return {
    ...toShift(row),
    attendees: attendees.map((a) => ({
      assignmentId: a.assignmentId,
      workerId: a.workerId,
      name: `${a.firstName} ${a.lastName}`,
      kind: a.kind,
      isNewcomer: a.isNewcomer,
      status: a.status as 'pending' | 'confirmed',
      email: a.email,
      phone: a.phone,
    })),
  };
}

export async function requireManagedShift(db: DbOrTx, actor: Actor, id: string) {
  const row = await repo.findShift(db, id, repo.shiftManagerScope(actor));
  if (!row) throw notFound('Shift', id);
  if (!canManageOrganisation(actor, { id: row.organisationId, regionId: row.regionId })) throw forbidden('You do not plan for this organisation');
  return row;
}

/** Cancels a shift and every live assignment on it; the workers see the reason. */
export async function cancelShift(db: Db, actor: Actor, id: string, reason: string): Promise<TShift> {
  return db.transaction(async (tx) => {
    const row = await requireManagedShift(tx, actor, id);
    if (row.status === 'cancelled') throw new AppError('CONFLICT', 'This shift is already cancelled');
    await repo.lockShift(tx, id);
    const live = await tx
      .update(assignments)
      .set({ status: 'cancelled', reason, decidedAt: new Date(), decidedByUserId: actor.userId })
      .where(and(eq(assignments.shiftId, id), inArray(assignments.status, ['pending', 'confirmed'])))
      .returning({ id: assignments.id });
    await repo.cancelShift(tx, id, reason);
    await notify(tx, { type: 'shift.cancelled', shiftId: id, reason, assignmentIds: live.map((a) => a.id) });
    return toShift((await repo.findShift(tx, id))!);
  });
}

export async function getOrganisationSettings(db: Db, actor: Actor, organisationId: string): Promise<TOrganisationSettings> {
  const organisation = await findOrganisation(db, actor, organisationId);
  if (!organisation) throw notFound('Organisation', organisationId);
  const [row] = await db
    .select({ claimMode: organisations.claimMode, cancelCutoffHours: organisations.cancelCutoffHours, swapNeedsApproval: organisations.swapNeedsApproval })
    .from(organisations)
    .where(eq(organisations.id, organisationId));
  return row!;
}

export async function updateOrganisationSettings(db: Db, actor: Actor, organisationId: string, patch: Partial<TOrganisationSettings>) {
  const organisation = await findOrganisation(db, actor, organisationId);
  if (!organisation) throw notFound('Organisation', organisationId);
  if (!canManageOrganisation(actor, organisation)) throw forbidden('You do not manage this organisation');
  if (Object.keys(patch).length) await db.update(organisations).set(patch).where(eq(organisations.id, organisationId));
  return getOrganisationSettings(db, actor, organisationId);
}
