import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertDeltasMatchRecompute, at, buildProblem, buildShift, buildWorker, indexOf, planWith } from './constraint-fixtures.js';
import { hardConstraintById } from './index.js';

const constraint = hardConstraintById('weekly-hours');

describe('weekly-hours (H8)', () => {
  const problem = buildProblem({
    shifts: [
      buildShift({ id: 'mon', start: at(0, 7), end: at(0, 15) }),
      buildShift({ id: 'tue', start: at(1, 7), end: at(1, 15) }),
      buildShift({ id: 'sun-night', start: at(6, 22), end: at(7, 6) }), // starts Sunday: belongs to week 0
      buildShift({ id: 'next-mon', start: at(7, 7), end: at(7, 15) }),
    ],
    workers: [buildWorker({ maxMinutesPerWeek: 960 })],
  });

  it('caps minutes per week at the tighter of the rule and the worker, by shift start', () => {
    assert.equal(constraint.evaluate(planWith(problem, [['mon', 'w-1'], ['tue', 'w-1'], ['next-mon', 'w-1']])), 0);
    const plan = planWith(problem, [['mon', 'w-1'], ['tue', 'w-1']]);
    assert.deepEqual(constraint.whyNot(plan, ...indexOf(problem, 'sun-night', 'w-1')), { rule: 'weeklyHours', params: { week: 0, minutes: 1440, capMinutes: 960 } });
    plan.add(...indexOf(problem, 'sun-night', 'w-1'));
    assert.equal(constraint.evaluate(plan), 480);
  });

  it('keeps its deltas equal to a full recompute', () => assertDeltasMatchRecompute(constraint, 80));
});
