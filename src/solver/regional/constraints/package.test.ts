import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertDeltasMatchRecompute, buildProblem, buildShift, buildWorker, indexOf, planWith } from './constraint-fixtures.js';
import { hardConstraintById } from './index.js';

const constraint = hardConstraintById('package');

describe('package (H3)', () => {
  it('lets only holders of the activity package take the shift', () => {
    const problem = buildProblem({ shifts: [buildShift({ packageId: 'nursing', demand: 2 })], workers: [buildWorker({ packages: ['nursing'] }), buildWorker({ id: 'w-2', packages: ['basic'] })] });
    const plan = planWith(problem, [['s-1', 'w-1']]);
    assert.equal(constraint.evaluate(plan), 0);
    assert.deepEqual(constraint.whyNot(plan, ...indexOf(problem, 's-1', 'w-2')), { rule: 'package', params: { packageId: 'nursing' } });
    plan.add(...indexOf(problem, 's-1', 'w-2'));
    assert.equal(constraint.evaluate(plan), 1);
  });

  it('keeps its deltas equal to a full recompute', () => assertDeltasMatchRecompute(constraint));
});
