// Competences beyond activity packages: the region's catalogue (coordinators and administrators
// manage it; everyone of the region reads it), a worker's competences (the person declares their
// own; the region's mediators and coordinators also confirm them), and the competence requirements
// of requests (resolved here from keys, so every caller reports an unknown key on its own path).
import type {
  TCompetence,
  TCompetenceRequirement,
  TCompetenceRequirementInput,
  TCreateCompetence,
  TSetWorkerCompetences,
  TUpdateCompetence,
  TWorkerCompetence,
} from '../../shared/competences.schemas.js';
import { canManageRegion, canMediateRegion, isAdmin, type Actor } from '../auth/actor.js';
import { insertAudit } from '../audit/audit.repo.js';
import type { Db, DbOrTx } from '../db/open-database.js';
import { AppError, forbidden, notFound, type Issue } from '../errors/app-error.js';
import { findWorker } from '../workers/workers.repo.js';
import * as repo from './competences.repo.js';

const toCompetence = (r: repo.CompetenceRow): TCompetence => ({
  id: r.id,
  regionId: r.regionId,
  key: r.key,
  labelNl: r.labelNl,
  labelEn: r.labelEn,
  category: r.category,
  sortOrder: r.sortOrder,
  retired: r.retiredAt !== null,
});

const toWorkerCompetence = (r: repo.WorkerCompetenceRow): TWorkerCompetence => ({
  key: r.key,
  labelNl: r.labelNl,
  labelEn: r.labelEn,
  category: r.category,
  source: r.source,
  declaredAt: r.declaredAt.toISOString(),
  confirmedAt: r.confirmedAt?.toISOString() ?? null,
  confirmedByName: r.confirmedByName,
});

const validationFailed = (issues: Issue[]) => new AppError('VALIDATION_FAILED', issues.map((i) => `${i.path}: ${i.message}`).join('; '), issues);

/** Everyone bound to the region (workers, planners through their organisations, mediators, coordinators) and administrators. */
const canReadCatalogue = (actor: Actor, regionId: string) => isAdmin(actor) || actor.regionIds.includes(regionId) || actor.workerRegionId === regionId;

export async function listCatalogue(db: DbOrTx, actor: Actor, regionId: string, includeRetired: boolean): Promise<TCompetence[]> {
  if (!canReadCatalogue(actor, regionId)) throw forbidden('Only people of this region see its competences');
  return (await repo.listCatalogue(db, regionId, includeRetired)).map(toCompetence);
}

export async function createCompetence(db: Db, actor: Actor, regionId: string, input: TCreateCompetence): Promise<TCompetence> {
  if (!canManageRegion(actor, regionId)) throw forbidden('Only the region’s coordinators and administrators manage its competences');
  return db.transaction(async (tx) => {
    const row = await repo.insertCompetence(tx, { regionId, ...input });
    if (!row) throw new AppError('CONFLICT', `The region already has the competence ${input.key}`, [{ path: 'key', message: 'is already in the catalogue' }]);
    await insertAudit(tx, { actorUserId: actor.userId, action: 'create', entity: 'competence', entityId: row.id, fields: Object.keys(input), regionId });
    return toCompetence(row);
  });
}

export async function updateCompetence(db: Db, actor: Actor, id: string, input: TUpdateCompetence, now = new Date()): Promise<TCompetence> {
  const current = await repo.findCompetence(db, id);
  if (!current || !canReadCatalogue(actor, current.regionId)) throw notFound('Competence', id);
  if (!canManageRegion(actor, current.regionId)) throw forbidden('Only the region’s coordinators and administrators manage its competences');
  const { retired, ...labels } = input;
  return db.transaction(async (tx) => {
    const row = await repo.updateCompetence(tx, id, {
      ...labels,
      ...(retired === undefined ? {} : { retiredAt: retired ? (current.retiredAt ?? now) : null }),
    });
    await insertAudit(tx, { actorUserId: actor.userId, action: 'update', entity: 'competence', entityId: id, fields: Object.keys(input), regionId: current.regionId });
    return toCompetence(row);
  });
}

async function visibleWorker(db: DbOrTx, actor: Actor, workerId: string) {
  const worker = await findWorker(db, actor, workerId);
  if (!worker) throw notFound('Worker', workerId);
  return worker;
}

/** The person, the region's mediators and coordinators, administrators (the worker's tenancy scope). */
export async function getWorkerCompetences(db: DbOrTx, actor: Actor, workerId: string): Promise<TWorkerCompetence[]> {
  await visibleWorker(db, actor, workerId);
  return (await repo.listWorkerCompetences(db, [workerId])).map(toWorkerCompetence);
}

/** Competences of many workers (already authorised by the caller), keyed by worker. */
export async function competencesOfWorkers(db: DbOrTx, workerIds: string[]): Promise<Map<string, TWorkerCompetence[]>> {
  const map = new Map<string, TWorkerCompetence[]>();
  for (const row of await repo.listWorkerCompetences(db, workerIds)) map.set(row.workerId, [...(map.get(row.workerId) ?? []), toWorkerCompetence(row)]);
  return map;
}

