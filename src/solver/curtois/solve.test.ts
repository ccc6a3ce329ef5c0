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

test('the engine reaches the proven optimum of Instance 1 and stops there', async () => {
  const problem = loadProblem(1);
  const result = await solveCurtois(problem, { timeLimitSeconds: 120, seed: 1, targetObjective: CURTOIS_BEST_KNOWN[1] });
  assert.equal(result.isFeasible, true);
  assert.equal(result.objective, CURTOIS_BEST_KNOWN[1]);
  assert.equal(evaluateRoster(problem, result.roster).objective, 607);
});

test('the engine returns a feasible roster within its budget on Instances 2–4, never below the optimum', async () => {
  for (const n of [2, 3, 4]) {
    const problem = loadProblem(n);
    const result = await solveCurtois(problem, { timeLimitSeconds: 1000, maxIterations: 3000, maxRepairs: 0, clock: createStepClock(1), seed: 2 });
    assert.equal(result.isFeasible, true, `Instance ${n}`);
    assert.ok(result.objective >= CURTOIS_BEST_KNOWN[n]!, `Instance ${n}: ${result.objective}`);
  }
});

test('the same seed and iteration budget give the same roster', async () => {
  const problem = loadProblem(2);
  const run = () => solveCurtois(problem, { timeLimitSeconds: 1000, maxIterations: 1500, maxRepairs: 0, clock: createStepClock(1), seed: 9 });
  const a = await run();
  const b = await run();
  assert.equal(a.objective, b.objective);
  assert.deepEqual(a.roster, b.roster);
});
