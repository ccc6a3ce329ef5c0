// The foundation journeys in a real Chromium: each role logs in, sees its own home page in
// Dutch, can switch to English (which sticks after a reload) and logs out.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { makeBigNumber } from '../src/shared/big-number.js';
import type { Database } from '../src/server/db/open-database.js';
import { buildLocation, buildOrganisation, buildRegion, buildShift, buildUser, buildWorker } from '../src/server/demo/builders.js';
import { ensureNationalPackages } from '../src/server/packages/packages.service.js';
import { desktop, logIn, logOut, pageWidth, phone, screenshotDir, startHarness, type Harness } from './harmonica.js';

const logins = {
  admin: 'admin@e2e.harmonica.test',
  coordinator: 'coordinator@e2e.harmonica.test',
  mediator: 'mediator@e2e.harmonica.test',
  planner: 'planner@e2e.harmonica.test',
  worker: 'worker@e2e.harmonica.test',
} as const;

const isoDateInDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/** Regio Utrecht with one hospital (one location, one open shift), the five roles and a small pool. */
async function seed(database: Database): Promise<void> {
  const db = database.db;
  await ensureNationalPackages(db);
  const region = await buildRegion(db, { code: 'utrecht-e2e', name: 'Regio Utrecht' });
  const hospital = await buildOrganisation(db, { regionId: region.id, name: 'Ziekenhuis Domstad', sector: 'hospital' });
  const location = await buildLocation(db, { organisationId: hospital.id, name: 'Domstad Centrum', postcode: '3584', address: 'Heidelberglaan 100' });
  await buildOrganisation(db, { regionId: region.id, name: 'Thuiszorg Vecht', sector: 'home_care' });
  await buildShift(db, { organisationId: hospital.id, locationId: location.id });
  await buildUser(db, { email: logins.admin, name: 'Ada Admin', roles: [{ role: 'admin' }] });
  await buildUser(db, { email: logins.coordinator, name: 'Cor Coördinator', roles: [{ role: 'coordinator', regionId: region.id }] });
  await buildUser(db, { email: logins.mediator, name: 'Mila Bemiddelaar', roles: [{ role: 'mediator', regionId: region.id }] });
  await buildUser(db, { email: logins.planner, name: 'Piet Planner', roles: [{ role: 'planner', organisationId: hospital.id }] });
  const workerUser = await buildUser(db, { email: logins.worker, name: 'Wendy Werker', roles: [{ role: 'worker', regionId: region.id }] });
  await buildWorker(db, {
    regionId: region.id,
    userId: workerUser.id,
    email: logins.worker,
    firstName: 'Wendy',
    lastName: 'Werker',
    kind: 'reservist',
    qualificationLevel: 4,
    homePostcode: '3511',
    packages: ['basic-care', 'nursing'],
    big: { number: makeBigNumber([1, 2, 3, 4, 5, 6, 7, 8, 9]), expiresOn: isoDateInDays(30) },
  });
  await buildWorker(db, {
    regionId: region.id,
    firstName: 'Sanne',
    lastName: 'de Vries',
    kind: 'side_entrant',
    isNewcomer: true,
    packages: ['basic-care'],
    big: { number: makeBigNumber([9, 8, 7, 6, 5, 4, 3, 2, 1]), expiresOn: isoDateInDays(400), verified: false },
  });
  await buildWorker(db, { regionId: region.id, firstName: 'Youssef', lastName: 'Amrani', kind: 'student', packages: ['basic-care'] });
}

let harness: Harness;

/** A signed-out tab on the login page, in Dutch. */
const freshPage = (viewport: { width: number; height: number }) => harness.newPage(viewport, '/login');

before(async () => {
  harness = await startHarness({ seed });
});

after(async () => {
  await harness.close();
});

describe('logging in', () => {
  it('shows the error for a wrong password and stays on the login page', async () => {
    const page = await freshPage(phone);
    await logIn(page, logins.worker, 'not-the-password');
    const error = page.getByTestId('login-error');
    await error.waitFor();
    assert.equal(await error.textContent(), 'Het e-mailadres of het wachtwoord klopt niet.');
    assert.equal(await page.getByTestId('logout').count(), 0);
  });

  it('keeps a language chosen before login after a reload', async () => {
    const page = await freshPage(phone);
    assert.equal(await page.getAttribute('html', 'lang'), 'nl');
    await page.getByTestId('language-en').click();
    await page.getByRole('heading', { name: 'Log in' }).waitFor();
    await page.reload();
    await page.getByRole('heading', { name: 'Log in' }).waitFor();
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    assert.equal(await page.getByLabel('Email address').count(), 1);
  });
});

