// The intake journey as a story: Fatima, a re-entrant, registers herself; the mediator calls her,
// books a shadow day at the hospital, offers her for a request; the hospital accepts; the agreement,
// her learning plan, the onboarding at the hospital, her first confirmed shifts and the check-ins.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { and, count, eq } from 'drizzle-orm';
import { DateTime } from 'luxon';
import { CONSENT_VERSION, type TJourney, type TJourneySummary, type TRegistrationOptions, type TRegistrationResult } from '../../shared/journey.schemas.js';
import type { TMediationQueues, TMediationRequest, TOffer, TPlacementResult } from '../../shared/mediation.schemas.js';
import { findOrganisationContext } from '../assignments/assignments.repo.js';
import { checkEligibility } from '../assignments/eligibility.js';
import { at, setupMarketplace } from '../assignments/marketplace.fixtures.js';
import { assignments, auditLog, emailOutbox, journeys, notifications, shifts, users, workers } from '../db/schema.js';
import { buildRegion, buildShift, buildUser } from '../demo/builders.js';
import { startTestApp, type Response, type Session, type TestApp } from '../testing/test-app.js';

let t: TestApp;
let m: Awaited<ReturnType<typeof setupMarketplace>>;
let s: Record<'planner' | 'otherPlanner' | 'mediator' | 'foreign' | 'otherWorker', Session>;
let fatima: Session;
let pkg: Record<string, string>;
let registered: TRegistrationResult;

const form = (overrides: Record<string, unknown> = {}) => ({
  regionId: m.region.id,
  entryKind: 're_entrant',
  firstName: 'Fatima',
  lastName: 'El Amrani',
  email: 'fatima@example.org',
  phone: '06 12345678',
  postcode: '3521 AB',
  password: 'een-lang-wachtwoord',
  interestPackageIds: [pkg['basic-care']],
  interestOrganisationIds: [m.hospital.id],
  weeklyAvailability: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, startMinute: 7 * 60, endMinute: 15 * 60 })),
  desiredHoursPerWeek: 16,
  freeText: 'Ik werkte tien jaar geleden als verzorgende.',
  consent: { isGiven: true, version: CONSENT_VERSION },
  ...overrides,
});

const issuePaths = (res: Response) => (res.body as { issues: { path: string }[] }).issues.map((i) => i.path);
const userCount = async () => (await t.db.select({ n: count() }).from(users))[0]!.n;

before(async () => {
  t = await startTestApp();
  m = await setupMarketplace(t);
  await buildUser(t.db, { email: 'mediator@utrecht.test', name: 'Mira Mediator', roles: [{ role: 'mediator', regionId: m.region.id }] });
  const foreign = await buildRegion(t.db, { name: 'Regio Elders' });
  await buildUser(t.db, { email: 'coordinator@elders.test', roles: [{ role: 'coordinator', regionId: foreign.id }] });
  await m.nurse('other@test.org');
  s = {
    planner: await t.login('planner@domstad.test'),
    otherPlanner: await t.login('planner@linde.test'),
    mediator: await t.login('mediator@utrecht.test'),
    foreign: await t.login('coordinator@elders.test'),
    otherWorker: await t.login('other@test.org'),
  };
  pkg = Object.fromEntries(((await s.planner.get('/api/packages')).body as { id: string; code: string }[]).map((p) => [p.code, p.id]));
});
after(() => t.close());

