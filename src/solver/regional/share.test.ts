import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createPeerPorts, createRng, Peers } from '../core/index.js';
import { getHighs } from '../highs/index.js';
import { compileOrThrow, type CompiledProblem } from './compile.js';
import { constructGreedy } from './construct.js';
import { generateProblem } from './generate.js';
import { LargeNeighbourhoodSearch } from './lns.js';
import { RegionalModel, type Move } from './model.js';
import { evaluatePlan } from './score.js';
import { describeMove, PlanExchange, translateMove } from './share.js';
import { anchorSpan } from './solve.js';

function greedyModel(problem: CompiledProblem): RegionalModel {
  const model = new RegionalModel(problem);
  constructGreedy(model);
  return model;
}

const sorted = (model: RegionalModel): string[] => model.assignments().map((a) => `${a.shift}:${a.worker}`).sort();

function assertExactScore(model: RegionalModel): void {
  const exact = evaluatePlan(model.plan).score;
  assert.equal(exact.hard, 0);
  assert.ok(Math.abs(model.score().soft - exact.soft) < 1e-6 * Math.max(1, exact.soft), `${model.score().soft} vs ${exact.soft}`);
}

describe('moves between threads', () => {
  it('makes the same change on an identical plan, whichever places hold the workers', async () => {
    const problem = compileOrThrow(generateProblem({ seed: 3, workers: 40, days: 14 }));
    const [a, b] = [greedyModel(problem), greedyModel(problem)];
    const moves: Move[] = [];
    const lns = new LargeNeighbourhoodSearch(a, await getHighs(), { stepSeconds: 30, maxNodes: 500, onApply: (move) => moves.push(move) });
    const rng = createRng(2);
    for (let k = 0; k < 30 && moves.length < 3; k++) {
      const before = moves.length;
      const expected = sorted(a);
      lns.step(rng);
      if (moves.length === before) continue;
      // The description is read before the move is applied: its `before` workers are those of the old plan.
      const message = describeMove(b, moves.at(-1)!);
      assert.deepEqual(sorted(b), expected);
      const move = translateMove(b, message);
      assert.ok(b.deltaOf(move).soft <= 0);
      b.applyMove(move);
      assert.deepEqual(sorted(b), sorted(a));
      assertExactScore(b);
    }
    assert.ok(moves.length > 0, 'no step improved the greedy plan');
  });

  it('leaves out the changes that no longer fit: a worker gone from the shift, one on it already, a shift without room', () => {
    const problem = compileOrThrow(generateProblem({ seed: 4, workers: 30, days: 7 }));
    // Translation looks at places only, so any workers will do for the plan it reads.
    const model = new RegionalModel(problem);
    const [a, b, full] = problem.shiftIds.map((_, s) => s).filter((s) => problem.shiftDemand[s] === 1);
    assert.ok(a !== undefined && b !== undefined && full !== undefined);
    model.setWorker(model.openPlaceOf(a), 0);
    model.setWorker(model.openPlaceOf(b), 1);
    model.setWorker(model.openPlaceOf(full), 2);
    const move = translateMove(model, {
      type: 'move',
      changes: Int32Array.from([
        b, 7, -1, //   worker 7 is not on shift b
        a, -1, 0, //   worker 0 is on shift a already
        full, -1, 9, // no open place
        b, 1, 9, //    fits: worker 9 takes over worker 1's place
      ]),
    });
    assert.deepEqual(move, [{ place: model.placeOf(b, 1), worker: 9 }]);
  });

  it('has the threads go on from the best plan offered, with every move another thread made that still improves it', async () => {
    const problem = compileOrThrow(generateProblem({ seed: 5, workers: 40, days: 14 }));
    const [good, poor] = [greedyModel(problem), greedyModel(problem)];
    // The poorer plan: a third of the greedy assignments undone.
    for (const [i, { shift, worker }] of poor.assignments().entries()) if (i % 3 === 0) poor.setWorker(poor.placeOf(shift, worker), -1);
    poor.rescore();
    assert.ok(poor.score().soft > good.score().soft);
    const [goodPorts, poorPorts] = createPeerPorts(2);
    const goodSide = new PlanExchange(good, new Peers(goodPorts!), 0);
    const poorSide = new PlanExchange(poor, new Peers(poorPorts!), 1);
    poorSide.offer();
    // The poorer thread improves its own plan first; those moves are made again on the better plan it takes over.
    const highs = await getHighs();
    let poorMoves = 0;
    const poorLns = new LargeNeighbourhoodSearch(poor, highs, { stepSeconds: 30, maxNodes: 500, onApply: (move) => { poorMoves++; poorSide.publish(move); } });
    for (let k = 0; k < 4; k++) poorLns.step(createRng(k));
    goodSide.offer();
    const goodLns = new LargeNeighbourhoodSearch(good, highs, { stepSeconds: 30, maxNodes: 500, onApply: (move) => goodSide.publish(move) });
    let goodMoves = 0;
    for (let k = 0; k < 30 && goodMoves < 2; k++) if (goodLns.step(createRng(100 + k)).delta.soft < 0) goodMoves++;
    assert.ok(goodMoves > 0, 'no step improved the greedy plan');
    const goodPlan = sorted(good);
    const goodScore = good.score().soft;

    poorSide.absorb();
    assertExactScore(poor);
    assert.equal(poorSide.applied, goodMoves);
    // The better plan with both threads' moves (each applied only when it did not worsen it).
    assert.ok(poor.score().soft <= goodScore + 1e-6);

    goodSide.absorb();
    assertExactScore(good);
    // The poorer plan is passed over; the other thread's own moves are tried on this plan.
    assert.ok(good.score().soft <= goodScore + 1e-6);
    assert.ok(poorMoves > 0);
    assert.equal(goodSide.applied + goodSide.rejected, poorMoves);
    if (goodSide.applied === 0) assert.deepEqual(sorted(good), goodPlan);
  });
});

describe('anchorSpan', () => {
  it('splits the horizon between the threads, the first and last parts reaching past its ends', () => {
    const problem = compileOrThrow(generateProblem({ seed: 1, workers: 10, days: 14 }));
    const spans = [0, 1, 2].map((t) => anchorSpan(problem, t, 3));
    assert.equal(spans[0]!.from, Number.NEGATIVE_INFINITY);
    assert.equal(spans[2]!.to, Number.POSITIVE_INFINITY);
    assert.equal(spans[0]!.to, spans[1]!.from);
    assert.equal(spans[1]!.to, spans[2]!.from);
    assert.ok(Math.abs(spans[1]!.to - spans[1]!.from - (problem.horizonEnd - problem.horizonStart) / 3) < 1);
  });
});
