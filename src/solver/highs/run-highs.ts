// Solves one SparseMip synchronously with a loaded HiGHS instance. This is the body of the
// worker thread; it blocks whatever thread runs it, so only `highs-worker.ts` calls it.
import highsModule from 'highs';
import type { Highs } from 'highs';
import type { SparseMip } from './sparse-mip.js';

/** 'limit': a node, iteration or solution-count limit stopped the search (the incumbent is kept). */
export type MipStatus = 'optimal' | 'timeLimit' | 'limit' | 'targetReached' | 'interrupted' | 'infeasible' | 'unbounded' | 'error';

export type MipResult = {
  status: MipStatus;
  /** Objective of the best solution found (offset included), or null when there is none. */
  objective: number | null;
  /** Best proven bound on the objective (for a MIP), or null when HiGHS has none. */
  bound: number | null;
  /** Column values of the best solution, or null when there is none. */
  values: Float64Array | null;
  seconds: number;
  /** Why the status is 'error'. */
  message?: string;
  /** Row duals of the solution, when asked for with `withRowDuals` and there is a solution. */
  rowDuals?: Float64Array;
  /**
   * With a start: whether HiGHS took it as its first incumbent (then `objective` is never worse than the
   * start's). False when the start breaks a bound, a row or integrality of the model.
   */
  isStartUsed?: boolean;
};

export type HighsOptionValue = number | string | boolean;

export type RunOptions = {
  timeLimitSeconds: number;
  mipRelGap?: number;
  /** Further HiGHS options by their snake_case name (e.g. `objective_target`, `random_seed`). */
  highsOptions?: Readonly<Record<string, HighsOptionValue>>;
  /** Called on each improving MIP solution; it runs inside the solve, so keep it cheap. */
  onImprovement?: (progress: { objective: number; bound: number | null; seconds: number }) => void;
  /** Polled by HiGHS during the MIP search; returning true stops it with the incumbent kept. */
  shouldStop?: () => boolean;
  /** A start: one value per column (HiGHS checks it and keeps it as the incumbent when feasible). */
  start?: Float64Array;
  /**
   * With a start: stop at the first solution better than it (status `interrupted`) instead of proving the
   * optimum; the large-neighbourhood steps take that and move on to the next sub-model.
   */
  stopWhenBetterThanStart?: boolean;
  /** Also return the row duals (meaningful for an LP, e.g. a column-generation master). */
  withRowDuals?: boolean;
};

// The package is CommonJS typed as an ES default export; this reads the loader under both.
const loadHighs = ((highsModule as unknown as { default?: typeof highsModule }).default ?? highsModule) as unknown as () => Promise<Highs>;

let highsPromise: Promise<Highs> | undefined;
export function getHighs(): Promise<Highs> {
  highsPromise ??= loadHighs();
  return highsPromise;
}

const statusByCode: Record<number, MipStatus> = {
  7: 'optimal',
  8: 'infeasible',
  9: 'infeasible',
  10: 'unbounded',
  12: 'targetReached',
  13: 'timeLimit',
  14: 'limit',
  16: 'limit',
  17: 'interrupted',
};

