import { and, asc, eq, gte, inArray, lt, sql, type SQL } from 'drizzle-orm';
import type { Actor } from '../auth/actor.js';
import { isAdmin, plannerOrganisationIds, regionIdsAs } from '../auth/actor.js';
import type { DbOrTx } from '../db/open-database.js';
import { preparedFor } from '../db/prepared.js';
import { activityPackages, assignments, locations, organisations, shifts, workers } from '../db/schema.js';

/**
 * Shifts with their fill, as planners and coordinators see them: planners of the organisation,
 * the region's mediators and coordinators, admins.
 */
export function shiftManagerScope(actor: Actor): SQL | undefined {
  if (isAdmin(actor)) return undefined;
  const orgs = plannerOrganisationIds(actor);
  const regions = regionIdsAs(actor, 'mediator', 'coordinator');
  const parts: SQL[] = [];
  if (orgs.length) parts.push(inArray(shifts.organisationId, orgs));
  if (regions.length) parts.push(inArray(organisations.regionId, regions));
  return parts.length ? sql`(${sql.join(parts, sql` or `)})` : sql`false`;
}

// A shift's confirmed and pending assignments, counted in one pass per shift (a lateral join) rather
// than by two correlated subqueries. Qualified by hand, as drizzle leaves single-table selects
// unqualified (see organisations.repo.ts).
const fill = sql`(select (count(*) filter (where a.status = 'confirmed'))::int as filled, (count(*) filter (where a.status = 'pending'))::int as pending
  from assignments a where a.shift_id = "shifts"."id") fill`;
const filled = sql<number>`fill.filled`;
const pending = sql<number>`fill.pending`;

export const shiftColumns = {
  id: shifts.id,
  organisationId: shifts.organisationId,
  organisationName: organisations.name,
  regionId: organisations.regionId,
  locationId: shifts.locationId,
  locationName: locations.name,
  timeZone: locations.timeZone,
  lat: locations.lat,
  lon: locations.lon,
  packageId: shifts.packageId,
  packageCode: activityPackages.code,
  requiresRegistration: activityPackages.requiresRegistration,
  start: shifts.start,
  end: shifts.end,
  places: shifts.places,
  priority: shifts.priority,
  supervisionCapacity: shifts.supervisionCapacity,
  notes: shifts.notes,
  status: shifts.status,
  seriesId: shifts.seriesId,
  cancelReason: shifts.cancelReason,
  filled,
  pending,
};

export type ShiftRow = Awaited<ReturnType<typeof selectShifts>>[number];

const shiftsSelect = (db: DbOrTx) =>
  db
    .select(shiftColumns)
    .from(shifts)
    .innerJoin(organisations, eq(organisations.id, shifts.organisationId))
    .innerJoin(locations, eq(locations.id, shifts.locationId))
    .innerJoin(activityPackages, eq(activityPackages.id, shifts.packageId))
    .leftJoinLateral(fill, sql`true`);

export function selectShifts(db: DbOrTx, where: SQL | undefined, limit = 1000) {
  return shiftsSelect(db).where(where).orderBy(asc(shifts.start), asc(shifts.id)).limit(limit);
}

/** The shifts with these ids, by start: one statement prepared once per database handle (lists run it per request). */
export async function selectShiftsByIds(db: DbOrTx, ids: string[]): Promise<ShiftRow[]> {
  if (ids.length === 0) return [];
  const statement = preparedFor(db, 'shifts_by_ids', () =>
    shiftsSelect(db)
      .where(sql`${shifts.id} = any(${sql.placeholder('ids')}::uuid[])`)
      .orderBy(asc(shifts.start), asc(shifts.id))
      .prepare('shifts_by_ids'),
  );
  return statement.execute({ ids });
}

export async function listShifts(
  db: DbOrTx,
  actor: Actor,
  query: { organisationId?: string | undefined; locationId?: string | undefined; from?: string | undefined; to?: string | undefined; status?: 'open' | 'cancelled' | undefined; limit: number },
) {
  return selectShifts(
    db,
    and(
      shiftManagerScope(actor),
      query.organisationId ? eq(shifts.organisationId, query.organisationId) : undefined,
      query.locationId ? eq(shifts.locationId, query.locationId) : undefined,
      query.from ? gte(shifts.end, new Date(query.from)) : undefined,
      query.to ? lt(shifts.start, new Date(query.to)) : undefined,
      query.status ? eq(shifts.status, query.status) : undefined,
    ),
    query.limit,
  );
}

export async function findShift(db: DbOrTx, id: string, scope?: SQL) {
  const [row] = await selectShifts(db, and(eq(shifts.id, id), scope), 1);
  return row;
}

export async function insertShifts(db: DbOrTx, rows: (typeof shifts.$inferInsert)[]) {
  if (rows.length === 0) return [];
  const out: string[] = [];
  for (let i = 0; i < rows.length; i += 500) {
    const inserted = await db.insert(shifts).values(rows.slice(i, i + 500)).returning({ id: shifts.id });
    out.push(...inserted.map((r) => r.id));
  }
  return out;
}

/** The people on a shift: only what a planner needs to receive them. */
export async function listAttendees(db: DbOrTx, shiftId: string) {
  return db
    .select({
      assignmentId: assignments.id,
      workerId: workers.id,
      firstName: workers.firstName,
      lastName: workers.lastName,
      kind: workers.kind,
      isNewcomer: assignments.isNewcomer,
      status: assignments.status,
      email: workers.email,
      phone: workers.phone,
    })
    .from(assignments)
    .innerJoin(workers, eq(workers.id, assignments.workerId))
    .where(and(eq(assignments.shiftId, shiftId), inArray(assignments.status, ['pending', 'confirmed'])))
    .orderBy(assignments.createdAt);
}

export async function cancelShift(db: DbOrTx, id: string, reason: string) {
  await db.update(shifts).set({ status: 'cancelled', cancelReason: reason, cancelledAt: new Date() }).where(eq(shifts.id, id));
}

/** Locks the shift row: claims, approvals and swaps on one shift run one after another. */
export async function lockShift(db: DbOrTx, id: string) {
  await db.execute(sql`select id from shifts where id = ${id} for update`);
}
