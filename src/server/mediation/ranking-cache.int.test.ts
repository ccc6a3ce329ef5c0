// The ranking keeps its pass over a region's workers in process under `regions.workers_version`,
// which the database itself changes whenever a worker or a worker's package of the region is
// written. These stories check that the version moves on every such write (and only then), that a
// ranking from the cache equals one from scratch, and that the next ranking after a change shows it.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { and, eq, sql } from 'drizzle-orm';
import { loadShiftFacts } from '../assignments/eligibility.js';
import { buildLocation, buildOrganisation, buildRegion, buildShift, buildWorker, findPackageIdsByCode } from '../demo/builders.js';
import type { Db } from '../db/open-database.js';
import { assignments, regions, workerPackages, workers } from '../db/schema.js';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.js';
import { rankCandidates, shortListSizeFor, type RankingTarget } from './ranking.js';
import { loadPool, poolCache } from './ranking/pool-cache.js';
import { scanPool } from './ranking/pool.js';

const KM_PER_DEGREE_LAT = (2 * Math.PI * 6371) / 360;
const degreesNorth = (km: number) => km / KM_PER_DEGREE_LAT;

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
beforeEach(() => poolCache.clear());

const versionOf = async (regionId: string) => (await db.select({ v: regions.workersVersion }).from(regions).where(eq(regions.id, regionId)))[0]!.v;
/** The last value the sequence handed out (0 before the first). */
const sequenceValue = async () =>
  Number(((await db.execute(sql`select case when is_called then last_value else last_value - 1 end as v from workers_version_seq`)) as { rows: { v: string | number }[] }).rows[0]!.v);

/** Rows for one multi-row insert: `count` workers of a region at `km` north of a point. */
const workerRows = (regionId: string, count: number, at: { lat: number; lon: number }, km = 1) =>
  Array.from({ length: count }, (_, i) => ({
    regionId,
    kind: 'flex' as const,
    firstName: 'Bulk',
    lastName: `Worker ${i}`,
    email: `bulk-${regionId.slice(0, 8)}-${i}-${km}@example.org`,
    homePostcode: '3511',
    homeLat: at.lat + degreesNorth(km),
    homeLon: at.lon,
    qualificationLevel: 3,
    maxTravelKm: 25,
  }));

describe('regions.workers_version', () => {
  test('every statement writing workers or their packages gives the region a new version, once per statement', async () => {
    const region = await buildRegion(db, { name: 'Regio Versie' });
    const other = await buildRegion(db, { name: 'Regio Andere' });
    assert.equal(await versionOf(region.id), 0);
    const seen = new Set<number>([0]);
    /** Runs a write and asserts the region got a version never seen before, from one sequence step. */
    const bumps = async (what: string, write: () => Promise<unknown>, regionsWritten = 1) => {
      const before = await sequenceValue();
      await write();
      const version = await versionOf(region.id);
      assert.ok(!seen.has(version), `${what}: version ${version} again`);
      seen.add(version);
      assert.equal(await sequenceValue(), before + regionsWritten, `${what}: one step of the sequence per region for the whole statement`);
    };
    const unchanged = async (what: string, write: () => Promise<unknown>) => {
      const before = await versionOf(region.id);
      await write();
      assert.equal(await versionOf(region.id), before, what);
    };

    let ids: string[] = [];
    await bumps('insert of 50 workers in one statement', async () => {
      ids = (await db.insert(workers).values(workerRows(region.id, 50, { lat: 52.09, lon: 5.12 })).returning({ id: workers.id })).map((r) => r.id);
    });
    await bumps('insert of their packages', () => db.insert(workerPackages).values(ids.map((workerId) => ({ workerId, packageId: basicCare }))));
    await bumps('update of a radius', () => db.update(workers).set({ maxTravelKm: 5 }).where(eq(workers.id, ids[0]!)));
    await bumps('update of a home', () => db.update(workers).set({ homeLat: 52.5 }).where(eq(workers.id, ids[1]!)));
    await bumps('update of a package row', () =>
      db.update(workerPackages).set({ packageId: nursing }).where(and(eq(workerPackages.workerId, ids[2]!), eq(workerPackages.packageId, basicCare))),
    );
    await bumps('delete of a package row', () => db.delete(workerPackages).where(eq(workerPackages.workerId, ids[3]!)));
    await bumps('delete of a worker (and by cascade their packages)', () => db.delete(workers).where(eq(workers.id, ids[4]!)));
    await unchanged('an update matching no row', () => db.update(workers).set({ maxTravelKm: 7 }).where(eq(workers.id, '00000000-0000-4000-8000-000000000000')));
    await unchanged('a write in another region', () => db.insert(workers).values(workerRows(other.id, 3, { lat: 52.09, lon: 5.12 })));

    const otherBefore = await versionOf(other.id);
    await bumps('a worker moving to another region', () => db.update(workers).set({ regionId: other.id }).where(eq(workers.id, ids[5]!)), 2);
    assert.notEqual(await versionOf(other.id), otherBefore, 'the region moved to changes too');

    // A version written by a transaction that rolls back is never handed out again.
    let rolledBack = 0;
    await assert.rejects(
      db.transaction(async (tx) => {
        await tx.update(workers).set({ maxTravelKm: 9 }).where(eq(workers.id, ids[6]!));
        rolledBack = (await tx.select({ v: regions.workersVersion }).from(regions).where(eq(regions.id, region.id)))[0]!.v;
        throw new Error('roll back');
      }),
      /roll back/,
    );
    assert.ok(!seen.has(rolledBack));
    seen.add(rolledBack);
    await bumps('a write after the rollback', () => db.update(workers).set({ maxTravelKm: 9 }).where(eq(workers.id, ids[6]!)));
  });
});

