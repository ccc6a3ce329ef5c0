import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { canTake, whyNot, type EligibilityContext, type EligibilityShift, type EligibilityWorker } from './eligibility.js';

const H = 3_600_000;
const MONDAY = Date.parse('2027-01-04T00:00:00+01:00');

function buildShift(overrides: Partial<EligibilityShift> = {}): EligibilityShift {
  // Tuesday 07:00–15:00 local (06:00–14:00 UTC) in Utrecht.
  return { start: MONDAY + 31 * H, end: MONDAY + 39 * H, lat: 52.09, lon: 5.12, packageId: 'nursing', requiresRegistration: true, demand: 2, supervisionCapacity: 0, assignedCount: 0, assignedNewcomers: 0, ...overrides };
}

function buildWorker(overrides: Partial<EligibilityWorker> = {}): EligibilityWorker {
  return { lat: 52.1, lon: 5.1, maxTravelKm: 20, packages: ['basic', 'nursing'], registrationExpires: Date.parse('2030-01-01T00:00:00+01:00'), isNewcomer: false, ...overrides };
}

const context: EligibilityContext = { weekStart: MONDAY, minRestMinutes: 660, maxMinutesPerWeek: 2400, workerShifts: [] };

describe('whyNot', () => {
  it('lets a qualified nearby worker with a free week take the shift', () => {
    assert.deepEqual(whyNot(buildWorker(), buildShift(), context), []);
    assert.equal(canTake(buildWorker(), buildShift(), context), true);
  });

  it('names each binding rule for a worker who fails several', () => {
    const worker = buildWorker({ packages: ['basic'], registrationExpires: null, maxTravelKm: 0.5, unavailable: [{ start: MONDAY + 30 * H, end: MONDAY + 32 * H }] });
    assert.deepEqual(whyNot(worker, buildShift(), context).map((r) => r.rule).sort(), ['package', 'registration', 'travel', 'unavailable']);
  });

  it('refuses a shift outside every availability window', () => {
    const worker = buildWorker({ available: [{ start: MONDAY + 55 * H, end: MONDAY + 70 * H }] });
    assert.deepEqual(whyNot(worker, buildShift(), context).map((r) => r.rule), ['availability']);
  });

  it('tells an overlap from a short rest, with the rest in minutes', () => {
    const overlap = whyNot(buildWorker(), buildShift(), { ...context, workerShifts: [{ start: MONDAY + 35 * H, end: MONDAY + 43 * H }] });
    assert.deepEqual(overlap.map((r) => r.rule), ['overlap']);
    // A late shift on Monday, 15:00–23:00 local, leaves 8 h before Tuesday 07:00.
    const rest = whyNot(buildWorker(), buildShift(), { ...context, workerShifts: [{ start: MONDAY + 15 * H, end: MONDAY + 23 * H }] });
    assert.equal(rest[0]?.rule, 'rest');
    assert.equal(rest[0]?.params.restMinutes, 480);
  });

  it('counts the week by shift start against the tighter weekly cap', () => {
    const week = [0, 2, 3, 4].map((d) => ({ start: MONDAY + (d * 24 + 7) * H, end: MONDAY + (d * 24 + 15) * H }));
    const reasons = whyNot(buildWorker({ maxMinutesPerWeek: 1920 }), buildShift(), { ...context, workerShifts: week });
    assert.deepEqual(reasons, [{ rule: 'weeklyHours', params: { week: 0, minutes: 2400, capMinutes: 1920 } }]);
    // The same shifts a week earlier fall in another week.
    const earlier = week.map((w) => ({ start: w.start - 7 * 24 * H, end: w.end - 7 * 24 * H }));
    assert.deepEqual(whyNot(buildWorker({ maxMinutesPerWeek: 1920 }), buildShift(), { ...context, workerShifts: earlier }), []);
  });

  it('refuses a full shift and a newcomer beyond supervision capacity', () => {
    assert.deepEqual(whyNot(buildWorker(), buildShift({ assignedCount: 2 }), context).map((r) => r.rule), ['demand']);
    const full = buildShift({ supervisionCapacity: 1, assignedCount: 1, assignedNewcomers: 1 });
    assert.deepEqual(whyNot(buildWorker({ isNewcomer: true }), full, context).map((r) => r.rule), ['supervision']);
    assert.deepEqual(whyNot(buildWorker(), full, context), []);
  });
});
