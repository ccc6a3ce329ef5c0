import {
  createRng, runLocalSearch, runPortfolio, systemClock, type Acceptance, type Clock, type PortfolioTaskContext, type Peers, type Score, type SearchOptions,
  type SearchProgress,
} from '../core/index.js';
import { getHighs } from '../highs/index.js';
import { compileOrThrow, type CompiledProblem } from './compile.js';
import { constructGreedy } from './construct.js';
import { SOLUTION_FORMAT, type ScoreBreakdown, type SolutionDocument } from './documents.js';
import { LargeNeighbourhoodSearch } from './lns.js';
import { buildCandidates, DEFAULT_MOVE_MIX, RegionalModel, type Move } from './model.js';
import { PlanExchange } from './share.js';
import { Plan } from './plan.js';
import { evaluatePlan } from './score.js';

export interface SolveOptions {
  timeLimitMs: number;
  seed?: number;
  threads?: number;
  /** Iteration budget per thread; with it a solve is reproducible regardless of machine speed. */
  maxIterations?: number;
  /**
   * Large-neighbourhood steps (HiGHS on a sub-model) after the local search: with a time limit they take
   * the time the local search leaves (see LOCAL_SEARCH_SHARE); with an iteration budget this many steps,
   * bounded by branch-and-bound nodes rather than time, so the plan stays reproducible. 0 turns them off.
   */
  lnsSteps?: number;
  acceptance?: Acceptance;
  /** Stop as soon as the total reaches this (e.g. a proven optimum in tests). */
  targetSoft?: number;
  clock?: Clock;
  signal?: AbortSignal;
  /** Polled like `signal` (a flag shared with another thread). */
  shouldStop?: () => boolean;
  /**
   * Run the whole solve — compiling, construction and search — in a worker thread, even with one thread, so
   * the calling thread's event loop stays free (the server solves in-process). Same plans as without.
   */
  isolated?: boolean;
  onProgress?: (progress: SearchProgress & { threadIndex: number }) => void;
}

export interface SolveResult {
  assignments: Array<{ shift: number; worker: number }>;
  score: Score;
  breakdown: ScoreBreakdown;
  iterations: number;
  threads: number;
}

interface TaskInput {
  document: unknown;
  options: Omit<SolveOptions, 'clock' | 'signal' | 'onProgress' | 'threads' | 'seed'>;
  /** Wall-clock deadline (Date.now() scale): thread start-up counts against the caller's time limit. */
  deadlineEpochMs: number;
  /** Time a thread keeps back for rescoring and handing its plan over (ms). */
  finishMs: number;
  start: StartingPoint;
}

/** A constructed plan to search from, with the candidate lists it was built on. */
export interface StartingPoint {
  candidates: Int32Array[];
  assignments: Array<{ shift: number; worker: number }>;
}

interface TaskResult {
  score: Score;
  assignments: Array<{ shift: number; worker: number }>;
  iterations: number;
}

/**
 * Threads are started only with this much time left after construction, plus a few times what compiling
 * took (each thread copies the document, compiles it and rebuilds the plan before it searches).
 */
const MIN_PORTFOLIO_MS = 5000;
const THREAD_START_PER_COMPILE = 4;

/** Restarts from the best when late acceptance has wandered this long without improving it. */
const RESTART_AFTER_IDLE = 200_000;

/**
 * Late acceptance history length, by the number of places. Longer histories accept worse plans for longer:
 * on a small region, where a thread makes thousands of moves per place, that escapes local optima; on a
 * large one, with few moves per place, it wanders off a good construction faster than it finds better plans.
 * Measured with block swaps of four tries (2026-11-23, quiet machine): ex-medium (863 places), one thread,
 * 8 s, seeds 1–6, mean: 100 → 297,384, 200 → 296,698, 400 → 296,115 (better on every seed), 600 → 296,332,
 * 800 → 296,165; two threads, 10 s, seeds 1–8: 200 → 296,443, 400 → 295,929; 800 → 296,300 (seeds 1–4).
 * ex-large (23,000 places), two threads, 30 s: 200 → 7,178,960, 400 → 7,299,842. Earlier, with single-try
 * block swaps and at equal move counts, 200 had beaten 50 to 10,000 on ex-medium and 5,000 on ex-large.
 */
function lateAcceptanceHistory(places: number): number {
  return places <= LONG_HISTORY_MAX_PLACES ? 400 : 200;
}
/** Up to this many places the longer history: measured at 863 (better) and 23,000 (worse) only. */
const LONG_HISTORY_MAX_PLACES = 5000;