/** A region of workers around one location: holders near and far, some without the package. */
async function setupRegion(name: string) {
  const region = await buildRegion(db, { name });
  const organisation = await buildOrganisation(db, { regionId: region.id, name: `Thuiszorg ${name}`, sector: 'home_care' });
  const location = await buildLocation(db, { organisationId: organisation.id, postcode: '3584' });
  const start = new Date(Date.now() + 14 * 86_400_000);
  const shift = await buildShift(db, { organisationId: organisation.id, locationId: location.id, packageCode: 'basic-care', places: 6, start, end: new Date(start.getTime() + 8 * 3_600_000) });
  const [facts] = await loadShiftFacts(db, [shift.id]);
  const at = { lat: facts!.lat, lon: facts!.lon };
  const rows = [...workerRows(region.id, 12, at, 2), ...workerRows(region.id, 8, at, 15), ...workerRows(region.id, 6, at, 40)].map((r, i) => ({
    ...r,
    email: `${name.replaceAll(' ', '-')}-${i}@example.org`,
    kind: i % 5 === 0 ? ('reservist' as const) : ('flex' as const),
    minDaysPerYear: i % 5 === 0 ? 10 : null,
    maxTravelKm: 10 + (i % 4) * 5,
  }));
  const ids = (await db.insert(workers).values(rows).returning({ id: workers.id })).map((r) => r.id);
  // Every third worker lacks the package.
  await db.insert(workerPackages).values(ids.filter((_, i) => i % 3 !== 0).map((workerId) => ({ workerId, packageId: basicCare })));
  const target: RankingTarget = { kind: 'shift', facts: facts!, packageIds: [facts!.packageId], regionId: region.id, rules: region.rules, timeZone: region.timeZone };
  return { region, shift, target, ids, at };
}

const onShift = (shift: { id: string; start: Date; end: Date }, workerIds: string[]) =>
  db.insert(assignments).values(workerIds.map((workerId) => ({ shiftId: shift.id, workerId, status: 'confirmed' as const, start: shift.start, end: shift.end })));

