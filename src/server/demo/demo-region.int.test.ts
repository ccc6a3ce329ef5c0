// The demo region loads into a fresh database, its logins work, and the API counts what the
// generator made. `harmonica demo --yes` clears and loads again: the second load is the same.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { count, eq, like, notInArray } from 'drizzle-orm';
import { DateTime } from 'luxon';
import type { TFunnel } from '../../shared/journey.schemas.js';
import type { TMediationQueues } from '../../shared/mediation.schemas.js';
import type { TRegion, TRegionSummary } from '../../shared/regions.schemas.js';
import type { TWorkerProfile } from '../../shared/workers.schemas.js';
import { NL_ATW_RULES } from '../../shared/regions.schemas.js';
import { checkEligibility } from '../assignments/eligibility.js';
import { assignments, credentials, organisations, shifts, workerAvailabilityExceptions, workers } from '../db/schema.js';
import { startTestApp, type TestApp } from '../testing/test-app.js';
import { DEMO_PASSWORD, clearDatabase, isDatabaseEmpty, loadDemoRegion, type DemoLogin } from './demo-region.js';
import { WORKER_KIND } from '../journey/journey.service.js';
import { generateDemoJourneys } from './demo-journeys.js';
import { generateRegion } from './generate-region.js';

// One "today" for the generator here and the loader: the shifts start on the next Monday, so all are open.
const NOW = new Date();
const OPTIONS = { seed: 42, now: NOW } as const;
const expected = generateRegion(OPTIONS);
const journeys = generateDemoJourneys(NOW);
/** Past shifts of the intake history: first shifts and later ones at the organisation that accepted. */
const historyShiftCount = journeys.filter((j) => j.offers.some((o) => o.status === 'accepted')).reduce((n, j) => n + (j.firstShiftAt ? 1 : 0) + (j.laterShiftAt ? 1 : 0), 0);

let t: TestApp;
let logins: DemoLogin[];
before(async () => {
  t = await startTestApp();
  assert.equal(await isDatabaseEmpty(t.db), true);
  logins = await loadDemoRegion(t.db, OPTIONS);
});
after(() => t.close());

async function regionSummary(): Promise<TRegionSummary> {
  const coordinator = await t.login('coordinator@harmonica.demo', DEMO_PASSWORD);
  const regions = (await coordinator.get('/api/regions')).body as TRegion[];
  assert.deepEqual(
    regions.map((r) => r.name),
    ['Regio Utrecht'],
  );
  const res = await coordinator.get(`/api/regions/${regions[0]!.id}`);
  assert.equal(res.status, 200);
  return res.body as TRegionSummary;
}

