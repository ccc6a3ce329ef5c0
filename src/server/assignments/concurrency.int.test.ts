// Many workers claiming the last places at the same moment never over-fill a shift, and one worker
// claiming two overlapping shifts at the same moment never gets both: the row locks and the
// exclusion constraint hold on PostgreSQL (a connection pool, truly concurrent) and on PGlite.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { and, eq, inArray } from 'drizzle-orm';
import type { Actor } from '../auth/actor.js';
import { buildLocation, buildOrganisation, buildRegion, buildShift, buildWorker } from '../demo/builders.js';
import { assignments } from '../db/schema.js';
import { AppError } from '../errors/app-error.js';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.js';
import { claimShift } from './assignments.service.js';
import { findInvariantViolations } from './invariants.js';
import { at, baseMonday } from './marketplace.fixtures.js';

const isPostgres = Boolean(process.env.DATABASE_URL);
const CLIENTS = isPostgres ? 200 : 60;

let test_db: TestDatabase;
let world: { organisationId: string; locationId: string; regionId: string };

before(async () => {
  test_db = await createTestDatabase({ poolSize: 40 });
  const db = test_db.database.db;
  const region = await buildRegion(db);
  const organisation = await buildOrganisation(db, { regionId: region.id });
  const location = await buildLocation(db, { organisationId: organisation.id });
  world = { organisationId: organisation.id, locationId: location.id, regionId: region.id };
});
after(() => test_db.close());

const actorFor = (workerId: string, regionId: string): Actor => ({
  userId: workerId,
  email: `${workerId}@example.org`,
  name: 'Werker',
  locale: 'nl',
  roles: [{ role: 'worker', organisationId: null, regionId }],
  workerId,
  workerRegionId: regionId,
  regionIds: [regionId],
  csrfToken: '',
});

async function buildPool(n: number) {
  const db = test_db.database.db;
  const workers = [];
  for (let i = 0; i < n; i++) workers.push(await buildWorker(db, { regionId: world.regionId, packages: ['basic-care'] }));
  return workers;
}

/** Runs all claims at once and sorts the outcomes. */
async function claimAll(claims: { workerId: string; shiftId: string }[]) {
  const results = await Promise.allSettled(claims.map((c) => claimShift(test_db.database.db, actorFor(c.workerId, world.regionId), c.shiftId)));
  const refused = results.filter((r) => r.status === 'rejected');
  for (const r of refused) assert.ok(r.reason instanceof AppError, `a refusal is an AppError, not ${String(r.reason)}`);
  return { granted: results.length - refused.length, refused: refused.map((r) => (r.reason as AppError).code) };
}

describe(`${CLIENTS} simultaneous claims on ${isPostgres ? 'PostgreSQL' : 'PGlite'}`, () => {
  test('the last five places go to exactly five workers', async () => {
    const db = test_db.database.db;
    const monday = baseMonday();
    const shift = await buildShift(db, { ...world, start: at(monday, 0, '07:00'), end: at(monday, 0, '15:00'), places: 5 });
    const pool = await buildPool(CLIENTS);
    const outcome = await claimAll(pool.map((w) => ({ workerId: w.id, shiftId: shift.id })));
    assert.equal(outcome.granted, 5);
    assert.ok(outcome.refused.every((code) => code === 'NOT_ELIGIBLE'));
    const live = await db.select().from(assignments).where(and(eq(assignments.shiftId, shift.id), inArray(assignments.status, ['pending', 'confirmed'])));
    assert.equal(live.length, 5);
    assert.deepEqual(await findInvariantViolations(db), []);
  });

  test('a worker claiming two overlapping shifts at the same moment gets one of them', async () => {
    const db = test_db.database.db;
    const monday = baseMonday().plus({ weeks: 1 });
    const early = await buildShift(db, { ...world, start: at(monday, 2, '07:00'), end: at(monday, 2, '15:00'), places: 50 });
    const middle = await buildShift(db, { ...world, start: at(monday, 2, '11:00'), end: at(monday, 2, '19:00'), places: 50 });
    const pool = await buildPool(CLIENTS / 4);
    const claims = pool.flatMap((w) => [
      { workerId: w.id, shiftId: early.id },
      { workerId: w.id, shiftId: middle.id },
    ]);
    const outcome = await claimAll(claims);
    assert.equal(outcome.granted, pool.length, 'one shift per worker');
    const live = await db.select().from(assignments).where(and(inArray(assignments.shiftId, [early.id, middle.id]), inArray(assignments.status, ['pending', 'confirmed'])));
    assert.equal(new Set(live.map((a) => a.workerId)).size, pool.length);
    assert.deepEqual(await findInvariantViolations(db), []);
  });

  test('a storm of random claims on scarce shifts keeps every invariant', async () => {
    const db = test_db.database.db;
    const monday = baseMonday().plus({ weeks: 2 });
    const shifts: Awaited<ReturnType<typeof buildShift>>[] = [];
    for (let i = 0; i < 8; i++) {
      // Overlapping and back-to-back shifts with few places: rest, overlap and demand all bite.
      shifts.push(await buildShift(db, { ...world, start: at(monday, Math.floor(i / 2), i % 2 ? '14:00' : '07:00'), end: at(monday, Math.floor(i / 2), i % 2 ? '22:00' : '15:00'), places: 1 + (i % 3) }));
    }
    const pool = await buildPool(CLIENTS / 4);
    let seed = 42;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    const claims = Array.from({ length: CLIENTS }, () => ({ workerId: pool[Math.floor(random() * pool.length)]!.id, shiftId: shifts[Math.floor(random() * shifts.length)]!.id }));
    const outcome = await claimAll(claims);
    assert.ok(outcome.granted > 0);
    assert.ok(outcome.refused.every((code) => code === 'NOT_ELIGIBLE' || code === 'CONFLICT'));
    assert.deepEqual(await findInvariantViolations(db), []);
  });
});
