import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertDeltasMatchRecompute, buildProblem, buildShift, buildWorker, indexOf, planWith } from './constraint-fixtures.js';
import { hardConstraintById } from './index.js';

const constraint = hardConstraintById('supervision');

describe('supervision (H9)', () => {
  it('takes newcomers only up to the supervision capacity; others do not count', () => {
    const problem = buildProblem({
      shifts: [buildShift({ demand: 3, supervisionCapacity: 1 })],
      workers: [buildWorker({ newcomer: true }), buildWorker({ id: 'w-2', newcomer: true }), buildWorker({ id: 'w-3' })],
    });
    const plan = planWith(problem, [['s-1', 'w-1'], ['s-1', 'w-3']]);
    assert.equal(constraint.evaluate(plan), 0);
    assert.deepEqual(constraint.whyNot(plan, ...indexOf(problem, 's-1', 'w-2')), { rule: 'supervision', params: { capacity: 1, newcomers: 1 } });
    plan.add(...indexOf(problem, 's-1', 'w-2'));
    assert.equal(constraint.evaluate(plan), 1);
  });

  it('keeps its deltas equal to a full recompute', () => assertDeltasMatchRecompute(constraint));
});
