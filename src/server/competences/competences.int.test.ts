// Competences end to end over the API: the region's catalogue, a nurse declaring her own competences
// and a mediator confirming them, a request asking for some (required and wished), and the ranking
// ruling out who lacks a required one and scoring the wished ones — fresh after every change.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { and, eq } from 'drizzle-orm';
import type { TCompetence, TWorkerCompetence } from '../../shared/competences.schemas.js';
import { CONSENT_VERSION, type TJourney, type TRegistrationResult } from '../../shared/journey.schemas.js';
import type { TCandidate, TCandidateList, TMediationRequest } from '../../shared/mediation.schemas.js';
import { setupMarketplace } from '../assignments/marketplace.fixtures.js';
import { buildRegion, buildUser } from '../demo/builders.js';
import { auditLog } from '../db/schema.js';
import { poolCache } from '../mediation/ranking/pool-cache.js';
import { startTestApp, type Session, type TestApp } from '../testing/test-app.js';

let t: TestApp;
let m: Awaited<ReturnType<typeof setupMarketplace>>;
let s: Record<'planner' | 'mediator' | 'coordinator' | 'foreign' | 'ann' | 'bob' | 'dirk', Session>;
const ids: Record<string, string> = {};
let pkg: Record<string, string>;

before(async () => {
  t = await startTestApp();
  m = await setupMarketplace(t);
  ids.ann = (await m.nurse('ann@test.org', { firstName: 'Ann', lastName: 'Able' })).id;
  ids.bob = (await m.nurse('bob@test.org', { firstName: 'Bob', lastName: 'Self' })).id;
  ids.cas = (await m.nurse('cas@test.org', { firstName: 'Cas', lastName: 'Lacks' })).id;
  ids.dirk = (await m.nurse('dirk@test.org', { firstName: 'Dirk', lastName: 'Lacks' })).id;
  await buildUser(t.db, { email: 'mediator@utrecht.test', roles: [{ role: 'mediator', regionId: m.region.id }] });
  await buildUser(t.db, { email: 'coordinator@utrecht.test', roles: [{ role: 'coordinator', regionId: m.region.id }] });
  const foreign = await buildRegion(t.db, { name: 'Regio Elders' });
  await buildUser(t.db, { email: 'coordinator@elders.test', roles: [{ role: 'coordinator', regionId: foreign.id }] });
  s = {
    planner: await t.login('planner@domstad.test'),
    mediator: await t.login('mediator@utrecht.test'),
    coordinator: await t.login('coordinator@utrecht.test'),
    foreign: await t.login('coordinator@elders.test'),
    ann: await t.login('ann@test.org'),
    bob: await t.login('bob@test.org'),
    dirk: await t.login('dirk@test.org'),
  };
  pkg = Object.fromEntries(((await s.planner.get('/api/packages')).body as { id: string; code: string }[]).map((p) => [p.code, p.id]));
});
after(() => t.close());

const put = (session: Session, url: string, body: unknown) => session.request('PUT', url, body);
const issuesOf = (body: unknown) => (body as { issues: { path: string }[] }).issues.map((i) => i.path);

