import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { createStepClock } from '../core/index.js';
import { compileOrThrow } from './compile.js';
import { constructGreedy } from './construct.js';
import type { ProblemDocument } from './documents.js';
import { generateProblem } from './generate.js';
import { buildCandidates, RegionalModel } from './model.js';
import { solveRegionalMip } from './mip.js';
import { runPortfolioTask, searchThread, solveProblem } from './solve.js';

const exSmall = (): ProblemDocument => JSON.parse(readFileSync(new URL('../../../../shared/instances/ex-small.json', import.meta.url), 'utf8')) as ProblemDocument;
const keyOf = (problem: { shiftIds: string[]; workerIds: string[] }, a: { shift: number; worker: number }): string => `${problem.shiftIds[a.shift]!}/${problem.workerIds[a.worker]!}`;

describe('solveProblem', () => {
  it('returns the same plan for the same seed and iteration budget, with one thread and with two', async () => {
    const document = generateProblem({ seed: 4, workers: 40, days: 7 });
    for (const threads of [1, 2]) {
      const options = { timeLimitMs: 600_000, maxIterations: 20_000, seed: 9, threads };
      const first = await solveProblem(document, options);
      const second = await solveProblem(document, options);
      assert.deepEqual(second.assignments, first.assignments);
      assert.equal(first.score.hard, 0);
    }
  });

  it('never moves pinned assignments, even where they cost more', async () => {
    const document = exSmall();
    const problem = compileOrThrow(document);
    const free = await solveProblem(document, { timeLimitMs: 600_000, maxIterations: 30_000, seed: 1 });
    const used = new Set(free.assignments.map((a) => keyOf(problem, a)));
    // Pin a candidate the free plan did not choose, plus half of what it did choose.
    const candidates = buildCandidates(problem);
    const shift = candidates.findIndex((list) => list.some((w) => !used.has(`${problem.shiftIds[candidates.indexOf(list)]!}/${problem.workerIds[w]!}`)));
    const worker = [...candidates[shift]!].find((w) => !used.has(`${problem.shiftIds[shift]!}/${problem.workerIds[w]!}`))!;
    const unusual = { shiftId: problem.shiftIds[shift]!, workerId: problem.workerIds[worker]! };
    const kept = free.assignments.filter((_, i) => i % 2 === 0).map((a) => ({ shiftId: problem.shiftIds[a.shift]!, workerId: problem.workerIds[a.worker]! }))
      .filter((p) => p.shiftId !== unusual.shiftId && p.workerId !== unusual.workerId);
    const pinned = [unusual, ...kept];
    const replanned = await solveProblem({ ...document, pinned }, { timeLimitMs: 600_000, maxIterations: 30_000, seed: 2 });
    const result = new Set(replanned.assignments.map((a) => keyOf(problem, a)));
    for (const pin of pinned) assert.ok(result.has(`${pin.shiftId}/${pin.workerId}`), `${pin.shiftId}/${pin.workerId} moved`);
    assert.equal(new Set(replanned.assignments.map((a) => keyOf(problem, a))).size, replanned.assignments.length);
  });

  it('keeps infeasible pins and reports the hard penalty instead of hiding it', async () => {
    const document = exSmall();
    const w1 = document.workers.find((w) => w.id === 'w-1')!;
    const foreign = document.shifts.find((s) => !w1.packages.includes(s.packageId))!;
    const result = await solveProblem({ ...document, pinned: [{ shiftId: foreign.id, workerId: 'w-1' }] }, { timeLimitMs: 600_000, maxIterations: 2000, seed: 1 });
    assert.ok(result.score.hard > 0);
  });
});

describe('a search thread', () => {
  it('hands the start back at once when it begins after the deadline (a busy machine)', async () => {
    const document = generateProblem({ seed: 2, workers: 20, days: 7 });
    const problem = compileOrThrow(document);
    const start = { candidates: buildCandidates(problem), assignments: [{ shift: 0, worker: problem.workerIds.length - 1 }] };
    const context = { seed: 1, threadIndex: 0, shouldStop: () => false, onProgress: () => undefined };
    const late = await runPortfolioTask({ document, options: { timeLimitMs: 1000 }, deadlineEpochMs: Date.now() - 1, finishMs: 0, start }, context);
    assert.deepEqual(late.assignments, start.assignments);
    assert.equal(late.iterations, 0);
    assert.equal(late.score.hard, Number.POSITIVE_INFINITY);
  });

  it('keeps searching locally when its move count is reached with too little time left for the steps', async () => {
    // On a step clock (1 ms per reading; the local search reads it every 64 moves) ex-small's 77 places reach
    // the count of 2,000 moves per place after about 2.4 s of a 3.5 s limit: under the 2 s the steps need.
    const problem = compileOrThrow(exSmall());
    const model = new RegionalModel(problem);
    constructGreedy(model);
    const count = 2000 * model.placeWorker.length;
    const result = await searchThread(problem, { timeLimitMs: 3500, seed: 1, clock: createStepClock(1) }, model);
    // Stopping at the count would return exactly `count` moves; the remaining ~1 s is about 70,000 more.
    assert.ok(result.iterations > count + 20_000, `${result.iterations} moves for a count of ${count}`);
    assert.equal(result.score.hard, 0);
  });
});

