// "Open shifts for me": the region's open shifts from the in-memory window (open-shift-index.ts),
// filtered and ranked for the signed-in worker, with the planning engine's hard constraints
// checked (eligibility.ts) for the best ranked only.
import type { TOpenShiftForMe } from '../../shared/assignments.schemas.js';
import type { TRegionRules } from '../../shared/regions.schemas.js';
import type { Actor } from '../auth/actor.js';
import type { Db } from '../db/open-database.js';
import { forbidden } from '../errors/app-error.js';
import { distanceKm } from '../geo/postcodes.js';
import { loadWorkerFacts, type WorkerFacts } from '../planning/worker-facts.js';
import * as shiftRepo from '../shifts/shifts.repo.js';
import { toShift } from '../shifts/shifts.service.js';
import type { OpenShiftEntry } from './assignments.repo.js';
import { forgetOpenShiftWindow, openShiftWindow, type OpenShiftColumns } from './open-shift-index.js';
import { evaluateEligibility, factsWindow, loadEligibilityFacts, type RuleViolation } from './eligibility.js';
import { pairwisePasses } from './pairwise-prefilter.js';

const HOUR_MS = 3_600_000;

function requireWorkerActor(actor: Actor): string {
  if (!actor.workerId) throw forbidden('Only workers claim shifts');
  return actor.workerId;
}

const DEFAULT_WINDOW_MS = 28 * 24 * HOUR_MS;
/**
 * At most this many of the best ranked candidates are checked against the rules (and so can be
 * listed): ten times the page, at least 200, as the mediators' ranking does. A worker who may take
 * hardly any of the region's shifts would otherwise have thousands checked per request.
 */
const checkLimitFor = (limit: number) => Math.min(2000, Math.max(200, 10 * limit));

/**
 * The ranking keys of the region's window, by entry index: the window's own columns, and the distance
 * and preference looked up by location and organisation (nothing allocated per shift: a request
 * ranks up to 20,000 of them, bench:claims). Before the check every candidate counts as eligible.
 */
type RankKeys = { startMs: Float64Array; km: (i: number) => number; isPreferred: (i: number) => number; priority: Int32Array; ineligible: Set<number> };

function orderBy(sort: 'suggested' | 'soonest' | 'nearest', k: RankKeys): (a: number, b: number) => number {
  const bySoonest = (a: number, b: number) => k.startMs[a]! - k.startMs[b]! || k.km(a) - k.km(b);
  if (sort === 'soonest') return bySoonest;
  if (sort === 'nearest') return (a, b) => k.km(a) - k.km(b) || k.startMs[a]! - k.startMs[b]!;
  const isIneligible = (i: number) => (k.ineligible.has(i) ? 1 : 0);
  return (a, b) => isIneligible(a) - isIneligible(b) || k.isPreferred(b) - k.isPreferred(a) || k.priority[b]! - k.priority[a]! || bySoonest(a, b);
}

/** The query of "open shifts for me" (ZOpenShiftsQuery). */
export type OpenShiftsQuery = {
  from?: string | undefined;
  to?: string | undefined;
  packageId?: string | undefined;
  organisationId?: string | undefined;
  maxDistanceKm?: number | undefined;
  includeIneligible: boolean;
  sort: 'suggested' | 'soonest' | 'nearest';
  limit: number;
};

/**
 * How the best ranked candidates are checked. `plain`: every candidate of a batch through the full
 * check (evaluateEligibility). `fast` (the default): the same batches, but the rules that depend on
 * the worker and the shift alone are asked first for all candidates at once (pairwise-prefilter.ts),
 * and only the passing ones go through the full check, in rank order and only as many as are needed
 * to fill `limit`, each with the facts and weeks of its whole batch; same answer (see
 * open-shifts.int.test.ts). With `includeIneligible` every candidate is checked either way.
 */
export type CheckMode = 'fast' | 'plain';

/**
 * Open shifts for the signed-in worker, best first. The region's open shifts come from the
 * in-memory window (open-shift-index.ts, version-checked per request) and are filtered and ranked
 * here; the rules are checked only for the best ranked, in growing batches, with who is on those
 * shifts read fresh. Full rows are loaded for the shifts returned.
 */
