// "Open shifts for me": the region's open shifts from the in-memory window (open-shift-index.ts),
// filtered and ranked for the signed-in worker, with the planning engine's hard constraints
// checked (eligibility.ts) for the best ranked only.
import { inArray } from 'drizzle-orm';
import type { TOpenShiftForMe } from '../../shared/assignments.schemas.js';
import type { TRegionRules } from '../../shared/regions.schemas.js';
import type { Actor } from '../auth/actor.js';
import type { Db } from '../db/open-database.js';
import { shifts } from '../db/schema.js';
import { forbidden } from '../errors/app-error.js';
import { distanceKm } from '../geo/postcodes.js';
import { loadWorkerFacts, type WorkerFacts } from '../planning/worker-facts.js';
import * as shiftRepo from '../shifts/shifts.repo.js';
import { toShift } from '../shifts/shifts.service.js';
import type { OpenShiftEntry } from './assignments.repo.js';
import { forgetOpenShiftWindow, openShiftWindow } from './open-shift-index.js';
import { evaluateEligibility, factsWindow, loadEligibilityFacts, type RuleViolation } from './eligibility.js';

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
 * The ranking keys of the region's window, by entry index: typed arrays rather than an object per
 * shift, since a request ranks up to 20,000 of them (bench:claims).
 */
type RankKeys = { startMs: Float64Array; km: Float64Array; isPreferred: Uint8Array; priority: Int32Array; isEligible: Uint8Array };

function orderBy(sort: 'suggested' | 'soonest' | 'nearest', k: RankKeys): (a: number, b: number) => number {
  const bySoonest = (a: number, b: number) => k.startMs[a]! - k.startMs[b]! || k.km[a]! - k.km[b]!;
  if (sort === 'soonest') return bySoonest;
  if (sort === 'nearest') return (a, b) => k.km[a]! - k.km[b]! || k.startMs[a]! - k.startMs[b]!;
  return (a, b) => k.isEligible[b]! - k.isEligible[a]! || k.isPreferred[b]! - k.isPreferred[a]! || k.priority[b]! - k.priority[a]! || bySoonest(a, b);
}

/**
 * Open shifts for the signed-in worker, best first. The region's open shifts come from the
 * in-memory window (open-shift-index.ts, version-checked per request) and are filtered and ranked
 * here; the rules are checked only for the best ranked, in growing batches, with who is on those
 * shifts read fresh. Full rows are loaded for the shifts returned.
 */
export async function openShiftsForMe(
  db: Db,
  actor: Actor,
  query: { from?: string | undefined; to?: string | undefined; packageId?: string | undefined; organisationId?: string | undefined; maxDistanceKm?: number | undefined; includeIneligible: boolean; sort: 'suggested' | 'soonest' | 'nearest'; limit: number },
  now = new Date(),
): Promise<TOpenShiftForMe[]> {
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
    const listed = await rankAndCheck(db, worker, window, { rules: window.rules, timeZone: window.timeZone }, query, from, to);
    if (listed.length === 0) return [];
    const fullRows = new Map((await shiftRepo.selectShifts(db, inArray(shifts.id, listed.map((c) => c.entry.id)), listed.length)).map((row) => [row.id, row]));
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

async function rankAndCheck(
  db: Db,
  worker: WorkerFacts,
  window: { entries: OpenShiftEntry[]; startMs: Float64Array },
  region: { rules: TRegionRules; timeZone: string },
  query: { packageId?: string | undefined; organisationId?: string | undefined; maxDistanceKm?: number | undefined; includeIneligible: boolean; sort: 'suggested' | 'soonest' | 'nearest'; limit: number },
  from: Date,
  to: Date,
): Promise<{ entry: OpenShiftEntry; distanceKm: number; isPreferred: boolean; violations: RuleViolation[] }[]> {
  const { entries, startMs } = window;
  const myPackages = new Set(worker.packageIds);
  const preferred = new Set(worker.preferredOrganisationIds);
  const home = { lat: worker.homeLat, lon: worker.homeLon };
  const kmByLocation = new Map<string, number>();
  const n = entries.length;
  const keys: RankKeys = { startMs, km: new Float64Array(n), isPreferred: new Uint8Array(n), priority: new Int32Array(n), isEligible: new Uint8Array(n).fill(1) };
  const candidates: number[] = [];
  // The window is sorted by start: begin after `from`, stop at `to`.
  let lo = 0;
  for (let hi = n; lo < hi; ) {
    const mid = (lo + hi) >> 1;
    if (startMs[mid]! <= from.getTime()) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < n && startMs[i]! < to.getTime(); i++) {
    const entry = entries[i]!;
    if (query.packageId && entry.packageId !== query.packageId) continue;
    if (query.organisationId && entry.organisationId !== query.organisationId) continue;
    // Without the ineligible ones: own packages and the worker's radius only.
    if (!query.includeIneligible && !myPackages.has(entry.packageId)) continue;
    let km = kmByLocation.get(entry.locationId);
    if (km === undefined) kmByLocation.set(entry.locationId, (km = distanceKm(home, entry)));
    if (!query.includeIneligible && km > worker.maxTravelKm) continue;
    if (query.maxDistanceKm !== undefined && km > query.maxDistanceKm) continue;
    keys.km[i] = Math.round(km * 10) / 10;
    keys.isPreferred[i] = preferred.has(entry.organisationId) ? 1 : 0;
    keys.priority[i] = entry.priority;
    candidates.push(i);
  }
  const order = orderBy(query.sort, keys);
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
  const ranked = candidates.sort(order).slice(0, checkLimitFor(query.limit));
  let chosen: number[];
  if (query.includeIneligible) {
    // The eligible come first, so every candidate is checked before ranking again.
    if (ranked.length) await check(ranked);
    const items = ranked.filter(isListable);
    for (const i of items) keys.isEligible[i] = isEligible(i) ? 1 : 0;
    chosen = items.sort(order).slice(0, query.limit);
  } else {
    // Only eligible shifts are listed and eligibility does not change their order (the sort is
    // stable), so check in growing batches in rank order until `limit` of them are eligible.
    chosen = [];
    for (let at = 0, size = Math.max(100, 4 * query.limit); at < ranked.length && chosen.length < query.limit; at += size, size *= 2) {
      const batch = ranked.slice(at, at + size);
      await check(batch);
      for (const i of batch) if (chosen.length < query.limit && isListable(i) && isEligible(i)) chosen.push(i);
    }
  }
  return chosen.map((i) => ({ entry: entries[i]!, distanceKm: keys.km[i]!, isPreferred: keys.isPreferred[i] === 1, violations: violations.get(entries[i]!.id) ?? [] }));
}
