// Auto-planning in a real Chromium: the coordinator runs it for the region with a 2-second limit,
// watches the progress, reads the preview (score against today, why this worker, why nobody for an
// open place), publishes, and the planned worker then sees the shift as theirs.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { DateTime } from 'luxon';
import type { Page } from 'playwright-core';
import { makeBigNumber } from '../src/shared/big-number.js';
import type { Database } from '../src/server/db/open-database.js';
import { assignments } from '../src/server/db/schema.js';
import { buildLocation, buildOrganisation, buildRegion, buildShift, buildUser, buildWorker } from '../src/server/demo/builders.js';
import { ensureNationalPackages } from '../src/server/packages/packages.service.js';
import { desktop, pageWidth, phone, screenshotDir, signIn, startHarness, text, type Harness } from './harmonica.js';

const logins = { coordinator: 'coordinator@plan.e2e.test', worker: 'wendy@plan.e2e.test', mediator: 'mediator@plan.e2e.test', planner: 'planner@plan.e2e.test' } as const;
const ZONE = 'Europe/Amsterdam';

type Seeded = { plannedShiftIds: string[]; confirmedShiftId: string; openShiftId: string };

/**
 * One hospital, next-but-one week: Wendy (nursing) already confirmed on Monday, two nursing shifts
 * only she can take, a basic-care shift for the student, and a monitoring shift nobody holds the package for.
 */
async function seed(database: Database): Promise<Seeded> {
  const db = database.db;
  await ensureNationalPackages(db);
  const region = await buildRegion(db, { code: 'plan-e2e', name: 'Regio Utrecht' });
  const hospital = await buildOrganisation(db, { regionId: region.id, name: 'Ziekenhuis Domstad', sector: 'hospital' });
  const ward = await buildLocation(db, { organisationId: hospital.id, name: 'Domstad Centrum', postcode: '3584', address: 'Heidelberglaan 100' });
  await buildUser(db, { email: logins.coordinator, name: 'Cor Coördinator', roles: [{ role: 'coordinator', regionId: region.id }] });
  await buildUser(db, { email: logins.planner, name: 'Piet Planner', roles: [{ role: 'planner', organisationId: hospital.id }] });
  await buildUser(db, { email: logins.mediator, name: 'Mila Bemiddelaar', roles: [{ role: 'mediator', regionId: region.id }] });
  const wendyUser = await buildUser(db, { email: logins.worker, name: 'Wendy Werker', roles: [{ role: 'worker', regionId: region.id }] });
  const wendy = await buildWorker(db, {
    regionId: region.id,
    userId: wendyUser.id,
    email: logins.worker,
    firstName: 'Wendy',
    lastName: 'Werker',
    kind: 'own_staff',
    qualificationLevel: 4,
    homePostcode: '3511',
    packages: ['basic-care', 'nursing'],
    big: { number: makeBigNumber([1, 2, 3, 4, 5, 6, 7, 8, 9]), expiresOn: '2035-12-31' },
  });
  await buildWorker(db, { regionId: region.id, firstName: 'Youssef', lastName: 'Amrani', kind: 'student', homePostcode: '3512', packages: ['basic-care'] });
  await buildWorker(db, { regionId: region.id, firstName: 'Sanne', lastName: 'de Vries', kind: 'side_entrant', homePostcode: '3521', packages: ['basic-care'] });

  const monday = DateTime.now().setZone(ZONE).startOf('week').plus({ weeks: 2 });
  const at = (day: number, time: string) => {
    const [h, m] = time.split(':').map(Number);
    return monday.plus({ days: day }).set({ hour: h!, minute: m! }).toJSDate();
  };
  const shift = (day: number, packageCode: string, priority = 3) =>
    buildShift(db, { organisationId: hospital.id, locationId: ward.id, packageCode, start: at(day, '07:00'), end: at(day, '15:00'), places: 1, priority });
  const confirmed = await shift(0, 'nursing');
  await db.insert(assignments).values({ shiftId: confirmed.id, workerId: wendy.id, status: 'confirmed', start: confirmed.start, end: confirmed.end });
  const planned = [await shift(1, 'nursing', 4), await shift(2, 'nursing', 4)];
  await shift(3, 'basic-care');
  const monitoring = await shift(4, 'monitoring-care', 5);
  return { plannedShiftIds: planned.map((s) => s.id), confirmedShiftId: confirmed.id, openShiftId: monitoring.id };
}

