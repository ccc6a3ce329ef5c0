import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertDeltasMatchRecompute, at, buildProblem, buildShift, buildWorker, indexOf, planWith } from './constraint-fixtures.js';
import { hardConstraintById } from './index.js';

const constraint = hardConstraintById('registration');

describe('registration (H4)', () => {
  const problem = buildProblem({
    shifts: [buildShift({ packageId: 'nursing', start: at(0, 7), end: at(0, 15) }), buildShift({ id: 's-2', packageId: 'basic' })],
    workers: [
      buildWorker({ registrationExpires: at(0, 15) }), // valid exactly until the shift ends (16:00 local)
      buildWorker({ id: 'w-2', registrationExpires: at(0, 14) }), // expires an hour before the end
      buildWorker({ id: 'w-3', registrationExpires: null }),
    ],
  });

  it('needs a registration valid until the end of a shift whose package requires one', () => {
    const plan = planWith(problem, []);
    assert.equal(constraint.whyNot(plan, ...indexOf(problem, 's-1', 'w-1')), undefined);
    assert.equal(constraint.whyNot(plan, ...indexOf(problem, 's-1', 'w-2'))?.rule, 'registration');
    assert.equal(constraint.whyNot(plan, ...indexOf(problem, 's-1', 'w-3'))?.rule, 'registration');
  });

  it('asks nothing for packages without registration', () => {
    const plan = planWith(problem, [['s-2', 'w-3']]);
    assert.equal(constraint.evaluate(plan), 0);
  });

  it('keeps its deltas equal to a full recompute', () => assertDeltasMatchRecompute(constraint));
});
