// Scenario helpers for the marketplace tests: a region with a hospital and a nursing home, a planner
// and a handful of workers, and local-time helpers so that tests read in Dutch clock times.
import { DateTime } from 'luxon';
import { makeBigNumber } from '../../shared/big-number.js';
import { buildLocation, buildOrganisation, buildRegion, buildShift, buildUser, buildWorkerWithUser } from '../demo/builders.js';
import type { TestApp } from '../testing/test-app.js';

export const ZONE = 'Europe/Amsterdam';

/** Monday 00:00 local of the week starting at least two weeks from now. */
export function baseMonday(now = new Date()): DateTime {
  return DateTime.fromJSDate(now, { zone: ZONE }).startOf('week').plus({ weeks: 2 });
}

/** An instant from a local day offset and clock time: at(monday, 1, '22:00') is Tuesday 22:00. */
export function at(monday: DateTime, dayOffset: number, time: string): Date {
  const [h, m] = time.split(':').map(Number);
  return monday.plus({ days: dayOffset }).set({ hour: h!, minute: m! }).toJSDate();
}

export async function setupMarketplace(t: TestApp) {
  const { db } = t;
  const region = await buildRegion(db, { name: 'Regio Utrecht' });
  const hospital = await buildOrganisation(db, { regionId: region.id, name: 'Ziekenhuis Domstad', sector: 'hospital' });
  const home = await buildOrganisation(db, { regionId: region.id, name: 'Zorggroep De Linde', sector: 'vvt', claimMode: 'approval' });
  const ward = await buildLocation(db, { organisationId: hospital.id, name: 'Domstad Centrum', postcode: '3584' });
  const homeLocation = await buildLocation(db, { organisationId: home.id, name: 'De Linde', postcode: '3531' });
  const farAway = await buildLocation(db, { organisationId: hospital.id, name: 'Domstad Amsterdam', postcode: '1011' });
  await buildUser(db, { email: 'planner@domstad.test', roles: [{ role: 'planner', organisationId: hospital.id }] });
  await buildUser(db, { email: 'planner@linde.test', roles: [{ role: 'planner', organisationId: home.id }] });
  const farFuture = '2035-12-31';
  const nurse = async (email: string, overrides: Partial<Parameters<typeof buildWorkerWithUser>[1]> = {}) =>
    (
      await buildWorkerWithUser(db, {
        regionId: region.id,
        email,
        kind: 'own_staff',
        qualificationLevel: 4,
        homePostcode: '3511',
        maxTravelKm: 25,
        packages: ['basic-care', 'nursing'],
        big: { number: makeBigNumber([1, 2, 3, 4, 5, 6, 7, 8, 9]), expiresOn: farFuture },
        ...overrides,
      })
    ).worker;
  const monday = baseMonday();
  const nightShift = (overrides: Partial<Parameters<typeof buildShift>[1]> = {}) =>
    buildShift(db, { organisationId: hospital.id, locationId: ward.id, packageCode: 'nursing', start: at(monday, 1, '22:00'), end: at(monday, 2, '07:00'), places: 1, supervisionCapacity: 1, ...overrides });
  return { region, hospital, home, ward, homeLocation, farAway, monday, nurse, nightShift };
}
