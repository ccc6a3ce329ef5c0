// "Open shifts for me" ranks the region's open shifts from an in-memory window per process. Another
// process (here: the test writing to the database directly, past this app's services) posts and
// cancels shifts; the next request must see that at once.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { eq, inArray } from 'drizzle-orm';
import type { Actor } from '../auth/actor.js';
import { locations, regions, shifts, workerAvailabilityExceptions, workerPackageIndependence, workerPackages, workers, workerWeeklyAvailability } from '../db/schema.js';
import { generateRegion } from '../demo/generate-region.js';
import { loadGeneratedRegion } from '../demo/load-region.js';
import { startTestApp, type TestApp } from '../testing/test-app.js';
import { at, setupMarketplace } from './marketplace.fixtures.js';
import { openShiftsForMe, type OpenShiftsQuery } from './open-shifts.service.js';

let t: TestApp;
let m: Awaited<ReturnType<typeof setupMarketplace>>;
before(async () => {
  t = await startTestApp();
  m = await setupMarketplace(t);
});
after(() => t.close());

const idsOf = (body: unknown) => (body as { id: string }[]).map((s) => s.id);

test('a shift posted or cancelled elsewhere shows in the next list, not a stale one', async () => {
  const monday = await m.nightShift();
  await m.nurse('window@test.org');
  const nurse = await t.login('window@test.org');
  assert.deepEqual(idsOf((await nurse.get('/api/me/open-shifts')).body), [monday.id]);

  // Posted past the service (as another app process would): the window's version changes.
  const wednesday = await m.nightShift({ start: at(m.monday, 3, '22:00'), end: at(m.monday, 4, '07:00'), priority: 5 });
  assert.deepEqual(idsOf((await nurse.get('/api/me/open-shifts')).body), [wednesday.id, monday.id], 'higher priority first');

  await t.db.update(shifts).set({ status: 'cancelled', cancelReason: 'no longer needed', cancelledAt: new Date() }).where(eq(shifts.id, wednesday.id));
  assert.deepEqual(idsOf((await nurse.get('/api/me/open-shifts')).body), [monday.id]);

  // Taken: the claim is checked under its locks; the list no longer offers the shift to anyone else.
  assert.equal((await nurse.post(`/api/shifts/${monday.id}/claims`)).status, 201);
  await m.nurse('window-2@test.org');
  const other = await t.login('window-2@test.org');
  assert.deepEqual(idsOf((await other.get('/api/me/open-shifts')).body), []);
  assert.deepEqual(idsOf((await nurse.get('/api/me/open-shifts')).body), [], 'not the shift I hold');
});

test('the region\'s open-shift version moves with what the window holds, and only then', async () => {
  const versionOf = async () => (await t.db.select({ v: regions.openShiftsVersion }).from(regions).where(eq(regions.id, m.region.id)))[0]!.v;
  const posted = await m.nightShift({ start: at(m.monday, 5, '22:00'), end: at(m.monday, 6, '07:00') });
  await m.nurse('version@test.org');
  const nurse = await t.login('version@test.org');
  assert.ok(idsOf((await nurse.get('/api/me/open-shifts')).body).includes(posted.id));
  const v1 = await versionOf();

  // Notes are not in the window: no new version, so no reload.
  await t.db.update(shifts).set({ notes: 'Buddy: Anouk' }).where(eq(shifts.id, posted.id));
  assert.equal(await versionOf(), v1, 'notes only');
  // A post that is rolled back leaves the version as it was.
  await assert.rejects(
    t.db.transaction(async (tx) => {
      await tx.insert(shifts).values({ organisationId: m.hospital.id, locationId: m.ward.id, packageId: posted.packageId, start: at(m.monday, 6, '22:00'), end: at(m.monday, 7, '07:00'), places: 1 });
      throw new Error('roll back');
    }),
    /roll back/,
  );
  assert.equal(await versionOf(), v1, 'rolled back');

  // The ward moves 150 km away (past this app's services): a new version, and the list follows.
  const [ward] = await t.db.select().from(locations).where(eq(locations.id, m.ward.id));
  await t.db.update(locations).set({ lat: 53.4, lon: 6.9 }).where(eq(locations.id, m.ward.id));
  const v2 = await versionOf();
  assert.notEqual(v2, v1, 'location moved');
  assert.ok(!idsOf((await nurse.get('/api/me/open-shifts')).body).includes(posted.id), 'too far now');
  await t.db.update(locations).set({ lat: ward!.lat, lon: ward!.lon }).where(eq(locations.id, m.ward.id));
  assert.ok(idsOf((await nurse.get('/api/me/open-shifts')).body).includes(posted.id), 'near again');

  // Cancelled: a new version; the shift leaves the list.
  const v3 = await versionOf();
  await t.db.update(shifts).set({ status: 'cancelled', cancelReason: 'covered', cancelledAt: new Date() }).where(eq(shifts.id, posted.id));
  assert.notEqual(await versionOf(), v3, 'cancelled');
  assert.ok(!idsOf((await nurse.get('/api/me/open-shifts')).body).includes(posted.id));
});

