// Signing in and out, session cookies, CSRF, rate limiting and the audit of personal data.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { buildUser, buildWorkerWithUser, buildRegion } from '../demo/builders.js';
import { auditLog, users } from '../db/schema.js';
import { startTestApp, type TestApp } from '../testing/test-app.js';

let t: TestApp;
before(async () => {
  t = await startTestApp({ loginRateLimit: { max: 5, timeWindowMs: 60_000 } });
});
after(() => t.close());

describe('signing in', () => {
  test('a planner signs in: the cookie is httpOnly and SameSite, and /api/me knows them', async () => {
    await buildUser(t.db, { email: 'Anna.Planner@Example.org', name: 'Anna', roles: [{ role: 'admin' }] });
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'anna.planner@example.org', password: 'harmonica-demo' } });
    assert.equal(res.statusCode, 200);
    const cookie = res.cookies.find((c) => c.name === 'harmonica_session');
    assert.ok(cookie);
    assert.equal(cookie.httpOnly, true);
    assert.equal(cookie.sameSite, 'Lax');
    const me = await t.app.inject({ method: 'GET', url: '/api/me', headers: { cookie: `harmonica_session=${cookie.value}` } });
    assert.equal(me.json<{ name: string }>().name, 'Anna');
  });

  test('a wrong password and an unknown account get the same answer', async () => {
    await buildUser(t.db, { email: 'bob@example.org' });
    const wrong = await t.anonymous('POST', '/api/auth/login', { email: 'bob@example.org', password: 'wrong-password' });
    const unknown = await t.anonymous('POST', '/api/auth/login', { email: 'nobody@example.org', password: 'wrong-password' });
    assert.equal(wrong.status, 401);
    assert.deepEqual(wrong.body, unknown.body);
  });

  test('passwords are stored as scrypt hashes, never in clear', async () => {
    const user = await buildUser(t.db, { email: 'carol@example.org', password: 'correct horse battery' });
    const [row] = await t.db.select().from(users).where(eq(users.id, user.id));
    assert.match(row!.passwordHash, /^scrypt\$32768\$8\$1\$/);
    assert.ok(!row!.passwordHash.includes('correct horse'));
  });

  test('after logging out the session no longer works', async () => {
    await buildUser(t.db, { email: 'dave@example.org' });
    const session = await t.login('dave@example.org');
    assert.equal((await session.post('/api/auth/logout')).status, 204);
    assert.equal((await session.get('/api/me')).status, 401);
  });

  test('login attempts are rate limited per address and account', async () => {
    await buildUser(t.db, { email: 'eve@example.org' });
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) statuses.push((await t.anonymous('POST', '/api/auth/login', { email: 'eve@example.org', password: `guess-${i}` })).status);
    assert.deepEqual(statuses.slice(0, 5), [401, 401, 401, 401, 401]);
    assert.equal(statuses[6], 429);
    // Another account from the same address is not locked out by eve's attacker.
    await buildUser(t.db, { email: 'frank@example.org' });
    assert.equal((await t.anonymous('POST', '/api/auth/login', { email: 'frank@example.org', password: 'harmonica-demo' })).status, 200);
  });
});

describe('cross-site request forgery', () => {
  test('a change without the CSRF header is refused and changes nothing', async () => {
    await buildUser(t.db, { email: 'gina@example.org', locale: 'nl' });
    const session = await t.login('gina@example.org');
    const res = await t.app.inject({ method: 'PATCH', url: '/api/me', headers: { cookie: session.cookie }, payload: { locale: 'en' } });
    assert.equal(res.statusCode, 403);
    assert.equal(res.json<{ code: string }>().code, 'CSRF_FAILED');
    assert.equal((session.me.locale), 'nl');
    assert.equal(((await session.get('/api/me')).body as { locale: string }).locale, 'nl');
  });

  test('a form post (not JSON) is refused', async () => {
    await buildUser(t.db, { email: 'hans@example.org' });
    const session = await t.login('hans@example.org');
    const res = await t.app.inject({
      method: 'PATCH',
      url: '/api/me',
      headers: { cookie: session.cookie, 'x-csrf-token': session.me.csrfToken, 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'locale=en',
    });
    assert.equal(res.statusCode, 415);
  });
});

describe('audit of personal data', () => {
  test('a mediator reading a worker’s profile and registrations is recorded; the worker reading their own is not', async () => {
    const region = await buildRegion(t.db);
    const { worker } = await buildWorkerWithUser(t.db, { regionId: region.id, email: 'ida@example.org' });
    await buildUser(t.db, { email: 'mediator@example.org', roles: [{ role: 'mediator', regionId: region.id }] });
    const mediator = await t.login('mediator@example.org');
    const self = await t.login('ida@example.org');
    await self.get(`/api/workers/${worker.id}`);
    assert.equal((await t.db.select().from(auditLog).where(eq(auditLog.entityId, worker.id))).length, 0);
    await mediator.get(`/api/workers/${worker.id}`);
    await mediator.get(`/api/workers/${worker.id}/credentials`);
    const entries = await t.db.select().from(auditLog).where(eq(auditLog.entityId, worker.id));
    assert.deepEqual(entries.map((e) => [e.action, e.entity, e.actorUserId]).sort(), [
      ['read', 'credential', mediator.me.id],
      ['read', 'worker', mediator.me.id],
    ]);
    assert.ok(entries.find((e) => e.entity === 'worker')!.fields.includes('homePostcode'));
  });

  test('changing a home postcode moves the coordinates and is audited', async () => {
    const region = await buildRegion(t.db);
    const { worker } = await buildWorkerWithUser(t.db, { regionId: region.id, email: 'jan@example.org', homePostcode: '3511' });
    const self = await t.login('jan@example.org');
    const res = await self.patch(`/api/workers/${worker.id}`, { homePostcode: '1011 AB' });
    assert.equal(res.status, 200);
    const profile = res.body as { homePostcode: string; homeLat: number };
    assert.equal(profile.homePostcode, '1011 AB');
    assert.ok(Math.abs(profile.homeLat - 52.371) < 0.01, 'Amsterdam 1011');
    const [entry] = await t.db.select().from(auditLog).where(eq(auditLog.entityId, worker.id));
    assert.deepEqual([entry!.action, entry!.fields], ['update', ['homePostcode']]);
  });
});
