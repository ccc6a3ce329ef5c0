// Bad input on each endpoint — a wrong type, a missing field, an unknown id — is a 4xx that names
// the field, and changes nothing.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { count } from 'drizzle-orm';
import { auditLog, credentials, locations, organisations, regions, users, workers } from '../db/schema.js';
import { setupTwoRegions, startTestApp, type TestApp } from '../testing/test-app.js';

let t: TestApp;
let cast: Awaited<ReturnType<typeof setupTwoRegions>>;
before(async () => {
  t = await startTestApp();
  cast = await setupTwoRegions(t);
});
after(() => t.close());

type Case = { name: string; method: 'GET' | 'POST' | 'PATCH'; url: () => string; body?: () => unknown; status: number; path: string };
const unknownId = randomUUID();

const cases: Case[] = [
  { name: 'login: missing password', method: 'POST', url: () => '/api/auth/login', body: () => ({ email: 'a@b.nl' }), status: 400, path: 'password' },
  { name: 'login: email of the wrong type', method: 'POST', url: () => '/api/auth/login', body: () => ({ email: 42, password: 'x' }), status: 400, path: 'email' },
  { name: 'me: unknown locale', method: 'PATCH', url: () => '/api/me', body: () => ({ locale: 'fr' }), status: 400, path: 'locale' },
  { name: 'user: planner without organisation', method: 'POST', url: () => '/api/users', body: () => ({ email: 'p@x.nl', name: 'P', password: 'long-enough-pw', roles: [{ role: 'planner' }] }), status: 400, path: 'roles[0].organisationId' },
  { name: 'user: short password', method: 'POST', url: () => '/api/users', body: () => ({ email: 'p@x.nl', name: 'P', password: 'short', roles: [{ role: 'admin' }] }), status: 400, path: 'password' },
  { name: 'user: unknown organisation', method: 'POST', url: () => '/api/users', body: () => ({ email: 'p@x.nl', name: 'P', password: 'long-enough-pw', roles: [{ role: 'planner', organisationId: unknownId }] }), status: 400, path: 'roles[0].organisationId' },
  { name: 'region: id is not a uuid', method: 'GET', url: () => '/api/regions/not-a-uuid', status: 400, path: 'params.id' },
  { name: 'region: unknown id', method: 'GET', url: () => `/api/regions/${unknownId}`, status: 404, path: '' },
  { name: 'region: missing country', method: 'POST', url: () => '/api/regions', body: () => ({ code: 'abc', name: 'Regio' }), status: 400, path: 'country' },
  { name: 'region rules: rest of the wrong type', method: 'PATCH', url: () => `/api/regions/${cast.regionA.id}/rules`, body: () => ({ minRestMinutes: 'eleven hours' }), status: 400, path: 'minRestMinutes' },
  { name: 'region rules: unknown region', method: 'PATCH', url: () => `/api/regions/${unknownId}/rules`, body: () => ({ minRestMinutes: 600 }), status: 404, path: '' },
  { name: 'organisations: regionId not a uuid', method: 'GET', url: () => '/api/organisations?regionId=nope', status: 400, path: 'query.regionId' },
  { name: 'organisation: unknown sector', method: 'POST', url: () => '/api/organisations', body: () => ({ regionId: cast.regionA.id, name: 'X zorg', sector: 'bakery' }), status: 400, path: 'sector' },
  { name: 'organisation: unknown region', method: 'POST', url: () => '/api/organisations', body: () => ({ regionId: unknownId, name: 'X zorg', sector: 'vvt' }), status: 400, path: 'regionId' },
  { name: 'organisation: unknown id', method: 'PATCH', url: () => `/api/organisations/${unknownId}`, body: () => ({ name: 'Y zorg' }), status: 404, path: '' },
  { name: 'location: missing address', method: 'POST', url: () => `/api/organisations/${cast.orgA.id}/locations`, body: () => ({ name: 'L', postcode: '3584', city: 'Utrecht' }), status: 400, path: 'address' },
  { name: 'location: unknown postcode', method: 'POST', url: () => `/api/organisations/${cast.orgA.id}/locations`, body: () => ({ name: 'Lokaal', address: 'Straat 1', postcode: '0000', city: 'Nergens' }), status: 400, path: 'postcode' },
  { name: 'location: latitude of the wrong type', method: 'PATCH', url: () => `/api/locations/${cast.locationA.id}`, body: () => ({ lat: 'north' }), status: 400, path: 'lat' },
  { name: 'location: unknown id', method: 'PATCH', url: () => `/api/locations/${unknownId}`, body: () => ({ city: 'Utrecht' }), status: 404, path: '' },
  { name: 'packages: regionId not a uuid', method: 'GET', url: () => '/api/packages?regionId=1', status: 400, path: 'query.regionId' },
  { name: 'package: bad code', method: 'POST', url: () => `/api/regions/${cast.regionA.id}/packages`, body: () => ({ code: 'Has Spaces', nameNl: 'Pakket', nameEn: 'Package' }), status: 400, path: 'code' },
  { name: 'package: unknown region', method: 'POST', url: () => `/api/regions/${unknownId}/packages`, body: () => ({ code: 'pakket', nameNl: 'Pakket', nameEn: 'Package' }), status: 404, path: '' },
  { name: 'workers: limit too large', method: 'GET', url: () => '/api/workers?limit=100000', status: 400, path: 'query.limit' },
  { name: 'worker: missing last name', method: 'POST', url: () => '/api/workers', body: () => ({ regionId: cast.regionA.id, kind: 'flex', firstName: 'A', email: 'a@x.nl', homePostcode: '3511', qualificationLevel: 2 }), status: 400, path: 'lastName' },
  { name: 'worker: unknown package', method: 'POST', url: () => '/api/workers', body: () => ({ regionId: cast.regionA.id, kind: 'flex', firstName: 'A', lastName: 'B', email: 'a@x.nl', homePostcode: '3511', qualificationLevel: 2, packageIds: [unknownId] }), status: 400, path: 'packageIds[0]' },
  { name: 'worker profile: travel of the wrong type', method: 'PATCH', url: () => `/api/workers/${cast.workerA.id}`, body: () => ({ maxTravelKm: 'far' }), status: 400, path: 'maxTravelKm' },
  { name: 'worker profile: availability ends before it starts', method: 'PATCH', url: () => `/api/workers/${cast.workerA.id}`, body: () => ({ weeklyAvailability: [{ weekday: 1, startMinute: 420 , endMinute: 900 }, { weekday: 2, startMinute: 900, endMinute: 420 }] }), status: 400, path: 'weeklyAvailability[1].endMinute' },
  { name: 'worker profile: unknown preferred organisation', method: 'PATCH', url: () => `/api/workers/${cast.workerA.id}`, body: () => ({ preferredOrganisationIds: [cast.orgA.id, unknownId] }), status: 400, path: 'preferredOrganisationIds[1]' },
  { name: 'worker profile: unknown id', method: 'GET', url: () => `/api/workers/${unknownId}`, status: 404, path: '' },
  { name: 'registration: BIG check digit wrong', method: 'POST', url: () => `/api/workers/${cast.workerA.id}/credentials`, body: () => ({ kind: 'big', number: '19911009701' }), status: 400, path: 'number' },
  { name: 'registration: expiry not a date', method: 'POST', url: () => `/api/workers/${cast.workerA.id}/credentials`, body: () => ({ kind: 'big', number: '09911009701', expiresOn: '31-12-2030' }), status: 400, path: 'expiresOn' },
  { name: 'verification: unknown status', method: 'PATCH', url: () => `/api/credentials/${unknownId}/verification`, body: () => ({ verificationStatus: 'maybe' }), status: 400, path: 'verificationStatus' },
  { name: 'verification: unknown registration', method: 'PATCH', url: () => `/api/credentials/${unknownId}/verification`, body: () => ({ verificationStatus: 'verified' }), status: 404, path: '' },
  { name: 'audit: limit of the wrong type', method: 'GET', url: () => '/api/audit?limit=many', status: 400, path: 'query.limit' },
  { name: 'postcode: unknown', method: 'GET', url: () => '/api/postcodes/NL/0000', status: 404, path: '' },
  { name: 'postcode: unknown country', method: 'GET', url: () => '/api/postcodes/DE/10115', status: 400, path: 'params.country' },
];

