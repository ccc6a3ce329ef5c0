import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertDeltasMatchRecompute, buildProblem, buildShift, indexOf, planWith } from './constraint-fixtures.js';
import { hardConstraintById } from './index.js';

const constraint = hardConstraintById('unique-assignment');

describe('unique-assignment (H1)', () => {
  const problem = buildProblem({ shifts: [buildShift({ demand: 2 })] });

  it('allows a worker once on a shift and refuses a second place on it', () => {
    const plan = planWith(problem, [['s-1', 'w-1']]);
    assert.equal(constraint.evaluate(plan), 0);
    const [s, w] = indexOf(problem, 's-1', 'w-1');
    assert.equal(constraint.whyNot(plan, s, w)?.rule, 'overlap');
    plan.add(s, w);
    assert.equal(constraint.evaluate(plan), 1);
  });

  it('keeps its deltas equal to a full recompute', () => assertDeltasMatchRecompute(constraint));
});
