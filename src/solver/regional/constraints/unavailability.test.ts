import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertDeltasMatchRecompute, at, buildProblem, buildShift, buildWorker, indexOf, planWith } from './constraint-fixtures.js';
import { hardConstraintById } from './index.js';

const constraint = hardConstraintById('unavailability');

describe('unavailability (H5)', () => {
  const problem = buildProblem({
    shifts: [buildShift({ start: at(0, 7), end: at(0, 15) })],
    workers: [buildWorker({ unavailable: [{ start: at(0, 13), end: at(0, 20) }] }), buildWorker({ id: 'w-2', unavailable: [{ start: at(0, 15), end: at(0, 20) }] })],
  });

  it('penalises the minutes a shift overlaps unavailability; touching the window is fine', () => {
    const plan = planWith(problem, [['s-1', 'w-1'], ['s-1', 'w-2']]);
    assert.equal(constraint.evaluate(plan), 120);
    assert.deepEqual(constraint.whyNot(planWith(problem, []), ...indexOf(problem, 's-1', 'w-1')), { rule: 'unavailable', params: { overlapMinutes: 120 } });
  });

  it('keeps its deltas equal to a full recompute', () => assertDeltasMatchRecompute(constraint));
});
