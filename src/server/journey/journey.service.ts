// The intake journey: self-service registration, then dated steps with one owner, each recorded by
// someone allowed to and only in order (welcome call → orientation → matching → agreement →
// onboarding → check-ins at 1 and 3 months). Tenancy: mediators and coordinators their region,
// planners the people matched to their organisation, the person their own journey.
import { and, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import { DateTime } from 'luxon';
import {
  CONSENT_VERSION,
  type TBookOrientation,
  type TEntryKind,
  type TJourney,
  type TJourneyStage,
  type TJourneyStep,
  type TJourneySummary,
  type TLearningPlan,
  type TOrientationBooking,
  type TRecordStep,
  type TRegistration,
  type TRegistrationOptions,
  type TRegistrationResult,
} from '../../shared/journey.schemas.js';
import type { TWorkerKind } from '../../shared/workers.schemas.js';
import { canMediateRegion, isAdmin, plannerOrganisationIds, regionIdsAs, type Actor } from '../auth/actor.js';
import { lockWorkers } from '../assignments/assignments.repo.js';
import { insertAudit } from '../audit/audit.repo.js';
import { createUser } from '../auth/auth.service.js';
import { applyWorkerCompetences } from '../competences/competences.service.js';
import type { Db, DbOrTx } from '../db/open-database.js';
import {
  activityPackages,
  assignments,
  journeyOrientations,
  journeys,
  locations,
  organisations,
  regions,
  shifts,
  userRoles,
  workerPackages,
  workerPreferredOrganisations,
  workers,
  workerWeeklyAvailability,
} from '../db/schema.js';
import { AppError, forbidden, notFound, type Issue } from '../errors/app-error.js';
import { lookupPostcode } from '../geo/postcodes.js';
import { notify } from '../notifications/notify.js';
import * as repo from './journey.repo.js';

const HOUR_MS = 3_600_000;
/** Service level: a new registration gets its welcome call within 24 hours. */
export const WELCOME_CALL_WITHIN_HOURS = 24;
/** A check-in is overdue a week after its due date. */
export const CHECK_IN_GRACE_DAYS = 7;
/** A check-in may be recorded from a week before its due date. */
const CHECK_IN_EARLY_DAYS = 7;

/** The order of the steps; each stage waits for the step of the same name. */
const ORDER: TJourneyStep[] = ['registration', 'welcome_call', 'orientation', 'matching', 'agreement', 'onboarding', 'check_in_1m', 'check_in_3m'];
const nextStage = (step: TJourneyStep): TJourneyStage => (ORDER[ORDER.indexOf(step) + 1] as TJourneyStage | undefined) ?? 'completed';

/** Re-entrants and extra hands join the pool as flex workers until an agreement says otherwise. */
export const WORKER_KIND: Record<TEntryKind, TWorkerKind> = {
  re_entrant: 'flex',
  side_entrant: 'side_entrant',
  reservist: 'reservist',
  extra_hands: 'flex',
  student: 'student',
};

/** Fields of the registration that are personal data (audited as the worker's). */
const PERSONAL_FIELDS = ['email', 'phone', 'homePostcode', 'homeLat', 'homeLon'];

const validation = (issues: Issue[]) => new AppError('VALIDATION_FAILED', issues.map((i) => `${i.path}: ${i.message}`).join('; '), issues);

/** Due dates of the check-ins: 1 and 3 calendar months after the agreement starts. */
export function checkInDueDates(startsOn: string | null): { checkIn1DueOn: string | null; checkIn3DueOn: string | null } {
  if (!startsOn) return { checkIn1DueOn: null, checkIn3DueOn: null };
  const start = DateTime.fromISO(startsOn, { zone: 'utc' });
  return { checkIn1DueOn: start.plus({ months: 1 }).toISODate(), checkIn3DueOn: start.plus({ months: 3 }).toISODate() };
}

// ---------------------------------------------------------------- references

/** Issues for ids that are not national or regional packages / organisations of the region. */
async function checkRegionReferences(db: DbOrTx, regionId: string, refs: Record<string, { kind: 'package' | 'organisation'; ids: string[] }>): Promise<Issue[]> {
  const all = Object.values(refs);
  const packageIds = all.filter((r) => r.kind === 'package').flatMap((r) => r.ids);
  const orgIds = all.filter((r) => r.kind === 'organisation').flatMap((r) => r.ids);
  const knownPackages = new Set(
    packageIds.length
      ? (
          await db
            .select({ id: activityPackages.id })
            .from(activityPackages)
            .where(and(inArray(activityPackages.id, packageIds), or(isNull(activityPackages.regionId), eq(activityPackages.regionId, regionId))))
        ).map((p) => p.id)
      : [],
  );
  const knownOrgs = new Set(
    orgIds.length ? (await db.select({ id: organisations.id }).from(organisations).where(and(inArray(organisations.id, orgIds), eq(organisations.regionId, regionId)))).map((o) => o.id) : [],
  );
  const issues: Issue[] = [];
  for (const [path, ref] of Object.entries(refs)) {
    const known = ref.kind === 'package' ? knownPackages : knownOrgs;
    const message = ref.kind === 'package' ? 'is not an activity package of this region' : 'is not an organisation of this region';
    const isList = path.endsWith('[]');
    ref.ids.forEach((id, i) => {
      if (!known.has(id)) issues.push({ path: isList ? `${path.slice(0, -2)}[${i}]` : path, message });
    });
  }
  return issues;
}

// ---------------------------------------------------------------- registration

export async function registrationOptions(db: DbOrTx): Promise<TRegistrationOptions> {
  const regionRows = await db.select({ id: regions.id, name: regions.name }).from(regions).orderBy(regions.name);
  const orgRows = await db.select({ id: organisations.id, name: organisations.name, regionId: organisations.regionId }).from(organisations).orderBy(organisations.name);
  const packageRows = await db
    .select({ id: activityPackages.id, code: activityPackages.code, nameNl: activityPackages.nameNl, nameEn: activityPackages.nameEn, regionId: activityPackages.regionId })
    .from(activityPackages)
    .orderBy(activityPackages.sortOrder, activityPackages.code);
  return {
    consentVersion: CONSENT_VERSION,
    regions: regionRows.map((r) => ({
      ...r,
      organisations: orgRows.filter((o) => o.regionId === r.id).map(({ id, name }) => ({ id, name })),
      packages: packageRows.filter((p) => p.regionId === null || p.regionId === r.id).map(({ regionId: _r, ...p }) => p),
    })),
  };
}

/** Maps a concurrent registration with the same email (unique index) to the same 409 as the check. */
async function guardEmail<T>(email: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    const code = (error as { code?: string }).code ?? (error as { cause?: { code?: string } }).cause?.code;
    if (code === '23505') throw new AppError('EMAIL_TAKEN', `An account for ${email} already exists`, [{ path: 'email', message: 'is already registered' }]);
    throw error;
  }
}

