import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  addScores, compareScores, createRng, createStepClock, formatScore, isBetter, isFeasible, isWorsening, runLocalSearch, runPortfolio, seedOfThread,
  ZERO_SCORE, type Acceptance,
} from './index.js';
import { optimumOf, runPortfolioTask, ToyModel, type greetPeers, type reportThread, type ToyInput } from './toy-model.fixture.js';
import { createPeerPorts, Peers } from './peers.js';

function buildToyInput(seed: number, n = 40): ToyInput {
  const rng = createRng(seed);
  return {
    cost: Array.from({ length: n }, () => rng.nextInt(50)),
    miss: Array.from({ length: n }, () => rng.nextInt(100)),
    capacity: Math.floor(n / 3),
  };
}

describe('createRng', () => {
  it('repeats its sequence for the same seed and differs for another', () => {
    const a = createRng(7);
    const b = createRng(7);
    const c = createRng(8);
    const xs = Array.from({ length: 20 }, () => a.nextFloat());
    assert.deepEqual(Array.from({ length: 20 }, () => b.nextFloat()), xs);
    assert.notDeepEqual(Array.from({ length: 20 }, () => c.nextFloat()), xs);
  });

  it('draws integers in range', () => {
    const rng = createRng(1);
    for (let i = 0; i < 1000; i++) {
      const k = rng.nextInt(5);
      assert.ok(Number.isInteger(k) && k >= 0 && k < 5);
    }
  });
});

describe('compareScores', () => {
  it('ranks any hard penalty above every soft one and treats tiny soft differences as ties', () => {
    assert.ok(compareScores({ hard: 0, soft: 1e9 }, { hard: 1, soft: 0 }) < 0);
    assert.ok(compareScores({ hard: 0, soft: 1 }, { hard: 0, soft: 2 }) < 0);
    assert.equal(compareScores({ hard: 0, soft: 1e6 }, { hard: 0, soft: 1e6 + 1e-7 }), 0);
  });

  it('has helpers that agree with it', () => {
    assert.equal(isBetter({ hard: 0, soft: 5 }, { hard: 0, soft: 6 }), true);
    assert.equal(isBetter(ZERO_SCORE, ZERO_SCORE), false);
    assert.deepEqual(addScores({ hard: 1, soft: 2 }, { hard: 3, soft: 4.5 }), { hard: 4, soft: 6.5 });
    assert.equal(isFeasible({ hard: 0, soft: 9 }), true);
    assert.equal(isFeasible({ hard: 2, soft: 0 }), false);
    assert.equal(formatScore({ hard: 0, soft: 12.3456 }), '0hard/12.346soft');
  });

  it('calls a change worsening exactly, without the soft tolerance of a comparison', () => {
    assert.equal(isWorsening({ hard: 1, soft: -1e9 }), true);
    assert.equal(isWorsening({ hard: -1, soft: 1e9 }), false);
    assert.equal(isWorsening({ hard: 0, soft: 1e-12 }), true);
    assert.equal(isWorsening(ZERO_SCORE), false);
    assert.equal(isWorsening({ hard: 0, soft: -5 }), false);
  });
});

describe('runLocalSearch', () => {
  const strategies: Acceptance[] = [
    { kind: 'late-acceptance', historyLength: 20 },
    { kind: 'simulated-annealing', startTemperature: 20, endTemperature: 0.1 },
    { kind: 'hill-climbing' },
  ];
  for (const acceptance of strategies) {
    it(`reaches the optimum of a small model with ${acceptance.kind} and leaves the model at its best`, () => {
      const input = buildToyInput(3);
      const model = new ToyModel(input);
      const result = runLocalSearch(model, { rng: createRng(5), timeLimitMs: 1e9, maxIterations: 20_000, acceptance, restartAfterIdle: 2000 });
      assert.equal(result.best.hard, 0);
      assert.equal(result.best.soft, optimumOf(input));
      assert.deepEqual(model.recompute(), result.best);
    });
  }

  it('is reproducible for a seed with a step clock', () => {
    const input = buildToyInput(4);
    const run = (): number[] => {
      const model = new ToyModel(input);
      runLocalSearch(model, { rng: createRng(9), clock: createStepClock(1), timeLimitMs: 300 });
      return [...model.chosen];
    };
    assert.deepEqual(run(), run());
  });

  it('stops on the target score and on the stop signal', () => {
    const input = buildToyInput(5);
    const target = { hard: 0, soft: optimumOf(input) };
    const reached = runLocalSearch(new ToyModel(input), { rng: createRng(1), timeLimitMs: 1e9, maxIterations: 1e6, targetScore: target });
    assert.equal(reached.stopReason, 'target');
    const stopped = runLocalSearch(new ToyModel(input), { rng: createRng(1), timeLimitMs: 1e9, shouldStop: () => true });
    assert.equal(stopped.stopReason, 'stopped');
    assert.equal(stopped.iterations, 0);
  });

  it('stops after a stretch without a new best when told to, holding the best', () => {
    const input = buildToyInput(7);
    const model = new ToyModel(input);
    const result = runLocalSearch(model, { rng: createRng(2), timeLimitMs: 1e9, maxIterations: 1e7, stopAfterIdle: 3000 });
    assert.equal(result.stopReason, 'idle');
    assert.ok(result.iterations < 1e7 && result.iterations >= 3000);
    assert.deepEqual(model.recompute(), result.best);
  });

  it('reports progress with the best score', () => {
    const seen: number[] = [];
    runLocalSearch(new ToyModel(buildToyInput(6)), {
      rng: createRng(1), clock: createStepClock(1), timeLimitMs: 1000, progressIntervalMs: 100, onProgress: (p) => seen.push(p.best.soft),
    });
    assert.ok(seen.length >= 2);
    assert.ok(seen.every((s, i) => i === 0 || s <= seen[i - 1]!));
  });
});

