// The ranking computes its pass over a copy of the region's workers kept in process, brought up to
// date by reading only the workers the database logged as changed (`worker_changes`, drizzle/0011).
// These stories check the log itself, and that after every kind of write the copy brought up to date
// gives exactly the pass the SQL computes from scratch and the ranking a reference computes with
// every fact read on its own — and that a copy the log cannot bring up to date is loaded again.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { and, asc, eq, sql } from 'drizzle-orm';
import { loadShiftFacts } from '../assignments/eligibility.js';
import { buildLocation, buildOrganisation, buildRegion, buildShift, buildWorker, findPackageIdsByCode } from '../demo/builders.js';
import type { Db, DbOrTx } from '../db/open-database.js';
import { assignments, competences, regions, workerChanges, workerCompetences, workerPackages, workers } from '../db/schema.js';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.js';
import { rankCandidates, rankFromPool, shortListSizeFor, type RankingTarget } from './ranking.js';
import { loadPoolAndRead, PoolCache, poolCache } from './ranking/pool-cache.js';
import { EXAMPLES_PER_RULE, runRegionPass, scanPool } from './ranking/pool.js';
import { CHANGE_LOG_KEPT_VERSIONS, RegionCopies, regionCopies, type RegionCopy } from './ranking/region-copy.js';
import { passOverCopy } from './ranking/region-pass.js';
import { loadCandidateRows } from './ranking/score.js';

const DAY_MS = 86_400_000;
const KM_PER_DEGREE_LAT = (2 * Math.PI * 6371) / 360;
const degreesNorth = (km: number) => km / KM_PER_DEGREE_LAT;
const LIMIT = 20;
/** The lists as the cache keeps them (`pool-cache.ts`: 32 longer than asked). */
const CAPS = { examples: EXAMPLES_PER_RULE + 32, shortList: shortListSizeFor(LIMIT) + 32 };

let test_: TestDatabase;
let db: Db;
let basicCare: string;
let nursing: string;

before(async () => {
  test_ = await createTestDatabase();
  db = test_.database.db;
  [basicCare, nursing] = (await findPackageIdsByCode(db, ['basic-care', 'nursing'])) as [string, string];
});
after(() => test_.close());
beforeEach(() => {
  poolCache.clear();
  regionCopies.clear();
});

/** A small deterministic generator. */
function random(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1_664_525) + 1_013_904_223) >>> 0) / 2 ** 32);
}

const versionOf = async (regionId: string, on: DbOrTx = db) => (await on.select({ v: regions.workersVersion }).from(regions).where(eq(regions.id, regionId)))[0]!.v;
const logOf = async (regionId: string) =>
  (await db.select({ version: workerChanges.version, workerId: workerChanges.workerId }).from(workerChanges).where(eq(workerChanges.regionId, regionId)).orderBy(asc(workerChanges.version), asc(workerChanges.workerId)));

/**
 * 300 workers around a shift's location (two in three with the package, some with nursing too,
 * radius 5–39 km, reservists, competences self-declared or confirmed), two of them on the shift.
 */
