// The score of a candidate in named parts, and the facts it needs for a short list of workers in
// one statement (name, distance, packages held, competences held, stated availability, preferences,
// continuity, hours that month, reservist days), so that the short list is scored before the exact check and
// only the best-scored workers need checking.
import { sql, type SQL } from 'drizzle-orm';
import { DateTime } from 'luxon';
import type { TCandidate, TScorePart, TScorePartName } from '../../../shared/mediation.schemas.js';
import type { DbOrTx } from '../../db/open-database.js';
import { haversineSql } from './haversine-sql.js';
import { NO_COMPETENCES, type RankingTarget, type TargetCompetence, type TargetCompetences } from './target.js';

const DAY_MS = 86_400_000;

/** Weights of the score parts; each part's value lies in [0, 1], so a perfect candidate scores 100. */
export const SCORE_WEIGHTS: Record<TScorePartName, number> = {
  packageFit: 15,
  competences: 10,
  distance: 20,
  availability: 10,
  preference: 10,
  continuity: 15,
  fairness: 10,
  reservistProgress: 10,
};
/** Shifts done at the organisation in the past year at which continuity is full. */
const CONTINUITY_FULL_AT = 5;
/** Hours in the month at which the fairness part reaches zero. */
const FAIRNESS_ZERO_AT_MINUTES = 160 * 60;

/**
 * What a wished competence the worker holds is worth: a confirmed one fully, a self-declared one half
 * (the person says so; nobody has checked yet).
 */
export const COMPETENCE_CREDIT = { confirmed: 1, selfDeclared: 0.5 } as const;

/** A competence a worker holds, among those the target names. */
export type HeldCompetence = { id: string; confirmed: boolean };

/**
 * The required-competence rule: the keys of the required competences the worker does not hold (in
 * the request's order); empty when they may be ranked. The region pass (`pool.ts`) decides the same
 * predicate in SQL — a worker_competences row (worker, competence) for each required one — and
 * explains its examples with this function.
 */
export function missingRequired(required: readonly TargetCompetence[], held: readonly HeldCompetence[]): string[] {
  const ids = new Set(held.map((h) => h.id));
  return required.filter((c) => !ids.has(c.id)).map((c) => c.key);
}

/** The English sentence of the competence rule (the interface words it from `params.missing`). */
export const describeMissing = (keys: readonly string[]) => `Misses the required competence${keys.length === 1 ? '' : 's'}: ${keys.join(', ')}`;

/**
 * The competences part's value: the share of the wished competences held, a confirmed one counting
 * `COMPETENCE_CREDIT.confirmed`, a self-declared one `COMPETENCE_CREDIT.selfDeclared`. Nothing wished
 * (every shift): 1 for everyone, so the part changes no order.
 */
export function competenceFit(wished: readonly TargetCompetence[], held: readonly HeldCompetence[]) {
  const byId = new Map(held.map((h) => [h.id, h]));
  const have = wished.filter((c) => byId.has(c.id));
  const confirmed = have.filter((c) => byId.get(c.id)!.confirmed).length;
  const credit = confirmed * COMPETENCE_CREDIT.confirmed + (have.length - confirmed) * COMPETENCE_CREDIT.selfDeclared;
  return {
    value: wished.length === 0 ? 1 : credit / wished.length,
    held: have.map((c) => c.key),
    confirmed,
    missing: wished.filter((c) => !byId.has(c.id)).map((c) => c.key),
  };
}

export const round = (x: number, digits = 1) => Math.round(x * 10 ** digits) / 10 ** digits;
export const fullName = (r: { firstName: string; lastName: string }) => `${r.firstName} ${r.lastName}`;

