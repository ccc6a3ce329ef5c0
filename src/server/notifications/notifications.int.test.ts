// Notifications end to end: events become in-app rows and outbox mails in the caller's
// transaction, the delivery run sends them to a real SMTP server, and we read what arrived.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { eq } from 'drizzle-orm';
import type { TMailboxEntry, TNotificationList, TNotificationPreferences } from '../../shared/notifications.schemas.js';
import { assignments, emailOutbox, notifications, swaps, users } from '../db/schema.js';
import { buildShift, buildWorkerWithUser, findPackageIdsByCode } from '../demo/builders.js';
import { setupTwoRegions, startTestApp, type TestApp } from '../testing/test-app.js';
import { sendDigests } from './digest.js';
import { createMailer, type Mailer } from './mailer.js';
import { notify } from './notify.js';
import type { NotificationEvent } from './events.js';
import { deliverOutbox } from './outbox.js';
import { sendReminders } from './reminders.js';
import { startTestSmtpServer, type TestSmtpServer } from './smtp-test-server.js';

const DAY = 86_400_000;
const FROM = 'Harmonica <noreply@harmonica.test>';

describe('notifications and email', () => {
  let t: TestApp;
  let cast: Awaited<ReturnType<typeof setupTwoRegions>>;
  let smtp: TestSmtpServer;
  let mailer: Mailer;
  let day = 3;

  before(async () => {
    t = await startTestApp();
    cast = await setupTwoRegions(t);
    smtp = await startTestSmtpServer();
    mailer = createMailer(smtp.url);
  });

  after(async () => {
    mailer.close();
    await smtp.close();
    await t.close();
  });

  const emit = (event: NotificationEvent) => t.db.transaction((tx) => notify(tx, event));
  const deliver = (options: { now?: Date; maxAttempts?: number } = {}) => deliverOutbox(t.db, mailer, { from: FROM, ...options });
  const outboxTo = (email: string) => t.db.select().from(emailOutbox).where(eq(emailOutbox.toEmail, email));

  /** A shift at organisation A on a day of its own (a worker cannot hold two overlapping ones). */
  async function shiftA(hoursFromNow?: number) {
    const start = hoursFromNow === undefined ? new Date(Date.now() + day++ * DAY) : new Date(Date.now() + hoursFromNow * 3_600_000);
    return buildShift(t.db, { organisationId: cast.orgA.id, locationId: cast.locationA.id, start, end: new Date(start.getTime() + 8 * 3_600_000), notes: 'Meld je bij de teamleider' });
  }

  async function assign(shift: Awaited<ReturnType<typeof shiftA>>, workerId: string, status: 'confirmed' | 'pending' = 'confirmed') {
    const [row] = await t.db.insert(assignments).values({ shiftId: shift.id, workerId, status, start: shift.start, end: shift.end }).returning();
    return row!;
  }

  test('a confirmed claim is mailed in Dutch over SMTP, once, and shows in the app', async () => {
    const assignment = await assign(await shiftA(), cast.workerA.id);
    await emit({ type: 'claim.confirmed', assignmentId: assignment.id });

    const before = smtp.messages.length;
    const report = await deliver();
    assert.equal(report.sent, 1);
    const [mail] = (await smtp.waitForMessages(before + 1)).slice(before);
    assert.ok(mail);
    assert.match(mail.subject ?? '', /^Dienst bevestigd: Basiszorg en contact met zorgvragers bij Ziekenhuis A$/);
    assert.equal(mail.to && !Array.isArray(mail.to) ? mail.to.value[0]?.address : undefined, 'worker-a@test.org');
    assert.match(mail.text ?? '', /Hallo .*,\n\nJe staat ingeroosterd op .* op Locatie/);
    assert.match(mail.html || '', /<p>Hallo/);

    // A second run (or a run started twice) sends nothing more.
    assert.deepEqual(await deliver(), { sent: 0, retrying: 0, failed: 0 });
    assert.equal(smtp.messages.length, before + 1);
    const [row] = (await outboxTo('worker-a@test.org')).filter((r) => r.dedupeKey === `claim.confirmed:${assignment.id}:${cast.workerA.userId}`);
    assert.equal(row?.status, 'sent');
    assert.equal(row?.attempts, 1);

    // Reporting the same event again does not queue a second mail.
    await emit({ type: 'claim.confirmed', assignmentId: assignment.id });
    assert.equal((await deliver()).sent, 0);

    const list = await cast.sessions.workerA.get('/api/notifications');
    assert.equal(list.status, 200);
    const body = list.body as TNotificationList;
    assert.ok(body.unreadCount >= 1);
    assert.equal(body.items[0]?.type, 'claim.confirmed');
    assert.equal(body.items[0]?.payload.assignmentId, assignment.id);
  });

  test('a refused mail is retried with backoff and then delivered exactly once', async () => {
    const assignment = await assign(await shiftA(), cast.workerA.id);
    await emit({ type: 'claim.rejected', assignmentId: assignment.id, reason: 'Dienst is al vol' });
    smtp.refuseNext(1);
    const before = smtp.messages.length;

    assert.deepEqual(await deliver(), { sent: 0, retrying: 1, failed: 0 });
    const [row] = (await t.db.select().from(emailOutbox).where(eq(emailOutbox.dedupeKey, `claim.rejected:${assignment.id}:${cast.workerA.userId}`)));
    assert.equal(row?.status, 'pending');
    assert.equal(row?.attempts, 1);
    assert.match(row?.lastError ?? '', /451/);

    // Not yet due: the first retry waits a minute.
    assert.equal((await deliver()).sent, 0);
    assert.equal((await deliver({ now: new Date(Date.now() + 2 * 60_000) })).sent, 1);
    const [mail] = (await smtp.waitForMessages(before + 1)).slice(before);
    assert.match(mail?.subject ?? '', /^Aanmelding afgewezen/);
    assert.match(mail?.text ?? '', /Reden: Dienst is al vol/);
    const [sent] = await t.db.select().from(emailOutbox).where(eq(emailOutbox.id, row.id));
    assert.equal(sent?.status, 'sent');
    assert.equal(sent?.attempts, 2);
    assert.equal(sent?.lastError, null);
  });

  test('two delivery runs at the same time send each mail once', async () => {
    for (let i = 0; i < 4; i++) {
      await t.db.insert(emailOutbox).values({ toEmail: `parallel-${i}@test.org`, subject: `Parallel ${i}`, text: 'Hallo', dedupeKey: `parallel:${i}` });
    }
    const before = smtp.messages.length;
    const reports = await Promise.all([deliver(), deliver(), deliver()]);
    assert.equal(reports.reduce((sum, r) => sum + r.sent, 0), 4);
    const received = (await smtp.waitForMessages(before + 4)).slice(before);
    assert.deepEqual(received.map((m) => m.subject).sort(), ['Parallel 0', 'Parallel 1', 'Parallel 2', 'Parallel 3']);
    assert.deepEqual(await deliver(), { sent: 0, retrying: 0, failed: 0 });
    assert.equal(smtp.messages.length, before + 4);
  });

  test('after the last attempt a mail is marked failed with the error', async () => {
    const assignment = await assign(await shiftA(), cast.workerA.id);
    await emit({ type: 'claim.rejected', assignmentId: assignment.id, reason: '' });
    smtp.refuseNext(2);
    assert.equal((await deliver({ maxAttempts: 2 })).retrying, 1);
    assert.equal((await deliver({ maxAttempts: 2, now: new Date(Date.now() + 10 * 60_000) })).failed, 1);
    const [row] = await t.db.select().from(emailOutbox).where(eq(emailOutbox.dedupeKey, `claim.rejected:${assignment.id}:${cast.workerA.userId}`));
    assert.equal(row?.status, 'failed');
    assert.equal(row?.attempts, 2);
    assert.match(row?.lastError ?? '', /temporarily unavailable/);
    smtp.refuseNext(0);
  });

  test('new shifts that match are bundled into one digest mail, not one mail per shift', async () => {
    const [packageId] = await findPackageIdsByCode(t.db, ['basic-care']);
    // Another worker nearby with the package, and one whose radius is too small for Utrecht from Amsterdam.
    const nearby = await buildWorkerWithUser(t.db, { regionId: cast.regionA.id, email: 'nearby@test.org', packages: ['basic-care'], homePostcode: '3511' });
    await buildWorkerWithUser(t.db, { regionId: cast.regionA.id, email: 'far@test.org', packages: ['basic-care'], homePostcode: '1011', maxTravelKm: 10 });
    await t.db.update(users).set({ locale: 'en' }).where(eq(users.id, nearby.user.id));

    for (let i = 0; i < 3; i++) {
      const start = new Date(Date.now() + (20 + i) * DAY);
      const res = await cast.sessions.plannerA.post('/api/shifts', {
        locationId: cast.locationA.id,
        packageId,
        places: 2,
        start: start.toISOString(),
        end: new Date(start.getTime() + 8 * 3_600_000).toISOString(),
      });
      assert.equal(res.status, 201, JSON.stringify(res.body));
    }
    // Nothing is mailed at once: new shifts go to the digest by default.
    assert.equal((await outboxTo('worker-a@test.org')).filter((r) => r.subject.includes('nieuw')).length, 0);
    const inApp = await t.db.select().from(notifications).where(eq(notifications.type, 'shift.posted'));
    assert.deepEqual(new Set(inApp.map((n) => n.userId)), new Set([cast.workerA.userId, nearby.user.id]));

    assert.deepEqual(await sendDigests(t.db), { mails: 2 });
    assert.deepEqual(await sendDigests(t.db), { mails: 0 });
    const before = smtp.messages.length;
    assert.equal((await deliver()).sent, 2);
    const mails = (await smtp.waitForMessages(before + 2)).slice(before);
    const toA = mails.find((m) => m.text?.startsWith('Hallo'));
    assert.ok(toA);
    assert.equal(toA.subject, 'Harmonica: 3 nieuwe berichten voor jou');
    assert.match(toA.text ?? '', /Nieuwe diensten die bij je profiel passen \(3\):\n- Basiszorg.*\n- Basiszorg.*\n- Basiszorg/);
    const toNearby = mails.find((m) => m.text?.startsWith('Hello'));
    assert.equal(toNearby?.subject, 'Harmonica: 3 new items for you');
    assert.equal((await outboxTo('far@test.org')).length, 0);
  });

  test("'off' and 'in_app' preferences suppress the mail; bad choices are refused", async () => {
    const { workerA } = cast.sessions;
    const bad = await workerA.request('PUT', '/api/me/notification-preferences', { preferences: [{ type: 'claim.confirmed', channel: 'sms' }] });
    assert.equal(bad.status, 400);
    assert.equal((bad.body as { issues: { path: string }[] }).issues[0]?.path, 'preferences[0].channel');
    const unknown = await workerA.request('PUT', '/api/me/notification-preferences', { preferences: [{ type: 'lunch.served', channel: 'email' }] });
    assert.equal(unknown.status, 400);

    const res = await workerA.request('PUT', '/api/me/notification-preferences', {
      preferences: [
        { type: 'claim.confirmed', channel: 'off' },
        { type: 'claim.rejected', channel: 'in_app' },
      ],
    });
    assert.equal(res.status, 200);
    const prefs = (res.body as TNotificationPreferences).preferences;
    assert.deepEqual(prefs.find((p) => p.type === 'claim.confirmed'), { type: 'claim.confirmed', channel: 'off', isDefault: false });
    assert.deepEqual(prefs.find((p) => p.type === 'shift.posted'), { type: 'shift.posted', channel: 'digest', isDefault: true });

    const confirmed = await assign(await shiftA(), cast.workerA.id);
    const rejected = await assign(await shiftA(), cast.workerA.id, 'pending');
    await emit({ type: 'claim.confirmed', assignmentId: confirmed.id });
    await emit({ type: 'claim.rejected', assignmentId: rejected.id, reason: 'vol' });

    const keys = (await outboxTo('worker-a@test.org')).map((r) => r.dedupeKey);
    assert.ok(!keys.includes(`claim.confirmed:${confirmed.id}:${cast.workerA.userId}`));
    assert.ok(!keys.includes(`claim.rejected:${rejected.id}:${cast.workerA.userId}`));
    const mine = (await workerA.get('/api/notifications')).body as TNotificationList;
    assert.ok(!mine.items.some((n) => n.payload.assignmentId === confirmed.id));
    assert.equal(mine.items.find((n) => n.payload.assignmentId === rejected.id)?.channel, 'in_app');

    await workerA.request('PUT', '/api/me/notification-preferences', {
      preferences: [
        { type: 'claim.confirmed', channel: 'email' },
        { type: 'claim.rejected', channel: 'email' },
      ],
    });
  });

  test('planners hear about claims waiting for them, in their own language', async () => {
    const planner = await t.db.select().from(users).where(eq(users.email, 'planner-a@test.org'));
    await t.db.update(users).set({ locale: 'en' }).where(eq(users.id, planner[0]!.id));
    const pending = await assign(await shiftA(), cast.otherWorkerA.id, 'pending');
    await emit({ type: 'claim.pending', assignmentId: pending.id });
    const [mail] = await outboxTo('planner-a@test.org');
    assert.match(mail?.subject ?? '', /^New claim to review: Sam Test/);
    assert.equal((await outboxTo('planner-b@test.org')).length, 0);
  });

  test('swaps reach the asked worker, then the requester and the planners, then both workers', async () => {
    const assignment = await assign(await shiftA(), cast.workerA.id);
    const [swap] = await t.db.insert(swaps).values({ assignmentId: assignment.id, fromWorkerId: cast.workerA.id, toWorkerId: cast.otherWorkerA.id, note: 'Verjaardag van mijn moeder' }).returning();
    const keys = async () => (await t.db.select().from(emailOutbox)).map((r) => r.dedupeKey);
    const userOf = (worker: { userId: string | null }) => worker.userId!;
    const [planner] = await t.db.select().from(users).where(eq(users.email, 'planner-a@test.org'));

    await emit({ type: 'swap.requested', swapId: swap!.id });
    const [asked] = await t.db.select().from(emailOutbox).where(eq(emailOutbox.dedupeKey, `swap.requested:${swap!.id}:${userOf(cast.otherWorkerA)}`));
    assert.match(asked?.subject ?? '', /vraagt of je een dienst wilt overnemen$/);
    assert.match(asked?.text ?? '', /"Verjaardag van mijn moeder"/);

    await emit({ type: 'swap.accepted', swapId: swap!.id });
    const afterAccept = await keys();
    assert.ok(afterAccept.includes(`swap.accepted:${swap!.id}:${userOf(cast.workerA)}`));
    assert.ok(afterAccept.includes(`swap.accepted:${swap!.id}:${planner!.id}`), 'Ziekenhuis A approves swaps');

    await emit({ type: 'swap.decided', swapId: swap!.id, isApproved: false, reason: 'Niet dezelfde afdeling' });
    const decided = (await t.db.select().from(emailOutbox)).filter((r) => r.dedupeKey?.startsWith(`swap.decided:${swap!.id}:`));
    assert.deepEqual(decided.map((r) => r.toEmail).sort(), ['worker-a2@test.org', 'worker-a@test.org']);
    assert.ok(decided.every((r) => r.text.includes('Reden: Niet dezelfde afdeling')));
  });

  test('a worker who cancels is reported to the planners; a cancellation by the organisation to the worker', async () => {
    const byWorker = await assign(await shiftA(), cast.workerA.id);
    await emit({ type: 'assignment.cancelled', assignmentId: byWorker.id, reason: 'ziek', byWorker: true });
    const [toPlanner] = (await outboxTo('planner-a@test.org')).filter((r) => r.dedupeKey?.startsWith(`assignment.cancelled:${byWorker.id}`));
    assert.ok(toPlanner);
    assert.equal((await outboxTo('worker-a@test.org')).filter((r) => r.dedupeKey?.startsWith(`assignment.cancelled:${byWorker.id}`)).length, 0);

    const byOrganisation = await assign(await shiftA(), cast.workerA.id);
    await emit({ type: 'assignment.cancelled', assignmentId: byOrganisation.id, reason: 'te weinig cliënten', byWorker: false });
    const [toWorker] = (await outboxTo('worker-a@test.org')).filter((r) => r.dedupeKey?.startsWith(`assignment.cancelled:${byOrganisation.id}`));
    assert.match(toWorker?.subject ?? '', /^Je dienst is geannuleerd/);
  });

  test('a reminder goes out the day before, once', async () => {
    const tomorrow = await assign(await shiftA(20), cast.workerA.id);
    const later = await assign(await shiftA(24 * 60 + 3), cast.workerA.id);
    const first = await sendReminders(t.db);
    assert.ok(first.reminded >= 1);
    assert.deepEqual(await sendReminders(t.db), { reminded: 0 });
    const keys = (await outboxTo('worker-a@test.org')).map((r) => r.dedupeKey);
    assert.ok(keys.includes(`shift.reminder:${tomorrow.id}:${cast.workerA.userId}`));
    assert.ok(!keys.includes(`shift.reminder:${later.id}:${cast.workerA.userId}`));
    const [row] = (await outboxTo('worker-a@test.org')).filter((r) => r.dedupeKey === `shift.reminder:${tomorrow.id}:${cast.workerA.userId}`);
    assert.match(row?.subject ?? '', /^Herinnering: Basiszorg/);
    assert.match(row?.text ?? '', /Meld je bij de teamleider/);
  });

  test('a worker reads and marks only their own notifications', async () => {
    const a = (await cast.sessions.workerA.get('/api/notifications')).body as TNotificationList;
    const own = a.items[0]!;
    const b = (await cast.sessions.workerB.get('/api/notifications')).body as TNotificationList;
    assert.ok(!b.items.some((n) => n.id === own.id));
    assert.equal((await cast.sessions.workerB.post(`/api/notifications/${own.id}/read`)).status, 404);
    assert.equal((await t.anonymous('GET', '/api/notifications')).status, 401);

    assert.equal((await cast.sessions.workerA.post(`/api/notifications/${own.id}/read`)).status, 204);
    const afterOne = (await cast.sessions.workerA.get('/api/notifications')).body as TNotificationList;
    assert.equal(afterOne.unreadCount, a.unreadCount - 1);
    assert.ok(afterOne.items.find((n) => n.id === own.id)?.readAt);

    const all = await cast.sessions.workerA.post('/api/notifications/read-all');
    assert.equal(all.status, 200);
    assert.equal(((await cast.sessions.workerA.get('/api/notifications')).body as TNotificationList).unreadCount, 0);
  });

  test('the dev mailbox lists the outbox for administrators only', async () => {
    const res = await cast.sessions.admin.get('/api/dev/mailbox?limit=500');
    assert.equal(res.status, 200);
    const entries = res.body as TMailboxEntry[];
    assert.ok(entries.some((e) => e.toEmail === 'worker-a@test.org' && e.status === 'sent' && e.text.includes('Hallo')));
    assert.ok(entries.some((e) => e.status === 'failed'));
    assert.equal((await cast.sessions.workerA.get('/api/dev/mailbox')).status, 403);
    assert.equal((await cast.sessions.workerA.post('/api/dev/digest')).status, 403);
    const digest = await cast.sessions.admin.post('/api/dev/digest');
    assert.equal(digest.status, 200);
    assert.equal(typeof (digest.body as { mails: number }).mails, 'number');
    assert.equal((await cast.sessions.plannerA.get('/api/dev/mailbox')).status, 403);
  });
});
