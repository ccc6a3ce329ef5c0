// A worker as the planning engine sees them (format v1): home, radius, packages, registration,
// availability windows over the horizon, unavailability, weekly cap, preferences. Built in batches
// for auto-planning and for one worker at a time for claims.
import { and, eq, gt, inArray, lt, sql } from 'drizzle-orm';
import { DateTime } from 'luxon';
import type { ProblemDocument } from '../../solver/regional/documents.js';
import type { DbOrTx } from '../db/open-database.js';
import { credentials, workerAvailabilityExceptions, workerPackages, workerPreferredOrganisations, workers, workerWeeklyAvailability } from '../db/schema.js';

export type WorkerEntry = ProblemDocument['workers'][number];

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * The instant of a local clock time, `minute` minutes into `day` (beyond 1440: the next day).
 * Calendar arithmetic, not elapsed time: a window until 08:15 ends at 08:15 on a clock-change night too.
 */
export function atLocalMinute(day: DateTime, minute: number): DateTime {
  return day.plus({ days: Math.floor(minute / 1440) }).set({ hour: Math.floor((minute % 1440) / 60), minute: minute % 60, second: 0, millisecond: 0 });
}

/** Hourly cost by kind, for the cost term: flex work through agencies costs more (domain.md §6). */
export const HOURLY_COST_BY_KIND: Record<(typeof workers.kind.enumValues)[number], number> = {
  own_staff: 38,
  reservist: 35,
  flex: 48,
  side_entrant: 30,
  student: 25,
};

export async function loadWorkerEntries(
  db: DbOrTx,
  workerIds: string[],
  horizon: { from: Date; to: Date; timeZone: string },
  options: { packageIds?: Set<string>; organisationIds?: Set<string>; weeks?: number } = {},
): Promise<Map<string, WorkerEntry & { regionId: string; kind: string; minDaysPerYear: number | null }>> {
  const out = new Map<string, WorkerEntry & { regionId: string; kind: string; minDaysPerYear: number | null }>();
  if (workerIds.length === 0) return out;
  const rows = await db.select().from(workers).where(inArray(workers.id, workerIds));
  const group = <T extends { workerId: string }>(list: T[]) => {
    const map = new Map<string, T[]>();
    for (const item of list) map.set(item.workerId, [...(map.get(item.workerId) ?? []), item]);
    return map;
  };
  const packages = group(await db.select().from(workerPackages).where(inArray(workerPackages.workerId, workerIds)));
  const preferred = group(await db.select().from(workerPreferredOrganisations).where(inArray(workerPreferredOrganisations.workerId, workerIds)));
  const registrations = new Map(
    (
      await db
        .select({ workerId: credentials.workerId, expiresOn: sql<string | null>`max(${credentials.expiresOn})::text` })
        .from(credentials)
        .where(and(inArray(credentials.workerId, workerIds), eq(credentials.kind, 'big'), eq(credentials.verificationStatus, 'verified')))
        .groupBy(credentials.workerId)
    ).map((r) => [r.workerId, r.expiresOn]),
  );
  const weekly = group(await db.select().from(workerWeeklyAvailability).where(inArray(workerWeeklyAvailability.workerId, workerIds)));
  const exceptions = group(
    await db
      .select()
      .from(workerAvailabilityExceptions)
      .where(and(inArray(workerAvailabilityExceptions.workerId, workerIds), lt(workerAvailabilityExceptions.start, horizon.to), gt(workerAvailabilityExceptions.end, horizon.from))),
  );
  const first = DateTime.fromJSDate(horizon.from, { zone: horizon.timeZone }).startOf('day').minus({ days: 1 });
  const last = DateTime.fromJSDate(horizon.to, { zone: horizon.timeZone });
  for (const w of rows) {
    const windows = weekly.get(w.id) ?? [];
    const dated = exceptions.get(w.id) ?? [];
    const available: { start: string; end: string }[] = [];
    if (windows.length) {
      for (let day = first; day < last; day = day.plus({ days: 1 })) {
        for (const window of windows) {
          if (window.weekday === day.weekday) {
            available.push({ start: iso(atLocalMinute(day, window.startMinute).toMillis()), end: iso(atLocalMinute(day, window.endMinute).toMillis()) });
          }
        }
      }
    }
    for (const e of dated.filter((x) => x.isAvailable)) available.push({ start: e.start.toISOString(), end: e.end.toISOString() });
    const expiresOn = registrations.get(w.id);
    // A registration runs through its expiry date, in the region's zone.
    const expires = expiresOn ? DateTime.fromISO(expiresOn, { zone: horizon.timeZone }).plus({ days: 1 }).toMillis() : null;
    const heldPackages = (packages.get(w.id) ?? []).map((p) => p.packageId).filter((id) => !options.packageIds || options.packageIds.has(id));
    const preferredOrganisations = (preferred.get(w.id) ?? []).map((p) => p.organisationId).filter((id) => !options.organisationIds || options.organisationIds.has(id));
    out.set(w.id, {
      id: w.id,
      regionId: w.regionId,
      kind: w.kind,
      minDaysPerYear: w.minDaysPerYear,
      lat: w.homeLat,
      lon: w.homeLon,
      maxTravelKm: w.maxTravelKm,
      packages: heldPackages,
      registrationExpires: expires === null ? null : iso(expires),
      newcomer: w.isNewcomer,
      ...(windows.length || available.length ? { available } : {}),
      unavailable: dated.filter((x) => !x.isAvailable).map((e) => ({ start: e.start.toISOString(), end: e.end.toISOString() })),
      ...(w.maxMinutesPerWeek ? { maxMinutesPerWeek: w.maxMinutesPerWeek } : {}),
      ...(w.desiredMinutesPerWeek !== null && options.weeks ? { desiredMinutes: w.desiredMinutesPerWeek * options.weeks } : {}),
      ...(preferredOrganisations.length ? { preferredOrganisations } : {}),
      hourlyCost: HOURLY_COST_BY_KIND[w.kind],
    });
  }
  return out;
}
