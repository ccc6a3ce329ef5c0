// The planner's swap queue: a nurse offers her shift to a colleague, the colleague says yes, and the
// hospital (which approves swaps) sees it waiting — with who, what and when — until it decides.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { and, eq } from 'drizzle-orm';
import type { TSwap } from '../../shared/assignments.schemas.js';
import type { TNotificationList } from '../../shared/notifications.schemas.js';
import type { TSwapAwaitingApproval } from '../../shared/swap-approvals.schemas.js';
import { at, setupMarketplace } from '../assignments/marketplace.fixtures.js';
import { emailOutbox, organisations } from '../db/schema.js';
import { buildShift, buildUser } from '../demo/builders.js';
import { startTestApp, type Session, type TestApp } from '../testing/test-app.js';

let t: TestApp;
let m: Awaited<ReturnType<typeof setupMarketplace>>;
before(async () => {
  t = await startTestApp();
  m = await setupMarketplace(t);
});
after(() => t.close());

/** A nurse's confirmed shift offered to a colleague who said yes; the swap as the colleague's answer returned it. */
async function agreedSwap(day: number, giverEmail: string, takerEmail: string, organisation: 'hospital' | 'home' = 'hospital'): Promise<TSwap> {
  const [location, orgId] = organisation === 'hospital' ? [m.ward, m.hospital.id] : [m.homeLocation, m.home.id];
  const shift = await buildShift(t.db, { organisationId: orgId, locationId: location.id, packageCode: 'nursing', start: at(m.monday, day, '07:00'), end: at(m.monday, day, '15:00') });
  const taker = await m.nurse(takerEmail);
  await m.nurse(giverEmail);
  const giver = await t.login(giverEmail);
  const claim = await giver.post(`/api/shifts/${shift.id}/claims`);
  if (organisation === 'home') {
    const planner = await t.login('planner@linde.test');
    assert.equal((await planner.post(`/api/assignments/${(claim.body as { id: string }).id}/approve`)).status, 200);
  }
  const offered = await giver.post(`/api/assignments/${(claim.body as { id: string }).id}/swaps`, { toWorkerId: taker.id, note: 'Bruiloft van mijn zus' });
  assert.equal(offered.status, 201, JSON.stringify(offered.body));
  const answered = await (await t.login(takerEmail)).post(`/api/swaps/${(offered.body as TSwap).id}/accept`);
  assert.equal(answered.status, 200, JSON.stringify(answered.body));
  return answered.body as TSwap;
}

async function acceptedSwap(...args: Parameters<typeof agreedSwap>): Promise<TSwap> {
  const swap = await agreedSwap(...args);
  assert.equal(swap.status, 'accepted', 'waits for the planner');
  return swap;
}

const queue = async (session: Session) => {
  const res = await session.get('/api/swap-approvals');
  assert.equal(res.status, 200, JSON.stringify(res.body));
  return res.body as TSwapAwaitingApproval[];
};

