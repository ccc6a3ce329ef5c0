import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createRng } from '../core/index.js';
import { getHighs, objectiveOf, runHighs } from '../highs/index.js';
import { compileOrThrow } from './compile.js';
import { constructGreedy } from './construct.js';
import { generateProblem } from './generate.js';
import { LargeNeighbourhoodSearch } from './lns.js';
import { buildRegionalMip } from './mip.js';
import { RegionalModel } from './model.js';
import { evaluatePlan } from './score.js';
import { searchThread } from './solve.js';

describe('LargeNeighbourhoodSearch', () => {
  it('re-solves windows of a plan: never worse, never infeasible, pins kept, and the score stays exact', async () => {
    const document = generateProblem({ seed: 7, workers: 40, days: 14 });
    // Pin a few pairs of a plain greedy plan so that the steps have to work around them.
    const greedy = new RegionalModel(compileOrThrow(document));
    constructGreedy(greedy);
    const pinned = greedy.assignments().filter((_, i) => i % 7 === 0)
      .map((a) => ({ shiftId: greedy.problem.shiftIds[a.shift]!, workerId: greedy.problem.workerIds[a.worker]! }));
    const problem = compileOrThrow({ ...document, pinned });
    const model = new RegionalModel(problem);
    constructGreedy(model);
    const lns = new LargeNeighbourhoodSearch(model, await getHighs(), { stepSeconds: 30, maxNodes: 500 });
    const rng = createRng(3);
    const first = model.score().soft;
    let improvements = 0;
    for (let k = 0; k < 12; k++) {
      const before = model.score();
      const step = lns.step(rng);
      const after = evaluatePlan(model.plan).score;
      assert.equal(after.hard, 0);
      assert.ok(step.delta.soft <= 0);
      assert.ok(Math.abs(after.soft - (before.soft + step.delta.soft)) < 1e-6 * Math.max(1, after.soft), `step ${k}: ${after.soft} vs ${before.soft} + ${step.delta.soft}`);
      assert.ok(Math.abs(model.score().soft - after.soft) < 1e-6 * Math.max(1, after.soft));
      if (step.delta.soft < 0) improvements++;
    }
    assert.ok(improvements > 0, 'no step improved on the greedy plan');
    assert.ok(model.score().soft < first);
    for (const { shift, worker } of problem.pinned) assert.ok(model.plan.hasAssignment(shift, worker));
  });

  it('starts every sub-model from the current plan: HiGHS takes it, so a step is never worse than the plan', async () => {
    const problem = compileOrThrow(generateProblem({ seed: 5, workers: 40, days: 14 }));
    const model = new RegionalModel(problem);
    constructGreedy(model);
    const highs = await getHighs();
    const lns = new LargeNeighbourhoodSearch(model, highs, { stepSeconds: 30, maxNodes: 500 });
    const rng = createRng(11);
    for (let k = 0; k < 8; k++) {
      const hood = lns.chooseNeighbourhood(rng);
      const { mip, start } = buildRegionalMip(problem, model.candidates, { plan: model.plan, shifts: hood.shifts, workers: hood.workers });
      assert.ok(start && start.length === mip.numCols);
      const startObjective = objectiveOf(mip, start);
      // With no time at all HiGHS searches nothing: its answer is the start when it took it, and none otherwise.
      const result = runHighs(highs, mip, { timeLimitSeconds: 0, start });
      assert.equal(result.isStartUsed, true, `step ${k}: start refused`);
      assert.ok(result.objective !== null && Math.abs(result.objective - startObjective) <= 1e-6 * Math.max(1, startObjective), `step ${k}: ${result.objective} vs start ${startObjective}`);
      const step = lns.step(rng);
      assert.equal(step.isStartUsed, true);
      assert.ok(step.delta.hard === 0 && step.delta.soft <= 0);
    }
  });

  it('frees workers linked through the window: each one could take over a shift of an earlier one, or the other way round', async () => {
    const problem = compileOrThrow(generateProblem({ seed: 6, workers: 60, days: 14 }));
    const model = new RegionalModel(problem);
    constructGreedy(model);
    const lns = new LargeNeighbourhoodSearch(model, await getHighs(), { stepSeconds: 30, maxNodes: 500 });
    const rng = createRng(5);
    const plan = model.plan;
    for (let k = 0; k < 20; k++) {
      const hood = lns.chooseNeighbourhood(rng);
      const inWindow = new Set(hood.shifts);
      const canTakeOver = (from: number, to: number): boolean =>
        plan.workerShifts[from]!.some((s) => inWindow.has(s) && model.candidates[s]!.includes(to));
      const workers = Array.from(hood.workers);
      assert.equal(new Set(workers).size, workers.length, `hood ${k}: a worker twice`);
      workers.forEach((w, i) => {
        if (i === 0) return;
        const isLinked = workers.slice(0, i).some((v) => canTakeOver(v, w) || canTakeOver(w, v));
        assert.ok(isLinked, `hood ${k}: worker ${w} is linked to none of the ${i} taken before`);
      });
      let columns = 0;
      for (const w of workers) for (const s of hood.shifts) if (model.candidates[s]!.includes(w)) columns++;
      assert.equal(hood.columns, columns, `hood ${k}: free pairs`);
      assert.ok(workers.every((w) => hood.shifts.some((s) => model.candidates[s]!.includes(w))), `hood ${k}: a worker without pairs in the window`);
    }
  });

  it('anchors every neighbourhood in its thread\'s part of the horizon when given one', async () => {
    const problem = compileOrThrow(generateProblem({ seed: 6, workers: 60, days: 14 }));
    const model = new RegionalModel(problem);
    constructGreedy(model);
    const span = { from: problem.horizonStart + 10 * 86_400_000, to: Number.POSITIVE_INFINITY };
    const lns = new LargeNeighbourhoodSearch(model, await getHighs(), { stepSeconds: 30, maxNodes: 500, anchorSpan: span });
    const rng = createRng(9);
    for (let k = 0; k < 40; k++) {
      const hood = lns.chooseNeighbourhood(rng);
      // Windows are at most three days unless they had to grow: each reaches into the span.
      const lastStart = Math.max(...Array.from(hood.shifts, (s) => problem.shiftStart[s]!));
      assert.ok(lastStart >= span.from, `hood ${k} ends before the span`);
    }
  });

  it('has HiGHS stop at the first solution better than the start when asked, instead of proving the optimum', async () => {
    const problem = compileOrThrow(generateProblem({ seed: 7, workers: 20, days: 7 }));
    const model = new RegionalModel(problem);
    const all = (n: number): Int32Array => Int32Array.from({ length: n }, (_, i) => i);
    // The empty plan, everything free: a feasible start far from the optimum.
    const { mip, start } = buildRegionalMip(problem, model.candidates, { plan: model.plan, shifts: all(problem.shiftIds.length), workers: all(problem.workerIds.length) });
    assert.ok(start);
    const startObjective = objectiveOf(mip, start);
    const highs = await getHighs();
    const first = runHighs(highs, mip, { timeLimitSeconds: 30, start, stopWhenBetterThanStart: true });
    const proven = runHighs(highs, mip, { timeLimitSeconds: 30, start });
    assert.equal(first.status, 'interrupted');
    assert.equal(first.isStartUsed, true);
    assert.ok(first.objective !== null && first.objective < startObjective - 1, `${first.objective} vs start ${startObjective}`);
    assert.equal(proven.status, 'optimal');
    assert.ok(proven.objective !== null && proven.objective <= first.objective + 1e-6);
  });

  it('gives the same plan for a seed when the local search and the steps are budgeted', async () => {
    const problem = compileOrThrow(generateProblem({ seed: 8, workers: 30, days: 10 }));
    const run = () => searchThread(problem, { timeLimitMs: 600_000, maxIterations: 5000, lnsSteps: 6, seed: 4 });
    const [a, b] = [await run(), await run()];
    assert.deepEqual(b.assignments, a.assignments);
    const localOnly = await searchThread(problem, { timeLimitMs: 600_000, maxIterations: 5000, seed: 4 });
    assert.ok(a.score.soft <= localOnly.score.soft);
  });
});
