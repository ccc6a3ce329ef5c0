import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { haversineKm } from '../geo.js';
import { assertDeltasMatchRecompute, buildProblem, buildShift, planWith } from './constraint-fixtures.js';
import { constraintById } from './index.js';

const constraint = constraintById('travel');

describe('travel', () => {
  it('charges weights.travelKm per km from home to the location', () => {
    const problem = buildProblem({ shifts: [buildShift({ locationId: 'loc-2' })], weights: { travelKm: 2 } });
    const km = haversineKm(52.09, 5.12, 52.156, 5.387);
    assert.ok(Math.abs(constraint.evaluate(planWith(problem, [['s-1', 'w-1']])) - 2 * km) < 1e-9);
  });

  it('keeps its deltas equal to a full recompute', () => assertDeltasMatchRecompute(constraint));
});