/** Anyone registers: a login, a worker in intake (no packages yet: competences follow from the welcome call) and the journey. */
export async function register(db: Db, input: TRegistration, now = new Date()): Promise<TRegistrationResult> {
  const issues: Issue[] = [];
  if (input.consent.version !== CONSENT_VERSION) issues.push({ path: 'consent.version', message: `must be the current consent text (${CONSENT_VERSION})` });
  const [region] = await db.select({ id: regions.id }).from(regions).where(eq(regions.id, input.regionId));
  if (!region) issues.push({ path: 'regionId', message: 'does not exist' });
  const point = lookupPostcode(input.postcode);
  if (!point) issues.push({ path: 'postcode', message: 'is not a known postcode' });
  if (region) {
    issues.push(
      ...(await checkRegionReferences(db, region.id, {
        'interestPackageIds[]': { kind: 'package', ids: input.interestPackageIds },
        'interestOrganisationIds[]': { kind: 'organisation', ids: input.interestOrganisationIds },
      })),
    );
  }
  if (issues.length) throw validation(issues);
  const email = input.email.toLowerCase();
  const [sameWorker] = await db.select({ id: workers.id }).from(workers).where(sql`lower(${workers.email}) = ${email}`);
  if (sameWorker) throw new AppError('EMAIL_TAKEN', `${input.email} is already registered`, [{ path: 'email', message: 'is already registered' }]);

  return guardEmail(input.email, () =>
    db.transaction(async (tx) => {
      const user = await createUser(tx, {
        email,
        name: `${input.firstName} ${input.lastName}`,
        password: input.password,
        locale: input.locale,
        roles: [{ role: 'worker', regionId: region!.id }],
      });
      const [worker] = await tx
        .insert(workers)
        .values({
          userId: user.id,
          regionId: region!.id,
          kind: WORKER_KIND[input.entryKind],
          firstName: input.firstName,
          lastName: input.lastName,
          email,
          phone: input.phone,
          homePostcode: input.postcode.toUpperCase(),
          homeLat: point!.lat,
          homeLon: point!.lon,
          // The welcome call establishes the level and the packages; until then the person is a newcomer without packages.
          qualificationLevel: 1,
          maxTravelKm: input.maxTravelKm,
          desiredMinutesPerWeek: input.desiredHoursPerWeek === null ? null : input.desiredHoursPerWeek * 60,
          isNewcomer: true,
          status: 'intake',
          createdAt: now,
        })
        .returning();
      const interestOrganisationIds = [...new Set(input.interestOrganisationIds)];
      if (interestOrganisationIds.length) await tx.insert(workerPreferredOrganisations).values(interestOrganisationIds.map((organisationId) => ({ workerId: worker!.id, organisationId })));
      if (input.weeklyAvailability.length) await tx.insert(workerWeeklyAvailability).values(input.weeklyAvailability.map((w) => ({ ...w, workerId: worker!.id })));
      const [journey] = await tx
        .insert(journeys)
        .values({
          workerId: worker!.id,
          regionId: region!.id,
          entryKind: input.entryKind,
          consentVersion: input.consent.version,
          consentAt: now,
          interestPackageIds: [...new Set(input.interestPackageIds)],
          interestOrganisationIds,
          freeText: input.freeText,
          createdAt: now,
        })
        .returning();
      await repo.insertStep(tx, {
        journeyId: journey!.id,
        step: 'registration',
        doneAt: now,
        doneByUserId: user.id,
        details: { entryKind: input.entryKind, interestPackageIds: journey!.interestPackageIds, interestOrganisationIds, consentVersion: input.consent.version },
      });
      await insertAudit(tx, { actorUserId: user.id, action: 'create', entity: 'worker', entityId: worker!.id, fields: PERSONAL_FIELDS, regionId: region!.id });
      return { journeyId: journey!.id, workerId: worker!.id, userId: user.id, email };
    }),
  );
}

