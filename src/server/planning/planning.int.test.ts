// Solving as a job: a problem document through /api/solves, and auto-planning from the database
// state — run, watch progress, preview with explanations, publish, workers see their shifts.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { and, eq } from 'drizzle-orm';
import { at, setupMarketplace } from '../assignments/marketplace.fixtures.js';
import { buildShift, buildUser } from '../demo/builders.js';
import { assignments } from '../db/schema.js';
import { startTestApp, type Session, type TestApp } from '../testing/test-app.js';
import { startPlanningJobs } from './planning.service.js';

let t: TestApp;
let m: Awaited<ReturnType<typeof setupMarketplace>>;
let coordinator: Session;

before(async () => {
  t = await startTestApp();
  m = await setupMarketplace(t);
  await startPlanningJobs(t.database, { threads: 1 });
  await buildUser(t.db, { email: 'coordinator@utrecht.test', roles: [{ role: 'coordinator', regionId: m.region.id }] });
  coordinator = await t.login('coordinator@utrecht.test');
});
after(() => t.close());

type Status = { status: string; bestScore: { hard: number; soft: number } | null; solution: { assignments: { shiftId: string; workerId: string }[] } | null };

async function waitUntilStopped(session: Session, url: string): Promise<Status & Record<string, unknown>> {
  for (let i = 0; i < 240; i++) {
    const res = await session.get(url);
    const body = res.body as Status & Record<string, unknown>;
    if (!["queued", "running"].includes(body.status)) return body;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${url} did not finish`);
}

describe('POST /api/solves', () => {
  test('ex-small is solved as a job and the solution is feasible', async () => {
    const problem: unknown = JSON.parse(readFileSync(fileURLToPath(new URL('../../../../shared/instances/ex-small.json', import.meta.url)), 'utf8'));
    const res = await coordinator.request('POST', '/api/solves?timeLimitSeconds=2', problem);
    assert.equal(res.status, 202, JSON.stringify(res.body));
    const { jobId } = res.body as { jobId: string };
    const done = await waitUntilStopped(coordinator, `/api/solves/${jobId}`);
    assert.equal(done.status, 'done', JSON.stringify(done));
    assert.equal(done.bestScore?.hard, 0);
    assert.ok(done.solution!.assignments.length > 0);
  });

  test('a malformed problem is rejected whole with path-level messages', async () => {
    const res = await coordinator.request('POST', '/api/solves', { format: 'harmonica.planning-problem/1', id: 'x', horizonStart: 'yesterday', packages: [], organisations: [], locations: [], shifts: [], workers: [{ id: 'w' }] });
    assert.equal(res.status, 400);
    const paths = (res.body as { issues: { path: string }[] }).issues.map((i) => i.path);
    assert.ok(paths.includes('horizonStart'), JSON.stringify(paths));
    assert.ok(paths.some((p) => p.startsWith('workers[0].')), JSON.stringify(paths));
  });

  test('a worker may not start solves', async () => {
    await m.nurse('solver@test.org');
    const w = await t.login('solver@test.org');
    assert.equal((await w.request('POST', '/api/solves', {})).status, 403);
  });
});

describe('auto-planning the region', () => {
  test('run, preview with explanations, publish: proposals become assignments, what changed meanwhile is skipped', async () => {
    const nursing = (day: number) =>
      buildShift(t.db, { organisationId: m.hospital.id, locationId: m.ward.id, packageCode: 'nursing', start: at(m.monday, day, '07:00'), end: at(m.monday, day, '15:00'), places: 1, priority: 4 });
    const shifts = [await nursing(0), await nursing(1), await nursing(2)];
    const monitoring = await buildShift(t.db, { organisationId: m.hospital.id, locationId: m.ward.id, packageCode: 'monitoring-care', start: at(m.monday, 3, '07:00'), end: at(m.monday, 3, '15:00'), places: 1, priority: 5 });
    const nurseA = await m.nurse('plan-a@test.org');
    const nurseB = await m.nurse('plan-b@test.org');
    // Already confirmed: pinned, never moved.
    await t.login('plan-a@test.org').then((s) => s.post(`/api/shifts/${shifts[0]!.id}/claims`));

    const start = await coordinator.post('/api/planning-runs', {
      regionId: m.region.id,
      from: m.monday.toISO(),
      to: m.monday.plus({ days: 7 }).toISO(),
      timeLimitSeconds: 2,
    });
    assert.equal(start.status, 202, JSON.stringify(start.body));
    const runId = (start.body as { jobId: string }).jobId;
    const preview = (await waitUntilStopped(coordinator, `/api/planning-runs/${runId}`)) as unknown as {
      status: string;
      pinnedCount: number;
      current: { uncovered: number };
      proposed: { uncovered: number };
      proposals: { shiftId: string; workerId: string; costs: Record<string, number>; covers: number }[];
      openPlaces: { shiftId: string; blockedBy: Record<string, number> }[];
    };
    assert.equal(preview.status, 'done');
    assert.ok(preview.pinnedCount >= 1);
    assert.ok(preview.proposed.uncovered < preview.current.uncovered, 'the plan covers more than today');
    const proposedShifts = preview.proposals.map((p) => p.shiftId);
    assert.ok(!proposedShifts.includes(shifts[0]!.id) || preview.proposals.every((p) => p.shiftId !== shifts[0]!.id), 'the pinned shift is not re-planned');
    assert.ok(proposedShifts.includes(shifts[1]!.id) && proposedShifts.includes(shifts[2]!.id));
    assert.ok(preview.proposals.every((p) => p.covers > 0 && typeof p.costs === 'object'));
    const unfilled = preview.openPlaces.find((o) => o.shiftId === monitoring.id);
    assert.ok(unfilled, 'nobody holds the monitoring package');
    assert.ok((unfilled.blockedBy.package ?? 0) >= 2);

    // Meanwhile nurse B claims the shift the plan gave to someone else, or nurse A the one planned for B.
    const planned = preview.proposals.find((p) => p.shiftId === shifts[2]!.id)!;
    const other = planned.workerId === nurseA.id ? 'plan-a@test.org' : 'plan-b@test.org';
    const overlapping = await buildShift(t.db, { organisationId: m.hospital.id, locationId: m.ward.id, packageCode: 'basic-care', start: at(m.monday, 2, '06:00'), end: at(m.monday, 2, '12:00') });
    const otherSession = await t.login(other);
    assert.equal((await otherSession.post(`/api/shifts/${overlapping.id}/claims`)).status, 201);
    assert.equal(planned.workerId === nurseA.id || planned.workerId === nurseB.id, true);

    const published = await coordinator.post(`/api/planning-runs/${runId}/publish`);
    assert.equal(published.status, 200, JSON.stringify(published.body));
    const report = (published.body as { status: string; publishReport: { created: number; skipped: { shiftId: string; violations: { rule: string }[] }[] } }).publishReport;
    assert.equal((published.body as { status: string }).status, 'published');
    assert.ok(report.skipped.some((s) => s.shiftId === shifts[2]!.id), JSON.stringify(report));
    assert.equal(report.created, preview.proposals.length - report.skipped.length);
    const onShift1 = await t.db.select().from(assignments).where(and(eq(assignments.shiftId, shifts[1]!.id), eq(assignments.source, 'planning')));
    assert.equal(onShift1.length, 1);
    const mine = (await (await t.login(onShift1[0]!.workerId === nurseA.id ? 'plan-a@test.org' : 'plan-b@test.org')).get('/api/me/shifts')).body as { shiftId: string; status: string }[];
    assert.ok(mine.some((a) => a.shiftId === shifts[1]!.id && a.status === 'confirmed'), 'the worker sees the published shift');
    assert.equal((await coordinator.post(`/api/planning-runs/${runId}/publish`)).status, 409, 'published once');
  });

  test('a planner plans their own organisation, not the region', async () => {
    const planner = await t.login('planner@domstad.test');
    const body = { regionId: m.region.id, from: m.monday.toISO(), to: m.monday.plus({ days: 7 }).toISO(), timeLimitSeconds: 1 };
    assert.equal((await planner.post('/api/planning-runs', body)).status, 403);
    assert.equal((await planner.post('/api/planning-runs', { ...body, organisationId: m.home.id })).status, 403);
    const own = await planner.post('/api/planning-runs', { ...body, organisationId: m.hospital.id });
    assert.equal(own.status, 202);
    const runId = (own.body as { jobId: string }).jobId;
    const stopped = await planner.request('DELETE', `/api/solves/${runId}`);
    assert.equal(stopped.status, 200);
    const final = await waitUntilStopped(planner, `/api/solves/${runId}`);
    assert.ok(['cancelled', 'done'].includes(final.status));
  });
});
