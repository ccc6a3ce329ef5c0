// The region pass of `pool.ts` in JavaScript, over the in-process copy of the region's workers
// (`region-copy.ts`): the same counts per rule, the same examples (the first by id) and the same
// short list in the same order, as `runRegionPass` computes them in SQL.
// - package (H3): the worker's packages include the target's first package — the same predicate
//   (decided once per distinct set of packages, which the copy shares between workers).
// - travel (H6): the engine's own haversine (`solver/regional/geo.ts`, which SQL's mirrors), with
//   the same margin (`RADIUS_TOLERANCE_KM`) and the same latitude box before it.
// - required competences: the same predicate as `score.ts` `missingRequired`.
// - the short list: the same key (`shortListKey` in `pool.ts`: distance part, the most the reservist
//   part can add, the wished competences' points), then nearer, then by id — a uuid's text order is
//   PostgreSQL's uuid order.
// One pass over the workers; the lists are kept sorted while they are short (`Smallest`), not sorted
// over the whole region.
import { haversineKm } from '../../../solver/regional/geo.js';
import { KM_PER_DEGREE_LAT_AT_LEAST, RADIUS_TOLERANCE_KM, type RegionPass } from './pool.js';
import type { RegionCopy } from './region-copy.js';
import { COMPETENCE_CREDIT, SCORE_WEIGHTS } from './score.js';
import { NO_COMPETENCES, type RankingTarget } from './target.js';

/** The `size` first items in the order `before` (strict), from one pass: a sorted array no longer than `size`. */
class Smallest<T> {
  readonly items: T[] = [];

  constructor(
    readonly size: number,
    private readonly before: (a: T, b: T) => boolean,
  ) {}

  offer(item: T): void {
    const items = this.items;
    if (items.length >= this.size) {
      if (this.size === 0 || !this.before(item, items[items.length - 1]!)) return;
      items.pop();
    }
    let i = items.length;
    while (i > 0 && this.before(item, items[i - 1]!)) i--;
    items.splice(i, 0, item);
  }
}

const byId = (a: string, b: string) => a < b;
/** Whether `offer(id)` could take the id (a full list takes only ids before its last), checked before calling it. */
const takesId = (list: Smallest<string>, id: string) => list.items.length < list.size || id < list.items[list.items.length - 1]!;
type Listed = { id: string; key: number; distanceKm: number };
/** Best key first, then nearer, then by id (`pool.ts`: `order by key desc, distance_km, id`). */
const byShortListOrder = (a: Listed, b: Listed) => a.key > b.key || (a.key === b.key && (a.distanceKm < b.distanceKm || (a.distanceKm === b.distanceKm && a.id < b.id)));

/** The whole region's pass over the copy, at the copy's version, with at most `caps.examples` examples per rule and `caps.shortList` short-listed. */
export function passOverCopy(copy: RegionCopy, target: RankingTarget, caps: { examples: number; shortList: number }): RegionPass {
  const { lat, lon } = target.facts;
  const packageId = target.packageIds[0]!;
  const { required, wished } = target.competences ?? NO_COMPETENCES;
  const pointsPerCredit = wished.length ? SCORE_WEIGHTS.competences / wished.length : 0;
  const counts = { package: 0, travel: 0, competence: 0 };
  const missingByCompetence = required.map(() => 0);
  const examples = {
    package: new Smallest<string>(caps.examples, byId),
    travel: new Smallest<string>(caps.examples, byId),
    competence: new Smallest<string>(caps.examples, byId),
  };
  const shortList = new Smallest<Listed>(caps.shortList, byShortListOrder);
  // Imported constants read once (a transpiled import is a property read on every use).
  const tolerance = RADIUS_TOLERANCE_KM;
  const kmPerDegree = KM_PER_DEGREE_LAT_AT_LEAST;
  const distanceWeight = SCORE_WEIGHTS.distance;
  const reservistWeight = SCORE_WEIGHTS.reservistProgress;
  const haversine = haversineKm;

  const holding = copy.setsHolding(packageId);
  for (const w of copy.workers.values()) {
    if (!holding.has(w.packages)) {
      counts.package++;
      if (takesId(examples.package, w.id)) examples.package.offer(w.id);
      continue;
    }
    const reach = w.maxTravelKm + tolerance;
    const distanceKm = Math.abs(w.lat - lat) * kmPerDegree <= reach ? haversine(w.lat, w.lon, lat, lon) : null;
    if (distanceKm === null || !(distanceKm <= reach)) {
      counts.travel++;
      if (takesId(examples.travel, w.id)) examples.travel.offer(w.id);
      continue;
    }
    let competencePoints = 0;
    if (required.length || wished.length) {
      let lacking = 0;
      for (let i = 0; i < required.length; i++) {
        const id = required[i]!.id;
        if (w.competences.some((h) => h.id === id)) continue;
        lacking++;
        missingByCompetence[i] = missingByCompetence[i]! + 1;
      }
      if (lacking > 0) {
        counts.competence++;
        if (takesId(examples.competence, w.id)) examples.competence.offer(w.id);
        continue;
      }
      let credit = 0;
      for (const c of wished) {
        const held = w.competences.find((h) => h.id === c.id);
        if (held) credit += held.confirmed ? COMPETENCE_CREDIT.confirmed : COMPETENCE_CREDIT.selfDeclared;
      }
      competencePoints = credit * pointsPerCredit;
    }
    const key =
      distanceWeight * Math.max(0, 1 - distanceKm / Math.max(1, w.maxTravelKm)) +
      ((w.minDaysPerYear ?? 0) > 0 ? reservistWeight : 0) +
      competencePoints;
    // Most workers come after a full list's last: compared without allocating an entry.
    const listed = shortList.items;
    if (listed.length >= caps.shortList) {
      const last = listed[listed.length - 1];
      if (last === undefined || !(key > last.key || (key === last.key && (distanceKm < last.distanceKm || (distanceKm === last.distanceKm && w.id < last.id))))) continue;
    }
    shortList.offer({ id: w.id, key, distanceKm });
  }

  return {
    version: copy.version,
    counts,
    examples: { package: examples.package.items, travel: examples.travel.items, competence: examples.competence.items },
    missingByCompetence,
    shortList: shortList.items.map((l) => l.id),
  };
}
