// Ranked candidates for a shift or a request: every worker of the region who could do it, ordered by
// a transparent score, and for the others why not. Ranking one shift against a whole region must be
// fast, so it runs in two stages: SQL narrows the region to a short list (package held, within the
// travel radius by a bounding box and then haversine, not already on the shift) and counts the rest
// by the rule that ruled them out; then the planning engine's own hard constraints (the same ones
// claims and auto-planning use) check the short list exactly, in ONE planning problem for all of it.
import { and, eq, gt, inArray, lt, sql } from 'drizzle-orm';
import { DateTime } from 'luxon';
import { compileOrThrow } from '../../solver/regional/compile.js';
import { hardConstraints, type EligibilityRule } from '../../solver/regional/constraints/index.js';
import type { ProblemDocument } from '../../solver/regional/documents.js';
import { Plan } from '../../solver/regional/plan.js';
import type { TCandidate, TCandidateList, TRuledOutGroup, TScorePart, TScorePartName } from '../../shared/mediation.schemas.js';
import type { TRegionRules } from '../../shared/regions.schemas.js';
import { describe, loadShiftFacts, toJsonParams, weekStart, type RuleViolation, type ShiftFacts } from '../assignments/eligibility.js';
import type { DbOrTx } from '../db/open-database.js';
import { assignments, shifts, workerPreferredOrganisations, workers } from '../db/schema.js';
import { loadWorkerEntries } from '../planning/worker-facts.js';

const DAY_MS = 86_400_000;
const PADDING_MS = 8 * DAY_MS;
/** SQL's haversine and the engine's may differ in the last digits: the exact check has the final word. */
const RADIUS_TOLERANCE_KM = 0.5;
/**
 * At most this many short-listed workers (the nearest first) are checked exactly and scored: ten times
 * the page asked for, at least 200. Farther workers who pass the quick filter are not ranked.
 */
export const checkLimitFor = (limit: number) => Math.min(2000, Math.max(200, limit * 10));
const EXAMPLES_PER_RULE = 3;

/** Weights of the score parts; each part's value lies in [0, 1], so a perfect candidate scores 100. */
export const SCORE_WEIGHTS: Record<TScorePartName, number> = {
  packageFit: 20,
  distance: 20,
  availability: 10,
  preference: 15,
  continuity: 15,
  fairness: 10,
  reservistProgress: 10,
};
/** Shifts done at the organisation in the past year at which continuity is full. */
const CONTINUITY_FULL_AT = 5;
/** Hours in the month at which the fairness part reaches zero. */
const FAIRNESS_ZERO_AT_MINUTES = 160 * 60;

/**
 * What is being staffed. A shift is checked against every hard rule; a request (a need over a
 * period) only against the rules about the person (package, registration, travel): rest, hours
 * and availability apply when its shifts are planned.
 */
export type RankingTarget = {
  kind: 'shift' | 'request';
  facts: ShiftFacts;
  /** All packages the target asks for; the first is the one a worker must hold. */
  packageIds: string[];
  regionId: string;
  rules: TRegionRules;
  timeZone: string;
};

type Row = { id: string; firstName: string; lastName: string; kind: string; distanceKm: number; maxTravelKm: number; minDaysPerYear: number | null };

const fullName = (r: { firstName: string; lastName: string }) => `${r.firstName} ${r.lastName}`;
const round = (x: number, digits = 1) => Math.round(x * 10 ** digits) / 10 ** digits;

function distanceSql(lat: number, lon: number) {
  return sql<number>`(2 * 6371.0 * asin(least(1, sqrt(power(sin(radians(${workers.homeLat} - ${lat}::float8) / 2), 2) + cos(radians(${lat}::float8)) * cos(radians(${workers.homeLat})) * power(sin(radians(${workers.homeLon} - ${lon}::float8) / 2), 2)))))`;
}

const holdsPackageSql = (packageId: string) => sql<boolean>`exists (select 1 from worker_packages wp where wp.worker_id = ${workers.id} and wp.package_id = ${packageId}::uuid)`;

