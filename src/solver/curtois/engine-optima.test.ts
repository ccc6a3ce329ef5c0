import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { createStepClock } from '../core/clock.js';
import { CURTOIS_BEST_KNOWN } from './best-known.js';
import { evaluateRoster } from './evaluate.js';
import { parseCurtoisInstance } from './instance.js';
import { prepareProblem } from './problem.js';
import { solveCurtois } from './solve.js';

const loadProblem = (n: number) => prepareProblem(parseCurtoisInstance(readFileSync(new URL(`../../../../shared/benchmarks/curtois/Instance${n}.txt`, import.meta.url), 'utf8')));

// The step clock advances one "millisecond" per reading, so every budget (construction, column
// generation, annealing and repair rounds) is a count of steps, not wall time: the run is the
// same on a busy machine as on an idle one. HiGHS's own limits are far beyond what its
// sub-problems need, and the run stops as soon as it reaches the optimum.
const STEP_BUDGET_SECONDS = 20;

for (const n of [1, 2, 3, 4]) {
  test(`the engine matches the proven optimum of Instance ${n} (${CURTOIS_BEST_KNOWN[n]})`, async () => {
    const problem = loadProblem(n);
    const result = await solveCurtois(problem, { timeLimitSeconds: STEP_BUDGET_SECONDS, clock: createStepClock(1), seed: 1, targetObjective: CURTOIS_BEST_KNOWN[n] });
    const evaluation = evaluateRoster(problem, result.roster);
    assert.equal(evaluation.isFeasible, true, evaluation.totals.flatMap((t) => t.violations).join('\n'));
    assert.equal(evaluation.objective, CURTOIS_BEST_KNOWN[n]);
    assert.equal(result.objective, CURTOIS_BEST_KNOWN[n]);
  });
}
