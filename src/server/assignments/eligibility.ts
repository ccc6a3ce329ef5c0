// The marketplace asks the planning engine's own hard constraints whether a worker may take a
// shift: one implementation of the rules for claims, approvals, swaps, ranking and auto-planning.
// The database facts become a small planning problem (format v1): the candidate shifts, the shifts
// the worker already holds (on the plan), and the other people on each candidate shift (occupants).
import { sql } from 'drizzle-orm';
import { DateTime } from 'luxon';
import { compileOrThrow } from '../../solver/regional/compile.js';
import { hardConstraints, type EligibilityRule, type Reason } from '../../solver/regional/constraints/index.js';
import type { ProblemDocument } from '../../solver/regional/documents.js';
import { Plan } from '../../solver/regional/plan.js';
import type { TRegionRules } from '../../shared/regions.schemas.js';
import type { DbOrTx } from '../db/open-database.js';
import { loadWorkerFacts, type WorkerFacts } from '../planning/worker-facts.js';
import { workerEntry } from './weekly-windows.js';

const DAY_MS = 86_400_000;
const PADDING_MS = 8 * DAY_MS;
/** The horizon starts on the week's first day and ends on a week boundary: up to a week beyond the padding. */
const WINDOW_MARGIN_MS = 8 * DAY_MS;

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

// Zone arithmetic in luxon asks Intl for offsets and costs tens of microseconds a step; the week
// starts of shift starts and the week after a week start repeat across checks: memoised per process
// (per zone and week start day; cleared when large).
const weekStarts = new Map<string, Map<number, DateTime>>();
const nextWeeks = new Map<string, Map<number, DateTime>>();
const MAX_MEMO = 100_000;

function memo<T>(all: Map<string, Map<number, T>>, key: string, at: number, compute: () => T): T {
  let one = all.get(key);
  if (!one || one.size > MAX_MEMO) all.set(key, (one = new Map<number, T>()));
  let value = one.get(at);
  if (value === undefined) one.set(at, (value = compute()));
  return value;
}

/** Local Monday (or Sunday) 00:00 of the week holding `instant`, in the region's zone. */
export function weekStart(instant: number, rules: TRegionRules, timeZone: string): DateTime {
  return memo(weekStarts, `${timeZone} ${rules.weekStartsOn}`, instant, () => {
    const local = DateTime.fromMillis(instant, { zone: timeZone }).startOf('day');
    const offset = (local.weekday - rules.weekStartsOn + 7) % 7;
    return local.minus({ days: offset });
  });
}

/** Whole weeks, from the region's week start in the zone, that hold every shift. */
export function factsHorizon(shifts: readonly ShiftFacts[], rules: TRegionRules, timeZone: string): { start: DateTime; end: DateTime } {
  let first = Number.POSITIVE_INFINITY;
  let lastEnd = Number.NEGATIVE_INFINITY;
  for (const s of shifts) {
    first = Math.min(first, s.start.getTime());
    lastEnd = Math.max(lastEnd, s.end.getTime());
  }
  const start = weekStart(first, rules, timeZone);
  let end = start;
  while (end.toMillis() < lastEnd) {
    const from = end;
    end = memo(nextWeeks, timeZone, from.toMillis(), () => from.plus({ days: 7 }));
  }
  return { start, end };
}

/** A planning problem (format v1) over these shifts and workers; only the shifts' packages, organisations and locations are listed. */
export function factsProblemDocument(id: string, horizon: { start: DateTime; end: DateTime }, rules: TRegionRules, shifts: readonly ShiftFacts[], workers: ProblemDocument['workers']): ProblemDocument {
  return {
    format: 'harmonica.planning-problem/1',
    id,
    horizonStart: new Date(horizon.start.toMillis()).toISOString(),
    horizonEnd: new Date(horizon.end.toMillis()).toISOString(),
    rules: { minRestMinutes: rules.minRestMinutes, maxMinutesPerWeek: rules.maxMinutesPerWeek },
    packages: [...new Map(shifts.map((s) => [s.packageId, { id: s.packageId, requiresRegistration: s.requiresRegistration }])).values()],
    organisations: [...new Set(shifts.map((s) => s.organisationId))].map((id) => ({ id })),
    locations: [...new Map(shifts.map((s) => [s.locationId, { id: s.locationId, organisationId: s.organisationId, lat: s.lat, lon: s.lon }])).values()],
    shifts: shifts.map((s) => ({
      id: s.id,
      locationId: s.locationId,
      packageId: s.packageId,
      start: s.start.toISOString(),
      end: s.end.toISOString(),
      demand: Math.max(1, s.places),
      supervisionCapacity: s.supervisionCapacity,
    })),
    workers,
  };
}

const shiftFactColumns = sql`s.id, s.location_id as "locationId", s.organisation_id as "organisationId", s.package_id as "packageId",
  p.requires_registration as "requiresRegistration", floor(extract(epoch from s.start) * 1000)::float8 as start,
  floor(extract(epoch from s."end") * 1000)::float8 as "end", s.places, s.supervision_capacity as "supervisionCapacity", l.lat, l.lon`;
