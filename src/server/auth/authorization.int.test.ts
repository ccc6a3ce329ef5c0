// For every endpoint: each role, and a foreign tenant (region B), get the expected allow or deny.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { at, baseMonday } from '../assignments/marketplace.fixtures.js';
import { buildShift, buildWorker } from '../demo/builders.js';
import { credentials } from '../db/schema.js';
import { setupTwoRegions, startTestApp, type TestApp } from '../testing/test-app.js';

type Cast = Awaited<ReturnType<typeof setupTwoRegions>>;
type ActorKey = keyof Cast['sessions'] | 'anonymous';
const actors: ActorKey[] = ['anonymous', 'admin', 'coordinatorA', 'mediatorA', 'plannerA', 'workerA', 'coordinatorB', 'plannerB', 'workerB'];

type Case = {
  name: string;
  method: 'GET' | 'POST' | 'PATCH';
  url: (c: Cast) => string;
  body?: (c: Cast, actor: ActorKey) => unknown;
  /** Expected status per actor; anonymous defaults to 401. */
  expect: Partial<Record<ActorKey, number>> & { others: number };
};

let t: TestApp;
let cast: Cast;
let credentialId: string;
let shiftId: string;
let basicCareId: string;

before(async () => {
  t = await startTestApp();
  cast = await setupTwoRegions(t);
  const [row] = await t.db.insert(credentials).values({ workerId: cast.workerA.id, kind: 'big', number: '09911009701', expiresOn: '2030-01-01' }).returning();
  credentialId = row!.id;
  const monday = baseMonday();
  const shift = await buildShift(t.db, { organisationId: cast.orgA.id, locationId: cast.locationA.id, start: at(monday, 1, '07:00'), end: at(monday, 1, '15:00'), places: 10 });
  shiftId = shift.id;
  basicCareId = shift.packageId;
});
after(() => t.close());

const everyone = (status: number) => ({ others: status });
const regionA = { admin: 200, coordinatorA: 200, mediatorA: 200, plannerA: 200, workerA: 200, others: 404 };
const manageOrgA = (ok: number) => ({ admin: ok, coordinatorA: ok, plannerA: ok, mediatorA: 403, workerA: 403, others: 404 });
const workerAData = (ok: number) => ({ admin: ok, coordinatorA: ok, mediatorA: ok, workerA: ok, others: 404 });

