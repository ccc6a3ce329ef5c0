// The demo region shows competences: workers hold some (confirmed and self-declared), the demo nurse
// reads hers, open requests ask for some, and their ranking names the competence part and rules
// out who lacks a required one.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { count, eq } from 'drizzle-orm';
import type { TWorkerCompetence } from '../../shared/competences.schemas.js';
import type { TCandidateList, TMediationRequest } from '../../shared/mediation.schemas.js';
import { workerCompetences } from '../db/schema.js';
import { startTestApp, type TestApp } from '../testing/test-app.js';
import { DEMO_PASSWORD, loadDemoRegion } from './demo-region.js';

let t: TestApp;
before(async () => {
  t = await startTestApp();
  await loadDemoRegion(t.db, { seed: 42, now: new Date() });
});
after(() => t.close());

describe('competences in the demo region', () => {
  test('workers hold competences, some confirmed and some self-declared; the demo nurse sees hers', async () => {
    const bySource = await t.db.select({ source: workerCompetences.source, n: count() }).from(workerCompetences).groupBy(workerCompetences.source);
    for (const source of ['confirmed', 'self_declared']) assert.ok((bySource.find((r) => r.source === source)?.n ?? 0) > 10, `${source}: ${JSON.stringify(bySource)}`);
    const nurse = await t.login('worker@harmonica.demo', DEMO_PASSWORD);
    const mine = (await nurse.get(`/api/workers/${nurse.me.workerId}/competences`)).body as TWorkerCompetence[];
    assert.deepEqual(mine.map((c) => [c.key, c.source]), [['sondevoeding', 'confirmed'], ['dementiezorg', 'self_declared']]);
    assert.equal((await t.db.select({ n: count() }).from(workerCompetences).where(eq(workerCompetences.workerId, nurse.me.workerId!)))[0]!.n, 2);
  });

  test('open requests ask for competences, and their ranking shows the part and the missing-competence group', async () => {
    const mediator = await t.login('mediator@harmonica.demo', DEMO_PASSWORD);
    const open = (await mediator.get('/api/requests?status=open')).body as TMediationRequest[];
    const asking = open.filter((r) => r.competences.length > 0);
    assert.ok(asking.length > 0, `open requests: ${open.length}`);
    const required = asking.find((r) => r.competences.some((c) => c.level === 'required'));
    assert.ok(required);
    const list = (await mediator.get(`/api/requests/${required.id}/candidates?limit=10`)).body as TCandidateList;
    assert.ok(list.candidates.every((c) => c.parts.some((p) => p.part === 'competences')));
    assert.ok(list.ruledOut.some((g) => g.rule === 'competence' && g.count > 0), JSON.stringify(list.ruledOut.map((g) => [g.rule, g.count])));
  });
});
