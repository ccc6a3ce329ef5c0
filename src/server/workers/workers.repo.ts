import { and, asc, count, eq, gt, ilike, inArray, lt, ne, or, sql, type SQL } from 'drizzle-orm';
import type { TWeeklyWindow } from '../../shared/workers.schemas.js';
import type { Actor } from '../auth/actor.js';
import { isAdmin, regionIdsAs } from '../auth/actor.js';
import type { DbOrTx } from '../db/open-database.js';
import { credentials, workerAvailabilityExceptions, workerPackages, workerPreferredOrganisations, workers, workerWeeklyAvailability } from '../db/schema.js';

/**
 * Whose personal data an actor may read: their own; a mediator's or coordinator's region; admins all.
 * Planners get no access here: they see only the few facts of the people coming to their shifts.
 */
export function workerScope(actor: Actor): SQL | undefined {
  if (isAdmin(actor)) return undefined;
  const regions = regionIdsAs(actor, 'mediator', 'coordinator');
  const conditions: SQL[] = [];
  if (regions.length) conditions.push(inArray(workers.regionId, regions));
  if (actor.workerId) conditions.push(eq(workers.id, actor.workerId));
  return conditions.length ? or(...conditions) : sql`false`;
}

export async function listWorkers(
  db: DbOrTx,
  actor: Actor,
  query: { regionId?: string | undefined; kind?: (typeof workers.kind.enumValues)[number] | undefined; q?: string | undefined; limit: number; offset: number },
) {
  const where = and(
    workerScope(actor),
    query.regionId ? eq(workers.regionId, query.regionId) : undefined,
    query.kind ? eq(workers.kind, query.kind) : undefined,
    query.q ? or(ilike(workers.firstName, `%${query.q}%`), ilike(workers.lastName, `%${query.q}%`)) : undefined,
  );
  const [total] = await db.select({ n: count() }).from(workers).where(where);
  const rows = await db.select().from(workers).where(where).orderBy(workers.lastName, workers.firstName, workers.id).limit(query.limit).offset(query.offset);
  const packages = await packagesOf(db, rows.map((r) => r.id));
  return { total: total?.n ?? 0, items: rows.map((r) => ({ ...r, packageIds: packages.get(r.id) ?? [] })) };
}

export async function packagesOf(db: DbOrTx, workerIds: string[]): Promise<Map<string, string[]>> {
  const map = new Map<string, string[]>();
  if (workerIds.length === 0) return map;
  const rows = await db.select().from(workerPackages).where(inArray(workerPackages.workerId, workerIds));
  for (const row of rows) map.set(row.workerId, [...(map.get(row.workerId) ?? []), row.packageId]);
  return map;
}

export async function findWorker(db: DbOrTx, actor: Actor, id: string) {
  const [row] = await db.select().from(workers).where(and(eq(workers.id, id), workerScope(actor)));
  return row;
}

export async function findWorkerDetails(db: DbOrTx, workerId: string) {
  const packages = await db.select({ id: workerPackages.packageId }).from(workerPackages).where(eq(workerPackages.workerId, workerId));
  const preferred = await db
    .select({ id: workerPreferredOrganisations.organisationId })
    .from(workerPreferredOrganisations)
    .where(eq(workerPreferredOrganisations.workerId, workerId));
  const weekly = await db
    .select({ weekday: workerWeeklyAvailability.weekday, startMinute: workerWeeklyAvailability.startMinute, endMinute: workerWeeklyAvailability.endMinute })
    .from(workerWeeklyAvailability)
    .where(eq(workerWeeklyAvailability.workerId, workerId))
    .orderBy(workerWeeklyAvailability.weekday, workerWeeklyAvailability.startMinute);
  return { packageIds: packages.map((p) => p.id), preferredOrganisationIds: preferred.map((p) => p.id), weeklyAvailability: weekly };
}

export async function insertWorker(db: DbOrTx, worker: typeof workers.$inferInsert) {
  const [row] = await db.insert(workers).values(worker).returning();
  return row!;
}

