// A story through the real marketplace API: the nursing home posts a shift, a nurse claims it,
// the planner is mailed, approves, and the nurse gets the confirmation by mail and in her
// calendar feed.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { TCalendarFeed, TNotificationList } from '../../shared/notifications.schemas.js';
import { at, setupMarketplace } from '../assignments/marketplace.fixtures.js';
import { buildShift } from '../demo/builders.js';
import { startTestApp, type TestApp } from '../testing/test-app.js';
import { createMailer, type Mailer } from './mailer.js';
import { deliverOutbox } from './outbox.js';
import { startTestSmtpServer, type TestSmtpServer } from './smtp-test-server.js';

describe('marketplace mail', () => {
  let t: TestApp;
  let smtp: TestSmtpServer;
  let mailer: Mailer;

  before(async () => {
    t = await startTestApp();
    smtp = await startTestSmtpServer();
    mailer = createMailer(smtp.url);
  });

  after(async () => {
    mailer.close();
    await smtp.close();
    await t.close();
  });

  const deliverAndRead = async () => {
    const before = smtp.messages.length;
    const { sent } = await deliverOutbox(t.db, mailer, { from: 'Harmonica <noreply@harmonica.test>' });
    return (await smtp.waitForMessages(before + sent)).slice(before);
  };
  const recipient = (mail: { to?: unknown }) => JSON.stringify(mail.to ?? '');

  test('claim, approval and confirmation reach the planner and the nurse by mail', async () => {
    const m = await setupMarketplace(t);
    await m.nurse('anna@test.org', { firstName: 'Anna', lastName: 'de Vries' });
    const shift = await buildShift(t.db, { organisationId: m.home.id, locationId: m.homeLocation.id, packageCode: 'basic-care', start: at(m.monday, 2, '07:00'), end: at(m.monday, 2, '15:00') });
    const anna = await t.login('anna@test.org');
    const planner = await t.login('planner@linde.test');

    const claim = await anna.post(`/api/shifts/${shift.id}/claims`);
    assert.equal(claim.status, 201, JSON.stringify(claim.body));
    const assignmentId = (claim.body as { id: string; status: string }).id;
    assert.equal((claim.body as { status: string }).status, 'pending', 'De Linde approves claims');

    const toPlanner = await deliverAndRead();
    assert.equal(toPlanner.length, 1);
    assert.match(recipient(toPlanner[0]!), /planner@linde\.test/);
    assert.equal(toPlanner[0]!.subject, 'Nieuwe aanmelding om te beoordelen: Anna de Vries');
    assert.match(toPlanner[0]!.text ?? '', /Anna de Vries meldt zich aan voor Basiszorg en contact met zorgvragers bij Zorggroep De Linde, De Linde/);

    const approved = await planner.post(`/api/assignments/${assignmentId}/approve`);
    assert.equal(approved.status, 200, JSON.stringify(approved.body));
    const toAnna = await deliverAndRead();
    assert.equal(toAnna.length, 1);
    assert.match(recipient(toAnna[0]!), /anna@test\.org/);
    assert.match(toAnna[0]!.subject ?? '', /^Dienst bevestigd: Basiszorg en contact met zorgvragers bij Zorggroep De Linde$/);
    assert.match(toAnna[0]!.text ?? '', /^Hallo .*,\n\nJe staat ingeroosterd op .* 07:00–15:00 op De Linde, /);

    const inApp = (await anna.get('/api/notifications')).body as TNotificationList;
    assert.equal(inApp.items[0]?.type, 'claim.confirmed');

    const { url } = (await anna.post('/api/me/calendar-feed')).body as TCalendarFeed;
    const feed = (await t.anonymous('GET', new URL(url).pathname)).body as string;
    assert.ok(feed.replace(/\r\n /g, '').includes(`UID:${assignmentId}@harmonica`));
  });
});
