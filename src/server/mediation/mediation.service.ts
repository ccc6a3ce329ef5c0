// Mediated matching: ranked candidates for shifts and requests, requests, offers and their answers,
// and the service-level queues per region.
import { and, eq, inArray, sql } from 'drizzle-orm';
import type {
  TCandidateList,
  TCreateMediationRequest,
  TCreateOffers,
  TDeclineOffer,
  TMediationQueues,
  TMediationRequest,
  TOffer,
  TPlaceOnShifts,
  TPlacementResult,
} from '../../shared/mediation.schemas.js';
import type { TSetRequestCompetences } from '../../shared/competences.schemas.js';
import { replaceRequirements, requirementsOf, resolveRequirements } from '../competences/competences.service.js';
import { canMediateRegion, isAdmin, plannerOrganisationIds, regionIdsAs, type Actor } from '../auth/actor.js';
import { findLiveAssignment, findOrganisationContext, insertAssignment, lockWorkers } from '../assignments/assignments.repo.js';
import { checkEligibility, loadShiftFacts } from '../assignments/eligibility.js';
import type { Db, DbOrTx } from '../db/open-database.js';
import { activityPackages, locations, offers, organisations, requests, workers } from '../db/schema.js';
import { AppError, forbidden, notFound, type Issue } from '../errors/app-error.js';
import { countsAsNewcomer } from '../journey/independence.js';
import { CHECK_IN_GRACE_DAYS, journeyQueues, recordMatchFromOffer, WELCOME_CALL_WITHIN_HOURS, workersNotReadyForOffers } from '../journey/journey.service.js';
import { notify } from '../notifications/notify.js';
import { findRegionTimeZone } from '../regions/regions.repo.js';
import * as shiftRepo from '../shifts/shifts.repo.js';
import * as repo from './mediation.repo.js';
import { rankCandidates } from './ranking.js';

const HOUR_MS = 3_600_000;
/** Service levels: a request gets its first offer within 24 hours; an offer its answer within 48. */
export const FIRST_OFFER_WITHIN_HOURS = 24;
export const ANSWER_WITHIN_HOURS = 48;

/** Planners of the organisation, the region's mediators and coordinators, administrators. */
export function canSeeCandidates(actor: Actor, organisation: { organisationId: string; regionId: string }): boolean {
  return canMediateRegion(actor, organisation.regionId) || plannerOrganisationIds(actor).includes(organisation.organisationId);
}

export async function candidatesForShift(db: DbOrTx, actor: Actor, shiftId: string, limit: number, now = new Date()): Promise<TCandidateList> {
  const shift = await shiftRepo.findShift(db, shiftId);
  if (!shift) throw notFound('Shift', shiftId);
  const context = await findOrganisationContext(db, shift.organisationId);
  if (!canSeeCandidates(actor, context)) throw forbidden('Only the organisation’s planners and the region’s mediators see candidates');
  if (shift.status !== 'open') throw new AppError('SHIFT_CLOSED', 'This shift was cancelled');
  const [facts] = await loadShiftFacts(db, [shiftId]);
  return rankCandidates(
    db,
    { kind: 'shift', facts: facts!, packageIds: [facts!.packageId], regionId: context.regionId, rules: context.rules, timeZone: context.timeZone },
    { limit, now },
  );
}

type Requirements = Awaited<ReturnType<typeof requirementsOf>>;

const toRequest = (r: repo.RequestRow, requirements: Requirements): TMediationRequest => ({
  id: r.id,
  organisationId: r.organisationId,
  organisationName: r.organisationName,
  regionId: r.regionId,
  locationId: r.locationId,
  packageIds: r.packageIds,
  periodStart: r.periodStart.toISOString(),
  periodEnd: r.periodEnd.toISOString(),
  shiftsPerWeek: r.shiftsPerWeek,
  supervisionCapacity: r.supervisionCapacity,
  description: r.description,
  status: r.status,
  createdAt: r.createdAt.toISOString(),
  firstOfferAt: r.firstOfferAt?.toISOString() ?? null,
  competences: requirements.get(r.id)?.read ?? [],
});

