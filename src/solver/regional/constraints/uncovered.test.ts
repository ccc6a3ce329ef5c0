import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertDeltasMatchRecompute, buildProblem, buildShift, buildWorker, indexOf, planWith } from './constraint-fixtures.js';
import { constraintById } from './index.js';

const constraint = constraintById('uncovered');

describe('uncovered', () => {
  const problem = buildProblem({
    shifts: [buildShift({ demand: 2, priority: 3 }), buildShift({ id: 's-2', demand: 1, priority: 1 })],
    workers: [buildWorker(), buildWorker({ id: 'w-2' }), buildWorker({ id: 'w-3' })],
  });

  it('charges weights.uncovered times priority per open place', () => {
    assert.equal(constraint.evaluate(planWith(problem, [])), 1000 * 3 * 2 + 1000);
    assert.equal(constraint.evaluate(planWith(problem, [['s-1', 'w-1']])), 3000 + 1000);
  });

  it('gives nothing back for workers beyond demand', () => {
    const plan = planWith(problem, [['s-2', 'w-1']]);
    assert.equal(constraint.deltaAssign(plan, ...indexOf(problem, 's-2', 'w-2')), 0);
  });

  it('keeps its deltas equal to a full recompute', () => assertDeltasMatchRecompute(constraint));
});
