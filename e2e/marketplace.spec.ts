// The marketplace story in a real Chromium: a planner posts a night shift needing the nursing
// package with one supervision place through the form; a side-entrant without the package sees
// why not; the second nurse marks himself unavailable that night on his profile, sees why not and
// deletes it again; a nurse claims it, gets the confirmation by mail (a real SMTP server) and finds
// it in her calendar feed; a second nurse cannot over-fill it; the planner sees it filled. Then: the
// worker pages do not scroll sideways on a 375 px phone.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DateTime } from 'luxon';
import type { Database } from '../src/server/db/open-database.js';
import { desktop, pageWidth, phone, seedHospital, shot, signIn, startHarness, text, type Harness } from './harmonica.js';

const people = {
  planner: 'planner@domstad.e2e.test',
  nurse: 'anna@e2e.test',
  secondNurse: 'bram@e2e.test',
  sideEntrant: 'sanne@e2e.test',
} as const;

/** Tuesday of the week two weeks from now, as YYYY-MM-DD in Amsterdam: the night shift's date. */
const nightShiftDate = () => DateTime.now().setZone('Europe/Amsterdam').startOf('week').plus({ weeks: 2, days: 1 }).toISODate()!;

/** One hospital with instant claims, its planner, two nurses and a side-entrant without the nursing package. */
const seed = (database: Database) =>
  seedHospital(database, {
    regionCode: 'utrecht-market-e2e',
    plannerEmail: people.planner,
    nurses: [
      [people.nurse, 'Anna', 'de Vries'],
      [people.secondNurse, 'Bram', 'Jansen'],
    ],
    sideEntrants: [[people.sideEntrant, 'Sanne', 'Bakker']],
  });

let harness: Harness;

before(async () => {
  harness = await startHarness({ seed, withMail: true });
});

after(async () => {
  await harness.close();
});

