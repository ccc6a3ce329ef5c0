// The jobs as serve runs them: pg-boss workers, woken by notify() inside the caller's
// transaction, deliver the mail to a real SMTP server without anyone calling deliverOutbox().
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { assignments, emailOutbox } from '../db/schema.js';
import { buildShift } from '../demo/builders.js';
import { setupTwoRegions, startTestApp, type TestApp } from '../testing/test-app.js';
import { startNotificationJobs } from './jobs.js';
import { notify } from './notify.js';
import { startTestSmtpServer, type TestSmtpServer } from './smtp-test-server.js';

describe('notification jobs on the queue', () => {
  let t: TestApp;
  let smtp: TestSmtpServer;
  let jobs: Awaited<ReturnType<typeof startNotificationJobs>>;

  before(async () => {
    t = await startTestApp();
    smtp = await startTestSmtpServer();
    jobs = await startNotificationJobs(t.database, { smtpUrl: smtp.url, mailFrom: 'Harmonica <noreply@harmonica.test>', publicUrl: 'https://harmonica.example' });
  });

  after(async () => {
    await jobs.stop();
    await smtp.close();
    await t.close();
  });

  test('a shift cancelled by the organisation reaches the worker by mail once the change commits', async () => {
    const cast = await setupTwoRegions(t);
    const start = new Date(Date.now() + 4 * 86_400_000);
    const shift = await buildShift(t.db, { organisationId: cast.orgA.id, locationId: cast.locationA.id, start, end: new Date(start.getTime() + 8 * 3_600_000) });
    const [assignment] = await t.db.insert(assignments).values({ shiftId: shift.id, workerId: cast.workerA.id, status: 'confirmed', start: shift.start, end: shift.end }).returning();

    await t.db.transaction((tx) => notify(tx, { type: 'shift.cancelled', shiftId: shift.id, reason: 'Afdeling gesloten', assignmentIds: [assignment!.id] }));

    const [mail] = await smtp.waitForMessages(1);
    assert.match(mail?.subject ?? '', /^Dienst geannuleerd: Basiszorg/);
    assert.match(mail?.text ?? '', /Reden: Afdeling gesloten/);
    assert.match(mail?.text ?? '', /Open Harmonica: https:\/\/harmonica\.example\//);
    const [row] = await t.db.select().from(emailOutbox).where(eq(emailOutbox.toEmail, 'worker-a@test.org'));
    assert.ok(row);
  });

  test('a notification in a transaction that rolls back leaves no mail behind', async () => {
    const [assignment] = await t.db.select().from(assignments);
    assert.ok(assignment);
    await assert.rejects(
      t.db.transaction(async (tx) => {
        await notify(tx, { type: 'claim.confirmed', assignmentId: assignment.id });
        throw new Error('the claim failed after all');
      }),
      /failed after all/,
    );
    assert.equal((await t.db.select().from(emailOutbox)).filter((r) => r.subject.startsWith('Dienst bevestigd')).length, 0);
  });
});