/** The requests as the API returns them, with their competence requirements read in one statement. */
async function toRequests(db: DbOrTx, rows: repo.RequestRow[]): Promise<TMediationRequest[]> {
  const requirements = await requirementsOf(db, rows.map((r) => r.id));
  return rows.map((r) => toRequest(r, requirements));
}

const toOffer = (o: repo.OfferRow): TOffer => ({
  id: o.id,
  requestId: o.requestId,
  workerId: o.workerId,
  workerName: o.workerName,
  note: o.note,
  status: o.status,
  createdAt: o.createdAt.toISOString(),
  answeredAt: o.answeredAt?.toISOString() ?? null,
  declineReason: o.declineReason,
  nextStep: o.nextStep,
});

const isPlannerOf = (actor: Actor, organisationId: string) => isAdmin(actor) || plannerOrganisationIds(actor).includes(organisationId);

async function visibleRequest(db: DbOrTx, actor: Actor, id: string): Promise<repo.RequestRow> {
  const request = await repo.findRequest(db, id);
  if (!request) throw notFound('Request', id);
  if (!canSeeCandidates(actor, { organisationId: request.organisationId, regionId: request.regionId })) throw notFound('Request', id);
  return request;
}

/** A planner posts a need for a person over a period at one of their organisation's locations. */
export async function createRequest(db: Db, actor: Actor, input: TCreateMediationRequest): Promise<TMediationRequest> {
  const [location] = await db.select().from(locations).where(eq(locations.id, input.locationId));
  if (!location || !isPlannerOf(actor, location.organisationId)) throw forbidden('Only the organisation’s planners post requests for its locations');
  const packageIds = [...new Set(input.packageIds)];
  const known = await db.select({ id: activityPackages.id }).from(activityPackages).where(inArray(activityPackages.id, packageIds));
  const missing = packageIds.filter((id) => !known.some((k) => k.id === id));
  if (missing.length) throw new AppError('VALIDATION_FAILED', 'Unknown activity package', missing.map((id) => ({ path: `packageIds[${input.packageIds.indexOf(id)}]`, message: 'unknown package' })));
  const context = await findOrganisationContext(db, location.organisationId);
  const requirements = await resolveRequirements(db, context.regionId, input.competences);
  return db.transaction(async (tx) => {
    const row = await repo.insertRequest(tx, {
      organisationId: location.organisationId,
      locationId: location.id,
      packageIds,
      periodStart: new Date(input.periodStart),
      periodEnd: new Date(input.periodEnd),
      shiftsPerWeek: input.shiftsPerWeek,
      supervisionCapacity: input.supervisionCapacity,
      description: input.description,
      createdByUserId: actor.userId,
    });
    await replaceRequirements(tx, row.id, requirements);
    return (await toRequests(tx, [(await repo.findRequest(tx, row.id))!]))[0]!;
  });
}

/** Replaces a request's competence requirements (the organisation's planners, the region's mediators) while it is open. */
export async function setRequestCompetences(db: Db, actor: Actor, id: string, input: TSetRequestCompetences): Promise<TMediationRequest> {
  const request = await visibleRequest(db, actor, id);
  if (!isPlannerOf(actor, request.organisationId) && !canMediateRegion(actor, request.regionId)) throw forbidden('Only the organisation’s planners and the region’s mediators change a request');
  if (request.status !== 'open') throw new AppError('CONFLICT', `This request is ${request.status}`, [{ path: 'competences', message: 'only an open request changes' }]);
  const requirements = await resolveRequirements(db, request.regionId, input.competences);
  return db.transaction(async (tx) => {
    await tx.execute(sql`select id from requests where id = ${id} for update`);
    await replaceRequirements(tx, id, requirements);
    return (await toRequests(tx, [request]))[0]!;
  });
}

/** Planners see their organisations' requests; mediators and coordinators those of their regions. */
export async function listRequests(db: DbOrTx, actor: Actor, query: { status?: 'open' | 'filled' | 'closed' }): Promise<TMediationRequest[]> {
  const where = query.status ? eq(requests.status, query.status) : undefined;
  if (isAdmin(actor)) {
    const regionIds = (await db.selectDistinct({ id: organisations.regionId }).from(organisations)).map((r) => r.id);
    return toRequests(db, await repo.listRequests(db, { organisationIds: [], regionIds }, where));
  }
  const rows = await repo.listRequests(db, { organisationIds: plannerOrganisationIds(actor), regionIds: regionIdsAs(actor, 'mediator', 'coordinator') }, where);
  return toRequests(db, rows);
}

