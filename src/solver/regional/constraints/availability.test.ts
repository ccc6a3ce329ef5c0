import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertDeltasMatchRecompute, at, buildProblem, buildShift, buildWorker, indexOf, planWith } from './constraint-fixtures.js';
import { hardConstraintById } from './index.js';

const constraint = hardConstraintById('availability');

describe('availability (H5)', () => {
  const problem = buildProblem({
    shifts: [buildShift({ start: at(0, 7), end: at(0, 15) }), buildShift({ id: 's-2', start: at(1, 7), end: at(1, 15) })],
    workers: [
      buildWorker({ available: [{ start: at(0, 6), end: at(0, 15) }] }), // Monday 07:00–16:00 local
      buildWorker({ id: 'w-2' }), // no windows: available throughout
    ],
  });

  it('keeps a worker with windows inside one of them', () => {
    const plan = planWith(problem, [['s-1', 'w-1']]);
    assert.equal(constraint.evaluate(plan), 0);
    assert.equal(constraint.whyNot(plan, ...indexOf(problem, 's-2', 'w-1'))?.rule, 'availability');
    assert.equal(constraint.whyNot(plan, ...indexOf(problem, 's-2', 'w-2')), undefined);
  });

  it('finds the containing window among unsorted, overlapping windows', () => {
    const nested = buildProblem({
      shifts: [buildShift({ start: at(2, 8), end: at(2, 14) })],
      workers: [buildWorker({ available: [{ start: at(2, 9), end: at(2, 20) }, { start: at(2, 7), end: at(2, 15) }, { start: at(2, 7), end: at(2, 9) }] })],
    });
    assert.equal(constraint.evaluate(planWith(nested, [['s-1', 'w-1']])), 0);
  });

  it('keeps its deltas equal to a full recompute', () => assertDeltasMatchRecompute(constraint));
});