/** Workers of the region who pass the quick filter, nearest first. */
async function loadShortList(db: DbOrTx, target: RankingTarget, checkLimit: number): Promise<Row[]> {
  const { lat, lon } = target.facts;
  const distance = distanceSql(lat, lon);
  const kmPerDegreeLon = 111.32 * Math.max(0.01, Math.cos((lat * Math.PI) / 180));
  const margin = sql`(${workers.maxTravelKm} + ${RADIUS_TOLERANCE_KM}::float8)`;
  const onShift =
    target.kind === 'shift'
      ? sql`not exists (select 1 from assignments a where a.shift_id = ${target.facts.id}::uuid and a.worker_id = ${workers.id} and a.status in ('pending', 'confirmed'))`
      : sql`true`;
  return db
    .select({ id: workers.id, firstName: workers.firstName, lastName: workers.lastName, kind: workers.kind, distanceKm: distance, maxTravelKm: workers.maxTravelKm, minDaysPerYear: workers.minDaysPerYear })
    .from(workers)
    .where(
      and(
        eq(workers.regionId, target.regionId),
        sql`abs(${workers.homeLat} - ${lat}::float8) <= ${margin} / 110.57`,
        sql`abs(${workers.homeLon} - ${lon}::float8) <= ${margin} / ${kmPerDegreeLon}::float8`,
        holdsPackageSql(target.packageIds[0]!),
        sql`${distance} <= ${margin}`,
        onShift,
      ),
    )
    .orderBy(distance, workers.id)
    .limit(checkLimit);
}

/** The workers the quick filter left out, counted by the first rule that rules them out, with a few examples. */
async function countFilteredOut(db: DbOrTx, target: RankingTarget): Promise<TRuledOutGroup[]> {
  const { lat, lon } = target.facts;
  const distance = distanceSql(lat, lon);
  const packageId = target.packageIds[0]!;
  // An anti-join, not a per-row exists: one hash join over the region.
  const counted = await db.execute(sql`
    select count(*) filter (where wp.worker_id is null)::int as package,
      count(*) filter (where wp.worker_id is not null and ${distance} > ${workers.maxTravelKm} + ${RADIUS_TOLERANCE_KM}::float8)::int as travel
    from ${workers} left join worker_packages wp on wp.worker_id = ${workers.id} and wp.package_id = ${packageId}::uuid
    where ${workers.regionId} = ${target.regionId}::uuid`);
  const counts = (counted as { rows: { package: number; travel: number }[] }).rows[0]!;
  const examples = (where: ReturnType<typeof sql>) =>
    db
      .select({ id: workers.id, firstName: workers.firstName, lastName: workers.lastName, distanceKm: distance, maxTravelKm: workers.maxTravelKm })
      .from(workers)
      .where(and(eq(workers.regionId, target.regionId), where))
      .limit(EXAMPLES_PER_RULE);
  const groups: TRuledOutGroup[] = [];
  const add = async (rule: 'package' | 'travel', count: number, where: ReturnType<typeof sql>) => {
    if (count === 0) return;
    const rows = await examples(where);
    groups.push({
      rule,
      count,
      examples: rows.map((e) => {
        const params: Record<string, number> = rule === 'travel' ? { distanceKm: round(e.distanceKm), maxTravelKm: e.maxTravelKm } : {};
        return { workerId: e.id, name: fullName(e), violation: { rule, params, message: describe(rule, params) } };
      }),
    });
  };
  await add('package', counts.package, sql`not ${holdsPackageSql(packageId)}`);
  await add('travel', counts.travel, sql`${holdsPackageSql(packageId)} and ${distance} > ${workers.maxTravelKm} + ${RADIUS_TOLERANCE_KM}::float8`);
  return groups;
}

