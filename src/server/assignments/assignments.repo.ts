import { and, desc, eq, gte, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/open-database.js';
import { assignments, organisations, regions, swaps, workers } from '../db/schema.js';

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

export async function listSwapsOfWorker(db: DbOrTx, workerId: string) {
  return db
    .select()
    .from(swaps)
    .where(sql`${swaps.fromWorkerId} = ${workerId} or ${swaps.toWorkerId} = ${workerId}`)
    .orderBy(desc(swaps.createdAt))
    .limit(100);
}

export async function workerNames(db: DbOrTx, ids: string[]) {
  if (ids.length === 0) return new Map<string, string>();
  const rows = await db.select({ id: workers.id, firstName: workers.firstName, lastName: workers.lastName }).from(workers).where(inArray(workers.id, ids));
  return new Map(rows.map((r) => [r.id, `${r.firstName} ${r.lastName.charAt(0)}.`]));
}
