// The builders other tests use: a worker with availability and preferences, a shift from local
// times across a DST change, and a small generated region loaded in one go.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { count, eq } from 'drizzle-orm';
import type { TRegionSummary } from '../../shared/regions.schemas.js';
import { workerAvailabilityExceptions, workerPreferredOrganisations, workers, workerWeeklyAvailability } from '../db/schema.js';
import { startTestApp, type TestApp } from '../testing/test-app.js';
import { buildGeneratedRegion, buildLocation, buildOrganisation, buildRegion, buildShift, buildUser, buildWorker, localShiftInstants } from './builders.js';

let t: TestApp;
before(async () => {
  t = await startTestApp();
});
after(() => t.close());

describe('builders', () => {
  test('a worker with weekly availability, a holiday and a preferred organisation', async () => {
    const region = await buildRegion(t.db);
    const home = await buildOrganisation(t.db, { regionId: region.id, sector: 'hospital' });
    const worker = await buildWorker(t.db, {
      regionId: region.id,
      kind: 'reservist',
      packages: ['basic-care', 'nursing'],
      big: { number: '19123456730', expiresOn: '2030-01-01' },
      weeklyAvailability: [{ weekday: 6, startMinute: 22 * 60 + 45, endMinute: 32 * 60 + 15 }], // Saturday night
      availabilityExceptions: [{ isAvailable: false, start: new Date('2027-07-05T22:00:00Z'), end: new Date('2027-07-19T22:00:00Z'), reason: 'Vakantie' }],
      preferredOrganisationIds: [home.id],
    });
    const windows = await t.db.select().from(workerWeeklyAvailability).where(eq(workerWeeklyAvailability.workerId, worker.id));
    assert.deepEqual(
      windows.map((w) => [w.weekday, w.startMinute, w.endMinute]),
      [[6, 1365, 1935]],
    );
    const [holiday] = await t.db.select().from(workerAvailabilityExceptions).where(eq(workerAvailabilityExceptions.workerId, worker.id));
    assert.equal(holiday?.reason, 'Vakantie');
    const preferred = await t.db.select().from(workerPreferredOrganisations).where(eq(workerPreferredOrganisations.workerId, worker.id));
    assert.deepEqual(
      preferred.map((p) => p.organisationId),
      [home.id],
    );
  });

  test('a night shift from local times gets the offsets of both sides of the spring-forward', async () => {
    const region = await buildRegion(t.db);
    const organisation = await buildOrganisation(t.db, { regionId: region.id });
    const location = await buildLocation(t.db, { organisationId: organisation.id });
    const shift = await buildShift(t.db, {
      organisationId: organisation.id,
      locationId: location.id,
      packageCode: 'nursing',
      local: { date: '2027-03-27', start: '23:00', end: '07:30' },
    });
    assert.equal(shift.start.toISOString(), '2027-03-27T22:00:00.000Z'); // Saturday 23:00 CET
    assert.equal(shift.end.toISOString(), '2027-03-28T05:30:00.000Z'); // Sunday 07:30 CEST
    // Brussels has the same rules; a day shift in winter is +01:00.
    assert.deepEqual(localShiftInstants({ date: '2027-01-04', start: '07:00', end: '15:30', timeZone: 'Europe/Brussels' }), {
      start: new Date('2027-01-04T06:00:00Z'),
      end: new Date('2027-01-04T14:30:00Z'),
    });
  });

  test('a small generated region loads next to other data and shows in the region summary', async () => {
    const admin = await buildUser(t.db, { email: 'admin-builders@example.org', roles: [{ role: 'admin' }] });
    assert.ok(admin.id);
    const { generated, regionId, workerIds } = await buildGeneratedRegion(t.db, { seed: 5, workerCount: 40, weeks: 1 });
    assert.equal(workerIds.size, 40);
    const [stored] = await t.db.select({ n: count() }).from(workers).where(eq(workers.regionId, regionId));
    assert.equal(stored!.n, 40);
    const session = await t.login('admin-builders@example.org');
    const summary = (await session.get(`/api/regions/${regionId}`)).body as TRegionSummary;
    assert.equal(summary.workerCount, 40);
    assert.equal(summary.organisationCount, generated.organisations.length);
    assert.ok(generated.shifts.length > 150 && generated.shifts.length < 600, `${generated.shifts.length} shifts in a week`);
    // A second region in the same database: another code, no accounts (their emails are taken).
    const second = await buildGeneratedRegion(t.db, { seed: 6, workerCount: 10, weeks: 1, regionCode: 'utrecht-2', withAccounts: false });
    assert.notEqual(second.regionId, regionId);
    assert.equal(second.userIds.size, 0);
  });
});