/** The exact rule check for many workers against one target: one planning problem, whyNot per worker. */
async function checkShortList(db: DbOrTx, target: RankingTarget, workerIds: string[]): Promise<{ violations: Map<string, RuleViolation[]>; hasWindows: Set<string> }> {
  const violations = new Map<string, RuleViolation[]>();
  const hasWindows = new Set<string>();
  if (workerIds.length === 0) return { violations, hasWindows };
  const t = target.facts;
  const isShift = target.kind === 'shift';
  const from = new Date(t.start.getTime() - PADDING_MS);
  const to = new Date(t.end.getTime() + PADDING_MS);
  const held = isShift
    ? await db
        .select({ workerId: assignments.workerId, shiftId: assignments.shiftId })
        .from(assignments)
        .where(and(inArray(assignments.workerId, workerIds), inArray(assignments.status, ['pending', 'confirmed']), lt(assignments.start, to), gt(assignments.end, from)))
    : [];
  const heldFacts = await loadShiftFacts(db, [...new Set(held.map((h) => h.shiftId))].filter((id) => id !== t.id));
  const occupants = isShift
    ? await db
        .select({ id: assignments.id, isNewcomer: assignments.isNewcomer })
        .from(assignments)
        .where(and(eq(assignments.shiftId, t.id), inArray(assignments.status, ['pending', 'confirmed'])))
    : [];
  const all = [t, ...heldFacts];
  const horizonStart = weekStart(Math.min(...all.map((s) => s.start.getTime())), target.rules, target.timeZone);
  const lastEnd = Math.max(...all.map((s) => s.end.getTime()));
  let horizonEnd = horizonStart;
  while (horizonEnd.toMillis() < lastEnd) horizonEnd = horizonEnd.plus({ days: 7 });
  const organisationIds = new Set(all.map((s) => s.organisationId));
  const entries = await loadWorkerEntries(
    db,
    workerIds,
    { from: horizonStart.toJSDate(), to: horizonEnd.toJSDate(), timeZone: target.timeZone },
    { packageIds: new Set(all.map((s) => s.packageId)), organisationIds },
  );
  const docWorkers: ProblemDocument['workers'] = [];
  for (const entry of entries.values()) {
    const { regionId: _r, kind: _k, minDaysPerYear: _m, ...worker } = entry;
    if (worker.available) hasWindows.add(worker.id);
    docWorkers.push(worker);
  }
  for (const o of occupants) docWorkers.push({ id: `occupant-${o.id}`, lat: t.lat, lon: t.lon, maxTravelKm: 0, packages: [], newcomer: o.isNewcomer });
  const doc: ProblemDocument = {
    format: 'harmonica.planning-problem/1',
    id: `ranking-${t.id}`,
    horizonStart: horizonStart.toUTC().toISO()!,
    horizonEnd: horizonEnd.toUTC().toISO()!,
    rules: { minRestMinutes: target.rules.minRestMinutes, maxMinutesPerWeek: target.rules.maxMinutesPerWeek },
    packages: [...new Map(all.map((s) => [s.packageId, { id: s.packageId, requiresRegistration: s.requiresRegistration }])).values()],
    organisations: [...organisationIds].map((id) => ({ id })),
    locations: [...new Map(all.map((s) => [s.locationId, { id: s.locationId, organisationId: s.organisationId, lat: s.lat, lon: s.lon }])).values()],
    shifts: all.map((s) => ({
      id: s.id,
      locationId: s.locationId,
      packageId: s.packageId,
      start: s.start.toISOString(),
      end: s.end.toISOString(),
      demand: Math.max(1, s.places),
      supervisionCapacity: s.supervisionCapacity,
    })),
    workers: docWorkers,
  };
  const problem = compileOrThrow(doc);
  const plan = new Plan(problem);
  const shiftIndex = problem.shiftIndex;
  for (const h of held) if (h.shiftId !== t.id) plan.add(shiftIndex.get(h.shiftId)!, problem.workerIndex.get(h.workerId)!);
  for (const o of occupants) plan.add(shiftIndex.get(t.id)!, problem.workerIndex.get(`occupant-${o.id}`)!);
  const personal: EligibilityRule[] = ['package', 'registration', 'travel'];
  const rules = isShift ? hardConstraints : hardConstraints.filter((c) => personal.includes(c.rule));
  const s = shiftIndex.get(t.id)!;
  for (const workerId of workerIds) {
    const w = problem.workerIndex.get(workerId);
    if (w === undefined) continue;
    const list: RuleViolation[] = [];
    for (const constraint of rules) {
      const reason = constraint.whyNot(plan, s, w);
      if (reason) list.push({ rule: reason.rule, params: toJsonParams(reason.params), message: describe(reason.rule, reason.params) });
    }
    violations.set(workerId, list);
  }
  return { violations, hasWindows };
}

type ScoreFacts = {
  shiftsAtOrganisation: Map<string, number>;
  monthMinutes: Map<string, number>;
  yearDays: Map<string, number>;
  preferences: Map<string, string[]>;
};

