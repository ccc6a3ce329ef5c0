import { DateTime } from 'luxon';
import {
  MAX_EXCEPTION_DAYS,
  type TAvailabilityException,
  type TAvailabilityExceptionView,
  type TCredential,
  type TCreateCredentialRequest,
  type TCreateWorkerRequest,
  type TUpdateWorkerRequest,
  type TWorkerProfile,
} from '../../shared/workers.schemas.js';
import { isValidBigNumber } from '../../shared/big-number.js';
import type { Actor } from '../auth/actor.js';
import { canMediateRegion, isAdmin, regionIdsAs } from '../auth/actor.js';
import { insertAudit } from '../audit/audit.repo.js';
import { createUser } from '../auth/auth.service.js';
import type { Db, DbOrTx } from '../db/open-database.js';
import type { credentials, workerAvailabilityExceptions, workers } from '../db/schema.js';
import { AppError, forbidden, notFound } from '../errors/app-error.js';
import { lookupPostcode } from '../geo/postcodes.js';
import { listOrganisations } from '../organisations/organisations.repo.js';
import { listPackages } from '../packages/packages.repo.js';
import { lockWorkers } from '../assignments/assignments.repo.js';
import { findRegion, findRegionTimeZone } from '../regions/regions.repo.js';
import * as repo from './workers.repo.js';

/** Fields of a worker that are personal data: reading or changing them is audited. */
const PERSONAL_FIELDS = ['email', 'phone', 'homePostcode', 'homeLat', 'homeLon'];

export const toCredential = (row: typeof credentials.$inferSelect): TCredential => ({
  id: row.id,
  workerId: row.workerId,
  kind: row.kind,
  number: row.number,
  profession: row.profession,
  expiresOn: row.expiresOn,
  verificationStatus: row.verificationStatus,
  verifiedByUserId: row.verifiedByUserId,
  verifiedAt: row.verifiedAt?.toISOString() ?? null,
});

async function toProfile(db: DbOrTx, row: typeof workers.$inferSelect): Promise<TWorkerProfile> {
  const details = await repo.findWorkerDetails(db, row.id);
  return {
    id: row.id,
    regionId: row.regionId,
    kind: row.kind,
    firstName: row.firstName,
    lastName: row.lastName,
    qualificationLevel: row.qualificationLevel,
    isNewcomer: row.isNewcomer,
    email: row.email,
    phone: row.phone,
    homePostcode: row.homePostcode,
    homeLat: row.homeLat,
    homeLon: row.homeLon,
    homeOrganisationId: row.homeOrganisationId,
    maxTravelKm: row.maxTravelKm,
    maxMinutesPerWeek: row.maxMinutesPerWeek,
    desiredMinutesPerWeek: row.desiredMinutesPerWeek,
    minDaysPerYear: row.minDaysPerYear,
    ...details,
  };
}

async function requireWorker(db: DbOrTx, actor: Actor, id: string) {
  const row = await repo.findWorker(db, actor, id);
  if (!row) throw notFound('Worker', id);
  return row;
}

export async function getWorkerProfile(db: Db, actor: Actor, id: string): Promise<TWorkerProfile> {
  const row = await requireWorker(db, actor, id);
  if (actor.workerId !== id) {
    await insertAudit(db, { actorUserId: actor.userId, action: 'read', entity: 'worker', entityId: id, fields: PERSONAL_FIELDS, regionId: row.regionId });
  }
  return toProfile(db, row);
}