const cases: Case[] = [
  { name: 'read me', method: 'GET', url: () => '/api/me', expect: everyone(200) },
  { name: 'change my language', method: 'PATCH', url: () => '/api/me', body: () => ({ locale: 'en' }), expect: everyone(200) },
  { name: 'list users', method: 'GET', url: () => '/api/users', expect: { admin: 200, others: 403 } },
  {
    name: 'create user',
    method: 'POST',
    url: () => '/api/users',
    body: (_c, a) => ({ email: `new-${a}@test.org`, name: 'Nieuw', password: 'a-long-password', roles: [{ role: 'admin' }] }),
    expect: { admin: 201, others: 403 },
  },
  { name: 'list regions', method: 'GET', url: () => '/api/regions', expect: everyone(200) },
  { name: 'read region A', method: 'GET', url: (c) => `/api/regions/${c.regionA.id}`, expect: regionA },
  { name: 'create region', method: 'POST', url: () => '/api/regions', body: (_c, a) => ({ code: `r-${a.toLowerCase()}`, name: `Regio ${a}`, country: 'NL' }), expect: { admin: 201, others: 403 } },
  {
    name: 'change region A rules',
    method: 'PATCH',
    url: (c) => `/api/regions/${c.regionA.id}/rules`,
    body: () => ({ minRestMinutes: 660 }),
    expect: { admin: 200, coordinatorA: 200, mediatorA: 403, plannerA: 403, workerA: 403, others: 404 },
  },
  { name: 'list organisations', method: 'GET', url: () => '/api/organisations', expect: everyone(200) },
  { name: 'read organisation A', method: 'GET', url: (c) => `/api/organisations/${c.orgA.id}`, expect: regionA },
  {
    name: 'create organisation in region A',
    method: 'POST',
    url: () => '/api/organisations',
    body: (c, a) => ({ regionId: c.regionA.id, name: `Thuiszorg ${a}`, sector: 'home_care' }),
    expect: { admin: 201, coordinatorA: 201, mediatorA: 403, plannerA: 403, workerA: 403, others: 400 },
  },
  { name: 'update organisation A', method: 'PATCH', url: (c) => `/api/organisations/${c.orgA.id}`, body: () => ({ sector: 'hospital' }), expect: manageOrgA(200) },
  {
    name: 'add location to organisation A',
    method: 'POST',
    url: (c) => `/api/organisations/${c.orgA.id}/locations`,
    body: (_c, a) => ({ name: `Locatie ${a}`, address: 'Straat 1', postcode: '3584 CX', city: 'Utrecht' }),
    expect: manageOrgA(201),
  },
  { name: 'update location A', method: 'PATCH', url: (c) => `/api/locations/${c.locationA.id}`, body: () => ({ city: 'Utrecht' }), expect: manageOrgA(200) },
  { name: 'list packages', method: 'GET', url: () => '/api/packages', expect: everyone(200) },
  {
    name: 'add package to region A',
    method: 'POST',
    url: (c) => `/api/regions/${c.regionA.id}/packages`,
    body: (_c, a) => ({ code: `pkg-${a.toLowerCase()}`, nameNl: 'Maaltijdhulp', nameEn: 'Meal help' }),
    expect: { admin: 201, coordinatorA: 201, mediatorA: 403, plannerA: 403, workerA: 403, others: 404 },
  },
  {
    name: 'list workers of region A',
    method: 'GET',
    url: (c) => `/api/workers?regionId=${c.regionA.id}`,
    expect: { admin: 200, coordinatorA: 200, mediatorA: 200, coordinatorB: 200, others: 403 },
  },
  {
    name: 'register worker in region A',
    method: 'POST',
    url: () => '/api/workers',
    body: (c, a) => ({ regionId: c.regionA.id, kind: 'reservist', firstName: 'Nieuwe', lastName: a, email: `nw-${a}@test.org`, homePostcode: '3511', qualificationLevel: 3 }),
    expect: { admin: 201, coordinatorA: 201, mediatorA: 201, plannerA: 403, workerA: 403, others: 400 },
  },
  { name: 'read worker A profile', method: 'GET', url: (c) => `/api/workers/${c.workerA.id}`, expect: workerAData(200) },
  { name: 'update worker A profile', method: 'PATCH', url: (c) => `/api/workers/${c.workerA.id}`, body: () => ({ maxTravelKm: 30 }), expect: workerAData(200) },
  { name: 'read worker A registrations', method: 'GET', url: (c) => `/api/workers/${c.workerA.id}/credentials`, expect: workerAData(200) },
  {
    name: 'add worker A registration',
    method: 'POST',
    url: (c) => `/api/workers/${c.workerA.id}/credentials`,
    body: () => ({ kind: 'big', number: '09911009701', expiresOn: '2031-01-01' }),
    expect: workerAData(201),
  },
  {
    name: 'verify worker A registration',
    method: 'PATCH',
    url: () => `/api/credentials/${credentialId}/verification`,
    body: () => ({ verificationStatus: 'verified' }),
    expect: { admin: 200, coordinatorA: 200, mediatorA: 200, workerA: 403, others: 404 },
  },
  { name: 'read audit log', method: 'GET', url: () => '/api/audit', expect: { admin: 200, coordinatorA: 200, coordinatorB: 200, others: 403 } },
  { name: 'list shifts (scoped)', method: 'GET', url: () => '/api/shifts', expect: everyone(200) },
  { name: 'read shift A with attendees', method: 'GET', url: () => `/api/shifts/${shiftId}`, expect: { admin: 200, coordinatorA: 200, mediatorA: 200, plannerA: 200, others: 404 } },
  {
    name: 'post a shift at location A',
    method: 'POST',
    url: () => '/api/shifts',
    body: (c) => ({ locationId: c.locationA.id, packageId: basicCareId, start: at(baseMonday(), 2, '07:00').toISOString(), end: at(baseMonday(), 2, '15:00').toISOString(), places: 1 }),
    expect: { admin: 201, coordinatorA: 201, plannerA: 201, others: 400 },
  },
  {
    name: 'post a series at location A',
    method: 'POST',
    url: () => '/api/shift-series',
    body: (c) => ({ locationId: c.locationA.id, packageId: basicCareId, weekdays: [3], startTime: '07:00', endTime: '15:00', fromDate: baseMonday().toISODate(), toDate: baseMonday().plus({ days: 6 }).toISODate(), places: 1 }),
    expect: { admin: 201, coordinatorA: 201, plannerA: 201, others: 400 },
  },
  { name: 'read organisation A settings', method: 'GET', url: (c) => `/api/organisations/${c.orgA.id}/settings`, expect: regionA },
  { name: 'change organisation A settings', method: 'PATCH', url: (c) => `/api/organisations/${c.orgA.id}/settings`, body: () => ({ cancelCutoffHours: 24 }), expect: manageOrgA(200) },
  { name: 'open shifts for me', method: 'GET', url: () => '/api/me/open-shifts', expect: { workerA: 200, workerB: 200, others: 403 } },
  { name: 'why not, shift A', method: 'GET', url: () => `/api/shifts/${shiftId}/why-not`, expect: { workerA: 200, workerB: 404, others: 403 } },
  { name: 'claim shift A', method: 'POST', url: () => `/api/shifts/${shiftId}/claims`, expect: { workerA: 201, workerB: 404, others: 403 } },
  { name: 'my shifts', method: 'GET', url: () => '/api/me/shifts', expect: { workerA: 200, workerB: 200, others: 403 } },
  { name: 'my swaps', method: 'GET', url: () => '/api/me/swaps', expect: { workerA: 200, workerB: 200, others: 403 } },
];

