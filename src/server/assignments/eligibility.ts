// The marketplace asks the planning engine's own hard constraints whether a worker may take a
// shift: one implementation of the rules for claims, approvals, swaps, ranking and auto-planning.
// The database facts become a small planning problem (format v1): the candidate shifts, the shifts
// the worker already holds (on the plan), and the other people on each candidate shift (occupants).
import { and, eq, gt, inArray, lt, ne, sql } from 'drizzle-orm';
import { DateTime } from 'luxon';
import { compileOrThrow } from '../../solver/regional/compile.js';
import { hardConstraints, type EligibilityRule, type Reason } from '../../solver/regional/constraints/index.js';
import type { ProblemDocument } from '../../solver/regional/documents.js';
import { Plan } from '../../solver/regional/plan.js';
import type { TRegionRules } from '../../shared/regions.schemas.js';
import type { DbOrTx } from '../db/open-database.js';
import { loadWorkerEntries } from '../planning/worker-facts.js';
import {
  activityPackages,
  assignments,
  locations,
  shifts,
  workers,
} from '../db/schema.js';

const DAY_MS = 86_400_000;
const PADDING_MS = 8 * DAY_MS;

export type RuleViolation = { rule: EligibilityRule; message: string; params: Record<string, number | string | null> };

/** JSON has no infinity: a missing registration (-Infinity) travels as null. */
export const toJsonParams = (params: Reason['params']) =>
  Object.fromEntries(Object.entries(params).map(([k, v]) => [k, typeof v === 'number' && !Number.isFinite(v) ? null : v]));

export type ShiftFacts = {
  id: string;
  locationId: string;
  organisationId: string;
  packageId: string;
  requiresRegistration: boolean;
  start: Date;
  end: Date;
  places: number;
  supervisionCapacity: number;
  lat: number;
  lon: number;
};

const minutes = (m: number) => `${Math.floor(m / 60)} h${m % 60 ? ` ${Math.round(m % 60)} min` : ''}`;

/** An English sentence per rule; the web app words them in Dutch or English from `rule` and `params`. */
export function describe(rule: EligibilityRule, params: Reason['params']): string {
  switch (rule) {
    case 'package':
      return 'You do not have the activity package this shift needs';
    case 'registration':
      return Number.isFinite(Number(params.registrationExpires))
        ? `Your registration expires on ${new Date(Number(params.registrationExpires) - 1).toISOString().slice(0, 10)}, before the shift ends`
        : 'This package needs a verified registration (BIG)';
    case 'availability':
      return 'The shift lies outside your availability';
    case 'unavailable':
      return 'You marked yourself unavailable at that time';
    case 'travel':
      return `The location is ${Number(params.distanceKm).toFixed(1)} km away; your maximum is ${String(params.maxTravelKm)} km`;
    case 'rest':
      return `Your rest next to another shift would be ${minutes(Number(params.restMinutes))}; at least ${minutes(Number(params.minRestMinutes))} is required`;
    case 'overlap':
      return 'You already have a shift at that time';
    case 'weeklyHours':
      return `That week you would work ${minutes(Number(params.minutes))}; your limit is ${minutes(Number(params.capMinutes))}`;
    case 'demand':
      return 'All places on this shift are taken';
    case 'supervision':
      return 'No supervision place is left for newcomers on this shift';
  }
}

/** Local Monday (or Sunday) 00:00 of the week holding `instant`, in the region's zone. */
export function weekStart(instant: number, rules: TRegionRules, timeZone: string): DateTime {
  const local = DateTime.fromMillis(instant, { zone: timeZone }).startOf('day');
  const offset = (local.weekday - rules.weekStartsOn + 7) % 7;
  return local.minus({ days: offset });
}

