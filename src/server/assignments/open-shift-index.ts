// The open shifts ahead in a region, kept in memory per process so that "open shifts for me" ranks
// them without scanning the window in SQL on every request (bench:claims: 20,000 open shifts).
//
// Correct with several app processes: every request first reads the window's version in one cheap
// statement (assignments.repo findOpenShiftVersion: how many shifts start after the snapshot's start,
// and how many of those are open). Posting changes the first count, cancelling the second, and shifts
// are never deleted, so an unchanged version means an unchanged set of open shifts; otherwise the
// snapshot is loaded again. The snapshot holds only what does not change after posting (times,
// place, package, places, priority); who is on a shift is read fresh for the shifts that get
// checked, and a claim checks every rule again under its locks.
import type { DbOrTx } from '../db/open-database.js';
import { findOpenShiftVersion, loadOpenShiftWindow, type OpenShiftEntry, type OpenShiftVersion } from './assignments.repo.js';

type Snapshot = { from: Date; loadedAt: number; version: OpenShiftVersion; entries: OpenShiftEntry[]; startMs: Float64Array };

/** Shifts that started meanwhile are skipped by the caller; a fresh snapshot every few minutes drops them. */
const MAX_AGE_MS = 5 * 60_000;

// Per database handle (tests run several), per region; the promise lets concurrent requests share one load.
const snapshots = new WeakMap<object, Map<string, Promise<Snapshot>>>();

function regionsOf(db: DbOrTx): Map<string, Promise<Snapshot>> {
  let regions = snapshots.get(db);
  if (!regions) snapshots.set(db, (regions = new Map<string, Promise<Snapshot>>()));
  return regions;
}

async function load(db: DbOrTx, regionId: string, from: Date): Promise<Snapshot> {
  const { entries, version } = await loadOpenShiftWindow(db, regionId, from);
  return { from, loadedAt: Date.now(), version, entries, startMs: Float64Array.from(entries, (e) => e.start.getTime()) };
}

const sameVersion = (a: OpenShiftVersion, b: OpenShiftVersion) => a.total === b.total && a.open === b.open;

/**
 * The region's open shifts starting after `from` (a superset: the caller filters by its own window),
 * by start (with the starts in ms alongside), and the region's rules and zone as they are now.
 */
export async function openShiftWindow(db: DbOrTx, regionId: string, from: Date) {
  const regions = regionsOf(db);
  const cached = regions.get(regionId);
  const snapshot = cached ? await cached.catch(() => undefined) : undefined;
  const isUsable = snapshot !== undefined && snapshot.from <= from && Date.now() - snapshot.loadedAt < MAX_AGE_MS;
  const current = await findOpenShiftVersion(db, regionId, isUsable ? snapshot.from : from);
  if (!current) return { entries: [], startMs: new Float64Array(0), rules: null, timeZone: null };
  if (isUsable && sameVersion(snapshot.version, current)) return { entries: snapshot.entries, startMs: snapshot.startMs, rules: current.rules, timeZone: current.timeZone };
  // Another request may have started a load meanwhile (after this one read the version): share it.
  const latest = regions.get(regionId);
  if (latest && latest !== cached) {
    const shared = await latest.catch(() => undefined);
    if (shared && shared.from <= from) return { entries: shared.entries, startMs: shared.startMs, rules: current.rules, timeZone: current.timeZone };
  }
  const loading = load(db, regionId, from);
  regions.set(regionId, loading);
  const fresh = await loading;
  return { entries: fresh.entries, startMs: fresh.startMs, rules: current.rules, timeZone: current.timeZone };
}

/** Forgets the region's snapshot: the next request loads it again. */
export function forgetOpenShiftWindow(db: DbOrTx, regionId: string): void {
  regionsOf(db).delete(regionId);
}
