// The funnel on a generated history with known timings: the figures and medians are worked out here
// from the generator's plan (not from the database) and must match what the endpoint computes.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DateTime } from 'luxon';
import type { TFunnel } from '../../shared/journey.schemas.js';
import type { Actor } from '../auth/actor.js';
import { buildLocation, buildOrganisation, buildRegion, buildUser } from '../demo/builders.js';
import { generateJourneyHistory, loadJourneyHistory, type JourneySpec } from '../demo/journey-history.js';
import { startTestApp, type Response, type Session, type TestApp } from '../testing/test-app.js';
import { computeFunnel } from './funnel.js';

const ZONE = 'Europe/Amsterdam';
const FROM = '2025-01-06';
const TO = '2025-07-07';
// Half the people who started have their 3-month mark before this moment.
const NOW = new Date('2025-09-15T10:00:00Z');

let t: TestApp;
let specs: JourneySpec[];
let regionId: string;
let organisationIds: string[];
let s: Record<'mediator' | 'coordinator' | 'planner' | 'foreign', Session>;
let mediator: Actor;

const hours = (a: Date, b: Date) => (b.getTime() - a.getTime()) / 3_600_000;

function medianOf(values: number[]): number | null {
  if (!values.length) return null;
  const v = [...values].sort((a, b) => a - b);
  return v.length % 2 ? v[(v.length - 1) / 2]! : (v[v.length / 2 - 1]! + v[v.length / 2]!) / 2;
}

/** The funnel worked out from the plan, by the definitions in docs/mediation.md. */
function expected(now: Date, organisationIndex?: number) {
  const inPeriod = specs.filter((p) => p.registeredAt >= DateTime.fromISO(FROM, { zone: ZONE }).toJSDate() && p.registeredAt < DateTime.fromISO(TO, { zone: ZONE }).toJSDate());
  const atOrg = (o: { organisationIndex: number }) => organisationIndex === undefined || o.organisationIndex === organisationIndex;
  const accepted = (p: JourneySpec) => p.offers.find((o) => o.status === 'accepted');
  const cohort = inPeriod.filter((p) => organisationIndex === undefined || p.offers.some(atOrg));
  const offersOf = (p: JourneySpec) => p.offers.filter(atOrg);
  const acceptedAt = (p: JourneySpec) => {
    const a = accepted(p);
    return a && atOrg(a) ? a.answeredAt : null;
  };
  const startOf = (p: JourneySpec): Date | null => {
    const a = accepted(p);
    if (!a || !atOrg(a)) return null;
    if (p.firstShiftAt) return p.firstShiftAt;
    if (p.agreementStartsOn) return DateTime.fromISO(p.agreementStartsOn, { zone: ZONE }).toJSDate();
    // Without a first shift or agreement, a later shift is still the first one worked.
    return p.laterShiftAt;
  };
  const started = cohort.filter((p) => startOf(p) && startOf(p)! <= now);
  const markOf = (p: JourneySpec) => DateTime.fromJSDate(startOf(p)!, { zone: ZONE }).plus({ months: 3 }).toJSDate();
  const due = started.filter((p) => markOf(p) <= now);
  const active = due.filter((p) => {
    if (p.checkIn3 && p.checkIn3.doneAt <= now) return p.checkIn3.isStillActive;
    const mark = markOf(p).getTime();
    return [p.firstShiftAt, p.laterShiftAt].some((at) => at && at.getTime() >= mark - 30 * 86_400_000 && at.getTime() < mark);
  });
  const firstOffer = (p: JourneySpec) => (offersOf(p).length ? new Date(Math.min(...offersOf(p).map((o) => o.createdAt.getTime()))) : null);
  const pairs: [string, string, (p: JourneySpec) => [Date | null, Date | null]][] = [
    ['registration', 'welcome_call', (p) => [p.registeredAt, p.welcomeCallAt]],
    ['welcome_call', 'first_offer', (p) => [p.welcomeCallAt, firstOffer(p)]],
    ['first_offer', 'accepted', (p) => [firstOffer(p), acceptedAt(p)]],
    ['accepted', 'started', (p) => [acceptedAt(p), started.includes(p) ? startOf(p) : null]],
    ['registration', 'started', (p) => [p.registeredAt, started.includes(p) ? startOf(p) : null]],
  ];
  return {
    registrations: cohort.length,
    welcomeCalls: cohort.filter((p) => p.welcomeCallAt).length,
    offeredPeople: cohort.filter((p) => offersOf(p).length).length,
    offers: cohort.reduce((n, p) => n + offersOf(p).length, 0),
    acceptedPeople: cohort.filter((p) => acceptedAt(p)).length,
    started: started.length,
    threeMonthsDue: due.length,
    activeAfter3Months: active.length,
    medians: pairs.map(([from, to, pick]) => {
      const values = cohort.flatMap((p) => {
        const [a, b] = pick(p);
        return a && b ? [hours(a, b)] : [];
      });
      return { from, to, medianHours: medianOf(values), count: values.length };
    }),
  };
}