async function setupRegion(name: string, seed: number) {
  const rand = random(seed);
  const region = await buildRegion(db, { name });
  const organisation = await buildOrganisation(db, { regionId: region.id, name: `Zorg ${name}`, sector: 'home_care' });
  const location = await buildLocation(db, { organisationId: organisation.id, postcode: '3584' });
  const start = new Date(Math.ceil((Date.now() + 14 * DAY_MS) / 3_600_000) * 3_600_000);
  const shift = await buildShift(db, { organisationId: organisation.id, locationId: location.id, packageCode: 'basic-care', places: 4, start, end: new Date(start.getTime() + 8 * 3_600_000) });
  const [facts] = await loadShiftFacts(db, [shift.id]);
  const at = { lat: facts!.lat, lon: facts!.lon };
  const kinds = ['own_staff', 'reservist', 'flex', 'side_entrant', 'student'] as const;
  const rows = Array.from({ length: 300 }, (_, i) => {
    const kind = kinds[Math.floor(rand() * kinds.length)]!;
    return {
      regionId: region.id,
      kind,
      firstName: 'Gen',
      lastName: `Worker ${String(i).padStart(3, '0')}`,
      email: `${name.replaceAll(' ', '-')}-${i}@example.org`,
      homePostcode: '3511',
      // Some share a home: equal keys, ordered by distance and then id.
      homeLat: i % 25 === 0 ? at.lat + 0.05 : at.lat + (rand() - 0.5) * 0.8,
      homeLon: i % 25 === 0 ? at.lon : at.lon + (rand() - 0.5) * 0.8,
      qualificationLevel: 3,
      maxTravelKm: 5 + Math.floor(rand() * 35),
      minDaysPerYear: kind === 'reservist' ? 12 : null,
    };
  });
  const ids = (await db.insert(workers).values(rows).returning({ id: workers.id })).map((r) => r.id);
  const holders = ids.filter(() => rand() < 0.67);
  await db.insert(workerPackages).values(holders.map((workerId) => ({ workerId, packageId: basicCare })));
  await db.insert(workerPackages).values(ids.filter(() => rand() < 0.3).map((workerId) => ({ workerId, packageId: nursing })));
  const catalogue = await db.select({ id: competences.id, key: competences.key }).from(competences).where(eq(competences.regionId, region.id));
  const named = (key: string) => catalogue.find((c) => c.key === key)!;
  const [tube, wounds, dementia] = [named('sondevoeding'), named('wondzorg'), named('dementiezorg')];
  await db.insert(workerCompetences).values(
    [tube, wounds, dementia].flatMap((c) => ids.filter(() => rand() < 0.5).map((workerId) => ({ workerId, competenceId: c.id, source: rand() < 0.5 ? ('confirmed' as const) : ('self_declared' as const) }))),
  );
  const target: RankingTarget = { kind: 'shift', facts: facts!, packageIds: [facts!.packageId], regionId: region.id, rules: region.rules, timeZone: region.timeZone };
  const request: RankingTarget = { ...target, kind: 'request', packageIds: [basicCare, nursing], competences: { required: [tube], wished: [wounds, dementia] } };
  const best = (await scanPool(db, target, 200)).shortList;
  await db.insert(assignments).values(best.slice(2, 4).map((workerId) => ({ shiftId: shift.id, workerId, status: 'confirmed' as const, start: shift.start, end: shift.end })));
  return { region, target, request, ids, at, competences: { tube, wounds, dementia } };
}

/** The ranking with every fact read on its own: the pass from scratch in SQL, the score facts, the exact check's own reads. */
async function reference(target: RankingTarget, now: Date, on: DbOrTx = db) {
  const pool = await scanPool(on, target, shortListSizeFor(LIMIT));
  const listed = [...pool.shortList, ...pool.examples.package, ...pool.examples.travel, ...pool.examples.competence];
  const rows = new Map((await loadCandidateRows(on, target, listed, now)).map((r) => [r.id, r]));
  return rankFromPool(on, target, LIMIT, pool, rows);
}

/** The copy's workers as plain entries, by id. */
const entriesOf = (copy: RegionCopy) => [...copy.workers.values()].sort((a, b) => (a.id < b.id ? -1 : 1));

/**
 * Ranks every target (through the process's copy) and checks: the copy is at the region's version,
 * holds exactly what loading it afresh gives, its pass equals the SQL pass over the region at that
 * version, and each ranking equals the reference. `loaded`: whether the copy had to be loaded again.
 */
async function rankAndCompare(what: string, regionId: string, targets: RankingTarget[], expect: { loaded: boolean }, on: DbOrTx = db) {
  const now = new Date();
  const loads = regionCopies.stats.loads;
  for (const target of targets) {
    assert.deepEqual(await rankCandidates(on, target, { limit: LIMIT, now }), await reference(target, now, on), `${what}: ${target.kind} ranking`);
  }
  assert.equal(regionCopies.stats.loads - loads, expect.loaded ? 1 : 0, `${what}: the copy was ${expect.loaded ? '' : 'not '}loaded again`);
  const copy = regionCopies.get(regionId)!;
  assert.equal(copy.version, await versionOf(regionId, on), `${what}: the copy is at the region's version`);
  assert.deepEqual(entriesOf(copy), entriesOf(await new RegionCopies().load(on, regionId)), `${what}: the copy equals one loaded afresh`);
  for (const target of targets) {
    assert.deepEqual(passOverCopy(copy, target, CAPS), await runRegionPass(on, target, null, CAPS), `${what}: ${target.kind} pass in JavaScript and in SQL`);
  }
}

