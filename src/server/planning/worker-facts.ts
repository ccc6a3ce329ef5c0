// A worker as the planning engine sees them (format v1): home, radius, packages, registration,
// availability windows over the horizon, unavailability, weekly cap, preferences. Built in batches
// for auto-planning and for one worker at a time for claims.
import { sql, type SQL } from 'drizzle-orm';
import { DateTime } from 'luxon';
import type { ProblemDocument } from '../../solver/regional/documents.js';
import type { DbOrTx } from '../db/open-database.js';
import type { workers } from '../db/schema.js';

export type WorkerEntry = ProblemDocument['workers'][number];
export type WorkerEntryWithProfile = WorkerEntry & { regionId: string; kind: string; minDaysPerYear: number | null };

type TimeWindow = { start: number; end: number };

/** Everything about a worker that a rule reads, as stored: one row per worker from loadWorkerFacts. */
export type WorkerFacts = {
  id: string;
  regionId: string;
  kind: (typeof workers.kind.enumValues)[number];
  homeLat: number;
  homeLon: number;
  maxTravelKm: number;
  maxMinutesPerWeek: number | null;
  desiredMinutesPerWeek: number | null;
  minDaysPerYear: number | null;
  isNewcomer: boolean;
  packageIds: string[];
  /** Packages in which an organisation marked the newcomer independent: no supervision place needed there. */
  independentPackageIds: string[];
  preferredOrganisationIds: string[];
  /** The latest expiry date (YYYY-MM-DD) of a verified BIG registration, or null. */
  registrationExpiresOn: string | null;
  weekly: { weekday: number; startMinute: number; endMinute: number }[];
  /**
   * Whether the worker has ever stated dated availability (an "available" exception, at any time).
   * A worker who states availability, weekly or dated, is available only then; one who states none
   * is available at any time. Read over all their exceptions, not the window asked for, so that every
   * check (open shifts, claims, ranking, planning) gives the same answer whatever window it reads.
   */
  hasDatedAvailability: boolean;
  /** Dated exceptions overlapping the window asked for (ms instants). */
  exceptions: (TimeWindow & { isAvailable: boolean })[];
};

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

type FactsRow = Omit<WorkerFacts, 'exceptions'> & { exceptions: [number, number, boolean][] };

/**
 * The workers' facts in one statement (packages, preferences, registration, weekly windows and the
 * exceptions overlapping `window` aggregated per worker), so a claim costs one round trip here.
 * With `isLocked`, the worker rows are locked (`for update`) by the same statement.
 */
export async function loadWorkerFacts(db: DbOrTx, workerIds: string[], window: { from: Date; to: Date }, options: { isLocked?: boolean } = {}): Promise<Map<string, WorkerFacts>> {
  const out = new Map<string, WorkerFacts>();
  if (workerIds.length === 0) return out;
  const result = (await db.execute(workerFactsSql(workerIds, window, options))) as { rows: WorkerFactsRow[] };
  for (const row of result.rows) out.set(row.id, toWorkerFacts(row));
  return out;
}

/** A row of `workerFactsSql`. */
export type WorkerFactsRow = FactsRow;
export const toWorkerFacts = (row: WorkerFactsRow): WorkerFacts => ({
  ...row,
  exceptions: row.exceptions.map(([start, end, isAvailable]) => ({ start, end, isAvailable })),
});

/** The statement of `loadWorkerFacts` (one `WorkerFactsRow` per worker), to be read with more in one snapshot. */
export function workerFactsSql(workerIds: string[], window: { from: Date; to: Date }, options: { isLocked?: boolean } = {}): SQL {
  const ids = [...new Set(workerIds)].sort();
  return sql`
    select w.id, w.region_id as "regionId", w.kind, w.home_lat as "homeLat", w.home_lon as "homeLon", w.max_travel_km as "maxTravelKm",
      w.max_minutes_per_week as "maxMinutesPerWeek", w.desired_minutes_per_week as "desiredMinutesPerWeek",
      w.min_days_per_year as "minDaysPerYear", w.is_newcomer as "isNewcomer",
      coalesce((select json_agg(p.package_id) from worker_packages p where p.worker_id = w.id), '[]') as "packageIds",
      coalesce((select json_agg(i.package_id) from worker_package_independence i where i.worker_id = w.id), '[]') as "independentPackageIds",
      coalesce((select json_agg(o.organisation_id) from worker_preferred_organisations o where o.worker_id = w.id), '[]') as "preferredOrganisationIds",
      (select max(c.expires_on)::text from credentials c where c.worker_id = w.id and c.kind = 'big' and c.verification_status = 'verified') as "registrationExpiresOn",
      coalesce((select json_agg(json_build_object('weekday', a.weekday, 'startMinute', a.start_minute, 'endMinute', a.end_minute))
                  from worker_weekly_availability a where a.worker_id = w.id), '[]') as weekly,
      exists (select 1 from worker_availability_exceptions e where e.worker_id = w.id and e.is_available) as "hasDatedAvailability",
      coalesce((select json_agg(json_build_array(floor(extract(epoch from e.start) * 1000), floor(extract(epoch from e."end") * 1000), e.is_available))
                  from worker_availability_exceptions e where e.worker_id = w.id and e.start < ${window.to.toISOString()} and e."end" > ${window.from.toISOString()}), '[]') as exceptions
    from workers w
    where w.id = any(${sql.param(ids)}::uuid[])
    order by w.id
    ${options.isLocked ? sql`for update of w` : sql``}`;
}

