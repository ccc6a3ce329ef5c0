// The region pass (`pool.ts`) kept in process, exactly: it reads only the region's worker rows and
// their packages, and the database gives the region a new `workers_version` (triggers, drizzle/0008)
// after every statement that writes either. So a pass is reused only for the same region, version,
// package and location (and short-list size); any write makes the next ranking compute it again, in
// this process and in every other, since the version lives in the database.
//
// What depends on assignments stays per request: the workers on the target shift are left out of
// the cached pass here (one small statement reads the version and where the pass put each of them,
// in the same snapshot), and scoring and the exact check run per request anyway.
import type { DbOrTx } from '../../db/open-database.js';
import { EXAMPLES_PER_RULE, readVersionAndOnShift, runRegionPass, scanPool, type OnShiftWorker, type PoolScan, type RegionPass } from './pool.js';
import type { RankingTarget } from './target.js';

/** Passes kept (least recently used dropped first); one is ≈ 20 kB at the default short list. */
const MAX_ENTRIES = 256;
/**
 * The cached lists are this much longer than asked, so that leaving out the workers on the shift
 * still leaves a full list; with more of them on it than this, the exact pass runs without cache.
 */
const SLACK = 32;
/** A write between reading the version and the pass: read again, at most this many times. */
const MAX_ATTEMPTS = 3;

export class PoolCache {
  private readonly entries = new Map<string, RegionPass>();
  readonly stats = { hits: 0, misses: 0, uncached: 0 };

  constructor(private readonly maxEntries = MAX_ENTRIES) {}

  get(key: string): RegionPass | undefined {
    const entry = this.entries.get(key);
    if (entry) {
      this.entries.delete(key);
      this.entries.set(key, entry);
    }
    return entry;
  }

  set(key: string, entry: RegionPass): void {
    this.entries.delete(key);
    this.entries.set(key, entry);
    while (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
  }

  get size(): number {
    return this.entries.size;
  }

  clear(): void {
    this.entries.clear();
    this.stats.hits = this.stats.misses = this.stats.uncached = 0;
  }
}

/** The process's cache, shared by every ranking. */
export const poolCache = new PoolCache();

/** Everything the pass reads besides the region's workers: region, package, location, competences asked and list size. */
const keyOf = (target: RankingTarget, version: number, shortListSize: number) =>
  [
    target.regionId,
    version,
    target.packageIds[0],
    target.facts.lat,
    target.facts.lon,
    shortListSize,
    target.competences?.required.map((c) => c.id).join(',') ?? '',
    target.competences?.wished.map((c) => c.id).join(',') ?? '',
  ].join('|');

/** The first `size` of `ids` not in `left`, or null when a list cut short by the cache may be missing some. */
function firstOutside(ids: readonly string[], left: ReadonlySet<string>, size: number, cap: number): string[] | null {
  const kept = ids.filter((id) => !left.has(id)).slice(0, size);
  return kept.length < size && ids.length >= cap ? null : kept;
}

/** The cached pass without the workers on the shift, exactly as `scanPool` would give it; null if the slack does not suffice. */
function leaveOut(pass: RegionPass, onShift: OnShiftWorker[], shortListSize: number): PoolScan | null {
  const left = new Set(onShift.map((w) => w.id));
  const examplesCap = EXAMPLES_PER_RULE + SLACK;
  const packageExamples = firstOutside(pass.examples.package, left, EXAMPLES_PER_RULE, examplesCap);
  const travelExamples = firstOutside(pass.examples.travel, left, EXAMPLES_PER_RULE, examplesCap);
  // Only requests require competences, and nobody is on a request: on a shift this list is empty.
  const competenceExamples = firstOutside(pass.examples.competence, left, EXAMPLES_PER_RULE, examplesCap);
  const shortList = firstOutside(pass.shortList, left, shortListSize, shortListSize + SLACK);
  if (!packageExamples || !travelExamples || !competenceExamples || !shortList || (onShift.length > 0 && pass.counts.competence > 0)) return null;
  return {
    counts: {
      package: pass.counts.package - onShift.filter((w) => !w.held).length,
      travel: pass.counts.travel - onShift.filter((w) => w.held && !w.near).length,
      competence: pass.counts.competence,
    },
    examples: { package: packageExamples, travel: travelExamples, competence: competenceExamples },
    missingByCompetence: pass.missingByCompetence,
    shortList,
  };
}

/** The quick filter (`scanPool`), from the cache when the region's workers have not changed since. */
export async function loadPool(db: DbOrTx, target: RankingTarget, shortListSize: number, cache: PoolCache = poolCache): Promise<PoolScan> {
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const { version, onShift } = await readVersionAndOnShift(db, target);
    let pass = cache.get(keyOf(target, version, shortListSize));
    if (pass) cache.stats.hits++;
    else {
      cache.stats.misses++;
      pass = await runRegionPass(db, target, null, { examples: EXAMPLES_PER_RULE + SLACK, shortList: shortListSize + SLACK });
      cache.set(keyOf(target, pass.version, shortListSize), pass);
      // The workers on the shift were placed in the version read first: use the pass only if it is the same.
      if (pass.version !== version) continue;
    }
    const pool = leaveOut(pass, onShift, shortListSize);
    if (pool) return pool;
    break;
  }
  cache.stats.uncached++;
  return scanPool(db, target, shortListSize);
}
