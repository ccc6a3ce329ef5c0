import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DateTime } from 'luxon';
import { isValidBigNumber } from '../../shared/big-number.js';
import { lookupPostcode, postcodeKey } from '../geo/postcodes.js';
import { NATIONAL_PACKAGES } from '../packages/national-packages.js';
import { DEMO_WORKER_KEY, generateRegion, nextMonday, provincePostcodes, type GeneratedShift, type WorkerKind } from './generate-region.js';

// A fixed "today": Monday 23 November 2026, 05:00 in Amsterdam.
const NOW = new Date('2026-11-23T04:00:00Z');
const ZONE = 'Europe/Amsterdam';
const region = generateRegion({ seed: 42, now: NOW });
const local = (instant: string) => DateTime.fromISO(instant, { zone: ZONE });
const daysFromNow = (date: string) => DateTime.fromISO(date, { zone: ZONE }).diff(DateTime.fromJSDate(NOW, { zone: ZONE }).startOf('day'), 'days').days;

describe('generateRegion', () => {
  it('gives the same region for the same seed and another for another seed', () => {
    assert.deepEqual(generateRegion({ seed: 42, now: NOW }), region);
    const other = generateRegion({ seed: 43, now: NOW });
    assert.notDeepEqual(other.workers, region.workers);
    assert.notDeepEqual(other.shifts, region.shifts);
  });

  it('starts on the next Monday in Amsterdam and covers four weeks', () => {
    assert.equal(region.startDate, '2026-11-30');
    assert.equal(region.weeks, 4);
    const first = local(region.shifts[0]!.start);
    assert.equal(first.toISODate(), '2026-11-30');
    const lastDay = region.shifts.map((s) => local(s.start).toISODate()!).sort().at(-1)!;
    assert.equal(lastDay, '2026-12-27');
  });

  it('finds the next Monday from any day, and the following one on a Monday', () => {
    assert.equal(nextMonday(new Date('2026-11-22T22:59:00Z')), '2026-11-23'); // Sunday 23:59 local
    assert.equal(nextMonday(new Date('2026-11-22T23:00:00Z')), '2026-11-30'); // Monday 00:00 local
    assert.equal(nextMonday(new Date('2026-11-28T12:00:00Z')), '2026-11-30'); // Saturday
  });

  it('has hospitals (one UMC), nursing homes, home care, disability and mental-health care with several locations', () => {
    const bySector = (sector: string) => region.organisations.filter((o) => o.sector === sector);
    assert.ok(bySector('hospital').length >= 2 && bySector('hospital').length <= 3);
    assert.ok(bySector('hospital').some((o) => o.name.includes('UMC')));
    assert.ok(bySector('vvt').length >= 3 && bySector('vvt').length <= 4);
    assert.equal(bySector('home_care').length, 2);
    assert.ok(bySector('disability_care').length >= 1 && bySector('disability_care').length <= 2);
    assert.equal(bySector('mental_health').length, 1);
    for (const organisation of region.organisations) {
      const count = region.locations.filter((l) => l.organisationKey === organisation.key).length;
      assert.ok(count >= 1 && count <= 5, `${organisation.name} has ${count} locations`);
    }
    assert.equal(new Set(region.organisations.map((o) => o.name)).size, region.organisations.length, 'names are unique within the region');
  });

  it('places every location at a real PC4 of the province of Utrecht', () => {
    for (const location of region.locations) {
      const point = lookupPostcode(location.postcode, 'NL');
      assert.ok(point, `${location.name}: ${location.postcode}`);
      assert.equal(point.province.trim(), 'Utrecht');
      assert.equal(location.city, point.place);
      assert.match(location.postcode, /^\d{4} [A-Z]{2}$/);
      assert.match(location.address, /^\D+ \d+$/);
    }
  });

  it('mixes the worker kinds in the expected proportions', () => {
    assert.equal(region.workers.length, 300);
    const count = (kind: WorkerKind) => region.workers.filter((w) => w.kind === kind).length;
    const expect: Record<WorkerKind, [number, number]> = {
      own_staff: [75, 105],
      reservist: [45, 65],
      flex: [60, 85],
      side_entrant: [35, 50],
      student: [35, 50],
    };
    for (const [kind, [low, high]] of Object.entries(expect) as [WorkerKind, [number, number]][]) {
      assert.ok(count(kind) >= low && count(kind) <= high, `${kind}: ${count(kind)}`);
    }
    assert.equal(generateRegion({ seed: 1, now: NOW, workerCount: 50 }).workers.length, 50);
  });

  it('gives each kind its typical profile', () => {
    for (const worker of region.workers) {
      assert.ok(worker.maxTravelKm >= 5 && worker.maxTravelKm <= 50, `${worker.key} travels ${worker.maxTravelKm} km`);
      assert.ok(worker.desiredMinutesPerWeek <= worker.maxMinutesPerWeek);
      assert.ok(worker.weeklyAvailability.length > 0, `${worker.key} is never available`);
      assert.equal(worker.homeOrganisationKey !== null, worker.kind === 'own_staff', `${worker.key} (${worker.kind}) home organisation`);
      if (worker.kind === 'reservist') assert.ok(worker.minDaysPerYear! >= 4 && worker.minDaysPerYear! <= 12);
      else assert.equal(worker.minDaysPerYear, null);
      if (worker.kind === 'side_entrant') {
        assert.ok(worker.isNewcomer);
        assert.ok(worker.qualificationLevel <= 3);
        assert.ok(worker.packages.every((p) => p === 'basic-care' || p === 'support-tasks'), `${worker.key}: ${worker.packages.join(', ')}`);
      }
    }
    assert.ok(region.workers.some((w) => w.preferredOrganisationKeys.length > 0));
    assert.ok(region.workers.some((w) => w.exceptions.some((e) => !e.isAvailable && e.reason === 'Vakantie')));
  });

  it('gives packages that fit the qualification level, and BIG to everyone in nursing or monitoring care', () => {
    const minLevel = new Map(NATIONAL_PACKAGES.map((p) => [p.code, p.minQualificationLevel]));
    for (const worker of region.workers) {
      assert.ok(worker.packages.length > 0);
      for (const code of worker.packages) assert.ok(worker.qualificationLevel >= minLevel.get(code)!, `${worker.key} level ${worker.qualificationLevel} has ${code}`);
      const needsRegistration = worker.packages.some((code) => NATIONAL_PACKAGES.find((p) => p.code === code)!.requiresRegistration);
      const big = worker.credentials.filter((c) => c.kind === 'big');
      assert.equal(big.length, needsRegistration ? 1 : 0, `${worker.key}: ${worker.packages.join(', ')}`);
      for (const credential of big) assert.ok(isValidBigNumber(credential.number), `${worker.key}: ${credential.number}`);
    }
    const numbers = region.workers.flatMap((w) => w.credentials.map((c) => c.number));
    assert.equal(new Set(numbers).size, numbers.length, 'BIG numbers are unique');
    assert.ok(region.workers.some((w) => w.packages.includes('monitoring-care')));
  });

  it('spreads registration expiry over the years: some expire within 60 days, a few have expired, some are unverified', () => {
    const credentials = region.workers.flatMap((w) => w.credentials);
    const days = credentials.map((c) => daysFromNow(c.expiresOn));
    const expired = days.filter((d) => d < 0).length;
    const soon = days.filter((d) => d >= 0 && d <= 60).length;
    assert.ok(expired >= 2 && expired <= credentials.length * 0.1, `${expired} expired`);
    assert.ok(soon >= 5 && soon <= credentials.length * 0.25, `${soon} within 60 days`);
    assert.ok(days.some((d) => d > 3 * 365), 'some run for years');
    assert.ok(credentials.some((c) => c.verificationStatus === 'unverified'));
    assert.ok(credentials.filter((c) => c.verificationStatus === 'verified').length > credentials.length / 2);
  });

  it('gives every worker a home postcode from the centroid table in the province', () => {
    const table = new Map(provincePostcodes('Utrecht').map((p) => [p.postcode, p]));
    for (const worker of region.workers) {
      const point = table.get(postcodeKey(worker.homePostcode));
      assert.ok(point, `${worker.key}: ${worker.homePostcode}`);
      assert.equal(worker.homeLat, point.lat);
      assert.equal(worker.homeLon, point.lon);
    }
  });

  it('makes the demo worker a BIG-registered nurse with availability, preferences and a registration that expires soon', () => {
    const demo = region.workers.find((w) => w.key === DEMO_WORKER_KEY)!;
    assert.equal(demo.email, 'worker@harmonica.demo');
    assert.ok(demo.packages.includes('nursing'));
    assert.ok(demo.qualificationLevel >= 4);
    const [big] = demo.credentials;
    assert.ok(big && isValidBigNumber(big.number) && big.verificationStatus === 'verified');
    const days = daysFromNow(big.expiresOn);
    assert.ok(days > 0 && days <= 60, `expires in ${days} days`);
    assert.ok(demo.weeklyAvailability.length >= 3);
    assert.ok(demo.preferredOrganisationKeys.length >= 1);
  });

  it('has the five demo logins, a planner bound to a hospital, and a few more worker accounts', () => {
    const logins = region.accounts.filter((a) => a.demoLogin).map((a) => a.email);
    assert.deepEqual(logins, ['admin@harmonica.demo', 'coordinator@harmonica.demo', 'mediator@harmonica.demo', 'planner@harmonica.demo', 'worker@harmonica.demo']);
    const planner = region.accounts.find((a) => a.email === 'planner@harmonica.demo')!;
    const first = region.organisations.find((o) => o.key === planner.roles[0]!.organisationKey)!;
    assert.equal(first.sector, 'hospital');
    const workerAccounts = region.accounts.filter((a) => a.workerKey);
    assert.ok(workerAccounts.length >= 10 && workerAccounts.length <= 30);
    for (const account of workerAccounts) assert.equal(region.workers.find((w) => w.key === account.workerKey)!.email, account.email);
    assert.equal(new Set(region.accounts.map((a) => a.email)).size, region.accounts.length);
  });

  it('posts about a thousand open shifts with realistic demand per sector', () => {
    assert.ok(region.shifts.length >= 900 && region.shifts.length <= 2000, `${region.shifts.length} shifts`);
    const sectorOf = (s: GeneratedShift) => region.organisations.find((o) => o.key === s.organisationKey)!.sector;
    const isNight = (s: GeneratedShift) => local(s.start).hour >= 22;
    const hospitalNights = region.shifts.filter((s) => sectorOf(s) === 'hospital' && isNight(s));
    assert.ok(hospitalNights.length > 50);
    assert.ok(hospitalNights.every((s) => s.packageCode === 'nursing' || s.packageCode === 'monitoring-care'));
    const vvt = region.shifts.filter((s) => sectorOf(s) === 'vvt');
    assert.ok(vvt.filter((s) => s.packageCode === 'basic-care' || s.packageCode === 'more-responsibility').length > vvt.length / 2);
    const homeCare = region.shifts.filter((s) => sectorOf(s) === 'home_care');
    assert.ok(homeCare.filter((s) => s.packageCode === 'basic-care').length > homeCare.length / 2);
    for (const sector of ['hospital', 'vvt', 'home_care', 'disability_care', 'mental_health'] as const) {
      assert.ok(region.shifts.some((s) => sectorOf(s) === sector), `${sector} posts shifts`);
    }
    assert.ok(region.shifts.some((s) => s.packageCode === 'support-tasks'));
  });

  it('keeps every shift within its bounds and refers to existing packages, organisations and locations', () => {
    const packageCodes = new Set(NATIONAL_PACKAGES.map((p) => p.code));
    const locationsByKey = new Map(region.locations.map((l) => [l.key, l]));
    for (const shift of region.shifts) {
      assert.ok(packageCodes.has(shift.packageCode), shift.packageCode);
      assert.equal(locationsByKey.get(shift.locationKey)?.organisationKey, shift.organisationKey);
      assert.ok(shift.places >= 1 && shift.places <= 3);
      assert.ok(shift.priority >= 1 && shift.priority <= 5);
      assert.ok(shift.supervisionCapacity >= 0 && shift.supervisionCapacity <= 2);
      const hours = (Date.parse(shift.end) - Date.parse(shift.start)) / 3_600_000;
      assert.ok(hours >= 2 && hours <= 10, `${shift.key} lasts ${hours} h`);
      assert.match(shift.notes, /[A-Z][a-z]+ /);
    }
    assert.ok(region.shifts.some((s) => s.notes.includes('buddy') || s.notes.includes('Buddy')));
    assert.ok(region.shifts.some((s) => s.places > 1) && region.shifts.some((s) => s.supervisionCapacity === 2));
  });

  it('ends night shifts the next morning in local time', () => {
    const nights = region.shifts.filter((s) => local(s.start).hour === 23);
    assert.ok(nights.length > 100);
    for (const night of nights) {
      const start = local(night.start);
      const end = local(night.end);
      assert.equal(end.toISODate(), start.plus({ days: 1 }).toISODate());
      assert.equal(end.toFormat('HH:mm'), '07:30');
    }
  });

  it('gets the UTC offsets right across the spring-forward night', () => {
    // Summer time starts on Sunday 28 March 2027 at 02:00 → 03:00.
    const spring = generateRegion({ seed: 7, now: NOW, startDate: '2027-03-22', weeks: 2 });
    const night = spring.shifts.find((s) => local(s.start).toISODate() === '2027-03-27' && local(s.start).hour === 23)!;
    assert.ok(night, 'a night shift from Saturday 27 March');
    assert.equal(night.start, '2027-03-27T22:00:00.000Z'); // 23:00 CET (+01:00)
    assert.equal(night.end, '2027-03-28T05:30:00.000Z'); // 07:30 CEST (+02:00): 7.5 h worked
    const early = spring.shifts.find((s) => local(s.start).toISODate() === '2027-03-29' && local(s.start).hour === 7)!;
    assert.equal(early.start, '2027-03-29T05:00:00.000Z'); // 07:00 CEST
  });

  it('gets the UTC offsets right across the fall-back night', () => {
    // Summer time ends on Sunday 31 October 2027 at 03:00 → 02:00.
    const autumn = generateRegion({ seed: 7, now: NOW, startDate: '2027-10-25', weeks: 2 });
    const night = autumn.shifts.find((s) => local(s.start).toISODate() === '2027-10-30' && local(s.start).hour === 23)!;
    assert.ok(night, 'a night shift from Saturday 30 October');
    assert.equal(night.start, '2027-10-30T21:00:00.000Z'); // 23:00 CEST (+02:00)
    assert.equal(night.end, '2027-10-31T06:30:00.000Z'); // 07:30 CET (+01:00): 9.5 h worked
    const late = autumn.shifts.find((s) => local(s.start).toISODate() === '2027-11-01' && local(s.start).hour === 15)!;
    assert.equal(late.start, '2027-11-01T14:00:00.000Z'); // 15:00 CET
  });

  it('fills some shifts already, only with workers who may take them', () => {
    const shiftsByKey = new Map(region.shifts.map((s) => [s.key, s]));
    const workersByKey = new Map(region.workers.map((w) => [w.key, w]));
    const organisationsByKey = new Map(region.organisations.map((o) => [o.key, o]));
    const filled = new Set(region.assignments.map((a) => a.shiftKey));
    assert.ok(filled.size >= region.shifts.length * 0.1 && filled.size <= region.shifts.length * 0.2, `${filled.size} shifts filled`);
    assert.ok(region.assignments.some((a) => a.status === 'pending') && region.assignments.some((a) => a.source === 'mediation'));
    const perShift = new Map<string, typeof region.assignments>();
    const perWorker = new Map<string, typeof region.assignments>();
    for (const a of region.assignments) {
      perShift.set(a.shiftKey, [...(perShift.get(a.shiftKey) ?? []), a]);
      perWorker.set(a.workerKey, [...(perWorker.get(a.workerKey) ?? []), a]);
      const shift = shiftsByKey.get(a.shiftKey)!;
      const worker = workersByKey.get(a.workerKey)!;
      assert.ok(worker.packages.includes(shift.packageCode), `${worker.key} on ${shift.key}`);
      if (shift.packageCode === 'nursing' || shift.packageCode === 'monitoring-care') {
        const big = worker.credentials.find((c) => c.verificationStatus === 'verified');
        assert.ok(big && big.expiresOn > shift.end.slice(0, 10), `${worker.key}: registration on ${shift.key}`);
      }
      if (a.status === 'pending') assert.equal(organisationsByKey.get(shift.organisationKey)!.claimMode, 'approval');
      assert.equal(a.isNewcomer, worker.isNewcomer);
      const start = local(shift.start);
      const end = local(shift.end);
      const inside = worker.weeklyAvailability.some((w) => {
        const dayStart = start.startOf('day').minus({ days: w.weekday === start.weekday ? 0 : 1 });
        if (dayStart.weekday !== w.weekday) return false;
        const from = dayStart.set({ hour: Math.floor(w.startMinute / 60), minute: w.startMinute % 60 });
        const to = dayStart.plus({ days: Math.floor(w.endMinute / 1440) }).set({ hour: Math.floor((w.endMinute % 1440) / 60), minute: w.endMinute % 60 });
        return from <= start && end <= to;
      });
      assert.ok(inside, `${shift.key} ${start.toISO()} lies inside an availability window of ${worker.key}`);
    }
    for (const [key, list] of perShift) {
      const shift = shiftsByKey.get(key)!;
      assert.ok(list.length <= shift.places);
      assert.ok(list.filter((a) => a.isNewcomer).length <= shift.supervisionCapacity);
      assert.equal(new Set(list.map((a) => a.workerKey)).size, list.length);
    }
    for (const list of perWorker.values()) {
      const spans = list.map((a) => shiftsByKey.get(a.shiftKey)!).map((s) => [Date.parse(s.start), Date.parse(s.end)] as const).sort((x, y) => x[0] - y[0]);
      for (let i = 1; i < spans.length; i++) assert.ok(spans[i]![0] - spans[i - 1]![1] >= 11 * 3_600_000, 'at least 11 hours of rest between shifts');
    }
    const demo = region.assignments.filter((a) => a.workerKey === DEMO_WORKER_KEY);
    assert.deepEqual(demo.map((a) => a.status).sort(), ['confirmed', 'confirmed', 'pending']);
  });

  it('keeps weekly availability windows within a day and a night', () => {
    for (const worker of region.workers) {
      for (const window of worker.weeklyAvailability) {
        assert.ok(window.weekday >= 1 && window.weekday <= 7);
        assert.ok(window.startMinute >= 0 && window.startMinute < 1440);
        assert.ok(window.endMinute > window.startMinute && window.endMinute <= 2 * 1440);
      }
      for (const exception of worker.exceptions) assert.ok(Date.parse(exception.end) > Date.parse(exception.start));
    }
    assert.ok(region.workers.some((w) => w.weeklyAvailability.some((a) => a.endMinute > 1440)), 'some work nights');
  });
});
