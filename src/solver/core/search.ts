import { systemClock, type Clock } from './clock.js';
import type { Rng } from './rng.js';
import { compareScoreParts, compareScores, type Score } from './score.js';

/**
 * What the local search needs from a model. The model owns its working solution and its score;
 * the loop only proposes, evaluates and applies moves and keeps the best solution seen.
 */
export interface SearchModel<Move, Snapshot = unknown> {
  /** Score of the working solution. */
  score(): Score;
  /** A random move from the neighbourhood of the working solution, or undefined when none was found. */
  proposeMove(rng: Rng): Move | undefined;
  /** Score change the move would cause; the working solution is left as it was. */
  deltaOf(move: Move): Score;
  /** Perform the move (last evaluated by deltaOf) on the working solution. */
  applyMove(move: Move): void;
  /** A copy of the working solution that `restore` can bring back. */
  capture(): Snapshot;
  restore(snapshot: Snapshot): void;
}

export type Acceptance =
  | { kind: 'late-acceptance'; historyLength: number }
  | { kind: 'simulated-annealing'; startTemperature: number; endTemperature: number }
  | { kind: 'hill-climbing' };

export interface SearchProgress {
  elapsedMs: number;
  iterations: number;
  best: Score;
  current: Score;
}

export interface SearchOptions {
  rng: Rng;
  clock?: Clock;
  /** Wall-clock budget (measured on `clock`). */
  timeLimitMs: number;
  /** Iteration budget; with a step clock or this, a run is reproducible to the move. */
  maxIterations?: number;
  acceptance?: Acceptance;
  /** Iterations without a new best after which the search returns to the best solution. */
  restartAfterIdle?: number;
  /** Iterations without a new best after which the search stops (stop reason 'idle'), e.g. to change method. */
  stopAfterIdle?: number;
  /** Stop as soon as the best score is at least this good (a known optimum or bound). */
  targetScore?: Score;
  /** Polled between iterations; return true to stop (e.g. a cancelled job). */
  shouldStop?: () => boolean;
  onProgress?: (progress: SearchProgress) => void;
  progressIntervalMs?: number;
}

export type StopReason = 'time' | 'iterations' | 'target' | 'stopped' | 'exhausted' | 'idle';

export interface SearchResult {
  best: Score;
  iterations: number;
  elapsedMs: number;
  stopReason: StopReason;
}

const CLOCK_CHECK_EVERY = 64;
const MAX_EMPTY_PROPOSALS = 10_000;

/**
 * Anytime local search. Moves that worsen the hard score are only taken when the acceptance strategy allows
 * (late acceptance and hill climbing never do from a feasible state). The best solution is captured lazily —
 * only when the search is about to leave it — so frequent improvements cost no copying. On return the model
 * holds the best solution found.
 */
