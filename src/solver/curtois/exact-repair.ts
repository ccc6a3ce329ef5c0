// Large neighbourhood search with an exact repair: free a few employees over a window of days,
// keep the rest of the roster, and let HiGHS solve that sub-problem (mip.ts, restricted) starting
// from the current values, so it never hands back anything worse. The neighbourhood's size adapts:
// it grows while HiGHS proves its sub-problems within the node budget and shrinks when it does not.
import type { Rng } from '../core/rng.js';
import { runHighs, type getHighs } from '../highs/index.js';
import { coverCellCost, countCover } from './constraints/cover.js';
import { buildCurtoisMip, rosterFromMip } from './mip.js';
import type { CurtoisProblem, Roster } from './problem.js';

export type Highs = Awaited<ReturnType<typeof getHighs>>;

export interface RepairProposal {
  employees: number[];
  /** The employees' new rows, whole horizon. */
  rows: Int16Array[];
  /** HiGHS proved the rows optimal for the sub-problem. */
  isProven: boolean;
}

export interface ExactRepair {
  /**
   * Re-solves one neighbourhood of `roster` (whose objective is `objective`). Returns the new rows
   * when HiGHS found a roster at least as good, else undefined.
   */
  propose(roster: Roster, objective: number, rng: Rng, timeLimitSeconds: number): RepairProposal | undefined;
  /** Free cells (employees × days) the next neighbourhood aims at. */
  readonly freeCells: number;
}

/** Branch-and-bound nodes per sub-problem: a count, not a time, so runs repeat exactly. */
const NODE_LIMIT = 200;
const START_FREE_CELLS = 48;
const GROW = 1.08;
const SHRINK = 0.8;
const MIN_WINDOW = 7;

export function createExactRepair(problem: CurtoisProblem, highs: Highs): ExactRepair {
  const { horizon: h, shiftCount: S, employeeCount: E } = problem;
  const maxCells = E * h;
  let freeCells = Math.min(maxCells, START_FREE_CELLS);

  /** A day whose cover costs something, found by sampling, so windows go where the penalties are. */
  const pickCostlyDay = (roster: Roster, rng: Rng): number | undefined => {
    const counts = countCover(problem, roster);
    for (let tries = 0; tries < 64; tries++) {
      const cell = rng.nextInt(h * S);
      if (coverCellCost(problem, cell, counts[cell]!) > 0) return Math.floor(cell / S);
    }
    return undefined;
  };

  return {
    get freeCells() {
      return freeCells;
    },
    propose(roster, objective, rng, timeLimitSeconds) {
      // Half the neighbourhoods span the whole horizon (few employees), half a window (more employees).
      const isWholeHorizon = rng.nextFloat() < 0.5 || freeCells >= maxCells;
      const length = isWholeHorizon ? h : Math.min(h, MIN_WINDOW + rng.nextInt(Math.max(1, Math.min(h, 4 * MIN_WINDOW) - MIN_WINDOW + 1)));
      const count = Math.max(Math.min(E, 2), Math.min(E, Math.round(freeCells / length)));
      const day = isWholeHorizon ? 0 : (pickCostlyDay(roster, rng) ?? rng.nextInt(h));
      const from = isWholeHorizon ? 0 : Math.max(0, Math.min(h - length, day - rng.nextInt(length)));
      const chosen = new Set<number>();
      while (chosen.size < count) chosen.add(rng.nextInt(E));
      const employees = [...chosen].sort((a, b) => a - b);
      const { mip, x, start } = buildCurtoisMip(problem, { roster, objective, employees, from, to: from + length });
      const result = runHighs(highs, mip, {
        timeLimitSeconds,
        mipRelGap: 0,
        // The objective is an integer: a gap below 1 proves the sub-problem.
        highsOptions: { mip_abs_gap: 0.999, mip_max_nodes: NODE_LIMIT },
        ...(start && { start }),
      });
      const isProven = result.status === 'optimal';
      freeCells = isProven ? Math.min(maxCells, freeCells * GROW) : Math.max(2 * MIN_WINDOW, freeCells * SHRINK);
      if (result.values === null || result.objective === null || result.objective > objective + 0.5) return undefined;
      const next = rosterFromMip(problem, x, result.values, roster);
      return { employees, rows: employees.map((e) => next.slice(e * h, (e + 1) * h)), isProven };
    },
  };
}
