// The planner's side of the marketplace in a real Chromium, with the workers on 375 px phones:
// the planner posts a series and finds it in the week view; switches the hospital to "the planner
// approves", a nurse claims and waits, the planner approves and the nurse sees it confirmed; the
// nurse offers the shift to a colleague, the colleague accepts, the planner approves the swap; the
// planner cancels the colleague with a reason the colleague reads; a nurse sets a notification to
// "off" and her calendar link stays "on since" after a reload.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DateTime } from 'luxon';
import type { Locator, Page } from 'playwright-core';
import type { Database } from '../src/server/db/open-database.js';
import { desktop, pageWidth, phone, seedHospital, shot, signIn, startHarness, text, type Harness } from './harmonica.js';

const people = {
  planner: 'planner@domstad.e2e.test',
  anna: 'anna@e2e.test',
  bram: 'bram@e2e.test',
} as const;

/** Monday two weeks from now in Amsterdam: the series starts there and runs two weeks. */
const seriesStart = () => DateTime.now().setZone('Europe/Amsterdam').startOf('week').plus({ weeks: 2 });

/** A hospital that confirms claims at once (until the planner changes it) and approves swaps, its planner and two nurses. */
const seed = (database: Database) =>
  seedHospital(database, {
    regionCode: 'utrecht-planner-e2e',
    plannerEmail: people.planner,
    nurses: [
      [people.anna, 'Anna', 'de Vries'],
      [people.bram, 'Bram', 'Jansen'],
    ],
    swapNeedsApproval: true,
  });

let harness: Harness;

before(async () => {
  harness = await startHarness({ seed });
});

after(async () => {
  await harness.close();
});

async function asPlanner(): Promise<Page> {
  const page = await harness.newPage(desktop);
  await signIn(page, harness.baseUrl, people.planner);
  await page.getByTestId('nav-planner-shifts').click();
  await page.getByTestId('planner-shifts-page').waitFor();
  return page;
}

async function onPhone(email: string, path: string, loaded: string): Promise<Page> {
  const page = await harness.newPage(phone);
  await signIn(page, harness.baseUrl, email);
  await page.goto(`${harness.baseUrl}${path}`);
  await page.getByTestId(loaded).first().waitFor();
  return page;
}

const myShift = (page: Page, shiftId: string): Locator => page.locator(`[data-testid="my-shift"][data-shift-id="${shiftId}"]`);

