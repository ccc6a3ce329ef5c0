// Funnel figures per region (and optionally organisation) for a cohort: the people who registered in
// the period. Definitions (docs/mediation.md, "Funnel"):
// - started: the earlier of their first confirmed shift that has begun (shadow days excluded) and
//   the agreement's start day (00:00 in the region's zone), if that moment has come;
// - active after 3 months (of those whose 3-month mark, start + 3 calendar months, has come): the
//   3-month check-in's answer when it was recorded, otherwise a confirmed shift (not a shadow day)
//   that began in the 30 days before the mark.
// With an organisation: the people offered to it or matched with it; offers, acceptances and shifts
// at that organisation only, the agreement only when it is with that organisation.
import { and, eq, gte, inArray, lt, lte, notInArray } from 'drizzle-orm';
import { DateTime } from 'luxon';
import type { TFunnel, TFunnelQuery } from '../../shared/journey.schemas.js';
import { canMediateRegion, type Actor } from '../auth/actor.js';
import type { DbOrTx } from '../db/open-database.js';
import { assignments, journeyOrientations, journeys, journeySteps, offers, organisations, regions, requests, shifts } from '../db/schema.js';
import { AppError, forbidden, notFound } from '../errors/app-error.js';

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;
/** A shift in the 30 days before the 3-month mark shows the person is still active. */
export const ACTIVE_WINDOW_DAYS = 30;

/** The median of the numbers (mean of the two middle ones for an even count), null for none. */
export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const hoursBetween = (a: Date, b: Date) => Math.round(((b.getTime() - a.getTime()) / HOUR_MS) * 100) / 100;

/** The steps whose median time apart the funnel reports, and how to read them off a person. */
const MEDIANS: { from: string; to: string; pick: (p: Person) => [Date | null, Date | null] }[] = [
  { from: 'registration', to: 'welcome_call', pick: (p) => [p.registeredAt, p.welcomeCallAt] },
  { from: 'welcome_call', to: 'first_offer', pick: (p) => [p.welcomeCallAt, p.firstOfferAt] },
  { from: 'first_offer', to: 'accepted', pick: (p) => [p.firstOfferAt, p.firstAcceptedAt] },
  { from: 'accepted', to: 'started', pick: (p) => [p.firstAcceptedAt, p.startedAt] },
  { from: 'registration', to: 'started', pick: (p) => [p.registeredAt, p.startedAt] },
];

type Person = {
  journeyId: string;
  workerId: string;
  registeredAt: Date;
  welcomeCallAt: Date | null;
  firstOfferAt: Date | null;
  firstAcceptedAt: Date | null;
  startedAt: Date | null;
};

export async function regionForFunnel(db: DbOrTx, actor: Actor, regionId: string, organisationId: string | undefined) {
  if (!canMediateRegion(actor, regionId)) throw forbidden('Only the region’s mediators and coordinators see its funnel');
  const [region] = await db.select().from(regions).where(eq(regions.id, regionId));
  if (!region) throw notFound('Region', regionId);
  let organisationName: string | null = null;
  if (organisationId) {
    const [organisation] = await db.select().from(organisations).where(and(eq(organisations.id, organisationId), eq(organisations.regionId, regionId)));
    if (!organisation) throw new AppError('VALIDATION_FAILED', 'Not an organisation of this region', [{ path: 'query.organisationId', message: 'is not an organisation of this region' }]);
    organisationName = organisation.name;
  }
  return { region, organisationName };
}