// ---------------------------------------------------------------- reading

function scopeOf(actor: Actor): repo.JourneyScope {
  return {
    isAll: isAdmin(actor),
    regionIds: regionIdsAs(actor, 'mediator', 'coordinator'),
    organisationIds: plannerOrganisationIds(actor),
    workerId: actor.workerId,
  };
}

const toSummary = (r: repo.JourneyRow): TJourneySummary => ({
  id: r.journey.id,
  workerId: r.journey.workerId,
  regionId: r.journey.regionId,
  name: `${r.firstName} ${r.lastName}`,
  entryKind: r.journey.entryKind,
  stage: r.journey.stage,
  ownerUserId: r.journey.ownerUserId,
  ownerName: r.ownerName,
  organisationId: r.journey.organisationId,
  organisationName: r.organisationName,
  registeredAt: r.journey.createdAt.toISOString(),
  lastStep: r.lastStep,
  lastStepAt: new Date(r.lastStepAt).toISOString(),
});

export async function listJourneys(
  db: DbOrTx,
  actor: Actor,
  query: { regionId?: string | undefined; stage?: TJourneyStage | undefined; ownerUserId?: string | undefined; limit: number },
): Promise<TJourneySummary[]> {
  const filter = and(
    query.regionId ? eq(journeys.regionId, query.regionId) : undefined,
    query.stage ? eq(journeys.stage, query.stage) : undefined,
    query.ownerUserId ? eq(journeys.ownerUserId, query.ownerUserId) : undefined,
  );
  const scope = scopeOf(actor);
  // A person lists no journeys (their own is at /api/me/journey).
  return (await repo.listJourneys(db, { ...scope, workerId: null }, filter, query.limit)).map(toSummary);
}

