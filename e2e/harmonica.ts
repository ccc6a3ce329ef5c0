// Shared set-up for the browser tests: a real app on an in-memory PGlite with a small region,
// served on a free port, and Debian's Chromium driven by playwright-core.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { makeBigNumber } from '../src/shared/big-number.js';
import { buildApp } from '../src/server/app.js';
import { openDatabase, type Database } from '../src/server/db/open-database.js';
import { buildLocation, buildOrganisation, buildRegion, buildShift, buildUser, buildWorker, DEFAULT_TEST_PASSWORD } from '../src/server/demo/builders.js';
import { ensureNationalPackages } from '../src/server/packages/packages.service.js';

export const PASSWORD = DEFAULT_TEST_PASSWORD;
export const screenshotDir = fileURLToPath(new URL('../test-results/', import.meta.url));

export const logins = {
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

export type Harness = { baseUrl: string; context: BrowserContext; close: () => Promise<void> };

export async function startHarness(): Promise<Harness> {
  const database = await openDatabase();
  await seed(database);
  const app = await buildApp({ database });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const profileDir = mkdtempSync(join(tmpdir(), 'harmonica-e2e-'));
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  mkdirSync(screenshotDir, { recursive: true });
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    context,
    close: async () => {
      await context.close();
      await app.close();
      await database.close();
      rmSync(profileDir, { recursive: true, force: true });
    },
  };
}

/** A fresh tab without cookies or a saved language: every test starts signed out, in Dutch. */
export async function freshPage(harness: Harness, viewport: { width: number; height: number }): Promise<Page> {
  await harness.context.clearCookies();
  for (const open of harness.context.pages()) await open.close();
  const page = await harness.context.newPage();
  await page.setViewportSize(viewport);
  await page.goto(`${harness.baseUrl}/login`);
  await page.evaluate('window.localStorage.clear()');
  await page.reload();
  return page;
}

export async function logIn(page: Page, email: string, password = PASSWORD): Promise<void> {
  await page.getByLabel('E-mailadres').fill(email);
  await page.getByLabel('Wachtwoord').fill(password);
  await page.getByRole('button', { name: 'Inloggen' }).click();
}

export async function logOut(page: Page): Promise<void> {
  await page.getByTestId('logout').click();
  await page.getByTestId('login-page').waitFor();
}

export const phone = { width: 375, height: 812 };
export const desktop = { width: 1280, height: 900 };
