// At start the app loads each region's ranking copy (and open-shift window) in the background, so the
// first ranking of a region does not pay the whole load.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { buildRegion, buildWorker } from '../demo/builders.js';
import type { Db } from '../db/open-database.js';
import { RegionCopies } from '../mediation/ranking/region-copy.js';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.js';
import { warmCaches } from './warm-caches.js';

let test_: TestDatabase;
let db: Db;
before(async () => {
  test_ = await createTestDatabase();
  db = test_.database.db;
});
after(() => test_.close());

test('every region is copied once at start; the first ranking then only brings its copy up to date', async () => {
  const utrecht = await buildRegion(db, { name: 'Regio Utrecht (warm)' });
  const gent = await buildRegion(db, { name: 'Regio Gent (warm)', country: 'BE', timeZone: 'Europe/Brussels' });
  for (let i = 0; i < 3; i++) await buildWorker(db, { regionId: utrecht.id, email: `warm-u${i}@example.org`, packages: ['basic-care'] });
  await buildWorker(db, { regionId: gent.id, email: 'warm-g0@example.org', packages: ['nursing'] });

  const copies = new RegionCopies();
  const warmed = await warmCaches(db, copies);
  assert.ok(warmed >= 2, `regions warmed: ${warmed}`);
  assert.equal(copies.stats.loads, warmed, 'one load per region');
  assert.equal(copies.get(utrecht.id)?.workers.size, 3);
  assert.equal(copies.get(gent.id)?.workers.size, 1);

  // A worker joins after the start: the next use reads that one worker, not the whole region again.
  await buildWorker(db, { regionId: utrecht.id, email: 'warm-u3@example.org', packages: ['basic-care'] });
  const current = await copies.current(db, utrecht.id);
  assert.equal(current.workers.size, 4);
  assert.equal(copies.stats.loads, warmed, 'no second load');
  assert.equal(copies.stats.updates, 1);
});
