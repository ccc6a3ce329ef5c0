// The region pass (`pool.ts`) kept in process, exactly: it reads only the region's worker rows and
// their packages, and the database gives the region a new `workers_version` (triggers, drizzle/0008)
// after every statement that writes either. So a pass is reused only for the same region, version,
// package and location (and short-list size); any write makes the next ranking compute it again, in
// this process and in every other, since the version lives in the database.
// A pass is computed in JavaScript over the process's copy of the region's workers (`region-copy.ts`,
// `region-pass.ts`), which the ranking's one statement brings up to date by reading only the workers
// changed since the copy's version: after a write to a few workers, the next ranking costs that
// statement and a pass in JavaScript, not a pass over the whole region in SQL.
//
// What depends on assignments stays per request: the workers on the target shift are left out of
// the cached pass here (one statement reads the version and where the pass put each of them, in the
// same snapshot), and scoring and the exact check run per request anyway. `loadPoolAndRead` reads
// in that same statement the score facts and assignments of the workers the pass this target used
// last lists (`fresh-read.ts`), so a ranking with the region unchanged needs no other read for them.
import type { DbOrTx } from '../../db/open-database.js';
import { readFresh, type FreshRead } from './fresh-read.js';
import { EXAMPLES_PER_RULE, readVersionAndOnShift, scanPool, type OnShiftWorker, type PoolScan, type RegionPass } from './pool.js';
import { regionCopies, type RegionCopies } from './region-copy.js';
import { passOverCopy } from './region-pass.js';
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
  private readonly latestByTarget = new Map<string, RegionPass>();
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

  /** The pass this target (`targetKeyOf`) used last, whatever its version: its lists say whom to read fresh. */
  latest(targetKey: string): RegionPass | undefined {
    return this.latestByTarget.get(targetKey);
  }

  /** Remember `entry` as the pass `targetKey` used last. */
  used(targetKey: string, entry: RegionPass): void {
    this.latestByTarget.delete(targetKey);
    this.latestByTarget.set(targetKey, entry);
    while (this.latestByTarget.size > this.maxEntries) this.latestByTarget.delete(this.latestByTarget.keys().next().value!);
  }

  get size(): number {
    return this.entries.size;
  }

  clear(): void {
    this.entries.clear();
    this.latestByTarget.clear();
    this.stats.hits = this.stats.misses = this.stats.uncached = 0;
  }
}

/** The process's cache, shared by every ranking. */
export const poolCache = new PoolCache();

/** Everything the pass reads besides the region's workers: region, package, location, competences asked and list size. */
const keyOf = (target: RankingTarget, version: number, shortListSize: number) => `${targetKeyOf(target, shortListSize)}|${version}`;

/** The key without the version: which pass a ranking of this target used last. */
const targetKeyOf = (target: RankingTarget, shortListSize: number) =>
  [
    target.regionId,
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

/** The cached pass's lists: longer than asked by the slack (see `leaveOut`). */
const capsFor = (shortListSize: number) => ({ examples: EXAMPLES_PER_RULE + SLACK, shortList: shortListSize + SLACK });

/**
 * The whole region's pass at `version` from the region's copy: computed at once if the copy is at
 * that version, else after bringing the copy up to date (one statement; the pass may then be at a
 * later version, which the caller checks).
 */
async function passFromCopy(db: DbOrTx, target: RankingTarget, shortListSize: number, version: number, copies: RegionCopies): Promise<RegionPass> {
  const kept = copies.get(target.regionId);
  const copy = kept?.version === version ? kept : await copies.current(db, target.regionId);
  return passOverCopy(copy, target, capsFor(shortListSize));
}

/** The quick filter (`scanPool`), from the cache when the region's workers have not changed since. */
export async function loadPool(db: DbOrTx, target: RankingTarget, shortListSize: number, cache: PoolCache = poolCache, copies: RegionCopies = regionCopies): Promise<PoolScan> {
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const { version, onShift } = await readVersionAndOnShift(db, target);
    let pass = cache.get(keyOf(target, version, shortListSize));
    if (pass) cache.stats.hits++;
    else {
      cache.stats.misses++;
      pass = await passFromCopy(db, target, shortListSize, version, copies);
      cache.set(keyOf(target, pass.version, shortListSize), pass);
      // The workers on the shift were placed in the version read first: use the pass only if it is the same.
      if (pass.version !== version) continue;
    }
    cache.used(targetKeyOf(target, shortListSize), pass);
    const pool = leaveOut(pass, onShift, shortListSize);
    if (pool) return pool;
    break;
  }
  cache.stats.uncached++;
  return scanPool(db, target, shortListSize);
}