async function rowCounts() {
  const tables = { regions, organisations, locations, users, workers, credentials, auditLog };
  const out: Record<string, number> = {};
  for (const [name, table] of Object.entries(tables)) out[name] = (await t.db.select({ n: count() }).from(table))[0]!.n;
  return out;
}

describe('bad input', () => {
  for (const c of cases) {
    test(c.name, async () => {
      const before = await rowCounts();
      const res = await cast.sessions.admin.request(c.method, c.url(), c.body?.());
      assert.equal(res.status, c.status, JSON.stringify(res.body));
      const body = res.body as { code: string; message: string; issues: { path: string; message: string }[] };
      assert.equal(typeof body.code, 'string');
      assert.equal(typeof body.message, 'string');
      if (c.path) assert.ok(body.issues.some((i) => i.path === c.path), `expected an issue at ${c.path}, got ${JSON.stringify(body.issues)}`);
      assert.deepEqual(await rowCounts(), before, 'nothing changed');
    });
  }

  test('a body that is not JSON is a 400, not a 500', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"email": ',
    });
    assert.equal(res.statusCode, 400);
    assert.equal(res.json<{ code: string }>().code, 'BAD_REQUEST');
  });

  test('an unknown route is a 404 in the error shape', async () => {
    const res = await t.anonymous('GET', '/api/does-not-exist');
    assert.equal(res.status, 404);
    assert.equal((res.body as { code: string }).code, 'NOT_FOUND');
  });
});