async function visibleJourney(db: DbOrTx, actor: Actor, id: string): Promise<repo.JourneyRow> {
  const visible = repo.journeyScope(scopeOf(actor));
  const row = visible ? await repo.findJourney(db, and(eq(journeys.id, id), visible)!) : undefined;
  if (!row) throw notFound('Journey', id);
  return row;
}

/** Mediators, coordinators of the region and administrators see contact details; the person their own. */
const seesContact = (actor: Actor, row: repo.JourneyRow) => canMediateRegion(actor, row.journey.regionId) || actor.workerId === row.journey.workerId;

async function toJourney(db: DbOrTx, actor: Actor, row: repo.JourneyRow): Promise<TJourney> {
  const j = row.journey;
  const steps = await repo.listSteps(db, j.id);
  const orientations = await repo.listOrientations(db, j.id);
  const held = await db.select({ packageId: workerPackages.packageId }).from(workerPackages).where(eq(workerPackages.workerId, j.workerId));
  return {
    ...toSummary(row),
    contact: seesContact(actor, row) ? { email: row.email, phone: row.phone, postcode: row.postcode } : null,
    interestPackageIds: j.interestPackageIds,
    interestOrganisationIds: j.interestOrganisationIds,
    packageIds: held.map((h) => h.packageId).sort(),
    freeText: j.freeText,
    consentVersion: j.consentVersion,
    consentAt: j.consentAt.toISOString(),
    steps: steps.map((s) => ({ step: s.step, doneAt: s.doneAt.toISOString(), doneByUserId: s.doneByUserId, doneByName: s.doneByName, details: s.details })),
    orientations: orientations.map(toBooking),
    contractKind: j.contractKind,
    agreementStartsOn: j.agreementStartsOn,
    ...checkInDueDates(j.agreementStartsOn),
    learningPlan: j.learningGoals ? { goals: j.learningGoals, supportWishes: j.supportWishes ?? '', updatedAt: j.learningPlanUpdatedAt!.toISOString() } : null,
    closedReason: j.closedReason,
  };
}

/** Reading another person's contact details is audited. */
async function auditRead(db: DbOrTx, actor: Actor, row: repo.JourneyRow) {
  if (actor.workerId === row.journey.workerId || !seesContact(actor, row)) return;
  await insertAudit(db, { actorUserId: actor.userId, action: 'read', entity: 'worker', entityId: row.journey.workerId, fields: ['email', 'phone', 'homePostcode'], regionId: row.journey.regionId });
}

export async function getJourney(db: DbOrTx, actor: Actor, id: string): Promise<TJourney> {
  const row = await visibleJourney(db, actor, id);
  await auditRead(db, actor, row);
  return toJourney(db, actor, row);
}

export async function getMyJourney(db: DbOrTx, actor: Actor): Promise<TJourney> {
  const row = actor.workerId ? await repo.findJourney(db, eq(journeys.workerId, actor.workerId)) : undefined;
  if (!row) throw notFound('Journey');
  return toJourney(db, actor, row);
}

// ---------------------------------------------------------------- changes

function requireMediator(actor: Actor, row: repo.JourneyRow) {
  if (!canMediateRegion(actor, row.journey.regionId)) throw forbidden('Only the region’s mediators and coordinators do this');
}