describe('each role sees its own home page', () => {
  it('a worker sees their profile with the expiring BIG registration, edits the travel radius, adds a registration and logs out', async () => {
    const page = await freshPage(phone);
    await logIn(page, logins.worker);
    await page.getByRole('heading', { name: 'Mijn profiel' }).waitFor();
    assert.equal(await page.getByTestId('user-name').textContent(), 'Wendy Werker');
    assert.equal(await page.getByTestId('user-role').textContent(), 'Zorgmedewerker');
    assert.match((await page.getByTestId('worker-kind').textContent()) ?? '', /Reservist/);
    assert.match((await page.getByTestId('worker-packages').textContent()) ?? '', /Verpleegkundige zorg \(BIG\)/);
    assert.match((await page.getByTestId('registration-warning').textContent()) ?? '', /^Verloopt over \d+ dagen/);
    assert.match((await page.getByTestId('worker-travel').textContent()) ?? '', /Postcodecoördinaten © GeoNames \(CC BY 4\.0\)/);
    assert.equal(await pageWidth(page), phone.width, 'nothing sticks out sideways on a phone');
    await page.screenshot({ path: join(screenshotDir, 'worker-375.png'), fullPage: true });

    await page.getByTestId('edit-profile').click();
    await page.getByLabel('Maximale reisafstand (km)').fill('400');
    await page.getByTestId('form-save').click();
    assert.equal(await page.getByTestId('form-travel-error').textContent(), 'Maximaal 300.');
    await page.getByLabel('Maximale reisafstand (km)').fill('40');
    await page.getByTestId('form-add-window').click();
    // A preferred organisation: one of the region's, not preferred yet.
    const notPreferred = page.getByTestId('form-preferred').locator('label.check', { has: page.locator('input:not(:checked)') }).first();
    const preferredName = ((await notPreferred.textContent()) ?? '').trim();
    assert.ok(preferredName);
    await notPreferred.locator('input').check();
    await page.getByTestId('form-save').click();
    await page.getByTestId('profile-saved').waitFor();
    assert.equal(await page.getByTestId('worker-travel-km').textContent(), '40 km');
    assert.ok(((await page.getByTestId('worker-preferred').textContent()) ?? '').split(', ').includes(preferredName), 'the preference is saved');
    assert.match((await page.getByTestId('worker-availability').textContent()) ?? '', /maandag 09:00–17:00/);

    await page.reload();
    await page.getByRole('heading', { name: 'Mijn profiel' }).waitFor();
    assert.equal(await page.getByTestId('worker-travel-km').textContent(), '40 km');

    await page.getByTestId('add-registration').click();
    await page.getByLabel('Soort registratie').selectOption('kwaliteitsregister');
    await page.getByLabel('Registratienummer').fill('KR-204518');
    await page.getByLabel('Geldig tot').fill('2031-05-01');
    await page.getByTestId('registration-save').click();
    await page.getByTestId('registration-added').waitFor();
    const added = page.getByTestId('registration').filter({ hasText: 'Kwaliteitsregister V&V' });
    assert.match((await added.textContent()) ?? '', /Geldig tot 1 mei 2031/);
    assert.match((await added.textContent()) ?? '', /Nog niet gecontroleerd/);
    await logOut(page);
  });

  it('a planner sees their organisation with its location and open shifts, and adds a location', async () => {
    const page = await freshPage(phone);
    await logIn(page, logins.planner);
    await page.getByRole('heading', { name: 'Mijn organisatie' }).waitFor();
    const organisation = page.getByTestId('organisation');
    assert.match((await organisation.textContent()) ?? '', /Ziekenhuis Domstad/);
    assert.match((await page.getByTestId('open-shift-count').textContent()) ?? '', /^Open diensten1$/);
    const location = (await page.getByTestId('location').textContent()) ?? '';
    assert.match(location, /Domstad Centrum/);
    assert.match(location, /Heidelberglaan 100/);
    assert.match(location, /3584/);
    assert.match(location, /Europe\/Amsterdam/);
    assert.equal(await pageWidth(page), phone.width, 'nothing sticks out sideways on a phone');
    await page.screenshot({ path: join(screenshotDir, 'planner-375.png'), fullPage: true });

    await page.getByTestId('add-location').click();
    await page.getByLabel('Naam van de locatie').fill('Domstad Zeist');
    await page.getByLabel('Straat en huisnummer').fill('Hoofdweg 1');
    await page.getByLabel('Postcode', { exact: true }).fill('1000 AA');
    await page.getByLabel('Plaats').fill('Zeist');
    await page.getByTestId('location-save').click();
    await page.getByTestId('location-error').waitFor();
    assert.equal(await page.getByTestId('location-postcode-error').textContent(), 'Deze postcode kennen we niet.');
    await page.getByLabel('Postcode', { exact: true }).fill('3701 AB');
    await page.getByTestId('location-save').click();
    await page.getByTestId('location-added').waitFor();
    await page.getByTestId('location').filter({ hasText: 'Domstad Zeist' }).waitFor();
    assert.equal(await page.getByTestId('location').count(), 2);
    await logOut(page);
  });

  it('a mediator sees the region, searches the worker pool and approves a registration', async () => {
    const page = await freshPage(desktop);
    await logIn(page, logins.mediator);
    await page.getByRole('heading', { name: 'Regio Utrecht' }).waitFor();
    assert.equal(await page.getByTestId('user-role').textContent(), 'Bemiddelaar');
    assert.match((await page.getByTestId('stat-workers').textContent()) ?? '', /3/);
    assert.match((await page.getByTestId('stat-expiring').textContent()) ?? '', /1/);
    assert.match((await page.getByTestId('workers-by-kind').textContent()) ?? '', /Zij-instromer1/);
    assert.equal(await page.getByTestId('organisation-row').count(), 2);
    await page.getByTestId('pool-count').waitFor();
    assert.equal(await page.getByTestId('pool-row').count(), 3);
    await page.getByLabel('Zoek op naam').fill('Vries');
    await page.getByTestId('pool-count').filter({ hasText: '1 van 1 medewerkers' }).waitFor();
    assert.match((await page.getByTestId('pool-row').textContent()) ?? '', /Sanne de Vries/);
    await page.screenshot({ path: join(screenshotDir, 'mediator-1280.png'), fullPage: true });

    await page.getByRole('link', { name: 'Profiel van Sanne de Vries' }).click();
    await page.getByRole('heading', { name: 'Profiel van Sanne de Vries' }).waitFor();
    assert.match((await page.getByTestId('worker-kind').textContent()) ?? '', /Zij-instromer/);
    assert.match((await page.getByTestId('registration').textContent()) ?? '', /Nog niet gecontroleerd/);
    await page.getByTestId('verify-registration').click();
    await page.getByTestId('registration').filter({ hasText: 'Gecontroleerd' }).waitFor();
    assert.equal(await page.getByTestId('verify-registration').count(), 0);
    await logOut(page);
  });

  it('a coordinator switches to English, which sticks after a reload, back to Dutch, and changes the rest rule', async () => {
    const page = await freshPage(desktop);
    await logIn(page, logins.coordinator);
    await page.getByRole('heading', { name: 'Regio Utrecht' }).waitFor();
    assert.equal(await page.getByTestId('user-role').textContent(), 'Coördinator');
    assert.equal(await page.getAttribute('html', 'lang'), 'nl');

    await page.getByTestId('language-en').click();
    await page.getByRole('heading', { name: 'Region Utrecht' }).waitFor();
    assert.equal(await page.getByTestId('user-role').textContent(), 'Coordinator');
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    assert.equal(await page.getByTestId('logout').textContent(), 'Log out');
    await page.screenshot({ path: join(screenshotDir, 'coordinator-1280-en.png'), fullPage: true });

    await page.reload();
    await page.getByRole('heading', { name: 'Region Utrecht' }).waitFor();
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    assert.match((await page.getByTestId('workers-by-kind').textContent()) ?? '', /Career changer/);

    await page.getByTestId('language-nl').click();
    await page.getByRole('heading', { name: 'Regio Utrecht' }).waitFor();

    await page.getByTestId('edit-rules').click();
    await page.getByTestId('rules-minRestMinutes').fill('10');
    await page.getByTestId('rules-save').click();
    await page.getByTestId('rules-saved').waitFor();
    assert.equal(await page.getByTestId('rule-min-rest').textContent(), '10 uur');
    await page.reload();
    await page.getByTestId('rule-min-rest').filter({ hasText: '10 uur' }).waitFor();
    await page.getByTestId('logout').click();
    await page.getByRole('heading', { name: 'Inloggen' }).waitFor();
  });

  it('an admin sees all regions with their counts and all users', async () => {
    const page = await freshPage(desktop);
    await logIn(page, logins.admin);
    await page.getByRole('heading', { name: 'Beheer' }).waitFor();
    assert.equal(await page.getByTestId('user-role').textContent(), 'Beheerder');
    const region = page.getByTestId('admin-region-row');
    await region.waitFor();
    assert.match((await region.textContent()) ?? '', /Regio Utrecht/);
    await page.getByTestId('admin-user-row').first().waitFor();
    assert.equal(await page.getByTestId('admin-user-row').count(), 5);
    await page.screenshot({ path: join(screenshotDir, 'admin-1280.png'), fullPage: true });

    await region.getByRole('link', { name: 'Regio Utrecht' }).click();
    await page.getByTestId('region-summary').waitFor();
    assert.match((await page.getByTestId('stat-organisations').textContent()) ?? '', /2/);
    // The region's competence catalogue is one click away for an admin too.
    await page.getByTestId('competences-link').getByRole('link').click();
    await page.getByTestId('competence-catalogue').waitFor();
    assert.match((await page.getByTestId('catalogue-count').textContent()) ?? '', /^\d+ in gebruik, \d+ ingetrokken$/);

    // The mailbox page: the outbox as it is, and bundling the waiting digest on demand.
    await page.goto(harness.baseUrl);
    await page.getByTestId('mailbox-link').getByRole('link').click();
    await page.getByTestId('mailbox-page').waitFor();
    await page.getByTestId('mailbox-digest').click();
    assert.match((await page.getByTestId('mailbox-digest-done').textContent()) ?? '', /^\d+ dagoverzicht\(en\) klaargezet\.$/);
    await logOut(page);
  });
});