describe('swaps awaiting approval', () => {
  let planner: Session;
  before(async () => {
    planner = await t.login('planner@domstad.test');
  });

  test('the planner sees who hands which shift to whom, soonest first, and the swap leaves the queue once decided', async () => {
    const later = await acceptedSwap(4, 'later-giver@test.org', 'later-taker@test.org');
    const sooner = await acceptedSwap(2, 'giver@test.org', 'taker@test.org');
    const waiting = await queue(planner);
    assert.deepEqual(waiting.map((s) => s.id), [sooner.id, later.id]);
    const [first] = waiting;
    assert.equal(first!.fromWorkerName, sooner.fromWorkerName);
    assert.equal(first!.toWorkerName, sooner.toWorkerName);
    assert.match(first!.fromWorkerName, /^\S+ .\.$/, 'first name and initial only');
    assert.equal(first!.note, 'Bruiloft van mijn zus');
    assert.equal(first!.shift.start, at(m.monday, 2, '07:00').toISOString()); // Wednesday 07:00 local
    assert.equal(first!.shift.organisationName, 'Ziekenhuis Domstad');
    assert.equal(first!.shift.locationName, 'Domstad Centrum');
    assert.equal(first!.shift.packageCode, 'nursing');
    assert.ok(Date.parse(first!.acceptedAt) <= Date.now());

    assert.equal((await planner.post(`/api/swaps/${sooner.id}/approve`)).status, 200);
    assert.equal((await planner.post(`/api/swaps/${later.id}/reject`, { reason: 'Geen inwerkdag gehad' })).status, 200);
    assert.deepEqual(await queue(planner), []);
  });

  test('a planner sees only their own organisations; workers may not read the queue', async () => {
    const linde = await acceptedSwap(3, 'linde-giver@test.org', 'linde-taker@test.org', 'home');
    assert.deepEqual((await queue(planner)).map((s) => s.id), [], 'not the nursing home’s swap');
    assert.deepEqual((await queue(await t.login('planner@linde.test'))).map((s) => s.id), [linde.id]);
    const worker = await t.login('linde-giver@test.org');
    assert.equal((await worker.get('/api/swap-approvals')).status, 403);
    assert.equal((await t.anonymous('GET', '/api/swap-approvals')).status, 401);
    await buildUser(t.db, { email: 'mediator@utrecht.test', roles: [{ role: 'mediator', regionId: m.region.id }] });
    assert.equal((await (await t.login('mediator@utrecht.test')).get('/api/swap-approvals')).status, 403);
  });

  test('a swap still waiting for the colleague, or at an organisation without approval, is not in the queue', async () => {
    const shift = await buildShift(t.db, { organisationId: m.hospital.id, locationId: m.ward.id, packageCode: 'nursing', start: at(m.monday, 5, '07:00'), end: at(m.monday, 5, '15:00') });
    const taker = await m.nurse('asked@test.org');
    await m.nurse('asker@test.org');
    const asker = await t.login('asker@test.org');
    const claim = (await asker.post(`/api/shifts/${shift.id}/claims`)).body as { id: string };
    assert.equal((await asker.post(`/api/assignments/${claim.id}/swaps`, { toWorkerId: taker.id })).status, 201);
    assert.deepEqual(await queue(planner), [], 'requested, not yet accepted');

    await t.db.update(organisations).set({ swapNeedsApproval: false }).where(eq(organisations.id, m.hospital.id));
    const direct = await agreedSwap(6, 'direct-giver@test.org', 'direct-taker@test.org');
    assert.equal(direct.status, 'approved', 'without approval the swap is done at once');
    assert.deepEqual(await queue(planner), []);
  });
});

describe('a swap the planner rejects', () => {
  test('both workers see it rejected with the reason and the shift, and hear of it on the channel each chose', async () => {
    await t.db.update(organisations).set({ swapNeedsApproval: true }).where(eq(organisations.id, m.hospital.id));
    const swap = await acceptedSwap(1, 'reject-giver@test.org', 'reject-taker@test.org');
    const taker = await t.login('reject-taker@test.org');
    const giver = await t.login('reject-giver@test.org');
    // The colleague reads swap decisions in the app only; the one who asked keeps the default (email).
    assert.equal((await taker.request('PUT', '/api/me/notification-preferences', { preferences: [{ type: 'swap.decided', channel: 'in_app' }] })).status, 200);

    const planner = await t.login('planner@domstad.test');
    const rejected = await planner.post(`/api/swaps/${swap.id}/reject`, { reason: 'Nog geen inwerkdag op deze afdeling' });
    assert.equal(rejected.status, 200, JSON.stringify(rejected.body));
    assert.equal((rejected.body as TSwap).status, 'rejected');

    for (const session of [giver, taker]) {
      const mine = (await session.get('/api/me/swaps')).body as TSwap[];
      const seen = mine.find((s) => s.id === swap.id)!;
      assert.equal(seen.status, 'rejected');
      assert.equal(seen.reason, 'Nog geen inwerkdag op deze afdeling');
      assert.ok(seen.decidedAt && Date.parse(seen.decidedAt) <= Date.now());
      assert.equal(seen.shift.start, at(m.monday, 1, '07:00').toISOString()); // Tuesday 07:00 local
      assert.equal(seen.shift.organisationName, 'Ziekenhuis Domstad');

      const { items } = (await session.get('/api/notifications')).body as TNotificationList;
      const [decided] = items.filter((n) => n.type === 'swap.decided');
      assert.ok(decided, 'a swap.decided notification');
      assert.equal(decided.title, 'Ruil afgewezen');
      assert.match(decided.body, /Nog geen inwerkdag op deze afdeling/);
    }
    const mailsTo = async (email: string) =>
      (await t.db.select().from(emailOutbox).where(and(eq(emailOutbox.toEmail, email), eq(emailOutbox.subject, 'Ruil afgewezen')))).map((mail) => mail.text);
    const [mail] = await mailsTo('reject-giver@test.org');
    assert.match(mail!, /Nog geen inwerkdag op deze afdeling/);
    assert.deepEqual(await mailsTo('reject-taker@test.org'), [], 'in the app only');

    const giverShifts = (await giver.get('/api/me/shifts')).body as { id: string; status: string }[];
    assert.equal(giverShifts.find((a) => a.id === swap.assignmentId)?.status, 'confirmed', 'the shift stays with the one who asked');
    assert.equal((await planner.post(`/api/swaps/${swap.id}/reject`, { reason: 'nogmaals' })).status, 409, 'decided once');
  });
});