/**
 * The lists the fresh read asks about: the short list and examples as `leaveOut` gives them when no
 * worker on the shift is among them (the usual case; otherwise the caller reads the few missing).
 */
const askedOf = (pass: RegionPass, shortListSize: number) => {
  const shortList = pass.shortList.slice(0, shortListSize);
  const examples = Object.values(pass.examples).flatMap((ids) => ids.slice(0, EXAMPLES_PER_RULE));
  return { scored: [...shortList, ...examples], checked: shortList };
};

/** Whether a fresh read that asked for `asked` holds everything a ranking from a pass that asks for `needed` reads. */
function covers(asked: { scored: string[]; checked: string[] }, needed: { scored: string[]; checked: string[] }): boolean {
  const scored = new Set(asked.scored);
  const checked = new Set(asked.checked);
  return needed.scored.every((id) => scored.has(id)) && needed.checked.every((id) => checked.has(id));
}

/**
 * `loadPool`, and the fresh facts (`readFresh`) in the SAME statement as the version: the ranking's
 * warm path is one round trip here. The ids read fresh come from the pass this target used last;
 * if the version read with them is that pass's, the pass holds (a hit). Otherwise (a miss) the
 * pass for the version is taken from the cache or computed over the region's copy, which the same
 * statement brought up to date (it reads the workers changed since the copy's version); if that
 * pass lists only workers the statement read, the ranking still needs no other read, else the
 * fresh facts are read again for its lists (and used only if the version is still the same).
 * The caller must read the facts of any listed worker the fresh read did not cover.
 */
export async function loadPoolAndRead(
  db: DbOrTx,
  target: RankingTarget,
  shortListSize: number,
  now: Date,
  /** Workers whose worker facts to read too (`readFresh`). */
  factIds: string[] = [],
  cache: PoolCache = poolCache,
  copies: RegionCopies = regionCopies,
): Promise<{ pool: PoolScan; fresh: FreshRead }> {
  const targetKey = targetKeyOf(target, shortListSize);
  let missed = false;
  for (let attempt = 0; attempt < MAX_ATTEMPTS + 1; attempt++) {
    const guess = cache.latest(targetKey);
    const asked = guess ? askedOf(guess, shortListSize) : { scored: [], checked: [] };
    const fresh = await readFresh(db, target, { ...asked, facts: factIds }, now, copies.get(target.regionId)?.version);
    copies.apply(target.regionId, fresh.version, fresh.changes);
    if (guess && guess.version === fresh.version) {
      if (!missed) cache.stats.hits++;
      cache.get(keyOf(target, guess.version, shortListSize)); // keeps it recently used
      const pool = leaveOut(guess, fresh.onShift, shortListSize);
      if (pool) return { pool, fresh };
      break;
    }
    let pass = cache.get(keyOf(target, fresh.version, shortListSize));
    if (!pass) {
      if (!missed) cache.stats.misses++;
      missed = true;
      pass = await passFromCopy(db, target, shortListSize, fresh.version, copies);
      cache.set(keyOf(target, pass.version, shortListSize), pass);
    }
    cache.used(targetKey, pass);
    if (pass.version === fresh.version && covers(asked, askedOf(pass, shortListSize))) {
      const pool = leaveOut(pass, fresh.onShift, shortListSize);
      if (pool) return { pool, fresh };
      break;
    }
    // Read again with this pass's lists (and use it only if the version is still the same).
  }
  cache.stats.uncached++;
  const pool = await scanPool(db, target, shortListSize);
  const shortList = pool.shortList;
  return { pool, fresh: await readFresh(db, target, { scored: [...shortList, ...Object.values(pool.examples).flat()], checked: shortList, facts: factIds }, now) };
}