const shiftFactJoins = sql`join locations l on l.id = s.location_id join activity_packages p on p.id = s.package_id`;

type ShiftFactsRow = Omit<ShiftFacts, 'start' | 'end'> & { start: number; end: number };
/**
 * Built field by field, so that every ShiftFacts has one shape: objects made by spreading a rest
 * object end up with slow (dictionary) properties, and the rule checks read these fields of
 * thousands of shifts per request (ten times slower per read, measured on the bench region).
 */
export const toShiftFacts = (r: ShiftFactsRow): ShiftFacts => ({
  id: r.id,
  locationId: r.locationId,
  organisationId: r.organisationId,
  packageId: r.packageId,
  requiresRegistration: r.requiresRegistration,
  start: new Date(r.start),
  end: new Date(r.end),
  places: r.places,
  supervisionCapacity: r.supervisionCapacity,
  lat: r.lat,
  lon: r.lon,
});

export async function loadShiftFacts(db: DbOrTx, ids: string[]): Promise<ShiftFacts[]> {
  if (ids.length === 0) return [];
  const result = (await db.execute(sql`select ${shiftFactColumns} from shifts s ${shiftFactJoins} where s.id = any(${sql.param(ids)}::uuid[])`)) as { rows: ShiftFactsRow[] };
  return result.rows.map(toShiftFacts);
}

export type EligibilityInput = {
  workerId: string;
  shiftIds: string[];
  rules: TRegionRules;
  timeZone: string;
  /** Assignments to leave out of the picture (the claim being approved, the shift being swapped away). */
  ignoreAssignmentIds?: string[];
  /** The candidate shifts' facts when the caller has them already (then `shiftIds` is not read again). */
  shifts?: ShiftFacts[];
  /** The worker's facts when the caller has them already (a claim reads them with the worker lock). */
  worker?: WorkerFacts;
};

type Occupant = { id: string; shiftId: string; isNewcomer: boolean };

/** What a check reads besides the worker: the candidate shifts, the worker's other live shifts near them, and the people on the candidates. */
export type EligibilityFacts = {
  worker: WorkerFacts;
  candidates: ShiftFacts[];
  held: ShiftFacts[];
  occupants: Occupant[];
  /** Candidate shifts the worker is on already (live). */
  alreadyOn: Set<string>;
  /**
   * The batch the candidates were taken from, when they are part of one (candidates included): the
   * problem's weeks and the newcomer split are then those of a check of the whole batch, so checking
   * part of a batch gives each of its shifts what checking the whole batch would.
   */
  batch?: ShiftFacts[];
};

/** The window whose facts a check may read: the candidates, padded for rest and the week around them. */
export function factsWindow(candidates: { start: Date; end: Date }[]): { from: Date; to: Date } {
  const from = Math.min(...candidates.map((s) => s.start.getTime())) - PADDING_MS - WINDOW_MARGIN_MS;
  const to = Math.max(...candidates.map((s) => s.end.getTime())) + PADDING_MS + WINDOW_MARGIN_MS;
  return { from: new Date(from), to: new Date(to) };
}

type HeldOrOccupantRow = ShiftFactsRow & { assignmentId: string; isOwn: boolean; isNewcomer: boolean };

/**
 * The worker's live assignments within the padding of the candidates (with their shifts' facts) and
 * the other people live on the candidates, in one statement. Run it after locking the worker and the
 * shift: under READ COMMITTED each statement sees what was committed before it started.
 */
export async function loadEligibilityFacts(db: DbOrTx, worker: WorkerFacts, candidates: ShiftFacts[], ignoreAssignmentIds: string[] = []): Promise<EligibilityFacts> {
  const candidateIds = candidates.map((c) => c.id);
  const from = new Date(Math.min(...candidates.map((s) => s.start.getTime())) - PADDING_MS);
  const to = new Date(Math.max(...candidates.map((s) => s.end.getTime())) + PADDING_MS);
  // Two branches, each with an index to start from (the worker's assignments by start; the candidate
  // shifts by id): as one OR the planner estimated too many rows and joined every shift of the table
  // (bench:claims, 20,000 shifts: about 5 ms instead of 1).
  const live = sql`a.status in ('pending', 'confirmed') and not (a.id = any(${sql.param(ignoreAssignmentIds)}::uuid[]))`;
  const result = (await db.execute(sql`
    select a.id as "assignmentId", a.worker_id = ${worker.id} as "isOwn", (a.is_newcomer and not exists (select 1 from worker_package_independence i where i.worker_id = a.worker_id and i.package_id = s.package_id)) as "isNewcomer", ${shiftFactColumns}
    from (
      select a.id, a.worker_id, a.is_newcomer, a.shift_id from assignments a
        where a.worker_id = ${worker.id} and a.start < ${to.toISOString()} and a."end" > ${from.toISOString()} and ${live}
      union all
      select a.id, a.worker_id, a.is_newcomer, a.shift_id from shifts c join assignments a on a.shift_id = c.id
        where c.id = any(${sql.param(candidateIds)}::uuid[]) and a.worker_id <> ${worker.id} and ${live}
    ) a join shifts s on s.id = a.shift_id ${shiftFactJoins}`)) as { rows: HeldOrOccupantRow[] };
  const isCandidate = new Set(candidateIds);
  const held: ShiftFacts[] = [];
  const occupants: Occupant[] = [];
  const alreadyOn = new Set<string>();
  for (const { assignmentId, isOwn, isNewcomer, ...row } of result.rows) {
    if (!isOwn) occupants.push({ id: assignmentId, shiftId: row.id, isNewcomer });
    else if (isCandidate.has(row.id)) alreadyOn.add(row.id);
    else held.push(toShiftFacts(row));
  }
  return { worker, candidates, held, occupants, alreadyOn };
}

