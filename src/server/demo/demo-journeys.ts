// Intake journeys for the demo region, so the mediator's queues and funnel have something to show:
// a seeded history of people who registered 200 to 40 days ago (nothing dated after `now`), and
// three fresh registrations waiting for their welcome call, one of them past the 24 hours.
import { asc, eq } from 'drizzle-orm';
import { DateTime } from 'luxon';
import type { Db } from '../db/open-database.js';
import { locations, organisations } from '../db/schema.js';
import { generateJourneyHistory, loadJourneyHistory, type JourneySpec } from './journey-history.js';

const ZONE = 'Europe/Amsterdam';
const HISTORY_COUNT = 40;
const FRESH_AGES_HOURS = [2, 20, 30];

export function generateDemoJourneys(now: Date): JourneySpec[] {
  const today = DateTime.fromJSDate(now, { zone: ZONE }).startOf('day');
  const history = generateJourneyHistory({
    seed: 7,
    count: HISTORY_COUNT,
    from: today.minus({ days: 200 }).toISODate()!,
    to: today.minus({ days: 40 }).toISODate()!,
    timeZone: ZONE,
    organisationCount: 2,
  }).map((spec) => ({
    ...spec,
    laterShiftAt: spec.laterShiftAt && spec.laterShiftAt < now ? spec.laterShiftAt : null,
    checkIn3: spec.checkIn3 && spec.checkIn3.doneAt < now ? spec.checkIn3 : null,
  }));
  const fresh = FRESH_AGES_HOURS.map(
    (hours, i): JourneySpec => ({
      index: HISTORY_COUNT + i,
      entryKind: (['re_entrant', 'reservist', 'extra_hands'] as const)[i]!,
      registeredAt: new Date(now.getTime() - hours * 3_600_000),
      welcomeCallAt: null,
      offers: [],
      firstShiftAt: null,
      agreementStartsOn: null,
      checkIn3: null,
      laterShiftAt: null,
    }),
  );
  return [...history, ...fresh];
}

/** Loads the demo journeys at the region's first two organisations (by name), each at its first location. */
export async function loadDemoJourneys(db: Db, regionId: string, now: Date): Promise<JourneySpec[]> {
  const specs = generateDemoJourneys(now);
  const rows = await db
    .select({ id: organisations.id, locationId: locations.id })
    .from(organisations)
    .innerJoin(locations, eq(locations.organisationId, organisations.id))
    .where(eq(organisations.regionId, regionId))
    .orderBy(asc(organisations.name), asc(locations.name));
  const chosen = [...new Map(rows.map((r) => [r.id, r])).values()].slice(0, 2);
  await loadJourneyHistory(db, specs, { regionId, organisations: chosen, emailDomain: 'intake.harmonica.demo' });
  return specs;
}