describe('solveProblem, isolated (as the server calls it)', () => {
  it('returns the same plan as in the calling thread', async () => {
    const document = generateProblem({ seed: 5, workers: 30, days: 7 });
    for (const threads of [1, 2]) {
      const options = { timeLimitMs: 600_000, maxIterations: 10_000, seed: 3, threads };
      const here = await solveProblem(document, options);
      const isolated = await solveProblem(document, { ...options, isolated: true });
      assert.deepEqual(isolated.assignments, here.assignments);
      assert.deepEqual(isolated.score, here.score);
    }
  });

  // One thread, and two with too little time to start a portfolio: both used to search on the caller's thread.
  for (const threads of [1, 2]) {
    it(`keeps the event loop free during a multi-second solve with ${threads} thread(s), and stops on the signal`, async () => {
      const document = generateProblem({ seed: 6, workers: 60, days: 14 });
      const timeLimitMs = 2500;
      let last = performance.now();
      let maxGapMs = 0;
      let ticks = 0;
      const timer = setInterval(() => {
        const now = performance.now();
        maxGapMs = Math.max(maxGapMs, now - last);
        last = now;
        ticks++;
      }, 20);
      const controller = new AbortController();
      const stopAt = setTimeout(() => controller.abort(), 60_000);
      let progressReports = 0;
      const solved = solveProblem(document, { timeLimitMs, seed: 1, threads, isolated: true, signal: controller.signal, onProgress: () => { progressReports++; } });
      const result = await solved;
      maxGapMs = Math.max(maxGapMs, performance.now() - last);
      clearInterval(timer);
      clearTimeout(stopAt);
      assert.equal(result.score.hard, 0);
      assert.ok(progressReports > 0);
      // Searching on this thread would stall the interval for the whole limit.
      assert.ok(maxGapMs < timeLimitMs / 3, `the event loop stalled for ${maxGapMs.toFixed(0)} ms`);
      assert.ok(ticks > 10, `the interval fired only ${ticks} times`);
    });
  }

  it('stops early when the signal aborts and still returns a plan', async () => {
    const document = generateProblem({ seed: 6, workers: 60, days: 14 });
    const controller = new AbortController();
    const startedAt = performance.now();
    // Progress comes from the search, so construction is done when the first report arrives.
    const result = await solveProblem(document, { timeLimitMs: 600_000, seed: 1, threads: 1, isolated: true, signal: controller.signal, onProgress: () => controller.abort() });
    assert.ok(controller.signal.aborted);
    assert.ok(performance.now() - startedAt < 300_000);
    assert.equal(result.score.hard, 0);
    assert.ok(result.assignments.length > 0);
  });
});

describe('the engine against the exact MIP (HiGHS)', () => {
  const cases: Array<[string, ProblemDocument]> = [
    ['ex-small', exSmall()],
    ...[1, 2, 3].map((seed): [string, ProblemDocument] => [`generated seed ${seed}`, generateProblem({ seed, workers: 10, days: 4 })]),
  ];
  for (const [name, document] of cases) {
    it(`reaches the proven optimum on ${name}`, async () => {
      const problem = compileOrThrow(document);
      const exact = await solveRegionalMip(problem, { timeLimitSeconds: 60 });
      assert.equal(exact.status, 'optimal');
      const optimum = exact.objective!;
      // The engine as it runs: local search, then large-neighbourhood steps (bounded by nodes, so reproducible).
      const result = await searchThread(problem, { timeLimitMs: 600_000, maxIterations: 400_000, lnsSteps: 10, seed: 1, targetSoft: optimum });
      assert.equal(result.score.hard, 0);
      assert.ok(result.score.soft <= optimum + 1e-6 * Math.max(1, optimum), `engine ${result.score.soft}, optimum ${optimum}`);
    });
  }
});