export async function loadShiftFacts(db: DbOrTx, ids: string[]): Promise<ShiftFacts[]> {
  if (ids.length === 0) return [];
  return db
    .select({
      id: shifts.id,
      locationId: shifts.locationId,
      organisationId: shifts.organisationId,
      packageId: shifts.packageId,
      requiresRegistration: activityPackages.requiresRegistration,
      start: shifts.start,
      end: shifts.end,
      places: shifts.places,
      supervisionCapacity: shifts.supervisionCapacity,
      lat: locations.lat,
      lon: locations.lon,
    })
    .from(shifts)
    .innerJoin(locations, eq(locations.id, shifts.locationId))
    .innerJoin(activityPackages, eq(activityPackages.id, shifts.packageId))
    .where(inArray(shifts.id, ids));
}

export type EligibilityInput = {
  workerId: string;
  shiftIds: string[];
  rules: TRegionRules;
  timeZone: string;
  /** Assignments to leave out of the picture (the claim being approved, the shift being swapped away). */
  ignoreAssignmentIds?: string[];
};

/**
 * A newcomer an organisation marked independent for a package no longer counts against supervision
 * capacity on that package's shifts: not as the worker asking, not as an occupant (`occupantIsNewcomer`).
 */
async function independentPackageIds(db: DbOrTx, workerId: string): Promise<Set<string>> {
  const result = (await db.execute(sql`select package_id as "packageId" from worker_package_independence where worker_id = ${workerId}`)) as { rows: { packageId: string }[] };
  return new Set(result.rows.map((r) => r.packageId));
}

/** Checks candidates of independent and of supervised packages apart: the worker's newcomer flag differs between them. */
async function checkByIndependence(db: DbOrTx, input: EligibilityInput, independentShiftIds: string[]): Promise<Map<string, RuleViolation[]>> {
  const others = input.shiftIds.filter((id) => !independentShiftIds.includes(id));
  const first = await checkEligibility(db, { ...input, shiftIds: independentShiftIds });
  return new Map([...first, ...(await checkEligibility(db, { ...input, shiftIds: others }))]);
}

/** Qualified by hand: the correlated subquery must see the outer assignment row. */
const occupantIsNewcomer = sql<boolean>`("assignments"."is_newcomer" and not exists (select 1 from worker_package_independence i join shifts s on s.id = "assignments"."shift_id" where i.worker_id = "assignments"."worker_id" and i.package_id = s.package_id))`;

