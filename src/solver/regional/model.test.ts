import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compileOrThrow } from './compile.js';
import { hardConstraints, softConstraints } from './constraints/index.js';
import { generateProblem } from './generate.js';
import { createRng } from '../core/index.js';
import { constructGreedy } from './construct.js';
import { buildCandidates, moveDeltas, RegionalModel, type Move } from './model.js';
import { evaluatePlan } from './score.js';

/** Applies the move unless it breaks a hard rule (then false), and checks its delta against a full recompute. */
function applyChecked(model: RegionalModel, move: Move): boolean {
  const delta = model.deltaOf(move);
  if (delta.hard > 0) return false;
  const expected = model.score().soft + delta.soft;
  model.applyMove(move);
  const full = evaluatePlan(model.plan).score;
  assert.equal(full.hard, 0);
  assert.ok(Math.abs(full.soft - expected) < 1e-6 * Math.max(1, Math.abs(expected)));
  return true;
}

describe('moveDeltas', () => {
  it('scores with exactly the registry\'s non-pairwise hard rules and soft terms, to the last bit', () => {
    const problem = compileOrThrow(generateProblem({ seed: 12, workers: 40, days: 14 }));
    const model = new RegionalModel(problem);
    constructGreedy(model);
    const plan = model.plan;
    const hard = hardConstraints.filter((c) => !c.isPairwise);
    const sum = (rules: typeof hardConstraints | typeof softConstraints, delta: 'deltaAssign' | 'deltaUnassign', shift: number, worker: number): number => {
      let total = 0;
      for (const c of rules) total += c[delta](plan, shift, worker);
      return total;
    };
    const rng = createRng(3);
    let added = 0;
    let removed = 0;
    let hardHits = 0;
    for (let k = 0; k < 3000; k++) {
      const shift = rng.nextInt(problem.shiftIds.length);
      const worker = rng.nextInt(problem.workerIds.length);
      if (plan.hasAssignment(shift, worker)) {
        removed++;
        assert.equal(moveDeltas.hardUnassign(plan, shift, worker, 0), sum(hard, 'deltaUnassign', shift, worker));
        assert.equal(moveDeltas.softUnassign(plan, shift, worker, 0), sum(softConstraints, 'deltaUnassign', shift, worker));
      } else {
        added++;
        const expected = sum(hard, 'deltaAssign', shift, worker);
        if (expected > 0) hardHits++;
        assert.equal(moveDeltas.hardAssign(plan, shift, worker, 0), expected);
        assert.equal(moveDeltas.softAssign(plan, shift, worker, 0), sum(softConstraints, 'deltaAssign', shift, worker));
      }
    }
    // Some shifts were full or clashed (hard rules fired) and some pairs were taken off, so every path was compared.
    assert.ok(added > 0 && removed > 0 && hardHits > 0, `${added} added, ${removed} removed, ${hardHits} hard`);
  });
});

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

describe('block swaps', () => {
  it('exchange the shifts two workers have in a window, only between candidates, never pinned places, scored as a full recompute', () => {
    const document = generateProblem({ seed: 5, workers: 40, days: 14, places: 300 });
    const plain = compileOrThrow(document);
    const seeded = new RegionalModel(plain);
    constructGreedy(seeded);
    const pinned = seeded.assignments().filter((_, k) => k % 7 === 0).map(({ shift, worker }) => ({ shiftId: plain.shiftIds[shift]!, workerId: plain.workerIds[worker]! }));
    const problem = compileOrThrow({ ...document, pinned });
    const model = new RegionalModel(problem, { fill: 0, change: 0, swap: 0, block: 1 });
    for (const { shift, worker } of seeded.assignments()) if (model.placeOf(shift, worker) < 0) model.setWorker(model.openPlaceOf(shift), worker);
    model.rescore();
    const rng = createRng(3);
    let proposed = 0;
    let multi = 0;
    for (let k = 0; k < 3000; k++) {
      const move = model.proposeMove(rng);
      if (!move) continue;
      proposed++;
      const before = move.map(({ place }) => model.placeWorker[place]!);
      const workers = new Set([...before, ...move.map((c) => c.worker)]);
      assert.equal(workers.size, 2, 'a block swap moves shifts between two workers');
      if (move.length > 1) multi++;
      for (const [i, { place, worker }] of move.entries()) {
        assert.equal(model.placePinned[place], 0);
        assert.ok(model.candidates[model.placeShift[place]!]!.includes(worker));
        assert.notEqual(worker, before[i]);
      }
      applyChecked(model, move);
    }
    assert.ok(proposed > 100 && multi > 10, `${proposed} proposed, ${multi} with more than one shift`);
    const placed = new Set(model.assignments().map(({ shift, worker }) => `${shift}/${worker}`));
    for (const pin of problem.pinned) assert.ok(placed.has(`${pin.shift}/${pin.worker}`));
  });
});

describe('ejection chains', () => {
  it('may come round to a worker who gives up a clashing shift in the same move, and score it as a full recompute', () => {
    const problem = compileOrThrow(generateProblem({ seed: 5, workers: 40, days: 14, places: 300 }));
    const model = new RegionalModel(problem, { fill: 0.5, change: 0.5, swap: 0, block: 0 });
    constructGreedy(model);
    model.rescore();
    const restMs = problem.minRestMinutes * 60_000;
    const clashes = (a: number, b: number): boolean => problem.shiftStart[a]! < problem.shiftEnd[b]! + restMs && problem.shiftStart[b]! < problem.shiftEnd[a]! + restMs;
    const rng = createRng(7);
    let roundTrips = 0;
    for (let k = 0; k < 20_000; k++) {
      const move = model.proposeMove(rng);
      if (!move) continue;
      assert.equal(new Set(move.map((c) => c.place)).size, move.length, 'each place once');
      // The worker the chain's first place is taken from takes, further down the chain, a shift within rest
      // distance of that place.
      const first = move[0]!.place;
      const displaced = model.placeWorker[first]!;
      const isRoundTrip = displaced >= 0 && move.some(({ place, worker }) => worker === displaced && clashes(model.placeShift[place]!, model.placeShift[first]!));
      if (applyChecked(model, move) && isRoundTrip) roundTrips++;
    }
    assert.ok(roundTrips > 0, 'no feasible chain came round to the worker it started from');
  });
});
