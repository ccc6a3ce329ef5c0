// The marketplace story and every rule, through the HTTP API on a real database.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { buildShift, buildWorkerWithUser } from '../demo/builders.js';
import { assignments, notifications, workerAvailabilityExceptions, workerWeeklyAvailability } from '../db/schema.js';
import { startTestApp, type TestApp } from '../testing/test-app.js';
import { at, setupMarketplace } from './marketplace.fixtures.js';

let t: TestApp;
let m: Awaited<ReturnType<typeof setupMarketplace>>;
before(async () => {
  t = await startTestApp();
  m = await setupMarketplace(t);
});
after(() => t.close());

type ErrorBody = { code: string; issues: { path: string; message: string }[] };
const rulesOf = (body: unknown) => (body as ErrorBody).issues.map((i) => i.path);

describe('the story: a night shift needing the nursing package', () => {
  test('a planner posts it; a side-entrant sees why not; a nurse claims it; a second nurse cannot over-fill it', async () => {
    const planner = await t.login('planner@domstad.test');
    const packages = (await planner.get('/api/packages')).body as { id: string; code: string }[];
    const nursing = packages.find((p) => p.code === 'nursing')!.id;
    const posted = await planner.post('/api/shifts', {
      locationId: m.ward.id,
      packageId: nursing,
      start: at(m.monday, 3, '22:00').toISOString(), // Thursday 22:00 local
      end: at(m.monday, 4, '07:00').toISOString(), // Friday 07:00 local
      places: 1,
      priority: 5,
      supervisionCapacity: 1,
      notes: 'Nachtdienst IC-afdeling; buddy: Fatima (06-12345678)',
    });
    assert.equal(posted.status, 201, JSON.stringify(posted.body));
    const shiftId = (posted.body as { id: string }).id;

    await buildWorkerWithUser(t.db, { regionId: m.region.id, email: 'zij-instromer@test.org', kind: 'side_entrant', isNewcomer: true, packages: ['basic-care'], homePostcode: '3511' });
    const sideEntrant = await t.login('zij-instromer@test.org');
    const mine = (await sideEntrant.get('/api/me/open-shifts')).body as { id: string }[];
    assert.ok(!mine.some((s) => s.id === shiftId), 'not among the shifts the side-entrant may take');
    const all = (await sideEntrant.get('/api/me/open-shifts?includeIneligible=true')).body as { id: string; isEligible: boolean; violations: { rule: string }[] }[];
    const listed = all.find((s) => s.id === shiftId)!;
    assert.equal(listed.isEligible, false);
    assert.deepEqual(listed.violations.map((v) => v.rule).sort(), ['package', 'registration']);

    await m.nurse('nurse-1@test.org');
    await m.nurse('nurse-2@test.org');
    const nurse1 = await t.login('nurse-1@test.org');
    const nurse2 = await t.login('nurse-2@test.org');
    assert.ok(((await nurse1.get('/api/me/open-shifts')).body as { id: string }[]).some((s) => s.id === shiftId));
    const claim = await nurse1.post(`/api/shifts/${shiftId}/claims`);
    assert.equal(claim.status, 201, JSON.stringify(claim.body));
    assert.equal((claim.body as { status: string }).status, 'confirmed', 'the hospital confirms claims at once');
    const [note] = await t.db.select().from(notifications).where(eq(notifications.userId, nurse1.me.id));
    assert.equal(note?.type, 'claim.confirmed');

    const second = await nurse2.post(`/api/shifts/${shiftId}/claims`);
    assert.equal(second.status, 409);
    assert.deepEqual(rulesOf(second.body), ['demand']);

    const detail = (await planner.get(`/api/shifts/${shiftId}`)).body as { filled: number; attendees: { name: string; email: string }[] };
    assert.equal(detail.filled, 1);
    assert.equal(detail.attendees.length, 1);
    assert.ok(detail.attendees[0]!.email.startsWith('nurse-1'));
    assert.deepEqual(Object.keys(detail.attendees[0]!).sort(), ['assignmentId', 'email', 'isNewcomer', 'kind', 'name', 'phone', 'status', 'workerId']);
  });
});