const figures = (f: TFunnel) => {
  const { regionId: _r, organisationId: _o, from: _f, to: _t, now: _n, ...rest } = f;
  return rest;
};

before(async () => {
  t = await startTestApp();
  const region = await buildRegion(t.db, { name: 'Regio Historie', timeZone: ZONE });
  regionId = region.id;
  const orgs = [];
  for (const name of ['Ziekenhuis Oost', 'Zorggroep West']) {
    const org = await buildOrganisation(t.db, { regionId, name, sector: 'hospital' });
    const location = await buildLocation(t.db, { organisationId: org.id, postcode: '3584' });
    orgs.push({ id: org.id, locationId: location.id });
  }
  organisationIds = orgs.map((o) => o.id);
  specs = generateJourneyHistory({ seed: 42, count: 60, from: FROM, to: TO, timeZone: ZONE, organisationCount: 2 });
  await loadJourneyHistory(t.db, specs, { regionId, organisations: orgs });
  const foreign = await buildRegion(t.db, { name: 'Regio Elders' });
  await buildUser(t.db, { email: 'mediator@historie.test', roles: [{ role: 'mediator', regionId }] });
  await buildUser(t.db, { email: 'coordinator@historie.test', roles: [{ role: 'coordinator', regionId }] });
  await buildUser(t.db, { email: 'planner@historie.test', roles: [{ role: 'planner', organisationId: organisationIds[0]! }] });
  await buildUser(t.db, { email: 'coordinator@elders.test', roles: [{ role: 'coordinator', regionId: foreign.id }] });
  s = {
    mediator: await t.login('mediator@historie.test'),
    coordinator: await t.login('coordinator@historie.test'),
    planner: await t.login('planner@historie.test'),
    foreign: await t.login('coordinator@elders.test'),
  };
  mediator = {
    userId: s.mediator.me.id,
    email: 'mediator@historie.test',
    name: 'Mediator',
    locale: 'nl',
    roles: [{ role: 'mediator', regionId, organisationId: null }],
    workerId: null,
    workerRegionId: null,
    regionIds: [regionId],
    csrfToken: '',
  };
});
after(() => t.close());

