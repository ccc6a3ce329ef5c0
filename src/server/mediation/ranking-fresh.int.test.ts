// The ranking's warm path reads everything that must be fresh in one statement with the version:
// the score facts of the workers the cached pass lists and the exact check's assignments (workers'
// shifts around the target, the people on it). These stories compare it, on a generated region with
// held shifts, people on the shift, availability, preferences and past work, with a straightforward
// reference: the pass from scratch, the score facts and the exact check each read on their own.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { loadShiftFacts } from '../assignments/eligibility.js';
import { buildLocation, buildOrganisation, buildRegion, buildShift, findPackageIdsByCode } from '../demo/builders.js';
import type { Db } from '../db/open-database.js';
import { assignments, workerAvailabilityExceptions, workerPackages, workerPreferredOrganisations, workers, workerWeeklyAvailability } from '../db/schema.js';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.js';
import { rankCandidates, rankFromPool, shortListSizeFor, type RankingTarget } from './ranking.js';
import { poolCache } from './ranking/pool-cache.js';
import { scanPool } from './ranking/pool.js';
import { loadCandidateRows } from './ranking/score.js';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

let test_: TestDatabase;
let db: Db;

before(async () => {
  test_ = await createTestDatabase();
  db = test_.database.db;
});
after(() => test_.close());
beforeEach(() => poolCache.clear());

/** A small deterministic generator. */
function random(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1_664_525) + 1_013_904_223) >>> 0) / 2 ** 32);
}

/** The ranking with every fact read on its own: the pass from scratch, the score facts, the exact check's own reads. */
async function reference(target: RankingTarget, limit: number, now: Date) {
  const pool = await scanPool(db, target, shortListSizeFor(limit));
  const listed = [...pool.shortList, ...pool.examples.package, ...pool.examples.travel, ...pool.examples.competence];
  const rows = new Map((await loadCandidateRows(db, target, listed, now)).map((r) => [r.id, r]));
  return rankFromPool(db, target, limit, pool, rows);
}

/**
 * 120 workers around a location (three in four with the package, radius 10–39 km), some with weekly
 * windows that miss the shift, holidays over it, preferences for this or another organisation,
 * reservists with days this year, shifts overlapping the target or too close to it for rest, past
 * shifts at the organisation, and two of the nearest already on the shift.
 */
async function setupRegion(name: string, seed: number) {
  const rand = random(seed);
  const [basicCare] = (await findPackageIdsByCode(db, ['basic-care'])) as [string];
  const region = await buildRegion(db, { name });
  const organisation = await buildOrganisation(db, { regionId: region.id, name: `Zorg ${name}`, sector: 'home_care' });
  const other = await buildOrganisation(db, { regionId: region.id, name: `Ander ${name}`, sector: 'hospital' });
  const location = await buildLocation(db, { organisationId: organisation.id, postcode: '3584' });
  const otherLocation = await buildLocation(db, { organisationId: other.id, postcode: '3511' });
  const start = new Date(Math.ceil((Date.now() + 14 * DAY_MS) / HOUR_MS) * HOUR_MS);
  const shift = await buildShift(db, { organisationId: organisation.id, locationId: location.id, packageCode: 'basic-care', places: 4, start, end: new Date(start.getTime() + 8 * HOUR_MS) });
  const [facts] = await loadShiftFacts(db, [shift.id]);
  const kinds = ['own_staff', 'reservist', 'flex', 'side_entrant', 'student'] as const;
  const rows = Array.from({ length: 120 }, (_, i) => {
    const kind = kinds[Math.floor(rand() * kinds.length)]!;
    return {
      regionId: region.id,
      kind,
      firstName: 'Gen',
      lastName: `Worker ${String(i).padStart(3, '0')}`,
      email: `${name.replaceAll(' ', '-')}-${i}@example.org`,
      homePostcode: '3511',
      homeLat: facts!.lat + (rand() - 0.5) * 0.5,
      homeLon: facts!.lon + (rand() - 0.5) * 0.5,
      qualificationLevel: 3,
      maxTravelKm: 10 + Math.floor(rand() * 30),
      minDaysPerYear: kind === 'reservist' ? 12 : null,
    };
  });
  const ids = (await db.insert(workers).values(rows).returning({ id: workers.id })).map((r) => r.id);
  const holders = ids.filter(() => rand() < 0.75);
  await db.insert(workerPackages).values(holders.map((workerId) => ({ workerId, packageId: basicCare })));

  const pick = (share: number) => ids.filter(() => rand() < share);
  // Weekly windows: every day in the daytime (covers the shift or not, by its hours), or weekends only.
  await db.insert(workerWeeklyAvailability).values(
    pick(0.3).flatMap((workerId, i) =>
      (i % 2 ? [6, 7] : [1, 2, 3, 4, 5, 6, 7]).map((weekday) => ({ workerId, weekday, startMinute: 6 * 60, endMinute: 22 * 60 })),
    ),
  );
  await db.insert(workerAvailabilityExceptions).values(
    pick(0.15).map((workerId, i) => ({
      workerId,
      isAvailable: i % 2 === 0,
      start: new Date(start.getTime() - DAY_MS),
      end: new Date(start.getTime() + DAY_MS),
      reason: '',
    })),
  );
  await db.insert(workerPreferredOrganisations).values(pick(0.3).map((workerId, i) => ({ workerId, organisationId: i % 2 ? organisation.id : other.id })));

  // Shifts around the target: one overlapping it, one ending 4 hours before it (rest), one this month
  // a week later (hours), and past shifts at the organisation (continuity, reservist days).
  const around = async (organisationId: string, locationId: string, from: Date, hours: number, places: number) =>
    buildShift(db, { organisationId, locationId, packageCode: 'basic-care', places, start: from, end: new Date(from.getTime() + hours * HOUR_MS) });
  const overlapping = await around(other.id, otherLocation.id, new Date(start.getTime() + 2 * HOUR_MS), 8, 40);
  const before = await around(other.id, otherLocation.id, new Date(start.getTime() - 12 * HOUR_MS), 8, 40);
  const later = await around(organisation.id, location.id, new Date(start.getTime() + 7 * DAY_MS), 8, 40);
  const past = await Promise.all([30, 60, 90].map((days) => around(organisation.id, location.id, new Date(Date.now() - days * DAY_MS), 8, 60)));
  const shuffled = [...holders].sort(() => rand() - 0.5);
  const assign = (s: { id: string; start: Date; end: Date }, workerIds: string[], status: 'confirmed' | 'pending' = 'confirmed') =>
    workerIds.length ? db.insert(assignments).values(workerIds.map((workerId) => ({ shiftId: s.id, workerId, status, start: s.start, end: s.end }))) : undefined;
  await assign(overlapping, shuffled.slice(0, 30));
  await assign(before, shuffled.slice(30, 45));
  await assign(later, shuffled.slice(45, 60), 'pending');
  for (const [i, s] of past.entries()) await assign(s, shuffled.filter((_, j) => j % (i + 2) === 0).slice(0, 40));
  const target: RankingTarget = { kind: 'shift', facts: facts!, packageIds: [facts!.packageId], regionId: region.id, rules: region.rules, timeZone: region.timeZone };
  return { shift, target, overlapping, assign, busy: new Set(shuffled.slice(0, 30)) };
}

