// Solves a Curtois instance with the shared local-search core: construct by per-employee DP, then
// simulated annealing over cell, block and DP moves until the time limit or a target objective.
import { createRng } from '../core/rng.js';
import { runLocalSearch, type Acceptance, type SearchProgress } from '../core/search.js';
import type { Clock } from '../core/clock.js';
import { evaluateRoster } from './evaluate.js';
import { createEmptyRoster, type CurtoisProblem, type Roster } from './problem.js';
import { createCurtoisSearchModel, DEFAULT_MOVE_MIX, type MoveMix } from './search-model.js';

export interface CurtoisSolveOptions {
  timeLimitSeconds: number;
  seed?: number;
  /** Stop as soon as a feasible roster of this objective (e.g. a proven optimum) is found. */
  targetObjective?: number;
  clock?: Clock;
  maxIterations?: number;
  acceptance?: Acceptance;
  moveMix?: MoveMix;
  onProgress?: (progress: SearchProgress) => void;
  shouldStop?: () => boolean;
}

export interface CurtoisSolveResult {
  roster: Roster;
  objective: number;
  isFeasible: boolean;
  iterations: number;
  seconds: number;
}

export function solveCurtois(problem: CurtoisProblem, options: CurtoisSolveOptions): CurtoisSolveResult {
  const started = performance.now();
  const rng = createRng(options.seed ?? 1);
  const model = createCurtoisSearchModel(problem, createEmptyRoster(problem), options.moveMix ?? DEFAULT_MOVE_MIX);
  model.construct(rng);
  const elapsedMs = performance.now() - started;
  const result = runLocalSearch(model, {
    rng,
    timeLimitMs: Math.max(0, options.timeLimitSeconds * 1000 - elapsedMs),
    // Temperatures in objective units: one uncovered shift costs 100, one extra employee 1.
    acceptance: options.acceptance ?? { kind: 'simulated-annealing', startTemperature: 50, endTemperature: 2 },
    ...(options.clock && { clock: options.clock }),
    ...(options.maxIterations !== undefined && { maxIterations: options.maxIterations }),
    ...(options.targetObjective !== undefined && { targetScore: { hard: 0, soft: options.targetObjective } }),
    ...(options.onProgress && { onProgress: options.onProgress }),
    ...(options.shouldStop && { shouldStop: options.shouldStop }),
  });
  const roster = model.roster().slice();
  // The incremental score is checked against the full evaluator, which is the ground truth.
  const evaluation = evaluateRoster(problem, roster);
  return { roster, objective: evaluation.objective, isFeasible: evaluation.isFeasible, iterations: result.iterations, seconds: (performance.now() - started) / 1000 };
}
