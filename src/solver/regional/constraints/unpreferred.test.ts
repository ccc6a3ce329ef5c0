import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertDeltasMatchRecompute, buildProblem, buildShift, buildWorker, planWith } from './constraint-fixtures.js';
import { constraintById } from './index.js';

const constraint = constraintById('unpreferred');

describe('unpreferred', () => {
  it('charges an assignment outside a non-empty preference list, never without preferences', () => {
    const problem = buildProblem({
      shifts: [buildShift({ locationId: 'loc-1', demand: 3 }), buildShift({ id: 's-2', locationId: 'loc-2' })],
      workers: [buildWorker({ preferredOrganisations: ['org-2'] }), buildWorker({ id: 'w-2', preferredOrganisations: [] })],
    });
    assert.equal(constraint.evaluate(planWith(problem, [['s-1', 'w-1']])), 20);
    assert.equal(constraint.evaluate(planWith(problem, [['s-2', 'w-1'], ['s-1', 'w-2']])), 0);
  });

  it('keeps its deltas equal to a full recompute', () => assertDeltasMatchRecompute(constraint));
});
