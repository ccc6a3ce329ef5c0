// The competence tables of drizzle/0009: every region starts with the default catalogue, and a
// write to a worker's competences gives the region a new workers_version (the ranking's cached
// region pass reads them), once per statement.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { and, asc, eq } from 'drizzle-orm';
import { buildRegion, buildWorker } from '../demo/builders.js';
import type { Db } from '../db/open-database.js';
import { competences, regions, workerCompetences, workers } from '../db/schema.js';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.js';

let test_: TestDatabase;
let db: Db;

before(async () => {
  test_ = await createTestDatabase();
  db = test_.database.db;
});
after(() => test_.close());

const versionOf = async (regionId: string) => (await db.select({ v: regions.workersVersion }).from(regions).where(eq(regions.id, regionId)))[0]!.v;
const catalogueOf = (regionId: string) =>
  db.select({ id: competences.id, key: competences.key, labelNl: competences.labelNl, labelEn: competences.labelEn }).from(competences).where(eq(competences.regionId, regionId)).orderBy(asc(competences.sortOrder));

describe('competence catalogue and worker competences in the database', () => {
  test('a new region starts with the default catalogue of its own, with Dutch and English labels', async () => {
    const a = await buildRegion(db, { name: 'Regio Eén' });
    const b = await buildRegion(db, { name: 'Regio Twee' });
    const ca = await catalogueOf(a.id);
    const cb = await catalogueOf(b.id);
    for (const key of ['sondevoeding', 'dementiezorg', 'ic-ervaring', 'wondzorg', 'palliatieve-zorg', 'medicatie-toedienen', 'tilliften', 'ggz', 'kinderzorg'])
      {assert.ok(ca.some((c) => c.key === key), key);}
    assert.deepEqual(ca.map((c) => c.key), cb.map((c) => c.key));
    assert.equal(new Set([...ca, ...cb].map((c) => c.id)).size, ca.length + cb.length, 'each region has rows of its own');
    const tube = ca.find((c) => c.key === 'sondevoeding')!;
    assert.equal(tube.labelNl, 'Sondevoeding');
    assert.equal(tube.labelEn, 'Tube feeding');
  });

  test("each statement writing a worker's competences gives the worker's region a new version; other regions keep theirs", async () => {
    const region = await buildRegion(db, { name: 'Regio Versie' });
    const other = await buildRegion(db, { name: 'Regio Andere' });
    const worker = await buildWorker(db, { regionId: region.id });
    const [dementia, tube] = (await catalogueOf(region.id)).filter((c) => c.key === 'dementiezorg' || c.key === 'sondevoeding');
    const otherBefore = await versionOf(other.id);
    const bumps = async (write: () => Promise<unknown>) => {
      const before_ = await versionOf(region.id);
      await write();
      const after_ = await versionOf(region.id);
      assert.ok(after_ > before_, `version moved from ${before_}`);
    };
    await bumps(() => db.insert(workerCompetences).values([{ workerId: worker.id, competenceId: dementia!.id }, { workerId: worker.id, competenceId: tube!.id }]));
    await bumps(() =>
      db.update(workerCompetences).set({ source: 'confirmed', confirmedAt: new Date() }).where(and(eq(workerCompetences.workerId, worker.id), eq(workerCompetences.competenceId, tube!.id))),
    );
    await bumps(() => db.delete(workerCompetences).where(eq(workerCompetences.competenceId, dementia!.id)));
    // Retiring a catalogue entry by deleting it cascades to the workers holding it: the version moves too.
    await bumps(() => db.delete(competences).where(eq(competences.id, tube!.id)));
    assert.equal((await db.select().from(workerCompetences).where(eq(workerCompetences.workerId, worker.id))).length, 0);
    assert.equal(await versionOf(other.id), otherBefore);
    // Deleting the worker removes their competences with them.
    await db.insert(workerCompetences).values({ workerId: worker.id, competenceId: dementia!.id });
    await db.delete(workers).where(eq(workers.id, worker.id));
    assert.equal((await db.select().from(workerCompetences).where(eq(workerCompetences.workerId, worker.id))).length, 0);
  });
});