describe('the competence catalogue', () => {
  test('everyone of the region reads it; others do not', async () => {
    for (const who of ['ann', 'planner', 'mediator'] as const) {
      const res = await s[who].get(`/api/regions/${m.region.id}/competences`);
      assert.equal(res.status, 200, who);
      const keys = (res.body as TCompetence[]).map((c) => c.key);
      assert.ok(keys.includes('dementiezorg') && keys.includes('sondevoeding') && keys.includes('ic-ervaring'), who);
    }
    assert.equal((await s.foreign.get(`/api/regions/${m.region.id}/competences`)).status, 403);
  });

  test('the coordinator adds, relabels and retires an entry; a key twice is 409 on key; a mediator may not manage', async () => {
    const body = { key: 'beademing', labelNl: 'Beademing', labelEn: 'Ventilation care', category: 'clinical' };
    assert.equal((await s.mediator.post(`/api/regions/${m.region.id}/competences`, body)).status, 403);
    const bad = await s.coordinator.post(`/api/regions/${m.region.id}/competences`, { ...body, key: 'Beademing!' });
    assert.equal(bad.status, 400);
    assert.deepEqual(issuesOf(bad.body), ['key']);
    const created = await s.coordinator.post(`/api/regions/${m.region.id}/competences`, body);
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const again = await s.coordinator.post(`/api/regions/${m.region.id}/competences`, body);
    assert.equal(again.status, 409);
    assert.deepEqual(issuesOf(again.body), ['key']);
    const id = (created.body as TCompetence).id;
    const renamed = await s.coordinator.patch(`/api/competences/${id}`, { labelEn: 'Ventilator care', retired: true });
    assert.equal(renamed.status, 200);
    assert.deepEqual([(renamed.body as TCompetence).labelEn, (renamed.body as TCompetence).retired], ['Ventilator care', true]);
    const listed = (await s.ann.get(`/api/regions/${m.region.id}/competences`)).body as TCompetence[];
    assert.ok(!listed.some((c) => c.key === 'beademing'), 'retired entries are not offered');
    const all = (await s.coordinator.get(`/api/regions/${m.region.id}/competences?includeRetired=true`)).body as TCompetence[];
    assert.ok(all.some((c) => c.key === 'beademing' && c.retired));
    // A retired key is no longer accepted for a worker who does not hold it.
    const refused = await put(s.ann, `/api/workers/${ids.ann}/competences`, { competences: [{ key: 'beademing' }] });
    assert.equal(refused.status, 400);
    assert.deepEqual(issuesOf(refused.body), ['competences[0].key']);
  });
});

describe("a worker's competences", () => {
  test('the nurse declares her own; unknown and doubled keys are 400 on their path; confirming is not hers', async () => {
    const unknown = await put(s.ann, `/api/workers/${ids.ann}/competences`, { competences: [{ key: 'dementiezorg' }, { key: 'wondzorg' }, { key: 'toveren' }] });
    assert.equal(unknown.status, 400);
    assert.deepEqual(issuesOf(unknown.body), ['competences[2].key']);
    const twice = await put(s.ann, `/api/workers/${ids.ann}/competences`, { competences: [{ key: 'wondzorg' }, { key: 'wondzorg' }] });
    assert.equal(twice.status, 400);
    assert.deepEqual(issuesOf(twice.body), ['competences[1].key']);
    const confirmSelf = await put(s.ann, `/api/workers/${ids.ann}/competences`, { competences: [{ key: 'wondzorg', confirmed: true }] });
    assert.equal(confirmSelf.status, 403);
    assert.deepEqual(issuesOf(confirmSelf.body), ['competences[0].confirmed']);
    assert.deepEqual((await s.ann.get(`/api/workers/${ids.ann}/competences`)).body, [], 'nothing written by the refused attempts');

    const res = await put(s.ann, `/api/workers/${ids.ann}/competences`, { competences: [{ key: 'dementiezorg' }, { key: 'sondevoeding' }] });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    const list = res.body as TWorkerCompetence[];
    assert.deepEqual(list.map((c) => [c.key, c.source]), [['sondevoeding', 'self_declared'], ['dementiezorg', 'self_declared']]);
    assert.equal(list[0]!.labelEn, 'Tube feeding');
    const audits = await t.db.select().from(auditLog).where(and(eq(auditLog.entity, 'worker'), eq(auditLog.entityId, ids.ann!)));
    assert.ok(audits.some((a) => a.action === 'update' && a.fields.includes('competences')));
  });

  test('the mediator confirms; the nurse changing her list later keeps the confirmation; others see nothing', async () => {
    const res = await put(s.mediator, `/api/workers/${ids.ann}/competences`, { competences: [{ key: 'dementiezorg', confirmed: true }, { key: 'sondevoeding', confirmed: true }] });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    const confirmed = res.body as TWorkerCompetence[];
    assert.ok(confirmed.every((c) => c.source === 'confirmed' && c.confirmedAt && c.confirmedByName));
    const mine = await put(s.ann, `/api/workers/${ids.ann}/competences`, { competences: [{ key: 'dementiezorg' }, { key: 'sondevoeding' }, { key: 'wondzorg' }] });
    assert.deepEqual((mine.body as TWorkerCompetence[]).map((c) => [c.key, c.source]), [
      ['sondevoeding', 'confirmed'],
      ['wondzorg', 'self_declared'],
      ['dementiezorg', 'confirmed'],
    ]);
    assert.equal((await s.bob.get(`/api/workers/${ids.ann}/competences`)).status, 404);
    assert.equal((await s.planner.get(`/api/workers/${ids.ann}/competences`)).status, 404);
    assert.equal((await put(s.foreign, `/api/workers/${ids.ann}/competences`, { competences: [] })).status, 404);
    // Bob declares dementia care and tube feeding himself; Cas declares only tube feeding; Dirk nothing.
    assert.equal((await put(s.bob, `/api/workers/${ids.bob}/competences`, { competences: [{ key: 'dementiezorg' }, { key: 'sondevoeding' }] })).status, 200);
    assert.equal((await put(s.mediator, `/api/workers/${ids.cas}/competences`, { competences: [{ key: 'sondevoeding', confirmed: true }] })).status, 200);
  });
});

