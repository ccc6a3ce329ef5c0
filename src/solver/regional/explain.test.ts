import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { at, buildProblem, buildShift, buildWorker, planWith } from './constraints/constraint-fixtures.js';
import { explainPlan, formatOpenPlace } from './explain.js';

describe('explainPlan', () => {
  // Monday: a nursing day shift with two places in Utrecht; Sunday night before, a late shift.
  const problem = buildProblem({
    shifts: [
      buildShift({ id: 'late', start: at(0, -9), end: at(0, -1) }), // Sun 16:00–24:00 local
      buildShift({ id: 'day', packageId: 'nursing', start: at(0, 7), end: at(0, 15), demand: 3, priority: 2 }),
    ],
    workers: [
      buildWorker({ id: 'nurse', hourlyCost: 30, desiredMinutes: 240, preferredOrganisations: ['org-2'] }),
      buildWorker({ id: 'tired-nurse' }),
      buildWorker({ id: 'helper', packages: ['basic'] }),
      buildWorker({ id: 'far-nurse', lat: 53.2, lon: 6.56 }), // Groningen
      buildWorker({ id: 'lapsed-nurse', packages: ['basic'], registrationExpires: null }),
    ],
    horizonStart: at(0, -10),
  });
  const plan = planWith(problem, [['day', 'nurse'], ['late', 'tired-nurse']]);
  const explanation = explainPlan(plan);

  it('itemises what each assignment costs, per term', () => {
    const nurse = explanation.assignments.find((a) => a.workerId === 'nurse')!;
    assert.deepEqual(nurse.costs, { cost: 240, overDesired: 2 * (480 - 240) / 60, unpreferred: 20 });
    assert.equal(nurse.covers, 2000);
  });

  it('counts, for each open place, the workers each rule rules out', () => {
    const day = explanation.openPlaces.find((p) => p.shiftId === 'day')!;
    assert.equal(day.open, 2);
    assert.deepEqual(day.blockedBy, { overlap: 1, rest: 1, package: 2, registration: 1, travel: 1 });
    assert.equal(day.eligible, 0);
    assert.match(formatOpenPlace(day), /^day \(2 open, priority 2\): 2 package, /);
  });
});
