// Solves a Curtois instance with the shared local-search core: construct by per-employee DP, then
// alternate simulated annealing over cell, block and DP moves with exact repairs (a few employees
// over a window of days re-solved by HiGHS) until the time limit or a target objective.
import { systemClock, type Clock } from '../core/clock.js';
import { createRng, type Rng } from '../core/rng.js';
import { runLocalSearch, type Acceptance, type SearchProgress } from '../core/search.js';
import { isWorsening } from '../core/score.js';
import { getHighs } from '../highs/index.js';
import { evaluateRoster } from './evaluate.js';
import { createColumnGeneration } from './column-generation.js';
import { createExactRepair, type ExactRepair } from './exact-repair.js';
import { createEmptyRoster, type CurtoisProblem, type Roster } from './problem.js';
import { createCurtoisSearchModel, DEFAULT_MOVE_MIX, type CurtoisSearchModel, type MoveMix } from './search-model.js';

export interface CurtoisSolveOptions {
  timeLimitSeconds: number;
  seed?: number;
  /** Stop as soon as a feasible roster of this objective (e.g. a proven optimum) is found. */
  targetObjective?: number;
  /** Time source of every budget; a step clock (core/clock.ts) makes a run independent of the machine's speed. */
  clock?: Clock;
  /** Budget in local-search iterations (the exact repairs in between are counted apart, see `maxRepairs`). */
  maxIterations?: number;
  /** Budget of exact repairs (HiGHS sub-problems). 0 turns them off. */
  maxRepairs?: number;
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
  /** Exact repairs tried, and how many of them changed the roster. */
  repairs: number;
  repairsApplied: number;
  seconds: number;
}

const TIME_RESERVE = 0.03;
/** Share of the time limit construction may take before it switches to its cheaper DP. */
const CONSTRUCTION_SHARE = 0.3;
/** One round: annealing for this share of the limit (at least the minimum), then a few exact repairs. */
const ROUND_SHARE = 0.03;
const MIN_ROUND_MS = 500;
const REPAIRS_PER_ROUND = 8;
/** Cap on one exact repair's HiGHS time (its node budget normally ends it sooner). */
const REPAIR_TIME_SHARE = 0.04;
/** Column generation stops pricing at this share of the limit, and its dive must end by the next. */
const COLUMN_GENERATION_SHARE = 0.35;
const DIVE_SHARE = 0.55;
/** Pricing rounds column generation needs to converge, about (30–70 on Instances 3–10). */
const EXPECTED_PRICING_ROUNDS = 40;
// Temperatures in objective units: one uncovered shift costs 100, one extra employee 1.
const DEFAULT_ACCEPTANCE: Acceptance = { kind: 'simulated-annealing', startTemperature: 50, endTemperature: 2 };

