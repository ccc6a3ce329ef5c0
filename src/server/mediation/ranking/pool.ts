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
// Workers already live on the shift are neither candidates nor ruled out.
import { sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/open-database.js';
import { haversineSql } from './haversine-sql.js';
import { SCORE_WEIGHTS } from './score.js';
import type { RankingTarget } from './target.js';

/** SQL's haversine and the engine's may differ in the last digits: the exact check has the final word. */
export const RADIUS_TOLERANCE_KM = 0.5;
/** A lower bound of the great-circle km per degree of latitude (2π · 6371 / 360 = 111.19). */
const KM_PER_DEGREE_LAT_AT_LEAST = 111.0;
export const EXAMPLES_PER_RULE = 3;

export type PoolScan = {
  /** Workers without the package, and with it but beyond their travel radius. */
  counts: { package: number; travel: number };
  examples: { package: string[]; travel: string[] };
  /** Workers who pass both rules, best-placed first (see `shortListKey`), at most the size asked. */
  shortList: string[];
};

/**
 * The order of the short list: the parts of the score known from the worker's own row — the
 * distance part exactly, and the most the reservist part can add — so the workers scored and
 * checked exactly are those the score can rank highest, not only the nearest.
 */
function shortListKey(distanceKm: SQL, maxTravelKm: SQL, minDaysPerYear: SQL): SQL {
  return sql`(${SCORE_WEIGHTS.distance}::float8 * greatest(0::float8, 1 - ${distanceKm} / greatest(1, ${maxTravelKm})) + case when coalesce(${minDaysPerYear}, 0) > 0 then ${SCORE_WEIGHTS.reservistProgress}::float8 else 0 end)`;
}

export async function scanPool(db: DbOrTx, target: RankingTarget, shortListSize: number): Promise<PoolScan> {
  const { lat, lon } = target.facts;
  const reach = sql`(max_travel_km + ${RADIUS_TOLERANCE_KM}::float8)`;
  // `<> all (array(...))`: the few live assignments on the shift are read once, not per worker.
  const notOnShift =
    target.kind === 'shift'
      ? sql`and w.id <> all (array(select a.worker_id from assignments a where a.shift_id = ${target.facts.id}::uuid and a.status in ('pending', 'confirmed')))`
      : sql``;
  const near = sql`coalesce(distance_km <= ${reach}, false)`;
  // `offset 0` keeps the inner select a step of its own, so the package probe and the haversine run
  // once per worker; the haversine only inside the latitude box.
  const result = (await db.execute(sql`
    select
      count(*) filter (where not held)::int as "package",
      count(*) filter (where held and not ${near})::int as "travel",
      to_json((array_agg(id) filter (where not held))[1:${EXAMPLES_PER_RULE}]) as "packageExamples",
      to_json((array_agg(id) filter (where held and not ${near}))[1:${EXAMPLES_PER_RULE}]) as "travelExamples",
      to_json((array_agg(id order by ${shortListKey(sql`distance_km`, sql`max_travel_km`, sql`min_days_per_year`)} desc, distance_km, id)
        filter (where held and ${near}))[1:${shortListSize}]) as "shortList"
    from (
      select w.id, w.max_travel_km, w.min_days_per_year,
        w.id in (select wp.worker_id from worker_packages wp where wp.package_id = ${target.packageIds[0]!}::uuid) as held,
        case when abs(w.home_lat - ${lat}::float8) * ${KM_PER_DEGREE_LAT_AT_LEAST}::float8 <= ${reach}
          then ${haversineSql(sql`w.home_lat`, sql`w.home_lon`, lat, lon)} end as distance_km
      from workers w
      where w.region_id = ${target.regionId}::uuid ${notOnShift}
      offset 0
    ) per_worker`)) as { rows: PoolRow[] };
  const row = result.rows[0]!;
  return {
    counts: { package: row.package, travel: row.travel },
    examples: { package: row.packageExamples ?? [], travel: row.travelExamples ?? [] },
    shortList: row.shortList ?? [],
  };
}

type PoolRow = { package: number; travel: number; packageExamples: string[] | null; travelExamples: string[] | null; shortList: string[] | null };
