import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { CURTOIS_BEST_KNOWN } from './best-known.js';
import { evaluateRoster } from './evaluate.js';
import { parseCurtoisInstance } from './instance.js';
import { solveCurtoisMip } from './mip.js';
import { prepareProblem } from './problem.js';

const loadProblem = (n: number) => prepareProblem(parseCurtoisInstance(readFileSync(new URL(`../../../../shared/benchmarks/curtois/Instance${n}.txt`, import.meta.url), 'utf8')));

// HiGHS proves these optima in about 2, 2, 20 and 45 seconds on a busy 2-core machine.
for (const n of [1, 2, 3, 4]) {
  test(`the HiGHS reference proves the published optimum of Instance ${n}, and the evaluator agrees on its roster`, async () => {
    const problem = loadProblem(n);
    const result = await solveCurtoisMip(problem, { timeLimitSeconds: 300 });
    assert.equal(result.status, 'optimal');
    assert.equal(result.bound, CURTOIS_BEST_KNOWN[n]);
    assert.ok(result.roster);
    const evaluation = evaluateRoster(problem, result.roster);
    assert.equal(evaluation.isFeasible, true, evaluation.totals.flatMap((t) => t.violations).join('\n'));
    assert.equal(evaluation.objective, CURTOIS_BEST_KNOWN[n]);
    assert.equal(result.objective, CURTOIS_BEST_KNOWN[n]);
  });
}