async function checkReferences(db: DbOrTx, actor: Actor, regionId: string, input: { packageIds?: string[] | undefined; preferredOrganisationIds?: string[] | undefined; homeOrganisationId?: string | null | undefined }) {
  const issues: { path: string; message: string }[] = [];
  if (input.packageIds?.length) {
    const known = new Set((await listPackages(db, { ...actor, regionIds: [regionId] }, regionId)).map((p) => p.id));
    input.packageIds.forEach((id, i) => {
      if (!known.has(id)) issues.push({ path: `packageIds[${i}]`, message: 'is not an activity package of this region' });
    });
  }
  const orgIds = new Set((await listOrganisations(db, { ...actor, regionIds: [regionId] }, regionId)).map((o) => o.id));
  input.preferredOrganisationIds?.forEach((id, i) => {
    if (!orgIds.has(id)) issues.push({ path: `preferredOrganisationIds[${i}]`, message: 'is not an organisation of this region' });
  });
  if (input.homeOrganisationId && !orgIds.has(input.homeOrganisationId)) {
    issues.push({ path: 'homeOrganisationId', message: 'is not an organisation of this region' });
  }
  if (issues.length) throw new AppError('VALIDATION_FAILED', issues.map((i) => `${i.path}: ${i.message}`).join('; '), issues);
}

function coordinatesOf(postcode: string, path: string) {
  const point = lookupPostcode(postcode);
  if (!point) throw new AppError('UNKNOWN_POSTCODE', `Postcode ${postcode} is unknown`, [{ path, message: 'is not a known postcode' }]);
  return { homeLat: point.lat, homeLon: point.lon };
}

export async function updateWorkerProfile(db: Db, actor: Actor, id: string, input: TUpdateWorkerRequest): Promise<TWorkerProfile> {
  return db.transaction(async (tx) => {
    const row = await requireWorker(tx, actor, id);
    await checkReferences(tx, actor, row.regionId, input);
    const { packageIds, preferredOrganisationIds, weeklyAvailability, homePostcode, ...scalars } = input;
    await repo.updateWorker(tx, id, {
      ...scalars,
      ...(homePostcode ? { homePostcode: homePostcode.toUpperCase(), ...coordinatesOf(homePostcode, 'homePostcode') } : {}),
    });
    if (packageIds) await repo.replacePackages(tx, id, [...new Set(packageIds)]);
    if (preferredOrganisationIds) await repo.replacePreferredOrganisations(tx, id, [...new Set(preferredOrganisationIds)]);
    if (weeklyAvailability) await repo.replaceWeeklyAvailability(tx, id, weeklyAvailability);
    await insertAudit(tx, { actorUserId: actor.userId, action: 'update', entity: 'worker', entityId: id, fields: Object.keys(input), regionId: row.regionId });
    return toProfile(tx, (await repo.findWorker(tx, actor, id))!);
  });
}

export async function createWorker(db: Db, actor: Actor, input: TCreateWorkerRequest): Promise<TWorkerProfile> {
  const region = await findRegion(db, actor, input.regionId);
  if (!region) throw new AppError('VALIDATION_FAILED', 'Unknown region', [{ path: 'regionId', message: 'does not exist or is not yours' }]);
  if (!canMediateRegion(actor, region.id)) throw forbidden('Only the region’s mediators and coordinators register workers');
  return db.transaction(async (tx) => {
    await checkReferences(tx, actor, region.id, input);
    const user = input.password
      ? await createUser(tx, {
          email: input.email,
          name: `${input.firstName} ${input.lastName}`,
          password: input.password,
          roles: [{ role: 'worker', regionId: region.id }],
        })
      : null;
    const row = await repo.insertWorker(tx, {
      userId: user?.id ?? null,
      regionId: region.id,
      kind: input.kind,
      firstName: input.firstName,
      lastName: input.lastName,
      email: input.email.toLowerCase(),
      phone: input.phone,
      homePostcode: input.homePostcode.toUpperCase(),
      ...coordinatesOf(input.homePostcode, 'homePostcode'),
      qualificationLevel: input.qualificationLevel,
      homeOrganisationId: input.homeOrganisationId,
      maxTravelKm: input.maxTravelKm,
      minDaysPerYear: input.minDaysPerYear,
      isNewcomer: input.isNewcomer,
    });
    await repo.replacePackages(tx, row.id, [...new Set(input.packageIds)]);
    await insertAudit(tx, { actorUserId: actor.userId, action: 'create', entity: 'worker', entityId: row.id, fields: PERSONAL_FIELDS, regionId: region.id });
    return toProfile(tx, row);
  });
}

