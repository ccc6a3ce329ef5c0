import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createRng } from '../core/rng.js';
import { hardEmployeeConstraints } from './constraints/index.js';
import { createRowOptimizer } from './row-optimizer.js';
import { buildEmployee, buildProblem } from './test-fixtures.js';
import type { CurtoisProblem } from './problem.js';

/** The cheapest feasible row by enumerating all (shifts + 1)^horizon rows. */
function bruteForce(problem: CurtoisProblem, cost: Float64Array): number {
  const S = problem.shiftCount;
  const row = new Int16Array(problem.horizon);
  let best = Infinity;
  for (let code = 0; code < (S + 1) ** problem.horizon; code++) {
    let rest = code;
    let total = 0;
    for (let d = 0; d < problem.horizon; d++) {
      row[d] = (rest % (S + 1)) - 1;
      rest = Math.floor(rest / (S + 1));
      total += cost[d * (S + 1) + row[d]! + 1]!;
    }
    if (total < best && hardEmployeeConstraints.every((c) => c.penalizeRow(problem, 0, row) === 0)) best = total;
  }
  return best;
}

test('the row DP finds the cheapest row that keeps every hard rule (checked by enumeration)', () => {
  const problem = buildProblem({
    horizon: 14,
    shifts: [
      { id: 'D', minutes: 480, forbiddenNext: [] },
      { id: 'N', minutes: 720, forbiddenNext: [0] },
    ],
    employees: [buildEmployee({ maxShifts: [14, 3], minMinutes: 3360, maxMinutes: 4800, maxConsecutive: 4, minConsecutive: 2, minConsecutiveOff: 2, maxWeekends: 1, daysOff: [3] })],
  });
  const optimizer = createRowOptimizer(problem);
  const rng = createRng(7);
  for (let trial = 0; trial < 3; trial++) {
    const cost = Float64Array.from({ length: 14 * 3 }, (_, i) => (i % 3 === 0 ? rng.nextInt(3) : rng.nextFloat() < 0.5 ? -100 : rng.nextInt(4)));
    const out = new Int16Array(14);
    const found = optimizer.optimize(0, cost, optimizer.createPrices(), out);
    assert.notEqual(found, null);
    assert.ok(hardEmployeeConstraints.every((c) => c.penalizeRow(problem, 0, out) === 0));
    // Per-type limits are priced, not exact, so the DP may miss the optimum by a little; it never beats it.
    const best = bruteForce(problem, cost);
    assert.ok(found! >= best, `trial ${trial}: ${found} < ${best}`);
    assert.ok(found! <= best + 110, `trial ${trial}: ${found} far above ${best}`);
  }
});

test('the row DP is exact when only sequence rules, working time and weekends bind', () => {
  const problem = buildProblem({
    horizon: 14,
    shifts: [{ id: 'D', minutes: 480, forbiddenNext: [] }],
    employees: [buildEmployee({ maxShifts: [14], minMinutes: 3360, maxMinutes: 4320, maxConsecutive: 5, minConsecutive: 2, minConsecutiveOff: 2, maxWeekends: 1, daysOff: [5] })],
  });
  const optimizer = createRowOptimizer(problem);
  const rng = createRng(3);
  for (let trial = 0; trial < 10; trial++) {
    const cost = Float64Array.from({ length: 14 * 2 }, (_, i) => (i % 2 === 0 ? rng.nextInt(3) : rng.nextFloat() < 0.5 ? -100 : rng.nextInt(4)));
    const found = optimizer.optimize(0, cost, optimizer.createPrices(), new Int16Array(14));
    assert.equal(found, bruteForce(problem, cost));
  }
});