export async function getRequest(db: DbOrTx, actor: Actor, id: string): Promise<TMediationRequest & { offers: TOffer[] }> {
  const request = await visibleRequest(db, actor, id);
  return { ...(await toRequests(db, [request]))[0]!, offers: (await repo.listOffers(db, eq(offers.requestId, id))).map(toOffer) };
}

/** The same ranking as for shifts, over the request's packages and period and the rules about the person. */
export async function candidatesForRequest(db: DbOrTx, actor: Actor, id: string, limit: number, now = new Date()): Promise<TCandidateList> {
  const request = await visibleRequest(db, actor, id);
  const context = await findOrganisationContext(db, request.organisationId);
  const [location] = await db.select().from(locations).where(eq(locations.id, request.locationId));
  const [main] = await db.select().from(activityPackages).where(eq(activityPackages.id, request.packageIds[0]!));
  const asked = (await requirementsOf(db, [request.id])).get(request.id)?.ids ?? [];
  const named = (level: 'required' | 'wished') => asked.filter((r) => r.level === level).map((r) => ({ id: r.competenceId, key: r.key }));
  return rankCandidates(
    db,
    {
      kind: 'request',
      facts: {
        id: request.id,
        locationId: request.locationId,
        organisationId: request.organisationId,
        packageId: main!.id,
        requiresRegistration: main!.requiresRegistration,
        start: request.periodStart,
        end: request.periodEnd,
        places: 1,
        supervisionCapacity: request.supervisionCapacity,
        lat: location!.lat,
        lon: location!.lon,
      },
      packageIds: request.packageIds,
      competences: { required: named('required'), wished: named('wished') },
      regionId: context.regionId,
      rules: context.rules,
      timeZone: context.timeZone,
    },
    { limit, now },
  );
}

/** A mediator offers one or more of the region's workers for a request, with a note. */
export async function createOffers(db: Db, actor: Actor, requestId: string, input: TCreateOffers, now = new Date()): Promise<TOffer[]> {
  const request = await visibleRequest(db, actor, requestId);
  if (!canMediateRegion(actor, request.regionId)) throw forbidden('Only the region’s mediators offer candidates');
  if (request.status !== 'open') throw new AppError('CONFLICT', `This request is ${request.status}`);
  const workerIds = [...new Set(input.workerIds)];
  const found = await db.select({ id: workers.id }).from(workers).where(and(inArray(workers.id, workerIds), eq(workers.regionId, request.regionId)));
  const unknown = workerIds.filter((id) => !found.some((f) => f.id === id));
  if (unknown.length) throw new AppError('VALIDATION_FAILED', 'Not a worker of this region', unknown.map((id) => ({ path: `workerIds[${input.workerIds.indexOf(id)}]`, message: 'not a worker of this region' })));
  const notReady = [...(await workersNotReadyForOffers(db, workerIds))];
  if (notReady.length) {
    throw new AppError('CONFLICT', 'Still in intake: the welcome call and orientation come first', notReady.map((id) => ({ path: `workerIds[${input.workerIds.indexOf(id)}]`, message: 'is still in intake (welcome call, orientation) or stopped' })));
  }
  return db.transaction(async (tx) => {
    await tx.execute(sql`select id from requests where id = ${requestId} for update`);
    const live = await repo.listOffers(tx, and(eq(offers.requestId, requestId), inArray(offers.workerId, workerIds), inArray(offers.status, ['offered', 'accepted']))!);
    if (live.length) throw new AppError('CONFLICT', `Already offered: ${live.map((o) => o.workerName).join(', ')}`);
    const rows = await tx
      .insert(offers)
      .values(workerIds.map((workerId) => ({ requestId, workerId, note: input.note, createdByUserId: actor.userId, createdAt: now })))
      .returning({ id: offers.id });
    await tx.update(requests).set({ firstOfferAt: now }).where(and(eq(requests.id, requestId), sql`${requests.firstOfferAt} is null`));
    await notify(tx, { type: 'offer.made', offerIds: rows.map((r) => r.id) });
    return (await repo.listOffers(tx, inArray(offers.id, rows.map((r) => r.id)))).map(toOffer);
  });
}