export async function listWorkerCredentials(db: Db, actor: Actor, workerId: string): Promise<TCredential[]> {
  const worker = await requireWorker(db, actor, workerId);
  if (actor.workerId !== workerId) {
    await insertAudit(db, { actorUserId: actor.userId, action: 'read', entity: 'credential', entityId: workerId, fields: ['number', 'expiresOn'], regionId: worker.regionId });
  }
  return (await repo.listCredentials(db, workerId)).map(toCredential);
}

export async function addCredential(db: Db, actor: Actor, workerId: string, input: TCreateCredentialRequest): Promise<TCredential> {
  const worker = await requireWorker(db, actor, workerId);
  if (input.kind === 'big' && !isValidBigNumber(input.number)) {
    throw new AppError('VALIDATION_FAILED', 'This is not a valid BIG number', [{ path: 'number', message: 'must be 11 digits with a valid check digit' }]);
  }
  return db.transaction(async (tx) => {
    const row = await repo.insertCredential(tx, { workerId, kind: input.kind, number: input.number, profession: input.profession, expiresOn: input.expiresOn });
    await insertAudit(tx, { actorUserId: actor.userId, action: 'create', entity: 'credential', entityId: row.id, fields: ['number', 'expiresOn'], regionId: worker.regionId });
    return toCredential(row);
  });
}

export async function verifyCredential(db: Db, actor: Actor, credentialId: string, status: 'verified' | 'rejected'): Promise<TCredential> {
  const credential = await repo.findCredential(db, credentialId);
  const worker = credential ? await repo.findWorker(db, actor, credential.workerId) : undefined;
  if (!credential || !worker) throw notFound('Credential', credentialId);
  const mayVerify = isAdmin(actor) || regionIdsAs(actor, 'mediator', 'coordinator').includes(worker.regionId);
  if (!mayVerify || actor.workerId === worker.id) throw forbidden('Only a mediator or coordinator of the region verifies registrations, never their own');
  return db.transaction(async (tx) => {
    const row = await repo.updateCredential(tx, credentialId, { verificationStatus: status, verifiedByUserId: actor.userId, verifiedAt: new Date() });
    await insertAudit(tx, { actorUserId: actor.userId, action: 'verify', entity: 'credential', entityId: credentialId, fields: ['verificationStatus'], regionId: worker.regionId });
    return toCredential(row);
  });
}

// Dated exceptions to the weekly pattern: extra availability, or unavailability (holiday, sickness,
// an exam). The person enters them; the region's mediators and coordinators may too (as with the rest of
// the profile). The reason can be health data: reads by anyone else and every change are audited.

const EXCEPTION_FIELDS = ['isAvailable', 'start', 'end', 'reason'];

export const toAvailabilityException = (row: typeof workerAvailabilityExceptions.$inferSelect): TAvailabilityExceptionView => ({
  id: row.id,
  workerId: row.workerId,
  isAvailable: row.isAvailable,
  start: row.start.toISOString(),
  end: row.end.toISOString(),
  reason: row.reason,
});

export async function listAvailabilityExceptions(
  db: Db,
  actor: Actor,
  workerId: string,
  range: { from?: string | undefined; to?: string | undefined },
  now = new Date(),
): Promise<TAvailabilityExceptionView[]> {
  const worker = await requireWorker(db, actor, workerId);
  if (actor.workerId !== workerId) {
    await insertAudit(db, { actorUserId: actor.userId, action: 'read', entity: 'availability_exception', entityId: workerId, fields: EXCEPTION_FIELDS, regionId: worker.regionId });
  }
  const rows = await repo.listAvailabilityExceptions(db, workerId, { from: range.from ? new Date(range.from) : now, to: range.to ? new Date(range.to) : undefined });
  return rows.map(toAvailabilityException);
}

