// Property test: no sequence of claims, approvals, rejections, withdrawals, cancellations and swaps
// ever breaks a hard rule. fast-check generates the sequences; after every step the invariants
// are checked in SQL over the whole database.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import fc from 'fast-check';
import { inArray } from 'drizzle-orm';
import type { Actor } from '../auth/actor.js';
import { buildLocation, buildOrganisation, buildRegion, buildShift, buildUser, buildWorker } from '../demo/builders.js';
import { assignments, notifications, swaps } from '../db/schema.js';
import { AppError } from '../errors/app-error.js';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.js';
import * as service from './assignments.service.js';
import { findInvariantViolations } from './invariants.js';
import { at, baseMonday } from './marketplace.fixtures.js';

let test_db: TestDatabase;
let world: Awaited<ReturnType<typeof buildWorld>>;

async function buildWorld() {
  const db = test_db.database.db;
  const region = await buildRegion(db);
  const instant = await buildOrganisation(db, { regionId: region.id, swapNeedsApproval: false });
  const approving = await buildOrganisation(db, { regionId: region.id, claimMode: 'approval' });
  const locA = await buildLocation(db, { organisationId: instant.id });
  const locB = await buildLocation(db, { organisationId: approving.id });
  const planner = await buildUser(db, { roles: [{ role: 'planner', organisationId: instant.id }, { role: 'planner', organisationId: approving.id }] });
  const monday = baseMonday();
  const slots: [number, string, string][] = [
    [0, '07:00', '15:00'], [0, '12:00', '20:00'], [0, '22:00', '07:00'], [1, '15:00', '23:00'], [1, '07:00', '15:00'], [2, '07:00', '19:00'], [3, '07:00', '15:00'],
  ];
  const shifts = [];
  for (const [i, [day, from, to]] of slots.entries()) {
    const start = at(monday, day, from);
    const end = to <= from ? at(monday, day + 1, to) : at(monday, day, to);
    const [org, loc] = i % 2 ? [approving, locB] : [instant, locA];
    shifts.push(await buildShift(db, { organisationId: org.id, locationId: loc.id, start, end, places: 1 + (i % 2), supervisionCapacity: i % 3 === 0 ? 1 : 0 }));
  }
  const workers = [];
  for (let i = 0; i < 5; i++) {
    workers.push(await buildWorker(db, { regionId: region.id, packages: ['basic-care'], isNewcomer: i < 2, ...(i === 4 ? { maxMinutesPerWeek: 16 * 60 } : {}) }));
  }
  const workerActor = (workerId: string): Actor => ({
    userId: planner.id,
    email: 'w@example.org',
    name: 'w',
    locale: 'nl',
    roles: [{ role: 'worker', organisationId: null, regionId: region.id }],
    workerId,
    workerRegionId: region.id,
    regionIds: [region.id],
    csrfToken: '',
  });
  const plannerActor: Actor = {
    userId: planner.id,
    email: 'p@example.org',
    name: 'p',
    locale: 'nl',
    roles: [
      { role: 'planner', organisationId: instant.id, regionId: null },
      { role: 'planner', organisationId: approving.id, regionId: null },
    ],
    workerId: null,
    workerRegionId: null,
    regionIds: [region.id],
    csrfToken: '',
  };
  return { shifts, workers, workerActor, plannerActor };
}

before(async () => {
  test_db = await createTestDatabase();
  world = await buildWorld();
});
after(() => test_db.close());

const step = fc.oneof(
  fc.record({ kind: fc.constant('claim' as const), worker: fc.nat(4), shift: fc.nat(6) }),
  fc.record({ kind: fc.constantFrom('approve' as const, 'reject' as const, 'withdraw' as const, 'cancelByWorker' as const, 'cancelByPlanner' as const), pick: fc.nat(50) }),
  fc.record({ kind: fc.constant('swap' as const), pick: fc.nat(50), worker: fc.nat(4) }),
  fc.record({ kind: fc.constantFrom('acceptSwap' as const, 'declineSwap' as const, 'approveSwap' as const), pick: fc.nat(50) }),
);
type Step = typeof step extends fc.Arbitrary<infer S> ? S : never;

async function apply(s: Step): Promise<void> {
  const db = test_db.database.db;
  const live = await db.select().from(assignments).where(inArray(assignments.status, ['pending', 'confirmed'])).orderBy(assignments.createdAt, assignments.id);
  const open = await db.select().from(swaps).where(inArray(swaps.status, ['requested', 'accepted'])).orderBy(swaps.createdAt, swaps.id);
  const a = 'pick' in s && live.length ? live[s.pick % live.length] : undefined;
  const sw = 'pick' in s && open.length ? open[s.pick % open.length] : undefined;
  switch (s.kind) {
    case 'claim':
      await service.claimShift(db, world.workerActor(world.workers[s.worker]!.id), world.shifts[s.shift]!.id);
      return;
    case 'approve':
      if (a) await service.approveClaim(db, world.plannerActor, a.id);
      return;
    case 'reject':
      if (a) await service.rejectClaim(db, world.plannerActor, a.id, 'Vol');
      return;
    case 'withdraw':
      if (a) await service.withdrawClaim(db, world.workerActor(a.workerId), a.id);
      return;
    case 'cancelByWorker':
      if (a) await service.cancelAssignment(db, world.workerActor(a.workerId), a.id, '');
      return;
    case 'cancelByPlanner':
      if (a) await service.cancelAssignment(db, world.plannerActor, a.id, 'Afdeling dicht');
      return;
    case 'swap':
      if (a) await service.requestSwap(db, world.workerActor(a.workerId), a.id, world.workers[s.worker]!.id, '');
      return;
    case 'acceptSwap':
    case 'declineSwap':
      if (sw) await service.answerSwap(db, world.workerActor(sw.toWorkerId), sw.id, s.kind === 'acceptSwap');
      return;
    case 'approveSwap':
      if (sw) await service.decideSwap(db, world.plannerActor, sw.id, true, '');
      return;
  }
}

test('no sequence of marketplace actions breaks a hard rule', async () => {
  const succeeded = new Map<string, number>();
  await fc.assert(
    fc.asyncProperty(fc.array(step, { minLength: 5, maxLength: 30 }), async (steps) => {
      const db = test_db.database.db;
      await db.delete(notifications);
      await db.delete(swaps);
      await db.delete(assignments);
      for (const s of steps) {
        try {
          await apply(s);
          succeeded.set(s.kind, (succeeded.get(s.kind) ?? 0) + 1);
        } catch (error) {
          // Refusals are expected; anything else (a 500 in the making) fails the property.
          if (!(error instanceof AppError) || error.status >= 500) throw error;
        }
        assert.deepEqual(await findInvariantViolations(db), [], `after ${JSON.stringify(s)}`);
      }
    }),
    { numRuns: 25, seed: 20261123 },
  );
  // The sequences really exercised the paths, not only refusals.
  for (const kind of ['claim', 'approve', 'reject', 'cancelByPlanner', 'swap', 'acceptSwap']) {
    assert.ok((succeeded.get(kind) ?? 0) > 0, `no successful ${kind} in any sequence`);
  }
});
