import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertDeltasMatchRecompute, buildProblem, buildWorker, planWith } from './constraint-fixtures.js';
import { constraintById } from './index.js';

const constraint = constraintById('under-minimum');

describe('under-minimum', () => {
  it('charges every shift missing to reach minShifts', () => {
    const problem = buildProblem({ workers: [buildWorker({ minShifts: 3 }), buildWorker({ id: 'w-2' })] });
    assert.equal(constraint.evaluate(planWith(problem, [])), 600);
    assert.equal(constraint.evaluate(planWith(problem, [['s-1', 'w-1']])), 400);
  });

  it('keeps its deltas equal to a full recompute', () => assertDeltasMatchRecompute(constraint));
});