/** The rules a new or changed exception must meet beyond its schema: the issues, by field. */
async function checkException(db: DbOrTx, worker: typeof workers.$inferSelect, input: TAvailabilityException, now: Date, exceptId?: string) {
  const start = new Date(input.start);
  const end = new Date(input.end);
  const issues: { path: string; message: string }[] = [];
  if (end <= now) issues.push({ path: 'end', message: 'must be in the future' });
  // Days in the worker's region's zone: 90 days stay 90 days across a change of summer time.
  // (A worker's region exists: a foreign key.)
  const zone = (await findRegionTimeZone(db, worker.regionId))!;
  const latest = DateTime.fromJSDate(start, { zone }).plus({ days: MAX_EXCEPTION_DAYS });
  if (end.getTime() > latest.toMillis()) issues.push({ path: 'end', message: `must be at most ${MAX_EXCEPTION_DAYS} days after start` });
  if (issues.length === 0) {
    const [other] = await repo.findOverlappingExceptions(db, worker.id, { isAvailable: input.isAvailable, start, end }, exceptId);
    if (other) {
      const kind = input.isAvailable ? 'extra availability' : 'unavailability';
      issues.push({ path: 'start', message: `overlaps your ${kind} from ${other.start.toISOString()} to ${other.end.toISOString()}` });
    }
  }
  if (issues.length) throw new AppError('VALIDATION_FAILED', issues.map((i) => `${i.path}: ${i.message}`).join('; '), issues);
}

export async function addAvailabilityException(db: Db, actor: Actor, workerId: string, input: TAvailabilityException, now = new Date()): Promise<TAvailabilityExceptionView> {
  return db.transaction(async (tx) => {
    const worker = await requireWorker(tx, actor, workerId);
    // As every claim does: an exception and a claim that reads it never interleave, and two
    // exceptions written at once are checked for overlap one after the other.
    await lockWorkers(tx, [workerId]);
    await checkException(tx, worker, input, now);
    const row = await repo.insertAvailabilityException(tx, { workerId, isAvailable: input.isAvailable, start: new Date(input.start), end: new Date(input.end), reason: input.reason });
    await insertAudit(tx, { actorUserId: actor.userId, action: 'create', entity: 'availability_exception', entityId: row.id, fields: EXCEPTION_FIELDS, regionId: worker.regionId });
    return toAvailabilityException(row);
  });
}

/** The exception and its worker, when the actor may see that worker; someone else's is "not found". */
async function requireException(db: DbOrTx, actor: Actor, id: string) {
  const exception = await repo.findAvailabilityException(db, id);
  const worker = exception ? await repo.findWorker(db, actor, exception.workerId) : undefined;
  if (!exception || !worker) throw notFound('Availability exception', id);
  return { exception, worker };
}

export async function changeAvailabilityException(db: Db, actor: Actor, id: string, input: TAvailabilityException, now = new Date()): Promise<TAvailabilityExceptionView> {
  return db.transaction(async (tx) => {
    const { worker } = await requireException(tx, actor, id);
    await lockWorkers(tx, [worker.id]);
    // Read again under the lock: it may have been deleted meanwhile.
    await requireException(tx, actor, id);
    await checkException(tx, worker, input, now, id);
    const row = await repo.updateAvailabilityException(tx, id, { isAvailable: input.isAvailable, start: new Date(input.start), end: new Date(input.end), reason: input.reason });
    await insertAudit(tx, { actorUserId: actor.userId, action: 'update', entity: 'availability_exception', entityId: id, fields: EXCEPTION_FIELDS, regionId: worker.regionId });
    return toAvailabilityException(row);
  });
}

export async function deleteAvailabilityException(db: Db, actor: Actor, id: string): Promise<void> {
  await db.transaction(async (tx) => {
    const { worker } = await requireException(tx, actor, id);
    await lockWorkers(tx, [worker.id]);
    await repo.deleteAvailabilityException(tx, id);
    await insertAudit(tx, { actorUserId: actor.userId, action: 'delete', entity: 'availability_exception', entityId: id, fields: EXCEPTION_FIELDS, regionId: worker.regionId });
  });
}
