// The quick filter over a whole region, in ONE statement and one pass over the region's workers:
// how many the package rule and the travel rule rule out (with a few examples of each), and the
// ids of the best-placed workers who pass both, for the exact check.
//
// Why these SQL conditions are the engine's rules, not a second copy of them:
// - package (H3, `constraints/package.ts`): the shift's package is among the worker's packages —
//   here `worker_packages` holds a row (worker, package). Same predicate on the same facts.
// - travel (H6, `constraints/travel-radius.ts`): haversine(home, location) ≤ maxTravelKm — here the
//   same haversine formula (radius 6371 km, `solver/regional/geo.ts`) in SQL floating point. The two
//   may differ in the last bits, so SQL rules a worker out only beyond maxTravelKm + 0.5 km; workers
//   inside that margin go on to the exact check, where the engine has the final word.
// - the latitude box is only a shortcut for the same travel verdict: a great-circle distance is at
//   least the latitude difference along a meridian, R·|Δφ| = 111.19 km per degree, so a worker with
//   |Δlat| · 111.0 > maxTravelKm + 0.5 is beyond the margin and the haversine need not be computed.
// - required competences (the ranking's own rule, `score.ts` `missingRequired`): a worker_competences
//   row (worker, competence) for each competence the request requires. Only requests have them.
// Workers already live on the shift are neither candidates nor ruled out. The pass reads only the
// region's worker rows, their packages and competences, so `pool-cache.ts` can keep it under the region's
// `workers_version` and leave out the workers on the shift per request.
import { sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/open-database.js';
import { haversineSql } from './haversine-sql.js';
import { COMPETENCE_CREDIT, SCORE_WEIGHTS } from './score.js';
import { NO_COMPETENCES, type RankingTarget } from './target.js';

/** SQL's haversine and the engine's may differ in the last digits: the exact check has the final word. */
export const RADIUS_TOLERANCE_KM = 0.5;
/** A lower bound of the great-circle km per degree of latitude (2π · 6371 / 360 = 111.19). */
export const KM_PER_DEGREE_LAT_AT_LEAST = 111.0;
export const EXAMPLES_PER_RULE = 3;

export type PoolScan = {
  /** Workers without the package; with it but beyond their travel radius; within it but without a required competence. */
  counts: { package: number; travel: number; competence: number };
  examples: { package: string[]; travel: string[]; competence: string[] };
  /** Of `counts.competence`, how many miss each required competence (in the target's order). */
  missingByCompetence: number[];
  /** Workers who pass both rules, best-placed first (see `shortListKey`), at most the size asked. */
  shortList: string[];
};

/**
 * The order of the short list: the parts of the score known from the worker's own row — the
 * distance part exactly, and the most the reservist part can add — so the workers scored and
 * checked exactly are those the score can rank highest, not only the nearest.
 */
function shortListKey(distanceKm: SQL, maxTravelKm: SQL, minDaysPerYear: SQL, competencePoints: SQL): SQL {
  return sql`(${SCORE_WEIGHTS.distance}::float8 * greatest(0::float8, 1 - ${distanceKm} / greatest(1, ${maxTravelKm})) + case when coalesce(${minDaysPerYear}, 0) > 0 then ${SCORE_WEIGHTS.reservistProgress}::float8 else 0 end + ${competencePoints})`;
}

const uuidArray = (ids: readonly string[]) => sql`array[${sql.join(ids.map((id) => sql`${id}::uuid`), sql`, `)}]::uuid[]`;

/**
 * The per-worker facts of the pass: "holds the package", the distance (null outside the latitude
 * box), the required competences held (constant empty when none are required) and the points of the
 * wished ones (`score.ts` `competenceFit` times the weight; constant 0 when none are wished). The
 * competences come from ONE aggregate over the target's competences joined by worker (`competenceJoin`,
 * only when the target names any): a subquery per worker made a request's pass several times slower.
 */
function perWorkerSql(target: RankingTarget) {
  const { lat, lon } = target.facts;
  const reach = sql`(w.max_travel_km + ${RADIUS_TOLERANCE_KM}::float8)`;
  const { required, wished } = target.competences ?? NO_COMPETENCES;
  const named = [...required, ...wished].map((c) => c.id);
  return {
    competenceJoin: named.length
      ? sql`left join (
          select wc.worker_id,
            array_agg(wc.competence_id) filter (where wc.competence_id = any (${uuidArray(required.map((c) => c.id))})) as held_required,
            sum(case when wc.source = 'confirmed' then ${COMPETENCE_CREDIT.confirmed}::float8 else ${COMPETENCE_CREDIT.selfDeclared}::float8 end)
              filter (where wc.competence_id = any (${uuidArray(wished.map((c) => c.id))})) as wished_credit
          from worker_competences wc where wc.competence_id = any (${uuidArray(named)}) group by wc.worker_id
        ) wc on wc.worker_id = w.id`
      : sql``,
    heldRequired: required.length ? sql`coalesce(wc.held_required, '{}'::uuid[])` : sql`'{}'::uuid[]`,
    competencePoints: wished.length ? sql`coalesce(wc.wished_credit, 0) * ${SCORE_WEIGHTS.competences / wished.length}::float8` : sql`0::float8`,
    held: sql`w.id in (select wp.worker_id from worker_packages wp where wp.package_id = ${target.packageIds[0]!}::uuid)`,
    distanceKm: sql`case when abs(w.home_lat - ${lat}::float8) * ${KM_PER_DEGREE_LAT_AT_LEAST}::float8 <= ${reach}
          then ${haversineSql(sql`w.home_lat`, sql`w.home_lon`, lat, lon)} end`,
  };
}

/** Within the travel margin (see above), from the distance of `perWorkerSql` (null: beyond it). */
const nearSql = (distanceKm: SQL, maxTravelKm: SQL) => sql`coalesce(${distanceKm} <= (${maxTravelKm} + ${RADIUS_TOLERANCE_KM}::float8), false)`;

/** The live assignments on the target shift, read once per statement and not per worker. */
export function onShiftSql(target: RankingTarget): SQL | null {
  return target.kind === 'shift'
    ? sql`array(select a.worker_id from assignments a where a.shift_id = ${target.facts.id}::uuid and a.status in ('pending', 'confirmed'))`
    : null;
}

export type RegionPass = PoolScan & {
  /** `regions.workers_version` in the same snapshot as the counts and lists. */
  version: number;
};

/**
 * The pass itself: the region's workers except those in `excluded` (an SQL uuid array), with at
 * most `caps.examples` examples of each rule (by id) and `caps.shortList` short-listed workers.
 */
export async function runRegionPass(db: DbOrTx, target: RankingTarget, excluded: SQL | null, caps: { examples: number; shortList: number }): Promise<RegionPass> {
  const perWorker = perWorkerSql(target);
  const near = nearSql(sql`distance_km`, sql`max_travel_km`);
  const required = (target.competences ?? NO_COMPETENCES).required;
  const lacking = sql`(held and ${near} and cardinality(held_required) < ${required.length}::int)`;
  const missingCounts = required.length
    ? sql`json_build_array(${sql.join(required.map((c) => sql`count(*) filter (where held and ${near} and not (${c.id}::uuid = any (held_required)))`), sql`, `)})`
    : sql`'[]'::json`;
  // `offset 0` keeps the inner select a step of its own, so the package probe and the haversine run
  // once per worker; the haversine only inside the latitude box.
  const result = (await db.execute(sql`
    select
      (select r.workers_version from regions r where r.id = ${target.regionId}::uuid) as "version",
      count(*) filter (where not held)::int as "package",
      count(*) filter (where held and not ${near})::int as "travel",
      to_json((array_agg(id order by id) filter (where not held))[1:${caps.examples}]) as "packageExamples",
      to_json((array_agg(id order by id) filter (where held and not ${near}))[1:${caps.examples}]) as "travelExamples",
      count(*) filter (where ${lacking})::int as "competence",
      to_json((array_agg(id order by id) filter (where ${lacking}))[1:${caps.examples}]) as "competenceExamples",
      ${missingCounts} as "missingByCompetence",
      to_json((array_agg(id order by ${shortListKey(sql`distance_km`, sql`max_travel_km`, sql`min_days_per_year`, sql`competence_points`)} desc, distance_km, id)
        filter (where held and ${near} and cardinality(held_required) = ${required.length}::int))[1:${caps.shortList}]) as "shortList"
    from (
      select w.id, w.max_travel_km, w.min_days_per_year, ${perWorker.held} as held, ${perWorker.distanceKm} as distance_km,
        ${perWorker.heldRequired} as held_required, ${perWorker.competencePoints} as competence_points
      from workers w ${perWorker.competenceJoin}
      where w.region_id = ${target.regionId}::uuid ${excluded ? sql`and w.id <> all (${excluded})` : sql``}
      offset 0
    ) per_worker`)) as { rows: PoolRow[] };
  const row = result.rows[0]!;
  return {
    version: Number(row.version),
    counts: { package: row.package, travel: row.travel, competence: row.competence },
    examples: { package: row.packageExamples ?? [], travel: row.travelExamples ?? [], competence: row.competenceExamples ?? [] },
    missingByCompetence: row.missingByCompetence,
    shortList: row.shortList ?? [],
  };
}

/** Where the pass would put each worker on the target shift, and the region's version, in one snapshot. */
export async function readVersionAndOnShift(db: DbOrTx, target: RankingTarget): Promise<{ version: number; onShift: OnShiftWorker[] }> {
  const result = (await db.execute(versionAndOnShiftSql(target))) as { rows: { version: string | number | null; onShift: OnShiftWorker[] }[] };
  const row = result.rows[0]!;
  return { version: Number(row.version), onShift: row.onShift };
}

/**
 * "Holds the package" for a few workers: the same predicate as `perWorkerSql`'s, as one index probe
 * per worker (there the planner may scan all of the package's holders once per worker on the shift).
 */
const heldProbeSql = (target: RankingTarget) =>
  sql`exists (select 1 from worker_packages wp where wp.worker_id = w.id and wp.package_id = ${target.packageIds[0]!}::uuid)`;

/** The statement of `readVersionAndOnShift` (one row: "version", "onShift"), to be read with more in one snapshot. */
export function versionAndOnShiftSql(target: RankingTarget): SQL {
  const onShift = onShiftSql(target);
  const perWorker = perWorkerSql(target);
  return sql`
    select (select r.workers_version from regions r where r.id = ${target.regionId}::uuid) as "version",
      ${
        onShift
          ? sql`(select coalesce(json_agg(json_build_object('id', id, 'held', held, 'near', ${nearSql(sql`distance_km`, sql`max_travel_km`)})), '[]') from (
              select w.id, w.max_travel_km, ${heldProbeSql(target)} as held, ${perWorker.distanceKm} as distance_km
              from workers w where w.region_id = ${target.regionId}::uuid and w.id = any (${onShift})) on_shift)`
          : sql`'[]'::json`
      } as "onShift"`;
}

export type OnShiftWorker = { id: string; held: boolean; near: boolean };

/** The quick filter without any cache: one pass over the region, the workers on the shift left out in SQL. */
export async function scanPool(db: DbOrTx, target: RankingTarget, shortListSize: number): Promise<PoolScan> {
  const { version: _version, ...pool } = await runRegionPass(db, target, onShiftSql(target), { examples: EXAMPLES_PER_RULE, shortList: shortListSize });
  return pool;
}

type PoolRow = {
  version: string | number | null;
  package: number;
  travel: number;
  packageExamples: string[] | null;
  travelExamples: string[] | null;
  competence: number;
  competenceExamples: string[] | null;
  missingByCompetence: number[];
  shortList: string[] | null;
};