export async function openShiftsForMe(db: Db, actor: Actor, query: OpenShiftsQuery, now = new Date(), mode: CheckMode = 'fast'): Promise<TOpenShiftForMe[]> {
  const workerId = requireWorkerActor(actor);
  const regionId = actor.workerRegionId;
  if (!regionId) throw forbidden('Only workers claim shifts');
  const from = query.from ? new Date(Math.max(Date.parse(query.from), now.getTime())) : now;
  const to = query.to ? new Date(query.to) : new Date(from.getTime() + DEFAULT_WINDOW_MS);
  // The worker's dated exceptions for the whole window (and the padding the rules look at).
  const worker = (await loadWorkerFacts(db, [workerId], factsWindow([{ start: from, end: to }]))).get(workerId);
  if (!worker) throw forbidden('Only workers claim shifts');
  for (let attempt = 0; ; attempt++) {
    const window = await openShiftWindow(db, regionId, from);
    if (!window.rules) return [];
    const listed = await rankAndCheck(db, worker, window, { rules: window.rules, timeZone: window.timeZone }, query, from, to, mode);
    if (listed.length === 0) return [];
    const fullRows = new Map((await shiftRepo.selectShiftsByIds(db, listed.map((c) => c.entry.id))).map((row) => [row.id, row]));
    // A shift gone from the database (never in normal use: shifts are not deleted) means the window
    // is stale beyond what its version can tell: load it again once.
    if (attempt === 0 && listed.some((c) => !fullRows.has(c.entry.id))) {
      forgetOpenShiftWindow(db, regionId);
      continue;
    }
    return listed.flatMap((item): TOpenShiftForMe[] => {
      const row = fullRows.get(item.entry.id);
      if (!row) return [];
      return [{ ...toShift(row), distanceKm: item.distanceKm, isPreferred: item.isPreferred, isEligible: item.violations.length === 0, violations: item.violations }];
    });
  }
}

/**
 * The window's entries from `from` to `to` that pass the query's filters (and, without
 * `includeIneligible`, the worker's packages and radius), with their ranking keys. Column lookups
 * only: this visits every open shift of the region.
 */
function filterCandidates(worker: WorkerFacts, columns: OpenShiftColumns, query: OpenShiftsQuery, from: Date, to: Date): { candidates: number[]; keys: RankKeys } {
  const { startMs, location, package: packageOf, organisation, priority } = columns;
  const n = startMs.length;
  const indexOf = (ids: string[], id: string | undefined) => (id === undefined ? -1 : ids.indexOf(id));
  const myPackages = new Uint8Array(columns.packageIds.length);
  for (const id of worker.packageIds) {
    const at = columns.packageIds.indexOf(id);
    if (at >= 0) myPackages[at] = 1;
  }
  const preferred = new Uint8Array(columns.organisationIds.length);
  for (const id of worker.preferredOrganisationIds) {
    const at = columns.organisationIds.indexOf(id);
    if (at >= 0) preferred[at] = 1;
  }
  // -2: a filter on a package or organisation without open shifts here matches nothing.
  const onlyPackage = query.packageId ? indexOf(columns.packageIds, query.packageId) : -1;
  const onlyOrganisation = query.organisationId ? indexOf(columns.organisationIds, query.organisationId) : -1;
  const home = { lat: worker.homeLat, lon: worker.homeLon };
  const kmByLocation = new Float64Array(columns.locationIds.length).fill(Number.NaN);
  // As listed: to 0.1 km.
  const shownKm = new Float64Array(columns.locationIds.length);
  const keys: RankKeys = { startMs, km: (i) => shownKm[location[i]!]!, isPreferred: (i) => preferred[organisation[i]!]!, priority, ineligible: new Set() };
  const isAll = query.includeIneligible;
  const candidates: number[] = [];
  if ((query.packageId && onlyPackage < 0) || (query.organisationId && onlyOrganisation < 0)) return { candidates, keys };
  // The window is sorted by start: begin after `from`, stop at `to`.
  let lo = 0;
  for (let hi = n; lo < hi; ) {
    const mid = (lo + hi) >> 1;
    if (startMs[mid]! <= from.getTime()) lo = mid + 1;
    else hi = mid;
  }
  const end = to.getTime();
  for (let i = lo; i < n && startMs[i]! < end; i++) {
    const p = packageOf[i]!;
    if (onlyPackage >= 0 && p !== onlyPackage) continue;
    if (onlyOrganisation >= 0 && organisation[i] !== onlyOrganisation) continue;
    // Without the ineligible ones: own packages and the worker's radius only.
    if (!isAll && myPackages[p] === 0) continue;
    const l = location[i]!;
    let km = kmByLocation[l]!;
    if (Number.isNaN(km)) {
      kmByLocation[l] = km = distanceKm(home, { lat: columns.locationLat[l]!, lon: columns.locationLon[l]! });
      shownKm[l] = Math.round(km * 10) / 10;
    }
    if (!isAll && km > worker.maxTravelKm) continue;
    if (query.maxDistanceKm !== undefined && km > query.maxDistanceKm) continue;
    candidates.push(i);
  }
  return { candidates, keys };
}