describe('authorisation matrix', () => {
  for (const c of cases) {
    test(`${c.method} ${c.name}`, async () => {
      const outcomes: string[] = [];
      for (const actor of actors) {
        const url = c.url(cast);
        const body = c.body?.(cast, actor);
        const res =
          actor === 'anonymous'
            ? await t.anonymous(c.method, url, body)
            : await cast.sessions[actor].request(c.method, url, body);
        const expected = actor === 'anonymous' ? (c.expect.anonymous ?? 401) : (c.expect[actor] ?? c.expect.others);
        if (res.status !== expected) outcomes.push(`${actor}: expected ${expected}, got ${res.status} ${JSON.stringify(res.body)}`);
        if (res.status >= 400) assert.ok((res.body as { code?: string }).code, `${actor} error has the one error shape`);
      }
      assert.deepEqual(outcomes, []);
    });
  }
});

describe('tenancy in the data layer', () => {
  test('a coordinator of region B listing region A’s workers gets nobody', async () => {
    const res = await cast.sessions.coordinatorB.get(`/api/workers?regionId=${cast.regionA.id}`);
    assert.equal(res.status, 200);
    assert.deepEqual(res.body, { total: 0, items: [] });
  });

  test('a worker never reads another worker’s personal data', async () => {
    const res = await cast.sessions.workerA.get(`/api/workers/${cast.otherWorkerA.id}`);
    assert.equal(res.status, 404);
    const credentialsRes = await cast.sessions.workerA.get(`/api/workers/${cast.otherWorkerA.id}/credentials`);
    assert.equal(credentialsRes.status, 404);
  });

  test('a planner sees the organisations of their own region only, each with its locations counted', async () => {
    const res = await cast.sessions.plannerB.get('/api/organisations');
    const organisations = res.body as { name: string; locationCount: number }[];
    assert.deepEqual(organisations.map((o) => [o.name, o.locationCount]), [['Ziekenhuis B', 1]]);
  });

  test('regions list shows only your own regions; an admin sees them all', async () => {
    const mine = (await cast.sessions.workerB.get('/api/regions')).body as { id: string }[];
    assert.deepEqual(mine.map((r) => r.id), [cast.regionB.id]);
    const all = (await cast.sessions.admin.get('/api/regions')).body as { id: string }[];
    assert.ok(all.some((r) => r.id === cast.regionA.id) && all.some((r) => r.id === cast.regionB.id));
  });

  test('a coordinator’s audit log holds only their region’s entries', async () => {
    await cast.sessions.mediatorA.get(`/api/workers/${cast.workerA.id}`);
    const foreign = await buildWorker(t.db, { regionId: cast.regionB.id });
    await cast.sessions.coordinatorB.get(`/api/workers/${foreign.id}`);
    const entries = (await cast.sessions.coordinatorA.get('/api/audit')).body as { entityId: string }[];
    assert.ok(entries.some((e) => e.entityId === cast.workerA.id));
    assert.ok(!entries.some((e) => e.entityId === foreign.id));
  });
});