function requireOpen(row: repo.JourneyRow) {
  if (row.journey.stage === 'closed' || row.journey.stage === 'completed') {
    throw new AppError('CONFLICT', `This journey is ${row.journey.stage}`, [{ path: 'step', message: `the journey is ${row.journey.stage}` }]);
  }
}

/** Locks the journey and reads it again, so two steps recorded at once cannot both pass the order check. */
async function lockedJourney(tx: DbOrTx, actor: Actor, id: string) {
  await visibleJourney(tx, actor, id);
  await repo.lockJourney(tx, id);
  return visibleJourney(tx, actor, id);
}

export async function setOwner(db: Db, actor: Actor, id: string, ownerUserId: string): Promise<TJourney> {
  return db.transaction(async (tx) => {
    const row = await lockedJourney(tx, actor, id);
    requireMediator(actor, row);
    const [binding] = await tx
      .select({ userId: userRoles.userId })
      .from(userRoles)
      .where(and(eq(userRoles.userId, ownerUserId), inArray(userRoles.role, ['mediator', 'coordinator']), eq(userRoles.regionId, row.journey.regionId)));
    if (!binding) throw validation([{ path: 'ownerUserId', message: 'is not a mediator or coordinator of this region' }]);
    await repo.updateJourney(tx, id, { ownerUserId });
    return toJourney(tx, actor, await visibleJourney(tx, actor, id));
  });
}

/** The step the journey waits for must be the one recorded. */
function requireStage(row: repo.JourneyRow, step: TJourneyStep) {
  requireOpen(row);
  if (row.journey.stage !== step) {
    const done = ORDER.indexOf(step) < ORDER.indexOf(row.journey.stage as TJourneyStep);
    throw new AppError('CONFLICT', done ? `The ${step} step was already recorded` : `The journey waits for ${row.journey.stage} before ${step}`, [
      { path: 'step', message: done ? 'was already recorded' : `comes after ${row.journey.stage}` },
    ]);
  }
}

