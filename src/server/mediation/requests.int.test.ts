// Requests and offers: the hospital asks for a person for three months; a mediator ranks the region,
// offers two candidates; the hospital declines one (with the next step) and accepts the other.
// The service-level queues age with a fixed clock.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { eq } from 'drizzle-orm';
import type { Actor } from '../auth/actor.js';
import { buildRegion, buildUser } from '../demo/builders.js';
import { requests } from '../db/schema.js';
import { setupMarketplace } from '../assignments/marketplace.fixtures.js';
import { startTestApp, type Session, type TestApp } from '../testing/test-app.js';
import type { TCandidateList, TMediationRequest, TOffer } from '../../shared/mediation.schemas.js';
import { createOffers, mediationQueues } from './mediation.service.js';

let t: TestApp;
let m: Awaited<ReturnType<typeof setupMarketplace>>;
let foreignRegionId: string;
let s: Record<'planner' | 'otherPlanner' | 'mediator' | 'foreign' | 'worker', Session>;
let pkg: Record<string, string>;
const ids: Record<string, string> = {};
let requestId: string;
let offerIds: Record<string, string> = {};

const requestBody = () => ({
  locationId: m.ward.id,
  packageIds: [pkg['basic-care'], pkg.nursing],
  periodStart: m.monday.toJSDate().toISOString(),
  periodEnd: m.monday.plus({ months: 3 }).toJSDate().toISOString(),
  shiftsPerWeek: 2,
  supervisionCapacity: 1,
  description: 'Twee avonddiensten per week, drie maanden',
});

before(async () => {
  t = await startTestApp();
  m = await setupMarketplace(t);
  ids.ann = (await m.nurse('ann@test.org', { firstName: 'Ann', lastName: 'Nurse' })).id;
  ids.carl = (await m.nurse('carl@test.org', { firstName: 'Carl', lastName: 'Basic', packages: ['basic-care'], big: undefined })).id;
  ids.dave = (await m.nurse('dave@test.org', { firstName: 'Dave', lastName: 'Far', homePostcode: '1011' })).id;
  await buildUser(t.db, { email: 'mediator@utrecht.test', roles: [{ role: 'mediator', regionId: m.region.id }] });
  const foreign = await buildRegion(t.db, { name: 'Regio Elders' });
  foreignRegionId = foreign.id;
  await buildUser(t.db, { email: 'coordinator@elders.test', roles: [{ role: 'coordinator', regionId: foreign.id }] });
  s = {
    planner: await t.login('planner@domstad.test'),
    otherPlanner: await t.login('planner@linde.test'),
    mediator: await t.login('mediator@utrecht.test'),
    foreign: await t.login('coordinator@elders.test'),
    worker: await t.login('ann@test.org'),
  };
  pkg = Object.fromEntries(((await s.planner.get('/api/packages')).body as { id: string; code: string }[]).map((p) => [p.code, p.id]));
});
after(() => t.close());

describe('requests', () => {
  test('the hospital’s planner posts a request; only planners of the organisation may', async () => {
    const res = await s.planner.post('/api/requests', requestBody());
    assert.equal(res.status, 201, JSON.stringify(res.body));
    const request = res.body as TMediationRequest;
    requestId = request.id;
    assert.equal(request.organisationId, m.hospital.id);
    assert.equal(request.status, 'open');
    assert.equal(request.firstOfferAt, null);
    assert.equal((await s.otherPlanner.post('/api/requests', requestBody())).status, 403);
    assert.equal((await s.mediator.post('/api/requests', requestBody())).status, 403);
    const backwards = await s.planner.post('/api/requests', { ...requestBody(), periodEnd: requestBody().periodStart });
    assert.equal(backwards.status, 400);
  });

  test('the organisation and the region’s mediator list it; another organisation and a foreign region do not see it', async () => {
    const ids = async (session: Session) => ((await session.get('/api/requests')).body as TMediationRequest[]).map((r) => r.id);
    assert.deepEqual(await ids(s.planner), [requestId]);
    assert.deepEqual(await ids(s.mediator), [requestId]);
    assert.deepEqual(await ids(s.otherPlanner), []);
    assert.deepEqual(await ids(s.foreign), []);
    assert.deepEqual(await ids(s.worker), []);
    assert.equal((await s.foreign.get(`/api/requests/${requestId}`)).status, 404);
  });

  test('candidates for a request: package fit counts the packages held; the far one is ruled out by travel', async () => {
    const res = await s.mediator.get(`/api/requests/${requestId}/candidates`);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    const list = res.body as TCandidateList;
    assert.deepEqual(list.candidates.map((c) => c.name), ['Ann Nurse', 'Carl Basic']);
    const fit = (i: number) => list.candidates[i]!.parts.find((p) => p.part === 'packageFit')!;
    assert.equal(fit(0).value, 1);
    assert.equal(fit(1).value, 0.5);
    assert.ok(list.ruledOut.find((g) => g.rule === 'travel')!.examples.some((e) => e.workerId === ids.dave));
    assert.equal((await s.otherPlanner.get(`/api/requests/${requestId}/candidates`)).status, 404);
    assert.equal((await s.worker.get(`/api/requests/${requestId}/candidates`)).status, 404);
  });
});