async function offerForAnswer(tx: DbOrTx, actor: Actor, offerId: string) {
  await tx.execute(sql`select id from offers where id = ${offerId} for update`);
  const offer = await repo.findOffer(tx, offerId);
  if (!offer) throw notFound('Offer', offerId);
  const request = (await repo.findRequest(tx, offer.requestId))!;
  if (!canSeeCandidates(actor, { organisationId: request.organisationId, regionId: request.regionId })) throw notFound('Offer', offerId);
  if (!isPlannerOf(actor, request.organisationId)) throw forbidden('Only the organisation’s planners answer offers');
  if (offer.status !== 'offered') throw new AppError('CONFLICT', `This offer was already ${offer.status}`);
  return { offer, request };
}

/**
 * The organisation takes the candidate: the request is filled, the person's journey records the match
 * and moves on to the agreement, and the mediator hears of it.
 */
export async function acceptOffer(db: Db, actor: Actor, offerId: string, now = new Date()): Promise<TOffer> {
  return db.transaction(async (tx) => {
    const { offer, request } = await offerForAnswer(tx, actor, offerId);
    await tx.update(offers).set({ status: 'accepted', answeredAt: now, answeredByUserId: actor.userId }).where(eq(offers.id, offer.id));
    await tx.update(requests).set({ status: 'filled' }).where(eq(requests.id, request.id));
    await recordMatchFromOffer(tx, { id: offer.id, requestId: request.id, workerId: offer.workerId, organisationId: request.organisationId }, actor.userId, now);
    await notify(tx, { type: 'offer.answered', offerId: offer.id });
    return toOffer((await repo.findOffer(tx, offer.id))!);
  });
}

/** The organisation declines with a reason; the next step (another organisation, package or training) is required. */
export async function declineOffer(db: Db, actor: Actor, offerId: string, input: TDeclineOffer, now = new Date()): Promise<TOffer> {
  return db.transaction(async (tx) => {
    const { offer } = await offerForAnswer(tx, actor, offerId);
    await tx
      .update(offers)
      .set({ status: 'declined', answeredAt: now, answeredByUserId: actor.userId, declineReason: input.reason, nextStep: input.nextStep })
      .where(eq(offers.id, offer.id));
    await notify(tx, { type: 'offer.answered', offerId: offer.id });
    return toOffer((await repo.findOffer(tx, offer.id))!);
  });
}

/**
 * The region's service-level queues with age and overdue flags: requests without a first offer,
 * offers without an answer, registrations without a welcome call, check-ins due.
 */
export async function mediationQueues(db: DbOrTx, actor: Actor, regionId: string, now = new Date()): Promise<TMediationQueues> {
  if (!canMediateRegion(actor, regionId)) throw forbidden('Only the region’s mediators and coordinators see its queues');
  const timeZone = await findRegionTimeZone(db, regionId);
  if (!timeZone) throw notFound('Region', regionId);
  const { awaitingWelcomeCall, checkInsDue } = await journeyQueues(db, regionId, timeZone, now);
  const age = (from: Date) => Math.round(((now.getTime() - from.getTime()) / HOUR_MS) * 10) / 10;
  const awaitingFirstOffer = (await repo.requestsAwaitingFirstOffer(db, regionId)).map((r) => ({
    requestId: r.id,
    organisationName: r.organisationName,
    createdAt: r.createdAt.toISOString(),
    ageHours: age(r.createdAt),
    isOverdue: now.getTime() - r.createdAt.getTime() > FIRST_OFFER_WITHIN_HOURS * HOUR_MS,
  }));
  const awaitingAnswer = (await repo.offersAwaitingAnswer(db, regionId)).map((o) => ({
    offerId: o.offer.id,
    requestId: o.offer.requestId,
    organisationName: o.organisationName,
    workerName: `${o.firstName} ${o.lastName}`,
    createdAt: o.offer.createdAt.toISOString(),
    ageHours: age(o.offer.createdAt),
    isOverdue: now.getTime() - o.offer.createdAt.getTime() > ANSWER_WITHIN_HOURS * HOUR_MS,
  }));
  return {
    now: now.toISOString(),
    firstOfferWithinHours: FIRST_OFFER_WITHIN_HOURS,
    answerWithinHours: ANSWER_WITHIN_HOURS,
    welcomeCallWithinHours: WELCOME_CALL_WITHIN_HOURS,
    checkInGraceDays: CHECK_IN_GRACE_DAYS,
    awaitingFirstOffer,
    awaitingAnswer,
    awaitingWelcomeCall,
    checkInsDue,
    overdueCount: [...awaitingFirstOffer, ...awaitingAnswer, ...awaitingWelcomeCall, ...checkInsDue].filter((x) => x.isOverdue).length,
  };
}