describe('the planner’s marketplace', () => {
  /** The first shift of the series (Monday 17:00–23:00): claimed, swapped and cancelled below. */
  let shiftId = '';
  /** The Wednesday of the first week: claimed and rejected below. */
  let wednesdayId = '';

  it('a planner posts a series and finds it in the week view', async () => {
    const page = await asPlanner();
    await page.getByTestId('new-series').click();
    await page.getByTestId('form-package').selectOption({ label: 'Verpleegkundige zorg (BIG)' });
    const monday = seriesStart();
    await page.getByTestId('form-from-date').fill(monday.toISODate()!);
    await page.getByTestId('form-to-date').fill(monday.plus({ days: 13 }).toISODate()!);
    for (const tuesdayOrThursday of [2, 4]) await page.getByTestId(`form-weekday-${tuesdayOrThursday}`).uncheck();
    await page.getByTestId('form-start').fill('17:00');
    await page.getByTestId('form-end').fill('23:00');
    await page.getByTestId('form-notes').fill('Avonddienst; vraag naar Marieke');
    await shot(page, 'marketplace-series-form.png');
    await page.getByTestId('form-submit').click();
    assert.equal(await text(page, 'planner-message'), '6 diensten geplaatst.');

    // The view jumps to the series' first week: Monday, Wednesday and Friday evening.
    assert.equal(await text(page, 'planner-week'), `Week van ${monday.setLocale('nl').toFormat('d MMMM yyyy')}`);
    const cards = page.getByTestId('planner-shift');
    await cards.first().waitFor();
    const headlines = (await cards.allTextContents()).map((c) => c.slice(0, 2));
    assert.deepEqual(headlines, ['ma', 'wo', 'vr']);
    assert.match((await cards.first().textContent()) ?? '', /^ma \d+ \w+ 17:00 – 23:00/);
    shiftId = (await cards.first().getAttribute('data-shift-id')) ?? '';
    wednesdayId = (await cards.nth(1).getAttribute('data-shift-id')) ?? '';
    assert.ok(shiftId && wednesdayId);

    await page.getByTestId('next-week').click();
    assert.equal(await text(page, 'planner-week'), `Week van ${monday.plus({ weeks: 1 }).setLocale('nl').toFormat('d MMMM yyyy')}`);
    await page.locator(`[data-testid="planner-shift"][data-shift-id="${shiftId}"]`).waitFor({ state: 'detached' });
    assert.deepEqual((await cards.allTextContents()).map((c) => c.slice(0, 2)), ['ma', 'wo', 'vr']);
    await shot(page, 'marketplace-series-week.png');
    await page.context().close();
  });

  it('a planner imports a roster export: errors per row and column, nothing imported until "only the valid rows"', async () => {
    const page = await asPlanner();
    const tuesday = seriesStart().plus({ weeks: 3, days: 1 });
    const date = tuesday.toFormat('dd-MM-yyyy');
    const csv = [
      'Locatie;Pakket;Datum;Begintijd;Eindtijd;Plaatsen;Opmerkingen',
      `Domstad Centrum;nursing;${date};07:00;15:00;2;Vroege dienst`,
      `Domstad Centrum;nursing;31-02-${tuesday.year};15:00;23:00;1;Late dienst`,
      `Domstad Centrum;nursing;${date};22:00;07:00;1;Nachtdienst`,
    ].join('\r\n');
    await page.getByTestId('import-shifts').click();
    await page.getByTestId('import-file').setInputFiles({ name: 'rooster.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByTestId('import-check').click();
    assert.equal(await text(page, 'import-summary'), '2 goede regels, 1 met fouten');
    const issues = page.getByTestId('import-issue');
    assert.equal(await issues.count(), 1);
    assert.deepEqual(await issues.first().locator('td').allTextContents(), ['3', 'Datum', `31-02-${tuesday.year} is not a date in the calendar`]);
    assert.equal(await page.getByTestId('import-run').count(), 0, 'no "import all" while a row is wrong');
    await shot(page, 'marketplace-import-report.png');

    await page.getByTestId('import-valid').click();
    assert.equal(await text(page, 'planner-message'), '2 diensten geïmporteerd.');
    const week = `Week van ${tuesday.startOf('week').setLocale('nl').toFormat('d MMMM yyyy')}`;
    for (let i = 0; i < 6 && (await text(page, 'planner-week')) !== week; i++) await page.getByTestId('next-week').click();
    assert.equal(await text(page, 'planner-week'), week);
    const links = page.getByTestId('planner-shift-link');
    await links.nth(1).waitFor();
    const when = await links.allTextContents();
    assert.equal(when.length, 2);
    assert.match(when[0]!, new RegExp(`^di ${tuesday.day} \\S+ 07:00 – 15:00$`));
    assert.match(when[1]!, new RegExp(`^di ${tuesday.day} \\S+ 22:00 – wo 07:00$`));
    await page.context().close();
  });

  it('with "the planner approves", a claim waits until the planner approves it; the nurse then sees it confirmed', async () => {
    const planner = await asPlanner();
    await planner.getByTestId('org-settings').click();
    await planner.getByTestId('settings-approval').check();
    await planner.getByTestId('settings-save').click();
    assert.equal(await text(planner, 'planner-message'), 'Instellingen opgeslagen.');

    // Before anyone claims, the planner asks whom the region has for the shift: the two nurses, ranked with reasons.
    await planner.goto(`${harness.baseUrl}/planner/shifts/${shiftId}`);
    await planner.getByTestId('show-candidates').click();
    const ranked = planner.getByTestId('candidates-card').getByTestId('candidate');
    await ranked.first().waitFor();
    assert.deepEqual((await ranked.allTextContents()).map((c) => /Anna de Vries|Bram Jansen/.exec(c)?.[0]).sort(), ['Anna de Vries', 'Bram Jansen']);
    assert.match((await ranked.first().getByTestId('score-parts').textContent()) ?? '', /Heeft 1 van de 1 gevraagde pakketten/);

    const anna = await onPhone(people.anna, '/shifts', 'open-shifts-list');
    const card = anna.locator(`[data-testid="open-shift"][data-shift-id="${shiftId}"]`);
    await card.getByTestId('claim').click();
    assert.equal(await card.getByTestId('claim-result').textContent(), 'Je aanmelding wacht op de planner.');
    await anna.getByTestId('nav-my-shifts').click();
    assert.equal(await myShift(anna, shiftId).getByTestId('my-shift-status').textContent(), 'Wacht op planner');

    await planner.goto(`${harness.baseUrl}/planner/shifts/${shiftId}`);
    const attendee = planner.getByTestId('attendee');
    await attendee.waitFor();
    assert.match((await attendee.textContent()) ?? '', /Anna de Vries.*Wacht op planner/);
    await shot(planner, 'marketplace-claim-waiting.png');
    await attendee.getByTestId('approve').click();
    await planner.getByTestId('detail-filled').filter({ hasText: /^1 van 1 plekken bezet$/ }).waitFor();
    assert.match((await attendee.textContent()) ?? '', /Anna de Vries.*Bevestigd/);

    await anna.reload();
    assert.equal(await myShift(anna, shiftId).getByTestId('my-shift-status').textContent(), 'Bevestigd');
    assert.equal(await pageWidth(anna), phone.width);
    await shot(anna, 'marketplace-claim-confirmed-375.png');
    await planner.context().close();
    await anna.context().close();
  });

  it('a nurse offers the shift to a colleague, the colleague accepts, and the planner approves the swap', async () => {
    const anna = await onPhone(people.anna, '/my-shifts', 'my-shift');
    await myShift(anna, shiftId).getByTestId('swap-shift').click();
    await anna.getByTestId('swap-candidate').selectOption({ label: 'Bram J.' });
    await anna.getByTestId('swap-note').fill('Verjaardag van mijn moeder');
    await anna.getByTestId('swap-send').click();
    await myShift(anna, shiftId).getByTestId('my-shift-swap').waitFor();
    assert.equal(await text(anna, 'my-shift-swap'), 'Anna d. → Bram J. · Gevraagd');

    const bram = await onPhone(people.bram, '/my-shifts', 'swaps');
    const offer = bram.getByTestId('swap');
    assert.match((await offer.textContent()) ?? '', /Anna d\. → Bram J\. · Gevraagd.*Verjaardag van mijn moeder/);
    assert.equal(await pageWidth(bram), phone.width);
    await shot(bram, 'marketplace-swap-offer-375.png');
    await offer.getByTestId('swap-accept').click();
    await offer.filter({ hasText: 'Geaccepteerd, wacht op planner' }).waitFor();

    const planner = await asPlanner();
    const waiting = planner.getByTestId('swap-approval');
    await waiting.waitFor();
    assert.equal(await waiting.getByTestId('swap-approval-who').textContent(), 'Anna d. geeft de dienst aan Bram J.');
    assert.match((await waiting.getByTestId('swap-approval-when').textContent()) ?? '', /^ma \d+ \w+ 17:00 – 23:00$/);
    assert.match((await waiting.textContent()) ?? '', /Verjaardag van mijn moeder/);
    await shot(planner, 'marketplace-swap-approval.png');
    await waiting.getByTestId('swap-approve').click();
    assert.equal(await text(planner, 'swap-approvals-message'), 'Goedgekeurd: de dienst is nu van Bram J..');
    // The message can show a moment before the list is read again: wait for the approved swap to leave it.
    await waiting.waitFor({ state: 'detached' });
    assert.equal(await waiting.count(), 0);

    await bram.goto(`${harness.baseUrl}/my-shifts`);
    assert.equal(await myShift(bram, shiftId).getByTestId('my-shift-status').textContent(), 'Bevestigd');
    await anna.reload();
    await anna.getByTestId('progress').waitFor();
    assert.equal(await myShift(anna, shiftId).count(), 0, 'the shift left Anna’s list');
    await planner.context().close();
    await anna.context().close();
    await bram.context().close();
  });

  it('the planner cancels the colleague with a reason, and the colleague reads it', async () => {
    const planner = await asPlanner();
    await planner.goto(`${harness.baseUrl}/planner/shifts/${shiftId}`);
    const attendee = planner.getByTestId('attendee');
    await attendee.waitFor();
    assert.match((await attendee.textContent()) ?? '', /Bram Jansen.*Bevestigd/);
    await attendee.getByTestId('cancel-assignment').click();
    await planner.getByTestId('reason').fill('De afdeling gaat die avond dicht');
    await planner.getByTestId('reason-confirm').click();
    await planner.getByText('Nog niemand.').waitFor();

    const bram = await onPhone(people.bram, '/my-shifts', 'ended-shift');
    const ended = bram.locator(`[data-testid="ended-shift"][data-shift-id="${shiftId}"]`);
    assert.equal(await ended.getByTestId('ended-reason').textContent(), 'Reden: De afdeling gaat die avond dicht');
    assert.equal(await myShift(bram, shiftId).count(), 0);
    assert.equal(await pageWidth(bram), phone.width);
    await shot(bram, 'marketplace-cancelled-reason-375.png');
    await planner.context().close();
    await bram.context().close();
  });
  it('a claim the planner rejects shows the nurse the reason', async () => {
    const bram = await onPhone(people.bram, '/shifts', 'open-shifts-list');
    const card = bram.locator(`[data-testid="open-shift"][data-shift-id="${wednesdayId}"]`);
    await card.getByTestId('claim').click();
    assert.equal(await card.getByTestId('claim-result').textContent(), 'Je aanmelding wacht op de planner.');

    const planner = await asPlanner();
    const listed = planner.locator(`[data-testid="planner-shift"][data-shift-id="${wednesdayId}"]`);
    assert.equal(await listed.getByTestId('planner-shift-pending').textContent(), '1 wachtend');
    await listed.getByTestId('planner-shift-link').click();
    const attendee = planner.getByTestId('attendee');
    await attendee.getByTestId('reject').click();
    await planner.getByTestId('reason').fill('We zoeken iemand met IC-ervaring');
    await planner.getByTestId('reason-confirm').click();
    await planner.getByText('Nog niemand.').waitFor();

    await bram.goto(`${harness.baseUrl}/my-shifts`);
    const ended = bram.locator(`[data-testid="ended-shift"][data-shift-id="${wednesdayId}"]`);
    assert.equal(await ended.getByTestId('ended-reason').textContent(), 'Reden: We zoeken iemand met IC-ervaring');
    assert.match((await ended.textContent()) ?? '', /Afgewezen/);
    await planner.context().close();
    await bram.context().close();
  });
});

describe('a worker’s own settings on a phone', () => {
  it('turns swap requests off; the choice is still there after a reload', async () => {
    const page = await onPhone(people.anna, '/notifications', 'notification-preferences');
    await page.getByTestId('pref-swap.requested').selectOption('off');
    await page.getByTestId('preferences-save').click();
    assert.equal(await text(page, 'preferences-saved'), 'Voorkeuren opgeslagen.');
    await page.reload();
    await page.getByTestId('notification-preferences').waitFor();
    assert.equal(await page.getByTestId('pref-swap.requested').inputValue(), 'off');
    assert.equal(await page.getByTestId('pref-claim.confirmed').inputValue(), 'email', 'the other types keep their channel');
    assert.equal(await pageWidth(page), phone.width);
    await shot(page, 'marketplace-preferences-375.png');
    await page.context().close();
  });

  it('shows a new calendar link once; after a reload only since when it works', async () => {
    const page = await onPhone(people.anna, '/my-shifts', 'calendar-feed');
    await page.getByTestId('calendar-create').click();
    const url = await page.getByTestId('calendar-url').inputValue();
    assert.match(url, /\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
    await page.reload();
    const status = page.getByTestId('calendar-status');
    await status.waitFor();
    assert.match((await status.textContent()) ?? '', /^Je agendalink werkt sinds \d+ \w+ \d{4}/);
    assert.equal(await page.getByTestId('calendar-url').count(), 0);
    assert.equal((await fetch(`${harness.baseUrl}${new URL(url).pathname}`)).status, 200);
    await page.getByTestId('calendar-revoke').click();
    await page.getByTestId('calendar-revoked').waitFor();
    assert.equal((await fetch(`${harness.baseUrl}${new URL(url).pathname}`)).status, 404);
    assert.equal(await pageWidth(page), phone.width);
    await page.context().close();
  });
});
