import {
  createRng, runLocalSearch, runPortfolio, systemClock, type Acceptance, type Clock, type PortfolioTaskContext, type Score, type SearchProgress,
} from '../core/index.js';
import { compileOrThrow, type CompiledProblem } from './compile.js';
import { constructGreedy } from './construct.js';
import { SOLUTION_FORMAT, type ScoreBreakdown, type SolutionDocument } from './documents.js';
import { buildCandidates, DEFAULT_MOVE_MIX, RegionalModel } from './model.js';
import { Plan } from './plan.js';
import { evaluatePlan } from './score.js';

export interface SolveOptions {
  timeLimitMs: number;
  seed?: number;
  threads?: number;
  /** Iteration budget per thread; with it a solve is reproducible regardless of machine speed. */
  maxIterations?: number;
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

/** Below this much time left after construction, threads are not started (see solveProblem). */
const MIN_PORTFOLIO_MS = 5000;

/** Restarts from the best when late acceptance has wandered this long without improving it. */
const RESTART_AFTER_IDLE = 200_000;

/**
 * Late acceptance history length. Measured at equal move counts: 200 beat 50, 1,000, 2,000 and 10,000 on
 * ex-medium, and 5,000 on ex-large (7.02M vs 7.51M after 3M moves): longer histories wander off a good
 * construction faster than they find better plans.
 */
const LATE_ACCEPTANCE_HISTORY = 200;

type ThreadOptions = SolveOptions & { seed: number; shouldStop?: () => boolean };

function timeBudget(options: ThreadOptions): { clock: Clock; isOutOfTime: () => boolean } {
  const clock = options.clock ?? systemClock;
  const deadline = clock.now() + options.timeLimitMs;
  return { clock, isOutOfTime: () => clock.now() >= deadline || options.shouldStop?.() === true };
}

/** Candidate lists and greedy construction; both stop early (leaving places open) when time runs out. */
export function constructStart(problem: CompiledProblem, isOutOfTime: () => boolean): StartingPoint {
  const candidates = buildCandidates(problem, isOutOfTime);
  const model = new RegionalModel(problem, DEFAULT_MOVE_MIX, candidates);
  constructGreedy(model, isOutOfTime);
  return { candidates, assignments: model.assignments() };
}

/** Local search from a starting point (or from a fresh construction) in the calling thread. */
export function searchInThread(problem: CompiledProblem, options: ThreadOptions, start?: StartingPoint): TaskResult {
  const startedAt = (options.clock ?? systemClock).now();
  const { clock, isOutOfTime } = timeBudget(options);
  const from = start ?? constructStart(problem, isOutOfTime);
  const model = new RegionalModel(problem, DEFAULT_MOVE_MIX, from.candidates);
  for (const { shift, worker } of from.assignments) {
    // Pinned pairs are in place already.
    if (model.placeOf(shift, worker) < 0) model.setWorker(model.openPlaceOf(shift), worker);
  }
  model.rescore();
  const result = runLocalSearch(model, {
    rng: createRng(options.seed),
    clock,
    timeLimitMs: Math.max(0, options.timeLimitMs - (clock.now() - startedAt)),
    ...(options.maxIterations !== undefined && { maxIterations: options.maxIterations }),
    acceptance: options.acceptance ?? { kind: 'late-acceptance', historyLength: LATE_ACCEPTANCE_HISTORY },
    restartAfterIdle: RESTART_AFTER_IDLE,
    ...(options.targetSoft !== undefined && { targetScore: { hard: 0, soft: options.targetSoft } }),
    ...(options.shouldStop && { shouldStop: options.shouldStop }),
    ...(options.onProgress && { onProgress: (p: SearchProgress) => options.onProgress?.({ ...p, threadIndex: 0 }) }),
  });
  model.rescore();
  return { score: model.score(), assignments: model.assignments(), iterations: result.iterations };
}

/** Portfolio entry point: each worker thread compiles the document and searches from the shared start. */
export function runPortfolioTask(input: TaskInput, context: PortfolioTaskContext): TaskResult {
  // Handing the plan back and scoring it in the caller takes a moment on big problems; leave room for it.
  const finishMs = Math.min(1000, 0.05 * input.options.timeLimitMs);
  return searchInThread(compileOrThrow(input.document), {
    ...input.options, timeLimitMs: Math.max(0, input.deadlineEpochMs - Date.now() - finishMs), seed: context.seed, shouldStop: context.shouldStop, onProgress: context.onProgress,
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
  const deadlineEpochMs = Date.now() + options.timeLimitMs;
  const problem = compileOrThrow(document);
  const threads = Math.max(1, options.threads ?? 1);
  const seed = options.seed ?? 1;
  const { clock: _clock, signal, shouldStop: _shouldStop, isolated: _isolated, onProgress, threads: _threads, seed: _seed, ...taskOptions } = options;
  const isStopped = (): boolean => signal?.aborted === true || options.shouldStop?.() === true;
  let best: TaskResult;
  let iterations: number;
  let threadsUsed = 1;
  if (threads === 1) {
    best = searchInThread(problem, {
      // An injected clock measures the limit itself; on wall time, compiling counts against it.
      ...options, timeLimitMs: options.clock ? options.timeLimitMs : Math.max(0, deadlineEpochMs - Date.now()), seed, shouldStop: isStopped,
    });
    iterations = best.iterations;
  } else {
    const start = constructStart(problem, () => Date.now() >= deadlineEpochMs || isStopped());
    const remainingMs = deadlineEpochMs - Date.now();
    if (remainingMs < MIN_PORTFOLIO_MS) {
      // Starting threads means compiling the problem again in each; with this little time left, searching
      // here is faster.
      best = searchInThread(problem, { ...options, timeLimitMs: Math.max(0, remainingMs), seed, shouldStop: isStopped }, start);
      iterations = best.iterations;
    } else {
      const portfolio = await runPortfolio<TaskInput, TaskResult>({
        moduleUrl: import.meta.url,
        input: { document, options: taskOptions, deadlineEpochMs, start },
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
