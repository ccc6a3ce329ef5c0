import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DateTime } from 'luxon';
import { atLocalMinute } from './worker-facts.js';

const zone = 'Europe/Amsterdam';

test('a window until 08:15 the next morning ends at 08:15 local, also on the autumn clock change', () => {
  const saturday = DateTime.fromISO('2026-10-24', { zone });
  const end = atLocalMinute(saturday, 24 * 60 + 8 * 60 + 15);
  assert.equal(end.toISO(), '2026-10-25T08:15:00.000+01:00'); // 07:15 UTC, CET after the change
  assert.equal(atLocalMinute(saturday, 22 * 60 + 45).toUTC().toISO(), '2026-10-24T20:45:00.000Z'); // 22:45 CEST
});

test('on the spring clock change the same window is one hour shorter in real time', () => {
  const saturday = DateTime.fromISO('2027-03-27', { zone });
  const start = atLocalMinute(saturday, 22 * 60 + 45); // 22:45 CET = 21:45 UTC
  const end = atLocalMinute(saturday, 24 * 60 + 8 * 60 + 15); // 08:15 CEST = 06:15 UTC
  assert.equal(end.diff(start, 'minutes').minutes, 8 * 60 + 30);
});
