import { and, eq, gte, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/open-database.js';
import type { TRegionRules } from '../../shared/regions.schemas.js';
import { assignments, organisations, regions, swaps, workers, type shifts } from '../db/schema.js';
import { toShiftFacts, type ShiftFacts } from './eligibility.js';

export async function findAssignment(db: DbOrTx, id: string) {
  const [row] = await db.select().from(assignments).where(eq(assignments.id, id));
  return row;
}

export async function findLiveAssignment(db: DbOrTx, shiftId: string, workerId: string) {
  const [row] = await db
    .select()
    .from(assignments)
    .where(and(eq(assignments.shiftId, shiftId), eq(assignments.workerId, workerId), inArray(assignments.status, ['pending', 'confirmed'])));
  return row;
}

export async function insertAssignment(db: DbOrTx, row: typeof assignments.$inferInsert) {
  const [created] = await db.insert(assignments).values(row).returning();
  return created!;
}

export async function setAssignmentStatus(
  db: DbOrTx,
  id: string,
  status: (typeof assignments.status.enumValues)[number],
  decidedByUserId: string,
  reason: string | null = null,
) {
  const [row] = await db.update(assignments).set({ status, decidedAt: new Date(), decidedByUserId, reason }).where(eq(assignments.id, id)).returning();
  return row!;
}

/**
 * Locks worker rows in id order: one worker's claims, approvals and swaps then run one after
 * another, so two simultaneous claims cannot both pass the rest and weekly-hours rules.
 */
export async function lockWorkers(db: DbOrTx, ids: string[]) {
  const sorted = [...new Set(ids)].sort();
  await db.execute(sql`select id from workers where id in ${sorted} order by id for update`);
}

/**
 * A shift with all a claim reads before any lock: the facts the rules need, its status, and its
 * organisation's claim mode and region (rules, zone). What the rules read does not change after
 * posting; the status is read again under the shift lock (lockClaimStatement).
 */
export async function findClaimTarget(db: DbOrTx, shiftId: string) {
  const result = (await db.execute(sql`
    select o.region_id as "regionId", o.claim_mode as "claimMode", r.rules, r.time_zone as "timeZone", s.status, s.cancel_reason as "cancelReason",
      s.id, s.location_id as "locationId", s.organisation_id as "organisationId", s.package_id as "packageId",
      p.requires_registration as "requiresRegistration", floor(extract(epoch from s.start) * 1000)::float8 as start,
      floor(extract(epoch from s."end") * 1000)::float8 as "end", s.places, s.supervision_capacity as "supervisionCapacity", l.lat, l.lon
    from shifts s join organisations o on o.id = s.organisation_id join regions r on r.id = o.region_id
      join locations l on l.id = s.location_id join activity_packages p on p.id = s.package_id
    where s.id = ${shiftId}`)) as {
    rows: (Omit<ShiftFacts, 'start' | 'end'> & {
      start: number;
      end: number;
      regionId: string;
      claimMode: (typeof organisations.claimMode.enumValues)[number];
      rules: TRegionRules;
      timeZone: string;
      status: (typeof shifts.status.enumValues)[number];
      cancelReason: string | null;
    })[];
  };
  const row = result.rows[0];
  if (!row) return undefined;
  const { regionId, claimMode, rules, timeZone, status, cancelReason, start, end, ...facts } = row;
  return { regionId, claimMode, rules, timeZone, status, cancelReason, facts: { ...facts, start: new Date(start), end: new Date(end) } satisfies ShiftFacts };
}

export type ClaimLock = { status: (typeof shifts.status.enumValues)[number]; cancelReason: string | null };

/**
 * A claim's locks in one statement (sent together with a notification's inserts): the worker row,
 * then the shift row (the order every path that changes assignments takes them: PostgreSQL locks a
 * joined row's tables in the order of the `for update of` list), with the shift's status read under the lock.
 */
export const lockClaimStatement = (workerId: string, shiftId: string) => sql`
  select s.status, s.cancel_reason as "cancelReason" from workers w, shifts s
  where w.id = ${workerId} and s.id = ${shiftId} for update of w, s`;

/** What a claim's rule check saw: the worker's own live shifts within `from`–`to` and the other live assignments on the shift. */
export type ClaimSnapshot = { from: Date; to: Date; ownShiftIds: string[]; occupantIds: string[] };

/**
 * Inserts the claim only if, under the locks, the worker's live shifts in the snapshot's window and
 * the other people on the shift are exactly those the rules were checked against (one statement, so
 * the locks are held for one round trip and the commit). Undefined: something changed since; check
 * again.
 */
export async function insertClaimIfUnchanged(db: DbOrTx, row: typeof assignments.$inferInsert & { id: string }, seen: ClaimSnapshot) {
  const ids = (list: string[]) => sql`${sql.param([...list].sort())}::uuid[]`;
  const [created] = await db
    .insert(assignments)
    .select(
      sql`select ${row.id}::uuid, ${row.shiftId}::uuid, ${row.workerId}::uuid, ${row.status}::assignment_status, ${row.source ?? 'claim'}::assignment_source,
          ${row.start.toISOString()}::timestamptz, ${row.end.toISOString()}::timestamptz, ${row.isNewcomer ?? false}, now(),
          ${row.decidedAt?.toISOString() ?? null}::timestamptz, ${row.decidedByUserId ?? null}::uuid, ${row.reason ?? null}::text
        from (select coalesce(array_agg(a.shift_id order by a.shift_id) filter (where a.worker_id = ${row.workerId}), '{}') as own,
                     coalesce(array_agg(a.id order by a.id) filter (where a.worker_id <> ${row.workerId}), '{}') as others
              from assignments a
              where a.status in ('pending', 'confirmed')
                and ((a.worker_id = ${row.workerId} and a.start < ${seen.to.toISOString()} and a."end" > ${seen.from.toISOString()})
                  or (a.shift_id = ${row.shiftId} and a.worker_id <> ${row.workerId}))) seen
        where seen.own = ${ids(seen.ownShiftIds)} and seen.others = ${ids(seen.occupantIds)}`,
    )
    .returning();
  return created;
}

/** The region's rules and zone and the organisation's claim settings for a shift's organisation. */
export async function findOrganisationContext(db: DbOrTx, organisationId: string) {
  const [row] = await db
    .select({
      organisationId: organisations.id,
      regionId: organisations.regionId,
      claimMode: organisations.claimMode,
      cancelCutoffHours: organisations.cancelCutoffHours,
      swapNeedsApproval: organisations.swapNeedsApproval,
      rules: regions.rules,
      timeZone: regions.timeZone,
    })
    .from(organisations)
    .innerJoin(regions, eq(regions.id, organisations.regionId))
    .where(eq(organisations.id, organisationId));
  return row!;
}

export async function listWorkerAssignments(db: DbOrTx, workerId: string, from: Date, isLiveOnly: boolean) {
  return db
    .select()
    .from(assignments)
    .where(
      and(
        eq(assignments.workerId, workerId),
        gte(assignments.end, from),
        isLiveOnly ? inArray(assignments.status, ['pending', 'confirmed']) : undefined,
      ),
    )
    .orderBy(assignments.start)
    .limit(500);
}

export async function findSwap(db: DbOrTx, id: string) {
  const [row] = await db.select().from(swaps).where(eq(swaps.id, id));
  return row;
}

export async function insertSwap(db: DbOrTx, row: typeof swaps.$inferInsert) {
  const [created] = await db.insert(swaps).values(row).returning();
  return created!;
}

export async function setSwapStatus(db: DbOrTx, id: string, status: (typeof swaps.status.enumValues)[number], decidedByUserId: string | null, reason: string | null = null) {
  const [row] = await db.update(swaps).set({ status, decidedAt: new Date(), decidedByUserId, reason }).where(eq(swaps.id, id)).returning();
  return row!;
}

export async function workerNames(db: DbOrTx, ids: string[]) {
  if (ids.length === 0) return new Map<string, string>();
  const rows = await db.select({ id: workers.id, firstName: workers.firstName, lastName: workers.lastName }).from(workers).where(inArray(workers.id, ids));
  return new Map(rows.map((r) => [r.id, `${r.firstName} ${r.lastName.charAt(0)}.`]));
}

/** An open shift as "open shifts for me" ranks it: the facts the rules read, plus priority. */
export type OpenShiftEntry = ShiftFacts & { priority: number };

/**
 * The version of a region's open shifts: `regions.open_shifts_version`, a new value from a sequence
 * after every statement that posts, cancels or deletes shifts of the region or moves one of its
 * locations (triggers, drizzle/0012). An unchanged version means unchanged open shifts.
 */
export type OpenShiftVersion = number;

/** The region's rules and zone, with the version of its open shifts. */
export async function findOpenShiftVersion(db: DbOrTx, regionId: string) {
  const result = (await db.execute(sql`select r.rules, r.time_zone as "timeZone", r.open_shifts_version::float8 as version from regions r where r.id = ${regionId}`)) as {
    rows: { version: OpenShiftVersion; rules: TRegionRules; timeZone: string }[];
  };
  return result.rows[0];
}

/** The region's open shifts starting after `from`, by start (then id), and the version they belong to (one snapshot). */
export async function loadOpenShiftWindow(db: DbOrTx, regionId: string, from: Date): Promise<{ entries: OpenShiftEntry[]; version: OpenShiftVersion }> {
  const result = (await db.execute(sql`
    select r.open_shifts_version::float8 as version, s.* from regions r left join lateral (
      select s.id, s.location_id as "locationId", s.organisation_id as "organisationId", s.package_id as "packageId",
        p.requires_registration as "requiresRegistration", floor(extract(epoch from s.start) * 1000)::float8 as start,
        floor(extract(epoch from s."end") * 1000)::float8 as "end", s.places, s.supervision_capacity as "supervisionCapacity",
        s.priority, l.lat, l.lon
      from shifts s join organisations o on o.id = s.organisation_id
        join locations l on l.id = s.location_id join activity_packages p on p.id = s.package_id
      where o.region_id = r.id and s.status = 'open' and s.start > ${from.toISOString()}) s on true
    where r.id = ${regionId}
    order by s.start, s.id`)) as { rows: ({ version: OpenShiftVersion; id: string | null } & Omit<OpenShiftEntry, 'id' | 'start' | 'end'> & { start: number; end: number })[] };
  const version = result.rows[0]?.version ?? -1;
  // One shape for every entry (see eligibility.ts toShiftFacts): the rule checks read the window's
  // entries thousands of times per request.
  const entries = result.rows.flatMap((r): OpenShiftEntry[] => {
    if (r.id === null) return [];
    const entry = toShiftFacts({ ...r, id: r.id }) as OpenShiftEntry;
    entry.priority = r.priority;
    return [entry];
  });
  return { entries, version };
}