describe('runPortfolio', () => {
  it('runs one task per thread with derived seeds and returns the best', async () => {
    const input = buildToyInput(8);
    const moduleUrl = new URL('./toy-model.fixture.ts', import.meta.url).href;
    const portfolio = await runPortfolio<ToyInput, ReturnType<typeof runPortfolioTask>>({ moduleUrl, input, threads: 2, seed: 11 });
    assert.equal(portfolio.results.length, 2);
    const direct = [0, 1].map((i) => runPortfolioTask(input, { seed: seedOfThread(11, i), threadIndex: i, shouldStop: () => false, onProgress: () => undefined }));
    assert.deepEqual(portfolio.results, direct);
    assert.ok(portfolio.results.every((r) => compareScores(portfolio.best.score, r.score) <= 0));
  });

  it('runs one thread in the calling thread, or in a worker thread when isolated, with the same result', async () => {
    const moduleUrl = new URL('./toy-model.fixture.ts', import.meta.url).href;
    const here = await runPortfolio<null, ReturnType<typeof reportThread>>({ moduleUrl, exportName: 'reportThread', input: null, threads: 1, seed: 3 });
    const isolated = await runPortfolio<null, ReturnType<typeof reportThread>>({ moduleUrl, exportName: 'reportThread', input: null, threads: 1, seed: 3, isolated: true });
    assert.equal(here.best.isMainThread, true);
    assert.equal(isolated.best.isMainThread, false);
    assert.equal(isolated.best.seed, here.best.seed);
    const input = buildToyInput(8);
    const plain = await runPortfolio<ToyInput, ReturnType<typeof runPortfolioTask>>({ moduleUrl, input, threads: 1, seed: 11 });
    const inWorker = await runPortfolio<ToyInput, ReturnType<typeof runPortfolioTask>>({ moduleUrl, input, threads: 1, seed: 11, isolated: true });
    assert.deepEqual(inWorker.results, plain.results);
  });

  it('connects the threads: each can tell every other something while it runs, and one thread has no peers', async () => {
    const moduleUrl = new URL('./toy-model.fixture.ts', import.meta.url).href;
    const three = await runPortfolio<null, ReturnType<typeof greetPeers>>({ moduleUrl, exportName: 'greetPeers', input: null, threads: 3, seed: 1 });
    assert.deepEqual(three.results.map((r) => r.peers), [2, 2, 2]);
    assert.deepEqual(three.results.map((r) => r.heard), [[1, 2], [0, 2], [0, 1]]);
    const one = await runPortfolio<null, ReturnType<typeof greetPeers>>({ moduleUrl, exportName: 'greetPeers', input: null, threads: 1, seed: 1, isolated: true });
    assert.equal(one.best.peers, 0);
  });
});

describe('Peers', () => {
  it('reads what the others sent without yielding to the event loop, oldest first, each message once', () => {
    const ports = createPeerPorts(3);
    const [a, b, c] = ports.map((p) => new Peers(p));
    a!.broadcast({ n: 1 });
    a!.broadcast({ n: 2 });
    c!.broadcast({ n: 3 });
    assert.deepEqual(b!.receive(), [{ n: 1 }, { n: 2 }, { n: 3 }]);
    assert.deepEqual(b!.receive(), []);
    assert.deepEqual(c!.receive(), [{ n: 1 }, { n: 2 }]);
    assert.deepEqual(a!.receive(), [{ n: 3 }]);
    for (const p of [a, b, c]) p!.close();
  });
});