test('the fast check lists exactly what checking every candidate lists, on a generated region across a clock change', async () => {
  // Three weeks from Monday 22 March 2027: summer time starts on Sunday 28 March. Workers of every
  // kind, with their availability, exceptions and the generator's pre-filled assignments.
  const now = new Date('2027-03-17T09:00:00Z');
  const generated = generateRegion({ seed: 7, workerCount: 40, weeks: 3, now, withAccounts: false });
  const loaded = await loadGeneratedRegion(t.db, generated, { passwordHash: 'x' });
  const workerIds = [...loaded.workerIds.values()];
  const rows = await t.db.select().from(workers).where(inArray(workers.id, workerIds));
  const newcomer = rows.find((w) => w.isNewcomer)!;
  assert.ok(newcomer, 'a newcomer');
  // A newcomer independent in one package (no supervision place there), a worker with dated
  // windows only, one far from everything, one with a tight weekly cap.
  const [pkg] = await t.db.select({ packageId: workerPackages.packageId }).from(workerPackages).where(eq(workerPackages.workerId, newcomer.id)).limit(1);
  await t.db.insert(workerPackageIndependence).values({ workerId: newcomer.id, packageId: pkg!.packageId, organisationId: loaded.organisationIds.values().next().value! });
  const [datedOnly, far, partTime] = rows.filter((w) => w.id !== newcomer.id);
  await t.db.delete(workerWeeklyAvailability).where(eq(workerWeeklyAvailability.workerId, datedOnly!.id));
  await t.db.insert(workerAvailabilityExceptions).values({ workerId: datedOnly!.id, isAvailable: true, start: new Date('2027-03-29T05:00:00Z'), end: new Date('2027-04-02T20:00:00Z') });
  await t.db.update(workers).set({ homeLat: 53.4, homeLon: 6.9, maxTravelKm: 10 }).where(eq(workers.id, far!.id));
  await t.db.update(workers).set({ maxMinutesPerWeek: 720 }).where(eq(workers.id, partTime!.id));
  const exceptions = await t.db.select({ workerId: workerAvailabilityExceptions.workerId }).from(workerAvailabilityExceptions);
  assert.ok(new Set(exceptions.map((e) => e.workerId)).size > 1, 'workers with exceptions');

  const queries: OpenShiftsQuery[] = [
    { includeIneligible: false, sort: 'suggested', limit: 50 },
    { includeIneligible: false, sort: 'soonest', limit: 5 },
    { includeIneligible: false, sort: 'nearest', limit: 20, maxDistanceKm: 30 },
    { includeIneligible: false, sort: 'suggested', limit: 3, from: '2027-03-27T00:00:00Z', to: '2027-03-30T00:00:00Z' },
    { includeIneligible: true, sort: 'suggested', limit: 10 },
  ];
  let listed = 0;
  for (const workerId of workerIds) {
    const actor: Actor = { userId: workerId, email: '', name: '', locale: 'nl', roles: [], workerId, workerRegionId: loaded.regionId, regionIds: [loaded.regionId], csrfToken: '' };
    for (const query of queries) {
      const plain = await openShiftsForMe(t.db, actor, query, now, 'plain');
      const fast = await openShiftsForMe(t.db, actor, query, now, 'fast');
      assert.deepEqual(fast, plain, `worker ${workerId}, ${JSON.stringify(query)}`);
      listed += fast.length;
    }
  }
  assert.ok(listed > 100, `lists are not empty (${listed} listed)`);
});
