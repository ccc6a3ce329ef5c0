// The personal calendar feed: a worker makes a secret URL, a calendar app (no session) reads
// the confirmed shifts from it, and the URL stops working once replaced or revoked.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { eq } from 'drizzle-orm';
import type { TCalendarFeed, TCalendarFeedStatus } from '../../shared/notifications.schemas.js';
import { assignments, calendarFeeds, shifts } from '../db/schema.js';
import { buildShift } from '../demo/builders.js';
import { setupTwoRegions, startTestApp, type TestApp } from '../testing/test-app.js';
import { formatUtc } from './ical.js';

const DAY = 86_400_000;
const unfold = (text: string) => text.replace(/\r\n /g, '');

describe('calendar feed', () => {
  let t: TestApp;
  let cast: Awaited<ReturnType<typeof setupTwoRegions>>;
  const ids: Record<'confirmed' | 'night' | 'pending' | 'cancelledShift' | 'withdrawn' | 'otherWorker', string> = {
    confirmed: '',
    night: '',
    pending: '',
    cancelledShift: '',
    withdrawn: '',
    otherWorker: '',
  };
  let confirmedShift: Awaited<ReturnType<typeof buildShift>>;
  let nightShift: Awaited<ReturnType<typeof buildShift>>;

  const pathOf = (url: string) => new URL(url).pathname;

  before(async () => {
    t = await startTestApp();
    cast = await setupTwoRegions(t);
    const at = (days: number, hours = 8) => {
      const start = new Date(Date.now() + days * DAY);
      return { start, end: new Date(start.getTime() + hours * 3_600_000) };
    };
    const shiftA = (days: number, extra: Partial<Parameters<typeof buildShift>[1]> = {}) =>
      buildShift(t.db, { organisationId: cast.orgA.id, locationId: cast.locationA.id, ...at(days), ...extra });
    const assign = async (shift: { id: string; start: Date; end: Date }, workerId: string, status: 'confirmed' | 'pending' | 'withdrawn') => {
      const [row] = await t.db.insert(assignments).values({ shiftId: shift.id, workerId, status, start: shift.start, end: shift.end }).returning();
      return row!.id;
    };
    confirmedShift = await shiftA(3, { notes: 'Parkeren achter; bel aan, vraag naar Joke\\Jan' });
    ids.confirmed = await assign(confirmedShift, cast.workerA.id, 'confirmed');
    // Sun 1 Dec 2030 22:00 CET (21:00Z) to Mon 2 Dec 07:00 CET (06:00Z): across midnight.
    nightShift = await buildShift(t.db, { organisationId: cast.orgA.id, locationId: cast.locationA.id, local: { date: '2030-12-01', start: '22:00', end: '07:00' } });
    ids.night = await assign(nightShift, cast.workerA.id, 'confirmed');
    ids.pending = await assign(await shiftA(5), cast.workerA.id, 'pending');
    const cancelled = await shiftA(6);
    ids.cancelledShift = await assign(cancelled, cast.workerA.id, 'confirmed');
    await t.db.update(shifts).set({ status: 'cancelled', cancelledAt: new Date(), cancelReason: 'dicht' }).where(eq(shifts.id, cancelled.id));
    ids.withdrawn = await assign(await shiftA(7), cast.workerA.id, 'withdrawn');
    ids.otherWorker = await assign(await shiftA(8), cast.otherWorkerA.id, 'confirmed');
  });

  after(async () => {
    await t.close();
  });

  test("the feed holds the worker's confirmed, live shifts as valid iCalendar", async () => {
    const created = await cast.sessions.workerA.post('/api/me/calendar-feed');
    assert.equal(created.status, 201);
    const { url } = created.body as TCalendarFeed;
    assert.match(url, /\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);

    const res = await t.anonymous('GET', pathOf(url));
    assert.equal(res.status, 200);
    assert.match(String(res.headers['content-type']), /^text\/calendar; charset=utf-8/);
    const text = res.body as string;
    assert.ok(text.startsWith('BEGIN:VCALENDAR\r\n'));
    assert.ok(text.endsWith('END:VCALENDAR\r\n'));
    assert.ok(!/[^\r]\n/.test(text), 'CRLF line endings only');
    for (const line of text.split('\r\n')) assert.ok(Buffer.byteLength(line) <= 75, `line longer than 75 octets: ${line}`);

    const body = unfold(text);
    const lines = body.split('\r\n');
    for (const required of ['VERSION:2.0', 'METHOD:PUBLISH', 'STATUS:CONFIRMED']) assert.ok(lines.includes(required), required);
    assert.ok(lines.some((l) => l.startsWith('PRODID:')));
    assert.equal(lines.filter((l) => l === 'BEGIN:VEVENT').length, 2);
    assert.ok(lines.includes(`UID:${ids.confirmed}@harmonica`));
    assert.ok(lines.includes(`UID:${ids.night}@harmonica`));
    for (const hidden of [ids.pending, ids.cancelledShift, ids.withdrawn, ids.otherWorker]) assert.ok(!body.includes(hidden));

    assert.ok(lines.includes(`DTSTART:${formatUtc(confirmedShift.start)}`));
    assert.ok(lines.includes('DTSTART:20301201T210000Z')); // Sun 1 Dec 2030 22:00 CET
    assert.ok(lines.includes('DTEND:20301202T060000Z')); // Mon 2 Dec 2030 07:00 CET
    assert.ok(lines.includes('SUMMARY:Basiszorg en contact met zorgvragers — Ziekenhuis A'));
    assert.ok(lines.some((l) => /^LOCATION:Locatie .*\\, Heidelberglaan 100\\, 3584 /.test(l)));
    assert.ok(lines.some((l) => l.startsWith('DESCRIPTION:Parkeren achter\\; bel aan\\, vraag naar Joke\\\\Jan\\nContact: ')));
    assert.ok(lines.some((l) => /^DTSTAMP:\d{8}T\d{6}Z$/.test(l)));

    // The UID stays the same on the next refresh, so calendar apps update instead of duplicating.
    const again = unfold((await t.anonymous('GET', pathOf(url))).body as string);
    assert.ok(again.includes(`UID:${ids.confirmed}@harmonica`));
  });

  test('a new URL replaces the old one; revoking ends it; unknown tokens are 404', async () => {
    const first = ((await cast.sessions.workerA.post('/api/me/calendar-feed')).body as TCalendarFeed).url;
    const second = ((await cast.sessions.workerA.post('/api/me/calendar-feed')).body as TCalendarFeed).url;
    assert.notEqual(first, second);
    assert.equal((await t.anonymous('GET', pathOf(first))).status, 404);
    assert.equal((await t.anonymous('GET', pathOf(second))).status, 200);

    const token = pathOf(second).slice('/calendar/'.length, -'.ics'.length);
    const stored = await t.db.select().from(calendarFeeds).where(eq(calendarFeeds.workerId, cast.workerA.id));
    assert.ok(stored.every((f) => f.tokenHash !== token && /^[0-9a-f]{64}$/.test(f.tokenHash)), 'only the hash is stored');

    assert.equal((await cast.sessions.workerA.request('DELETE', '/api/me/calendar-feed')).status, 204);
    assert.equal((await t.anonymous('GET', pathOf(second))).status, 404);
    assert.equal((await t.anonymous('GET', '/calendar/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA.ics')).status, 404);
    assert.equal((await t.anonymous('GET', '/calendar/not-a-feed')).status, 404);
  });

  test('the status says whether a URL works and since when, never the URL itself', async () => {
    const status = async () => {
      const res = await cast.sessions.workerA.get('/api/me/calendar-feed');
      assert.equal(res.status, 200);
      return res.body as TCalendarFeedStatus;
    };
    await cast.sessions.workerA.request('DELETE', '/api/me/calendar-feed');
    assert.deepEqual(await status(), { isActive: false, createdAt: null, lastFetchedAt: null });

    const before = Date.now();
    const created = (await cast.sessions.workerA.post('/api/me/calendar-feed')).body as TCalendarFeed;
    const active = await status();
    assert.equal(active.isActive, true);
    assert.equal(active.createdAt, created.createdAt);
    assert.ok(Math.abs(Date.parse(created.createdAt) - before) < 60_000, 'created just now');
    assert.ok(!JSON.stringify(active).includes(pathOf(created.url).slice('/calendar/'.length, -'.ics'.length)), 'the token is not in the status');

    const renewed = (await cast.sessions.workerA.post('/api/me/calendar-feed')).body as TCalendarFeed;
    assert.equal((await status()).createdAt, renewed.createdAt, 'the newest URL is the one that counts');

    await cast.sessions.workerA.request('DELETE', '/api/me/calendar-feed');
    assert.deepEqual(await status(), { isActive: false, createdAt: null, lastFetchedAt: null });
    assert.equal((await cast.sessions.workerB.get('/api/me/calendar-feed')).status, 200);
    assert.equal((await cast.sessions.plannerA.get('/api/me/calendar-feed')).status, 403);
    assert.equal((await t.anonymous('GET', '/api/me/calendar-feed')).status, 401);
  });

  test('the status says when a calendar app last fetched the feed: each successful fetch, not a refused one', async () => {
    const status = async () => (await cast.sessions.workerA.get('/api/me/calendar-feed')).body as TCalendarFeedStatus;
    const feed = (await cast.sessions.workerA.post('/api/me/calendar-feed')).body as TCalendarFeed;
    assert.equal((await status()).lastFetchedAt, null, 'not fetched yet');

    const beforeFetch = Date.now();
    assert.equal((await t.anonymous('GET', pathOf(feed.url))).status, 200);
    const first = (await status()).lastFetchedAt;
    assert.ok(first && Date.parse(first) >= beforeFetch - 1000 && Date.parse(first) <= Date.now(), 'the fetch just now');

    assert.equal((await t.anonymous('GET', pathOf(feed.url))).status, 200);
    const second = (await status()).lastFetchedAt;
    assert.ok(second && Date.parse(second) >= Date.parse(first), 'every fetch moves it on');

    const renewed = (await cast.sessions.workerA.post('/api/me/calendar-feed')).body as TCalendarFeed;
    assert.equal((await status()).lastFetchedAt, null, 'a new URL has not been fetched yet');
    assert.equal((await t.anonymous('GET', pathOf(feed.url))).status, 404);
    assert.equal((await status()).lastFetchedAt, null, 'the replaced URL records nothing');
    const [old] = await t.db.select().from(calendarFeeds).where(eq(calendarFeeds.tokenHash, createHash('sha256').update(pathOf(feed.url).slice('/calendar/'.length, -'.ics'.length)).digest('hex')));
    assert.equal(old!.lastFetchedAt?.toISOString(), second, 'the revoked row keeps its last successful fetch');
    assert.equal((await t.anonymous('GET', pathOf(renewed.url))).status, 200);
    assert.ok((await status()).lastFetchedAt);
    await cast.sessions.workerA.request('DELETE', '/api/me/calendar-feed');
  });

  test('only signed-in workers get a feed, and it shows only their own shifts', async () => {
    assert.equal((await t.anonymous('POST', '/api/me/calendar-feed', {})).status, 401);
    assert.equal((await cast.sessions.plannerA.post('/api/me/calendar-feed')).status, 403);
    const own = ((await cast.sessions.workerB.post('/api/me/calendar-feed')).body as TCalendarFeed).url;
    const text = (await t.anonymous('GET', pathOf(own))).body as string;
    assert.ok(!text.includes('BEGIN:VEVENT'));
  });
});
