// Workers enter dated exceptions to their weekly pattern (extra availability, or unavailability such as
// a holiday, sickness or an exam) through the API; "open shifts for me" and claims follow at once.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { count, eq } from 'drizzle-orm';
import { at, setupMarketplace } from '../assignments/marketplace.fixtures.js';
import { buildShift } from '../demo/builders.js';
import { auditLog, workerAvailabilityExceptions } from '../db/schema.js';
import { startTestApp, type TestApp } from '../testing/test-app.js';

let t: TestApp;
let m: Awaited<ReturnType<typeof setupMarketplace>>;
before(async () => {
  t = await startTestApp();
  m = await setupMarketplace(t);
});
after(() => t.close());

type Exception = { id: string; workerId: string; isAvailable: boolean; start: string; end: string; reason: string };
type ErrorBody = { code: string; issues: { path: string; message: string }[] };
type OpenShift = { id: string; isEligible: boolean; violations: { rule: string }[] };

const iso = (d: Date) => d.toISOString();
const exceptionsUrl = (workerId: string) => `/api/workers/${workerId}/availability-exceptions`;

async function signIn(email: string) {
  const worker = await m.nurse(email);
  const session = await t.login(email);
  return { worker, session };
}

/** The shift as the worker sees it in "open shifts for me", ineligible ones included. */
async function seenAs(session: Awaited<ReturnType<TestApp['login']>>, shiftId: string, around: { start: Date; end: Date }) {
  const from = iso(new Date(around.start.getTime() - 3_600_000));
  const to = iso(new Date(around.end.getTime() + 3_600_000));
  const res = await session.get(`/api/me/open-shifts?includeIneligible=true&limit=200&from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`);
  assert.equal(res.status, 200, JSON.stringify(res.body));
  const shift = (res.body as OpenShift[]).find((s) => s.id === shiftId);
  assert.ok(shift, 'the shift is listed');
  return { isEligible: shift.isEligible, rules: shift.violations.map((v) => v.rule) };
}