type ThreadOptions = SolveOptions & { seed: number; shouldStop?: () => boolean; peers?: Peers; threadIndex?: number };

/** Share of the time limit by which construction should be done (it speeds up when behind; see construct.ts). */
const CONSTRUCTION_SHARE = 0.6;
/**
 * Share of the time limit after which candidate lists stop (highest priorities first), so that a busy machine
 * still leaves construction time to fill what they cover (at load average 12, the 10,000-worker lists took
 * the whole 30 s and the plan stayed empty).
 */
const CANDIDATES_SHARE = 0.4;

/**
 * Time kept back at the end for rescoring from scratch and building the solution. Both cost about as much
 * CPU as compiling the document (0.6 vs 0.85 CPU-s at 100,000 places), and the compile time measured in
 * this run already carries the machine's load (×4 at load average 15), so that is the estimate.
 */
function finishReserveMs(compileMs: number, timeLimitMs: number): number {
  return Math.min(0.1 * timeLimitMs, 100 + compileMs);
}

/**
 * Candidate lists (stopped after CANDIDATES_SHARE of the time) and greedy construction (paced to be done
 * by CONSTRUCTION_SHARE), both stopped at `budget.stopAt` (on `clock`), leaving places open.
 */
export function constructStart(problem: CompiledProblem, clock: Clock, budget: { timeLimitMs: number; stopAt: number }, shouldStop: () => boolean = () => false): RegionalModel {
  const startedAt = clock.now();
  const paceBy = startedAt + CONSTRUCTION_SHARE * budget.timeLimitMs;
  const isOutOfTime = (): boolean => clock.now() >= budget.stopAt || shouldStop();
  const candidatesBy = startedAt + CANDIDATES_SHARE * budget.timeLimitMs;
  const candidates = buildCandidates(problem, () => clock.now() >= candidatesBy || isOutOfTime());
  const model = new RegionalModel(problem, DEFAULT_MOVE_MIX, candidates);
  constructGreedy(model, { shouldStop: isOutOfTime, timeLeft: () => Math.max(0, (paceBy - clock.now()) / Math.max(1, paceBy - startedAt)) });
  return model;
}

/** The search model at the starting point (built here when none is given). */
function startModel(problem: CompiledProblem, options: ThreadOptions, clock: Clock, start?: StartingPoint | RegionalModel): RegionalModel {
  if (start instanceof RegionalModel) return start;
  const now = clock.now();
  if (!start) return constructStart(problem, clock, { timeLimitMs: options.timeLimitMs, stopAt: now + options.timeLimitMs }, options.shouldStop);
  const from = start;
  const model = new RegionalModel(problem, DEFAULT_MOVE_MIX, from.candidates);
  for (const { shift, worker } of from.assignments) {
    // Pinned pairs are in place already.
    if (model.placeOf(shift, worker) < 0) model.setWorker(model.openPlaceOf(shift), worker);
  }
  model.rescore();
  return model;
}

function localSearchOptions(options: ThreadOptions, clock: Clock, timeLimitMs: number, places: number): SearchOptions {
  return {
    rng: createRng(options.seed),
    clock,
    timeLimitMs: Math.max(0, timeLimitMs),
    ...(options.maxIterations !== undefined && { maxIterations: options.maxIterations }),
    acceptance: options.acceptance ?? { kind: 'late-acceptance', historyLength: lateAcceptanceHistory(places) },
    restartAfterIdle: RESTART_AFTER_IDLE,
    ...(options.targetSoft !== undefined && { targetScore: { hard: 0, soft: options.targetSoft } }),
    ...(options.shouldStop && { shouldStop: options.shouldStop }),
    ...(options.onProgress && { onProgress: (p: SearchProgress) => options.onProgress?.({ ...p, threadIndex: 0 }) }),
  };
}

/** Local search alone from a starting point (or from a fresh construction) in the calling thread. */
export function searchInThread(problem: CompiledProblem, options: ThreadOptions, start?: StartingPoint | RegionalModel): TaskResult {
  const clock = options.clock ?? systemClock;
  const startedAt = clock.now();
  const model = startModel(problem, options, clock, start);
  const result = runLocalSearch(model, localSearchOptions(options, clock, options.timeLimitMs - (clock.now() - startedAt), model.placeWorker.length));
  model.rescore();
  return { score: model.score(), assignments: model.assignments(), iterations: result.iterations };
}

