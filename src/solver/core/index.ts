/**
 * Search core shared by the planning models (regional planning, Curtois rostering). Pure: no I/O
 * besides worker threads.
 *
 *   createRng(seed): Rng                       seeded sfc32; nextFloat(), nextInt(n), pick(items)
 *   Clock, systemClock, createStepClock(ms)    injectable time source (ms); a step clock makes time limits reproducible
 *   Score { hard, soft }                       lexicographic, lower is better; compareScores(a, b) < 0 when a is better
 *     compareScoreParts(aHard, aSoft, bHard, bSoft), ZERO_SCORE, isBetter, isWorsening(delta) (exact), isFeasible, addScores, formatScore,
 *     SOFT_EPSILON (relative tolerance of soft ties)
 *   ConstraintInfo { id, name, level, weight?, description }   what a constraint registry exposes
 *   SearchModel<Move, Snapshot>                score(), proposeMove(rng), deltaOf(move), applyMove(move), capture(), restore(s)
 *   runLocalSearch(model, SearchOptions): SearchResult
 *     options: rng, clock?, timeLimitMs, maxIterations?, acceptance? (late-acceptance | simulated-annealing |
 *     hill-climbing), restartAfterIdle?, stopAfterIdle?, targetScore?, shouldStop?, onProgress?, progressIntervalMs?
 *     The model holds the best solution on return.
 *   runPortfolio({ moduleUrl, exportName?, input, threads, seed, isolated?, signal?, onProgress? })
 *     runs the exported PortfolioTask(input, { seed, threadIndex, shouldStop, onProgress, peers? }) once per thread
 *     (worker_threads when threads > 1, or always when isolated) with seedOfThread(seed, i) and returns
 *     { best, bestThread, results }. With more than one thread the context also has `peers`:
 *   Peers                                      broadcast(message) to the other threads, receive() what they sent,
 *                                              without waiting (createPeerPorts(n) wires n threads)
 */
export { createRng, type Rng } from './rng.js';
export { createStepClock, systemClock, type Clock } from './clock.js';
export { addScores, compareScoreParts, compareScores, formatScore, isBetter, isFeasible, isWorsening, SOFT_EPSILON, ZERO_SCORE, type Score } from './score.js';
export type { ConstraintInfo } from './constraint.js';
export {
  runLocalSearch, type Acceptance, type SearchModel, type SearchOptions, type SearchProgress, type SearchResult, type StopReason,
} from './search.js';
export {
  runPortfolio, seedOfThread, type PortfolioOptions, type PortfolioResult, type PortfolioTask, type PortfolioTaskContext,
} from './portfolio.js';
export { createPeerPorts, Peers } from './peers.js';