describe('each rule refuses a claim and names itself', () => {
  const claimRules = async (email: string, shiftId: string) => {
    const session = await t.login(email);
    const res = await session.post(`/api/shifts/${shiftId}/claims`);
    return { status: res.status, rules: res.status === 409 ? rulesOf(res.body) : [] };
  };

  test('package held', async () => {
    await buildWorkerWithUser(t.db, { regionId: m.region.id, email: 'basic@test.org', packages: ['basic-care'] });
    const shift = await m.nightShift();
    assert.deepEqual(await claimRules('basic@test.org', shift.id), { status: 409, rules: ['package', 'registration'] });
  });

  test('registration valid until the shift ends', async () => {
    const shift = await m.nightShift();
    // The registration runs out on Tuesday, the night shift ends Wednesday 07:00.
    await m.nurse('expiring@test.org', { big: { number: '09911009701', expiresOn: m.monday.plus({ days: 1 }).toISODate()! } });
    assert.deepEqual(await claimRules('expiring@test.org', shift.id), { status: 409, rules: ['registration'] });
    await m.nurse('unverified@test.org', { big: { number: '09911009701', expiresOn: '2035-01-01', verified: false } });
    assert.deepEqual(await claimRules('unverified@test.org', shift.id), { status: 409, rules: ['registration'] });
  });

  test('inside availability and not in unavailability', async () => {
    const shift = await m.nightShift();
    const early = await m.nurse('early-bird@test.org');
    await t.db.insert(workerWeeklyAvailability).values({ workerId: early.id, weekday: 2, startMinute: 7 * 60, endMinute: 15 * 60 });
    assert.deepEqual(await claimRules('early-bird@test.org', shift.id), { status: 409, rules: ['availability'] });
    const away = await m.nurse('on-holiday@test.org');
    await t.db.insert(workerAvailabilityExceptions).values({ workerId: away.id, isAvailable: false, start: at(m.monday, 0, '00:00'), end: at(m.monday, 7, '00:00'), reason: 'vakantie' });
    assert.deepEqual(await claimRules('on-holiday@test.org', shift.id), { status: 409, rules: ['unavailable'] });
  });

  test('within travel distance', async () => {
    const shift = await m.nightShift({ locationId: m.farAway.id });
    await m.nurse('homebody@test.org', { maxTravelKm: 10 });
    const res = await claimRules('homebody@test.org', shift.id);
    assert.deepEqual(res, { status: 409, rules: ['travel'] });
  });

  test('rest after your Tuesday night shift would be 8 h', async () => {
    const night = await m.nightShift(); // Tuesday 22:00 – Wednesday 07:00
    const afternoon = await buildShift(t.db, { organisationId: m.hospital.id, locationId: m.ward.id, packageCode: 'nursing', start: at(m.monday, 2, '15:00'), end: at(m.monday, 2, '23:00') });
    await m.nurse('tired@test.org');
    const session = await t.login('tired@test.org');
    assert.equal((await session.post(`/api/shifts/${night.id}/claims`)).status, 201);
    const res = await session.post(`/api/shifts/${afternoon.id}/claims`);
    assert.equal(res.status, 409);
    const issue = (res.body as ErrorBody).issues[0]!;
    assert.equal(issue.path, 'rest');
    assert.match(issue.message, /rest next to another shift would be 8 h; at least 11 h/);
  });

  test('no overlap', async () => {
    const day = await buildShift(t.db, { organisationId: m.hospital.id, locationId: m.ward.id, packageCode: 'nursing', start: at(m.monday, 4, '07:00'), end: at(m.monday, 4, '15:00') });
    const overlapping = await buildShift(t.db, { organisationId: m.hospital.id, locationId: m.ward.id, packageCode: 'nursing', start: at(m.monday, 4, '12:00'), end: at(m.monday, 4, '20:00') });
    await m.nurse('double@test.org');
    const session = await t.login('double@test.org');
    assert.equal((await session.post(`/api/shifts/${day.id}/claims`)).status, 201);
    const res = await session.post(`/api/shifts/${overlapping.id}/claims`);
    assert.equal(res.status, 409);
    assert.ok(['overlap', 'rest'].includes(rulesOf(res.body)[0]!));
  });

  test('weekly hours cap', async () => {
    await m.nurse('part-timer@test.org', { maxMinutesPerWeek: 16 * 60 });
    const session = await t.login('part-timer@test.org');
    const shiftOn = (day: number) =>
      buildShift(t.db, { organisationId: m.hospital.id, locationId: m.ward.id, packageCode: 'nursing', start: at(m.monday.plus({ weeks: 1 }), day, '07:00'), end: at(m.monday.plus({ weeks: 1 }), day, '15:00') });
    for (const day of [0, 2]) assert.equal((await session.post(`/api/shifts/${(await shiftOn(day)).id}/claims`)).status, 201);
    const third = await session.post(`/api/shifts/${(await shiftOn(4)).id}/claims`);
    assert.equal(third.status, 409);
    assert.deepEqual(rulesOf(third.body), ['weeklyHours']);
    // The next week is a new week.
    const nextWeek = await buildShift(t.db, { organisationId: m.hospital.id, locationId: m.ward.id, packageCode: 'nursing', start: at(m.monday.plus({ weeks: 2 }), 0, '07:00'), end: at(m.monday.plus({ weeks: 2 }), 0, '15:00') });
    assert.equal((await session.post(`/api/shifts/${nextWeek.id}/claims`)).status, 201);
  });

  test('newcomers not above the supervision capacity', async () => {
    const shift = await buildShift(t.db, { organisationId: m.hospital.id, locationId: m.ward.id, packageCode: 'basic-care', start: at(m.monday, 5, '08:00'), end: at(m.monday, 5, '16:00'), places: 3, supervisionCapacity: 1 });
    for (const name of ['new-1', 'new-2']) await buildWorkerWithUser(t.db, { regionId: m.region.id, email: `${name}@test.org`, kind: 'side_entrant', isNewcomer: true, packages: ['basic-care'] });
    const first = await t.login('new-1@test.org');
    assert.equal((await first.post(`/api/shifts/${shift.id}/claims`)).status, 201);
    assert.deepEqual(await claimRules('new-2@test.org', shift.id), { status: 409, rules: ['supervision'] });
    // An experienced colleague still fits.
    await m.nurse('experienced@test.org');
    assert.deepEqual(await claimRules('experienced@test.org', shift.id), { status: 201, rules: [] });
  });
});