describe('the worker keeps their own exceptions', () => {
  test('add, list (from now on, or a range), change and delete', async () => {
    const { worker, session } = await signIn('exceptions-crud@test.org');
    const holiday = await session.post(exceptionsUrl(worker.id), {
      isAvailable: false,
      start: iso(at(m.monday, 0, '00:00')), // Monday 00:00 local
      end: iso(at(m.monday, 7, '00:00')), // next Monday 00:00 local
      reason: '  vakantie ',
    });
    assert.equal(holiday.status, 201, JSON.stringify(holiday.body));
    const created = holiday.body as Exception;
    assert.deepEqual({ ...created, id: undefined }, { id: undefined, workerId: worker.id, isAvailable: false, start: iso(at(m.monday, 0, '00:00')), end: iso(at(m.monday, 7, '00:00')), reason: 'vakantie' });
    const extra = await session.post(exceptionsUrl(worker.id), { isAvailable: true, start: iso(at(m.monday, 14, '07:00')), end: iso(at(m.monday, 14, '15:00')) });
    assert.equal(extra.status, 201, JSON.stringify(extra.body));
    assert.equal((extra.body as Exception).reason, '');
    // One that has ended already (entered earlier): not among "from now on".
    await t.db.insert(workerAvailabilityExceptions).values({ workerId: worker.id, isAvailable: false, start: new Date(Date.now() - 3 * 86_400_000), end: new Date(Date.now() - 86_400_000), reason: 'ziek' });

    const upcoming = await session.get(exceptionsUrl(worker.id));
    assert.equal(upcoming.status, 200);
    assert.deepEqual((upcoming.body as Exception[]).map((e) => e.id), [created.id, (extra.body as Exception).id], 'upcoming, soonest first');
    const lastWeek = await session.get(`${exceptionsUrl(worker.id)}?from=${encodeURIComponent(iso(new Date(Date.now() - 7 * 86_400_000)))}&to=${encodeURIComponent(iso(at(m.monday, 1, '00:00')))}`);
    assert.deepEqual((lastWeek.body as Exception[]).map((e) => e.reason), ['ziek', 'vakantie'], 'the range includes what overlaps it');

    const changed = await session.request('PUT', `/api/availability-exceptions/${created.id}`, { isAvailable: false, start: iso(at(m.monday, 2, '00:00')), end: iso(at(m.monday, 5, '00:00')), reason: 'tentamen' });
    assert.equal(changed.status, 200, JSON.stringify(changed.body));
    assert.deepEqual(changed.body, { ...created, start: iso(at(m.monday, 2, '00:00')), end: iso(at(m.monday, 5, '00:00')), reason: 'tentamen' });

    const deleted = await session.request('DELETE', `/api/availability-exceptions/${created.id}`, {});
    assert.equal(deleted.status, 204);
    assert.deepEqual(((await session.get(exceptionsUrl(worker.id))).body as Exception[]).map((e) => e.id), [(extra.body as Exception).id]);
    assert.equal((await session.request('DELETE', `/api/availability-exceptions/${created.id}`, {})).status, 404, 'gone');

    const audited = await t.db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.entityId, created.id));
    assert.deepEqual(audited.map((a) => a.action).sort(), ['create', 'delete', 'update']);
  });

  test('bad input names the field and changes nothing', async () => {
    const { worker, session } = await signIn('exceptions-bad@test.org');
    const holiday = { isAvailable: false, start: iso(at(m.monday, 0, '00:00')), end: iso(at(m.monday, 7, '00:00')), reason: 'vakantie' };
    const kept = (await session.post(exceptionsUrl(worker.id), holiday)).body as Exception;
    const extra = (await session.post(exceptionsUrl(worker.id), { isAvailable: true, start: iso(at(m.monday, 14, '07:00')), end: iso(at(m.monday, 14, '15:00')) })).body as Exception;
    const rows = async () => t.db.select().from(workerAvailabilityExceptions).where(eq(workerAvailabilityExceptions.workerId, worker.id)).orderBy(workerAvailabilityExceptions.start);
    const before = await rows();
    assert.equal(before.length, 2);

    const cases: { name: string; method: 'POST' | 'PUT'; url: string; body: unknown; path: string }[] = [
      { name: 'end before start', method: 'POST', url: exceptionsUrl(worker.id), body: { ...holiday, start: iso(at(m.monday, 21, '10:00')), end: iso(at(m.monday, 21, '09:00')) }, path: 'end' },
      { name: 'end equal to start', method: 'POST', url: exceptionsUrl(worker.id), body: { ...holiday, start: iso(at(m.monday, 21, '10:00')), end: iso(at(m.monday, 21, '10:00')) }, path: 'end' },
      { name: 'over already', method: 'POST', url: exceptionsUrl(worker.id), body: { ...holiday, start: iso(new Date(Date.now() - 2 * 86_400_000)), end: iso(new Date(Date.now() - 86_400_000)) }, path: 'end' },
      { name: 'longer than 90 days', method: 'POST', url: exceptionsUrl(worker.id), body: { ...holiday, start: iso(at(m.monday, 21, '00:00')), end: iso(at(m.monday, 21 + 91, '00:00')) }, path: 'end' },
      { name: 'reason too long', method: 'POST', url: exceptionsUrl(worker.id), body: { ...holiday, start: iso(at(m.monday, 21, '00:00')), end: iso(at(m.monday, 22, '00:00')), reason: 'x'.repeat(201) }, path: 'reason' },
      { name: 'kind missing', method: 'POST', url: exceptionsUrl(worker.id), body: { start: iso(at(m.monday, 21, '00:00')), end: iso(at(m.monday, 22, '00:00')) }, path: 'isAvailable' },
      { name: 'start without offset', method: 'POST', url: exceptionsUrl(worker.id), body: { ...holiday, start: '2027-01-04 09:00', end: iso(at(m.monday, 22, '00:00')) }, path: 'start' },
      { name: 'overlaps another unavailability', method: 'POST', url: exceptionsUrl(worker.id), body: { ...holiday, start: iso(at(m.monday, 6, '12:00')), end: iso(at(m.monday, 8, '00:00')) }, path: 'start' },
      { name: 'overlaps another extra availability', method: 'POST', url: exceptionsUrl(worker.id), body: { isAvailable: true, start: iso(at(m.monday, 14, '14:00')), end: iso(at(m.monday, 14, '20:00')) }, path: 'start' },
      { name: 'changed onto another of its kind', method: 'PUT', url: `/api/availability-exceptions/${extra.id}`, body: { isAvailable: false, start: iso(at(m.monday, 3, '07:00')), end: iso(at(m.monday, 3, '15:00')) }, path: 'start' },
      { name: 'changed to end before start', method: 'PUT', url: `/api/availability-exceptions/${kept.id}`, body: { ...holiday, end: holiday.start }, path: 'end' },
    ];
    for (const c of cases) {
      const res = await session.request(c.method, c.url, c.body);
      assert.equal(res.status, 400, `${c.name}: ${JSON.stringify(res.body)}`);
      const body = res.body as ErrorBody;
      assert.equal(body.code, 'VALIDATION_FAILED', c.name);
      assert.deepEqual(body.issues.map((i) => i.path), [c.path], c.name);
    }
    const badRange = await session.get(`${exceptionsUrl(worker.id)}?from=${encodeURIComponent(iso(at(m.monday, 7, '00:00')))}&to=${encodeURIComponent(iso(at(m.monday, 0, '00:00')))}`);
    assert.equal(badRange.status, 400);
    assert.deepEqual((badRange.body as ErrorBody).issues.map((i) => i.path), ['query.to']);
    assert.deepEqual(await rows(), before, 'nothing changed');

    // Touching is no overlap, and an exception of the other kind may overlap (unavailability wins).
    assert.equal((await session.post(exceptionsUrl(worker.id), { ...holiday, start: holiday.end, end: iso(at(m.monday, 8, '00:00')) })).status, 201);
    assert.equal((await session.post(exceptionsUrl(worker.id), { isAvailable: true, start: iso(at(m.monday, 2, '07:00')), end: iso(at(m.monday, 2, '15:00')) })).status, 201);
    // Changing one over its own old span is no overlap with itself.
    assert.equal((await session.request('PUT', `/api/availability-exceptions/${kept.id}`, { ...holiday, end: iso(at(m.monday, 6, '00:00')) })).status, 200);
  });

  test('someone else’s exceptions are not found', async () => {
    const { worker: owner, session: ownerSession } = await signIn('exceptions-owner@test.org');
    const { session: other } = await signIn('exceptions-other@test.org');
    const planner = await t.login('planner@domstad.test');
    const mine = (await ownerSession.post(exceptionsUrl(owner.id), { isAvailable: false, start: iso(at(m.monday, 0, '00:00')), end: iso(at(m.monday, 1, '00:00')), reason: 'ziek' })).body as Exception;
    for (const session of [other, planner]) {
      assert.equal((await session.get(exceptionsUrl(owner.id))).status, 404);
      assert.equal((await session.post(exceptionsUrl(owner.id), { isAvailable: false, start: iso(at(m.monday, 3, '00:00')), end: iso(at(m.monday, 4, '00:00')) })).status, 404);
      assert.equal((await session.request('PUT', `/api/availability-exceptions/${mine.id}`, { isAvailable: true, start: mine.start, end: mine.end })).status, 404);
      assert.equal((await session.request('DELETE', `/api/availability-exceptions/${mine.id}`, {})).status, 404);
    }
    assert.equal((await ownerSession.request('DELETE', `/api/availability-exceptions/${randomUUID()}`, {})).status, 404);
    assert.deepEqual((await ownerSession.get(exceptionsUrl(owner.id))).body, [mine], 'unchanged');
    const [rows] = await t.db.select({ n: count() }).from(workerAvailabilityExceptions).where(eq(workerAvailabilityExceptions.workerId, owner.id));
    assert.equal(rows?.n, 1);
  });
});

