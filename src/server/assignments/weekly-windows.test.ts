// The memoised expansion of weekly windows gives exactly toWorkerEntry's worker (planning/worker-facts.ts),
// across clock changes and for windows past midnight or in the hour that a clock change skips.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { toWorkerEntry, type WorkerFacts } from '../planning/worker-facts.js';
import { weeklyWindows, workerEntry } from './weekly-windows.js';

const worker = (weekly: WorkerFacts['weekly'], exceptions: WorkerFacts['exceptions'] = []): WorkerFacts => ({
  id: 'w1',
  regionId: 'r1',
  kind: 'flex',
  homeLat: 52.09,
  homeLon: 5.12,
  maxTravelKm: 25,
  maxMinutesPerWeek: 1440,
  desiredMinutesPerWeek: null,
  minDaysPerYear: null,
  isNewcomer: false,
  packageIds: ['p1', 'p2'],
  independentPackageIds: [],
  preferredOrganisationIds: ['o1', 'o2'],
  registrationExpiresOn: '2027-04-30',
  weekly,
  hasDatedAvailability: exceptions.some((e) => e.isAvailable),
  exceptions,
});

const weeklies: WorkerFacts['weekly'][] = [
  [],
  [{ weekday: 1, startMinute: 420, endMinute: 1380 }],
  // Sunday 02:30 (skipped in spring, twice in autumn in Europe/Amsterdam) and nights past midnight.
  [{ weekday: 7, startMinute: 150, endMinute: 600 }, { weekday: 6, startMinute: 1320, endMinute: 2040 }, { weekday: 3, startMinute: 0, endMinute: 2160 }],
  [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, startMinute: 480, endMinute: 1020 })),
];
const horizons = [
  { from: new Date('2027-03-21T23:00:00Z'), to: new Date('2027-04-11T22:00:00Z'), timeZone: 'Europe/Amsterdam' },
  { from: new Date('2026-10-18T22:00:00Z'), to: new Date('2026-11-08T23:00:00Z'), timeZone: 'Europe/Amsterdam' },
  { from: new Date('2027-03-08T05:00:00Z'), to: new Date('2027-03-22T05:00:00Z'), timeZone: 'America/New_York' },
];

test('workerEntry equals toWorkerEntry over clock changes, with and without dated windows and filters', () => {
  const exceptions = [
    { start: Date.parse('2027-03-27T08:00:00Z'), end: Date.parse('2027-03-27T16:00:00Z'), isAvailable: true },
    { start: Date.parse('2026-10-25T00:00:00Z'), end: Date.parse('2026-10-26T00:00:00Z'), isAvailable: false },
  ];
  for (const weekly of weeklies) {
    for (const horizon of horizons) {
      for (const options of [{}, { packageIds: new Set(['p2']), organisationIds: new Set(['o3']) }]) {
        for (const w of [worker(weekly), worker(weekly, exceptions)]) {
          // Twice: the second answer comes from the memo.
          assert.deepEqual(workerEntry(w, horizon, options), toWorkerEntry(w, horizon, options));
          assert.deepEqual(workerEntry(w, horizon, options), toWorkerEntry(w, horizon, options));
        }
      }
    }
  }
});

test('weeklyWindows lists a window per matching local day, at local clock time', () => {
  const windows = weeklyWindows([{ weekday: 1, startMinute: 420, endMinute: 1380 }], horizons[0]!);
  // Mondays 22 March (winter time, UTC+1), 29 March and 5 April (summer time, UTC+2).
  assert.deepEqual(windows, [
    { start: '2027-03-22T06:00:00.000Z', end: '2027-03-22T22:00:00.000Z' },
    { start: '2027-03-29T05:00:00.000Z', end: '2027-03-29T21:00:00.000Z' },
    { start: '2027-04-05T05:00:00.000Z', end: '2027-04-05T21:00:00.000Z' },
  ]);
});