describe('worker_changes', () => {
  test('each statement logs the workers it changed under the version it gave their region', async () => {
    const region = await buildRegion(db, { name: 'Regio Logboek' });
    const other = await buildRegion(db, { name: 'Regio Elders' });
    const a = await buildWorker(db, { regionId: region.id });
    const b = await buildWorker(db, { regionId: region.id, packages: ['basic-care'] });
    const lastEntries = async (regionId: string) => {
      const log = await logOf(regionId);
      const version = await versionOf(regionId);
      return { version, workers: log.filter((e) => e.version === version).map((e) => e.workerId) };
    };
    const sorted = (ids: string[]) => [...ids].sort();

    await db.update(workers).set({ maxTravelKm: 12 }).where(eq(workers.regionId, region.id));
    assert.deepEqual((await lastEntries(region.id)).workers, sorted([a.id, b.id]), 'one update of two workers: both, once');
    await db.insert(workerPackages).values({ workerId: a.id, packageId: basicCare });
    assert.deepEqual((await lastEntries(region.id)).workers, [a.id], 'a package given');
    await db.delete(workerPackages).where(and(eq(workerPackages.workerId, b.id), eq(workerPackages.packageId, basicCare)));
    assert.deepEqual((await lastEntries(region.id)).workers, [b.id], 'a package taken');

    await db.update(workers).set({ regionId: other.id }).where(eq(workers.id, a.id));
    const moved = await lastEntries(region.id);
    assert.deepEqual(moved.workers, [a.id], 'moving away: logged in the region left');
    assert.deepEqual((await lastEntries(other.id)).workers, [a.id], 'and in the region joined');

    await db.delete(workers).where(eq(workers.id, b.id));
    assert.deepEqual((await lastEntries(region.id)).workers, [b.id], 'a deleted worker (and their packages, by cascade)');

    const before = await logOf(region.id);
    await assert.rejects(
      db.transaction(async (tx) => {
        await tx.insert(workers).values({ ...workerRow(region.id), email: 'rolled-back@example.org' });
        throw new Error('roll back');
      }),
      /roll back/,
    );
    assert.deepEqual(await logOf(region.id), before, 'a rolled-back write leaves no entry');
  });

  test(`entries more than ${CHANGE_LOG_KEPT_VERSIONS} versions older than the region's new version are pruned by the next write`, async () => {
    const region = await buildRegion(db, { name: 'Regio Snoei' });
    const worker = await buildWorker(db, { regionId: region.id });
    await db.update(workers).set({ maxTravelKm: 11 }).where(eq(workers.id, worker.id));
    const kept = await logOf(region.id);
    assert.ok(kept.length >= 2);
    await db.execute(sql`select setval('workers_version_seq', (select last_value from workers_version_seq) + ${CHANGE_LOG_KEPT_VERSIONS - 10})`);
    await db.update(workers).set({ maxTravelKm: 12 }).where(eq(workers.id, worker.id));
    assert.equal((await logOf(region.id)).length, kept.length + 1, 'within the distance kept: nothing pruned');
    await db.execute(sql`select setval('workers_version_seq', (select last_value from workers_version_seq) + 20)`);
    await db.update(workers).set({ maxTravelKm: 13 }).where(eq(workers.id, worker.id));
    const version = await versionOf(region.id);
    assert.deepEqual(
      (await logOf(region.id)).map((e) => e.version),
      [...kept.map((e) => e.version), version - 21, version].filter((v) => v >= version - CHANGE_LOG_KEPT_VERSIONS),
      'beyond it: pruned',
    );
  });
});

/** A worker row for a direct insert. */
function workerRow(regionId: string, at = { lat: 52.09, lon: 5.12 }) {
  return { regionId, kind: 'flex' as const, firstName: 'Nieuw', lastName: 'Iemand', email: `new-${Math.random()}@example.org`, homePostcode: '3511', homeLat: at.lat, homeLon: at.lon, qualificationLevel: 3, maxTravelKm: 25 };
}