describe('the marketplace story', () => {
  let shiftId = '';

  it('a planner posts a night shift through the form', async () => {
    const page = await harness.newPage(desktop);
    await signIn(page, harness.baseUrl, people.planner);
    await page.getByTestId('nav-planner-shifts').click();
    await page.getByTestId('planner-shifts-page').waitFor();
    await page.getByTestId('new-shift').click();
    await page.getByTestId('form-package').selectOption({ label: 'Verpleegkundige zorg (BIG)' });
    await page.getByTestId('form-date').fill(nightShiftDate());
    await page.getByTestId('form-start').fill('22:00');
    await page.getByTestId('form-end').fill('07:00');
    await page.getByTestId('form-places').fill('1');
    await page.getByTestId('form-supervisionCapacity').fill('1');
    await page.getByTestId('form-notes').fill('Meld je bij Marieke (teamleider), buddy: Joost');
    await shot(page, 'marketplace-planner-form.png');
    await page.getByTestId('form-submit').click();
    await page.getByTestId('planner-message').waitFor();
    const card = page.getByTestId('planner-shift').first();
    await card.waitFor();
    shiftId = (await card.getAttribute('data-shift-id')) ?? '';
    assert.ok(shiftId);
    assert.match((await card.textContent()) ?? '', /^di \d+ \w+ 22:00 – wo 07:00/, 'a night shift reads "di … 22:00 – wo 07:00"');
    assert.match(await text(page, 'planner-shift-filled'), /^0 van 1 plekken bezet$/);
    await shot(page, 'marketplace-planner-posted.png');
    await page.context().close();
  });

  it('a side-entrant without the nursing package sees it under "why not"', async () => {
    const page = await harness.newPage(phone);
    await signIn(page, harness.baseUrl, people.sideEntrant);
    await page.getByTestId('nav-open-shifts').click();
    const card = page.locator(`[data-testid="open-shift"][data-shift-id="${shiftId}"]`);
    await card.waitFor();
    assert.equal(await card.getByTestId('claim').count(), 0, 'no claim button on a shift you may not take');
    await card.getByTestId('why-not-toggle').click();
    const reasons = card.getByTestId('why-not');
    await reasons.waitFor();
    assert.match((await reasons.textContent()) ?? '', /Je hebt het activiteitenpakket Verpleegkundige zorg \(BIG\) niet\./);
    assert.equal(await pageWidth(page), phone.width);
    await card.scrollIntoViewIfNeeded();
    await shot(page, 'marketplace-why-not-375.png');

    await page.getByTestId('language-en').click();
    await page.getByRole('heading', { name: 'Open shifts for me' }).waitFor();
    assert.match((await card.getByTestId('why-not').textContent()) ?? '', /You do not have the activity package Nursing care \(BIG\)\./);
    assert.match((await card.getByTestId('shift-times').textContent()) ?? '', /^Tue 22:00 – Wed 07:00$/);
    await page.context().close();
  });

  it('the second nurse marks himself unavailable on his profile and the shift says why not; he deletes it again', async () => {
    const page = await harness.newPage(phone);
    await signIn(page, harness.baseUrl, people.secondNurse);
    await page.goto(`${harness.baseUrl}/`);
    const card = page.getByTestId('availability-exceptions');
    await card.getByTestId('add-exception').click();
    await card.getByTestId('exception-kind').selectOption('unavailable');
    const tuesday = nightShiftDate();
    await card.getByTestId('exception-from-date').fill(tuesday);
    await card.getByTestId('exception-until-date').fill(DateTime.fromISO(tuesday).plus({ days: 1 }).toISODate()!);
    await card.getByTestId('exception-reason').fill('Tentamen');
    await card.getByTestId('exception-save').click();
    await card.getByTestId('exception-added').waitFor();
    assert.match(await text(page, 'exception-item'), /Niet beschikbaar.*di \d+ \w+ 00:00 – do \d+ \w+ 00:00.*Tentamen/);
    assert.equal(await pageWidth(page), phone.width);
    await shot(page, 'marketplace-exception-375.png');

    await page.getByTestId('nav-open-shifts').click();
    const shift = page.locator(`[data-testid="open-shift"][data-shift-id="${shiftId}"]`);
    await shift.getByTestId('why-not-toggle').click();
    await shift.getByTestId('why-not').waitFor();
    assert.match((await shift.getByTestId('why-not').textContent()) ?? '', /Je hebt jezelf op dat moment onbeschikbaar gemeld\./);

    await page.goto(`${harness.baseUrl}/`);
    await page.getByTestId('exception-delete').click();
    await page.getByTestId('exception-deleted').waitFor();
    assert.equal(await page.getByTestId('exception-item').count(), 0);
    await page.context().close();
  });

  it('a nurse claims it, gets the mail and the calendar entry; a second nurse cannot over-fill it', async () => {
    const second = await harness.newPage(phone);
    await signIn(second, harness.baseUrl, people.secondNurse);
    await second.getByTestId('nav-open-shifts').click();
    const secondCard = second.locator(`[data-testid="open-shift"][data-shift-id="${shiftId}"]`);
    await secondCard.getByTestId('claim').waitFor();

    const page = await harness.newPage(phone);
    await signIn(page, harness.baseUrl, people.nurse);
    await page.getByTestId('nav-open-shifts').click();
    const card = page.locator(`[data-testid="open-shift"][data-shift-id="${shiftId}"]`);
    await card.getByTestId('claim').click();
    await card.getByTestId('claim-result').waitFor();
    assert.equal(await card.getByTestId('claim-result').textContent(), 'Je staat ingeroosterd. Je vindt de dienst bij Mijn diensten.');
    await shot(page, 'marketplace-claimed-375.png');

    // The second nurse still sees the shift open on her screen; claiming now is refused with the rule.
    await secondCard.getByTestId('claim').click();
    const refusal = secondCard.getByTestId('claim-error');
    await refusal.waitFor();
    assert.match((await refusal.textContent()) ?? '', /Alle plekken van deze dienst zijn bezet\./);
    assert.equal(await secondCard.getByTestId('claim').count(), 0, 'no second try on a full shift');
    await shot(second, 'marketplace-overfill-375.png');

    await harness.deliverMail();
    const mail = harness.smtp!.messages.find((m) => JSON.stringify(m.to ?? '').includes(people.nurse) && /^Dienst bevestigd/.test(m.subject ?? ''));
    assert.ok(mail, `the nurse is mailed; got ${harness.smtp!.messages.map((m) => m.subject).join(' | ')}`);
    assert.match(mail.subject ?? '', /Verpleegkundige zorg \(BIG\) bij Ziekenhuis Domstad/);
    assert.match(mail.text ?? '', /22:00–07:00/);
    assert.ok(!harness.smtp!.messages.some((m) => JSON.stringify(m.to ?? '').includes(people.secondNurse) && /^Dienst bevestigd/.test(m.subject ?? '')));

    await page.getByTestId('nav-my-shifts').click();
    const mine = page.locator(`[data-testid="my-shift"][data-shift-id="${shiftId}"]`);
    await mine.waitFor();
    assert.equal(await mine.getByTestId('my-shift-status').textContent(), 'Bevestigd');
    assert.match((await mine.getByTestId('my-shift-when').textContent()) ?? '', /22:00 – wo 07:00$/);
    await page.getByTestId('calendar-create').click();
    const url = await page.getByTestId('calendar-url').inputValue();
    assert.match(url, /\/calendar\/[A-Za-z0-9_-]+\.ics$/);
    const response = await fetch(`${harness.baseUrl}${new URL(url).pathname}`);
    assert.equal(response.status, 200);
    const ics = (await response.text()).replace(/\r\n /g, '');
    assert.match(ics, /BEGIN:VEVENT/);
    assert.match(ics, /SUMMARY:Verpleegkundige zorg \(BIG\) — Ziekenhuis Domstad/);
    assert.equal(await pageWidth(page), phone.width);
    await shot(page, 'marketplace-my-shifts-375.png');
    await second.context().close();
    await page.context().close();
  });

  it('the planner sees it filled and who is coming', async () => {
    const page = await harness.newPage(desktop);
    await signIn(page, harness.baseUrl, people.planner);
    await page.goto(`${harness.baseUrl}/planner/shifts/${shiftId}`);
    await page.getByTestId('planner-shift-page').waitFor();
    assert.match(await text(page, 'detail-filled'), /^1 van 1 plekken bezet$/);
    const attendees = page.getByTestId('attendee');
    assert.equal(await attendees.count(), 1);
    assert.match((await attendees.first().textContent()) ?? '', /Anna de Vries.*Bevestigd.*anna@e2e\.test/);
    await shot(page, 'marketplace-planner-detail.png');
    await page.context().close();
  });
});

describe('worker pages on a phone', () => {
  it('have no horizontal scroll at 375 px', async () => {
    const page = await harness.newPage(phone);
    await signIn(page, harness.baseUrl, people.nurse);
    for (const [path, loaded] of [
      ['/shifts', 'open-shifts-list'],
      ['/my-shifts', 'calendar-feed'],
      ['/notifications', 'notification-preferences'],
    ] as const) {
      await page.goto(`${harness.baseUrl}${path}`);
      await page.getByTestId(loaded).first().waitFor();
      assert.equal(await pageWidth(page), phone.width, `${path} fits 375 px`);
    }
    await shot(page, 'marketplace-notifications-375.png');
    await page.context().close();
  });
});