/** Why the worker may not take each of the shifts (an empty list: they may). */
export async function checkEligibility(db: DbOrTx, input: EligibilityInput): Promise<Map<string, RuleViolation[]>> {
  if (input.shiftIds.length === 0) return new Map();
  const candidates = input.shifts ?? (await loadShiftFacts(db, input.shiftIds));
  if (candidates.length === 0) return new Map();
  const worker = input.worker ?? (await loadWorkerFacts(db, [input.workerId], factsWindow(candidates))).get(input.workerId);
  if (!worker) throw new Error(`no worker ${input.workerId}`);
  const facts = await loadEligibilityFacts(db, worker, candidates, input.ignoreAssignmentIds);
  return evaluateEligibility(db, facts, input.rules, input.timeZone);
}

/**
 * The engine's hard constraints over the facts: a small planning problem (format v1) with the
 * candidate shifts, the worker's held shifts on the plan, and the occupants as stand-in workers.
 * Reads the database again only when a held shift reaches beyond the window the worker's dated
 * exceptions were read for.
 */
export async function evaluateEligibility(db: DbOrTx, facts: EligibilityFacts, rules: TRegionRules, timeZone: string): Promise<Map<string, RuleViolation[]>> {
  const { candidates, held, occupants } = facts;
  let { worker } = facts;
  const result = new Map<string, RuleViolation[]>();
  if (candidates.length === 0) return result;
  const batch = facts.batch ?? candidates;
  // A newcomer marked independent for a package takes no supervision place on that package's shifts.
  const independent = new Set(facts.worker.isNewcomer ? facts.worker.independentPackageIds : []);
  const independentIds = new Set(batch.filter((c) => independent.has(c.packageId)).map((c) => c.id));
  if (independentIds.size && independentIds.size < batch.length) {
    const part = (isIndependent: boolean): EligibilityFacts => ({
      ...facts,
      candidates: candidates.filter((c) => independentIds.has(c.id) === isIndependent),
      occupants: occupants.filter((o) => independentIds.has(o.shiftId) === isIndependent),
      ...(facts.batch ? { batch: facts.batch.filter((c) => independentIds.has(c.id) === isIndependent) } : {}),
    });
    return new Map([...(await evaluateEligibility(db, part(true), rules, timeZone)), ...(await evaluateEligibility(db, part(false), rules, timeZone))]);
  }
  const all = [...candidates, ...held];
  const weeks = factsHorizon(facts.batch ? [...facts.batch, ...held] : all, rules, timeZone);
  const horizon = { from: weeks.start.toJSDate(), to: weeks.end.toJSDate(), timeZone };
  const window = factsWindow(batch);
  if (horizon.from < window.from || horizon.to > window.to) worker = (await loadWorkerFacts(db, [worker.id], horizon)).get(worker.id) ?? worker;
  if (independentIds.size) worker = { ...worker, isNewcomer: false };
  const organisationIds = new Set(all.map((s) => s.organisationId));
  // Only packages and organisations of the shifts at hand matter; the format rejects unknown ones.
  const { regionId: _r, kind: _k, minDaysPerYear: _m, ...entry } = workerEntry(worker, horizon, { packageIds: new Set(all.map((s) => s.packageId)), organisationIds });
  const occupantWorker = (id: string, isNewcomer: boolean) => ({ id, lat: worker.homeLat, lon: worker.homeLon, maxTravelKm: 0, packages: [], newcomer: isNewcomer });
  const doc = factsProblemDocument(`eligibility-${worker.id}`, weeks, rules, all, [entry, ...occupants.map((o) => occupantWorker(`occupant-${o.id}`, o.isNewcomer))]);
  const problem = compileOrThrow(doc);
  const plan = new Plan(problem);
  const w = problem.workerIndex.get(worker.id)!;
  for (const h of held) plan.add(problem.shiftIndex.get(h.id)!, w);
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
