import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertDeltasMatchRecompute, at, buildProblem, buildShift, indexOf, planWith } from './constraint-fixtures.js';
import { hardConstraintById } from './index.js';

const constraint = hardConstraintById('rest');

describe('rest (H7)', () => {
  const problem = buildProblem({
    shifts: [
      buildShift({ id: 'late', start: at(0, 15), end: at(0, 23) }), // Mon 16:00–24:00 local
      buildShift({ id: 'early', start: at(1, 7), end: at(1, 15) }), // Tue 08:00–16:00: 8 h after the late one
      buildShift({ id: 'next-late', start: at(1, 15), end: at(1, 23) }), // Tue 16:00: 16 h after the late one
      buildShift({ id: 'overlap', start: at(0, 20), end: at(1, 4) }),
    ],
  });

  it('penalises the minutes short of the minimum rest between consecutive shifts', () => {
    assert.equal(constraint.evaluate(planWith(problem, [['late', 'w-1'], ['next-late', 'w-1']])), 0);
    assert.equal(constraint.evaluate(planWith(problem, [['late', 'w-1'], ['early', 'w-1']])), 660 - 480);
  });

  it('calls a conflict with an overlapping shift an overlap and a short gap a rest violation', () => {
    const plan = planWith(problem, [['late', 'w-1']]);
    assert.equal(constraint.whyNot(plan, ...indexOf(problem, 'overlap', 'w-1'))?.rule, 'overlap');
    assert.deepEqual(constraint.whyNot(plan, ...indexOf(problem, 'early', 'w-1')), { rule: 'rest', params: { otherShiftId: 'late', restMinutes: 480, minRestMinutes: 660 } });
    assert.equal(constraint.whyNot(plan, ...indexOf(problem, 'next-late', 'w-1')), undefined);
  });

  it('keeps its deltas equal to a full recompute', () => assertDeltasMatchRecompute(constraint, 80));
});