describe('the warm path reads the fresh facts with the version', () => {
  test('cold, warm and after an assignment changes, rankings equal the reference on a generated region', async () => {
    const { shift, target, overlapping, assign, busy } = await setupRegion('Regio Vers', 7);
    const now = new Date();
    // Two of the best-placed workers are on the shift: the cached lists leave them out per request.
    const best = (await scanPool(db, target, 200)).shortList.filter((id) => !busy.has(id));
    await assign(shift, best.slice(1, 3));

    for (const limit of [3, 20]) {
      poolCache.clear();
      const expected = await reference(target, limit, now);
      const cold = await rankCandidates(db, target, { limit, now });
      assert.deepEqual(cold, expected, `limit ${limit}: first ranking (cache empty)`);
      const hits = poolCache.stats.hits;
      assert.deepEqual(await rankCandidates(db, target, { limit, now }), expected, `limit ${limit}: from the cache`);
      assert.equal(poolCache.stats.hits, hits + 1);
      const rules = new Set(expected.ruledOut.map((g) => g.rule));
      for (const rule of ['package', 'travel', 'overlap', 'rest'] as const) assert.ok(rules.has(rule), `limit ${limit}: someone ruled out by ${rule}: ${JSON.stringify(expected.ruledOut)}`);
      assert.ok(expected.candidates.length === limit, `limit ${limit}: a full page`);
    }
    // The first batch of 20 leaves fewer than 20 who may take it: a second batch is checked.
    const twenty = await rankCandidates(db, target, { limit: 20, now });
    assert.ok(twenty.checkedCount > 40, `checked ${twenty.checkedCount}`);

    // Assignments do not change the region's version: the cached pass holds, the facts are read fresh.
    const top = twenty.candidates[0]!.workerId;
    await assign(overlapping, [top]);
    const hits = poolCache.stats.hits;
    const after = await rankCandidates(db, target, { limit: 20, now });
    assert.equal(poolCache.stats.hits, hits + 1, 'served from the cached pass');
    assert.ok(!after.candidates.some((c) => c.workerId === top), 'the worker now on an overlapping shift is ruled out');
    assert.deepEqual(after, await reference(target, 20, now));

    // A request: only the rules about the person, no assignments read.
    const request: RankingTarget = { ...target, kind: 'request' };
    const first = await rankCandidates(db, request, { limit: 20, now });
    assert.deepEqual(first, await reference(request, 20, now));
    assert.deepEqual(await rankCandidates(db, request, { limit: 20, now }), first);
  });

  test('a worker on the shift in the cached lists: the facts of the next one listed are read too', async () => {
    const { shift, target, assign, busy } = await setupRegion('Regio Aanvulling', 11);
    const now = new Date();
    const first = await rankCandidates(db, target, { limit: 20, now });
    assert.deepEqual(first, await reference(target, 20, now));
    // Put the best-placed holder and a worker without the package (an example) on the shift: both
    // leave the cached lists, and the lists move up by one each (not read with the version).
    const pool = await scanPool(db, target, 200);
    const lacking = pool.examples.package.find((id) => !busy.has(id))!;
    await assign(shift, [pool.shortList.find((id) => !busy.has(id))!, lacking]);
    const hits = poolCache.stats.hits;
    const next = await rankCandidates(db, target, { limit: 20, now });
    assert.equal(poolCache.stats.hits, hits + 1);
    assert.deepEqual(next, await reference(target, 20, now));
    assert.ok(!next.ruledOut.some((g) => g.examples.some((e) => e.workerId === lacking)));
  });
});