describe('the demo region', () => {
  test('returns the five demo logins, and each of them signs in with its role', async () => {
    assert.deepEqual(
      logins.map((l) => [l.role, l.email]),
      [
        ['admin', 'admin@harmonica.demo'],
        ['coordinator', 'coordinator@harmonica.demo'],
        ['mediator', 'mediator@harmonica.demo'],
        ['planner', 'planner@harmonica.demo'],
        ['worker', 'worker@harmonica.demo'],
      ],
    );
    for (const login of logins) {
      assert.equal(login.password, 'harmonica-demo');
      const session = await t.login(login.email, login.password);
      assert.ok(
        session.me.roles.some((r) => r.role === login.role),
        `${login.email} has role ${login.role}`,
      );
    }
    const wrong = await t.anonymous('POST', '/api/auth/login', { email: 'admin@harmonica.demo', password: 'not-the-password' });
    assert.equal(wrong.status, 401);
  });

  test('the coordinator sees the counts the generator made', async () => {
    const summary = await regionSummary();
    assert.equal(summary.code, 'utrecht');
    assert.equal(summary.country, 'NL');
    assert.equal(summary.timeZone, 'Europe/Amsterdam');
    assert.equal(summary.organisationCount, expected.organisations.length);
    assert.equal(summary.locationCount, expected.locations.length);
    assert.equal(summary.workerCount, 300 + journeys.length);
    for (const kind of ['own_staff', 'reservist', 'flex', 'side_entrant', 'student']) {
      const intake = journeys.filter((j) => WORKER_KIND[j.entryKind] === kind).length;
      assert.equal(summary.workersByKind[kind] ?? 0, expected.workers.filter((w) => w.kind === kind).length + intake, kind);
    }
    assert.equal(summary.openShiftCount, expected.shifts.length);
    assert.ok(summary.expiringRegistrations >= 5, `${summary.expiringRegistrations} registrations expire within 60 days`);
    const [stored] = await t.db.select({ n: count() }).from(shifts);
    assert.equal(stored!.n, expected.shifts.length + historyShiftCount);
  });

  test('registrations carry the generated expiry dates and verification', async () => {
    const rows = await t.db.select().from(credentials);
    const generated = expected.workers.flatMap((w) => w.credentials);
    assert.equal(rows.length, generated.length);
    assert.deepEqual(rows.map((r) => `${r.number} ${r.expiresOn} ${r.verificationStatus}`).sort(), generated.map((c) => `${c.number} ${c.expiresOn} ${c.verificationStatus}`).sort());
    assert.ok(rows.filter((r) => r.verificationStatus === 'verified').every((r) => r.verifiedAt !== null));
  });

  test('the demo worker is a BIG-registered nurse with availability and preferences', async () => {
    const worker = await t.login('worker@harmonica.demo', DEMO_PASSWORD);
    assert.ok(worker.me.workerId);
    const res = await worker.get(`/api/workers/${worker.me.workerId}`);
    assert.equal(res.status, 200);
    const profile = res.body as TWorkerProfile;
    assert.equal(profile.firstName, 'Wendy');
    assert.ok(profile.qualificationLevel >= 4);
    assert.ok(profile.weeklyAvailability.length >= 3);
    assert.ok(profile.preferredOrganisationIds.length >= 1);
    const packages = (await worker.get('/api/packages')).body as { id: string; code: string }[];
    const codes = profile.packageIds.map((id) => packages.find((p) => p.id === id)?.code);
    assert.ok(codes.includes('nursing'), codes.join(', '));
    const [big] = await t.db.select().from(credentials).where(eq(credentials.workerId, worker.me.workerId));
    assert.equal(big?.kind, 'big');
    const holidays = await t.db.select().from(workerAvailabilityExceptions).where(eq(workerAvailabilityExceptions.workerId, worker.me.workerId));
    assert.equal(holidays.length, 1);
  });

  test('the planner is bound to the UMC and a second hospital', async () => {
    const planner = await t.login('planner@harmonica.demo', DEMO_PASSWORD);
    const bindings = planner.me.roles.filter((r) => r.role === 'planner');
    assert.equal(bindings.length, 2);
    const organisations = (await planner.get('/api/organisations')).body as { id: string; name: string; sector: string }[];
    const names = bindings.map((b) => organisations.find((o) => o.id === b.organisationId)?.name);
    assert.deepEqual(names, ['Domstad UMC', 'Ziekenhuis Eemland']);
  });

  test('a few more workers have accounts with the demo password', async () => {
    const account = expected.accounts.find((a) => a.workerKey && a.email !== 'worker@harmonica.demo')!;
    const session = await t.login(account.email, DEMO_PASSWORD);
    assert.ok(session.me.workerId);
  });

  test('the shifts that are partly filled pass the marketplace’s own eligibility rules', async () => {
    // The generated region's own assignments; the intake history's past shifts are apart.
    const intake = t.db.select({ id: workers.id }).from(workers).where(like(workers.email, '%@intake.harmonica.demo'));
    const rows = await t.db.select().from(assignments).where(notInArray(assignments.workerId, intake));
    assert.equal(rows.length, expected.assignments.length);
    assert.ok(rows.length > 50);
    // Every third one keeps the test quick; each check is a small planning problem of its own.
    for (const row of rows.filter((_, i) => i % 3 === 0)) {
      const verdict = await checkEligibility(t.db, {
        workerId: row.workerId,
        shiftIds: [row.shiftId],
        rules: NL_ATW_RULES,
        timeZone: 'Europe/Amsterdam',
        ignoreAssignmentIds: [row.id],
      });
      assert.deepEqual(verdict.get(row.shiftId), [], `assignment ${row.id}`);
    }
  });

  test('organisations carry their claim settings', async () => {
    const planner = await t.login('planner@harmonica.demo', DEMO_PASSWORD);
    const rows = await t.db.select().from(organisations);
    const umc = rows.find((o) => o.name === 'Domstad UMC')!;
    assert.equal(umc.claimMode, 'approval');
    assert.ok(rows.some((o) => o.claimMode === 'instant'));
    assert.ok(planner.me.roles.some((r) => r.organisationId === umc.id));
  });

  test('clearing and loading again (harmonica demo --yes) gives the same region', async () => {
    const before = await regionSummary();
    await clearDatabase(t.db);
    assert.equal(await isDatabaseEmpty(t.db), true);
    await loadDemoRegion(t.db, OPTIONS);
    const again = await regionSummary();
    assert.deepEqual({ ...again, id: before.id }, before);
  });
});

describe('the demo intake journeys', () => {
  test('the mediator sees registrations waiting for a welcome call (one overdue), check-ins due and a funnel', async () => {
    const mediator = await t.login('mediator@harmonica.demo', DEMO_PASSWORD);
    const regionId = (mediator.me.roles.find((r) => r.role === 'mediator')!).regionId!;
    const queues = (await mediator.get(`/api/regions/${regionId}/mediation-queues`)).body as TMediationQueues;
    const fresh = queues.awaitingWelcomeCall.filter((q) => Date.now() - Date.parse(q.registeredAt) < 48 * 3_600_000);
    assert.deepEqual(fresh.map((q) => q.isOverdue), [true, false, false]);
    assert.ok(queues.checkInsDue.length > 0, 'some check-ins are due');
    const from = DateTime.fromJSDate(NOW, { zone: 'Europe/Amsterdam' }).minus({ days: 230 }).toISODate()!;
    const to = DateTime.fromJSDate(NOW, { zone: 'Europe/Amsterdam' }).plus({ days: 1 }).toISODate()!;
    const funnel = (await mediator.get(`/api/regions/${regionId}/funnel?from=${from}&to=${to}`)).body as TFunnel;
    assert.equal(funnel.registrations, journeys.length);
    assert.ok(funnel.started > 0 && funnel.started <= funnel.acceptedPeople);
  });
});