/**
 * `candidates.sort(order).slice(0, k)` without sorting them all: the k best through a bounded heap
 * (worst on top), then those sorted. Ties go by entry index, as the stable sort of the candidates
 * (in index order) would have them.
 */
export function bestRanked(candidates: readonly number[], k: number, order: (a: number, b: number) => number): number[] {
  const byOrder = (a: number, b: number) => order(a, b) || a - b;
  if (candidates.length <= k) return [...candidates].sort(byOrder);
  const heap: number[] = [];
  const up = (at: number) => {
    while (at > 0) {
      const parent = (at - 1) >> 1;
      if (byOrder(heap[at]!, heap[parent]!) <= 0) return;
      [heap[at], heap[parent]] = [heap[parent]!, heap[at]!];
      at = parent;
    }
  };
  const down = (at: number) => {
    for (;;) {
      const left = 2 * at + 1;
      if (left >= heap.length) return;
      const worse = left + 1 < heap.length && byOrder(heap[left + 1]!, heap[left]!) > 0 ? left + 1 : left;
      if (byOrder(heap[worse]!, heap[at]!) <= 0) return;
      [heap[at], heap[worse]] = [heap[worse]!, heap[at]!];
      at = worse;
    }
  };
  for (const i of candidates) {
    if (heap.length < k) {
      heap.push(i);
      up(heap.length - 1);
    } else if (byOrder(i, heap[0]!) < 0) {
      heap[0] = i;
      down(0);
    }
  }
  return heap.sort(byOrder);
}

/**
 * The same as `bestRanked` for candidates in start order (as the window gives them) when the order is
 * a group first (higher first: preferred, then priority), then the start, then the distance: no
 * comparator per candidate, only the groups and, within a group, runs that start at the same time
 * sorted by distance. "Suggested" and "soonest" (one group) lists, about a millisecond less per
 * request than the heap (bench:claims).
 */
export function bestRankedByStart(candidates: readonly number[], k: number, group: (i: number) => number, startMs: ArrayLike<number>, km: (i: number) => number): number[] {
  const groups = new Map<number, number[]>();
  for (const i of candidates) {
    const g = group(i);
    const members = groups.get(g);
    if (members) members.push(i);
    else groups.set(g, [i]);
  }
  const out: number[] = [];
  const byDistance = (a: number, b: number) => km(a) - km(b) || a - b;
  for (const g of [...groups.keys()].sort((a, b) => b - a)) {
    const members = groups.get(g)!;
    for (let at = 0; at < members.length && out.length < k; ) {
      let end = at + 1;
      while (end < members.length && startMs[members[end]!] === startMs[members[at]!]) end++;
      const run = members.slice(at, end);
      if (run.length > 1) run.sort(byDistance);
      for (const i of run) if (out.length < k) out.push(i);
      at = end;
    }
    if (out.length >= k) break;
  }
  return out;
}

type Listed = { entry: OpenShiftEntry; distanceKm: number; isPreferred: boolean; violations: RuleViolation[] };

