// A nurse's BIG registration expires on 1 June 2027: the checklist counts her nursing hours through
// Harmonica and those she declares, and the daily run reminds her 6, 3 and 1 months before, once each.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { makeBigNumber } from '../../shared/big-number.js';
import type { TBigChecklist } from '../../shared/journey.schemas.js';
import { assignments, auditLog, credentials, emailOutbox, notifications } from '../db/schema.js';
import { buildLocation, buildOrganisation, buildRegion, buildShift, buildUser, buildWorkerWithUser } from '../demo/builders.js';
import { startTestApp, type Response, type Session, type TestApp } from '../testing/test-app.js';
import { sendBigReminders } from './big-checklist.js';

let t: TestApp;
let s: Record<'nurse' | 'mediator' | 'planner' | 'foreign' | 'other', Session>;
let workerId: string;
let userId: string;
let credentialId: string;

before(async () => {
  t = await startTestApp();
  const region = await buildRegion(t.db, { name: 'Regio BIG' });
  const foreign = await buildRegion(t.db, { name: 'Regio Elders' });
  const hospital = await buildOrganisation(t.db, { regionId: region.id, name: 'Ziekenhuis', sector: 'hospital' });
  const ward = await buildLocation(t.db, { organisationId: hospital.id, postcode: '3584' });
  const nurse = await buildWorkerWithUser(t.db, {
    regionId: region.id,
    email: 'nurse@big.test',
    packages: ['nursing', 'basic-care'],
    big: { number: makeBigNumber([1, 2, 3, 4, 5, 6, 7, 8, 9]), expiresOn: '2027-06-01' },
  });
  workerId = nurse.worker.id;
  userId = nurse.user.id;
  [{ id: credentialId }] = (await t.db.select({ id: credentials.id }).from(credentials).where(eq(credentials.workerId, workerId))) as [{ id: string }];
  await buildWorkerWithUser(t.db, { regionId: region.id, email: 'other@big.test' });
  // Two past nursing shifts of 8 h and one basic-care shift (no registration needed): 16 hours count.
  for (const [code, day] of [['nursing', 10], ['nursing', 11], ['basic-care', 12]] as const) {
    const start = new Date(Date.UTC(2026, 9, day, 6));
    const shift = await buildShift(t.db, { organisationId: hospital.id, locationId: ward.id, packageCode: code, start, end: new Date(start.getTime() + 8 * 3_600_000) });
    await t.db.insert(assignments).values({ shiftId: shift.id, workerId, status: 'confirmed', source: 'claim', start: shift.start, end: shift.end });
  }
  await buildUser(t.db, { email: 'mediator@big.test', roles: [{ role: 'mediator', regionId: region.id }] });
  await buildUser(t.db, { email: 'planner@big.test', roles: [{ role: 'planner', organisationId: hospital.id }] });
  await buildUser(t.db, { email: 'coordinator@elders.test', roles: [{ role: 'coordinator', regionId: foreign.id }] });
  s = {
    nurse: await t.login('nurse@big.test'),
    mediator: await t.login('mediator@big.test'),
    planner: await t.login('planner@big.test'),
    foreign: await t.login('coordinator@elders.test'),
    other: await t.login('other@big.test'),
  };
});
after(() => t.close());

describe('BIG re-registration checklist', () => {
  const url = () => `/api/workers/${workerId}/big-checklist`;

  test('the nurse and the region’s mediator read it (the mediator’s read is audited); nobody else', async () => {
    const res = await s.nurse.get(url());
    assert.equal(res.status, 200, JSON.stringify(res.body));
    const [item] = (res.body as TBigChecklist).items;
    assert.equal(item!.expiresOn, '2027-06-01');
    assert.equal(item!.hoursInHarmonica, 16);
    assert.equal(item!.requiredHours, 2080);
    assert.equal(item!.hasEnoughHours, false);
    assert.equal((await s.mediator.get(url())).status, 200);
    const reads = await t.db.select().from(auditLog).where(and(eq(auditLog.entity, 'credential'), eq(auditLog.action, 'read'), eq(auditLog.entityId, workerId)));
    assert.equal(reads.length, 1);
    for (const session of [s.planner, s.foreign, s.other]) assert.equal((await session.get(url())).status, 404);
  });

  test('declared hours and training; bad input names the field and changes nothing', async () => {
    const paths = (res: Response) => (res.body as { issues: { path: string }[] }).issues.map((i) => i.path);
    const bad = await s.nurse.patch(`${url()}/${credentialId}`, { declaredHours: -5 });
    assert.equal(bad.status, 400);
    assert.deepEqual(paths(bad), ['declaredHours']);
    assert.equal((await s.planner.patch(`${url()}/${credentialId}`, { declaredHours: 10 })).status, 404);
    assert.equal((await s.nurse.patch(`${url()}/00000000-0000-4000-8000-000000000000`, { declaredHours: 10 })).status, 404);
    const res = await s.nurse.patch(`${url()}/${credentialId}`, { declaredHours: 2064, accreditationNote: 'Uren bij vorige werkgever' });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    const [item] = (res.body as TBigChecklist).items;
    assert.equal(item!.declaredHours, 2064);
    assert.equal(item!.hasEnoughHours, true);
    assert.equal(item!.accreditationNote, 'Uren bij vorige werkgever');
  });

  test('reminders 6, 3 and 1 months before expiry, each once; the most urgent one only when several moments passed', async () => {
    const run = async (iso: string) => (await sendBigReminders(t.db, { now: new Date(iso) })).reminded;
    const sent = async () =>
      (await t.db.select().from(notifications).where(and(eq(notifications.userId, userId), eq(notifications.type, 'big.expiry')))).map((n) => n.payload.monthsBefore).sort();
    assert.equal(await run('2026-11-30T10:00:00Z'), 0); // 1 Dec 2026 local is the 6-month moment
    assert.equal(await run('2026-12-01T10:00:00Z'), 1);
    assert.equal(await run('2026-12-02T10:00:00Z'), 0);
    assert.deepEqual(await sent(), [6]);
    assert.equal(await run('2027-03-01T10:00:00Z'), 1);
    assert.equal(await run('2027-03-01T11:00:00Z'), 0);
    assert.equal(await run('2027-05-20T10:00:00Z'), 1);
    assert.equal(await run('2027-06-02T10:00:00Z'), 0); // expired: nothing more
    assert.deepEqual(await sent(), [1, 3, 6]);
    const mails = await t.db.select().from(emailOutbox).where(eq(emailOutbox.toEmail, 'nurse@big.test'));
    assert.equal(mails.length, 3);
    assert.match(mails[0]!.subject, /BIG/);
    // Renewed until 2032: a fresh cycle, skipped straight to the most urgent due moment.
    await t.db.update(credentials).set({ expiresOn: '2032-06-01' }).where(eq(credentials.id, credentialId));
    assert.equal(await run('2032-05-15T10:00:00Z'), 1);
    assert.deepEqual(await sent(), [1, 1, 3, 6]);
  });
});
