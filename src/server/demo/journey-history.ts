// A seeded history of intake journeys with known timings: registrations, welcome calls, offers and
// answers, first shifts or agreements, 3-month check-ins or shifts. Tests assert the funnel on it;
// the demo region loads one so the mediator sees queues and figures.
import { DateTime } from 'luxon';
import type { TEntryKind } from '../../shared/journey.schemas.js';
import { createRng, type Rng } from '../../solver/core/rng.js';
import type { DbOrTx } from '../db/open-database.js';
import { assignments, journeys, journeySteps, offers, requests } from '../db/schema.js';
import { WORKER_KIND } from '../journey/journey.service.js';
import { buildShift, buildWorker, findPackageIdsByCode } from './builders.js';

const HOUR_MS = 3_600_000;

export type OfferSpec = { organisationIndex: number; createdAt: Date; status: 'offered' | 'accepted' | 'declined'; answeredAt: Date | null };

export type JourneySpec = {
  index: number;
  entryKind: TEntryKind;
  registeredAt: Date;
  welcomeCallAt: Date | null;
  offers: OfferSpec[];
  /** The first confirmed shift, at the accepting organisation. */
  firstShiftAt: Date | null;
  /** The agreement's first day (local date). */
  agreementStartsOn: string | null;
  /** The 3-month check-in's answer, when it was recorded. */
  checkIn3: { doneAt: Date; isStillActive: boolean } | null;
  /** A later confirmed shift at the accepting organisation. */
  laterShiftAt: Date | null;
};

export type JourneyHistoryOptions = { seed: number; count: number; from: string; to: string; timeZone: string; organisationCount: number };

const between = (rng: Rng, low: number, high: number) => low + rng.nextInt(high - low + 1);
const hoursAfter = (at: Date, hours: number) => new Date(at.getTime() + hours * HOUR_MS);
const ENTRY_KINDS: TEntryKind[] = ['re_entrant', 'side_entrant', 'reservist', 'extra_hands', 'student'];

/** About one in ten registered just before the period (outside the cohort); every event lies before `to` + 60 days. */
export function generateJourneyHistory(options: JourneyHistoryOptions): JourneySpec[] {
  const rng = createRng(options.seed);
  const from = DateTime.fromISO(options.from, { zone: options.timeZone });
  const periodHours = Math.floor(DateTime.fromISO(options.to, { zone: options.timeZone }).diff(from, 'hours').hours);
  const specs: JourneySpec[] = [];
  for (let index = 0; index < options.count; index++) {
    const registeredAt = rng.nextFloat() < 0.1 ? hoursAfter(from.toJSDate(), -between(rng, 1, 480)) : hoursAfter(from.toJSDate(), between(rng, 0, periodHours - 1));
    const welcomeCallAt = rng.nextFloat() < 0.85 ? hoursAfter(registeredAt, between(rng, 1, 72)) : null;
    const offerList: OfferSpec[] = [];
    let accepted: OfferSpec | undefined;
    if (welcomeCallAt) {
      const n = [0, 1, 1, 2, 2][between(rng, 0, 4)]!;
      for (let k = 0; k < n; k++) {
        const createdAt = hoursAfter(welcomeCallAt, between(rng, 24, 240) + k * 24);
        const roll = rng.nextFloat();
        const status = !accepted && roll < 0.5 ? 'accepted' : roll < 0.85 ? 'declined' : 'offered';
        const offer: OfferSpec = { organisationIndex: rng.nextInt(options.organisationCount), createdAt, status, answeredAt: status === 'offered' ? null : hoursAfter(createdAt, between(rng, 1, 96)) };
        if (status === 'accepted') accepted = offer;
        offerList.push(offer);
      }
    }
    let firstShiftAt: Date | null = null;
    let agreementStartsOn: string | null = null;
    let start: DateTime | null = null;
    if (accepted) {
      const mode = rng.nextFloat();
      if (mode < 0.4) {
        firstShiftAt = hoursAfter(accepted.answeredAt!, between(rng, 24, 400));
        start = DateTime.fromJSDate(firstShiftAt, { zone: options.timeZone });
      } else if (mode < 0.7) {
        start = DateTime.fromJSDate(accepted.answeredAt!, { zone: options.timeZone }).plus({ days: between(rng, 2, 30) }).startOf('day');
        agreementStartsOn = start.toISODate();
      }
    }
    let checkIn3: JourneySpec['checkIn3'] = null;
    let laterShiftAt: Date | null = null;
    if (start) {
      const mark = start.plus({ months: 3 });
      const roll = rng.nextFloat();
      if (roll < 0.3) checkIn3 = { doneAt: mark.plus({ days: between(rng, 0, 6) }).toJSDate(), isStillActive: true };
      else if (roll < 0.5) checkIn3 = { doneAt: mark.plus({ days: between(rng, 0, 6) }).toJSDate(), isStillActive: false };
      else if (roll < 0.8) laterShiftAt = mark.minus({ days: between(rng, 1, 29) }).set({ hour: 9 }).toJSDate();
      else laterShiftAt = mark.minus({ days: between(rng, 35, 60) }).set({ hour: 9 }).toJSDate();
    }
    specs.push({ index, entryKind: ENTRY_KINDS[rng.nextInt(ENTRY_KINDS.length)]!, registeredAt, welcomeCallAt, offers: offerList, firstShiftAt, agreementStartsOn, checkIn3, laterShiftAt });
  }
  return specs;
}