describe('requests with competences, and their ranking', () => {
  let requestId: string;
  const requestBody = (competences: unknown) => ({
    locationId: m.ward.id,
    packageIds: [pkg.nursing],
    periodStart: m.monday.toJSDate().toISOString(),
    periodEnd: m.monday.plus({ months: 3 }).toJSDate().toISOString(),
    competences,
  });
  const candidates = async () => (await s.mediator.get(`/api/requests/${requestId}/candidates?limit=10`)).body as TCandidateList;
  const part = (c: TCandidate | undefined) => c!.parts.find((p) => p.part === 'competences')!;

  test('a request takes required and wished competences; an unknown key is 400 on its path and nothing is posted', async () => {
    const bad = await s.planner.post('/api/requests', requestBody([{ key: 'dementiezorg', level: 'required' }, { key: 'sondevoeding', level: 'wished' }, { key: 'toveren', level: 'wished' }]));
    assert.equal(bad.status, 400);
    assert.deepEqual(issuesOf(bad.body), ['competences[2].key']);
    assert.equal(((await s.planner.get('/api/requests')).body as unknown[]).length, 0);
    const res = await s.planner.post('/api/requests', requestBody([{ key: 'sondevoeding', level: 'wished' }, { key: 'dementiezorg', level: 'required' }, { key: 'wondzorg', level: 'wished' }]));
    assert.equal(res.status, 201, JSON.stringify(res.body));
    const request = res.body as TMediationRequest;
    requestId = request.id;
    assert.deepEqual(request.competences.map((c) => [c.key, c.level]), [['dementiezorg', 'required'], ['sondevoeding', 'wished'], ['wondzorg', 'wished']]);
    assert.deepEqual(((await s.mediator.get(`/api/requests/${requestId}`)).body as TMediationRequest).competences.map((c) => c.key), ['dementiezorg', 'sondevoeding', 'wondzorg']);
  });

  test('who lacks a required competence is ruled out under "competence"; wished ones score, confirmed above self-declared', async () => {
    poolCache.clear();
    const list = await candidates();
    assert.deepEqual(list.candidates.map((c) => c.name), ['Ann Able', 'Bob Self']);
    const [ann, bob] = list.candidates;
    // Ann: tube feeding confirmed (1) and wound care self-declared (0.5) of 2 wished; Bob: tube feeding self-declared (0.5).
    assert.equal(part(ann).value, 0.75);
    assert.equal(part(bob).value, 0.25);
    assert.deepEqual([part(ann).params.held, part(ann).params.confirmed, part(ann).params.wished], [2, 1, 2]);
    assert.equal(part(bob).params.missingKeys, 'wondzorg');
    const group = list.ruledOut.find((g) => g.rule === 'competence');
    assert.ok(group, JSON.stringify(list.ruledOut));
    assert.equal(group.count, 2);
    assert.deepEqual(group.byCompetence, [{ key: 'dementiezorg', count: 2 }]);
    assert.deepEqual(group.examples.map((e) => [e.name, e.violation?.params.missing]).sort(), [['Cas Lacks', 'dementiezorg'], ['Dirk Lacks', 'dementiezorg']]);
  });

  test('the next ranking sees a changed competence at once (the region version moves), from the cache as from scratch', async () => {
    await candidates(); // the pass is cached now
    assert.equal((await put(s.mediator, `/api/workers/${ids.bob}/competences`, { competences: [{ key: 'dementiezorg', confirmed: true }, { key: 'sondevoeding', confirmed: true }, { key: 'wondzorg', confirmed: true }] })).status, 200);
    assert.equal((await put(s.dirk, `/api/workers/${ids.dirk}/competences`, { competences: [{ key: 'dementiezorg' }] })).status, 200);
    const list = await candidates();
    assert.deepEqual(list.candidates.map((c) => c.name), ['Bob Self', 'Ann Able', 'Dirk Lacks']);
    assert.equal(part(list.candidates[0]).value, 1);
    assert.equal(part(list.candidates[2]).value, 0);
    assert.equal(list.ruledOut.find((g) => g.rule === 'competence')?.count, 1);
    const hits = poolCache.stats.hits;
    assert.deepEqual(await candidates(), list);
    assert.equal(poolCache.stats.hits, hits + 1, 'the same ranking again comes from the cache');
    poolCache.clear();
    assert.deepEqual(await candidates(), list, 'and equals one from scratch');
  });

  test('changing the requirements changes the ranking; a shift asks none, so the part is the same for everyone', async () => {
    const res = await put(s.planner, `/api/requests/${requestId}/competences`, { competences: [{ key: 'sondevoeding', level: 'required' }] });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    const list = await candidates();
    assert.deepEqual(list.candidates.map((c) => c.name).sort(), ['Ann Able', 'Bob Self', 'Cas Lacks']);
    assert.deepEqual(list.ruledOut.find((g) => g.rule === 'competence')?.byCompetence, [{ key: 'sondevoeding', count: 1 }]);
    assert.ok(list.candidates.every((c) => part(c).value === 1));
    const bad = await put(s.planner, `/api/requests/${requestId}/competences`, { competences: [{ key: 'wondzorg', level: 'wished' }, { key: 'nope', level: 'required' }] });
    assert.deepEqual([bad.status, issuesOf(bad.body)], [400, ['competences[1].key']]);

    const shift = await m.nightShift();
    const forShift = (await s.planner.get(`/api/shifts/${shift.id}/candidates?limit=10`)).body as TCandidateList;
    assert.equal(forShift.candidates.length, 4);
    assert.ok(forShift.candidates.every((c) => part(c).value === 1 && part(c).points === part(c).weight));
    assert.ok(!forShift.ruledOut.some((g) => g.rule === 'competence'));
  });
});