/**
 * Moves without a new best, per place, after which the local search counts as stalled and large-neighbourhood
 * steps take over. Measured on ex-medium: the local search still improves steadily up to about 10M moves, and
 * in the first 10 CPU-seconds it gains more per second than the steps do (297,976 alone vs 299,166–300,611
 * with the steps from 30 % or 60 % of the time on; seed 2: 297,214 alone vs 297,432 with steps after 200,000
 * idle moves); once it stalls, the steps keep improving. On the smaller gen-60x14 the steps pay earlier:
 * after 1M idle moves 307,688 on average over seeds 1–3 (10 CPU-s), after 200,000 307,561, after 420,000
 * 307,518 (once the proven optimum, 307,315.2). 1,000 per place is 863,000 on ex-medium, 420,000 there.
 */
const LNS_AFTER_IDLE_PER_PLACE = 1000;
const LNS_MIN_AFTER_IDLE = 100_000;
/**
 * Moves per place after which the steps take over even when the local search has not stalled. Worth it since
 * the steps stop at the first better solution of each sub-model (2026-11-24): ex-medium, two threads, 10 s,
 * seeds 1–8, mean: 600 → 295,985, 1,000 → 295,358, 1,200 → 295,386 (seeds 9–16: 295,435), 1,500 → 295,411,
 * 2,200 → 295,441, 3,000 → 295,530, against 295,830 with the idle rule alone. Measured again once the
 * threads shared one plan during the steps (share.ts), seeds 1–8: 800 → 295,786, 1,200 → 295,211–295,334
 * (three runs), 1,600 → 295,194, 2,000 → 295,072 (seeds 9–16: 295,349 against 295,455 with 1,200),
 * 2,500 → 295,263; 2,000 on one thread and 1,000 on the other (its steps starting early) 295,437. Counting
 * moves rather than time keeps the rule independent of the machine and of the problem's size: on ex-large
 * (23,000 places) a thread makes about 180 moves per place in 30 s, so the local search keeps the whole
 * limit there.
 */
const LNS_AFTER_MOVES_PER_PLACE = 2000;
const LNS_STEP_SECONDS = 2;
const LNS_MIN_REMAINING_MS = 2000;
const LNS_MIN_STEP_MS = 200;
/** Node limit of a step in a budgeted (reproducible) run; with a time limit the step's time bounds it. */
const LNS_MAX_NODES = 500;

/**
 * Local search until it stalls or has made LNS_AFTER_MOVES_PER_PLACE moves per place, then
 * large-neighbourhood steps on its best plan: the local search finds the cheap gains fast; the steps then
 * re-solve windows of the plan exactly, which no single move or chain of the local search can do.
 */
export async function searchThread(problem: CompiledProblem, options: ThreadOptions, start?: StartingPoint | RegionalModel): Promise<TaskResult> {
  const clock = options.clock ?? systemClock;
  const startedAt = clock.now();
  const isBudgeted = options.maxIterations !== undefined;
  const steps = options.lnsSteps ?? (isBudgeted ? 0 : Number.POSITIVE_INFINITY);
  if (steps === 0) return searchInThread(problem, options, start);
  const model = startModel(problem, options, clock, start);
  const remaining = (): number => options.timeLimitMs - (clock.now() - startedAt);
  const places = model.placeWorker.length;
  const stopAfterIdle = Math.max(LNS_MIN_AFTER_IDLE, LNS_AFTER_IDLE_PER_PLACE * places);
  const localSearch = runLocalSearch(model, {
    ...localSearchOptions(options, clock, remaining(), places),
    ...(!isBudgeted && { stopAfterIdle, maxIterations: LNS_AFTER_MOVES_PER_PLACE * places }),
  });
  let iterations = localSearch.iterations;
  // Threads share one plan from here on (see share.ts); not in a budgeted run, which must be reproducible.
  const exchange = !isBudgeted && options.peers ? new PlanExchange(model, options.peers, options.threadIndex ?? 0) : undefined;
  exchange?.offer();
  // Loading HiGHS and a first step take a while; with less time than this left the steps would overrun, so
  // a local search stopped by its move count (a slow machine) carries on to the end instead.
  const isHandedOver = !isBudgeted && (localSearch.stopReason === 'idle' || localSearch.stopReason === 'iterations');
  if (isHandedOver && remaining() <= LNS_MIN_REMAINING_MS && localSearch.stopReason === 'iterations') {
    iterations += runLocalSearch(model, localSearchOptions(options, clock, remaining(), places)).iterations;
  } else if ((isHandedOver && remaining() > LNS_MIN_REMAINING_MS) || (isBudgeted && localSearch.stopReason === 'iterations')) {
    const lns = new LargeNeighbourhoodSearch(model, await getHighs(), {
      stepSeconds: LNS_STEP_SECONDS, ...(isBudgeted && { maxNodes: LNS_MAX_NODES }),
      ...(exchange && { onApply: (move: Move) => exchange.publish(move), anchorSpan: anchorSpan(problem, exchange.thread, exchange.threads) }),
    });
    const rng = createRng(options.seed ^ 0x5bd1e995);
    for (let k = 0; k < steps && remaining() > 0 && options.shouldStop?.() !== true; k++) {
      // A budgeted run bounds each step by nodes only (the time limit is a safety net), so it is reproducible.
      // HiGHS looks at its clock only now and then: a step gets at most half the time left.
      lns.stepSeconds = isBudgeted ? 30 * LNS_STEP_SECONDS : Math.min(LNS_STEP_SECONDS, remaining() / 2000);
      if (!isBudgeted && remaining() < LNS_MIN_STEP_MS) break;
      exchange?.absorb();
      lns.step(rng);
      iterations++;
      options.onProgress?.({ elapsedMs: clock.now() - startedAt, iterations, best: model.score(), current: model.score(), threadIndex: 0 });
    }
    // The other threads' last moves.
    exchange?.absorb();
  }
  model.rescore();
  return { score: model.score(), assignments: model.assignments(), iterations };
}