describe('funnel on a generated history', () => {
  test('the generated history covers every branch the definitions distinguish', () => {
    const e = expected(NOW);
    assert.ok(e.registrations < specs.length, 'some registered before the period');
    assert.ok(e.welcomeCalls < e.registrations && e.offeredPeople < e.welcomeCalls && e.acceptedPeople < e.offeredPeople);
    assert.ok(e.started > 0 && e.threeMonthsDue < e.started && e.activeAfter3Months > 0 && e.activeAfter3Months < e.threeMonthsDue);
  });

  test('region: counts and median hours equal the plan’s', async () => {
    const funnel = await computeFunnel(t.db, mediator, regionId, { from: FROM, to: TO }, NOW);
    assert.deepEqual(figures(funnel), expected(NOW));
  });

  test('one organisation: the people offered to it, its offers, its starts', async () => {
    for (const [index, organisationId] of organisationIds.entries()) {
      const funnel = await computeFunnel(t.db, mediator, regionId, { from: FROM, to: TO, organisationId }, NOW);
      assert.deepEqual(figures(funnel), expected(NOW, index));
    }
  });

  test('a later moment: more 3-month marks have passed', async () => {
    const later = new Date('2026-03-01T00:00:00Z');
    const funnel = await computeFunnel(t.db, mediator, regionId, { from: FROM, to: TO }, later);
    assert.deepEqual(figures(funnel), expected(later));
    assert.ok(funnel.threeMonthsDue > expected(NOW).threeMonthsDue);
  });

  test('an empty period has zeros and no medians', async () => {
    const funnel = await computeFunnel(t.db, mediator, regionId, { from: '2024-01-01', to: '2024-02-01' }, NOW);
    assert.equal(funnel.registrations, 0);
    assert.deepEqual(funnel.medians.map((m) => m.medianHours), [null, null, null, null, null]);
  });
});

describe('funnel endpoints', () => {
  const url = () => `/api/regions/${regionId}/funnel?from=${FROM}&to=${TO}`;

  test('mediators and coordinators of the region only', async () => {
    assert.equal((await s.mediator.get(url())).status, 200);
    assert.equal((await s.coordinator.get(url())).status, 200);
    assert.equal((await s.planner.get(url())).status, 403);
    assert.equal((await s.foreign.get(url())).status, 403);
    assert.equal((await s.planner.get(url().replace('/funnel?', '/funnel.csv?'))).status, 403);
    assert.equal((await t.anonymous('GET', url())).status, 401);
  });

  test('bad input names the field', async () => {
    const paths = (res: Response) => (res.body as { issues: { path: string }[] }).issues.map((i) => i.path);
    assert.deepEqual(paths(await s.mediator.get(`/api/regions/${regionId}/funnel?from=${TO}&to=${FROM}`)), ['query.to']);
    assert.ok(paths(await s.mediator.get(`/api/regions/${regionId}/funnel?from=2025-13-01&to=${TO}`)).includes('query.from'));
    const foreignOrg = await s.mediator.get(`${url()}&organisationId=00000000-0000-4000-8000-000000000000`);
    assert.equal(foreignOrg.status, 400);
    assert.deepEqual(paths(foreignOrg), ['query.organisationId']);
  });

  test('the CSV carries the same figures: BOM, CRLF, Dutch semicolons and decimal commas, or English commas', async () => {
    const json = (await s.mediator.get(url())).body as TFunnel;
    const nl = await s.mediator.get(`${url().replace('/funnel?', '/funnel.csv?')}&locale=nl`);
    assert.equal(nl.status, 200);
    assert.match(String(nl.headers['content-type']), /^text\/csv; charset=utf-8/);
    assert.match(String(nl.headers['content-disposition']), /attachment; filename="funnel-.*-2025-01-06-2025-07-07\.csv"/);
    const text = nl.body as string;
    assert.ok(text.startsWith('\uFEFFmeasure;value;count\r\n'));
    const rows = new Map(text.slice(1).trimEnd().split('\r\n').map((line) => [line.split(';')[0]!, line.split(';').slice(1)]));
    assert.deepEqual(rows.get('region'), ['Regio Historie', '']);
    assert.deepEqual(rows.get('registrations'), [String(json.registrations), '']);
    assert.deepEqual(rows.get('active_after_3_months'), [String(json.activeAfter3Months), '']);
    const median = json.medians[0]!;
    assert.deepEqual(rows.get('median_hours_registration_to_welcome_call'), [String(median.medianHours).replace('.', ','), String(median.count)]);
    const en = (await s.mediator.get(`${url().replace('/funnel?', '/funnel.csv?')}&locale=en`)).body as string;
    assert.ok(en.startsWith('\uFEFFmeasure,value,count\r\n'));
    assert.ok(en.includes(`\r\nmedian_hours_registration_to_welcome_call,${String(median.medianHours)},${median.count}\r\n`));
  });
});
