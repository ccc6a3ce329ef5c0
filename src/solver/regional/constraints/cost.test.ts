import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertDeltasMatchRecompute, at, buildProblem, buildShift, buildWorker, planWith } from './constraint-fixtures.js';
import { constraintById } from './index.js';

const constraint = constraintById('cost');

describe('cost', () => {
  it('charges hourly cost times hours', () => {
    const problem = buildProblem({ shifts: [buildShift({ start: at(0, 7), end: at(0, 15.5) })], workers: [buildWorker({ hourlyCost: 30 })] });
    assert.equal(constraint.evaluate(planWith(problem, [['s-1', 'w-1']])), 255);
  });

  it('keeps its deltas equal to a full recompute', () => assertDeltasMatchRecompute(constraint));
});