describe('approval, withdrawal, cancellation', () => {
  test('the nursing home approves claims; a rejected worker sees the reason', async () => {
    const shiftA = await buildShift(t.db, { organisationId: m.home.id, locationId: m.homeLocation.id, packageCode: 'basic-care', start: at(m.monday, 6, '07:00'), end: at(m.monday, 6, '15:00'), places: 2 });
    await m.nurse('linde-1@test.org');
    await m.nurse('linde-2@test.org');
    const w1 = await t.login('linde-1@test.org');
    const w2 = await t.login('linde-2@test.org');
    const c1 = (await w1.post(`/api/shifts/${shiftA.id}/claims`)).body as { id: string; status: string };
    const c2 = (await w2.post(`/api/shifts/${shiftA.id}/claims`)).body as { id: string; status: string };
    assert.deepEqual([c1.status, c2.status], ['pending', 'pending']);
    const planner = await t.login('planner@linde.test');
    const otherPlanner = await t.login('planner@domstad.test');
    assert.equal((await otherPlanner.post(`/api/assignments/${c1.id}/approve`)).status, 403, 'a planner of another organisation may not');
    assert.equal(((await planner.post(`/api/assignments/${c1.id}/approve`)).body as { status: string }).status, 'confirmed');
    const rejected = await planner.post(`/api/assignments/${c2.id}/reject`, { reason: 'We hebben al genoeg handen' });
    assert.equal((rejected.body as { status: string }).status, 'rejected');
    const [note] = await t.db.select().from(notifications).where(and(eq(notifications.userId, w2.me.id), eq(notifications.type, 'claim.rejected')));
    assert.match(note?.body ?? '', /Reden: We hebben al genoeg handen/);
  });

  test('a worker withdraws a waiting claim, and cancels a confirmed one only before the cut-off', async () => {
    const soon = await buildShift(t.db, { organisationId: m.hospital.id, locationId: m.ward.id, packageCode: 'basic-care', start: new Date(Date.now() + 10 * 3_600_000), end: new Date(Date.now() + 18 * 3_600_000) });
    const later = await buildShift(t.db, { organisationId: m.home.id, locationId: m.homeLocation.id, packageCode: 'basic-care', start: at(m.monday, 8, '07:00'), end: at(m.monday, 8, '15:00') });
    await m.nurse('changing-mind@test.org');
    const w = await t.login('changing-mind@test.org');
    const pending = (await w.post(`/api/shifts/${later.id}/claims`)).body as { id: string };
    assert.equal(((await w.post(`/api/assignments/${pending.id}/withdraw`)).body as { status: string }).status, 'withdrawn');
    const confirmed = (await w.post(`/api/shifts/${soon.id}/claims`)).body as { id: string; status: string };
    assert.equal(confirmed.status, 'confirmed');
    const tooLate = await w.post(`/api/assignments/${confirmed.id}/cancel`, { reason: 'ziek' });
    assert.equal(tooLate.status, 409);
    assert.equal((tooLate.body as ErrorBody).code, 'CUTOFF_PASSED');
    const planner = await t.login('planner@domstad.test');
    const byPlanner = await planner.post(`/api/assignments/${confirmed.id}/cancel`, { reason: 'Afdeling gesloten' });
    assert.equal((byPlanner.body as { status: string }).status, 'cancelled');
    const [row] = await t.db.select().from(assignments).where(eq(assignments.id, confirmed.id));
    assert.equal(row?.reason, 'Afdeling gesloten');
  });

  test('cancelling a shift cancels its assignments, and the worker sees the reason', async () => {
    const shift = await buildShift(t.db, { organisationId: m.hospital.id, locationId: m.ward.id, packageCode: 'basic-care', start: at(m.monday, 9, '07:00'), end: at(m.monday, 9, '15:00') });
    await m.nurse('cancelled-on@test.org');
    const w = await t.login('cancelled-on@test.org');
    await w.post(`/api/shifts/${shift.id}/claims`);
    const planner = await t.login('planner@domstad.test');
    const res = await planner.post(`/api/shifts/${shift.id}/cancel`, { reason: 'Minder bedden bezet' });
    assert.equal((res.body as { status: string }).status, 'cancelled');
    const mine = (await w.get('/api/me/shifts?status=all')).body as { shiftId: string; status: string; reason: string }[];
    assert.deepEqual(mine.filter((a) => a.shiftId === shift.id).map((a) => [a.status, a.reason]), [['cancelled', 'Minder bedden bezet']]);
    assert.equal((await w.post(`/api/shifts/${shift.id}/claims`)).status, 409);
  });
});