async function rankAndCheck(
  db: Db,
  worker: WorkerFacts,
  window: { entries: OpenShiftEntry[]; columns: OpenShiftColumns },
  region: { rules: TRegionRules; timeZone: string },
  query: OpenShiftsQuery,
  from: Date,
  to: Date,
  mode: CheckMode,
): Promise<Listed[]> {
  const { entries, columns } = window;
  const { candidates, keys } = filterCandidates(worker, columns, query, from, to);
  const order = orderBy(query.sort, keys);
  const limit = checkLimitFor(query.limit);
  // Before any check every candidate counts as eligible, so "suggested" groups by preferred and priority.
  const ranked =
    query.sort === 'nearest'
      ? bestRanked(candidates, limit, order)
      : bestRankedByStart(candidates, limit, query.sort === 'soonest' ? () => 0 : (i) => keys.isPreferred(i) * 1024 + keys.priority[i]!, keys.startMs, keys.km);
  const violations = new Map<string, RuleViolation[]>();
  const mine = new Set<string>();
  const check = async (batch: number[]) => {
    const facts = await loadEligibilityFacts(db, worker, batch.map((i) => entries[i]!));
    // Shifts the worker is on already are not listed, but they are on the worker's plan.
    for (const id of facts.alreadyOn) mine.add(id);
    const checked = await evaluateEligibility(
      db,
      facts.alreadyOn.size ? { ...facts, candidates: facts.candidates.filter((c) => !facts.alreadyOn.has(c.id)), held: [...facts.held, ...facts.candidates.filter((c) => facts.alreadyOn.has(c.id))] } : facts,
      region.rules,
      region.timeZone,
    );
    for (const [id, list] of checked) violations.set(id, list);
  };
  const isListable = (i: number) => !mine.has(entries[i]!.id);
  const isEligible = (i: number) => (violations.get(entries[i]!.id) ?? []).length === 0;
  const listed = (chosen: number[]) => chosen.map((i): Listed => ({ entry: entries[i]!, distanceKm: keys.km(i), isPreferred: keys.isPreferred(i) === 1, violations: violations.get(entries[i]!.id) ?? [] }));
  if (query.includeIneligible) {
    // The eligible come first, so every candidate is checked before ranking again.
    if (ranked.length) await check(ranked);
    const items = ranked.filter(isListable);
    for (const i of items) if (!isEligible(i)) keys.ineligible.add(i);
    return listed(items.sort(order).slice(0, query.limit));
  }
  // Only eligible shifts are listed and eligibility does not change their order (the sort is
  // stable), so check in growing batches in rank order until `limit` of them are eligible.
  const chosen: number[] = [];
  const batches = function* () {
    for (let at = 0, size = Math.max(100, 4 * query.limit); at < ranked.length; at += size, size *= 2) yield ranked.slice(at, at + size);
  };
  if (mode === 'plain') {
    for (const batch of batches()) {
      if (chosen.length >= query.limit) break;
      await check(batch);
      for (const i of batch) if (chosen.length < query.limit && isListable(i) && isEligible(i)) chosen.push(i);
    }
    return listed(chosen);
  }
  const passes = pairwisePasses(worker, window, ranked, region.rules, region.timeZone);
  const isPassing = new Map<number, number>();
  ranked.forEach((i, k) => isPassing.set(i, passes[k]!));
  for (const batch of batches()) {
    if (chosen.length >= query.limit) break;
    if (!batch.some((i) => isPassing.get(i) === 1)) continue;
    // The facts of the whole batch (the worker's shifts around it), so that each shift checked gets
    // the weeks a check of the whole batch would give it.
    const facts = await loadEligibilityFacts(db, worker, batch.map((i) => entries[i]!));
    const held = [...facts.held, ...facts.candidates.filter((c) => facts.alreadyOn.has(c.id))];
    const whole = facts.candidates.filter((c) => !facts.alreadyOn.has(c.id));
    const todo = batch.filter((i) => isPassing.get(i) === 1 && !facts.alreadyOn.has(entries[i]!.id));
    for (let at = 0; at < todo.length && chosen.length < query.limit; ) {
      // A few more than are missing: the full check refuses some (rest, weekly hours, places).
      const part = todo.slice(at, (at += Math.ceil((query.limit - chosen.length) * 1.25) + 2));
      const ids = new Set(part.map((i) => entries[i]!.id));
      const checked = await evaluateEligibility(
        db,
        { worker, candidates: part.map((i) => entries[i]!), held, occupants: facts.occupants.filter((o) => ids.has(o.shiftId)), alreadyOn: new Set(), batch: whole },
        region.rules,
        region.timeZone,
      );
      for (const [id, list] of checked) violations.set(id, list);
      for (const i of part) if (chosen.length < query.limit && isEligible(i)) chosen.push(i);
    }
  }
  return listed(chosen);
}