export async function solveCurtois(problem: CurtoisProblem, options: CurtoisSolveOptions): Promise<CurtoisSolveResult> {
  const clock = options.clock ?? systemClock;
  const wallStarted = performance.now();
  const started = clock.now();
  // A reserve for the move or sub-problem in flight when the limit comes (a DP move on the largest
  // instances takes a second on a busy machine).
  const limitMs = options.timeLimitSeconds * 1000 * (1 - TIME_RESERVE);
  const remainingMs = () => limitMs - (clock.now() - started);
  const rng = createRng(options.seed ?? 1);
  const model = createCurtoisSearchModel(problem, createEmptyRoster(problem), options.moveMix ?? DEFAULT_MOVE_MIX);
  model.construct(rng, {
    // Extrapolate from the rows built so far: hurry once the whole would overrun its share.
    shouldHurry: (built, total) => built > 0 && ((limitMs - remainingMs()) / built) * total > CONSTRUCTION_SHARE * limitMs,
  });
  const constructionMs = limitMs - remainingMs();
  const maxIterations = options.maxIterations ?? Number.POSITIVE_INFINITY;
  const maxRepairs = options.maxRepairs ?? Number.POSITIVE_INFINITY;
  const highs = maxRepairs > 0 ? await getHighs() : undefined;
  // Column generation prices every employee's row once per round, about what construction cost;
  // it runs only when enough rounds fit in its share of the limit to converge.
  if (highs && constructionMs * EXPECTED_PRICING_ROUNDS < COLUMN_GENERATION_SHARE * limitMs) {
    const generation = createColumnGeneration(problem, highs);
    generation.addRoster(model.roster());
    const isOutOfTime = (share: number) => limitMs - remainingMs() > share * limitMs || options.shouldStop?.() === true;
    while (!isOutOfTime(COLUMN_GENERATION_SHARE) && generation.price(remainingMs() / 1000).added > 0);
    replaceRoster(problem, model, generation.dive(remainingMs() / 1000, () => isOutOfTime(DIVE_SHARE)));
  }
  const repair = highs && createExactRepair(problem, highs);
  const roundMs = Math.max(MIN_ROUND_MS, ROUND_SHARE * limitMs);
  const isAtTarget = () => options.targetObjective !== undefined && model.score().hard === 0 && model.score().soft <= options.targetObjective;
  let iterations = 0;
  let repairs = 0;
  let repairsApplied = 0;
  for (;;) {
    if (remainingMs() <= 0 || isAtTarget() || options.shouldStop?.() === true || (iterations >= maxIterations && repairs >= maxRepairs)) break;
    if (iterations < maxIterations) {
      // The core reads its clock every few dozen moves, and a DP move on a large instance can take
      // a second: past the round's end the model proposes nothing, so the loop stops on time.
      const roundEnd = clock.now() + Math.min(roundMs, remainingMs());
      const guarded: CurtoisSearchModel = { ...model, proposeMove: (r) => (clock.now() >= roundEnd ? undefined : model.proposeMove(r)) };
      const phase = runLocalSearch(guarded, {
        rng,
        clock,
        timeLimitMs: Math.min(roundMs, remainingMs()),
        maxIterations: maxIterations - iterations,
        acceptance: options.acceptance ?? DEFAULT_ACCEPTANCE,
        ...(options.targetObjective !== undefined && { targetScore: { hard: 0, soft: options.targetObjective } }),
        ...(options.onProgress && { onProgress: options.onProgress }),
        ...(options.shouldStop && { shouldStop: options.shouldStop }),
      });
      iterations += phase.iterations;
    }
    if (repair === undefined || model.score().hard > 0) continue;
    for (let i = 0; i < REPAIRS_PER_ROUND && repairs < maxRepairs && remainingMs() > 0 && !isAtTarget(); i++) {
      repairs++;
      if (applyRepair(problem, model, repair, rng, Math.min(remainingMs(), REPAIR_TIME_SHARE * limitMs) / 1000)) repairsApplied++;
    }
    // Let the event loop breathe between rounds (progress, cancellation, a HiGHS worker's messages).
    await new Promise((resolve) => setImmediate(resolve));
  }
  const roster = model.roster().slice();
  // The incremental score is checked against the full evaluator, which is the ground truth.
  const evaluation = evaluateRoster(problem, roster);
  return { roster, objective: evaluation.objective, isFeasible: evaluation.isFeasible, iterations, repairs, repairsApplied, seconds: (performance.now() - wallStarted) / 1000 };
}

/** Moves the model to `roster` when that is better on the hard rules, or as good and no worse on the objective. */
function replaceRoster(problem: CurtoisProblem, model: CurtoisSearchModel, roster: Roster): boolean {
  const h = problem.horizon;
  const current = model.roster();
  const employees: number[] = [];
  const rows: Int16Array[] = [];
  for (let e = 0; e < problem.employeeCount; e++) {
    const row = roster.subarray(e * h, (e + 1) * h);
    if (!row.every((v, d) => v === current[e * h + d])) {
      employees.push(e);
      rows.push(row.slice());
    }
  }
  if (employees.length === 0) return false;
  const move = { kind: 'exact-repair' as const, employees, rows };
  const delta = model.deltaOf(move);
  // The registry has the last word on the hard rules, whatever produced the rows.
  if (isWorsening(delta)) return false;
  model.applyMove(move);
  return true;
}

/** One exact repair on the model's roster; true when it changed the roster (never for the worse). */
function applyRepair(problem: CurtoisProblem, model: CurtoisSearchModel, repair: ExactRepair, rng: Rng, timeLimitSeconds: number): boolean {
  const proposal = repair.propose(model.roster(), model.score().soft, rng, timeLimitSeconds);
  if (!proposal) return false;
  const roster = model.roster().slice();
  proposal.rows.forEach((row, i) => roster.set(row, proposal.employees[i]! * problem.horizon));
  return replaceRoster(problem, model, roster);
}