describe('swaps', () => {
  test('a nurse hands a shift to an eligible colleague; the planner approves', async () => {
    const shift = await buildShift(t.db, { organisationId: m.hospital.id, locationId: m.ward.id, packageCode: 'nursing', start: at(m.monday, 10, '07:00'), end: at(m.monday, 10, '15:00') });
    const giver = await m.nurse('giver@test.org');
    const taker = await m.nurse('taker@test.org');
    await buildWorkerWithUser(t.db, { regionId: m.region.id, email: 'not-a-nurse@test.org', packages: ['basic-care'] });
    const g = await t.login('giver@test.org');
    const assignment = (await g.post(`/api/shifts/${shift.id}/claims`)).body as { id: string };
    const candidates = (await g.get(`/api/assignments/${assignment.id}/swap-candidates`)).body as { workerId: string }[];
    assert.ok(candidates.some((c) => c.workerId === taker.id));
    assert.ok(!candidates.some((c) => c.workerId === giver.id));
    const swap = (await g.post(`/api/assignments/${assignment.id}/swaps`, { toWorkerId: taker.id })).body as { id: string; status: string };
    assert.equal(swap.status, 'requested');
    const tk = await t.login('taker@test.org');
    assert.equal(((await tk.post(`/api/swaps/${swap.id}/accept`)).body as { status: string }).status, 'accepted');
    const planner = await t.login('planner@domstad.test');
    assert.equal(((await planner.post(`/api/swaps/${swap.id}/approve`)).body as { status: string }).status, 'approved');
    const live = await t.db.select().from(assignments).where(eq(assignments.shiftId, shift.id));
    assert.deepEqual(live.map((a) => [a.workerId === taker.id ? 'taker' : 'giver', a.status]).sort(), [['giver', 'swapped'], ['taker', 'confirmed']]);
  });

  test('a swap to a colleague who may not take the shift is refused with the rule', async () => {
    const shift = await buildShift(t.db, { organisationId: m.hospital.id, locationId: m.ward.id, packageCode: 'nursing', start: at(m.monday, 11, '07:00'), end: at(m.monday, 11, '15:00') });
    await m.nurse('giver-2@test.org');
    const { worker: helper } = await buildWorkerWithUser(t.db, { regionId: m.region.id, email: 'helper@test.org', packages: ['basic-care'] });
    const g = await t.login('giver-2@test.org');
    const assignment = (await g.post(`/api/shifts/${shift.id}/claims`)).body as { id: string };
    const res = await g.post(`/api/assignments/${assignment.id}/swaps`, { toWorkerId: helper.id });
    assert.equal(res.status, 409);
    assert.ok(rulesOf(res.body).includes('package'));
  });
});

describe('reservists', () => {
  test('progress counts the days with a confirmed shift this year against the minimum', async () => {
    await m.nurse('reservist@test.org', { kind: 'reservist', minDaysPerYear: 6 });
    const w = await t.login('reservist@test.org');
    const progress = (await w.get('/api/me/progress')).body as { daysPlanned: number; minDaysPerYear: number };
    assert.equal(progress.minDaysPerYear, 6);
    assert.equal(progress.daysPlanned, 0);
  });
});
