import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertDeltasMatchRecompute, buildProblem, buildShift, buildWorker, indexOf, planWith } from './constraint-fixtures.js';
import { hardConstraintById } from './index.js';

const constraint = hardConstraintById('demand');

describe('demand (H2)', () => {
  it('counts every worker beyond the places of a shift', () => {
    const problem = buildProblem({ shifts: [buildShift({ demand: 1 })], workers: [buildWorker(), buildWorker({ id: 'w-2' }), buildWorker({ id: 'w-3' })] });
    const plan = planWith(problem, [['s-1', 'w-1']]);
    assert.equal(constraint.evaluate(plan), 0);
    const [s, w] = indexOf(problem, 's-1', 'w-2');
    assert.deepEqual(constraint.whyNot(plan, s, w), { rule: 'demand', params: { demand: 1, assigned: 1 } });
    plan.add(s, w);
    plan.add(...indexOf(problem, 's-1', 'w-3'));
    assert.equal(constraint.evaluate(plan), 2);
  });

  it('keeps its deltas equal to a full recompute', () => assertDeltasMatchRecompute(constraint));
});
