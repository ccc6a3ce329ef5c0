// The one set-up for the browser tests: the real app on an in-memory PGlite seeded by the spec,
// served on a free port, optionally a real local SMTP server and the planning job workers, and
// Debian's Chromium driven by playwright-core with a fresh context (cookies, storage) per page.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { makeBigNumber } from '../src/shared/big-number.js';
import { buildApp } from '../src/server/app.js';
import { openDatabase, type Database } from '../src/server/db/open-database.js';
import { buildLocation, buildOrganisation, buildRegion, buildUser, buildWorkerWithUser, DEFAULT_TEST_PASSWORD } from '../src/server/demo/builders.js';
import { ensureNationalPackages } from '../src/server/packages/packages.service.js';
import { createMailer } from '../src/server/notifications/mailer.js';
import { deliverOutbox } from '../src/server/notifications/outbox.js';
import { startTestSmtpServer, type TestSmtpServer } from '../src/server/notifications/smtp-test-server.js';
import { startPlanningJobs } from '../src/server/planning/planning.service.js';

export const PASSWORD = DEFAULT_TEST_PASSWORD;
export const screenshotDir = fileURLToPath(new URL('../test-results/', import.meta.url));
export const phone = { width: 375, height: 812 };
export const desktop = { width: 1280, height: 900 };
type Viewport = { width: number; height: number };

export type HarnessOptions<T> = {
  /** Fills the empty, migrated database; what it returns is the harness's `seeded`. */
  seed: (database: Database) => Promise<T>;
  /** Start a local SMTP server and let `deliverMail()` send the outbox to it. */
  withMail?: boolean;
  /** Run the pg-boss planning workers (auto-planning). */
  withPlanningJobs?: boolean;
};

export type Harness<T = void> = {
  baseUrl: string;
  database: Database;
  seeded: T;
  /** The SMTP server's received mail (`withMail` only). */
  smtp: TestSmtpServer | null;
  /** Sends what the outbox holds to the SMTP server, as the delivery job does (`withMail` only). */
  deliverMail: () => Promise<void>;
  /** A new tab in its own cookie jar and storage (signed out, Dutch), opened at `path` when given. */
  newPage: (viewport: Viewport, path?: string) => Promise<Page>;
  close: () => Promise<void>;
};

export async function startHarness<T>(options: HarnessOptions<T>): Promise<Harness<T>> {
  const database = await openDatabase();
  const seeded = await options.seed(database);
  if (options.withPlanningJobs) await startPlanningJobs(database, { threads: 2 });
  const app = await buildApp({ database });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const baseUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const smtp = options.withMail ? await startTestSmtpServer() : null;
  const mailer = smtp ? createMailer(smtp.url) : null;
  const browser: Browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const contexts: BrowserContext[] = [];
  mkdirSync(screenshotDir, { recursive: true });
  return {
    baseUrl,
    database,
    seeded,
    smtp,
    deliverMail: async () => {
      if (!smtp || !mailer) throw new Error('Start the harness withMail to deliver mail');
      const before = smtp.messages.length;
      const { sent } = await deliverOutbox(database.db, mailer, { from: 'Harmonica <noreply@harmonica.test>' });
      await smtp.waitForMessages(before + sent);
    },
    newPage: async (viewport, path) => {
      const context = await browser.newContext({ viewport, locale: 'nl-NL', timezoneId: 'Europe/Amsterdam' });
      contexts.push(context);
      const page = await context.newPage();
      if (path !== undefined) await page.goto(`${baseUrl}${path}`);
      return page;
    },
    close: async () => {
      for (const context of contexts) await context.close();
      await browser.close();
      mailer?.close();
      await smtp?.close();
      await app.close();
      await database.close();
    },
  };
}

/** Fills the login form on the current page (the password may be wrong on purpose). */
export async function logIn(page: Page, email: string, password = PASSWORD): Promise<void> {
  await page.getByLabel('E-mailadres').fill(email);
  await page.getByLabel('Wachtwoord').fill(password);
  await page.getByRole('button', { name: 'Inloggen' }).click();
}

/** Opens the login page, logs in and waits until the signed-in header shows. */
export async function signIn(page: Page, baseUrl: string, email: string): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await logIn(page, email);
  await page.getByTestId('logout').waitFor();
}

export async function logOut(page: Page): Promise<void> {
  await page.getByTestId('logout').click();
  await page.getByTestId('login-page').waitFor();
}

/** The document's full width: wider than the viewport means sideways scrolling on a phone. */
export const pageWidth = async (page: Page) => Number(await page.evaluate('document.documentElement.scrollWidth'));

/** The trimmed text of the first element with this test id. */
export const text = async (page: Page, testId: string) => ((await page.getByTestId(testId).first().textContent()) ?? '').trim();

/** A full-page screenshot into test-results/. */
export const shot = (page: Page, name: string) => page.screenshot({ path: join(screenshotDir, name), fullPage: true });

type Person = readonly [email: string, firstName: string, lastName: string];

/**
 * The marketplace's cast: Ziekenhuis Domstad in Regio Utrecht (instant claims) with its location
 * Domstad Centrum and planner Piet Planner; nurses (own staff, basic care and nursing, a BIG
 * registration until 2035) and side-entrants (newcomers with basic care only), all living in 3511.
 */
export async function seedHospital(
  database: Database,
  cast: { regionCode: string; plannerEmail: string; nurses: readonly Person[]; sideEntrants?: readonly Person[]; swapNeedsApproval?: boolean },
): Promise<void> {
  const db = database.db;
  await ensureNationalPackages(db);
  const region = await buildRegion(db, { code: cast.regionCode, name: 'Regio Utrecht' });
  const hospital = await buildOrganisation(db, { regionId: region.id, name: 'Ziekenhuis Domstad', sector: 'hospital', claimMode: 'instant', ...(cast.swapNeedsApproval === undefined ? {} : { swapNeedsApproval: cast.swapNeedsApproval }) });
  await buildLocation(db, { organisationId: hospital.id, name: 'Domstad Centrum', postcode: '3584', address: 'Heidelberglaan 100' });
  await buildUser(db, { email: cast.plannerEmail, name: 'Piet Planner', roles: [{ role: 'planner', organisationId: hospital.id }] });
  const home = { regionId: region.id, homePostcode: '3511', maxTravelKm: 25 };
  for (const [email, firstName, lastName] of cast.nurses) {
    await buildWorkerWithUser(db, {
      ...home,
      email,
      firstName,
      lastName,
      kind: 'own_staff',
      qualificationLevel: 4,
      packages: ['basic-care', 'nursing'],
      big: { number: makeBigNumber([1, 2, 3, 4, 5, 6, 7, 8, 9]), expiresOn: '2035-12-31' },
    });
  }
  for (const [email, firstName, lastName] of cast.sideEntrants ?? []) {
    await buildWorkerWithUser(db, { ...home, email, firstName, lastName, kind: 'side_entrant', isNewcomer: true, qualificationLevel: 2, packages: ['basic-care'] });
  }
}
