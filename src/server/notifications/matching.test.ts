import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { DateTime } from 'luxon';
import { haversineKm, isAvailable, matchShiftsToWorkers, type MatchShift, type MatchWorker } from './matching.js';

const zone = 'Europe/Amsterdam';
const local = (iso: string) => DateTime.fromISO(iso, { zone }).toJSDate();
// Utrecht centre and Amersfoort are about 20 km apart.
const UTRECHT = { lat: 52.0907, lon: 5.1214 };
const AMERSFOORT = { lat: 52.1561, lon: 5.3878 };

function shift(overrides: Partial<MatchShift> = {}): MatchShift {
  return {
    id: 'shift-1',
    regionId: 'region-u',
    packageId: 'basic-care',
    ...UTRECHT,
    // Tue 1 Dec 2026 07:00–15:00 CET = 06:00Z–14:00Z
    start: local('2026-12-01T07:00'),
    end: local('2026-12-01T15:00'),
    ...overrides,
  };
}

function worker(overrides: Partial<MatchWorker> = {}): MatchWorker {
  const exceptions = overrides.exceptions ?? [];
  return {
    hasDatedAvailability: exceptions.some((e) => e.isAvailable),
    id: 'worker-1',
    userId: 'user-1',
    regionId: 'region-u',
    timeZone: zone,
    packageIds: ['basic-care'],
    homeLat: UTRECHT.lat,
    homeLon: UTRECHT.lon,
    maxTravelKm: 10,
    weekly: [],
    exceptions: [],
    ...overrides,
  };
}

describe('matching new shifts to workers', () => {
  test('haversine distance Utrecht–Amersfoort is about 20 km', () => {
    const km = haversineKm(UTRECHT.lat, UTRECHT.lon, AMERSFOORT.lat, AMERSFOORT.lon);
    assert.ok(km > 18 && km < 22, `${km}`);
  });

  test('a worker nearby with the package and no stated availability matches', () => {
    const w = worker();
    assert.deepEqual(matchShiftsToWorkers([shift()], [w]).get(w), ['shift-1']);
  });

  test('the wrong package, another region or too far away does not match', () => {
    const wrongPackage = worker({ id: 'a', packageIds: ['nursing'] });
    const otherRegion = worker({ id: 'b', regionId: 'region-x' });
    const tooFar = worker({ id: 'c', homeLat: AMERSFOORT.lat, homeLon: AMERSFOORT.lon, maxTravelKm: 15 });
    const farButWilling = worker({ id: 'd', homeLat: AMERSFOORT.lat, homeLon: AMERSFOORT.lon, maxTravelKm: 25 });
    const matches = matchShiftsToWorkers([shift()], [wrongPackage, otherRegion, tooFar, farButWilling]);
    assert.deepEqual([...matches.keys()].map((w) => w.id), ['d']);
  });

  test('weekly availability must cover the whole shift, in local time', () => {
    // Tuesday = weekday 2. 07:00–15:00 local is minute 420–900.
    assert.ok(isAvailable(worker({ weekly: [{ weekday: 2, startMinute: 420, endMinute: 900 }] }), shift()));
    assert.ok(!isAvailable(worker({ weekly: [{ weekday: 2, startMinute: 480, endMinute: 900 }] }), shift()));
    assert.ok(!isAvailable(worker({ weekly: [{ weekday: 3, startMinute: 0, endMinute: 1440 }] }), shift()));
  });

  test('a night shift fits a window that runs past midnight', () => {
    // Tue 1 Dec 22:00 CET (21:00Z) to Wed 2 Dec 07:00 CET (06:00Z)
    const night = shift({ start: local('2026-12-01T22:00'), end: local('2026-12-02T07:00') });
    assert.ok(isAvailable(worker({ weekly: [{ weekday: 2, startMinute: 1320, endMinute: 1860 }] }), night));
    assert.ok(!isAvailable(worker({ weekly: [{ weekday: 2, startMinute: 1320, endMinute: 1440 }] }), night));
    // Wed 2 Dec 01:00–06:00 CET falls inside Tuesday's window 22:00–31:00.
    const early = shift({ start: local('2026-12-02T01:00'), end: local('2026-12-02T06:00') });
    assert.ok(isAvailable(worker({ weekly: [{ weekday: 2, startMinute: 1320, endMinute: 1860 }] }), early));
  });

  test('the spring-forward night is matched on local wall-clock time', () => {
    // Sat 27 Mar 2027 23:00 CET (22:00Z) to Sun 28 Mar 07:00 CEST (05:00Z): only 7 real hours.
    const night = shift({ start: local('2027-03-27T23:00'), end: local('2027-03-28T07:00') });
    // Saturday (6) 23:00 until Sunday 07:00 = minute 1380–1860.
    assert.ok(isAvailable(worker({ weekly: [{ weekday: 6, startMinute: 1380, endMinute: 1860 }] }), night));
  });

  test('an unavailability exception wins; an availability exception adds time', () => {
    const holiday = { isAvailable: false, start: local('2026-11-30T00:00'), end: local('2026-12-05T00:00') };
    assert.ok(!isAvailable(worker({ exceptions: [holiday] }), shift()));
    const extra = { isAvailable: true, start: local('2026-12-01T06:00'), end: local('2026-12-01T16:00') };
    assert.ok(isAvailable(worker({ weekly: [{ weekday: 5, startMinute: 0, endMinute: 1440 }], exceptions: [extra] }), shift()));
  });

  test('a worker who states only dated availability is available only then, whatever window was read', () => {
    const extra = { isAvailable: true, start: local('2026-12-01T06:00'), end: local('2026-12-01T16:00') };
    assert.ok(isAvailable(worker({ exceptions: [extra] }), shift()));
    const nextWeek = shift({ start: local('2026-12-08T07:00'), end: local('2026-12-08T15:00') });
    // The exception lies outside the window read for next week's shift; the flag still says "dated only".
    assert.ok(!isAvailable(worker({ hasDatedAvailability: true, exceptions: [] }), nextWeek));
    assert.ok(isAvailable(worker({ hasDatedAvailability: false, exceptions: [] }), nextWeek), 'no stated availability: any time');
  });

  test('several shifts for one worker are collected in order', () => {
    const w = worker();
    const shifts = [shift({ id: 's1' }), shift({ id: 's2', packageId: 'nursing' }), shift({ id: 's3' })];
    assert.deepEqual(matchShiftsToWorkers(shifts, [w]).get(w), ['s1', 's3']);
  });

  test('three hundred shifts against three thousand workers stay cheap to compute', () => {
    const shifts = Array.from({ length: 300 }, (_, i) => shift({ id: `s${i}`, packageId: i % 2 ? 'basic-care' : 'nursing' }));
    const workers = Array.from({ length: 3000 }, (_, i) => worker({ id: `w${i}`, userId: `u${i}`, homeLat: UTRECHT.lat + (i % 50) / 100 }));
    const matches = matchShiftsToWorkers(shifts, workers);
    // Workers up to 0.08° (8.9 km) north of the shift match (0.09° is 10.01 km), each the 150 basic-care shifts.
    for (const [w, ids] of matches) {
      assert.equal(ids.length, 150);
      assert.ok(Number(w.id.slice(1)) % 50 <= 8);
    }
    assert.equal(matches.size, 9 * 60);
  });
});
