// The intake journey in a real Chromium, one person from sign-up to first confirmed shift: the
// coordinator adds "Ouderenzorg" to the region's competence catalogue; Sanne signs up on her phone
// with consent; the mediator finds her in the welcome-call queue and logs the call (basic care,
// level 2, Ouderenzorg confirmed), books a shadow day, cancels it (the ward is closed) and books it
// again, and completes the orientation; the hospital's planner posts a request and then wishes
// Ouderenzorg on it; the mediator offers Sanne from the ranked candidates (her confirmed competence
// scores) with a note; the planner accepts, puts her on an open shift and marks her independent in
// basic care; Sanne reads why her first shadow day was cancelled, sees the confirmed shift under
// "my shifts", her journey at the agreement, and writes her learning plan; the mediator reads the
// funnel and downloads it as CSV.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { DateTime } from 'luxon';
import type { Page } from 'playwright-core';
import type { Database } from '../src/server/db/open-database.js';
import { buildLocation, buildOrganisation, buildRegion, buildShift, buildUser } from '../src/server/demo/builders.js';
import { ensureNationalPackages } from '../src/server/packages/packages.service.js';
import { desktop, PASSWORD, pageWidth, phone, screenshotDir, signIn, startHarness, text, type Harness } from './harmonica.js';

const people = { planner: 'planner@journey.e2e.test', mediator: 'mediator@journey.e2e.test', coordinator: 'coordinator@journey.e2e.test', sanne: 'sanne.bakker@journey.e2e.test' } as const;
const ZONE = 'Europe/Amsterdam';

/** One hospital with a location, its planner, the region's mediator and coordinator, and a basic-care day shift nine days out with room for a newcomer. */
async function seed(database: Database): Promise<{ shiftId: string }> {
  const db = database.db;
  await ensureNationalPackages(db);
  const region = await buildRegion(db, { code: 'journey-e2e', name: 'Regio Utrecht' });
  const hospital = await buildOrganisation(db, { regionId: region.id, name: 'Ziekenhuis Domstad', sector: 'hospital' });
  const location = await buildLocation(db, { organisationId: hospital.id, name: 'Domstad Centrum', postcode: '3584', address: 'Heidelberglaan 100' });
  await buildUser(db, { email: people.planner, name: 'Piet Planner', roles: [{ role: 'planner', organisationId: hospital.id }] });
  await buildUser(db, { email: people.mediator, name: 'Mila Bemiddelaar', roles: [{ role: 'mediator', regionId: region.id }] });
  await buildUser(db, { email: people.coordinator, name: 'Cora Coördinator', roles: [{ role: 'coordinator', regionId: region.id }] });
  const day = DateTime.now().setZone(ZONE).startOf('day').plus({ days: 9 });
  const shift = await buildShift(db, {
    organisationId: hospital.id,
    locationId: location.id,
    packageCode: 'basic-care',
    start: day.set({ hour: 7 }).toJSDate(),
    end: day.set({ hour: 15 }).toJSDate(),
    supervisionCapacity: 1,
  });
  return { shiftId: shift.id };
}

let harness: Harness<{ shiftId: string }>;

before(async () => {
  harness = await startHarness({ seed });
});

after(async () => {
  await harness.close();
});

const shot = (page: Page, name: string) => page.screenshot({ path: join(screenshotDir, name), fullPage: true });

async function signedIn(email: string, viewport: { width: number; height: number }): Promise<Page> {
  const page = await harness.newPage(viewport);
  await signIn(page, harness.baseUrl, email);
  return page;
}