let harness: Harness<Seeded>;
let baseUrl: string;
let seeded: Seeded;

before(async () => {
  harness = await startHarness({ seed, withPlanningJobs: true });
  ({ baseUrl, seeded } = harness);
});

after(async () => {
  await harness.close();
});

async function signedIn(email: string, viewport: { width: number; height: number }): Promise<Page> {
  const page = await harness.newPage(viewport);
  await signIn(page, baseUrl, email);
  return page;
}

describe('auto-planning in the browser', () => {
  it('a mediator sees no way into auto-planning', async () => {
    const page = await signedIn(logins.mediator, phone);
    await page.getByTestId('region-overview').waitFor();
    assert.equal(await page.getByTestId('planning-link').count(), 0);
    await page.goto(`${baseUrl}/planning`);
    await page.getByTestId('not-found').waitFor();
  });

  it('a planner plans only their own organisation, from their home page, on a phone', async () => {
    const page = await signedIn(logins.planner, phone);
    await page.getByTestId('planning-link').getByRole('link', { name: 'Automatisch plannen' }).click();
    await page.getByTestId('planning-start').waitFor();
    const options = await page.getByTestId('planning-scope').locator('option').allTextContents();
    assert.deepEqual(options, ['Ziekenhuis Domstad']);
    await page.getByLabel('Rekentijd (seconden)').fill('900');
    await page.getByTestId('planning-submit').click();
    assert.equal(await text(page, 'planning-limit-error'), 'Kies 1 tot 600 seconden.');
    assert.equal(await pageWidth(page), phone.width, 'nothing sticks out sideways on a phone');
    await page.screenshot({ path: join(screenshotDir, 'planning-start-375.png'), fullPage: true });
  });

  it('the coordinator runs it, watches progress, reads the preview, publishes, and the worker sees the shift', async () => {
    const page = await signedIn(logins.coordinator, desktop);
    await page.getByTestId('planning-link').getByRole('link', { name: 'Automatisch plannen' }).click();
    await page.getByRole('heading', { name: 'Automatisch plannen', level: 1 }).waitFor();
    assert.equal(await page.getByLabel('Wat plannen').inputValue() !== '', true);
    assert.match((await page.getByTestId('planning-scope').textContent()) ?? '', /Hele regio: Regio Utrecht/);
    await page.getByLabel('Rekentijd (seconden)').fill('8');
    await page.getByTestId('planning-submit').click();

    // Live progress: queued or running, with the limit, and a Stop button.
    await page.getByTestId('planning-progress').waitFor();
    await page.getByTestId('progress-bar').waitFor({ timeout: 20_000 });
    await page.getByTestId('progress-best').waitFor({ timeout: 20_000 });
    await page.screenshot({ path: join(screenshotDir, 'planning-progress-1280.png'), fullPage: true });

    // Stop early: the run keeps the best plan found so far.
    await page.getByRole('button', { name: 'Stop en toon het beste plan' }).click();
    await page.getByTestId('planning-preview').waitFor({ timeout: 30_000 });
    assert.match(await text(page, 'run-status'), /^(Vroeg gestopt|Klaar)$/);
    assert.equal(await text(page, 'summary-pinned'), 'Al bevestigd (blijven staan)1');
    assert.equal(await text(page, 'summary-proposals'), 'Voorstellen3');
    const uncovered = page.getByTestId('score-uncovered').getByRole('cell');
    const [now, proposed] = [Number((await uncovered.nth(0).textContent())!.replace(/\./g, '')), Number((await uncovered.nth(1).textContent())!.replace(/\./g, ''))];
    assert.ok(proposed < now, `the plan leaves fewer open places than today (${now} → ${proposed})`);

    // Why this worker: expand a proposal of Wendy's.
    const wendy = page.getByTestId('proposal').filter({ hasText: 'Wendy Werker' });
    assert.equal(await wendy.count(), 2, 'both nursing shifts go to the only nurse');
    assert.match((await wendy.first().locator('summary').textContent()) ?? '', /07:00–15:00/, 'on the region’s clock');
    await wendy.first().locator('summary').click();
    assert.match((await wendy.first().getByTestId('proposal-why').textContent()) ?? '', /Vult een open plaats: scheelt [\d.]+ strafpunten\./);

    // Per worker.
    await page.getByTestId('view-worker').click();
    const groups = await page.getByTestId('proposal-group').locator('h3').allTextContents();
    assert.deepEqual(groups.map((g) => g.replace(/\s*\d+ diensten?$/, '')).sort(), ['Wendy Werker', groups.find((g) => !g.startsWith('Wendy'))!.replace(/\s*\d+ diensten?$/, '')].sort());
    assert.ok(groups.some((g) => /^Wendy Werker\s*2 diensten$/.test(g)), groups.join(' | '));

    // Why nobody: the monitoring shift stays open because nobody holds the package.
    assert.equal(await text(page, 'summary-open'), 'Blijven open1');
    const open = page.getByTestId('open-place');
    assert.equal(await open.count(), 1);
    assert.match((await open.getByTestId('why-nobody').textContent()) ?? '', /^Waarom niemand: 3 missen het pakket/);
    assert.equal(await open.getByTestId('eligible').textContent(), 'Niemand in de pool voldoet aan alle regels.');
    await page.screenshot({ path: join(screenshotDir, 'planning-preview-1280.png'), fullPage: true });

    // Publish, with a confirmation first.
    await page.getByTestId('publish').click();
    await page.getByRole('alertdialog', { name: 'Dit plan publiceren?' }).waitFor();
    await page.getByTestId('publish-confirm-yes').click();
    await page.getByTestId('publish-report').waitFor();
    assert.equal(await text(page, 'run-status'), 'Gepubliceerd');
    assert.equal(await text(page, 'report-created'), 'Aangemaakt3');
    assert.equal(await text(page, 'report-confirmed'), 'Bevestigd3');
    assert.equal(await text(page, 'report-skipped'), 'Overgeslagen0');
    assert.equal(await page.getByTestId('publish').count(), 0, 'published once');
    await page.screenshot({ path: join(screenshotDir, 'planning-published-1280.png'), fullPage: true });

    // The run is listed among the recent runs as published.
    await page.getByRole('link', { name: 'Terug naar automatisch plannen' }).click();
    await page.getByTestId('recent-run').first().waitFor();
    assert.match(await page.getByTestId('recent-run').first().textContent() ?? '', /Gepubliceerd/);

    // The worker sees the planned shifts as theirs.
    const worker = await signedIn(logins.worker, phone);
    const mine = (await worker.evaluate(async () => (await fetch('/api/me/shifts', { credentials: 'same-origin' })).json())) as { shiftId: string; status: string }[];
    for (const shiftId of seeded.plannedShiftIds) {
      assert.ok(mine.some((a) => a.shiftId === shiftId && a.status === 'confirmed'), `shift ${shiftId} is Wendy's: ${JSON.stringify(mine)}`);
    }
    await worker.goto(`${baseUrl}/my-shifts`);
    await worker.locator('[data-testid="my-shifts-page"], [data-testid="not-found"]').first().waitFor();
    if (await worker.getByTestId('my-shifts-page').count()) {
      for (const shiftId of seeded.plannedShiftIds) await worker.locator(`[data-testid="my-shift"][data-shift-id="${shiftId}"]`).waitFor();
      await worker.screenshot({ path: join(screenshotDir, 'planning-worker-shifts-375.png'), fullPage: true });
    }
  });

  it('works on a phone: the preview of the published run fits 375 px', async () => {
    const page = await signedIn(logins.coordinator, phone);
    await page.getByTestId('planning-link').getByRole('link').click();
    await page.getByTestId('recent-run').first().getByRole('link').click();
    await page.getByTestId('planning-preview').waitFor();
    await page.getByTestId('open-place').waitFor();
    assert.equal(await pageWidth(page), phone.width, 'nothing sticks out sideways on a phone');
    await page.screenshot({ path: join(screenshotDir, 'planning-preview-375.png'), fullPage: true });
  });
});