/** Writes the history for one region: workers, journeys with their steps, one request per offer, shifts with confirmed assignments. */
export async function loadJourneyHistory(
  db: DbOrTx,
  specs: JourneySpec[],
  context: { regionId: string; organisations: { id: string; locationId: string }[]; packageCode?: string; emailDomain?: string },
) {
  const packageCode = context.packageCode ?? 'basic-care';
  const packageIds = await findPackageIdsByCode(db, [packageCode]);
  const workerIds: string[] = [];
  for (const spec of specs) {
    const worker = await buildWorker(db, {
      regionId: context.regionId,
      kind: WORKER_KIND[spec.entryKind],
      firstName: `Intake ${spec.index + 1}`,
      lastName: 'Historie',
      email: `intake-${spec.index + 1}@${context.emailDomain ?? 'history.example.org'}`,
      isNewcomer: true,
      status: spec.agreementStartsOn || spec.firstShiftAt ? 'active' : 'intake',
      packages: spec.welcomeCallAt ? [packageCode] : [],
      createdAt: spec.registeredAt,
    });
    workerIds.push(worker.id);
    const accepted = spec.offers.find((o) => o.status === 'accepted');
    const matched = accepted ? context.organisations[accepted.organisationIndex]! : null;
    const stage = spec.checkIn3 ? 'completed' : spec.agreementStartsOn || spec.firstShiftAt ? 'check_in_1m' : accepted ? 'agreement' : spec.welcomeCallAt ? 'matching' : 'welcome_call';
    const [journey] = await db
      .insert(journeys)
      .values({
        workerId: worker.id,
        regionId: context.regionId,
        entryKind: spec.entryKind,
        stage,
        organisationId: matched?.id ?? null,
        consentVersion: 'history',
        consentAt: spec.registeredAt,
        contractKind: spec.agreementStartsOn ? 'employment' : null,
        agreementStartsOn: spec.agreementStartsOn,
        createdAt: spec.registeredAt,
      })
      .returning();
    const steps: (typeof journeySteps.$inferInsert)[] = [{ journeyId: journey!.id, step: 'registration', doneAt: spec.registeredAt }];
    if (spec.welcomeCallAt) steps.push({ journeyId: journey!.id, step: 'welcome_call', doneAt: spec.welcomeCallAt, details: { notes: 'Welkomstgesprek' } });
    if (spec.checkIn3) steps.push({ journeyId: journey!.id, step: 'check_in_3m', doneAt: spec.checkIn3.doneAt, details: { notes: 'Na drie maanden', isStillActive: spec.checkIn3.isStillActive } });
    await db.insert(journeySteps).values(steps);
    for (const offer of spec.offers) {
      const organisation = context.organisations[offer.organisationIndex]!;
      const [request] = await db
        .insert(requests)
        .values({
          organisationId: organisation.id,
          locationId: organisation.locationId,
          packageIds,
          periodStart: offer.createdAt,
          periodEnd: hoursAfter(offer.createdAt, 90 * 24),
          status: offer.status === 'accepted' ? 'filled' : 'open',
          createdAt: hoursAfter(offer.createdAt, -24),
          firstOfferAt: offer.createdAt,
        })
        .returning();
      await db.insert(offers).values({
        requestId: request!.id,
        workerId: worker.id,
        status: offer.status,
        createdAt: offer.createdAt,
        answeredAt: offer.answeredAt,
        ...(offer.status === 'declined' ? { declineReason: 'Past niet bij de afdeling', nextStep: 'other_organisation' as const } : {}),
      });
    }
    for (const at of [spec.firstShiftAt, spec.laterShiftAt]) {
      if (!at || !matched) continue;
      const shift = await buildShift(db, { organisationId: matched.id, locationId: matched.locationId, packageCode, start: at, end: hoursAfter(at, 8), supervisionCapacity: 1 });
      await db.insert(assignments).values({ shiftId: shift.id, workerId: worker.id, status: 'confirmed', source: 'mediation', start: shift.start, end: shift.end, isNewcomer: true, decidedAt: at });
    }
  }
  return { workerIds };
}
