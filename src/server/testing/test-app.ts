// An app on a fresh test database, plus signed-in sessions that drive it through app.inject().
import type { FastifyInstance, InjectOptions } from 'fastify';
import type { TMe } from '../../shared/auth.schemas.js';
import { buildApp } from '../app.js';
import { buildLocation, buildOrganisation, buildRegion, buildUser, buildWorkerWithUser, DEFAULT_TEST_PASSWORD } from '../demo/builders.js';
import { createTestDatabase } from './test-database.js';

export type Response = { status: number; body: unknown; headers: Record<string, unknown> };

export type Session = {
  me: TMe;
  cookie: string;
  request: (method: InjectOptions['method'], url: string, body?: unknown) => Promise<Response>;
  get: (url: string) => Promise<Response>;
  post: (url: string, body?: unknown) => Promise<Response>;
  patch: (url: string, body?: unknown) => Promise<Response>;
};

export async function startTestApp(options: { loginRateLimit?: { max: number; timeWindowMs: number } } = {}) {
  const { database, close } = await createTestDatabase();
  const app = await buildApp({ database, webRoot: null, loginRateLimit: options.loginRateLimit ?? { max: 1000, timeWindowMs: 60_000 } });

  const asResponse = (res: Awaited<ReturnType<FastifyInstance['inject']>>): Response => ({
    status: res.statusCode,
    body: res.body ? (res.headers['content-type']?.toString().includes('json') ? res.json() : res.body) : null,
    headers: res.headers,
  });

  const anonymous = (method: InjectOptions['method'], url: string, body?: unknown) =>
    app.inject({ method, url, ...(body === undefined ? {} : { payload: body as InjectOptions['payload'] }) }).then(asResponse);

  async function login(email: string, password = DEFAULT_TEST_PASSWORD): Promise<Session> {
    const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } });
    if (res.statusCode !== 200) throw new Error(`login ${email} failed: ${res.statusCode} ${res.body}`);
    const cookie = res.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    const me = res.json<TMe>();
    const request = (method: InjectOptions['method'], url: string, body?: unknown) =>
      app
        .inject({
          method,
          url,
          headers: { cookie, 'x-csrf-token': me.csrfToken },
          ...(body === undefined ? {} : { payload: body as InjectOptions['payload'] }),
        })
        .then(asResponse);
    return {
      me,
      cookie,
      request,
      get: (url) => request('GET', url),
      post: (url, body) => request('POST', url, body ?? {}),
      patch: (url, body) => request('PATCH', url, body ?? {}),
    };
  }

  return {
    app,
    database,
    db: database.db,
    anonymous,
    login,
    close: async () => {
      await app.close();
      await close();
    },
  };
}

export type TestApp = Awaited<ReturnType<typeof startTestApp>>;

/**
 * Two regions, each with organisations, staff of every role and workers: the cast of the
 * authorisation and tenancy tests. Region B is the "foreign tenant".
 */
export async function setupTwoRegions(t: TestApp) {
  const { db } = t;
  const regionA = await buildRegion(db, { name: 'Regio A' });
  const regionB = await buildRegion(db, { name: 'Regio B' });
  const orgA = await buildOrganisation(db, { regionId: regionA.id, name: 'Ziekenhuis A', sector: 'hospital' });
  const orgA2 = await buildOrganisation(db, { regionId: regionA.id, name: 'Zorggroep A2', sector: 'vvt' });
  const orgB = await buildOrganisation(db, { regionId: regionB.id, name: 'Ziekenhuis B', sector: 'hospital' });
  const locationA = await buildLocation(db, { organisationId: orgA.id, postcode: '3584' });
  const locationA2 = await buildLocation(db, { organisationId: orgA2.id, postcode: '3511' });
  const locationB = await buildLocation(db, { organisationId: orgB.id, postcode: '1011' });
  await buildUser(db, { email: 'admin@test.org', roles: [{ role: 'admin' }] });
  await buildUser(db, { email: 'coordinator-a@test.org', roles: [{ role: 'coordinator', regionId: regionA.id }] });
  await buildUser(db, { email: 'mediator-a@test.org', roles: [{ role: 'mediator', regionId: regionA.id }] });
  await buildUser(db, { email: 'planner-a@test.org', roles: [{ role: 'planner', organisationId: orgA.id }] });
  await buildUser(db, { email: 'coordinator-b@test.org', roles: [{ role: 'coordinator', regionId: regionB.id }] });
  await buildUser(db, { email: 'planner-b@test.org', roles: [{ role: 'planner', organisationId: orgB.id }] });
  const workerA = await buildWorkerWithUser(db, { regionId: regionA.id, email: 'worker-a@test.org', kind: 'reservist', packages: ['basic-care'] });
  const otherWorkerA = await buildWorkerWithUser(db, { regionId: regionA.id, email: 'worker-a2@test.org', kind: 'flex' });
  const workerB = await buildWorkerWithUser(db, { regionId: regionB.id, email: 'worker-b@test.org', kind: 'student' });
  const sessions = {
    admin: await t.login('admin@test.org'),
    coordinatorA: await t.login('coordinator-a@test.org'),
    mediatorA: await t.login('mediator-a@test.org'),
    plannerA: await t.login('planner-a@test.org'),
    workerA: await t.login('worker-a@test.org'),
    coordinatorB: await t.login('coordinator-b@test.org'),
    plannerB: await t.login('planner-b@test.org'),
    workerB: await t.login('worker-b@test.org'),
  };
  return {
    regionA,
    regionB,
    orgA,
    orgA2,
    orgB,
    locationA,
    locationA2,
    locationB,
    workerA: workerA.worker,
    otherWorkerA: otherWorkerA.worker,
    workerB: workerB.worker,
    sessions,
  };
}
