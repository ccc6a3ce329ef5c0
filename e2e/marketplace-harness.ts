// Set-up for the marketplace browser test: the real app on an in-memory PGlite with one hospital,
// its planner and four workers, a real local SMTP server, and one Chromium with a context per person.
import { mkdirSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { DateTime } from 'luxon';
import { makeBigNumber } from '../src/shared/big-number.js';
import { buildApp } from '../src/server/app.js';
import { openDatabase, type Database } from '../src/server/db/open-database.js';
import { buildLocation, buildOrganisation, buildRegion, buildUser, buildWorkerWithUser, DEFAULT_TEST_PASSWORD } from '../src/server/demo/builders.js';
import { createMailer } from '../src/server/notifications/mailer.js';
import { deliverOutbox } from '../src/server/notifications/outbox.js';
import { startTestSmtpServer, type TestSmtpServer } from '../src/server/notifications/smtp-test-server.js';
import { ensureNationalPackages } from '../src/server/packages/packages.service.js';
import { screenshotDir } from './harmonica.js';

export const people = {
  planner: 'planner@domstad.e2e.test',
  nurse: 'anna@e2e.test',
  secondNurse: 'bram@e2e.test',
  sideEntrant: 'sanne@e2e.test',
} as const;

/** Tuesday of the week two weeks from now, as YYYY-MM-DD in Amsterdam: the night shift's date. */
export const nightShiftDate = () => DateTime.now().setZone('Europe/Amsterdam').startOf('week').plus({ weeks: 2, days: 1 }).toISODate()!;

async function seed(database: Database): Promise<void> {
  const db = database.db;
  await ensureNationalPackages(db);
  const region = await buildRegion(db, { code: 'utrecht-market-e2e', name: 'Regio Utrecht' });
  const hospital = await buildOrganisation(db, { regionId: region.id, name: 'Ziekenhuis Domstad', sector: 'hospital', claimMode: 'instant' });
  await buildLocation(db, { organisationId: hospital.id, name: 'Domstad Centrum', postcode: '3584', address: 'Heidelberglaan 100' });
  await buildUser(db, { email: people.planner, name: 'Piet Planner', roles: [{ role: 'planner', organisationId: hospital.id }] });
  const nurse = (email: string, firstName: string, lastName: string) =>
    buildWorkerWithUser(db, {
      regionId: region.id,
      email,
      firstName,
      lastName,
      kind: 'own_staff',
      qualificationLevel: 4,
      homePostcode: '3511',
      maxTravelKm: 25,
      packages: ['basic-care', 'nursing'],
      big: { number: makeBigNumber([1, 2, 3, 4, 5, 6, 7, 8, 9]), expiresOn: '2035-12-31' },
    });
  await nurse(people.nurse, 'Anna', 'de Vries');
  await nurse(people.secondNurse, 'Bram', 'Jansen');
  await buildWorkerWithUser(db, {
    regionId: region.id,
    email: people.sideEntrant,
    firstName: 'Sanne',
    lastName: 'Bakker',
    kind: 'side_entrant',
    isNewcomer: true,
    qualificationLevel: 2,
    homePostcode: '3511',
    maxTravelKm: 25,
    packages: ['basic-care'],
  });
}

export type MarketHarness = {
  baseUrl: string;
  smtp: TestSmtpServer;
  /** Sends what the outbox holds to the SMTP server, as the delivery job does. */
  deliverMail: () => Promise<void>;
  /** A fresh signed-out tab in its own cookie jar. */
  newPage: (viewport: { width: number; height: number }) => Promise<Page>;
  close: () => Promise<void>;
};

export async function startMarketHarness(): Promise<MarketHarness> {
  const database = await openDatabase();
  await seed(database);
  const app = await buildApp({ database });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const smtp = await startTestSmtpServer();
  const mailer = createMailer(smtp.url);
  const browser: Browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const contexts: BrowserContext[] = [];
  mkdirSync(screenshotDir, { recursive: true });
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    smtp,
    deliverMail: async () => {
      const before = smtp.messages.length;
      const { sent } = await deliverOutbox(database.db, mailer, { from: 'Harmonica <noreply@harmonica.test>' });
      await smtp.waitForMessages(before + sent);
    },
    newPage: async (viewport) => {
      const context = await browser.newContext({ viewport, locale: 'nl-NL', timezoneId: 'Europe/Amsterdam' });
      contexts.push(context);
      return context.newPage();
    },
    close: async () => {
      for (const context of contexts) await context.close();
      await browser.close();
      mailer.close();
      await smtp.close();
      await app.close();
      await database.close();
    },
  };
}

export async function signIn(page: Page, baseUrl: string, email: string): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel('E-mailadres').fill(email);
  await page.getByLabel('Wachtwoord').fill(DEFAULT_TEST_PASSWORD);
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await page.getByTestId('logout').waitFor();
}
