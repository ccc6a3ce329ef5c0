// Planners post shifts and series; bad input names the field and writes nothing.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { count } from 'drizzle-orm';
import { at, setupMarketplace } from '../assignments/marketplace.fixtures.js';
import { shifts } from '../db/schema.js';
import type { Session } from '../testing/test-app.js';
import { startTestApp, type TestApp } from '../testing/test-app.js';

let t: TestApp;
let m: Awaited<ReturnType<typeof setupMarketplace>>;
let planner: Session;
let packageId: (code: string) => string;
before(async () => {
  t = await startTestApp();
  m = await setupMarketplace(t);
  planner = await t.login('planner@domstad.test');
  const packages = (await planner.get('/api/packages')).body as { id: string; code: string }[];
  packageId = (code) => packages.find((p) => p.code === code)!.id;
});
after(() => t.close());

const shiftCount = async () => (await t.db.select({ n: count() }).from(shifts))[0]!.n;

describe('posting', () => {
  test('a series of weekday evenings for four weeks', async () => {
    const from = m.monday.plus({ weeks: 3 });
    const res = await planner.post('/api/shift-series', {
      locationId: m.ward.id,
      packageId: packageId('basic-care'),
      weekdays: [1, 2, 3, 4, 5],
      startTime: '15:00',
      endTime: '23:00',
      fromDate: from.toISODate(),
      toDate: from.plus({ days: 27 }).toISODate(),
      places: 2,
      priority: 2,
      notes: 'Avonddienst, aanspreekpunt: teamleider Joris',
    });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    const body = res.body as { seriesId: string; shifts: { seriesId: string; start: string; places: number }[] };
    assert.equal(body.shifts.length, 20);
    assert.ok(body.shifts.every((s) => s.seriesId === body.seriesId && s.places === 2));
    const listed = (await planner.get(`/api/shifts?locationId=${m.ward.id}&from=${encodeURIComponent(from.toISO()!)}&to=${encodeURIComponent(from.plus({ weeks: 4 }).toISO()!)}`)).body as { filled: number; pending: number }[];
    assert.equal(listed.length, 20);
    assert.ok(listed.every((s) => s.filled === 0 && s.pending === 0));
  });

  test('the planner sees only their own organisation’s shifts', async () => {
    const other = await t.login('planner@linde.test');
    const res = await other.post('/api/shifts', {
      locationId: m.homeLocation.id,
      packageId: packageId('basic-care'),
      start: at(m.monday, 1, '07:00').toISOString(),
      end: at(m.monday, 1, '15:00').toISOString(),
      places: 1,
    });
    assert.equal(res.status, 201);
    const mine = (await planner.get('/api/shifts')).body as { organisationId: string }[];
    assert.ok(mine.every((s) => s.organisationId === m.hospital.id));
    assert.equal((await planner.get(`/api/shifts/${(res.body as { id: string }).id}`)).status, 404);
  });
});

describe('bad input names the field and writes nothing', () => {
  const cases: { name: string; url: string; body: () => unknown; path: string }[] = [
    { name: 'end before start', url: '/api/shifts', body: () => ({ locationId: m.ward.id, packageId: packageId('nursing'), start: at(m.monday, 1, '15:00').toISOString(), end: at(m.monday, 1, '07:00').toISOString(), places: 1 }), path: 'end' },
    { name: 'longer than the region allows', url: '/api/shifts', body: () => ({ locationId: m.ward.id, packageId: packageId('nursing'), start: at(m.monday, 1, '07:00').toISOString(), end: at(m.monday, 2, '07:00').toISOString(), places: 1 }), path: 'end' },
    { name: 'a location of another organisation', url: '/api/shifts', body: () => ({ locationId: m.homeLocation.id, packageId: packageId('nursing'), start: at(m.monday, 1, '07:00').toISOString(), end: at(m.monday, 1, '15:00').toISOString(), places: 1 }), path: 'locationId' },
    { name: 'priority out of range', url: '/api/shifts', body: () => ({ locationId: m.ward.id, packageId: packageId('nursing'), start: at(m.monday, 1, '07:00').toISOString(), end: at(m.monday, 1, '15:00').toISOString(), places: 1, priority: 9 }), path: 'priority' },
    { name: 'more supervision than places', url: '/api/shifts', body: () => ({ locationId: m.ward.id, packageId: packageId('nursing'), start: at(m.monday, 1, '07:00').toISOString(), end: at(m.monday, 1, '15:00').toISOString(), places: 1, supervisionCapacity: 3 }), path: 'supervisionCapacity' },
    { name: 'a time without offset', url: '/api/shifts', body: () => ({ locationId: m.ward.id, packageId: packageId('nursing'), start: '2027-01-04T07:00:00', end: '2027-01-04T15:00:00', places: 1 }), path: 'start' },
    { name: 'series: toDate before fromDate', url: '/api/shift-series', body: () => ({ locationId: m.ward.id, packageId: packageId('nursing'), weekdays: [1], startTime: '07:00', endTime: '15:00', fromDate: '2027-02-01', toDate: '2027-01-01', places: 1 }), path: 'toDate' },
    { name: 'series: a weekday 8', url: '/api/shift-series', body: () => ({ locationId: m.ward.id, packageId: packageId('nursing'), weekdays: [1, 8], startTime: '07:00', endTime: '15:00', fromDate: '2027-01-01', toDate: '2027-02-01', places: 1 }), path: 'weekdays[1]' },
    { name: 'series: a time of 25:00', url: '/api/shift-series', body: () => ({ locationId: m.ward.id, packageId: packageId('nursing'), weekdays: [1], startTime: '25:00', endTime: '15:00', fromDate: '2027-01-01', toDate: '2027-02-01', places: 1 }), path: 'startTime' },
  ];
  for (const c of cases) {
    test(c.name, async () => {
      const before = await shiftCount();
      const res = await planner.post(c.url, c.body());
      assert.equal(res.status, 400, JSON.stringify(res.body));
      assert.ok((res.body as { issues: { path: string }[] }).issues.some((i) => i.path === c.path), JSON.stringify(res.body));
      assert.equal(await shiftCount(), before);
    });
  }

  test('a worker may not post shifts', async () => {
    await m.nurse('poster@test.org');
    const w = await t.login('poster@test.org');
    const res = await w.post('/api/shifts', { locationId: m.ward.id, packageId: packageId('nursing'), start: at(m.monday, 1, '07:00').toISOString(), end: at(m.monday, 1, '15:00').toISOString(), places: 1 });
    assert.equal(res.status, 400);
    assert.deepEqual((res.body as { issues: { path: string }[] }).issues.map((i) => i.path), ['locationId']);
  });
});

describe('organisation settings', () => {
  test('a planner switches the hospital to approval and sets a 24-hour cut-off', async () => {
    const res = await planner.patch(`/api/organisations/${m.hospital.id}/settings`, { claimMode: 'approval', cancelCutoffHours: 24 });
    assert.deepEqual(res.body, { claimMode: 'approval', cancelCutoffHours: 24, swapNeedsApproval: true });
    const other = await t.login('planner@linde.test');
    assert.equal((await other.patch(`/api/organisations/${m.hospital.id}/settings`, { claimMode: 'instant' })).status, 403);
    await planner.patch(`/api/organisations/${m.hospital.id}/settings`, { claimMode: 'instant', cancelCutoffHours: 48 });
  });
});