describe('open shifts and claims follow the exceptions', () => {
  test('an unavailability makes a shift the worker could take ineligible, with why not, and its claim 409', async () => {
    const { worker, session } = await signIn('exceptions-exam@test.org');
    const shift = await buildShift(t.db, { organisationId: m.hospital.id, locationId: m.ward.id, packageCode: 'nursing', start: at(m.monday, 3, '07:00'), end: at(m.monday, 3, '15:00') }); // Thursday 07:00–15:00 local
    assert.deepEqual(await seenAs(session, shift.id, shift), { isEligible: true, rules: [] });

    const exam = await session.post(exceptionsUrl(worker.id), { isAvailable: false, start: iso(at(m.monday, 3, '00:00')), end: iso(at(m.monday, 4, '00:00')), reason: 'tentamen' });
    assert.equal(exam.status, 201);
    assert.deepEqual(await seenAs(session, shift.id, shift), { isEligible: false, rules: ['unavailable'] });
    const claim = await session.post(`/api/shifts/${shift.id}/claims`);
    assert.equal(claim.status, 409);
    assert.deepEqual((claim.body as ErrorBody).issues.map((i) => i.path), ['unavailable']);

    // Moved to the afternoon after the shift: the shift may be taken again.
    const moved = await session.request('PUT', `/api/availability-exceptions/${(exam.body as Exception).id}`, { isAvailable: false, start: iso(at(m.monday, 3, '15:00')), end: iso(at(m.monday, 4, '00:00')), reason: 'tentamen' });
    assert.equal(moved.status, 200);
    assert.deepEqual(await seenAs(session, shift.id, shift), { isEligible: true, rules: [] });
    assert.equal((await session.post(`/api/shifts/${shift.id}/claims`)).status, 201);
  });

  test('an extra availability outside the weekly pattern makes a shift eligible', async () => {
    const { worker, session } = await signIn('exceptions-saturday@test.org');
    // Weekly: Mondays 07:00–15:00 only.
    assert.equal((await session.patch(`/api/workers/${worker.id}`, { weeklyAvailability: [{ weekday: 1, startMinute: 7 * 60, endMinute: 15 * 60 }] })).status, 200);
    const saturday = await buildShift(t.db, { organisationId: m.hospital.id, locationId: m.ward.id, packageCode: 'nursing', start: at(m.monday, 5, '07:00'), end: at(m.monday, 5, '15:00') }); // Saturday 07:00–15:00 local
    assert.deepEqual(await seenAs(session, saturday.id, saturday), { isEligible: false, rules: ['availability'] });
    assert.equal((await session.post(`/api/shifts/${saturday.id}/claims`)).status, 409);

    const extra = await session.post(exceptionsUrl(worker.id), { isAvailable: true, start: iso(at(m.monday, 5, '06:00')), end: iso(at(m.monday, 5, '16:00')) });
    assert.equal(extra.status, 201);
    assert.deepEqual(await seenAs(session, saturday.id, saturday), { isEligible: true, rules: [] });
    assert.equal((await session.post(`/api/shifts/${saturday.id}/claims`)).status, 201);
  });

  test('a worker without a weekly pattern who states dated availability is available only then, in every check and every week', async () => {
    const { worker, session } = await signIn('exceptions-dated-only@test.org');
    const sameWeek = await buildShift(t.db, { organisationId: m.hospital.id, locationId: m.ward.id, packageCode: 'nursing', start: at(m.monday, 3, '07:00'), end: at(m.monday, 3, '15:00') });
    const later = await buildShift(t.db, { organisationId: m.hospital.id, locationId: m.ward.id, packageCode: 'nursing', start: at(m.monday, 31, '07:00'), end: at(m.monday, 31, '15:00') });
    const inside = await buildShift(t.db, { organisationId: m.hospital.id, locationId: m.ward.id, packageCode: 'nursing', start: at(m.monday, 5, '07:00'), end: at(m.monday, 5, '15:00') });
    // No pattern, nothing stated: any time.
    for (const shift of [sameWeek, later, inside]) assert.deepEqual(await seenAs(session, shift.id, shift), { isEligible: true, rules: [] });

    // Only this Saturday: the list and the claim agree for a shift that week and one four weeks later.
    assert.equal((await session.post(exceptionsUrl(worker.id), { isAvailable: true, start: iso(at(m.monday, 5, '06:00')), end: iso(at(m.monday, 5, '16:00')) })).status, 201);
    for (const shift of [sameWeek, later]) {
      assert.deepEqual(await seenAs(session, shift.id, shift), { isEligible: false, rules: ['availability'] });
      assert.equal((await session.post(`/api/shifts/${shift.id}/claims`)).status, 409);
    }
    assert.deepEqual(await seenAs(session, inside.id, inside), { isEligible: true, rules: [] });
    assert.equal((await session.post(`/api/shifts/${inside.id}/claims`)).status, 201);
  });

  test('an unavailability across the spring clock change (Europe/Amsterdam, 28 March 2027) ends at its local time', async () => {
    const { worker, session } = await signIn('exceptions-spring@test.org');
    const night = await session.post(exceptionsUrl(worker.id), {
      isAvailable: false,
      start: '2027-03-27T22:00:00+01:00', // Saturday 22:00 CET
      end: '2027-03-28T06:00:00+02:00', // Sunday 06:00 CEST: seven hours later, not eight
      reason: 'nachtrust',
    });
    assert.equal(night.status, 201, JSON.stringify(night.body));
    assert.deepEqual([(night.body as Exception).start, (night.body as Exception).end], ['2027-03-27T21:00:00.000Z', '2027-03-28T04:00:00.000Z']);

    const early = await buildShift(t.db, { organisationId: m.hospital.id, locationId: m.ward.id, packageCode: 'nursing', start: new Date('2027-03-28T03:00:00Z'), end: new Date('2027-03-28T05:00:00Z') }); // 05:00–07:00 CEST
    const day = await buildShift(t.db, { organisationId: m.hospital.id, locationId: m.ward.id, packageCode: 'nursing', start: new Date('2027-03-28T04:00:00Z'), end: new Date('2027-03-28T12:00:00Z') }); // 06:00–14:00 CEST
    assert.deepEqual(await seenAs(session, early.id, early), { isEligible: false, rules: ['unavailable'] });
    assert.deepEqual(await seenAs(session, day.id, day), { isEligible: true, rules: [] }, 'starts as the unavailability ends');
    assert.equal((await session.post(`/api/shifts/${early.id}/claims`)).status, 409);
    assert.equal((await session.post(`/api/shifts/${day.id}/claims`)).status, 201);
  });

  test('90 days are counted in local days across a clock change', async () => {
    const { worker, session } = await signIn('exceptions-long@test.org');
    // 1 October 00:00 CEST to 30 December 00:00 CET: 90 local days, 90 days and an hour of real time.
    const autumn = await session.post(exceptionsUrl(worker.id), { isAvailable: false, start: '2027-10-01T00:00:00+02:00', end: '2027-12-30T00:00:00+01:00', reason: 'stage' });
    assert.equal(autumn.status, 201, JSON.stringify(autumn.body));
    // 1 March 00:00 CET to 30 May 00:01 CEST: less than 90 days of real time, but a minute past 90 local days.
    const spring = await session.post(exceptionsUrl(worker.id), { isAvailable: false, start: '2027-03-01T00:00:00+01:00', end: '2027-05-30T00:01:00+02:00', reason: 'stage' });
    assert.equal(spring.status, 400);
    assert.deepEqual((spring.body as ErrorBody).issues, [{ path: 'end', message: 'must be at most 90 days after start' }]);
  });
});
