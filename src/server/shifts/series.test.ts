// Series expand in the location's time zone: a night shift keeps its local clock times across
// midnight and across the changes to and from summer time.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { expandSeries } from './shifts.service.js';

const base = { locationId: '00000000-0000-4000-8000-000000000000', packageId: '00000000-0000-4000-8000-000000000001', places: 1, priority: 3, supervisionCapacity: 0, notes: '' };

test('every weekday evening for a week gives five shifts', () => {
  const shifts = expandSeries({ ...base, weekdays: [1, 2, 3, 4, 5], startTime: '15:00', endTime: '23:00', fromDate: '2027-01-04', toDate: '2027-01-10' }, 'Europe/Amsterdam');
  assert.equal(shifts.length, 5);
  assert.equal(shifts[0]!.start.toISOString(), '2027-01-04T14:00:00.000Z'); // Monday 15:00 CET
  assert.equal(shifts[4]!.end.toISOString(), '2027-01-08T22:00:00.000Z'); // Friday 23:00 CET
});

test('a night shift in the autumn change lasts ten hours of real time', () => {
  // Saturday 24 October 2026 22:00 CEST → Sunday 25 October 07:00 CET; the clocks go back at 03:00.
  const [night] = expandSeries({ ...base, weekdays: [6], startTime: '22:00', endTime: '07:00', fromDate: '2026-10-24', toDate: '2026-10-24' }, 'Europe/Amsterdam');
  assert.equal(night!.start.toISOString(), '2026-10-24T20:00:00.000Z'); // 22:00 CEST (+02:00)
  assert.equal(night!.end.toISOString(), '2026-10-25T06:00:00.000Z'); // 07:00 CET (+01:00)
  assert.equal((night!.end.getTime() - night!.start.getTime()) / 3_600_000, 10);
});

test('a night shift in the spring change lasts eight hours of real time', () => {
  // Saturday 27 March 2027 22:00 CET → Sunday 28 March 07:00 CEST; the clocks go forward at 02:00.
  const [night] = expandSeries({ ...base, weekdays: [6], startTime: '22:00', endTime: '07:00', fromDate: '2027-03-27', toDate: '2027-03-27' }, 'Europe/Amsterdam');
  assert.equal(night!.start.toISOString(), '2027-03-27T21:00:00.000Z'); // 22:00 CET
  assert.equal(night!.end.toISOString(), '2027-03-28T05:00:00.000Z'); // 07:00 CEST
});

test('Brussels locations use their own zone', () => {
  const [day] = expandSeries({ ...base, weekdays: [3], startTime: '07:00', endTime: '15:00', fromDate: '2027-07-07', toDate: '2027-07-07' }, 'Europe/Brussels');
  assert.equal(day!.start.toISOString(), '2027-07-07T05:00:00.000Z'); // 07:00 CEST
});
