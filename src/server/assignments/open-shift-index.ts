// The open shifts ahead in a region, kept in memory per process so that "open shifts for me" ranks
// them without scanning the window in SQL on every request (bench:claims: 20,000 open shifts).
//
// Correct with several app processes: every request first reads the region's open-shift version
// (`regions.open_shifts_version`, one primary-key read), which the database itself sets to a new
// value after every statement that posts, cancels or deletes the region's shifts or moves one of its
// locations (triggers, drizzle/0012); the snapshot is read with its version in one statement and is
// loaded again when the version differs. The snapshot holds only what does not change after posting
// (times, place, package, places, priority); who is on a shift is read fresh for the shifts that get
// checked, and a claim checks every rule again under its locks.
import type { DbOrTx } from '../db/open-database.js';
import { findOpenShiftVersion, loadOpenShiftWindow, type OpenShiftEntry, type OpenShiftVersion } from './assignments.repo.js';

/**
 * The window's entries as columns (by entry index) for the per-request filter and ranking, which
 * visit all of them: locations, packages and organisations as small integers into the lists here.
 */
export type OpenShiftColumns = {
  startMs: Float64Array;
  endMs: Float64Array;
  location: Int32Array;
  package: Int32Array;
  organisation: Int32Array;
  priority: Int32Array;
  locationIds: string[];
  /** By location index: where it is. */
  locationLat: Float64Array;
  locationLon: Float64Array;
  /** By location index: its organisation's index. */
  locationOrganisation: Int32Array;
  packageIds: string[];
  /** By package index: 1 when the package needs a registration (BIG). */
  packageRequiresRegistration: Uint8Array;
  organisationIds: string[];
};

type Snapshot = { from: Date; loadedAt: number; version: OpenShiftVersion; entries: OpenShiftEntry[]; startMs: Float64Array; columns: OpenShiftColumns };

function indexer(): { ids: string[]; of: (id: string) => number } {
  const ids: string[] = [];
  const index = new Map<string, number>();
  return {
    ids,
    of: (id) => {
      let at = index.get(id);
      if (at === undefined) index.set(id, (at = ids.push(id) - 1));
      return at;
    },
  };
}

export function toColumns(entries: readonly OpenShiftEntry[]): OpenShiftColumns {
  const n = entries.length;
  const locations = indexer();
  const packages = indexer();
  const organisations = indexer();
  const columns = { startMs: new Float64Array(n), endMs: new Float64Array(n), location: new Int32Array(n), package: new Int32Array(n), organisation: new Int32Array(n), priority: new Int32Array(n) };
  const lat: number[] = [];
  const lon: number[] = [];
  const locationOrganisation: number[] = [];
  const requiresRegistration: number[] = [];
  entries.forEach((e, i) => {
    columns.startMs[i] = e.start.getTime();
    columns.endMs[i] = e.end.getTime();
    const l = locations.of(e.locationId);
    const p = packages.of(e.packageId);
    const o = organisations.of(e.organisationId);
    lat[l] = e.lat;
    lon[l] = e.lon;
    locationOrganisation[l] = o;
    requiresRegistration[p] = e.requiresRegistration ? 1 : 0;
    columns.location[i] = l;
    columns.package[i] = p;
    columns.organisation[i] = o;
    columns.priority[i] = e.priority;
  });
  return {
    ...columns,
    locationIds: locations.ids,
    locationLat: Float64Array.from(lat),
    locationLon: Float64Array.from(lon),
    locationOrganisation: Int32Array.from(locationOrganisation),
    packageIds: packages.ids,
    packageRequiresRegistration: Uint8Array.from(requiresRegistration),
    organisationIds: organisations.ids,
  };
}

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
  const columns = toColumns(entries);
  return { from, loadedAt: Date.now(), version, entries, startMs: columns.startMs, columns };
}

/**
 * The region's open shifts starting after `from` (a superset: the caller filters by its own window),
 * by start (with the starts in ms and the other ranking keys as columns alongside), and the region's
 * rules and zone as they are now.
 */
export async function openShiftWindow(db: DbOrTx, regionId: string, from: Date) {
  const regions = regionsOf(db);
  const cached = regions.get(regionId);
  const snapshot = cached ? await cached.catch(() => undefined) : undefined;
  const isUsable = snapshot !== undefined && snapshot.from <= from && Date.now() - snapshot.loadedAt < MAX_AGE_MS;
  const current = await findOpenShiftVersion(db, regionId);
  if (!current) return { entries: [], startMs: new Float64Array(0), columns: toColumns([]), rules: null, timeZone: null };
  if (isUsable && snapshot.version === current.version) return { entries: snapshot.entries, startMs: snapshot.startMs, columns: snapshot.columns, rules: current.rules, timeZone: current.timeZone };
  // Another request may have started a load meanwhile (after this one read the version): share it.
  const latest = regions.get(regionId);
  if (latest && latest !== cached) {
    const shared = await latest.catch(() => undefined);
    if (shared && shared.from <= from && shared.version === current.version) return { entries: shared.entries, startMs: shared.startMs, columns: shared.columns, rules: current.rules, timeZone: current.timeZone };
  }
  const loading = load(db, regionId, from);
  regions.set(regionId, loading);
  const fresh = await loading;
  return { entries: fresh.entries, startMs: fresh.startMs, columns: fresh.columns, rules: current.rules, timeZone: current.timeZone };
}

/** Forgets the region's snapshot: the next request loads it again. */
export function forgetOpenShiftWindow(db: DbOrTx, regionId: string): void {
  regionsOf(db).delete(regionId);
}