/** Why the worker may not take each of the shifts (an empty list: they may). */
export async function checkEligibility(db: DbOrTx, input: EligibilityInput): Promise<Map<string, RuleViolation[]>> {
  const result = new Map<string, RuleViolation[]>();
  if (input.shiftIds.length === 0) return result;
  const ignore = input.ignoreAssignmentIds ?? [];
  const [worker] = await db.select().from(workers).where(eq(workers.id, input.workerId));
  if (!worker) throw new Error(`no worker ${input.workerId}`);
  const candidates = await loadShiftFacts(db, input.shiftIds);
  const independent = worker.isNewcomer ? await independentPackageIds(db, worker.id) : new Set<string>();
  const independentShiftIds = candidates.filter((c) => independent.has(c.packageId)).map((c) => c.id);
  if (independentShiftIds.length && independentShiftIds.length < candidates.length) return checkByIndependence(db, input, independentShiftIds);
  const from = Math.min(...candidates.map((s) => s.start.getTime())) - PADDING_MS;
  const to = Math.max(...candidates.map((s) => s.end.getTime())) + PADDING_MS;

  const held = await db
    .select({ assignmentId: assignments.id, shiftId: assignments.shiftId })
    .from(assignments)
    .where(
      and(
        eq(assignments.workerId, worker.id),
        inArray(assignments.status, ['pending', 'confirmed']),
        lt(assignments.start, new Date(to)),
        gt(assignments.end, new Date(from)),
        ignore.length ? sql`${assignments.id} not in ${ignore}` : undefined,
      ),
    );
  const heldShiftIds = held.map((h) => h.shiftId).filter((id) => !input.shiftIds.includes(id));
  const heldFacts = await loadShiftFacts(db, heldShiftIds);
  const occupants = await db
    .select({ id: assignments.id, shiftId: assignments.shiftId, isNewcomer: occupantIsNewcomer })
    .from(assignments)
    .where(
      and(
        inArray(assignments.shiftId, input.shiftIds),
        inArray(assignments.status, ['pending', 'confirmed']),
        ne(assignments.workerId, worker.id),
        ignore.length ? sql`${assignments.id} not in ${ignore}` : undefined,
      ),
    );
  const all = [...candidates, ...heldFacts];
  const horizonStart = weekStart(Math.min(...all.map((s) => s.start.getTime())), input.rules, input.timeZone);
  const lastEnd = Math.max(...all.map((s) => s.end.getTime()));
  let horizonEnd = horizonStart;
  while (horizonEnd.toMillis() < lastEnd) horizonEnd = horizonEnd.plus({ days: 7 });
  const iso = (ms: number) => new Date(ms).toISOString();
  const organisationIds = new Set(all.map((s) => s.organisationId));
  const entries = await loadWorkerEntries(
    db,
    [worker.id],
    { from: horizonStart.toJSDate(), to: horizonEnd.toJSDate(), timeZone: input.timeZone },
    // Only packages and organisations of the shifts at hand matter; the format rejects unknown ones.
    { packageIds: new Set(all.map((s) => s.packageId)), organisationIds },
  );
  const { regionId: _r, kind: _k, minDaysPerYear: _m, ...entry } = entries.get(worker.id)!;
  if (independentShiftIds.length) entry.newcomer = false;

  const shiftDoc = (s: ShiftFacts) => ({
    id: s.id,
    locationId: s.locationId,
    packageId: s.packageId,
    start: s.start.toISOString(),
    end: s.end.toISOString(),
    demand: Math.max(1, s.places),
    supervisionCapacity: s.supervisionCapacity,
  });
  const occupantWorker = (id: string, isNewcomer: boolean) => ({ id, lat: worker.homeLat, lon: worker.homeLon, maxTravelKm: 0, packages: [], newcomer: isNewcomer });
  const locationsById = new Map(all.map((s) => [s.locationId, { id: s.locationId, organisationId: s.organisationId, lat: s.lat, lon: s.lon }]));
  const doc: ProblemDocument = {
    format: 'harmonica.planning-problem/1',
    id: `eligibility-${worker.id}`,
    horizonStart: iso(horizonStart.toMillis()),
    horizonEnd: iso(horizonEnd.toMillis()),
    rules: { minRestMinutes: input.rules.minRestMinutes, maxMinutesPerWeek: input.rules.maxMinutesPerWeek },
    packages: [...new Map(all.map((s) => [s.packageId, { id: s.packageId, requiresRegistration: s.requiresRegistration }])).values()],
    organisations: [...organisationIds].map((id) => ({ id })),
    locations: [...locationsById.values()],
    shifts: all.map(shiftDoc),
    workers: [
      entry,
      ...occupants.map((o) => occupantWorker(`occupant-${o.id}`, o.isNewcomer)),
    ],
  };
  const problem = compileOrThrow(doc);
  const plan = new Plan(problem);
  const w = problem.workerIndex.get(worker.id)!;
  for (const h of heldFacts) plan.add(problem.shiftIndex.get(h.id)!, w);
  for (const o of occupants) plan.add(problem.shiftIndex.get(o.shiftId)!, problem.workerIndex.get(`occupant-${o.id}`)!);
  for (const c of candidates) {
    const shift = problem.shiftIndex.get(c.id)!;
    const violations: RuleViolation[] = [];
    for (const constraint of hardConstraints) {
      const reason = constraint.whyNot(plan, shift, w);
      if (reason) violations.push({ rule: reason.rule, params: toJsonParams(reason.params), message: describe(reason.rule, reason.params) });
    }
    result.set(c.id, violations);
  }
  return result;
}