/** The score parts of one eligible worker, each with its reason in words and its numbers. */
export function scoreParts(input: {
  packagesHeld: number;
  packagesAsked: number;
  /** The target's competences and those of them the worker holds; left out: none asked. */
  competences?: { target: TargetCompetences; held: HeldCompetence[] };
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
  const target = input.competences?.target ?? NO_COMPETENCES;
  const fit = competenceFit(target.wished, input.competences?.held ?? []);
  const requiredHeld = target.required.length - missingRequired(target.required, input.competences?.held ?? []).length;
  return [
    part('packageFit', input.packagesHeld / Math.max(1, input.packagesAsked), `Holds ${input.packagesHeld} of the ${input.packagesAsked} activity packages asked for`, {
      held: input.packagesHeld,
      asked: input.packagesAsked,
    }),
    part(
      'competences',
      fit.value,
      target.wished.length === 0
        ? target.required.length === 0
          ? 'No competences asked for'
          : `Holds all ${target.required.length} required competences; none wished`
        : `Holds ${fit.held.length} of the ${target.wished.length} wished competences (${fit.confirmed} confirmed)` +
            (fit.held.length ? `: ${fit.held.join(', ')}` : '') +
            (fit.missing.length ? `; lacks ${fit.missing.join(', ')}` : ''),
      {
        held: fit.held.length,
        wished: target.wished.length,
        confirmed: fit.confirmed,
        required: target.required.length,
        requiredHeld,
        heldKeys: fit.held.join(','),
        missingKeys: fit.missing.join(','),
      },
    ),
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

/** A worker with everything their score needs. */
export type CandidateRow = {
  id: string;
  firstName: string;
  lastName: string;
  kind: string;
  distanceKm: number;
  maxTravelKm: number;
  minDaysPerYear: number | null;
  packagesHeld: number;
  /** The worker's competences among those the target names (empty when it names none). */
  competences: HeldCompetence[];
  hasWindows: boolean;
  preferredOrganisations: string[];
  shiftsAtOrganisation: number;
  monthMinutes: number;
  yearDays: number;
};

/**
 * The score facts of a few workers in one statement. "Stated availability" is: weekly windows, or a
 * dated extra availability overlapping the target. For a worker who may take a shift this is exactly
 * the engine's "has availability windows" (a worker with windows passes the availability rule only
 * if one covers the shift; a dated one that covers it overlaps it).
 */
export async function loadCandidateRows(db: DbOrTx, target: RankingTarget, workerIds: string[], now: Date): Promise<CandidateRow[]> {
  if (workerIds.length === 0) return [];
  return ((await db.execute(candidateRowsSql(target, workerIds, now))) as { rows: CandidateRow[] }).rows;
}

/** The statement of `loadCandidateRows` (one row per worker, columns named as `CandidateRow`), to be read with more in one snapshot. */
export function candidateRowsSql(target: RankingTarget, workerIds: string[], now: Date): SQL {
  const t = target.facts;
  const at = (d: Date | DateTime) => sql`${(d instanceof Date ? d : d.toJSDate()).toISOString()}::timestamptz`;
  const local = DateTime.fromJSDate(t.start, { zone: target.timeZone });
  const month = local.startOf('month');
  const year = local.startOf('year');
  const asked = sql.join(target.packageIds.map((id) => sql`${id}::uuid`), sql`, `);
  const named = [...(target.competences?.required ?? []), ...(target.competences?.wished ?? [])].map((c) => c.id);
  const competencesHeld = named.length
    ? sql`coalesce((select json_agg(json_build_object('id', wc.competence_id, 'confirmed', wc.source = 'confirmed')) from worker_competences wc
        where wc.worker_id = w.id and wc.competence_id in (${sql.join(named.map((id) => sql`${id}::uuid`), sql`, `)})), '[]')`
    : sql`'[]'::json`;
  return sql`
    select w.id, w.first_name as "firstName", w.last_name as "lastName", w.kind, w.max_travel_km as "maxTravelKm", w.min_days_per_year as "minDaysPerYear",
      ${haversineSql(sql`w.home_lat`, sql`w.home_lon`, t.lat, t.lon)} as "distanceKm",
      (select count(*) from worker_packages p where p.worker_id = w.id and p.package_id in (${asked}))::int as "packagesHeld",
      ${competencesHeld} as "competences",
      (exists (select 1 from worker_weekly_availability a where a.worker_id = w.id)
        or exists (select 1 from worker_availability_exceptions e where e.worker_id = w.id and e.is_available and e.start < ${at(t.end)} and e."end" > ${at(t.start)})) as "hasWindows",
      coalesce((select json_agg(p.organisation_id) from worker_preferred_organisations p where p.worker_id = w.id), '[]') as "preferredOrganisations",
      (select count(*) from assignments a join shifts s on s.id = a.shift_id
        where a.worker_id = w.id and a.status = 'confirmed' and s.organisation_id = ${t.organisationId}::uuid
          and a."end" < ${at(now)} and a.start > ${at(new Date(now.getTime() - 365 * DAY_MS))})::int as "shiftsAtOrganisation",
      coalesce((select sum(extract(epoch from a."end" - a.start)) / 60 from assignments a
        where a.worker_id = w.id and a.status in ('pending', 'confirmed') and a."end" > ${at(month)} and a.start < ${at(month.plus({ months: 1 }))}), 0)::float8 as "monthMinutes",
      (case when w.min_days_per_year is null then 0 else (select count(distinct (a.start at time zone ${target.timeZone}::text)::date) from assignments a
        where a.worker_id = w.id and a.status = 'confirmed' and a.start > ${at(year)} and a.start < ${at(year.plus({ years: 1 }))}) end)::int as "yearDays"
    from workers w
    where w.id = any (${sql.param(workerIds)}::uuid[])`;
}

/** The candidate as planners and mediators see them, with the named parts of the score. */
export function toCandidate(row: CandidateRow, target: RankingTarget): TCandidate {
  const parts = scoreParts({
    packagesHeld: row.packagesHeld,
    packagesAsked: target.packageIds.length,
    competences: { target: target.competences ?? NO_COMPETENCES, held: row.competences },
    distanceKm: row.distanceKm,
    maxTravelKm: row.maxTravelKm,
    hasWindows: row.hasWindows,
    preferredOrganisations: row.preferredOrganisations,
    organisationId: target.facts.organisationId,
    shiftsAtOrganisation: row.shiftsAtOrganisation,
    monthMinutes: row.monthMinutes,
    minDaysPerYear: row.minDaysPerYear,
    yearDays: row.yearDays,
  });
  return {
    workerId: row.id,
    name: fullName(row),
    kind: row.kind,
    distanceKm: round(row.distanceKm),
    score: round(parts.reduce((sum, p) => sum + p.points, 0), 2),
    parts,
  };
}

/** Best score first; then nearer, then by name and id, so the order is stable. */
export const byScore = (a: TCandidate, b: TCandidate) =>
  b.score - a.score || a.distanceKm - b.distanceKm || a.name.localeCompare(b.name) || a.workerId.localeCompare(b.workerId);