describe('self-service registration', () => {
  test('the public form lists the region’s organisations and packages and the consent version', async () => {
    const res = await t.anonymous('GET', '/api/registration/options');
    assert.equal(res.status, 200);
    const options = res.body as TRegistrationOptions;
    assert.equal(options.consentVersion, CONSENT_VERSION);
    const region = options.regions.find((r) => r.id === m.region.id)!;
    assert.deepEqual(region.organisations.map((o) => o.name).sort(), ['Ziekenhuis Domstad', 'Zorggroep De Linde']);
    assert.ok(region.packages.some((p) => p.code === 'basic-care'));
  });

  test('bad input names the field and creates nothing', async () => {
    const before = await userCount();
    const cases: [Record<string, unknown>, string][] = [
      [{ consent: { isGiven: false, version: CONSENT_VERSION } }, 'consent.isGiven'],
      [{ consent: undefined }, 'consent'],
      [{ consent: { isGiven: true, version: '2001-1' } }, 'consent.version'],
      [{ postcode: '0999' }, 'postcode'],
      [{ email: 'not-an-email' }, 'email'],
      [{ password: 'short' }, 'password'],
      [{ entryKind: 'astronaut' }, 'entryKind'],
      [{ interestPackageIds: [pkg['basic-care'], '00000000-0000-4000-8000-000000000000'] }, 'interestPackageIds[1]'],
      [{ interestOrganisationIds: [m.home.id, '00000000-0000-4000-8000-000000000000'] }, 'interestOrganisationIds[1]'],
      [{ weeklyAvailability: [{ weekday: 8, startMinute: 0, endMinute: 60 }] }, 'weeklyAvailability[0].weekday'],
    ];
    for (const [overrides, path] of cases) {
      const res = await t.anonymous('POST', '/api/registrations', form(overrides));
      assert.equal(res.status, 400, `${path}: ${JSON.stringify(res.body)}`);
      assert.ok(issuePaths(res).includes(path), `${path} in ${JSON.stringify(issuePaths(res))}`);
    }
    assert.equal(await userCount(), before);
  });

  test('Fatima registers: a login, a worker in intake without packages, the journey waiting for the welcome call; consent and the write are recorded', async () => {
    const res = await t.anonymous('POST', '/api/registrations', form());
    assert.equal(res.status, 201, JSON.stringify(res.body));
    registered = res.body as TRegistrationResult;
    fatima = await t.login('fatima@example.org', 'een-lang-wachtwoord');
    assert.equal(fatima.me.workerId, registered.workerId);
    const [worker] = await t.db.select().from(workers).where(eq(workers.id, registered.workerId));
    assert.equal(worker!.status, 'intake');
    assert.equal(worker!.kind, 'flex');
    assert.equal(worker!.isNewcomer, true);
    assert.equal(worker!.desiredMinutesPerWeek, 16 * 60);
    const journey = (await fatima.get('/api/me/journey')).body as TJourney;
    assert.equal(journey.stage, 'welcome_call');
    assert.equal(journey.consentVersion, CONSENT_VERSION);
    assert.ok(Date.now() - Date.parse(journey.consentAt) < 60_000);
    assert.deepEqual(journey.steps.map((x) => x.step), ['registration']);
    assert.deepEqual(journey.interestOrganisationIds, [m.hospital.id]);
    assert.equal(journey.contact?.email, 'fatima@example.org');
    const audit = await t.db.select().from(auditLog).where(and(eq(auditLog.entity, 'worker'), eq(auditLog.entityId, registered.workerId)));
    assert.deepEqual(audit.map((a) => [a.action, a.actorUserId]), [['create', registered.userId]]);
  });

  test('the same email again (any case) is a 409 naming the field', async () => {
    const res = await t.anonymous('POST', '/api/registrations', form({ email: 'FATIMA@example.org' }));
    assert.equal(res.status, 409);
    assert.equal((res.body as { code: string }).code, 'EMAIL_TAKEN');
    assert.deepEqual(issuePaths(res), ['email']);
    const existingWorker = await t.anonymous('POST', '/api/registrations', form({ email: 'other@test.org' }));
    assert.equal(existingWorker.status, 409);
  });

  test('a signed-in session must send its CSRF token; a cross-site form post is refused', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/registrations', headers: { cookie: s.mediator.cookie }, payload: form({ email: 'x@example.org' }) });
    assert.equal(res.statusCode, 403);
    const formPost = await t.app.inject({ method: 'POST', url: '/api/registrations', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'a=b' });
    assert.equal(formPost.statusCode, 415);
  });
});

describe('registration rate limit', () => {
  test('one address may register a few times per window, like the login', async () => {
    const limited = await startTestApp({ loginRateLimit: { max: 2, timeWindowMs: 60_000 } });
    try {
      const statuses = [];
      for (let i = 0; i < 3; i++) statuses.push((await limited.anonymous('POST', '/api/registrations', { email: `x${i}@example.org` })).status);
      assert.deepEqual(statuses, [400, 400, 429]);
    } finally {
      await limited.close();
    }
  });
});