/** The worker as format v1 has it, over the horizon; only the packages and organisations in `options`, when given. */
export function toWorkerEntry(
  w: WorkerFacts,
  horizon: { from: Date; to: Date; timeZone: string },
  options: { packageIds?: Set<string>; organisationIds?: Set<string>; weeks?: number } = {},
): WorkerEntryWithProfile {
  const from = horizon.from.getTime();
  const to = horizon.to.getTime();
  const dated = w.exceptions.filter((e) => e.start < to && e.end > from);
  const available: { start: string; end: string }[] = [];
  if (w.weekly.length) {
    // Only here: zone arithmetic is costly, and most workers checked at once state no weekly windows.
    const first = DateTime.fromJSDate(horizon.from, { zone: horizon.timeZone }).startOf('day').minus({ days: 1 });
    const last = DateTime.fromJSDate(horizon.to, { zone: horizon.timeZone });
    // Local midnights, one luxon step per day (two more for windows past midnight).
    const days: DateTime[] = [];
    for (let day = first; day < last; day = day.plus({ days: 1 })) days.push(day);
    const count = days.length;
    if (count) days.push(days[count - 1]!.plus({ days: 1 }), days[count - 1]!.plus({ days: 2 }));
    const at = (d: number, minute: number): number => {
      const day = days[d + Math.floor(minute / 1440)]!;
      const next = days[d + Math.floor(minute / 1440) + 1];
      // On a day without a clock change a local minute is midnight plus that many minutes; on a
      // clock-change day the calendar arithmetic of atLocalMinute.
      if (next && next.offset === day.offset) return day.toMillis() + (minute % 1440) * 60_000;
      return atLocalMinute(days[d]!, minute).toMillis();
    };
    for (let d = 0; d < count; d++) {
      const weekday = days[d]!.weekday;
      for (const window of w.weekly) {
        if (window.weekday === weekday) available.push({ start: iso(at(d, window.startMinute)), end: iso(at(d, window.endMinute)) });
      }
    }
  }
  for (const e of dated.filter((x) => x.isAvailable)) available.push({ start: iso(e.start), end: iso(e.end) });
  // A registration runs through its expiry date, in the region's zone.
  const expires = w.registrationExpiresOn ? DateTime.fromISO(w.registrationExpiresOn, { zone: horizon.timeZone }).plus({ days: 1 }).toMillis() : null;
  const heldPackages = w.packageIds.filter((id) => !options.packageIds || options.packageIds.has(id));
  const preferredOrganisations = w.preferredOrganisationIds.filter((id) => !options.organisationIds || options.organisationIds.has(id));
  return {
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
    ...(w.weekly.length || w.hasDatedAvailability ? { available } : {}),
    unavailable: dated.filter((x) => !x.isAvailable).map((e) => ({ start: iso(e.start), end: iso(e.end) })),
    ...(w.maxMinutesPerWeek ? { maxMinutesPerWeek: w.maxMinutesPerWeek } : {}),
    ...(w.desiredMinutesPerWeek !== null && options.weeks ? { desiredMinutes: w.desiredMinutesPerWeek * options.weeks } : {}),
    ...(preferredOrganisations.length ? { preferredOrganisations } : {}),
    hourlyCost: HOURLY_COST_BY_KIND[w.kind],
  };
}

export async function loadWorkerEntries(
  db: DbOrTx,
  workerIds: string[],
  horizon: { from: Date; to: Date; timeZone: string },
  options: { packageIds?: Set<string>; organisationIds?: Set<string>; weeks?: number } = {},
): Promise<Map<string, WorkerEntryWithProfile>> {
  const facts = await loadWorkerFacts(db, workerIds, horizon);
  const out = new Map<string, WorkerEntryWithProfile>();
  // In the order asked for, as the callers' documents list them.
  for (const id of workerIds) {
    const w = facts.get(id);
    if (w && !out.has(id)) out.set(id, toWorkerEntry(w, horizon, options));
  }
  return out;
}
