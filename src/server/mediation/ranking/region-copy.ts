// A copy, in process, of what the region pass (`region-pass.ts`) reads of each of a region's workers:
// home, travel radius, minimum days, packages and competences. It is loaded once with one statement
// and then brought up to date by re-reading only the workers that changed since its version:
// the triggers that give the region a new `workers_version` (drizzle/0008) also log which workers
// each statement changed under that version (`worker_changes`, drizzle/0011). The changed workers'
// current rows are read in the same snapshot as the version, so the copy is exactly the region's
// workers at that version; a worker that is gone or moved to another region is not read back and is
// removed. The version and the log live in the database, so every process stays correct.
//
// A copy can be brought up to date from the log only if
// - its version is in the log (else it came from a transaction that rolled back: the log keeps no
//   entry of a version that was never committed, and the sequence never hands it out again), and
// - it is at most `CHANGE_LOG_KEPT_VERSIONS` older than the region's version (the triggers prune
//   older entries; that is the region's floor);
// - no truncate came since (it logs `RELOAD` for every region);
// otherwise, and when more than `MAX_CHANGES_READ` log entries would be read, it is loaded again.
import { sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/open-database.js';
import type { HeldCompetence } from './score.js';

/** Must not exceed the distance the triggers keep (drizzle/0011: `version - 10000`). */
export const CHANGE_LOG_KEPT_VERSIONS = 10_000;
/** The worker id a truncate logs for every region (drizzle/0011): the log cannot say who changed, load again. */
const RELOAD = '00000000-0000-0000-0000-000000000000';
/** More log entries than this since the copy's version: loading the region again is cheaper. */
const MAX_CHANGES_READ = 20_000;
/** Workers kept over all copies (least recently used region dropped first); ≈ 200 bytes of heap each, 19–20 MB per 100,000 (docs/benchmarks.md). */
const MAX_COPIED_WORKERS = 500_000;

/** What the region pass reads of one worker. */
export type CopiedWorker = {
  id: string;
  lat: number;
  lon: number;
  maxTravelKm: number;
  minDaysPerYear: number | null;
  /** The package ids held, sorted; one array shared by every worker of the copy with the same set. */
  packages: readonly string[];
  /** The competences held, sorted by id; shared as the packages are. */
  competences: readonly HeldCompetence[];
};

/** A worker row as the statements below return it: packages and competences as comma-separated ids (a confirmed competence ends in '!'). */
type WorkerRow = {
  id: string | null;
  lat: number;
  lon: number;
  maxTravelKm: number;
  minDaysPerYear: number | null;
  packages: string | null;
  competences: string | null;
};

/** The log entries since a version and the current rows of the workers they name (absent: gone or moved away). */
export type RegionChanges = { since: number; changed: string[]; rows: WorkerRow[] };

/** Comma-separated ids in PostgreSQL's uuid order (their text order), so that equal sets share one array. */
const sortedIds = (ids: string) => (ids.includes(',') ? ids.split(',').sort().join(',') : ids);

export class RegionCopy {
  readonly workers = new Map<string, CopiedWorker>();
  private readonly packageSets = new Map<string, readonly string[]>();
  private readonly competenceSets = new Map<string, readonly HeldCompetence[]>();

  constructor(
    readonly regionId: string,
    public version: number,
  ) {}

  put(row: WorkerRow & { id: string }): void {
    const packages = sortedIds(row.packages ?? '');
    let packageSet = this.packageSets.get(packages);
    if (!packageSet) this.packageSets.set(packages, (packageSet = Object.freeze(packages ? packages.split(',') : [])));
    const competences = sortedIds(row.competences ?? '');
    let competenceSet = this.competenceSets.get(competences);
    if (!competenceSet) {
      const held = competences ? competences.split(',').map((c) => (c.endsWith('!') ? { id: c.slice(0, -1), confirmed: true } : { id: c, confirmed: false })) : [];
      this.competenceSets.set(competences, (competenceSet = Object.freeze(held)));
    }
    this.workers.set(row.id, {
      id: row.id,
      lat: row.lat,
      lon: row.lon,
      maxTravelKm: row.maxTravelKm,
      minDaysPerYear: row.minDaysPerYear,
      packages: packageSet,
      competences: competenceSet,
    });
  }

  /** The shared package arrays (`CopiedWorker.packages`) that include the package: a pass tests membership by identity. */
  setsHolding(packageId: string): Set<readonly string[]> {
    return new Set([...this.packageSets.values()].filter((set) => set.includes(packageId)));
  }

  /** Brings the copy to `version` with the changes read in the same snapshot; false if they start from another version. */
  apply(version: number, changes: RegionChanges): boolean {
    if (changes.since !== this.version) return false;
    const rows = new Map(changes.rows.map((r) => [r.id, r]));
    for (const id of changes.changed) {
      const row = rows.get(id);
      if (row) this.put({ ...row, id });
      else this.workers.delete(id);
    }
    this.version = version;
    return true;
  }
}

/**
 * The pass's facts of the region's workers, one row each: `only` narrows them (an SQL condition on
 * `w`). Packages and competences are one index probe per worker, not an aggregate over all holders.
 */
function workerRowsSql(regionId: string, only: SQL | null): SQL {
  return sql`select w.id, w.home_lat as "lat", w.home_lon as "lon", w.max_travel_km as "maxTravelKm", w.min_days_per_year as "minDaysPerYear",
      (select string_agg(wp.package_id::text, ',' order by wp.package_id) from worker_packages wp where wp.worker_id = w.id) as "packages",
      (select string_agg(wc.competence_id::text || case when wc.source = 'confirmed' then '!' else '' end, ',' order by wc.competence_id)
        from worker_competences wc where wc.worker_id = w.id) as "competences"
    from workers w where w.region_id = ${regionId}::uuid ${only ? sql`and ${only}` : sql``}`;
}

/**
 * The pass's facts of all the region's workers as one JSON text (null if none), parsed in Node: an
 * array `[id, lat, lon, maxTravelKm, minDaysPerYear, packages, competences]` per worker, packages and
 * competences as in `workerRowsSql` but in no particular order (`RegionCopy.put` sorts them).
 * Packages and competences are grouped once for the region (hash joins), not probed per worker. A
 * float8 prints as the shortest text that reads back as the same double (PostgreSQL 12 and later), as
 * in the rows the driver parses; latitude and longitude are quoted (a NaN is no JSON number), and read
 * back with `Number`. (`to_json` on them doubled the statement's cost.)
 */
function wholeRegionSql(regionId: string): SQL {
  const inRegion = (table: SQL) => sql`${table} t join workers x on x.id = t.worker_id and x.region_id = ${regionId}::uuid`;
  const text = (value: SQL) => sql`coalesce('"' || ${value} || '"', 'null')`;
  return sql`select '[' || string_agg(concat('["', w.id, '","', w.home_lat, '","', w.home_lon, '",', w.max_travel_km, ',',
        coalesce(w.min_days_per_year::text, 'null'), ',', ${text(sql`p.packages`)}, ',', ${text(sql`c.competences`)}, ']'), ',') || ']'
    from workers w
    left join (select t.worker_id, string_agg(t.package_id::text, ',') as packages from ${inRegion(sql`worker_packages`)} group by t.worker_id) p on p.worker_id = w.id
    left join (select t.worker_id, string_agg(t.competence_id::text || case when t.source = 'confirmed' then '!' else '' end, ',') as competences
      from ${inRegion(sql`worker_competences`)} group by t.worker_id) c on c.worker_id = w.id
    where w.region_id = ${regionId}::uuid`;
}

const versionSql = (regionId: string) => sql`(select r.workers_version from regions r where r.id = ${regionId}::uuid)`;

/**
 * The changes since `since` as one JSON value (`RegionChanges`), or null when the copy at `since`
 * cannot be brought up to date from the log (see the top of this file). Read with the version in
 * one statement: the rows are those of the version read. The changed workers' rows are probed by id
 * (`= any (array(…))`), so that the plan never scans the region's workers.
 */
export function changesSinceSql(regionId: string, since: number): SQL {
  const version = versionSql(regionId);
  const v = sql`${since}::bigint`;
  const entries = sql`worker_changes c where c.region_id = ${regionId}::uuid and c.version > ${v}`;
  const usable = sql`(${v} = ${version} or (${v} < ${version} and ${v} >= ${version} - ${CHANGE_LOG_KEPT_VERSIONS}::bigint
      and (${v} = 0 or exists (select 1 from worker_changes k where k.region_id = ${regionId}::uuid and k.version = ${v}))
      and not exists (select 1 from ${entries} and c.worker_id = ${RELOAD}::uuid)
      and (select count(*) from (select 1 from ${entries} limit ${MAX_CHANGES_READ + 1}) l) <= ${MAX_CHANGES_READ}))`;
  return sql`case when ${usable} then json_build_object(
      'since', ${v},
      'changed', (select coalesce(json_agg(distinct c.worker_id), '[]'::json) from ${entries}),
      'rows', (select coalesce(json_agg(r), '[]'::json) from (${workerRowsSql(regionId, sql`w.id = any (array(select c.worker_id from ${entries}))`)}) r)
    ) end`;
}

/** The copies of the regions ranked lately, at most `maxWorkers` workers over all (least recently used region dropped first). */
export class RegionCopies {
  private readonly copies = new Map<string, RegionCopy>();
  readonly stats = { loads: 0, updates: 0, changedWorkersRead: 0 };

  constructor(private readonly maxWorkers = MAX_COPIED_WORKERS) {}

  /** The region's copy, if kept (marked recently used). */
  get(regionId: string): RegionCopy | undefined {
    const copy = this.copies.get(regionId);
    if (copy) {
      this.copies.delete(regionId);
      this.copies.set(regionId, copy);
    }
    return copy;
  }

  /** Applies changes read with `version` to the region's copy; false if there is none or it is at another version than they start from. */
  apply(regionId: string, version: number, changes: RegionChanges | null): boolean {
    const copy = this.copies.get(regionId);
    return copy !== undefined && this.applyTo(copy, version, changes);
  }

  private applyTo(copy: RegionCopy, version: number, changes: RegionChanges | null): boolean {
    if (!changes || changes.since !== copy.version) return false;
    if (version !== copy.version) {
      this.stats.updates++;
      this.stats.changedWorkersRead += changes.rows.length;
    }
    return copy.apply(version, changes);
  }

  /** The region's copy brought up to date now: from the log if it can be, else loaded again (one statement either way). */
  async current(db: DbOrTx, regionId: string): Promise<RegionCopy> {
    const copy = this.get(regionId);
    if (copy) {
      const since = copy.version;
      const result = (await db.execute(sql`select ${versionSql(regionId)} as "version", ${changesSinceSql(regionId, since)} as "changes"`)) as {
        rows: { version: string | number | null; changes: RegionChanges | null }[];
      };
      const version = Number(result.rows[0]!.version);
      if (this.applyTo(copy, version, result.rows[0]!.changes) || copy.version === version) return copy;
    }
    return this.load(db, regionId);
  }

  /**
   * Loads the region's copy afresh, with the version in the same statement: the workers as ONE JSON
   * text (`wholeRegionSql`), parsed here — 100,000 rows read one by one through the driver cost
   * several times more, in Node and in PostgreSQL.
   */
  async load(db: DbOrTx, regionId: string): Promise<RegionCopy> {
    const result = (await db.execute(sql`select ${versionSql(regionId)} as "version", (${wholeRegionSql(regionId)}) as "lines"`)) as {
      rows: { version: string | number | null; lines: string | null }[];
    };
    const copy = new RegionCopy(regionId, Number(result.rows[0]!.version ?? 0));
    const lines = result.rows[0]!.lines;
    type Line = [string, string, string, number, number | null, string | null, string | null];
    for (const [id, lat, lon, maxTravelKm, minDaysPerYear, packages, competences] of lines === null ? [] : (JSON.parse(lines) as Line[])) {
      copy.put({ id, lat: Number(lat), lon: Number(lon), maxTravelKm, minDaysPerYear, packages, competences });
    }
    this.stats.loads++;
    this.copies.delete(regionId);
    this.copies.set(regionId, copy);
    let kept = 0;
    for (const c of this.copies.values()) kept += c.workers.size;
    for (const [id, c] of this.copies) {
      if (kept <= this.maxWorkers || c === copy) break;
      this.copies.delete(id);
      kept -= c.workers.size;
    }
    return copy;
  }

  clear(): void {
    this.copies.clear();
    this.stats.loads = this.stats.updates = this.stats.changedWorkersRead = 0;
  }
}

/** The process's copies, shared by every ranking. */
export const regionCopies = new RegionCopies();