export function runLocalSearch<Move, Snapshot>(model: SearchModel<Move, Snapshot>, options: SearchOptions): SearchResult {
  const clock = options.clock ?? systemClock;
  const rng = options.rng;
  const acceptance = options.acceptance ?? { kind: 'late-acceptance', historyLength: 1000 };
  const maxIterations = options.maxIterations ?? Number.POSITIVE_INFINITY;
  const restartAfterIdle = options.restartAfterIdle ?? Number.POSITIVE_INFINITY;
  const stopAfterIdle = options.stopAfterIdle ?? Number.POSITIVE_INFINITY;
  const progressIntervalMs = options.progressIntervalMs ?? 1000;
  const startedAt = clock.now();
  let now = startedAt;
  let lastProgressAt = startedAt;

  let current = model.score();
  let best = current;
  let isAtBest = true;
  let isBestSaved = false;
  let snapshot: Snapshot | undefined;
  let iterations = 0;
  let idle = 0;
  let sinceBest = 0;
  let emptyProposals = 0;

  const historyLength = acceptance.kind === 'late-acceptance' ? Math.max(1, acceptance.historyLength) : 1;
  const historyHard = new Float64Array(historyLength).fill(current.hard);
  const historySoft = new Float64Array(historyLength).fill(current.soft);

  const report = (): void => options.onProgress?.({ elapsedMs: now - startedAt, iterations, best, current });
  const hasReachedTarget = (): boolean => options.targetScore !== undefined && compareScores(best, options.targetScore) <= 0;

  let stopReason: StopReason = hasReachedTarget() ? 'target' : 'time';
  if (stopReason !== 'target') {
    for (;;) {
      if (iterations % CLOCK_CHECK_EVERY === 0) {
        now = clock.now();
        if (now - startedAt >= options.timeLimitMs) { stopReason = 'time'; break; }
        if (options.shouldStop?.() === true) { stopReason = 'stopped'; break; }
        if (now - lastProgressAt >= progressIntervalMs) { lastProgressAt = now; report(); }
      }
      if (iterations >= maxIterations) { stopReason = 'iterations'; break; }
      if (sinceBest >= stopAfterIdle) { stopReason = 'idle'; break; }
      iterations++;
      sinceBest++;
      const move = model.proposeMove(rng);
      if (move === undefined) {
        if (++emptyProposals >= MAX_EMPTY_PROPOSALS) { stopReason = 'exhausted'; break; }
        continue;
      }
      emptyProposals = 0;
      const delta = model.deltaOf(move);
      // The candidate score stays in two numbers: an object per move showed in profiles.
      const candidateHard = current.hard + delta.hard;
      const candidateSoft = current.soft + delta.soft;
      const isNotWorse = compareScoreParts(candidateHard, candidateSoft, current.hard, current.soft) <= 0;
      let isAccepted: boolean;
      switch (acceptance.kind) {
        case 'late-acceptance': {
          const v = iterations % historyLength;
          isAccepted = isNotWorse || compareScoreParts(candidateHard, candidateSoft, historyHard[v]!, historySoft[v]!) <= 0;
          break;
        }
        case 'simulated-annealing': {
          if (isNotWorse) isAccepted = true;
          else if (candidateHard > current.hard) isAccepted = false;
          else {
            const progress = Math.min(1, Math.max((now - startedAt) / options.timeLimitMs, iterations / maxIterations));
            const temperature = acceptance.startTemperature * (acceptance.endTemperature / acceptance.startTemperature) ** progress;
            isAccepted = rng.nextFloat() < Math.exp(-(candidateSoft - current.soft) / temperature);
          }
          break;
        }
        case 'hill-climbing':
          isAccepted = isNotWorse;
          break;
      }
      if (isAccepted) {
        const candidate: Score = { hard: candidateHard, soft: candidateSoft };
        const isNewBest = compareScores(candidate, best) < 0;
        if (!isNewBest && isAtBest && !isBestSaved) {
          snapshot = model.capture();
          isBestSaved = true;
        }
        model.applyMove(move);
        current = candidate;
        if (isNewBest) {
          best = candidate;
          isAtBest = true;
          isBestSaved = false;
          idle = 0;
          sinceBest = 0;
          if (hasReachedTarget()) { stopReason = 'target'; break; }
        } else {
          isAtBest = false;
        }
      }
      if (acceptance.kind === 'late-acceptance') {
        const v = iterations % historyLength;
        historyHard[v] = current.hard;
        historySoft[v] = current.soft;
      }
      if (++idle >= restartAfterIdle) {
        idle = 0;
        if (!isAtBest && snapshot !== undefined) {
          model.restore(snapshot);
          current = best;
          isAtBest = true;
          historyHard.fill(current.hard);
          historySoft.fill(current.soft);
        }
      }
    }
  }
  if (!isAtBest && snapshot !== undefined) model.restore(snapshot);
  now = clock.now();
  current = best;
  report();
  return { best, iterations, elapsedMs: now - startedAt, stopReason };
}
