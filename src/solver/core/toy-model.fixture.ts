// A tiny knapsack-like model used by the core's tests: choose items, at most `capacity` of them (hard);
// a chosen item costs `cost[i]`, an unchosen one `miss[i]` (soft).
import { isMainThread } from 'node:worker_threads';
import type { PortfolioTaskContext } from './portfolio.js';
import { createRng, type Rng } from './rng.js';
import type { Score } from './score.js';
import { runLocalSearch, type SearchModel } from './search.js';

export interface ToyInput {
  cost: number[];
  miss: number[];
  capacity: number;
}

export class ToyModel implements SearchModel<[number, number], Uint8Array> {
  readonly chosen: Uint8Array;
  private current: Score;

  constructor(private readonly input: ToyInput) {
    this.chosen = new Uint8Array(input.cost.length);
    this.current = this.recompute();
  }

  recompute(): Score {
    let count = 0;
    let soft = 0;
    this.chosen.forEach((c, i) => {
      count += c;
      soft += c === 1 ? this.input.cost[i]! : this.input.miss[i]!;
    });
    return { hard: Math.max(0, count - this.input.capacity), soft };
  }

  score(): Score { return this.current; }
  /** Flip one item, or (second index >= 0) flip two: a swap keeps the count when the knapsack is full. */
  proposeMove(rng: Rng): [number, number] {
    return [rng.nextInt(this.chosen.length), rng.nextFloat() < 0.5 ? -1 : rng.nextInt(this.chosen.length)];
  }
  deltaOf(move: [number, number]): Score {
    const before = this.current;
    const flipped = this.chosen.slice();
    for (const i of move) if (i >= 0) flipped[i] = flipped[i] === 1 ? 0 : 1;
    const saved = this.chosen.slice();
    this.chosen.set(flipped);
    const after = this.recompute();
    this.chosen.set(saved);
    return { hard: after.hard - before.hard, soft: after.soft - before.soft };
  }
  applyMove(move: [number, number]): void {
    for (const i of move) if (i >= 0) this.chosen[i] = this.chosen[i] === 1 ? 0 : 1;
    this.current = this.recompute();
  }
  capture(): Uint8Array { return this.chosen.slice(); }
  restore(snapshot: Uint8Array): void {
    this.chosen.set(snapshot);
    this.current = this.recompute();
  }
}

export function optimumOf(input: ToyInput): number {
  const gains = input.cost.map((c, i) => input.miss[i]! - c).filter((g) => g > 0).sort((a, b) => b - a);
  return input.miss.reduce((a, m) => a + m, 0) - gains.slice(0, input.capacity).reduce((a, g) => a + g, 0);
}

export function runPortfolioTask(input: ToyInput, context: PortfolioTaskContext): { score: Score; chosen: number[] } {
  const model = new ToyModel(input);
  const result = runLocalSearch(model, {
    rng: createRng(context.seed), timeLimitMs: 60_000, maxIterations: 2000, shouldStop: context.shouldStop, onProgress: context.onProgress,
  });
  return { score: result.best, chosen: [...model.chosen] };
}

/** Says where it ran: tells the portfolio tests whether a task left the calling thread. */
export function reportThread(_input: unknown, context: PortfolioTaskContext): { score: Score; isMainThread: boolean; seed: number } {
  return { score: { hard: 0, soft: 0 }, isMainThread, seed: context.seed };
}

/** Tells every other thread its index and collects theirs (waiting up to 10 s), through the portfolio's peers. */
export function greetPeers(_input: unknown, context: PortfolioTaskContext): { score: Score; heard: number[]; peers: number } {
  const peers = context.peers;
  if (!peers) return { score: { hard: 0, soft: 0 }, heard: [], peers: 0 };
  peers.broadcast(context.threadIndex);
  const heard: number[] = [];
  const until = Date.now() + 10_000;
  while (heard.length < peers.count && Date.now() < until) heard.push(...(peers.receive() as number[]));
  return { score: { hard: 0, soft: 0 }, heard: heard.sort((a, b) => a - b), peers: peers.count };
}