/**
 * The accepted person on open shifts of the organisation, picked by the region's mediator or the
 * organisation's planner: the claim path's locks (worker, then shifts in id order), rules
 * (checkEligibility, one shift after the other so the picks are checked against each other) and the
 * database's double-booking guard. All or nothing; each placement is confirmed at once (source mediation).
 */
export async function placeOnShifts(db: Db, actor: Actor, offerId: string, input: TPlaceOnShifts, now = new Date()): Promise<TPlacementResult> {
  const offer = await repo.findOffer(db, offerId);
  const request = offer && (await repo.findRequest(db, offer.requestId));
  if (!offer || !request || !canSeeCandidates(actor, { organisationId: request.organisationId, regionId: request.regionId })) throw notFound('Offer', offerId);
  if (offer.status !== 'accepted') throw new AppError('CONFLICT', `This offer is ${offer.status}, not accepted`);
  const shiftIds = [...new Set(input.shiftIds)];
  const pathOf = (id: string) => `shiftIds[${input.shiftIds.indexOf(id)}]`;
  try {
    return await db.transaction(async (tx) => {
      await lockWorkers(tx, [offer.workerId]);
      const issues: Issue[] = [];
      const placed: TPlacementResult['placed'] = [];
      const context = await findOrganisationContext(tx, request.organisationId);
      for (const shiftId of [...shiftIds].sort()) {
        await shiftRepo.lockShift(tx, shiftId);
        const shift = await shiftRepo.findShift(tx, shiftId);
        if (!shift || shift.organisationId !== request.organisationId) {
          issues.push({ path: pathOf(shiftId), message: 'is not a shift of the organisation' });
          continue;
        }
        if (shift.status !== 'open' || shift.start <= now) {
          issues.push({ path: pathOf(shiftId), message: shift.status !== 'open' ? 'was cancelled' : 'has already started' });
          continue;
        }
        if (await findLiveAssignment(tx, shiftId, offer.workerId)) {
          issues.push({ path: pathOf(shiftId), message: 'the person is already on this shift' });
          continue;
        }
        const violations = (await checkEligibility(tx, { workerId: offer.workerId, shiftIds: [shiftId], rules: context.rules, timeZone: context.timeZone })).get(shiftId) ?? [];
        if (violations.length) {
          issues.push(...violations.map((v) => ({ path: pathOf(shiftId), message: v.message })));
          continue;
        }
        const row = await insertAssignment(tx, {
          shiftId,
          workerId: offer.workerId,
          status: 'confirmed',
          source: 'mediation',
          start: shift.start,
          end: shift.end,
          isNewcomer: await countsAsNewcomer(tx, offer.workerId, shift.packageId),
          decidedAt: now,
          decidedByUserId: actor.userId,
        });
        await notify(tx, { type: 'claim.confirmed', assignmentId: row.id });
        placed.push({ shiftId, assignmentId: row.id });
      }
      if (issues.length) throw new AppError('NOT_ELIGIBLE', issues.map((i) => `${i.path}: ${i.message}`).join('; '), issues);
      return { placed: placed.sort((a, b) => input.shiftIds.indexOf(a.shiftId) - input.shiftIds.indexOf(b.shiftId)) };
    });
  } catch (error) {
    const code = (error as { code?: string }).code ?? (error as { cause?: { code?: string } }).cause?.code;
    if (code === '23P01') throw new AppError('CONFLICT', 'The person already has a shift at that time', [{ path: 'shiftIds', message: 'overlaps another shift of the person' }]);
    throw error;
  }
}
