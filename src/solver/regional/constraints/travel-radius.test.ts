import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertDeltasMatchRecompute, buildProblem, buildShift, buildWorker, indexOf, planWith } from './constraint-fixtures.js';
import { hardConstraintById } from './index.js';

const constraint = hardConstraintById('travel-radius');

describe('travel-radius (H6)', () => {
  it('penalises the km beyond the radius, so nearer is better even when too far', () => {
    const problem = buildProblem({ shifts: [buildShift({ locationId: 'loc-2' })], workers: [buildWorker({ maxTravelKm: 10 }), buildWorker({ id: 'w-2', maxTravelKm: 25 })] });
    const far = constraint.whyNot(planWith(problem, []), ...indexOf(problem, 's-1', 'w-1'));
    assert.equal(far?.rule, 'travel');
    const distance = far.params.distanceKm as number;
    assert.ok(distance > 19 && distance < 21);
    assert.ok(Math.abs(constraint.evaluate(planWith(problem, [['s-1', 'w-1']])) - (distance - 10)) < 1e-9);
    assert.equal(constraint.evaluate(planWith(problem, [['s-1', 'w-2']])), 0);
  });

  it('keeps its deltas equal to a full recompute', () => assertDeltasMatchRecompute(constraint));
});