/** Records the next step of the journey, with its effects (interests, competences, agreement, owner). */
export async function recordStep(db: Db, actor: Actor, id: string, input: TRecordStep, now = new Date()): Promise<TJourney> {
  return db.transaction(async (tx) => {
    const row = await lockedJourney(tx, actor, id);
    const j = row.journey;
    const isPlannerOfOrganisation = j.organisationId !== null && plannerOrganisationIds(actor).includes(j.organisationId);
    if (!(input.step === 'onboarding' && isPlannerOfOrganisation)) requireMediator(actor, row);
    requireStage(row, input.step);
    const patch: Partial<typeof journeys.$inferInsert> = { stage: nextStage(input.step) };
    const { step, ...details } = input;

    switch (input.step) {
      case 'welcome_call': {
        const issues = await checkRegionReferences(tx, j.regionId, {
          'interestPackageIds[]': { kind: 'package', ids: input.interestPackageIds ?? [] },
          'interestOrganisationIds[]': { kind: 'organisation', ids: input.interestOrganisationIds ?? [] },
          'packageIds[]': { kind: 'package', ids: input.packageIds ?? [] },
        });
        if (issues.length) throw validation(issues);
        if (input.interestPackageIds) patch.interestPackageIds = [...new Set(input.interestPackageIds)];
        if (input.interestOrganisationIds) patch.interestOrganisationIds = [...new Set(input.interestOrganisationIds)];
        if (input.packageIds) {
          await tx.delete(workerPackages).where(eq(workerPackages.workerId, j.workerId));
          const ids = [...new Set(input.packageIds)];
          if (ids.length) await tx.insert(workerPackages).values(ids.map((packageId) => ({ workerId: j.workerId, packageId })));
        }
        if (input.qualificationLevel) await tx.update(workers).set({ qualificationLevel: input.qualificationLevel }).where(eq(workers.id, j.workerId));
        if (input.competences) await applyWorkerCompetences(tx, actor, { id: j.workerId, regionId: j.regionId }, input.competences, 'competences', now);
        if (!j.ownerUserId) patch.ownerUserId = actor.userId;
        break;
      }
      case 'orientation': {
        if (input.outcome === 'done') {
          const booked = (await repo.listOrientations(tx, id)).filter((o) => o.status === 'confirmed');
          if (!booked.length) throw new AppError('CONFLICT', 'Book the shadow day first', [{ path: 'outcome', message: 'no shadow day was booked' }]);
        }
        break;
      }
      case 'matching': {
        if (input.organisationId) {
          const issues = await checkRegionReferences(tx, j.regionId, { organisationId: { kind: 'organisation', ids: [input.organisationId] } });
          if (issues.length) throw validation(issues);
        }
        patch.organisationId = input.organisationId;
        break;
      }
      case 'agreement': {
        if (input.contractKind !== 'regional_pool' && !input.organisationId) throw validation([{ path: 'organisationId', message: 'is required unless the contract is with the regional pool' }]);
        if (input.organisationId) {
          const issues = await checkRegionReferences(tx, j.regionId, { organisationId: { kind: 'organisation', ids: [input.organisationId] } });
          if (issues.length) throw validation(issues);
        }
        Object.assign(patch, { contractKind: input.contractKind, agreementStartsOn: input.startsOn, organisationId: input.organisationId ?? j.organisationId });
        await tx.update(workers).set({ status: 'active' }).where(eq(workers.id, j.workerId));
        break;
      }
      case 'onboarding': {
        if (!j.learningGoals) throw new AppError('CONFLICT', 'The person writes their learning plan first', [{ path: 'learningPlan', message: 'is not written yet' }]);
        break;
      }
      case 'check_in_1m':
      case 'check_in_3m': {
        const dueOn = checkInDueDates(j.agreementStartsOn)[input.step === 'check_in_1m' ? 'checkIn1DueOn' : 'checkIn3DueOn']!;
        const earliest = DateTime.fromISO(dueOn, { zone: 'utc' }).minus({ days: CHECK_IN_EARLY_DAYS }).toISODate()!;
        if (now.toISOString().slice(0, 10) < earliest) throw new AppError('CONFLICT', `This check-in is due on ${dueOn}`, [{ path: 'step', message: `is due on ${dueOn}` }]);
        break;
      }
    }
    await repo.insertStep(tx, { journeyId: id, step, doneAt: now, doneByUserId: actor.userId, details });
    await repo.updateJourney(tx, id, patch);
    return toJourney(tx, actor, await visibleJourney(tx, actor, id));
  });
}

/**
 * An accepted offer makes the match: the matching step (with the offer) is recorded and the journey
 * moves on to the agreement. Runs in the caller's transaction; people without a journey, or whose
 * journey is past matching, are left as they are.
 */
export async function recordMatchFromOffer(tx: DbOrTx, offer: { id: string; requestId: string; workerId: string; organisationId: string }, actorUserId: string, now: Date): Promise<void> {
  const [journey] = await tx.select().from(journeys).where(eq(journeys.workerId, offer.workerId));
  if (!journey) return;
  await repo.lockJourney(tx, journey.id);
  const [current] = await tx.select({ stage: journeys.stage }).from(journeys).where(eq(journeys.id, journey.id));
  if (current!.stage !== 'matching') return;
  await repo.insertStep(tx, { journeyId: journey.id, step: 'matching', doneAt: now, doneByUserId: actorUserId, details: { organisationId: offer.organisationId, offerId: offer.id, requestId: offer.requestId } });
  await repo.updateJourney(tx, journey.id, { stage: 'agreement', organisationId: offer.organisationId });
}

/** Whether the worker may be offered: not while their journey still waits for the welcome call or orientation. */
export async function workersNotReadyForOffers(db: DbOrTx, workerIds: string[]): Promise<Set<string>> {
  if (workerIds.length === 0) return new Set();
  const rows = await db
    .select({ workerId: journeys.workerId })
    .from(journeys)
    .where(and(inArray(journeys.workerId, workerIds), inArray(journeys.stage, ['welcome_call', 'orientation', 'closed'])));
  return new Set(rows.map((r) => r.workerId));
}