/**
 * Replaces the worker's competences inside the caller's transaction (the welcome call uses it too).
 * Keys are the region's; a retired one only if the worker already holds it. Only the region's
 * mediators and coordinators (and administrators) may set `confirmed`; `path` prefixes the issues.
 */
export async function applyWorkerCompetences(
  tx: DbOrTx,
  actor: Actor,
  worker: { id: string; regionId: string },
  items: TSetWorkerCompetences['competences'],
  path = 'competences',
  now = new Date(),
): Promise<void> {
  const mayConfirm = canMediateRegion(actor, worker.regionId);
  const issues: Issue[] = [];
  if (!mayConfirm) {
    items.forEach((item, i) => {
      if (item.confirmed !== undefined) issues.push({ path: `${path}[${i}].confirmed`, message: 'only a mediator or coordinator of the region confirms competences' });
    });
    if (issues.length) throw new AppError('FORBIDDEN', issues.map((i) => `${i.path}: ${i.message}`).join('; '), issues);
  }
  const catalogue = await repo.findByKeys(tx, worker.regionId, items.map((c) => c.key));
  const current = new Map((await repo.listWorkerCompetences(tx, [worker.id])).map((r) => [r.competenceId, r]));
  items.forEach((item, i) => {
    const entry = catalogue.get(item.key);
    if (items.findIndex((other) => other.key === item.key) < i) issues.push({ path: `${path}[${i}].key`, message: 'is listed twice' });
    else if (!entry) issues.push({ path: `${path}[${i}].key`, message: 'is not a competence of this region' });
    else if (entry.retiredAt && !current.has(entry.id)) issues.push({ path: `${path}[${i}].key`, message: 'is retired from the catalogue' });
  });
  if (issues.length) throw validationFailed(issues);
  const wanted: repo.WorkerCompetenceWrite[] = items.map((item) => {
    const entry = catalogue.get(item.key)!;
    const held = current.get(entry.id);
    const confirmed = item.confirmed ?? held?.source === 'confirmed';
    if (!confirmed) return { competenceId: entry.id, source: 'self_declared', confirmedByUserId: null, confirmedAt: null };
    // An existing confirmation keeps who gave it and when.
    if (held?.source === 'confirmed') return { competenceId: entry.id, source: 'confirmed', confirmedByUserId: null, confirmedAt: held.confirmedAt };
    return { competenceId: entry.id, source: 'confirmed', confirmedByUserId: actor.userId, confirmedAt: now };
  });
  await repo.replaceWorkerCompetences(tx, worker.id, wanted, now);
  await insertAudit(tx, { actorUserId: actor.userId, action: 'update', entity: 'worker', entityId: worker.id, fields: ['competences'], regionId: worker.regionId });
}

export async function setWorkerCompetences(db: Db, actor: Actor, workerId: string, input: TSetWorkerCompetences, now = new Date()): Promise<TWorkerCompetence[]> {
  return db.transaction(async (tx) => {
    const worker = await visibleWorker(tx, actor, workerId);
    await applyWorkerCompetences(tx, actor, worker, input.competences, 'competences', now);
    return (await repo.listWorkerCompetences(tx, [workerId])).map(toWorkerCompetence);
  });
}

/** Requirements as keys → catalogue ids of the region; unknown or retired keys are 400 on `competences[i].key`. */
export async function resolveRequirements(db: DbOrTx, regionId: string, items: TCompetenceRequirementInput[], path = 'competences') {
  const catalogue = await repo.findByKeys(db, regionId, items.map((c) => c.key));
  const issues: Issue[] = [];
  items.forEach((item, i) => {
    const entry = catalogue.get(item.key);
    if (!entry) issues.push({ path: `${path}[${i}].key`, message: 'is not a competence of this region' });
    else if (entry.retiredAt) issues.push({ path: `${path}[${i}].key`, message: 'is retired from the catalogue' });
  });
  if (issues.length) throw validationFailed(issues);
  return items.map((item) => ({ competenceId: catalogue.get(item.key)!.id, level: item.level }));
}

/** The requirements of the given requests as the API returns them, and with ids for the ranking. */
export async function requirementsOf(db: DbOrTx, requestIds: string[]) {
  const rows = await repo.listRequirements(db, requestIds);
  const byRequest = new Map<string, { read: TCompetenceRequirement[]; ids: repo.RequirementRow[] }>();
  for (const row of rows) {
    const entry = byRequest.get(row.requestId) ?? { read: [], ids: [] };
    entry.read.push({ key: row.key, labelNl: row.labelNl, labelEn: row.labelEn, level: row.level });
    entry.ids.push(row);
    byRequest.set(row.requestId, entry);
  }
  return byRequest;
}

export { replaceRequirements } from './competences.repo.js';