describe('the journey', () => {
  const url = () => `/api/journeys/${registered.journeyId}`;
  const step = (session: Session, body: Record<string, unknown>) => session.post(`${url()}/steps`, body);

  test('the region’s mediator sees it, reading contact details is audited; others do not', async () => {
    const list = (await s.mediator.get('/api/journeys')).body as TJourneySummary[];
    assert.deepEqual(list.map((j) => j.name), ['Fatima El Amrani']);
    const res = await s.mediator.get(url());
    assert.equal(res.status, 200);
    assert.equal((res.body as TJourney).contact?.phone, '06 12345678');
    const reads = await t.db.select().from(auditLog).where(and(eq(auditLog.action, 'read'), eq(auditLog.entityId, registered.workerId)));
    assert.equal(reads.length, 1);
    assert.deepEqual((await s.planner.get('/api/journeys')).body, []);
    assert.deepEqual((await s.foreign.get('/api/journeys')).body, []);
    assert.deepEqual((await fatima.get('/api/journeys')).body, []);
    for (const session of [s.planner, s.foreign, s.otherWorker]) assert.equal((await session.get(url())).status, 404);
    assert.equal((await s.otherWorker.get('/api/me/journey')).status, 404);
  });

  test('steps come in order, from the right people, and bad input names the field', async () => {
    const early = await step(s.mediator, { step: 'orientation', outcome: 'skipped' });
    assert.equal(early.status, 409);
    assert.deepEqual(issuePaths(early), ['step']);
    assert.equal((await step(s.planner, { step: 'welcome_call', notes: 'Gebeld' })).status, 404);
    assert.equal((await step(fatima, { step: 'welcome_call', notes: 'Gebeld' })).status, 403);
    assert.equal((await step(s.foreign, { step: 'welcome_call', notes: 'Gebeld' })).status, 404);
    const bad = await step(s.mediator, { step: 'welcome_call', notes: 'Gebeld', packageIds: ['00000000-0000-4000-8000-000000000000'] });
    assert.equal(bad.status, 400);
    assert.deepEqual(issuePaths(bad), ['packageIds[0]']);
    assert.deepEqual(issuePaths(await step(s.mediator, { step: 'welcome_call' })), ['notes']);
    assert.deepEqual(issuePaths(await step(s.mediator, { step: 'teleport' })), ['step']);
  });

  test('the welcome call: competences established, the mediator becomes the owner', async () => {
    const res = await step(s.mediator, { step: 'welcome_call', notes: 'Wil in de ochtend werken', constraints: 'Niet in het weekend', packageIds: [pkg['basic-care']], qualificationLevel: 3 });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    const journey = res.body as TJourney;
    assert.equal(journey.stage, 'orientation');
    assert.equal(journey.ownerName, 'Mira Mediator');
    const call = journey.steps.find((x) => x.step === 'welcome_call')!;
    assert.equal(call.doneByName, 'Mira Mediator');
    assert.equal(call.details.constraints, 'Niet in het weekend');
    assert.equal((await step(s.mediator, { step: 'welcome_call', notes: 'Nog eens' })).status, 409);
  });

  test('not offered while in intake', async () => {
    const request = (await s.planner.post('/api/requests', {
      locationId: m.ward.id,
      packageIds: [pkg['basic-care']],
      periodStart: m.monday.toJSDate().toISOString(),
      periodEnd: m.monday.plus({ months: 3 }).toJSDate().toISOString(),
    })).body as TMediationRequest;
    const res = await s.mediator.post(`/api/requests/${request.id}/offers`, { workerIds: [registered.workerId] });
    assert.equal(res.status, 409);
    assert.deepEqual(issuePaths(res), ['workerIds[0]']);
  });

  test('the shadow day is booked like a shift and never overlaps another shift of hers', async () => {
    const day = { locationId: m.ward.id, packageId: pkg['basic-care'], start: at(m.monday, 1, '07:00').toISOString(), end: at(m.monday, 1, '15:00').toISOString(), note: 'Afdeling 3' };
    assert.equal((await step(s.mediator, { step: 'orientation', outcome: 'done' })).status, 409);
    assert.equal((await s.planner.post(`${url()}/orientation`, day)).status, 404);
    assert.deepEqual(issuePaths(await s.mediator.post(`${url()}/orientation`, { ...day, end: day.start })), ['end']);
    assert.deepEqual(issuePaths(await s.mediator.post(`${url()}/orientation`, { ...day, locationId: '00000000-0000-4000-8000-000000000000' })), ['locationId']);
    const booked = await s.mediator.post(`${url()}/orientation`, day);
    assert.equal(booked.status, 201, JSON.stringify(booked.body));
    const overlapping = await s.mediator.post(`${url()}/orientation`, { ...day, start: at(m.monday, 1, '12:00').toISOString(), end: at(m.monday, 1, '18:00').toISOString() });
    assert.equal(overlapping.status, 409);
    assert.deepEqual(issuePaths(overlapping), ['start']);
    const journey = (await fatima.get('/api/me/journey')).body as TJourney;
    assert.deepEqual(journey.orientations.map((o) => [o.organisationName, o.status]), [['Ziekenhuis Domstad', 'confirmed']]);
  });

  test('the ward is closed that day: the mediator cancels the shadow day with a reason (shift and assignment at once, she hears why) and rebooks it', async () => {
    const [first] = ((await s.mediator.get(url())).body as TJourney).orientations;
    const cancelUrl = `${url()}/orientation/${first!.shiftId}/cancel`;
    assert.deepEqual(issuePaths(await s.mediator.post(cancelUrl, { reason: '' })), ['reason']);
    assert.equal((await s.planner.post(cancelUrl, { reason: 'Afdeling dicht' })).status, 404, 'planners do not see her journey yet');
    assert.equal((await fatima.post(cancelUrl, { reason: 'Afdeling dicht' })).status, 403);
    assert.equal((await s.mediator.post(`${url()}/orientation/00000000-0000-4000-8000-000000000000/cancel`, { reason: 'Afdeling dicht' })).status, 404);

    const res = await s.mediator.post(cancelUrl, { reason: 'De afdeling is die dag dicht' });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    const [cancelled] = (res.body as TJourney).orientations;
    assert.equal(cancelled!.status, 'cancelled');
    assert.equal(cancelled!.cancelReason, 'De afdeling is die dag dicht');
    assert.ok(cancelled!.cancelledAt && Date.parse(cancelled!.cancelledAt) <= Date.now());
    const [shift] = await t.db.select().from(shifts).where(eq(shifts.id, first!.shiftId));
    assert.deepEqual([shift!.status, shift!.cancelReason], ['cancelled', 'De afdeling is die dag dicht']);
    const [assignment] = await t.db.select().from(assignments).where(eq(assignments.id, first!.assignmentId));
    assert.deepEqual([assignment!.status, assignment!.reason], ['cancelled', 'De afdeling is die dag dicht']);
    // She is told in words of her own: a shadow day, not one of her shifts; in the app and by mail (her default channel).
    const told = await t.db.select().from(notifications).where(and(eq(notifications.userId, fatima.me.id), eq(notifications.type, 'orientation.cancelled')));
    assert.deepEqual(told.map((n) => [n.title, n.channel]), [['Meeloopdag geannuleerd: Ziekenhuis Domstad', 'email']]);
    assert.match(told[0]!.body, /^Je meeloopdag bij Ziekenhuis Domstad, .+ op .+ is geannuleerd: De afdeling is die dag dicht\n/);
    assert.equal((await t.db.select().from(notifications).where(and(eq(notifications.userId, fatima.me.id), eq(notifications.type, 'shift.cancelled')))).length, 0);
    const mails = await t.db.select().from(emailOutbox).where(eq(emailOutbox.toEmail, 'fatima@example.org'));
    assert.deepEqual(mails.map((mail) => mail.subject), ['Meeloopdag geannuleerd: Ziekenhuis Domstad']);
    assert.match(mails[0]!.text, /is geannuleerd: De afdeling is die dag dicht/);

    const again = await s.mediator.post(cancelUrl, { reason: 'Nogmaals' });
    assert.equal(again.status, 409);
    assert.deepEqual(issuePaths(again), ['shiftId']);
    assert.equal((await step(s.mediator, { step: 'orientation', outcome: 'done' })).status, 409, 'no shadow day booked any more');

    const rebooked = await s.mediator.post(`${url()}/orientation`, { locationId: m.ward.id, packageId: pkg['basic-care'], start: at(m.monday, 1, '07:00').toISOString(), end: at(m.monday, 1, '15:00').toISOString() });
    assert.equal(rebooked.status, 201, 'the same day again: the cancelled assignment does not block it');
    const journey = (await fatima.get('/api/me/journey')).body as TJourney;
    assert.deepEqual(journey.orientations.map((o) => [o.status, o.cancelReason]), [
      ['cancelled', 'De afdeling is die dag dicht'],
      ['confirmed', null],
    ]);
    const done = await step(s.mediator, { step: 'orientation', outcome: 'done', notes: 'Ging goed' });
    assert.equal(done.status, 200);
    assert.equal((done.body as TJourney).stage, 'matching');
  });

  test('a shadow day that has begun is not cancelled: 409 on shiftId, and nothing changes', async () => {
    const booked = ((await s.mediator.get(url())).body as TJourney).orientations.find((o) => o.status === 'confirmed')!;
    const [shiftBefore] = await t.db.select().from(shifts).where(eq(shifts.id, booked.shiftId));
    // The API has no clock to move, so the day moves instead: it began an hour ago.
    const begun = { start: new Date(Date.now() - 3_600_000), end: new Date(Date.now() + 5 * 3_600_000) };
    await t.db.update(shifts).set(begun).where(eq(shifts.id, booked.shiftId));
    await t.db.update(assignments).set(begun).where(eq(assignments.id, booked.assignmentId));
    try {
      const toldBefore = (await t.db.select().from(notifications).where(eq(notifications.userId, fatima.me.id))).length;
      const mailsBefore = (await t.db.select().from(emailOutbox).where(eq(emailOutbox.toEmail, 'fatima@example.org'))).length;
      const res = await s.mediator.post(`${url()}/orientation/${booked.shiftId}/cancel`, { reason: 'Toch niet' });
      assert.equal(res.status, 409);
      assert.deepEqual(issuePaths(res), ['shiftId']);
      const [shift] = await t.db.select().from(shifts).where(eq(shifts.id, booked.shiftId));
      assert.deepEqual([shift!.status, shift!.cancelReason, shift!.cancelledAt], ['open', null, null]);
      const [assignment] = await t.db.select().from(assignments).where(eq(assignments.id, booked.assignmentId));
      assert.deepEqual([assignment!.status, assignment!.reason], ['confirmed', null]);
      assert.equal((await t.db.select().from(notifications).where(eq(notifications.userId, fatima.me.id))).length, toldBefore);
      assert.equal((await t.db.select().from(emailOutbox).where(eq(emailOutbox.toEmail, 'fatima@example.org'))).length, mailsBefore);
      const journey = (await s.mediator.get(url())).body as TJourney;
      assert.equal(journey.orientations.find((o) => o.shiftId === booked.shiftId)!.status, 'confirmed');
    } finally {
      await t.db.update(shifts).set({ start: shiftBefore!.start, end: shiftBefore!.end }).where(eq(shifts.id, booked.shiftId));
      await t.db.update(assignments).set({ start: shiftBefore!.start, end: shiftBefore!.end }).where(eq(assignments.id, booked.assignmentId));
    }
  });

  let offerId: string;
  let startsOn: string;
  test('offered and accepted: the planners and the mediator hear of it, the journey records the match and waits for the agreement', async () => {
    const request = (await s.planner.post('/api/requests', {
      locationId: m.ward.id,
      packageIds: [pkg['basic-care']],
      periodStart: m.monday.toJSDate().toISOString(),
      periodEnd: m.monday.plus({ months: 3 }).toJSDate().toISOString(),
    })).body as TMediationRequest;
    const offered = await s.mediator.post(`/api/requests/${request.id}/offers`, { workerIds: [registered.workerId], note: 'Herintreder' });
    assert.equal(offered.status, 201, JSON.stringify(offered.body));
    offerId = (offered.body as TOffer[])[0]!.id;
    const plannerNotes = await t.db.select().from(notifications).where(and(eq(notifications.userId, s.planner.me.id), eq(notifications.type, 'offer.made')));
    assert.equal(plannerNotes.length, 1);
    assert.match(plannerNotes[0]!.body, /Fatima El Amrani/);
    assert.equal((await s.planner.post(`/api/offers/${offerId}/shifts`, { shiftIds: [m.ward.id] })).status, 409);
    assert.equal((await s.planner.post(`/api/offers/${offerId}/accept`)).status, 200);
    const mediatorNotes = await t.db.select().from(notifications).where(and(eq(notifications.userId, s.mediator.me.id), eq(notifications.type, 'offer.answered')));
    assert.equal(mediatorNotes.length, 1);
    const journey = (await s.mediator.get(url())).body as TJourney;
    assert.equal(journey.stage, 'agreement');
    assert.equal(journey.organisationName, 'Ziekenhuis Domstad');
    assert.equal(journey.steps.find((x) => x.step === 'matching')!.details.offerId, offerId);
    // Now the hospital's planner sees the journey, without contact details.
    const asPlanner = (await s.planner.get(url())).body as TJourney;
    assert.equal(asPlanner.contact, null);
  });

  test('the mediator or planner picks open shifts: confirmed through the claim rules, all or nothing', async () => {
    const ok1 = await buildShift(t.db, { organisationId: m.hospital.id, locationId: m.ward.id, packageCode: 'basic-care', start: at(m.monday, 3, '07:00'), end: at(m.monday, 3, '15:00'), supervisionCapacity: 1 });
    const ok2 = await buildShift(t.db, { organisationId: m.hospital.id, locationId: m.ward.id, packageCode: 'basic-care', start: at(m.monday, 4, '07:00'), end: at(m.monday, 4, '15:00'), supervisionCapacity: 1 });
    const nursing = await buildShift(t.db, { organisationId: m.hospital.id, locationId: m.ward.id, packageCode: 'nursing', start: at(m.monday, 5, '07:00'), end: at(m.monday, 5, '15:00') });
    const noSupervision = await buildShift(t.db, { organisationId: m.hospital.id, locationId: m.ward.id, packageCode: 'basic-care', start: at(m.monday, 6, '07:00'), end: at(m.monday, 6, '15:00'), supervisionCapacity: 0 });
    const elsewhere = await buildShift(t.db, { organisationId: m.home.id, locationId: m.homeLocation.id, packageCode: 'basic-care', start: at(m.monday, 7, '07:00'), end: at(m.monday, 7, '15:00') });
    const refused = await s.mediator.post(`/api/offers/${offerId}/shifts`, { shiftIds: [ok1.id, nursing.id, noSupervision.id, elsewhere.id] });
    assert.equal(refused.status, 409, JSON.stringify(refused.body));
    assert.deepEqual([...new Set(issuePaths(refused))].sort(), ['shiftIds[1]', 'shiftIds[2]', 'shiftIds[3]']);
    const live = await t.db.select().from(assignments).where(and(eq(assignments.workerId, registered.workerId), eq(assignments.source, 'mediation'), eq(assignments.status, 'confirmed')));
    assert.equal(live.length, 1, 'only the (rebooked) shadow day: nothing of the refused batch was written');
    assert.equal((await s.otherPlanner.post(`/api/offers/${offerId}/shifts`, { shiftIds: [ok1.id] })).status, 404);
    assert.equal((await fatima.post(`/api/offers/${offerId}/shifts`, { shiftIds: [ok1.id] })).status, 404);
    const placed = await s.planner.post(`/api/offers/${offerId}/shifts`, { shiftIds: [ok1.id, ok2.id] });
    assert.equal(placed.status, 201, JSON.stringify(placed.body));
    assert.deepEqual((placed.body as TPlacementResult).placed.map((p) => p.shiftId), [ok1.id, ok2.id]);
    const rows = await t.db.select().from(assignments).where(and(eq(assignments.workerId, registered.workerId), eq(assignments.shiftId, ok1.id)));
    assert.deepEqual(rows.map((r) => [r.status, r.source, r.isNewcomer]), [['confirmed', 'mediation', true]]);
    const fatimaNotes = await t.db.select().from(notifications).where(and(eq(notifications.userId, registered.userId), eq(notifications.type, 'claim.confirmed')));
    assert.equal(fatimaNotes.length, 2);
  });

  test('the hospital marks her independent for basic care: her next basic-care shift no longer needs a supervision place', async () => {
    const url2 = `/api/workers/${registered.workerId}/package-independence`;
    // A two-place shift with one supervision place, which Fatima takes as a newcomer.
    const shared = await buildShift(t.db, { organisationId: m.hospital.id, locationId: m.ward.id, packageCode: 'basic-care', start: at(m.monday, 9, '07:00'), end: at(m.monday, 9, '15:00'), places: 2, supervisionCapacity: 1 });
    assert.equal((await s.planner.post(`/api/offers/${offerId}/shifts`, { shiftIds: [shared.id] })).status, 201);
    const noah = await m.nurse('noah@test.org', { kind: 'side_entrant', isNewcomer: true, packages: ['basic-care'], big: undefined, weeklyAvailability: [] });
    const context = await findOrganisationContext(t.db, m.hospital.id);
    const noahMay = async () => (await checkEligibility(t.db, { workerId: noah.id, shiftIds: [shared.id], rules: context.rules, timeZone: context.timeZone })).get(shared.id)!.map((v) => v.rule);
    assert.deepEqual(await noahMay(), ['supervision']);
    assert.equal((await s.otherPlanner.post(url2, { packageId: pkg['basic-care'] })).status, 404);
    assert.equal((await s.mediator.post(url2, { packageId: pkg['basic-care'] })).status, 403);
    assert.deepEqual(issuePaths(await s.planner.post(url2, { packageId: pkg.nursing })), ['packageId']);
    const marked = await s.planner.post(url2, { packageId: pkg['basic-care'] });
    assert.equal(marked.status, 201, JSON.stringify(marked.body));
    assert.deepEqual(((await fatima.get(url2)).body as { packageId: string }[]).map((i) => i.packageId), [pkg['basic-care']]);
    for (const session of [s.otherWorker, s.otherPlanner, s.foreign]) assert.equal((await session.get(url2)).status, 404);
    assert.equal((await s.planner.get(url2)).status, 200);
    // Fatima no longer takes the supervision place: Noah may join her.
    assert.deepEqual(await noahMay(), []);
    const noSupervision = await buildShift(t.db, { organisationId: m.hospital.id, locationId: m.ward.id, packageCode: 'basic-care', start: at(m.monday, 8, '07:00'), end: at(m.monday, 8, '15:00'), supervisionCapacity: 0 });
    const placed = await s.planner.post(`/api/offers/${offerId}/shifts`, { shiftIds: [noSupervision.id] });
    assert.equal(placed.status, 201, JSON.stringify(placed.body));
    const [row] = await t.db.select().from(assignments).where(and(eq(assignments.workerId, registered.workerId), eq(assignments.shiftId, noSupervision.id)));
    assert.equal(row!.isNewcomer, false);
    // The claim path asks the same rule check: she claims a basic-care shift without supervision places herself.
    const another = await buildShift(t.db, { organisationId: m.hospital.id, locationId: m.ward.id, packageCode: 'basic-care', start: at(m.monday, 10, '07:00'), end: at(m.monday, 10, '15:00'), supervisionCapacity: 0 });
    const claimed = await fatima.post(`/api/shifts/${another.id}/claims`);
    assert.equal(claimed.status, 201, JSON.stringify(claimed.body));
  });

  test('the agreement, her learning plan, the onboarding by the hospital', async () => {
    startsOn = DateTime.now().setZone('Europe/Amsterdam').minus({ days: 40 }).toISODate()!;
    assert.deepEqual(issuePaths(await step(s.mediator, { step: 'agreement', contractKind: 'employment', organisationId: null, startsOn })), ['organisationId']);
    assert.deepEqual(issuePaths(await step(s.mediator, { step: 'agreement', contractKind: 'salaried', organisationId: m.hospital.id, startsOn })), ['contractKind']);
    const agreed = await step(s.mediator, { step: 'agreement', contractKind: 'employment', organisationId: m.hospital.id, startsOn, hoursPerWeek: 16 });
    assert.equal(agreed.status, 200, JSON.stringify(agreed.body));
    const journey = agreed.body as TJourney;
    assert.equal(journey.checkIn1DueOn, DateTime.fromISO(startsOn).plus({ months: 1 }).toISODate());
    assert.equal(journey.checkIn3DueOn, DateTime.fromISO(startsOn).plus({ months: 3 }).toISODate());
    assert.equal((await t.db.select().from(workers).where(eq(workers.id, registered.workerId)))[0]!.status, 'active');

    // The hospital's planner finds her among the newcomers matched to it, without contact details, with the packages she may work in.
    assert.deepEqual(((await s.planner.get('/api/journeys')).body as TJourneySummary[]).map((j) => [j.name, j.stage]), [['Fatima El Amrani', 'onboarding']]);
    assert.deepEqual((await s.otherPlanner.get('/api/journeys')).body, []);
    const seenByPlanner = (await s.planner.get(url())).body as TJourney;
    assert.equal(seenByPlanner.contact, null);
    assert.deepEqual(seenByPlanner.packageIds, [pkg['basic-care']]);

    const onboarding = { step: 'onboarding', fixedContactName: 'Els de Vries', buddyName: 'Kees Bakker' };
    const tooEarly = await step(s.planner, onboarding);
    assert.equal(tooEarly.status, 409);
    assert.deepEqual(issuePaths(tooEarly), ['learningPlan']);
    assert.equal((await s.mediator.request('PUT', `${url()}/learning-plan`, { goals: ['Tillen'] })).status, 403);
    assert.deepEqual(issuePaths(await fatima.request('PUT', `${url()}/learning-plan`, { goals: [] })), ['goals']);
    const plan = await fatima.request('PUT', `${url()}/learning-plan`, { goals: ['Weer zelfstandig wassen en aankleden', 'Medicatie aanreiken'], supportWishes: 'Vaste buddy de eerste weken' });
    assert.equal(plan.status, 200, JSON.stringify(plan.body));
    assert.equal((await s.otherPlanner.post(`${url()}/steps`, onboarding)).status, 404);
    const onboarded = await step(s.planner, onboarding);
    assert.equal(onboarded.status, 200, JSON.stringify(onboarded.body));
    assert.equal((onboarded.body as TJourney).stage, 'check_in_1m');
  });

  test('check-ins: the 1-month one is due (and overdue) in the queue; the 3-month one may not be recorded early', async () => {
    const queues = (await s.mediator.get(`/api/regions/${m.region.id}/mediation-queues`)).body as TMediationQueues;
    const due = queues.checkInsDue.find((q) => q.journeyId === registered.journeyId)!;
    assert.equal(due.step, 'check_in_1m');
    const dueOn = DateTime.fromISO(startsOn).plus({ months: 1 });
    assert.equal(due.dueOn, dueOn.toISODate());
    // 40 days after the start is 9 to 12 days after the 1-month mark, depending on the month's length.
    const today = DateTime.fromISO(DateTime.now().setZone('Europe/Amsterdam').toISODate()!);
    assert.equal(due.daysPastDue, Math.round(today.diff(dueOn, 'days').days));
    assert.ok(due.daysPastDue >= 9 && due.daysPastDue <= 12);
    assert.equal(due.isOverdue, true);
    assert.equal((await step(s.planner, { step: 'check_in_1m', notes: 'Gaat goed', isStillActive: true })).status, 403);
    const done = await step(s.mediator, { step: 'check_in_1m', notes: 'Gaat goed', isStillActive: true });
    assert.equal(done.status, 200, JSON.stringify(done.body));
    const early = await step(s.mediator, { step: 'check_in_3m', notes: 'Gaat goed', isStillActive: true });
    assert.equal(early.status, 409);
    assert.deepEqual(issuePaths(early), ['step']);
    const after = (await s.mediator.get(`/api/regions/${m.region.id}/mediation-queues`)).body as TMediationQueues;
    assert.equal(after.checkInsDue.some((q) => q.journeyId === registered.journeyId), false);
  });

  test('new registrations wait for their welcome call in the queue, overdue after 24 hours', async () => {
    const res = await t.anonymous('POST', '/api/registrations', form({ email: 'noor@example.org', firstName: 'Noor', entryKind: 'student' }));
    assert.equal(res.status, 201);
    const { journeyId } = res.body as TRegistrationResult;
    await t.db.update(journeys).set({ createdAt: new Date(Date.now() - 25 * 3_600_000) }).where(eq(journeys.id, journeyId));
    const queues = (await s.mediator.get(`/api/regions/${m.region.id}/mediation-queues`)).body as TMediationQueues;
    const waiting = queues.awaitingWelcomeCall.find((q) => q.journeyId === journeyId)!;
    assert.equal(waiting.entryKind, 'student');
    assert.equal(waiting.isOverdue, true);
    assert.ok(waiting.ageHours >= 25);
    assert.ok(queues.overdueCount >= 1);
    assert.equal((await s.planner.get(`/api/regions/${m.region.id}/mediation-queues`)).status, 403);
    // Owner: only a mediator or coordinator of the region.
    assert.deepEqual(issuePaths(await s.mediator.request('PUT', `/api/journeys/${journeyId}/owner`, { ownerUserId: s.planner.me.id })), ['ownerUserId']);
    for (const session of [s.planner, s.foreign, s.otherWorker]) {
      assert.equal((await session.request('PUT', `/api/journeys/${journeyId}/owner`, { ownerUserId: s.mediator.me.id })).status, 404);
      assert.equal((await session.post(`/api/journeys/${journeyId}/close`, { reason: 'Geen zin meer' })).status, 404);
    }
    assert.deepEqual(issuePaths(await s.mediator.post(`/api/journeys/${journeyId}/close`, { reason: '' })), ['reason']);
    const owned = await s.mediator.request('PUT', `/api/journeys/${journeyId}/owner`, { ownerUserId: s.mediator.me.id });
    assert.equal((owned.body as TJourney).ownerName, 'Mira Mediator');
    const closed = await s.mediator.post(`/api/journeys/${journeyId}/close`, { reason: 'Koos toch voor een andere opleiding' });
    assert.equal((closed.body as TJourney).stage, 'closed');
    assert.equal((await s.mediator.post(`/api/journeys/${journeyId}/steps`, { step: 'welcome_call', notes: 'Gebeld' })).status, 409);
  });
});