const toBooking = (o: Awaited<ReturnType<typeof repo.listOrientations>>[number]): TOrientationBooking => ({
  ...o,
  start: o.start.toISOString(),
  end: o.end.toISOString(),
  cancelledAt: o.cancelledAt?.toISOString() ?? null,
});

/** A shadow day: a one-place shift at the location with the person's confirmed assignment (source mediation). */
export async function bookOrientation(db: Db, actor: Actor, id: string, input: TBookOrientation, now = new Date()): Promise<TOrientationBooking> {
  const row = await visibleJourney(db, actor, id);
  requireMediator(actor, row);
  requireStage(row, 'orientation');
  const [location] = await db
    .select({ id: locations.id, organisationId: locations.organisationId })
    .from(locations)
    .innerJoin(organisations, eq(organisations.id, locations.organisationId))
    .where(and(eq(locations.id, input.locationId), eq(organisations.regionId, row.journey.regionId)));
  const issues: Issue[] = [];
  if (!location) issues.push({ path: 'locationId', message: 'is not a location of this region' });
  issues.push(...(await checkRegionReferences(db, row.journey.regionId, { packageId: { kind: 'package', ids: [input.packageId] } })));
  if (Date.parse(input.start) <= now.getTime()) issues.push({ path: 'start', message: 'must be in the future' });
  if (issues.length) throw validation(issues);
  const start = new Date(input.start);
  const end = new Date(input.end);
  try {
    return await db.transaction(async (tx) => {
      await lockWorkers(tx, [row.journey.workerId]);
      const [shift] = await tx
        .insert(shifts)
        .values({
          organisationId: location!.organisationId,
          locationId: location!.id,
          packageId: input.packageId,
          start,
          end,
          places: 1,
          supervisionCapacity: 1,
          notes: `Meeloopdag / shadow day: ${row.firstName} ${row.lastName}${input.note ? ` — ${input.note}` : ''}`,
          createdByUserId: actor.userId,
        })
        .returning();
      const [assignment] = await tx
        .insert(assignments)
        .values({ shiftId: shift!.id, workerId: row.journey.workerId, status: 'confirmed', source: 'mediation', start, end, isNewcomer: true, decidedAt: now, decidedByUserId: actor.userId })
        .returning();
      await tx.insert(journeyOrientations).values({ journeyId: id, shiftId: shift!.id, assignmentId: assignment!.id, createdByUserId: actor.userId });
      const [booking] = (await repo.listOrientations(tx, id)).filter((o) => o.shiftId === shift!.id);
      return toBooking(booking!);
    });
  } catch (error) {
    const code = (error as { code?: string }).code ?? (error as { cause?: { code?: string } }).cause?.code;
    if (code === '23P01') throw new AppError('CONFLICT', 'The person already has a shift at that time', [{ path: 'start', message: 'overlaps another shift of the person' }]);
    throw error;
  }
}

/**
 * Cancels a booked shadow day that has not begun: its one-place shift and the person's assignment,
 * with the reason, in one transaction; the person is told why (`orientation.cancelled`, on their channel). The
 * booking stays on the journey as cancelled; rebooking is a new booking while the journey waits for
 * the orientation step.
 */
export async function cancelOrientation(db: Db, actor: Actor, id: string, shiftId: string, reason: string, now = new Date()): Promise<TJourney> {
  return db.transaction(async (tx) => {
    const row = await lockedJourney(tx, actor, id);
    requireMediator(actor, row);
    requireOpen(row);
    // The claim paths' order: the worker, then the shift.
    await lockWorkers(tx, [row.journey.workerId]);
    const [booking] = (await repo.listOrientations(tx, id)).filter((o) => o.shiftId === shiftId);
    if (!booking) throw notFound('Shadow day', shiftId);
    const [shift] = await tx.select({ status: shifts.status }).from(shifts).where(eq(shifts.id, shiftId)).for('update');
    if (shift!.status !== 'open' || booking.status !== 'confirmed') throw new AppError('CONFLICT', 'This shadow day was already cancelled', [{ path: 'shiftId', message: 'is already cancelled' }]);
    if (booking.start <= now) throw new AppError('CONFLICT', 'This shadow day has begun', [{ path: 'shiftId', message: 'has already begun' }]);
    await tx.update(shifts).set({ status: 'cancelled', cancelReason: reason, cancelledAt: now }).where(eq(shifts.id, shiftId));
    await tx.update(assignments).set({ status: 'cancelled', reason, decidedAt: now, decidedByUserId: actor.userId }).where(eq(assignments.id, booking.assignmentId));
    await notify(tx, { type: 'orientation.cancelled', shiftId, reason, assignmentId: booking.assignmentId });
    return toJourney(tx, actor, await visibleJourney(tx, actor, id));
  });
}

