// Ranked candidates for a shift: the region's workers who could take it, ordered by a score whose
// parts are named, and the others grouped by the rule that rules them out.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { buildLocation, buildOrganisation, buildRegion, buildShift, buildUser, buildWorker } from '../demo/builders.js';
import { assignments } from '../db/schema.js';
import { loadShiftFacts } from '../assignments/eligibility.js';
import { at, setupMarketplace } from '../assignments/marketplace.fixtures.js';
import { startTestApp, type TestApp } from '../testing/test-app.js';
import { makeBigNumber } from '../../shared/big-number.js';
import type { TCandidateList } from '../../shared/mediation.schemas.js';
import { rankCandidates, type RankingTarget } from './ranking.js';
import { checkWorkers, groupingRuleOf } from './ranking/exact-check.js';
import { scanPool } from './ranking/pool.js';

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

/** A small deterministic generator, so a failing region can be rebuilt. */
function random(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1_664_525) + 1_013_904_223) >>> 0) / 2 ** 32);
}
/** Degrees of latitude for a distance along a meridian: the haversine of such a move is exactly the distance. */
const degreesNorth = (km: number) => km / ((6371.0 * Math.PI) / 180);

describe('the quick filter in SQL and the engine agree', () => {
  let region: Awaited<ReturnType<typeof buildRegion>>;
  let target: RankingTarget;
  let onShift: string;
  const margin: Record<string, string> = {};

  before(async () => {
    region = await buildRegion(t.db, { name: 'Regio Gegenereerd' });
    const organisation = await buildOrganisation(t.db, { regionId: region.id, name: 'Ziekenhuis Gegenereerd', sector: 'hospital' });
    const location = await buildLocation(t.db, { organisationId: organisation.id, postcode: '3584' });
    const shift = await buildShift(t.db, { organisationId: organisation.id, locationId: location.id, packageCode: 'nursing', start: at(m.monday, 1, '22:00'), end: at(m.monday, 2, '07:00'), places: 2 });
    const [facts] = await loadShiftFacts(t.db, [shift.id]);
    target = { kind: 'shift', facts: facts!, packageIds: [facts!.packageId], regionId: region.id, rules: region.rules, timeZone: region.timeZone };
    const rand = random(7);
    const digits = (i: number) => String(10_000_000 + i).split('').map(Number).concat([0]).slice(0, 9);
    // Forty workers around the location: some without the package, some beyond their radius, some
    // without a valid registration, on holiday, or with windows that miss the night.
    for (let i = 0; i < 40; i++) {
      const holdsNursing = rand() < 0.65;
      const registration = rand();
      await buildWorker(t.db, {
        regionId: region.id,
        firstName: 'Gen',
        lastName: `Worker ${i}`,
        homeLat: facts!.lat + (rand() - 0.5) * 0.7,
        homeLon: facts!.lon + (rand() - 0.5) * 0.7,
        maxTravelKm: 5 + Math.floor(rand() * 30),
        packages: holdsNursing ? ['nursing'] : ['basic-care'],
        ...(registration < 0.8 ? { big: { number: makeBigNumber(digits(i)), expiresOn: registration < 0.7 ? '2035-12-31' : '2020-01-01' } } : {}),
        availabilityExceptions: rand() < 0.15 ? [{ isAvailable: false, start: at(m.monday, 1, '00:00'), end: at(m.monday, 3, '00:00') }] : [],
        weeklyAvailability: rand() < 0.2 ? [{ weekday: 1 + Math.floor(rand() * 7), startMinute: 8 * 60, endMinute: 16 * 60 }] : [],
      });
    }
    // Three nurses due north at their radius − 0.1 km, + 0.2 km (SQL leaves them to the engine) and + 0.8 km.
    for (const [name, km] of [['inside', 19.9], ['band', 20.2], ['beyond', 20.8]] as const) {
      margin[name] = (
        await buildWorker(t.db, {
          regionId: region.id,
          firstName: 'Edge',
          lastName: name,
          homeLat: facts!.lat + degreesNorth(km),
          homeLon: facts!.lon,
          maxTravelKm: 20,
          packages: ['nursing'],
          big: { number: makeBigNumber([9, 8, 7, 6, 5, 4, 3, 2, 1]), expiresOn: '2035-12-31' },
        })
      ).id;
    }
    const taken = await buildWorker(t.db, { regionId: region.id, homeLat: facts!.lat, homeLon: facts!.lon, packages: ['nursing'] });
    onShift = taken.id;
    await t.db.insert(assignments).values({ shiftId: shift.id, workerId: taken.id, status: 'confirmed', start: shift.start, end: shift.end });
    await buildWorker(t.db, { regionId: m.region.id, homeLat: facts!.lat, homeLon: facts!.lon, packages: ['basic-care'] }); // another region
  });

  test('every worker of the region is counted under the rule the engine gives first, or ranked if the engine lets them', async () => {
    const list = await rankCandidates(t.db, target, { limit: 200 });
    const regionWorkers = await t.db.query.workers.findMany({ where: (w, { eq }) => eq(w.regionId, region.id), columns: { id: true } });
    const everyone = regionWorkers.map((w) => w.id).filter((id) => id !== onShift);
    const verdicts = await checkWorkers(t.db, target, everyone);
    const expected = new Map<string, number>();
    const eligible = new Set<string>();
    for (const id of everyone) {
      const first = groupingRuleOf(verdicts.get(id)!);
      if (first) expected.set(first.rule, (expected.get(first.rule) ?? 0) + 1);
      else eligible.add(id);
    }
    assert.deepEqual(new Map(list.ruledOut.map((g) => [g.rule, g.count])), expected);
    assert.deepEqual(new Set(list.candidates.map((c) => c.workerId)), eligible);
    // Package and travel were counted in SQL; everyone else was checked by the engine.
    const countedInSql = list.ruledOut.filter((g) => g.rule === 'package').reduce((n, g) => n + g.count, 0);
    assert.ok(countedInSql > 5 && (expected.get('travel') ?? 0) > 5, JSON.stringify([...expected]));
    assert.ok(list.checkedCount < everyone.length - countedInSql, 'some travel verdicts came from SQL');
    assert.ok(eligible.has(margin.inside!));
    for (const g of list.ruledOut) for (const e of g.examples) assert.equal(e.violation!.rule, g.rule);
  });

  test('a nurse 0.2 km beyond her radius is left to the engine, one 0.8 km beyond is ruled out in SQL, both under travel', async () => {
    const pool = await scanPool(t.db, target, 200);
    assert.ok(pool.shortList.includes(margin.inside!) && pool.shortList.includes(margin.band!));
    assert.ok(!pool.shortList.includes(margin.beyond!));
    const verdicts = await checkWorkers(t.db, target, [margin.inside!, margin.band!, margin.beyond!]);
    assert.equal(groupingRuleOf(verdicts.get(margin.inside!)!), undefined);
    for (const name of ['band', 'beyond']) assert.equal(groupingRuleOf(verdicts.get(margin[name]!)!)?.rule, 'travel', name);
    // The travel group adds both: SQL's count and the engine's verdicts on the short list.
    const shortListed = await checkWorkers(t.db, target, pool.shortList);
    const travelByEngine = pool.shortList.filter((id) => groupingRuleOf(shortListed.get(id)!)?.rule === 'travel').length;
    assert.ok(travelByEngine >= 1);
    const list = await rankCandidates(t.db, target, { limit: 200 });
    assert.equal(list.ruledOut.find((g) => g.rule === 'travel')!.count, pool.counts.travel + travelByEngine);
  });

  test('with one place asked, the best-scored worker the engine lets through comes back', async () => {
    const all = await rankCandidates(t.db, target, { limit: 200 });
    const one = await rankCandidates(t.db, target, { limit: 1 });
    assert.equal(one.candidates.length, 1);
    assert.deepEqual(one.candidates, all.candidates.slice(0, 1));
  });
});