async function loadScoreFacts(db: DbOrTx, target: RankingTarget, workerIds: string[], now: Date): Promise<ScoreFacts> {
  const facts: ScoreFacts = { shiftsAtOrganisation: new Map(), monthMinutes: new Map(), yearDays: new Map(), preferences: new Map() };
  if (workerIds.length === 0) return facts;
  const zone = target.timeZone;
  const local = DateTime.fromJSDate(target.facts.start, { zone });
  const monthStart = local.startOf('month').toJSDate();
  const monthEnd = local.startOf('month').plus({ months: 1 }).toJSDate();
  const yearStart = local.startOf('year').toJSDate();
  const yearEnd = local.startOf('year').plus({ years: 1 }).toJSDate();
  const continuity = await db
    .select({ workerId: assignments.workerId, count: sql<number>`count(*)::int` })
    .from(assignments)
    .innerJoin(shifts, eq(shifts.id, assignments.shiftId))
    .where(
      and(
        inArray(assignments.workerId, workerIds),
        eq(assignments.status, 'confirmed'),
        eq(shifts.organisationId, target.facts.organisationId),
        lt(assignments.end, now),
        gt(assignments.start, new Date(now.getTime() - 365 * DAY_MS)),
      ),
    )
    .groupBy(assignments.workerId);
  for (const r of continuity) facts.shiftsAtOrganisation.set(r.workerId, r.count);
  const month = await db
    .select({ workerId: assignments.workerId, minutes: sql<number>`(sum(extract(epoch from ${assignments.end} - ${assignments.start})) / 60)::float8` })
    .from(assignments)
    .where(and(inArray(assignments.workerId, workerIds), inArray(assignments.status, ['pending', 'confirmed']), gt(assignments.end, monthStart), lt(assignments.start, monthEnd)))
    .groupBy(assignments.workerId);
  for (const r of month) facts.monthMinutes.set(r.workerId, r.minutes);
  const year = await db
    .select({ workerId: assignments.workerId, start: assignments.start })
    .from(assignments)
    .innerJoin(workers, eq(workers.id, assignments.workerId))
    .where(and(inArray(assignments.workerId, workerIds), sql`${workers.minDaysPerYear} is not null`, eq(assignments.status, 'confirmed'), gt(assignments.start, yearStart), lt(assignments.start, yearEnd)));
  const days = new Map<string, Set<string>>();
  for (const r of year) {
    const set = days.get(r.workerId) ?? new Set<string>();
    set.add(DateTime.fromJSDate(r.start, { zone }).toISODate()!);
    days.set(r.workerId, set);
  }
  for (const [id, set] of days) facts.yearDays.set(id, set.size);
  const preferences = await db.select().from(workerPreferredOrganisations).where(inArray(workerPreferredOrganisations.workerId, workerIds));
  for (const p of preferences) facts.preferences.set(p.workerId, [...(facts.preferences.get(p.workerId) ?? []), p.organisationId]);
  return facts;
}

/** The score parts of one eligible worker, each with its reason in words and its numbers. */
export function scoreParts(input: {
  packagesHeld: number;
  packagesAsked: number;
  distanceKm: number;
  maxTravelKm: number;
  hasWindows: boolean;
  preferredOrganisations: string[];
  organisationId: string;
  shiftsAtOrganisation: number;
  monthMinutes: number;
  minDaysPerYear: number | null;
  yearDays: number;
}): TScorePart[] {
  const part = (name: TScorePartName, value: number, message: string, params: TScorePart['params']): TScorePart => {
    const v = Math.min(1, Math.max(0, value));
    return { part: name, weight: SCORE_WEIGHTS[name], value: round(v, 3), points: round(v * SCORE_WEIGHTS[name], 2), message, params };
  };
  const prefersThis = input.preferredOrganisations.includes(input.organisationId);
  const hasPreferences = input.preferredOrganisations.length > 0;
  const remainingDays = input.minDaysPerYear === null ? 0 : Math.max(0, input.minDaysPerYear - input.yearDays);
  return [
    part('packageFit', input.packagesHeld / Math.max(1, input.packagesAsked), `Holds ${input.packagesHeld} of the ${input.packagesAsked} activity packages asked for`, {
      held: input.packagesHeld,
      asked: input.packagesAsked,
    }),
    part('distance', 1 - input.distanceKm / Math.max(1, input.maxTravelKm), `Lives ${round(input.distanceKm)} km away (travels up to ${input.maxTravelKm} km)`, {
      distanceKm: round(input.distanceKm),
      maxTravelKm: input.maxTravelKm,
    }),
    part(
      'availability',
      input.hasWindows ? 1 : 0.5,
      input.hasWindows ? 'Stated availability covers the time' : 'States no availability windows (available unless marked otherwise)',
      { statedWindows: input.hasWindows ? 1 : 0 },
    ),
    part(
      'preference',
      prefersThis ? 1 : hasPreferences ? 0 : 0.5,
      prefersThis ? 'Prefers this organisation' : hasPreferences ? 'Prefers other organisations' : 'States no preferred organisations',
      { prefers: prefersThis ? 1 : 0, hasPreferences: hasPreferences ? 1 : 0 },
    ),
    part('continuity', input.shiftsAtOrganisation / CONTINUITY_FULL_AT, `Did ${input.shiftsAtOrganisation} shifts at this organisation in the past year`, {
      shifts: input.shiftsAtOrganisation,
    }),
    part('fairness', 1 - input.monthMinutes / FAIRNESS_ZERO_AT_MINUTES, `Has ${round(input.monthMinutes / 60)} hours that month (fewer ranks higher)`, {
      hours: round(input.monthMinutes / 60),
    }),
    part(
      'reservistProgress',
      input.minDaysPerYear ? remainingDays / input.minDaysPerYear : 0,
      input.minDaysPerYear ? `Reservist: ${input.yearDays} of at least ${input.minDaysPerYear} days this year` : 'No minimum days to reach',
      { days: input.yearDays, minDays: input.minDaysPerYear },
    ),
  ];
}