/** The person writes their own learning plan: goals and the support they wish for. */
export async function writeLearningPlan(db: Db, actor: Actor, id: string, input: TLearningPlan, now = new Date()): Promise<TJourney> {
  return db.transaction(async (tx) => {
    const row = await lockedJourney(tx, actor, id);
    if (actor.workerId !== row.journey.workerId) throw forbidden('Only the person writes their learning plan');
    requireOpen(row);
    await repo.updateJourney(tx, id, { learningGoals: input.goals, supportWishes: input.supportWishes, learningPlanUpdatedAt: now });
    return toJourney(tx, actor, await visibleJourney(tx, actor, id));
  });
}

/** The person stopped: the journey is closed and the worker inactive. */
export async function closeJourney(db: Db, actor: Actor, id: string, reason: string): Promise<TJourney> {
  return db.transaction(async (tx) => {
    const row = await lockedJourney(tx, actor, id);
    requireMediator(actor, row);
    requireOpen(row);
    await repo.updateJourney(tx, id, { stage: 'closed', closedReason: reason });
    await tx.update(workers).set({ status: 'inactive' }).where(eq(workers.id, row.journey.workerId));
    return toJourney(tx, actor, await visibleJourney(tx, actor, id));
  });
}

// ---------------------------------------------------------------- queues

const ageHours = (from: Date, now: Date) => Math.round(((now.getTime() - from.getTime()) / HOUR_MS) * 10) / 10;

/** Registrations waiting for their welcome call, and check-ins whose due date has come (the caller checked the region). */
export async function journeyQueues(db: DbOrTx, regionId: string, timeZone: string, now: Date) {
  const awaitingWelcomeCall = (await repo.journeysAwaitingWelcomeCall(db, regionId)).map((r) => ({
    journeyId: r.journey.id,
    workerId: r.journey.workerId,
    name: `${r.firstName} ${r.lastName}`,
    entryKind: r.journey.entryKind,
    ownerUserId: r.journey.ownerUserId,
    ownerName: r.ownerName,
    registeredAt: r.journey.createdAt.toISOString(),
    ageHours: ageHours(r.journey.createdAt, now),
    isOverdue: now.getTime() - r.journey.createdAt.getTime() > WELCOME_CALL_WITHIN_HOURS * HOUR_MS,
  }));
  const today = DateTime.fromJSDate(now, { zone: timeZone }).toISODate()!;
  const checkInsDue = (await repo.journeysWithCheckInDue(db, regionId, today)).map((r) => {
    const daysPastDue = Math.round(DateTime.fromISO(today, { zone: 'utc' }).diff(DateTime.fromISO(r.dueOn, { zone: 'utc' }), 'days').days);
    return {
      journeyId: r.journey.id,
      workerId: r.journey.workerId,
      name: `${r.firstName} ${r.lastName}`,
      step: r.journey.stage as 'check_in_1m' | 'check_in_3m',
      ownerUserId: r.journey.ownerUserId,
      ownerName: r.ownerName,
      dueOn: r.dueOn,
      daysPastDue,
      isOverdue: daysPastDue > CHECK_IN_GRACE_DAYS,
    };
  });
  return { awaitingWelcomeCall, checkInsDue };
}