describe('the cached region pass', () => {
  test('gives exactly what a pass from scratch gives, also with workers on the shift (near, far, without the package)', async () => {
    const { shift, target, ids } = await setupRegion('Regio Gelijk');
    // Worker 1 holds the package 2 km away, 20 holds it 40 km away (radius 10), 0 lacks it.
    await onShift(shift, [ids[1]!, ids[20]!, ids[0]!]);
    const request: RankingTarget = { ...target, kind: 'request' };
    for (const limit of [1, 50]) {
      for (const t of [target, request]) {
        const fromScratch = await scanPool(db, t, shortListSizeFor(limit));
        assert.deepEqual(await loadPool(db, t, shortListSizeFor(limit)), fromScratch, `${t.kind} ${limit}: first (cache filled)`);
        assert.deepEqual(await loadPool(db, t, shortListSizeFor(limit)), fromScratch, `${t.kind} ${limit}: from the cache`);
      }
    }
    assert.deepEqual(poolCache.stats, { hits: 6, misses: 2, uncached: 0 });
    const shiftPool = await scanPool(db, target, 200);
    for (const id of [ids[1]!, ids[20]!, ids[0]!]) {
      assert.ok(!shiftPool.shortList.includes(id) && !shiftPool.examples.package.includes(id) && !shiftPool.examples.travel.includes(id), `${id} on the shift`);
    }

    const warm = await rankCandidates(db, target, { limit: 20 });
    const hits = poolCache.stats.hits;
    assert.deepEqual(await rankCandidates(db, target, { limit: 20 }), warm);
    assert.equal(poolCache.stats.hits, hits + 1);
    poolCache.clear();
    assert.deepEqual(await rankCandidates(db, target, { limit: 20 }), warm, 'after clearing the cache');
    assert.ok(warm.candidates.length > 3 && warm.ruledOut.some((g) => g.rule === 'package') && warm.ruledOut.some((g) => g.rule === 'travel'), JSON.stringify(warm));
  });

  test('with more workers on the shift than the cached lists spare, the pass runs from scratch', async () => {
    const { region, shift, target, ids, at } = await setupRegion('Regio Vol');
    // Forty more without the package, and all of them but two of the region's other workers without
    // it, on the shift: the cached examples of "lacks the package" (35 by id) run out.
    const extra = (await db.insert(workers).values(workerRows(region.id, 40, at, 3).map((r, i) => ({ ...r, email: `vol-extra-${i}@example.org` }))).returning({ id: workers.id })).map((r) => r.id);
    await onShift(shift, [...extra, ...ids.filter((_, i) => i % 3 === 0).slice(2)]);
    const fromScratch = await scanPool(db, target, 200);
    assert.equal(fromScratch.examples.package.length, 2);
    assert.equal(fromScratch.counts.package, 2);
    await loadPool(db, target, 200);
    const uncached = poolCache.stats.uncached;
    assert.deepEqual(await loadPool(db, target, 200), fromScratch);
    assert.equal(poolCache.stats.uncached, uncached + 1);
  });

  test('the next ranking after a change to a worker shows it', async () => {
    const { region, target, ids, at } = await setupRegion('Regio Wijziging');
    const rank = () => rankCandidates(db, target, { limit: 50 });
    const count = (list: Awaited<ReturnType<typeof rank>>, rule: string) => list.ruledOut.find((g) => g.rule === rule)?.count ?? 0;
    const listed = (list: Awaited<ReturnType<typeof rank>>, id: string) => list.candidates.some((c) => c.workerId === id);
    /** The ranking after a change equals one from scratch, and the cache was asked (and missed). */
    const rankAfterChange = async () => {
      const misses = poolCache.stats.misses;
      const list = await rank();
      assert.equal(poolCache.stats.misses, misses + 1, 'the version changed, so the cached pass was not used');
      const cached = await rank();
      poolCache.clear();
      assert.deepEqual(await rank(), cached);
      return list;
    };

    await rank();
    let list = await rank(); // from the cache
    const lacking = ids[3]!; // 2 km away, without the package
    assert.ok(!listed(list, lacking));
    const packageBefore = count(list, 'package');

    await db.insert(workerPackages).values({ workerId: lacking, packageId: basicCare });
    list = await rankAfterChange();
    assert.ok(listed(list, lacking), 'given the package');
    assert.equal(count(list, 'package'), packageBefore - 1);

    await db.update(workers).set({ homeLat: at.lat + degreesNorth(80) }).where(eq(workers.id, lacking));
    list = await rankAfterChange();
    assert.ok(!listed(list, lacking), 'moved 80 km away');
    const travelAfterMove = count(list, 'travel');

    await db.update(workers).set({ homeLat: at.lat + degreesNorth(2), maxTravelKm: 1 }).where(eq(workers.id, lacking));
    list = await rankAfterChange();
    assert.ok(!listed(list, lacking), 'radius 1 km, 2 km away');
    assert.equal(count(list, 'travel'), travelAfterMove);

    await db.update(workers).set({ maxTravelKm: 30 }).where(eq(workers.id, lacking));
    list = await rankAfterChange();
    assert.ok(listed(list, lacking), 'radius 30 km');
    assert.equal(count(list, 'travel'), travelAfterMove - 1);

    const newcomer = await buildWorker(db, { regionId: region.id, homeLat: at.lat, homeLon: at.lon, packages: ['basic-care'] });
    list = await rankAfterChange();
    assert.ok(listed(list, newcomer.id), 'a worker added');

    const packageBeforeRemoval = count(list, 'package');
    await db.delete(workerPackages).where(eq(workerPackages.workerId, newcomer.id));
    list = await rankAfterChange();
    assert.ok(!listed(list, newcomer.id), 'package taken away');
    assert.equal(count(list, 'package'), packageBeforeRemoval + 1);
  });
});
