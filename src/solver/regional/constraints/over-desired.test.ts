import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertDeltasMatchRecompute, at, buildProblem, buildShift, buildWorker, planWith } from './constraint-fixtures.js';
import { constraintById } from './index.js';

const constraint = constraintById('over-desired');

describe('over-desired', () => {
  const problem = buildProblem({
    shifts: [buildShift({ start: at(0, 7), end: at(0, 15) }), buildShift({ id: 's-2', start: at(1, 7), end: at(1, 15) })],
    workers: [buildWorker({ desiredMinutes: 600 }), buildWorker({ id: 'w-2' })],
  });

  it('charges the hours above the desired minutes over the horizon', () => {
    assert.equal(constraint.evaluate(planWith(problem, [['s-1', 'w-1']])), 0);
    assert.equal(constraint.evaluate(planWith(problem, [['s-1', 'w-1'], ['s-2', 'w-1']])), 2 * (960 - 600) / 60);
  });

  it('ignores workers without desired minutes', () => {
    assert.equal(constraint.evaluate(planWith(problem, [['s-1', 'w-2'], ['s-2', 'w-2']])), 0);
  });

  it('keeps its deltas equal to a full recompute', () => assertDeltasMatchRecompute(constraint));
});