describe('offers', () => {
  test('the mediator offers two candidates with a note; a planner may not offer; the same person twice is refused', async () => {
    assert.equal((await s.planner.post(`/api/requests/${requestId}/offers`, { workerIds: [ids.ann], note: 'x' })).status, 403);
    assert.equal((await s.foreign.post(`/api/requests/${requestId}/offers`, { workerIds: [ids.ann], note: 'x' })).status, 404);
    const res = await s.mediator.post(`/api/requests/${requestId}/offers`, { workerIds: [ids.ann, ids.carl], note: 'Beiden ervaren in de avonddienst' });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    const offers = res.body as TOffer[];
    offerIds = Object.fromEntries(offers.map((o) => [o.workerName.split(' ')[0]!.toLowerCase(), o.id]));
    assert.deepEqual(offers.map((o) => o.status), ['offered', 'offered']);
    assert.equal((await s.mediator.post(`/api/requests/${requestId}/offers`, { workerIds: [ids.ann] })).status, 409);
    const request = (await s.planner.get(`/api/requests/${requestId}`)).body as TMediationRequest & { offers: TOffer[] };
    assert.ok(request.firstOfferAt);
    assert.equal(request.offers.length, 2);
  });

  test('declining needs a reason and a next step; only the organisation’s planner answers', async () => {
    const url = `/api/offers/${offerIds.carl}/decline`;
    assert.equal((await s.planner.post(url, { reason: 'Needs the nursing package' })).status, 400);
    assert.equal((await s.otherPlanner.post(url, { reason: 'nope', nextStep: 'training' })).status, 404);
    assert.equal((await s.mediator.post(url, { reason: 'nope', nextStep: 'training' })).status, 403);
    assert.equal((await s.worker.post(url, { reason: 'nope', nextStep: 'training' })).status, 404);
    const res = await s.planner.post(url, { reason: 'Needs the nursing package', nextStep: 'training' });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    const offer = res.body as TOffer;
    assert.equal(offer.status, 'declined');
    assert.equal(offer.nextStep, 'training');
    assert.equal(offer.declineReason, 'Needs the nursing package');
    assert.equal((await s.planner.post(url, { reason: 'again', nextStep: 'other_package' })).status, 409);
  });

  test('accepting fills the request', async () => {
    const res = await s.planner.post(`/api/offers/${offerIds.ann}/accept`);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal((res.body as TOffer).status, 'accepted');
    const request = (await s.planner.get(`/api/requests/${requestId}`)).body as TMediationRequest;
    assert.equal(request.status, 'filled');
    assert.equal((await s.mediator.post(`/api/requests/${requestId}/offers`, { workerIds: [ids.dave] })).status, 409);
  });
});

describe('service-level queues', () => {
  const mediatorActor = (): Actor => ({
    userId: s.mediator.me.id,
    email: 'mediator@utrecht.test',
    name: 'Mediator',
    locale: 'nl',
    roles: [{ role: 'mediator', regionId: m.region.id, organisationId: null }],
    workerId: null,
    workerRegionId: null,
    regionIds: [m.region.id],
    csrfToken: '',
  });

  test('a request waits for its first offer 24 h and an offer for its answer 48 h; then they are overdue', async () => {
    const posted = (await s.planner.post('/api/requests', requestBody())).body as TMediationRequest;
    const created = new Date('2030-01-07T08:00:00Z'); // Monday 09:00 local
    await t.db.update(requests).set({ createdAt: created }).where(eq(requests.id, posted.id));
    const at = (hours: number) => new Date(created.getTime() + hours * 3_600_000);

    let queues = await mediationQueues(t.db, mediatorActor(), m.region.id, at(23));
    assert.deepEqual(queues.awaitingFirstOffer.map((q) => [q.requestId, q.ageHours, q.isOverdue]), [[posted.id, 23, false]]);
    queues = await mediationQueues(t.db, mediatorActor(), m.region.id, at(25));
    assert.deepEqual(queues.awaitingFirstOffer.map((q) => q.isOverdue), [true]);
    assert.equal(queues.overdueCount, 1);

    await createOffers(t.db, mediatorActor(), posted.id, { workerIds: [ids.carl!], note: '' }, at(25));
    queues = await mediationQueues(t.db, mediatorActor(), m.region.id, at(25 + 47));
    assert.deepEqual(queues.awaitingFirstOffer, []);
    assert.deepEqual(queues.awaitingAnswer.map((q) => [q.workerName, q.ageHours, q.isOverdue]), [['Carl Basic', 47, false]]);
    queues = await mediationQueues(t.db, mediatorActor(), m.region.id, at(25 + 49));
    assert.deepEqual(queues.awaitingAnswer.map((q) => q.isOverdue), [true]);
  });

  test('the queues are for the region’s mediators and coordinators only', async () => {
    const url = `/api/regions/${m.region.id}/mediation-queues`;
    assert.equal((await s.mediator.get(url)).status, 200);
    for (const session of [s.planner, s.worker, s.foreign]) assert.equal((await session.get(url)).status, 403);
    assert.equal((await s.mediator.get(`/api/regions/${foreignRegionId}/mediation-queues`)).status, 403);
  });
});