describe('when the best-scored workers are all ruled out', () => {
  test('the next batch is checked until the page is full', async () => {
    const region = await buildRegion(t.db, { name: 'Regio Vakantie' });
    const organisation = await buildOrganisation(t.db, { regionId: region.id, name: 'Thuiszorg Vakantie', sector: 'home_care' });
    const location = await buildLocation(t.db, { organisationId: organisation.id, postcode: '3584' });
    const shift = await buildShift(t.db, { organisationId: organisation.id, locationId: location.id, packageCode: 'basic-care', start: at(m.monday, 3, '07:00'), end: at(m.monday, 3, '15:00') });
    const [facts] = await loadShiftFacts(t.db, [shift.id]);
    const holiday = [{ isAvailable: false, start: at(m.monday, 3, '00:00'), end: at(m.monday, 4, '00:00') }];
    // Twenty-two nurses within 2 km are on holiday; one 12 km away is free.
    for (let i = 0; i < 22; i++) {
      await buildWorker(t.db, { regionId: region.id, homeLat: facts!.lat + degreesNorth(0.1 * i), homeLon: facts!.lon, maxTravelKm: 25, packages: ['basic-care'], availabilityExceptions: holiday });
    }
    const free = await buildWorker(t.db, { regionId: region.id, homeLat: facts!.lat + degreesNorth(12), homeLon: facts!.lon, maxTravelKm: 25, packages: ['basic-care'] });
    const target: RankingTarget = { kind: 'shift', facts: facts!, packageIds: [facts!.packageId], regionId: region.id, rules: region.rules, timeZone: region.timeZone };
    const list = await rankCandidates(t.db, target, { limit: 1 });
    assert.deepEqual(list.candidates.map((c) => c.workerId), [free.id]);
    assert.equal(list.checkedCount, 23);
    assert.deepEqual(list.ruledOut.map((g) => [g.rule, g.count]), [['unavailable', 22]]);
  });
});
