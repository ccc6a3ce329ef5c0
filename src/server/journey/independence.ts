// Newcomers per package: a newcomer counts against a shift's supervision capacity until a planner
// of an organisation they work at marks them independent for the shift's package.
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { TPackageIndependence } from '../../shared/journey.schemas.js';
import { canMediateRegion, plannerOrganisationIds, type Actor } from '../auth/actor.js';
import type { Db, DbOrTx } from '../db/open-database.js';
import { assignments, journeys, offers, requests, shifts, workerPackageIndependence, workerPackages, workers } from '../db/schema.js';
import { AppError, forbidden, notFound } from '../errors/app-error.js';

/** Whether the worker counts against supervision capacity on a shift of this package. */
export async function countsAsNewcomer(db: DbOrTx, workerId: string, packageId: string): Promise<boolean> {
  const [row] = await db
    .select({
      isNewcomer: workers.isNewcomer,
      isIndependent: sql<boolean>`exists (select 1 from worker_package_independence i where i.worker_id = ${workers.id} and i.package_id = ${packageId})`,
    })
    .from(workers)
    .where(eq(workers.id, workerId));
  return !!row && row.isNewcomer && !row.isIndependent;
}

/** Organisations (of the given ones) the worker works at: a live or past assignment there, an accepted offer, or their journey's match. */
async function organisationsOfWorker(db: DbOrTx, workerId: string, organisationIds: string[]): Promise<string[]> {
  if (organisationIds.length === 0) return [];
  const viaShifts = await db
    .selectDistinct({ id: shifts.organisationId })
    .from(assignments)
    .innerJoin(shifts, eq(shifts.id, assignments.shiftId))
    .where(and(eq(assignments.workerId, workerId), eq(assignments.status, 'confirmed'), inArray(shifts.organisationId, organisationIds)));
  const viaOffers = await db
    .selectDistinct({ id: requests.organisationId })
    .from(offers)
    .innerJoin(requests, eq(requests.id, offers.requestId))
    .where(and(eq(offers.workerId, workerId), eq(offers.status, 'accepted'), inArray(requests.organisationId, organisationIds)));
  const viaJourney = await db
    .select({ id: journeys.organisationId })
    .from(journeys)
    .where(and(eq(journeys.workerId, workerId), inArray(journeys.organisationId, organisationIds)));
  return [...new Set([...viaShifts, ...viaOffers, ...viaJourney].map((r) => r.id!))].sort();
}

async function requireWorker(db: DbOrTx, workerId: string) {
  const [worker] = await db.select({ id: workers.id, regionId: workers.regionId, isNewcomer: workers.isNewcomer }).from(workers).where(eq(workers.id, workerId));
  if (!worker) throw notFound('Worker', workerId);
  return worker;
}

const toIndependence = (row: typeof workerPackageIndependence.$inferSelect): TPackageIndependence => ({
  workerId: row.workerId,
  packageId: row.packageId,
  organisationId: row.organisationId,
  markedByUserId: row.markedByUserId,
  markedAt: row.markedAt.toISOString(),
});

export async function listIndependence(db: DbOrTx, actor: Actor, workerId: string): Promise<TPackageIndependence[]> {
  const worker = await requireWorker(db, workerId);
  const mayRead =
    canMediateRegion(actor, worker.regionId) || actor.workerId === workerId || (await organisationsOfWorker(db, workerId, plannerOrganisationIds(actor))).length > 0;
  if (!mayRead) throw notFound('Worker', workerId);
  const rows = await db.select().from(workerPackageIndependence).where(eq(workerPackageIndependence.workerId, workerId)).orderBy(workerPackageIndependence.markedAt);
  return rows.map(toIndependence);
}

/** A planner of an organisation the newcomer works at marks them independent for one of their packages. */
export async function markIndependent(db: Db, actor: Actor, workerId: string, packageId: string): Promise<TPackageIndependence> {
  const worker = await requireWorker(db, workerId);
  const [organisationId] = await organisationsOfWorker(db, workerId, plannerOrganisationIds(actor));
  if (!organisationId) {
    if (canMediateRegion(actor, worker.regionId)) throw forbidden('The organisation the person works at marks them independent');
    throw notFound('Worker', workerId);
  }
  if (!worker.isNewcomer) throw new AppError('CONFLICT', 'This person is not a newcomer', [{ path: 'workerId', message: 'is not a newcomer' }]);
  const [holds] = await db.select().from(workerPackages).where(and(eq(workerPackages.workerId, workerId), eq(workerPackages.packageId, packageId)));
  if (!holds) throw new AppError('VALIDATION_FAILED', 'The person does not hold this package', [{ path: 'packageId', message: 'is not a package of this person' }]);
  await db.insert(workerPackageIndependence).values({ workerId, packageId, organisationId, markedByUserId: actor.userId }).onConflictDoNothing();
  const [row] = await db
    .select()
    .from(workerPackageIndependence)
    .where(and(eq(workerPackageIndependence.workerId, workerId), eq(workerPackageIndependence.packageId, packageId)));
  return toIndependence(row!);
}
