// Ranked candidates for a shift: the region's workers who could take it, ordered by a score whose
// parts are named, and the others grouped by the rule that rules them out.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { buildRegion, buildShift, buildUser } from '../demo/builders.js';
import { assignments } from '../db/schema.js';
import { at, setupMarketplace } from '../assignments/marketplace.fixtures.js';
import { startTestApp, type TestApp } from '../testing/test-app.js';
import type { TCandidateList } from '../../shared/mediation.schemas.js';

let t: TestApp;
let m: Awaited<ReturnType<typeof setupMarketplace>>;
let shiftId: string;
const ids: Record<string, string> = {};

before(async () => {
  t = await startTestApp();
  m = await setupMarketplace(t);
  // Everyone lives in 3511 (Utrecht centre), a few km from the ward in 3584.
  ids.ann = (await m.nurse('ann@test.org', { firstName: 'Ann', lastName: 'Loyal', preferredOrganisationIds: [m.hospital.id] })).id;
  ids.bob = (await m.nurse('bob@test.org', { firstName: 'Bob', lastName: 'Plain' })).id;
  ids.rita = (await m.nurse('rita@test.org', { firstName: 'Rita', lastName: 'Reserve', kind: 'reservist', minDaysPerYear: 10 })).id;
  ids.carl = (await m.nurse('carl@test.org', { firstName: 'Carl', lastName: 'Basic', packages: ['basic-care'] })).id;
  ids.dave = (await m.nurse('dave@test.org', { firstName: 'Dave', lastName: 'Far', homePostcode: '1011' })).id;
  const shift = await m.nightShift(); // Tuesday 22:00 – Wednesday 07:00 local, two weeks ahead
  shiftId = shift.id;
  ids.eve = (
    await m.nurse('eve@test.org', {
      firstName: 'Eve',
      lastName: 'Away',
      availabilityExceptions: [{ isAvailable: false, start: at(m.monday, 1, '00:00'), end: at(m.monday, 3, '00:00'), reason: 'holiday' }],
    })
  ).id;
  // Ann did three shifts at the hospital about two months ago: continuity.
  for (let i = 0; i < 3; i++) {
    const start = new Date(Date.now() - (60 + i) * 86_400_000);
    const past = await buildShift(t.db, { organisationId: m.hospital.id, locationId: m.ward.id, packageCode: 'nursing', start, end: new Date(start.getTime() + 8 * 3_600_000) });
    await t.db.insert(assignments).values({ shiftId: past.id, workerId: ids.ann, status: 'confirmed', start: past.start, end: past.end });
  }
  await buildUser(t.db, { email: 'mediator@utrecht.test', roles: [{ role: 'mediator', regionId: m.region.id }] });
  const foreign = await buildRegion(t.db, { name: 'Regio Elders' });
  await buildUser(t.db, { email: 'coordinator@elders.test', roles: [{ role: 'coordinator', regionId: foreign.id }] });
});
after(() => t.close());

describe('ranked candidates for a shift', () => {
  test('the planner sees the eligible nurses ordered by the named parts of their score', async () => {
    const planner = await t.login('planner@domstad.test');
    const res = await planner.get(`/api/shifts/${shiftId}/candidates?limit=10`);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    const list = res.body as TCandidateList;
    // Ann prefers the hospital and worked there; Rita is a reservist short of her minimum days; Bob has neither.
    assert.deepEqual(list.candidates.map((c) => c.name), ['Ann Loyal', 'Rita Reserve', 'Bob Plain']);
    const [ann, rita, bob] = list.candidates;
    const part = (c: typeof ann, name: string) => c!.parts.find((p) => p.part === name)!;
    assert.equal(part(ann, 'preference').value, 1);
    assert.equal(part(bob, 'preference').value, 0.5);
    assert.equal(part(ann, 'continuity').params.shifts, 3);
    assert.equal(part(rita, 'reservistProgress').value, 1);
    assert.equal(part(bob, 'reservistProgress').value, 0);
    for (const c of list.candidates) {
      assert.equal(part(c, 'packageFit').value, 1);
      assert.ok(c.distanceKm > 0 && c.distanceKm < 25);
      assert.equal(c.score, Math.round(c.parts.reduce((s, p) => s + p.points, 0) * 100) / 100);
      assert.ok(c.parts.every((p) => p.message.length > 0));
    }
    assert.ok(ann!.score > rita!.score && rita!.score > bob!.score);
  });

  test('a worker missing the package, one too far and one on holiday appear under why not, not in the list', async () => {
    const planner = await t.login('planner@domstad.test');
    const list = (await planner.get(`/api/shifts/${shiftId}/candidates`)).body as TCandidateList;
    const listed = new Set(list.candidates.map((c) => c.workerId));
    for (const who of ['carl', 'dave', 'eve']) assert.ok(!listed.has(ids[who]!), who);
    const group = (rule: string) => list.ruledOut.find((g) => g.rule === rule);
    assert.ok(group('package')!.examples.some((e) => e.workerId === ids.carl));
    const far = group('travel')!.examples.find((e) => e.workerId === ids.dave)!;
    assert.ok(Number(far.violation!.params.distanceKm) > 25);
    assert.equal(far.violation!.params.maxTravelKm, 25);
    const holiday = group('unavailable')!;
    assert.equal(holiday.count, 1);
    assert.equal(holiday.examples[0]!.workerId, ids.eve);
  });

  test('personal data is limited to name, kind, distance and the score', async () => {
    const mediator = await t.login('mediator@utrecht.test');
    const res = await mediator.get(`/api/shifts/${shiftId}/candidates?limit=1`);
    assert.equal(res.status, 200);
    const list = res.body as TCandidateList;
    assert.equal(list.candidates.length, 1);
    assert.deepEqual(Object.keys(list.candidates[0]!).sort(), ['distanceKm', 'kind', 'name', 'parts', 'score', 'workerId']);
    assert.ok(!JSON.stringify(res.body).includes('3511'));
  });

  test('only the organisation’s planners, the region’s mediators and coordinators, and admins may look', async () => {
    for (const email of ['planner@linde.test', 'bob@test.org', 'coordinator@elders.test']) {
      const session = await t.login(email);
      const res = await session.get(`/api/shifts/${shiftId}/candidates`);
      assert.equal(res.status, 403, email);
    }
  });
});