/** Ranked eligible candidates (at most `limit`) and the others grouped by the rule that rules them out. */
export async function rankCandidates(db: DbOrTx, target: RankingTarget, options: { limit: number; now?: Date }): Promise<TCandidateList> {
  const now = options.now ?? new Date();
  const shortList = await loadShortList(db, target, checkLimitFor(options.limit));
  const ids = shortList.map((r) => r.id);
  const { violations, hasWindows } = await checkShortList(db, target, ids);
  const eligible = shortList.filter((r) => (violations.get(r.id) ?? []).length === 0);
  const facts = await loadScoreFacts(db, target, eligible.map((r) => r.id), now);
  const heldPackages = await countHeldPackages(db, eligible.map((r) => r.id), target.packageIds);
  const candidates: TCandidate[] = eligible.map((r) => {
    const parts = scoreParts({
      packagesHeld: heldPackages.get(r.id) ?? 0,
      packagesAsked: target.packageIds.length,
      distanceKm: r.distanceKm,
      maxTravelKm: r.maxTravelKm,
      hasWindows: hasWindows.has(r.id),
      preferredOrganisations: facts.preferences.get(r.id) ?? [],
      organisationId: target.facts.organisationId,
      shiftsAtOrganisation: facts.shiftsAtOrganisation.get(r.id) ?? 0,
      monthMinutes: facts.monthMinutes.get(r.id) ?? 0,
      minDaysPerYear: r.minDaysPerYear,
      yearDays: facts.yearDays.get(r.id) ?? 0,
    });
    return { workerId: r.id, name: fullName(r), kind: r.kind, distanceKm: round(r.distanceKm), score: round(parts.reduce((sum, p) => sum + p.points, 0), 2), parts };
  });
  candidates.sort((a, b) => b.score - a.score || a.distanceKm - b.distanceKm || a.name.localeCompare(b.name) || a.workerId.localeCompare(b.workerId));

  const groups = new Map<EligibilityRule, TRuledOutGroup>();
  for (const g of await countFilteredOut(db, target)) groups.set(g.rule, g);
  for (const r of shortList) {
    const first = (violations.get(r.id) ?? [])[0];
    if (!first) continue;
    const group = groups.get(first.rule) ?? { rule: first.rule, count: 0, examples: [] };
    group.count++;
    if (group.examples.length < EXAMPLES_PER_RULE) group.examples.push({ workerId: r.id, name: fullName(r), violation: first });
    groups.set(first.rule, group);
  }
  return {
    candidates: candidates.slice(0, options.limit),
    checkedCount: shortList.length,
    ruledOut: [...groups.values()].sort((a, b) => b.count - a.count || a.rule.localeCompare(b.rule)),
  };
}

async function countHeldPackages(db: DbOrTx, workerIds: string[], packageIds: string[]): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  if (workerIds.length === 0) return out;
  const rows = await db.execute(
    sql`select worker_id, count(*)::int as count from worker_packages where worker_id in ${workerIds} and package_id in ${packageIds} group by worker_id`,
  );
  for (const r of (rows as { rows: { worker_id: string; count: number }[] }).rows) out.set(r.worker_id, r.count);
  return out;
}