describe('the intake journey', () => {
  let requestId = '';

  it('the coordinator adds a competence to the region’s catalogue; a key it already has is refused at the field', async () => {
    const page = await signedIn(people.coordinator, phone);
    await page.getByTestId('nav-competences').click();
    await page.getByTestId('competence-catalogue').waitFor();
    await page.getByTestId('catalogue-add').click();
    await page.getByTestId('catalogue-key').fill('sondevoeding');
    await page.getByTestId('catalogue-label-nl').fill('Sondevoeding');
    await page.getByTestId('catalogue-label-en').fill('Tube feeding');
    await page.getByTestId('catalogue-add-form-save').click();
    await page.getByTestId('catalogue-key-error').waitFor();
    assert.equal(await text(page, 'catalogue-key-error'), 'Deze sleutel staat al in de catalogus.');
    await page.getByTestId('catalogue-key').fill('ouderenzorg');
    await page.getByTestId('catalogue-label-nl').fill('Ouderenzorg');
    await page.getByTestId('catalogue-label-en').fill('Care for older people');
    await page.getByTestId('catalogue-category').selectOption('target_group');
    await page.getByTestId('catalogue-add-form-save').click();
    await page.getByTestId('catalogue-saved').waitFor();
    assert.equal(await text(page, 'catalogue-saved'), 'Ouderenzorg is toegevoegd.');
    assert.equal(await page.locator('[data-testid="catalogue-entry"][data-key="ouderenzorg"]').count(), 1);
    assert.equal(await pageWidth(page), phone.width);
    await shot(page, 'journey-catalogue-375.png');
    await page.context().close();
  });

  it('Sanne signs up on her phone with consent and sees the welcome call as her next step', async () => {
    const page = await harness.newPage(phone, '/login');
    await page.getByTestId('register-link').getByRole('link').click();
    await page.getByTestId('register-page').waitFor();
    await page.getByLabel(/^Zij-instromer/).check();
    await page.getByLabel('Voornaam').fill('Sanne');
    await page.getByLabel('Achternaam').fill('Bakker');
    await page.getByTestId('register-email').fill(people.sanne);
    await page.getByLabel('Telefoonnummer').fill('06 12345678');
    await page.getByLabel('Postcode').fill('3511');
    await page.getByTestId('register-password').fill(PASSWORD);
    await page.getByTestId('register-package-basic-care').check();
    await page.getByLabel('Ziekenhuis Domstad').check();
    await page.getByTestId('register-submit').click();
    // Without consent nothing is sent.
    assert.equal(await text(page, 'register-consent-error'), 'Zonder toestemming kunnen we je niet bemiddelen.');
    assert.equal(await pageWidth(page), phone.width, 'nothing sticks out sideways on a phone');
    await page.getByTestId('register-consent-input').check();
    await shot(page, 'journey-register-375.png');
    await page.getByTestId('register-submit').click();

    await page.getByTestId('my-journey').waitFor();
    assert.equal(await text(page, 'user-name'), 'Sanne Bakker');
    assert.match(await text(page, 'journey-status'), /^Volgende stap: Welkomstgesprek · uiterlijk .+ · nog geen begeleider$/);
    const step = page.getByTestId('journey-step');
    const states = await Promise.all([0, 1, 2].map(async (i) => `${await step.nth(i).getAttribute('data-step')}:${await step.nth(i).getAttribute('data-state')}`));
    assert.deepEqual(states, ['registration:done', 'welcome_call:due', 'orientation:later']);
    assert.equal(await pageWidth(page), phone.width);
    await shot(page, 'journey-mine-registered-375.png');
  });

  it('the mediator finds her in the welcome-call queue, logs the call, books a shadow day and completes the orientation', async () => {
    const page = await signedIn(people.mediator, desktop);
    await page.getByTestId('nav-mediation').click();
    const queue = page.getByTestId('queue-welcome-call');
    await queue.getByRole('link', { name: 'Sanne Bakker' }).waitFor();
    assert.match((await queue.getByTestId('queue-age').textContent()) ?? '', /^wacht \d+ min$/, 'just registered: not overdue');
    await shot(page, 'journey-workspace-1280.png');
    await queue.getByRole('link', { name: 'Sanne Bakker' }).click();

    await page.getByTestId('journey-page').waitFor();
    assert.equal(await text(page, 'journey-phone'), '06 12345678', 'the mediator sees how to call her');
    const call = page.getByTestId('welcome-call-form');
    await call.getByTestId('welcome-call-form-submit').click();
    assert.equal(await text(page, 'call-notes-error'), 'Vul minstens 3 tekens in.');
    await call.getByLabel('Verslag van het gesprek').fill('Was tien jaar kapper, wil graag in de ouderenzorg; ervaring met mantelzorg.');
    await call.getByLabel('Beperkingen en wensen').fill('Geen nachtdiensten');
    assert.equal(await call.getByTestId('call-packages').getByLabel('Basiszorg en contact met zorgvragers').isChecked(), true, 'her interests are the starting point');
    await call.getByLabel('Niveau').selectOption('2');
    // Her care for her mother counts: the new catalogue entry, confirmed in the call.
    await call.getByTestId('competence-ouderenzorg').check();
    await call.getByTestId('competence-confirm-ouderenzorg').check();
    await call.getByTestId('welcome-call-form-submit').click();
    await page.getByTestId('journey-saved').waitFor();
    await page.locator('[data-testid="worker-competences"] [data-key="ouderenzorg"][data-source="confirmed"]').waitFor();
    assert.match(await text(page, 'journey-status'), /^Volgende stap: Oriëntatie \(meeloopdag\) · begeleider: Mila Bemiddelaar$/);
    assert.match((await page.locator('[data-step="welcome_call"]').textContent()) ?? '', /Let op: Geen nachtdiensten/);

    const booking = page.getByTestId('orientation-book-form');
    await booking.getByTestId('orientation-book').click();
    await page.getByTestId('orientation-booked').waitFor();
    // The ward turns out to be closed that day: the shadow day is cancelled with a reason and booked again.
    await page.getByTestId('orientation-bookings').getByTestId('orientation-cancel').click();
    await page.getByTestId('orientation-bookings').getByTestId('reason').fill('De afdeling is die dag dicht');
    await page.getByTestId('orientation-bookings').getByTestId('reason-confirm').click();
    await page.locator('[data-testid="orientation-booking"][data-status="cancelled"]').waitFor();
    assert.equal(await page.getByTestId('orientation-booked').count(), 0);
    await booking.getByTestId('orientation-book').click();
    await page.getByTestId('orientation-booked').waitFor();
    assert.equal(await text(page, 'orientation-booked'), 'Meeloopdag ingepland bij Ziekenhuis Domstad, Domstad Centrum.');
    await page.getByTestId('orientation-notes').fill('Goed meegedraaid op de afdeling.');
    await page.getByTestId('orientation-form-submit').click();
    await page.getByRole('button', { name: 'Match vastleggen' }).waitFor();
    assert.match(await text(page, 'journey-status'), /^Volgende stap: Match met een organisatie/);
    await shot(page, 'journey-mediator-1280.png');
    await page.context().close();
  });

  it('the hospital’s planner posts a request for basic care', async () => {
    const page = await signedIn(people.planner, desktop);
    await page.getByTestId('nav-inbox').click();
    await page.getByTestId('inbox-page').waitFor();
    await page.getByTestId('new-request').click();
    await page.getByTestId('request-package').selectOption({ label: 'Basiszorg en contact met zorgvragers' });
    await page.getByTestId('request-shifts-per-week').fill('2');
    await page.getByTestId('request-supervision').fill('1');
    await page.getByTestId('request-description').fill('Twee dagdiensten per week op de afdeling geriatrie.');
    await page.getByTestId('request-submit').click();
    await page.getByTestId('request-posted').waitFor();
    const item = page.getByTestId('request-item');
    await item.waitFor();
    requestId = (await item.getAttribute('data-request-id')) ?? '';
    assert.ok(requestId);

    // On second thought the ward wishes experience with older people.
    await page.goto(`${harness.baseUrl}/requests/${requestId}`);
    await page.getByTestId('request-competences-edit').click();
    await page.getByTestId('requirement-ouderenzorg').selectOption('wished');
    await page.getByTestId('request-competences-save').click();
    await page.getByTestId('request-competences-saved').waitFor();
    assert.equal(await text(page, 'request-competences'), 'Gewenst: Ouderenzorg');
    await page.context().close();
  });

  it('the mediator offers Sanne from the ranked candidates, with a note', async () => {
    const page = await signedIn(people.mediator, phone);
    await page.goto(`${harness.baseUrl}/mediation`);
    await page.getByTestId('queue-first-offer').getByRole('link', { name: 'Ziekenhuis Domstad' }).click();
    await page.getByTestId('request-page').waitFor();
    const sanne = page.getByTestId('candidate').filter({ hasText: 'Sanne Bakker' });
    await sanne.waitFor();
    await sanne.locator('summary').click();
    const parts = await sanne.getByTestId('score-parts').locator('.part-name').allTextContents();
    // Package fit first; competences (when the request asks for some) and distance follow.
    assert.equal(parts[0], 'Pakketten');
    assert.ok(parts.includes('Afstand'), parts.join(', '));
    assert.match((await sanne.getByTestId('score-parts').locator('[data-part="packageFit"]').textContent()) ?? '', /Heeft 1 van de 1 gevraagde pakketten/);
    assert.match((await sanne.getByTestId('score-parts').locator('[data-part="competences"]').textContent()) ?? '', /Heeft 1 van de 1 gewenste competenties \(1 bevestigd\)/);
    await sanne.getByTestId('candidate-select').check();
    await page.getByTestId('offer-note').fill('Gemotiveerde zij-instromer, meeloopdag ging goed.');
    await page.getByTestId('offer-submit').click();
    await page.getByTestId('offers-sent').waitFor();
    const offer = page.getByTestId('offer').filter({ hasText: 'Sanne Bakker' });
    assert.equal(await offer.getByTestId('offer-status').textContent(), 'Wacht op antwoord');
    assert.equal(await pageWidth(page), phone.width, 'the candidate list fits a phone');
    await shot(page, 'journey-offer-375.png');
    await page.context().close();
  });

  it('the planner accepts her and puts her on the open shift', async () => {
    const page = await signedIn(people.planner, phone);
    await page.getByTestId('nav-inbox').click();
    const offer = page.getByTestId('to-answer').getByTestId('offer').filter({ hasText: 'Sanne Bakker' });
    await offer.waitFor();
    assert.match((await offer.textContent()) ?? '', /Gemotiveerde zij-instromer, meeloopdag ging goed\./);
    await offer.getByTestId('offer-accept').click();
    await page.getByText('Er wachten geen kandidaten op uw antwoord.').waitFor();

    await page.goto(`${harness.baseUrl}/requests/${requestId}`);
    assert.equal(await text(page, 'request-status'), 'Vervuld');
    await page.getByTestId('place-open').click();
    await page.locator(`[data-testid="place-shift"][data-shift-id="${harness.seeded.shiftId}"] input`).check();
    await shot(page, 'journey-place-375.png');
    await page.getByTestId('place-submit').click();
    assert.equal(await text(page, 'place-done'), 'Sanne Bakker staat op 1 dienst(en) en ziet ze bij Mijn diensten.');

    // Until the hospital marks her independent in basic care she takes a supervision place.
    await page.getByTestId('independence').locator('[data-package="basic-care"]').getByTestId('mark-independent').click();
    assert.equal(await page.getByTestId('independence').locator('[data-package="basic-care"]').getByTestId('independent').textContent(), 'zelfstandig');

    // She is now among the hospital's newcomers, on the planner's own page for them.
    await page.getByTestId('nav-newcomers').click();
    await page.getByTestId('newcomer').filter({ hasText: 'Sanne Bakker' }).getByRole('link').click();
    await page.getByTestId('newcomer-page').waitFor();
    assert.equal(await text(page, 'journey-stage'), 'Afspraken en contract');
    assert.equal(await page.getByTestId('newcomer-independence').locator('[data-package="basic-care"]').getByTestId('independent').textContent(), 'zelfstandig');
    assert.equal(await pageWidth(page), phone.width);
    await page.context().close();
  });

  it('Sanne reads why her first shadow day was cancelled, sees the confirmed shift under my shifts, and her journey moved on to the agreement', async () => {
    const page = await signedIn(people.sanne, phone);
    await page.getByTestId('nav-notifications').click();
    const cancelled = page.getByTestId('notification').filter({ hasText: 'Meeloopdag geannuleerd: Ziekenhuis Domstad' });
    await cancelled.waitFor();
    assert.match((await cancelled.locator('.notification-body').textContent()) ?? '', /^Je meeloopdag bij Ziekenhuis Domstad, Domstad Centrum \(.+\) op .+ is geannuleerd: De afdeling is die dag dicht/);

    await page.getByTestId('nav-my-shifts').click();
    const shift = page.locator(`[data-testid="my-shift"][data-shift-id="${harness.seeded.shiftId}"]`);
    await shift.waitFor();
    assert.equal(await shift.getByTestId('my-shift-status').textContent(), 'Bevestigd');
    assert.match((await shift.getByTestId('my-shift-when').textContent()) ?? '', /07:00 – 15:00/);
    await shot(page, 'journey-my-shifts-375.png');

    await page.getByTestId('nav-my-journey').click();
    await page.getByTestId('my-journey').waitFor();
    assert.match(await text(page, 'journey-status'), /^Volgende stap: Afspraken en contract/);
    assert.match((await page.locator('[data-step="matching"]').textContent()) ?? '', /Match met Ziekenhuis Domstad/);

    // Before onboarding she writes her learning plan.
    await page.getByTestId('plan-edit').click();
    await page.getByTestId('plan-goal-0').fill('Zelfstandig iemand helpen met wassen en aankleden');
    await page.getByTestId('plan-add-goal').click();
    await page.getByTestId('plan-goal-1').fill('Signalen van ondervoeding herkennen');
    await page.getByTestId('plan-support-input').fill('De eerste weken samen met mijn buddy op dienst.');
    await page.getByTestId('plan-save').click();
    assert.deepEqual(await page.getByTestId('plan-goals').locator('li').allTextContents(), ['Zelfstandig iemand helpen met wassen en aankleden', 'Signalen van ondervoeding herkennen']);
    assert.equal(await pageWidth(page), phone.width);
    await shot(page, 'journey-mine-matched-375.png');
  });

  it('the mediator reads the funnel: one registration, called, offered, accepted; and downloads it as CSV', async () => {
    const page = await signedIn(people.mediator, phone);
    await page.goto(`${harness.baseUrl}/mediation`);
    await page.getByTestId('funnel-link').click();
    await page.getByTestId('funnel-figures').waitFor();
    const figure = async (testId: string) => ((await page.getByTestId(testId).locator('dd').textContent()) ?? '').trim();
    assert.equal(await figure('funnel-registrations'), '1');
    assert.equal(await figure('funnel-welcome-calls'), '1 (100%)');
    assert.equal(await figure('funnel-offered'), '1 (100%)');
    assert.equal(await figure('funnel-accepted'), '1 (100%)');
    assert.equal(await pageWidth(page), phone.width);
    await shot(page, 'journey-funnel-375.png');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('funnel-csv').click()]);
    const path = await download.path();
    const csv = readFileSync(path, 'utf8');
    assert.match(download.suggestedFilename(), /^funnel-journey-e2e-.+\.csv$/);
    assert.match(csv, /;/, 'Dutch Excel: semicolons');
  });
});
