// SQL for competences: a region's catalogue, the competences workers hold, and the requirements of
// requests. Callers narrow by tenancy first (the worker through `workerScope`, the request through
// the mediation service); the catalogue is read per region.
import { and, asc, eq, inArray, isNull, notInArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/open-database.js';
import { competences, requestCompetences, users, workerCompetences } from '../db/schema.js';

export type CompetenceRow = typeof competences.$inferSelect;

export async function listCatalogue(db: DbOrTx, regionId: string, includeRetired: boolean): Promise<CompetenceRow[]> {
  return db
    .select()
    .from(competences)
    .where(and(eq(competences.regionId, regionId), includeRetired ? undefined : isNull(competences.retiredAt)))
    .orderBy(asc(competences.sortOrder), asc(competences.key));
}

export async function findCompetence(db: DbOrTx, id: string): Promise<CompetenceRow | undefined> {
  const [row] = await db.select().from(competences).where(eq(competences.id, id));
  return row;
}

/** The region's catalogue rows for the given keys (retired ones included). */
export async function findByKeys(db: DbOrTx, regionId: string, keys: string[]): Promise<Map<string, CompetenceRow>> {
  if (keys.length === 0) return new Map();
  const rows = await db.select().from(competences).where(and(eq(competences.regionId, regionId), inArray(competences.key, keys)));
  return new Map(rows.map((r) => [r.key, r]));
}

/** Inserts a catalogue entry; undefined when the region already has the key. */
export async function insertCompetence(db: DbOrTx, values: typeof competences.$inferInsert): Promise<CompetenceRow | undefined> {
  const [row] = await db.insert(competences).values(values).onConflictDoNothing().returning();
  return row;
}

export async function updateCompetence(db: DbOrTx, id: string, patch: Partial<typeof competences.$inferInsert>): Promise<CompetenceRow> {
  const [row] = await db.update(competences).set(patch).where(eq(competences.id, id)).returning();
  return row!;
}

const workerCompetenceColumns = {
  competenceId: workerCompetences.competenceId,
  key: competences.key,
  labelNl: competences.labelNl,
  labelEn: competences.labelEn,
  category: competences.category,
  sortOrder: competences.sortOrder,
  source: workerCompetences.source,
  declaredAt: workerCompetences.declaredAt,
  confirmedAt: workerCompetences.confirmedAt,
  confirmedByName: users.name,
};

/** The competences of the given workers, in catalogue order. */
export async function listWorkerCompetences(db: DbOrTx, workerIds: string[]) {
  if (workerIds.length === 0) return [];
  return db
    .select({ workerId: workerCompetences.workerId, ...workerCompetenceColumns })
    .from(workerCompetences)
    .innerJoin(competences, eq(competences.id, workerCompetences.competenceId))
    .leftJoin(users, eq(users.id, workerCompetences.confirmedByUserId))
    .where(inArray(workerCompetences.workerId, workerIds))
    .orderBy(asc(competences.sortOrder), asc(competences.key));
}

export type WorkerCompetenceRow = Awaited<ReturnType<typeof listWorkerCompetences>>[number];

export type WorkerCompetenceWrite = { competenceId: string; source: 'self_declared' | 'confirmed'; confirmedByUserId: string | null; confirmedAt: Date | null };

/**
 * Makes the worker's competences exactly `wanted`: removes the others, inserts new ones, and
 * updates the source of kept ones only where it changes (so an unchanged list writes nothing and
 * leaves the region's workers_version alone).
 */
export async function replaceWorkerCompetences(db: DbOrTx, workerId: string, wanted: WorkerCompetenceWrite[], now: Date): Promise<void> {
  const ids = wanted.map((w) => w.competenceId);
  await db.delete(workerCompetences).where(and(eq(workerCompetences.workerId, workerId), ids.length ? notInArray(workerCompetences.competenceId, ids) : undefined));
  if (wanted.length === 0) return;
  const current = new Map(
    (await db.select().from(workerCompetences).where(eq(workerCompetences.workerId, workerId))).map((r) => [r.competenceId, r]),
  );
  const inserts = wanted.filter((w) => !current.has(w.competenceId));
  if (inserts.length) await db.insert(workerCompetences).values(inserts.map((w) => ({ workerId, ...w, declaredAt: now })));
  for (const w of wanted) {
    const row = current.get(w.competenceId);
    if (row && row.source !== w.source) {
      await db
        .update(workerCompetences)
        .set({ source: w.source, confirmedByUserId: w.confirmedByUserId, confirmedAt: w.confirmedAt })
        .where(and(eq(workerCompetences.workerId, workerId), eq(workerCompetences.competenceId, w.competenceId)));
    }
  }
}

export type RequirementRow = { requestId: string; competenceId: string; key: string; labelNl: string; labelEn: string; level: 'required' | 'wished'; sortOrder: number };

/** The requirements of the given requests: required first, then in catalogue order. */
export async function listRequirements(db: DbOrTx, requestIds: string[]): Promise<RequirementRow[]> {
  if (requestIds.length === 0) return [];
  return db
    .select({
      requestId: requestCompetences.requestId,
      competenceId: requestCompetences.competenceId,
      key: competences.key,
      labelNl: competences.labelNl,
      labelEn: competences.labelEn,
      level: requestCompetences.level,
      sortOrder: competences.sortOrder,
    })
    .from(requestCompetences)
    .innerJoin(competences, eq(competences.id, requestCompetences.competenceId))
    .where(inArray(requestCompetences.requestId, requestIds))
    .orderBy(sql`${requestCompetences.level} = 'wished'`, asc(competences.sortOrder), asc(competences.key));
}

export async function replaceRequirements(db: DbOrTx, requestId: string, rows: { competenceId: string; level: 'required' | 'wished' }[]): Promise<void> {
  await db.delete(requestCompetences).where(eq(requestCompetences.requestId, requestId));
  if (rows.length) await db.insert(requestCompetences).values(rows.map((r) => ({ requestId, ...r })));
}