/**
 * The part of the horizon a thread anchors its neighbourhoods in when the threads share a plan: with the
 * same anchors they found the same improvements (the same sub-model's optimum) at the same time, and one
 * thread's moves no longer fitted the other's plan (ex-medium, seeds 1–8: 295,376 without the split,
 * 295,225 with it). The first and last parts reach past the horizon's ends.
 */
export function anchorSpan(p: CompiledProblem, thread: number, threads: number): { from: number; to: number } {
  const part = (p.horizonEnd - p.horizonStart) / threads;
  return {
    from: thread === 0 ? Number.NEGATIVE_INFINITY : p.horizonStart + part * thread,
    to: thread === threads - 1 ? Number.POSITIVE_INFINITY : p.horizonStart + part * (thread + 1),
  };
}

/** Portfolio entry point: each worker thread compiles the document and searches from the shared start. */
export async function runPortfolioTask(input: TaskInput, context: PortfolioTaskContext): Promise<TaskResult> {
  // A thread that got going too late (a busy machine) hands the start back unscored rather than compile
  // and rebuild the plan after the deadline; the caller scores whatever wins.
  if (Date.now() >= input.deadlineEpochMs - input.finishMs) {
    return { score: { hard: Number.POSITIVE_INFINITY, soft: Number.POSITIVE_INFINITY }, assignments: input.start.assignments, iterations: 0 };
  }
  return searchThread(compileOrThrow(input.document), {
    ...input.options, timeLimitMs: Math.max(0, input.deadlineEpochMs - Date.now() - input.finishMs), seed: context.seed, shouldStop: context.shouldStop, onProgress: context.onProgress,
    threadIndex: context.threadIndex, ...(context.peers && { peers: context.peers }),
  }, input.start);
}

interface IsolatedInput {
  document: unknown;
  options: Omit<SolveOptions, 'clock' | 'signal' | 'shouldStop' | 'isolated' | 'onProgress'>;
  deadlineEpochMs: number;
}

/** Portfolio task of an isolated solve: the whole of solveProblem, in a worker thread. */
export async function runIsolatedSolve(input: IsolatedInput, context: PortfolioTaskContext): Promise<SolveResult> {
  // The nested portfolio listens to a signal, construction and search poll; feed both from the shared flag.
  const controller = new AbortController();
  const timer = setInterval(() => { if (context.shouldStop()) controller.abort(); }, 50);
  try {
    return await solveProblem(input.document, {
      ...input.options, timeLimitMs: Math.max(0, input.deadlineEpochMs - Date.now()), seed: context.seed,
      signal: controller.signal, shouldStop: context.shouldStop, onProgress: context.onProgress,
    });
  } finally {
    clearInterval(timer);
  }
}

