// Solves one SparseMip synchronously with a loaded HiGHS instance. This is the body of the
// worker thread; it blocks whatever thread runs it, so only `highs-worker.ts` calls it.
import highsModule from 'highs';
import type { Highs } from 'highs';
import type { SparseMip } from './sparse-mip.js';

export type MipStatus = 'optimal' | 'timeLimit' | 'targetReached' | 'interrupted' | 'infeasible' | 'unbounded' | 'error';

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
  17: 'interrupted',
};

export function runHighs(highs: Highs, mip: SparseMip, options: RunOptions): MipResult {
  const started = performance.now();
  const seconds = () => (performance.now() - started) / 1000;
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
    if (options.start) {
      // A start is a hint: when HiGHS refuses it (e.g. it breaks a row of a tightened sub-model), solve without it.
      try {
        model.setSolution({ colValue: options.start });
      } catch {
        // solved from scratch below
      }
    }
    const { onImprovement, shouldStop } = options;
    const callbackType = highs.constants.callbackType;
    const run = model.run({
      ...(onImprovement && {
        [callbackType.mipImprovingSolution]: (event) => {
          const objective = event.data.mip_primal_bound ?? event.data.objective_function_value;
          if (objective !== undefined) onImprovement({ objective, bound: event.data.mip_dual_bound ?? null, seconds: seconds() });
          return undefined;
        },
      }),
      ...(shouldStop && {
        [callbackType.mipInterrupt]: (event) => {
          if (shouldStop()) event.interrupt();
          return undefined;
        },
      }),
    });
    const status = statusByCode[run.modelStatus] ?? 'error';
    const hasSolution = Number(model.info.get('primal_solution_status')) === 2;
    const isMip = mip.integrality.some((t) => t !== 0);
    const bound = isMip ? readNumber(() => model.info.get('mip_dual_bound')) : status === 'optimal' ? model.getObjectiveValue() : null;
    const solution = hasSolution ? model.getSolution() : null;
    return {
      status,
      objective: hasSolution ? model.getObjectiveValue() : null,
      bound: bound !== null && Number.isFinite(bound) ? bound : null,
      values: solution ? solution.colValue : null,
      ...(solution && options.withRowDuals === true && { rowDuals: solution.rowDual }),
      seconds: seconds(),
      ...(status === 'error' && { message: `HiGHS model status ${run.modelStatus}` }),
    };
  } finally {
    model.dispose();
  }
}

function readNumber(read: () => number | bigint): number | null {
  try {
    return Number(read());
  } catch {
    return null;
  }
}