describe('the welcome call', () => {
  test('the mediator records the competences established in the call, confirmed; a bad key is 400 on its path and records nothing', async () => {
    const registration = await t.anonymous('POST', '/api/registrations', {
      regionId: m.region.id,
      entryKind: 're_entrant',
      firstName: 'Fatima',
      lastName: 'El Amrani',
      email: 'fatima@example.org',
      phone: '06 12345678',
      postcode: '3521 AB',
      password: 'een-lang-wachtwoord',
      interestPackageIds: [pkg['basic-care']],
      interestOrganisationIds: [],
      weeklyAvailability: [],
      desiredHoursPerWeek: 16,
      freeText: '',
      consent: { isGiven: true, version: CONSENT_VERSION },
    });
    assert.equal(registration.status, 201, JSON.stringify(registration.body));
    const { journeyId, workerId } = registration.body as TRegistrationResult;
    const step = (competences: unknown) =>
      s.mediator.post(`/api/journeys/${journeyId}/steps`, { step: 'welcome_call', notes: 'Gebeld, werkte in de psychogeriatrie', packageIds: [pkg['basic-care']], competences });
    const bad = await step([{ key: 'dementiezorg', confirmed: true }, { key: 'dementiezorg', confirmed: true }]);
    assert.equal(bad.status, 400);
    assert.deepEqual(issuesOf(bad.body), ['competences[1].key']);
    const unknown = await step([{ key: 'zingen', confirmed: true }]);
    assert.deepEqual([unknown.status, issuesOf(unknown.body)], [400, ['competences[0].key']]);
    assert.equal(((await s.mediator.get(`/api/journeys/${journeyId}`)).body as TJourney).stage, 'welcome_call', 'nothing recorded');
    const res = await step([{ key: 'dementiezorg', confirmed: true }, { key: 'palliatieve-zorg' }]);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    const held = (await s.mediator.get(`/api/workers/${workerId}/competences`)).body as TWorkerCompetence[];
    assert.deepEqual(held.map((c) => [c.key, c.source, c.confirmedByName !== null]), [['dementiezorg', 'confirmed', true], ['palliatieve-zorg', 'self_declared', false]]);
  });
});