/** solveProblem in a worker thread (see SolveOptions.isolated). */
async function solveIsolated(document: unknown, options: SolveOptions): Promise<SolveResult> {
  if (options.clock || options.shouldStop) throw new Error('an isolated solve takes a signal and maxIterations, not a clock or a polled stop');
  const { signal, onProgress, isolated: _isolated, ...rest } = options;
  const portfolio = await runPortfolio<IsolatedInput, SolveResult>({
    moduleUrl: import.meta.url,
    exportName: 'runIsolatedSolve',
    input: { document, options: rest, deadlineEpochMs: Date.now() + options.timeLimitMs },
    threads: 1,
    isolated: true,
    seed: options.seed ?? 1,
    ...(signal && { signal }),
    // The worker's progress carries the index of the search thread it came from.
    ...(onProgress && { onProgress: (_: number, p: SearchProgress) => onProgress({ threadIndex: 0, ...p }) }),
  });
  return portfolio.best;
}

/**
 * Solves a valid problem document. With more than one thread, the candidate lists and the greedy start are
 * built once, here (on big problems they are most of the work, and two threads on two busy cores would each
 * take twice as long); then each thread searches from that start with its own seed and the best plan wins.
 */
export async function solveProblem(document: unknown, options: SolveOptions): Promise<SolveResult> {
  if (options.isolated === true) return solveIsolated(document, options);
  const startedEpochMs = Date.now();
  const problem = compileOrThrow(document);
  const compileMs = Date.now() - startedEpochMs;
  // The search hands back early enough for the final scoring to fit in the limit.
  const deadlineEpochMs = startedEpochMs + options.timeLimitMs - (options.clock ? 0 : finishReserveMs(compileMs, options.timeLimitMs));
  const threads = Math.max(1, options.threads ?? 1);
  const seed = options.seed ?? 1;
  const { clock: _clock, signal, shouldStop: _shouldStop, isolated: _isolated, onProgress, threads: _threads, seed: _seed, ...taskOptions } = options;
  const isStopped = (): boolean => signal?.aborted === true || options.shouldStop?.() === true;
  let best: TaskResult;
  let iterations: number;
  let threadsUsed = 1;
  if (threads === 1) {
    best = await searchThread(problem, {
      // An injected clock measures the limit itself; on wall time, compiling counts against it.
      ...options, timeLimitMs: options.clock ? options.timeLimitMs : Math.max(0, deadlineEpochMs - Date.now()), seed, shouldStop: isStopped,
    });
    iterations = best.iterations;
  } else {
    const epochClock: Clock = { now: () => Date.now() };
    const start = constructStart(problem, epochClock, { timeLimitMs: deadlineEpochMs - Date.now(), stopAt: deadlineEpochMs }, isStopped);
    const remainingMs = deadlineEpochMs - Date.now();
    if (remainingMs < MIN_PORTFOLIO_MS + THREAD_START_PER_COMPILE * compileMs) {
      // Starting threads means compiling the problem again in each; with this little time left, searching
      // here is faster.
      best = await searchThread(problem, { ...options, timeLimitMs: Math.max(0, remainingMs), seed, shouldStop: isStopped }, start);
      iterations = best.iterations;
    } else {
      const portfolio = await runPortfolio<TaskInput, TaskResult>({
        moduleUrl: import.meta.url,
        input: {
          document, options: taskOptions, deadlineEpochMs, start: { candidates: start.candidates, assignments: start.assignments() },
          // The deadline leaves room for scoring here; rescoring in the thread, handing the plan over and
          // waiting for the slower thread take as long again on big problems (half as long overran by 0.6 s
          // at 100,000 places).
          finishMs: finishReserveMs(compileMs, options.timeLimitMs),
        },
        threads,
        seed,
        ...(signal && { signal }),
        ...(onProgress && { onProgress: (threadIndex: number, p: SearchProgress) => onProgress({ ...p, threadIndex }) }),
      });
      best = portfolio.best;
      iterations = portfolio.results.reduce((a, r) => a + r.iterations, 0);
      threadsUsed = threads;
    }
  }
  const plan = new Plan(problem);
  for (const { shift, worker } of best.assignments) plan.add(shift, worker);
  const evaluation = evaluatePlan(plan);
  return { assignments: best.assignments, score: evaluation.score, breakdown: evaluation.breakdown, iterations, threads: threadsUsed };
}

export function toSolutionDocument(problem: CompiledProblem, result: Pick<SolveResult, 'assignments' | 'breakdown'>): SolutionDocument {
  return {
    format: SOLUTION_FORMAT,
    problemId: problem.id,
    assignments: result.assignments.map(({ shift, worker }) => ({ shiftId: problem.shiftIds[shift]!, workerId: problem.workerIds[worker]! })),
    score: result.breakdown,
  };
}