describe('the copy of the region brought up to date from the log', () => {
  test('after every kind of write, the copy gives what a pass from scratch gives, read incrementally', async () => {
    const { region, target, request, ids, at, competences: c } = await setupRegion('Regio Kopie', 5);
    const targets = [target, request];
    await rankAndCompare('first ranking', region.id, targets, { loaded: true });
    await rankAndCompare('region unchanged', region.id, targets, { loaded: false });
    const ranked = await rankCandidates(db, target, { limit: LIMIT });
    const top = ranked.candidates[0]!.workerId;
    const lacking = ranked.ruledOut.find((g) => g.rule === 'package')!.examples[0]!.workerId;
    const far = ranked.ruledOut.find((g) => g.rule === 'travel')!.examples[0]!.workerId;

    await db.insert(workerPackages).values({ workerId: lacking, packageId: basicCare });
    await db.update(workers).set({ homeLat: at.lat, homeLon: at.lon, maxTravelKm: 30 }).where(eq(workers.id, lacking));
    await rankAndCompare('a package given (and the home moved next to the shift)', region.id, targets, { loaded: false });
    assert.ok((await rankCandidates(db, target, { limit: LIMIT })).candidates.some((x) => x.workerId === lacking), 'now a candidate');

    await db.delete(workerPackages).where(and(eq(workerPackages.workerId, top), eq(workerPackages.packageId, basicCare)));
    await rankAndCompare('a package taken', region.id, targets, { loaded: false });

    await db.update(workers).set({ homeLat: at.lat + degreesNorth(60) }).where(eq(workers.id, ranked.candidates[1]!.workerId));
    await rankAndCompare('a home moved away', region.id, targets, { loaded: false });

    await db.update(workers).set({ maxTravelKm: 80 }).where(eq(workers.id, far));
    await rankAndCompare('a radius changed', region.id, targets, { loaded: false });

    await db.update(workers).set({ minDaysPerYear: 20 }).where(eq(workers.id, ranked.candidates[5]!.workerId));
    await rankAndCompare('minimum days changed', region.id, targets, { loaded: false });

    await db.insert(workerCompetences).values({ workerId: ranked.candidates[2]!.workerId, competenceId: c.dementia.id, source: 'confirmed' }).onConflictDoNothing();
    await db.delete(workerCompetences).where(eq(workerCompetences.competenceId, c.tube.id));
    await db.insert(workerCompetences).values(ids.slice(0, 150).map((workerId) => ({ workerId, competenceId: c.tube.id, source: 'self_declared' as const })));
    await rankAndCompare('competences given and taken', region.id, targets, { loaded: false });

    const added = await buildWorker(db, { regionId: region.id, homeLat: at.lat, homeLon: at.lon, maxTravelKm: 20, packages: ['basic-care'] });
    await rankAndCompare('a worker added', region.id, targets, { loaded: false });

    await db.delete(workers).where(eq(workers.id, added.id));
    await db.delete(workers).where(eq(workers.id, ranked.candidates[3]!.workerId));
    await rankAndCompare('workers deleted', region.id, targets, { loaded: false });

    await db.insert(workers).values(Array.from({ length: 40 }, (_, i) => ({ ...workerRow(region.id, { lat: at.lat + degreesNorth(i), lon: at.lon }), maxTravelKm: 5 + i })));
    await rankAndCompare('forty added in one statement', region.id, targets, { loaded: false });
    assert.ok(regionCopies.stats.changedWorkersRead > 0);
  });

  test('a worker moving region leaves one copy and joins the other', async () => {
    const from = await setupRegion('Regio Van', 9);
    const to = await setupRegion('Regio Naar', 10);
    await rankAndCompare('first ranking (from)', from.region.id, [from.target], { loaded: true });
    await rankAndCompare('first ranking (to)', to.region.id, [to.target], { loaded: true });
    const mover = (await rankCandidates(db, from.target, { limit: LIMIT })).candidates[0]!.workerId;
    await db.update(workers).set({ regionId: to.region.id, homeLat: to.at.lat, homeLon: to.at.lon }).where(eq(workers.id, mover));
    await rankAndCompare('moved away', from.region.id, [from.target], { loaded: false });
    await rankAndCompare('moved in', to.region.id, [to.target], { loaded: false });
    assert.ok(!regionCopies.get(from.region.id)!.workers.has(mover) && regionCopies.get(to.region.id)!.workers.has(mover));
  });

  test('a copy brought up to date inside a transaction that rolled back is loaded again', async () => {
    const { region, target, ids } = await setupRegion('Regio Terug', 13);
    await rankAndCompare('first ranking', region.id, [target], { loaded: true });
    // A write that rolls back, without a ranking inside it: the version does not change.
    await assert.rejects(
      db.transaction(async (tx) => {
        await tx.update(workers).set({ maxTravelKm: 1 }).where(eq(workers.id, ids[0]!));
        throw new Error('roll back');
      }),
      /roll back/,
    );
    await rankAndCompare('after a rolled-back write', region.id, [target], { loaded: false });

    // A ranking inside the transaction brings the copy to the transaction's version, which is never committed.
    for (const thenCommitted of [false, true]) {
      await assert.rejects(
        db.transaction(async (tx) => {
          await tx.delete(workerPackages).where(inRegion(region.id));
          await rankAndCompare('inside the transaction', region.id, [target], { loaded: false }, tx);
          assert.equal(regionCopies.get(region.id)!.workers.size, (await tx.select({ id: workers.id }).from(workers).where(eq(workers.regionId, region.id))).length);
          throw new Error('roll back');
        }),
        /roll back/,
      );
      // Then (second round) a committed write moves the region past the rolled-back version.
      if (thenCommitted) await db.update(workers).set({ maxTravelKm: 33 }).where(eq(workers.id, ids[1]!));
      else {
        const now = new Date();
        assert.deepEqual(await rankCandidates(db, target, { limit: LIMIT, now }), await reference(target, now), 'the pass kept for the committed version');
      }
      // Without the passes kept, the ranking needs the copy: it cannot come back from the rolled-back version through the log.
      poolCache.clear();
      await rankAndCompare(`after the rollback${thenCommitted ? ' and a committed write' : ''}`, region.id, [target], { loaded: true });
    }
  });

  test('a copy older than the log keeps is loaded again', async () => {
    const { region, target, ids } = await setupRegion('Regio Vloer', 17);
    await rankAndCompare('first ranking', region.id, [target], { loaded: true });
    await db.update(workers).set({ maxTravelKm: 7 }).where(eq(workers.id, ids[0]!));
    await rankAndCompare('within the log', region.id, [target], { loaded: false });
    await db.execute(sql`select setval('workers_version_seq', (select last_value from workers_version_seq) + ${CHANGE_LOG_KEPT_VERSIONS})`);
    await db.update(workers).set({ maxTravelKm: 8 }).where(eq(workers.id, ids[0]!));
    await rankAndCompare('past the floor', region.id, [target], { loaded: true });
  });

  test('two processes (two copies and caches) each follow the writes', async () => {
    const { target, ids } = await setupRegion('Regio Twee', 21);
    const other = { cache: new PoolCache(), copies: new RegionCopies() };
    const passOf = async (cache: PoolCache, copies: RegionCopies) =>
      (await loadPoolAndRead(db, target, shortListSizeFor(LIMIT), new Date(), [], cache, copies)).pool;
    for (const [i, id] of ids.slice(0, 4).entries()) {
      await db.update(workers).set({ maxTravelKm: 2 + i * 20 }).where(eq(workers.id, id));
      const expected = await scanPool(db, target, shortListSizeFor(LIMIT));
      assert.deepEqual(await passOf(poolCache, regionCopies), expected, `write ${i}: this process`);
      assert.deepEqual(await passOf(other.cache, other.copies), expected, `write ${i}: the other process`);
    }
    assert.equal(other.copies.stats.loads, 1);
    assert.equal(regionCopies.stats.loads, 1);
  });
});

/** The package rows of a region's workers. */
const inRegion = (regionId: string) => sql`${workerPackages.workerId} in (select id from workers where region_id = ${regionId}::uuid)`;

describe('a truncate', () => {
  test('logs "reload" for every region: the next ranking loads the copy again', async () => {
    const { region, request } = await setupRegion('Regio Leeg', 25);
    await rankAndCompare('first ranking', region.id, [request], { loaded: true });
    await db.execute(sql`truncate worker_competences`);
    await rankAndCompare('after the truncate', region.id, [request], { loaded: true });
    assert.equal(
      [...regionCopies.get(region.id)!.workers.values()].filter((w) => w.competences.length > 0).length,
      0,
      'no competences left in the copy',
    );
  });
});