export function runHighs(highs: Highs, mip: SparseMip, options: RunOptions): MipResult {
  const started = performance.now();
  const seconds = () => (performance.now() - started) / 1000;
  const { start } = options;
  if (start && (start.length !== mip.numCols || start.some((v) => !Number.isFinite(v)))) {
    return { status: 'error', objective: null, bound: null, values: null, seconds: seconds(), message: `the start has ${start.length} values (finite ones needed) for ${mip.numCols} columns`, isStartUsed: false };
  }
  // HiGHS refuses a start for a model without columns (setSolution fails with status -1) and calls such a
  // model empty rather than solved; a sub-model whose free pairs all clash with the fixed plan is one.
  if (mip.numCols === 0) return { ...solveEmpty(mip, seconds()), ...(start && { isStartUsed: true }) };
  const model = highs.createModel({
    numCols: mip.numCols,
    numRows: mip.numRows,
    sense: mip.sense === 'maximize' ? highs.constants.objectiveSense.maximize : highs.constants.objectiveSense.minimize,
    offset: mip.offset ?? 0,
    colCost: mip.colCost,
    colLower: mip.colLower,
    colUpper: mip.colUpper,
    rowLower: mip.rowLower,
    rowUpper: mip.rowUpper,
    integrality: mip.integrality,
    matrix: { ...mip.matrix, numRows: mip.numRows, numCols: mip.numCols },
  });
  try {
    model.options.set({ output_flag: false, time_limit: Math.max(0, options.timeLimitSeconds), ...(options.mipRelGap === undefined ? {} : { mip_rel_gap: options.mipRelGap }) });
    if (options.highsOptions) model.options.set(options.highsOptions);
    // HiGHS checks a start against bounds, rows and integrality and, when it is feasible, reports it as its
    // first improving solution: that is how `isStartUsed` is known.
    const startObjective = start ? objectiveOf(mip, start) : Number.NaN;
    let isStartUsed: boolean | undefined;
    let isStartRefused = false;
    if (start) {
      try {
        model.setSolution({ colValue: start });
      } catch {
        // Not seen since empty models are handled above; the solve goes on without the start and says so.
        isStartRefused = true;
      }
    }
    const { onImprovement, shouldStop } = options;
    const isStoppedWhenBetter = start !== undefined && options.stopWhenBetterThanStart === true;
    const sign = mip.sense === 'maximize' ? -1 : 1;
    const tolerance = 1e-6 * Math.max(1, Math.abs(startObjective));
    let isBetterFound = false;
    const callbackType = highs.constants.callbackType;
    const run = model.run({
      ...((onImprovement || start) && {
        [callbackType.mipImprovingSolution]: (event) => {
          const objective = event.data.mip_primal_bound ?? event.data.objective_function_value;
          if (start && isStartUsed === undefined) isStartUsed = objective !== undefined && Math.abs(objective - startObjective) <= tolerance;
          if (objective !== undefined && sign * (objective - startObjective) < -tolerance) isBetterFound = true;
          if (objective !== undefined) onImprovement?.({ objective, bound: event.data.mip_dual_bound ?? null, seconds: seconds() });
          return undefined;
        },
      }),
      ...((shouldStop || isStoppedWhenBetter) && {
        [callbackType.mipInterrupt]: (event) => {
          if ((isStoppedWhenBetter && isBetterFound) || shouldStop?.() === true) event.interrupt();
          return undefined;
        },
      }),
    });
    const status = statusByCode[run.modelStatus] ?? 'error';
    const hasSolution = Number(model.info.get('primal_solution_status')) === 2;
    const isMip = mip.integrality.some((t) => t !== 0);
    const bound = isMip ? readNumber(() => model.info.get('mip_dual_bound')) : status === 'optimal' ? model.getObjectiveValue() : null;
    const solution = hasSolution ? model.getSolution() : null;
    // Presolve can solve a model outright before it reports the start; a feasible start then counts as used
    // when the answer is no worse than it.
    if (start && isStartUsed !== true) {
      isStartUsed = hasSolution && isFeasible(mip, start) && sign * (model.getObjectiveValue() - startObjective) <= tolerance;
    }
    return {
      status,
      objective: hasSolution ? model.getObjectiveValue() : null,
      bound: bound !== null && Number.isFinite(bound) ? bound : null,
      values: solution ? solution.colValue : null,
      ...(solution && options.withRowDuals === true && { rowDuals: solution.rowDual }),
      seconds: seconds(),
      ...(status === 'error' && { message: `HiGHS model status ${run.modelStatus}` }),
      ...(start && { isStartUsed: isStartUsed === true && !isStartRefused }),
    };
  } finally {
    model.dispose();
  }
}

/** The objective of the given column values, offset included. */
export function objectiveOf(mip: SparseMip, values: Float64Array): number {
  let objective = mip.offset ?? 0;
  for (let c = 0; c < mip.numCols; c++) objective += mip.colCost[c]! * values[c]!;
  return objective;
}

const FEASIBILITY_TOLERANCE = 1e-6;

/** Whether values keep every bound, integrality and row of the model (HiGHS's default tolerances). */
function isFeasible(mip: SparseMip, values: Float64Array): boolean {
  for (let c = 0; c < mip.numCols; c++) {
    const v = values[c]!;
    if (v < mip.colLower[c]! - FEASIBILITY_TOLERANCE || v > mip.colUpper[c]! + FEASIBILITY_TOLERANCE) return false;
    if (mip.integrality[c] !== 0 && Math.abs(v - Math.round(v)) > FEASIBILITY_TOLERANCE) return false;
  }
  const { starts, indices, values: coefficients } = mip.matrix;
  for (let r = 0; r < mip.numRows; r++) {
    let activity = 0;
    for (let k = starts[r]!; k < starts[r + 1]!; k++) activity += coefficients[k]! * values[indices[k]!]!;
    if (activity < mip.rowLower[r]! - FEASIBILITY_TOLERANCE || activity > mip.rowUpper[r]! + FEASIBILITY_TOLERANCE) return false;
  }
  return true;
}

/** A model without columns: every row's activity is 0, so it is feasible when each row admits 0. */
function solveEmpty(mip: SparseMip, seconds: number): MipResult {
  for (let r = 0; r < mip.numRows; r++) {
    if (mip.rowLower[r]! > 1e-9 || mip.rowUpper[r]! < -1e-9) return { status: 'infeasible', objective: null, bound: null, values: null, seconds };
  }
  const objective = mip.offset ?? 0;
  return { status: 'optimal', objective, bound: objective, values: new Float64Array(0), seconds };
}

function readNumber(read: () => number | bigint): number | null {
  try {
    return Number(read());
  } catch {
    return null;
  }
}
