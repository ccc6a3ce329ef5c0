import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compileOrThrow } from './compile.js';
import { hardConstraints } from './constraints/index.js';
import { generateProblem } from './generate.js';
import { buildCandidates } from './model.js';

describe('buildCandidates', () => {
  it('lists exactly the workers that pass every pairwise hard rule', () => {
    const problem = compileOrThrow(generateProblem({ seed: 11, workers: 80, days: 14, places: 400 }));
    const pairwise = hardConstraints.filter((c) => c.isPairwise);
    const candidates = buildCandidates(problem);
    problem.shiftIds.forEach((_, shift) => {
      const expected = problem.workerIds.map((_w, w) => w).filter((w) => pairwise.every((c) => c.pairPenalty!(problem, shift, w) === 0));
      assert.deepEqual([...candidates[shift]!], expected, problem.shiftIds[shift]);
    });
  });

  it('leaves the least important shifts without candidates when told to stop', () => {
    const problem = compileOrThrow(generateProblem({ seed: 11, workers: 20, days: 14, places: 400 }));
    let calls = 0;
    const candidates = buildCandidates(problem, () => ++calls > 1);
    const all = buildCandidates(problem);
    const reached = problem.shiftIds.map((_, s) => s).filter((s) => candidates[s]!.length > 0);
    const missed = problem.shiftIds.map((_, s) => s).filter((s) => candidates[s]!.length === 0 && all[s]!.length > 0);
    assert.ok(reached.length > 0 && reached.length <= 64);
    assert.ok(missed.length > 0);
    const lowestReached = Math.min(...reached.map((s) => problem.shiftPriority[s]!));
    assert.ok(missed.every((s) => problem.shiftPriority[s]! <= lowestReached));
  });
});