export async function updateWorker(db: DbOrTx, id: string, patch: Partial<typeof workers.$inferInsert>) {
  if (Object.keys(patch).length) await db.update(workers).set(patch).where(eq(workers.id, id));
}

export async function replacePackages(db: DbOrTx, workerId: string, packageIds: string[]) {
  await db.delete(workerPackages).where(eq(workerPackages.workerId, workerId));
  if (packageIds.length) await db.insert(workerPackages).values(packageIds.map((packageId) => ({ workerId, packageId })));
}

export async function replacePreferredOrganisations(db: DbOrTx, workerId: string, organisationIds: string[]) {
  await db.delete(workerPreferredOrganisations).where(eq(workerPreferredOrganisations.workerId, workerId));
  if (organisationIds.length) {
    await db.insert(workerPreferredOrganisations).values(organisationIds.map((organisationId) => ({ workerId, organisationId })));
  }
}

export async function replaceWeeklyAvailability(db: DbOrTx, workerId: string, windows: TWeeklyWindow[]) {
  await db.delete(workerWeeklyAvailability).where(eq(workerWeeklyAvailability.workerId, workerId));
  if (windows.length) await db.insert(workerWeeklyAvailability).values(windows.map((w) => ({ ...w, workerId })));
}

export async function listCredentials(db: DbOrTx, workerId: string) {
  return db.select().from(credentials).where(eq(credentials.workerId, workerId)).orderBy(credentials.createdAt);
}

export async function insertCredential(db: DbOrTx, credential: typeof credentials.$inferInsert) {
  const [row] = await db.insert(credentials).values(credential).returning();
  return row!;
}

export async function findCredential(db: DbOrTx, id: string) {
  const [row] = await db.select().from(credentials).where(eq(credentials.id, id));
  return row;
}

export async function updateCredential(db: DbOrTx, id: string, patch: Partial<typeof credentials.$inferInsert>) {
  const [row] = await db.update(credentials).set(patch).where(eq(credentials.id, id)).returning();
  return row!;
}

export async function listAvailabilityExceptions(db: DbOrTx, workerId: string, range: { from: Date; to?: Date | undefined }) {
  const e = workerAvailabilityExceptions;
  return db
    .select()
    .from(e)
    .where(and(eq(e.workerId, workerId), gt(e.end, range.from), range.to ? lt(e.start, range.to) : undefined))
    .orderBy(asc(e.start), asc(e.id));
}

export async function findAvailabilityException(db: DbOrTx, id: string) {
  const [row] = await db.select().from(workerAvailabilityExceptions).where(eq(workerAvailabilityExceptions.id, id));
  return row;
}

/** The worker's exceptions of one kind overlapping `start`–`end` (touching is no overlap), but `exceptId`. */
export async function findOverlappingExceptions(db: DbOrTx, workerId: string, span: { isAvailable: boolean; start: Date; end: Date }, exceptId?: string) {
  const e = workerAvailabilityExceptions;
  return db
    .select()
    .from(e)
    .where(and(eq(e.workerId, workerId), eq(e.isAvailable, span.isAvailable), lt(e.start, span.end), gt(e.end, span.start), exceptId ? ne(e.id, exceptId) : undefined))
    .orderBy(asc(e.start))
    .limit(1);
}

export async function insertAvailabilityException(db: DbOrTx, exception: typeof workerAvailabilityExceptions.$inferInsert) {
  const [row] = await db.insert(workerAvailabilityExceptions).values(exception).returning();
  return row!;
}

export async function updateAvailabilityException(db: DbOrTx, id: string, patch: Partial<typeof workerAvailabilityExceptions.$inferInsert>) {
  const [row] = await db.update(workerAvailabilityExceptions).set(patch).where(eq(workerAvailabilityExceptions.id, id)).returning();
  return row!;
}

export async function deleteAvailabilityException(db: DbOrTx, id: string) {
  await db.delete(workerAvailabilityExceptions).where(eq(workerAvailabilityExceptions.id, id));
}
