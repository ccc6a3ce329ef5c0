import assert from 'node:assert/strict';
import { test } from 'node:test';
import { evaluateRoster } from './evaluate.js';
import { createEmptyRoster } from './problem.js';
import { buildEmployee, buildProblem, rowFrom } from './test-fixtures.js';

const problem = buildProblem({
  horizon: 7,
  employees: [buildEmployee({ id: 'A', minConsecutive: 2, daysOff: [6] }), buildEmployee({ id: 'B' })],
  onRequests: [{ employee: 1, day: 0, shift: 0, weight: 3 }],
  offRequests: [{ employee: 0, day: 0, shift: 0, weight: 1 }],
  cover: [{ day: 0, shift: 0, requirement: 1, weightUnder: 100, weightOver: 1 }],
});

test('evaluateRoster sums the soft terms into the objective of a feasible roster', () => {
  const roster = createEmptyRoster(problem);
  roster.set(rowFrom(problem, 'DD'), 0);
  const evaluation = evaluateRoster(problem, roster);
  assert.equal(evaluation.isFeasible, true);
  // B's on-request (3) + A's off-request (1); day 0 D is covered and day 1 has no cover line.
  assert.equal(evaluation.objective, 4);
  assert.deepEqual(evaluation.totals.filter((t) => t.penalty > 0).map((t) => [t.id, t.penalty]), [['shift-on-requests', 3], ['shift-off-requests', 1]]);
});

test('evaluateRoster reports each broken hard rule with its explanation', () => {
  const roster = createEmptyRoster(problem);
  roster.set(rowFrom(problem, 'D-D---D'), 0);
  const evaluation = evaluateRoster(problem, roster);
  assert.equal(evaluation.isFeasible, false);
  const broken = evaluation.totals.filter((t) => t.level === 'hard' && t.penalty > 0);
  assert.deepEqual(broken.map((t) => t.id), ['min-consecutive-shifts', 'days-off']);
  assert.deepEqual(broken[1]!.violations, ['A: works on day off 6']);
});

test('evaluateRoster rejects a roster of the wrong size', () => {
  assert.throws(() => evaluateRoster(problem, new Int16Array(3)), /expected 14/);
});