export async function computeFunnel(db: DbOrTx, actor: Actor, regionId: string, query: TFunnelQuery, now = new Date()): Promise<TFunnel> {
  const { region } = await regionForFunnel(db, actor, regionId, query.organisationId);
  const zone = region.timeZone;
  const from = DateTime.fromISO(query.from, { zone }).toJSDate();
  const to = DateTime.fromISO(query.to, { zone }).toJSDate();
  const orgId = query.organisationId ?? null;

  let cohort = await db
    .select({ id: journeys.id, workerId: journeys.workerId, createdAt: journeys.createdAt, organisationId: journeys.organisationId, agreementStartsOn: journeys.agreementStartsOn })
    .from(journeys)
    .where(and(eq(journeys.regionId, regionId), gte(journeys.createdAt, from), lt(journeys.createdAt, to)));
  const workerIds = () => cohort.map((j) => j.workerId);

  const offerRows = cohort.length
    ? await db
        .select({ workerId: offers.workerId, status: offers.status, createdAt: offers.createdAt, answeredAt: offers.answeredAt, organisationId: requests.organisationId })
        .from(offers)
        .innerJoin(requests, eq(requests.id, offers.requestId))
        .where(and(inArray(offers.workerId, workerIds()), lte(offers.createdAt, now), orgId ? eq(requests.organisationId, orgId) : undefined))
    : [];
  if (orgId) {
    const offered = new Set(offerRows.map((o) => o.workerId));
    cohort = cohort.filter((j) => j.organisationId === orgId || offered.has(j.workerId));
  }
  if (cohort.length === 0) return emptyFunnel(regionId, orgId, query, now);

  const steps = await db
    .select({ journeyId: journeySteps.journeyId, step: journeySteps.step, doneAt: journeySteps.doneAt, details: journeySteps.details })
    .from(journeySteps)
    .where(and(inArray(journeySteps.journeyId, cohort.map((j) => j.id)), inArray(journeySteps.step, ['welcome_call', 'check_in_3m']), lte(journeySteps.doneAt, now)));
  const shadowShiftIds = db.select({ id: journeyOrientations.shiftId }).from(journeyOrientations);
  const shiftRows = await db
    .select({ workerId: assignments.workerId, start: assignments.start })
    .from(assignments)
    .innerJoin(shifts, eq(shifts.id, assignments.shiftId))
    .where(
      and(
        inArray(assignments.workerId, workerIds()),
        eq(assignments.status, 'confirmed'),
        lte(assignments.start, now),
        orgId ? eq(shifts.organisationId, orgId) : undefined,
        // Shadow days are orientation, not work.
        notInArray(assignments.shiftId, shadowShiftIds),
      ),
    );

  const people: Person[] = cohort.map((j) => {
    const mine = offerRows.filter((o) => o.workerId === j.workerId);
    const accepted = mine.filter((o) => o.status === 'accepted' && o.answeredAt && o.answeredAt <= now);
    const firstShift = minDate(shiftRows.filter((s) => s.workerId === j.workerId).map((s) => s.start));
    const agreementCounts = j.agreementStartsOn && (!orgId || j.organisationId === orgId);
    const agreementStart = agreementCounts ? DateTime.fromISO(j.agreementStartsOn!, { zone }).toJSDate() : null;
    const startedAt = minDate([firstShift, agreementStart && agreementStart <= now ? agreementStart : null].filter((d): d is Date => d !== null));
    return {
      journeyId: j.id,
      workerId: j.workerId,
      registeredAt: j.createdAt,
      welcomeCallAt: steps.find((s) => s.journeyId === j.id && s.step === 'welcome_call')?.doneAt ?? null,
      firstOfferAt: minDate(mine.map((o) => o.createdAt)),
      firstAcceptedAt: minDate(accepted.map((o) => o.answeredAt!)),
      startedAt,
    };
  });

  const started = people.filter((p) => p.startedAt);
  const markOf = (p: Person) => DateTime.fromJSDate(p.startedAt!, { zone }).plus({ months: 3 }).toJSDate();
  const due = started.filter((p) => markOf(p) <= now);
  const active = due.filter((p) => {
    const checkIn = steps.find((s) => s.journeyId === p.journeyId && s.step === 'check_in_3m');
    if (checkIn) return checkIn.details.isStillActive === true;
    const mark = markOf(p).getTime();
    return shiftRows.some((s) => s.workerId === p.workerId && s.start.getTime() >= mark - ACTIVE_WINDOW_DAYS * DAY_MS && s.start.getTime() < mark);
  });

  return {
    regionId,
    organisationId: orgId,
    from: query.from,
    to: query.to,
    now: now.toISOString(),
    registrations: people.length,
    welcomeCalls: people.filter((p) => p.welcomeCallAt).length,
    offeredPeople: people.filter((p) => p.firstOfferAt).length,
    offers: offerRows.filter((o) => people.some((p) => p.workerId === o.workerId)).length,
    acceptedPeople: people.filter((p) => p.firstAcceptedAt).length,
    started: started.length,
    threeMonthsDue: due.length,
    activeAfter3Months: active.length,
    medians: medians(people),
  };
}

function medians(people: Person[]): TFunnel['medians'] {
  return MEDIANS.map(({ from, to, pick }) => {
    const hours = people.flatMap((p) => {
      const [a, b] = pick(p);
      return a && b ? [hoursBetween(a, b)] : [];
    });
    return { from, to, medianHours: median(hours), count: hours.length };
  });
}

function emptyFunnel(regionId: string, organisationId: string | null, query: TFunnelQuery, now: Date): TFunnel {
  return {
    regionId,
    organisationId,
    from: query.from,
    to: query.to,
    now: now.toISOString(),
    registrations: 0,
    welcomeCalls: 0,
    offeredPeople: 0,
    offers: 0,
    acceptedPeople: 0,
    started: 0,
    threeMonthsDue: 0,
    activeAfter3Months: 0,
    medians: medians([]),
  };
}

function minDate(dates: Date[]): Date | null {
  return dates.length ? new Date(Math.min(...dates.map((d) => d.getTime()))) : null;
}
