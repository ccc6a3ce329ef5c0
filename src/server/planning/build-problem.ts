// Builds a planning problem (format v1) from the database: the open places of a region or one
// organisation over a horizon, the region's pool, the region's rules, and every live assignment
// (confirmed or waiting) pinned, so re-planning never moves what a worker was promised.
import { and, eq, gt, inArray, lt } from 'drizzle-orm';
import type { ProblemDocument } from '../../solver/regional/documents.js';
import type { DbOrTx } from '../db/open-database.js';
import { activityPackages, assignments, locations, organisations, regions, shifts, workers } from '../db/schema.js';
import { loadWorkerEntries } from './worker-facts.js';

const DAY_MS = 86_400_000;

export type PlanningScope = { regionId: string; organisationId?: string | null; from: Date; to: Date; now?: Date };

export async function buildPlanningProblem(db: DbOrTx, scope: PlanningScope): Promise<{ document: ProblemDocument; pinnedCount: number }> {
  const now = scope.now ?? new Date();
  const [region] = await db.select().from(regions).where(eq(regions.id, scope.regionId));
  if (!region) throw new Error(`no region ${scope.regionId}`);
  const from = new Date(Math.max(scope.from.getTime(), now.getTime()));
  const regionOrganisations = await db.select({ id: organisations.id, name: organisations.name }).from(organisations).where(eq(organisations.regionId, region.id));

  // The shifts to plan: open, starting inside the horizon, of the region or the one organisation.
  const open = await db
    .select({ id: shifts.id })
    .from(shifts)
    .innerJoin(organisations, eq(organisations.id, shifts.organisationId))
    .where(
      and(
        eq(organisations.regionId, region.id),
        scope.organisationId ? eq(shifts.organisationId, scope.organisationId) : undefined,
        eq(shifts.status, 'open'),
        gt(shifts.start, from),
        lt(shifts.start, scope.to),
      ),
    );
  const pool = await db.select({ id: workers.id }).from(workers).where(eq(workers.regionId, region.id));
  const poolIds = pool.map((w) => w.id);

  // Live assignments of the pool near the horizon also hold time (rest, weekly hours): their shifts
  // join the problem, pinned, with demand equal to who is on them, so nobody is added there.
  const windowFrom = new Date(from.getTime() - 8 * DAY_MS);
  const windowTo = new Date(scope.to.getTime() + 8 * DAY_MS);
  const live = poolIds.length
    ? await db
        .select({ shiftId: assignments.shiftId, workerId: assignments.workerId })
        .from(assignments)
        .where(and(inArray(assignments.workerId, poolIds), inArray(assignments.status, ['pending', 'confirmed']), gt(assignments.end, windowFrom), lt(assignments.start, windowTo)))
    : [];
  const openIds = new Set(open.map((s) => s.id));
  const shiftIds = [...new Set([...openIds, ...live.map((l) => l.shiftId)])];
  const shiftRows = shiftIds.length
    ? await db
        .select({
          id: shifts.id,
          organisationId: shifts.organisationId,
          locationId: shifts.locationId,
          packageId: shifts.packageId,
          start: shifts.start,
          end: shifts.end,
          places: shifts.places,
          priority: shifts.priority,
          supervisionCapacity: shifts.supervisionCapacity,
          lat: locations.lat,
          lon: locations.lon,
        })
        .from(shifts)
        .innerJoin(locations, eq(locations.id, shifts.locationId))
        .where(inArray(shifts.id, shiftIds))
    : [];
  const liveCount = new Map<string, number>();
  for (const l of live) liveCount.set(l.shiftId, (liveCount.get(l.shiftId) ?? 0) + 1);

  const starts = shiftRows.map((s) => s.start.getTime());
  const ends = shiftRows.map((s) => s.end.getTime());
  const horizonStart = new Date(Math.min(from.getTime(), ...starts));
  const horizonEnd = new Date(Math.max(scope.to.getTime(), ...ends) + 1);
  const weeks = Math.max(1, Math.ceil((horizonEnd.getTime() - horizonStart.getTime()) / (7 * DAY_MS)));
  const packageIds = new Set(shiftRows.map((s) => s.packageId));
  const packages = packageIds.size
    ? await db.select({ id: activityPackages.id, name: activityPackages.nameNl, requiresRegistration: activityPackages.requiresRegistration }).from(activityPackages).where(inArray(activityPackages.id, [...packageIds]))
    : [];
  const workerEntries = await loadWorkerEntries(db, poolIds, { from: horizonStart, to: horizonEnd, timeZone: region.timeZone }, { packageIds, weeks });
  const horizonDays = (scope.to.getTime() - from.getTime()) / DAY_MS;

  const document: ProblemDocument = {
    format: 'harmonica.planning-problem/1',
    id: `${region.code}-${scope.organisationId ?? 'region'}-${from.toISOString().slice(0, 10)}`,
    horizonStart: horizonStart.toISOString(),
    horizonEnd: horizonEnd.toISOString(),
    rules: { minRestMinutes: region.rules.minRestMinutes, maxMinutesPerWeek: region.rules.maxMinutesPerWeek },
    packages,
    organisations: regionOrganisations,
    locations: [...new Map(shiftRows.map((s) => [s.locationId, { id: s.locationId, organisationId: s.organisationId, lat: s.lat, lon: s.lon }])).values()],
    shifts: shiftRows.map((s) => ({
      id: s.id,
      locationId: s.locationId,
      packageId: s.packageId,
      start: s.start.toISOString(),
      end: s.end.toISOString(),
      // Shifts outside the plan only carry who is already on them.
      demand: openIds.has(s.id) ? Math.max(s.places, liveCount.get(s.id) ?? 0) : Math.max(1, liveCount.get(s.id) ?? 0),
      priority: s.priority,
      supervisionCapacity: s.supervisionCapacity,
    })),
    workers: [...workerEntries.values()].map(({ regionId: _r, kind: _k, minDaysPerYear, ...entry }) => ({
      ...entry,
      // A reservist's yearly minimum, pro rata over the horizon, as a minimum number of shifts.
      ...(minDaysPerYear ? { minShifts: Math.ceil((minDaysPerYear * horizonDays) / 365) } : {}),
    })),
    pinned: live.map((l) => ({ shiftId: l.shiftId, workerId: l.workerId })),
  };
  return { document, pinnedCount: live.length };
}
