// Column generation over whole rows (the master of Strandmark, Qu & Curtois 2020): each employee
// picks one row from a pool, the cover terms are rows of the master with under/over slacks. The
// LP master's duals price the cover cells; the per-employee DP (row-optimizer.ts) is the pricing
// problem and adds each employee's cheapest row when its reduced cost is negative. The master as
// a MIP over the pool (price and branch), started from the working roster, then combines rows
// that no local move connects. The DP prices type limits and weekends, so the pricing — and with
// it the LP value — is a heuristic, not a bound.
import { createMipBuilder, runHighs } from '../highs/index.js';
import { hardEmployeeConstraints } from './constraints/index.js';
import { offRequestCost } from './constraints/shift-off-requests.js';
import { onRequestCost } from './constraints/shift-on-requests.js';
import type { Highs } from './exact-repair.js';
import { OFF, type CurtoisProblem, type Roster } from './problem.js';
import { createRowOptimizer, type RowOptimizer } from './row-optimizer.js';

export interface PricingRound {
  /** Columns added by this round; 0 when the pricing found no row of negative reduced cost. */
  added: number;
  lpObjective: number | null;
}

export interface MasterSolution {
  roster: Roster;
  objective: number;
  isProven: boolean;
}

export interface ColumnGeneration {
  /** Adds the rows of a roster to the pool (each employee's current row keeps the master feasible). */
  addRoster(roster: Roster): void;
  /** Solves the LP master and prices one row per employee against its duals. */
  price(timeLimitSeconds: number): PricingRound;
  /**
   * Dives: fixes employees to their largest LP row one after another, re-pricing in between, and
   * returns the roster reached (out of time, the rest take their largest row as it stands).
   */
  dive(timeLimitSeconds: number, isOutOfTime: () => boolean): Roster;
  /** The master as a MIP over the pool, started from `roster` (objective `objective`): a roster at least as good, or undefined. */
  solveInteger(roster: Roster, objective: number, timeLimitSeconds: number, nodeLimit: number): MasterSolution | undefined;
  readonly columnCount: number;
}

const PRICE_ROUNDS = 6;
const REDUCED_COST_EPSILON = 1e-6;
const SUPPORT_EPSILON = 1e-6;
const DIVE_PRICE_ROUNDS = 3;
const INTEGRAL_EPSILON = 1e-6;


export function createColumnGeneration(problem: CurtoisProblem, highs: Highs, optimizer: RowOptimizer = createRowOptimizer(problem)): ColumnGeneration {
  const { horizon: h, shiftCount: S, employeeCount: E } = problem;
  const pool: Int16Array[][] = Array.from({ length: E }, () => []);
  const poolCost: number[][] = Array.from({ length: E }, () => []);
  /** Pool index of each employee's rows, by the row's values. */
  const indexOf: Map<string, number>[] = Array.from({ length: E }, () => new Map<string, number>());
  const prices = Array.from({ length: E }, () => optimizer.createPrices());
  const cost = new Float64Array(h * (S + 1));
  const requestCost = (e: number, d: number, v: number) => onRequestCost(problem, e, d, v) + offRequestCost(problem, e, d, v);
  let columnCount = 0;
  /** Each pool row's value in the last LP master (rows added since are missing). */
  let lpValue: number[][] = [];

  const addRow = (e: number, row: Int16Array): boolean => {
    const key = row.join(',');
    if (indexOf[e]!.has(key)) return false;
    if (hardEmployeeConstraints.some((c) => c.penalizeRow(problem, e, row) > 0)) return false;
    indexOf[e]!.set(key, pool[e]!.length);
    let total = 0;
    for (let d = 0; d < h; d++) total += requestCost(e, d, row[d]!);
    pool[e]!.push(row.slice());
    poolCost[e]!.push(total);
    columnCount++;
    return true;
  };

  /** The master over the pool: columns are the pool's rows (employee by employee), then under and over per cover cell. */
  const buildMaster = (isInteger: boolean, isIncluded: (e: number, p: number) => boolean = () => true) => {
    const builder = createMipBuilder();
    /** Column of each pool row in this master, or −1 when left out. */
    const columnOf: number[][] = [];
    const cellColumns: number[][] = Array.from({ length: h * S }, () => []);
    for (let e = 0; e < E; e++) {
      columnOf.push(pool[e]!.map((row, p) => {
        if (!isIncluded(e, p)) return -1;
        const column = builder.addColumn({ cost: poolCost[e]![p]!, lower: 0, upper: 1, isInteger });
        for (let d = 0; d < h; d++) if (row[d]! >= 0) cellColumns[d * S + row[d]!]!.push(column);
        return column;
      }));
    }
    for (let e = 0; e < E; e++) {
      const columns = columnOf[e]!.filter((c) => c >= 0);
      builder.addRow(1, 1, columns, columns.map(() => 1));
    }
    const slackStart = builder.numCols;
    for (let cell = 0; cell < h * S; cell++) {
      const under = builder.addColumn({ cost: problem.weightUnder[cell]!, lower: 0, upper: Infinity, isInteger: false });
      const over = builder.addColumn({ cost: problem.weightOver[cell]!, lower: 0, upper: Infinity, isInteger: false });
      const columns = cellColumns[cell]!;
      builder.addRow(problem.requirement[cell]!, problem.requirement[cell]!, [...columns, under, over], [...columns.map(() => 1), 1, -1]);
    }
    return { mip: builder.build({ sense: 'minimize' }), columnOf, slackStart };
  };

  /** Solves the LP master (fixed employees held to their row) and prices one row for each other employee. */
  const price = (timeLimitSeconds: number, fixed?: Int32Array): PricingRound => {
    const { mip, columnOf } = buildMaster(false, fixed ? (e, p) => fixed[e]! < 0 || fixed[e] === p : undefined);
    const result = runHighs(highs, mip, { timeLimitSeconds, withRowDuals: true });
    const duals = result.rowDuals;
    if (result.status !== 'optimal' || !duals || !result.values) return { added: 0, lpObjective: null };
    const values = result.values;
    lpValue = columnOf.map((columns) => columns.map((c) => (c >= 0 ? values[c]! : 0)));
    const row = new Int16Array(h);
    let added = 0;
    for (let e = 0; e < E; e++) {
      if (fixed && fixed[e]! >= 0) continue;
      for (let d = 0; d < h; d++) {
        const base = d * (S + 1);
        cost[base] = requestCost(e, d, OFF);
        for (let s = 0; s < S; s++) cost[base + s + 1] = requestCost(e, d, s) - duals[E + d * S + s]!;
      }
      const found = optimizer.optimize(e, cost, prices[e]!, row, PRICE_ROUNDS);
      if (found !== null && found - duals[e]! < -REDUCED_COST_EPSILON && addRow(e, row)) added++;
    }
    return { added, lpObjective: result.objective };
  };

  /** Each free employee's row of largest LP value (its first row when the LP has not seen it). */
  const largestRow = (e: number): { row: number; value: number } => {
    const values = lpValue[e] ?? [];
    let row = 0;
    values.forEach((v, p) => {
      if (v > values[row]!) row = p;
    });
    return { row, value: values[row] ?? 0 };
  };

  return {
    get columnCount() {
      return columnCount;
    },
    addRoster(roster) {
      for (let e = 0; e < E; e++) addRow(e, roster.subarray(e * h, (e + 1) * h));
    },
    price: (timeLimitSeconds) => price(timeLimitSeconds),
    dive(timeLimitSeconds, isOutOfTime) {
      const fixed = new Int32Array(E).fill(-1);
      let free = E;
      while (free > 0) {
        // Out of time, the free employees take their largest LP row without re-pricing.
        if (isOutOfTime()) {
          for (let e = 0; e < E; e++) if (fixed[e]! < 0) fixed[e] = largestRow(e).row;
          break;
        }
        for (let round = 0; round < DIVE_PRICE_ROUNDS; round++) if (price(timeLimitSeconds, fixed).added === 0) break;
        // Fix every employee whose LP row is integral, or else the one with the largest value.
        let best = -1;
        let bestValue = -1;
        let fixedNow = 0;
        for (let e = 0; e < E; e++) {
          if (fixed[e]! >= 0) continue;
          const { row, value } = largestRow(e);
          if (value > 1 - INTEGRAL_EPSILON) {
            fixed[e] = row;
            fixedNow++;
          } else if (value > bestValue) {
            best = e;
            bestValue = value;
          }
        }
        if (fixedNow === 0 && best >= 0) {
          fixed[best] = largestRow(best).row;
          fixedNow++;
        }
        free -= fixedNow;
      }
      const roster = new Int16Array(E * h);
      for (let e = 0; e < E; e++) roster.set(pool[e]![fixed[e]!]!, e * h);
      return roster;
    },
    solveInteger(roster, objective, timeLimitSeconds, nodeLimit) {
      this.addRoster(roster);
      // The integer master keeps the rows the last LP used and the roster's own rows: a small
      // master HiGHS closes quickly, where the whole pool would mostly run out its budget.
      const current = Array.from({ length: E }, (_, e) => indexOf[e]!.get(roster.subarray(e * h, (e + 1) * h).join(','))!);
      const { mip, columnOf, slackStart } = buildMaster(true, (e, p) => p === current[e] || (lpValue[e]?.[p] ?? 0) > SUPPORT_EPSILON);
      // The start: each employee's current row, and the slacks its cover leaves.
      const start = new Float64Array(mip.numCols);
      const counts = new Int32Array(h * S);
      for (let e = 0; e < E; e++) {
        start[columnOf[e]![current[e]!]!] = 1;
        for (let d = 0; d < h; d++) if (roster[e * h + d]! >= 0) counts[d * S + roster[e * h + d]!]!++;
      }
      for (let cell = 0; cell < h * S; cell++) {
        start[slackStart + 2 * cell] = Math.max(0, problem.requirement[cell]! - counts[cell]!);
        start[slackStart + 2 * cell + 1] = Math.max(0, counts[cell]! - problem.requirement[cell]!);
      }
      const result = runHighs(highs, mip, { timeLimitSeconds, mipRelGap: 0, highsOptions: { mip_abs_gap: 0.999, mip_max_nodes: nodeLimit }, start });
      if (!result.values || result.objective === null || result.objective > objective + 0.5) return undefined;
      const values = result.values;
      const next = roster.slice();
      for (let e = 0; e < E; e++) {
        const p = columnOf[e]!.findIndex((c) => c >= 0 && values[c]! > 0.5);
        if (p >= 0) next.set(pool[e]![p]!, e * h);
      }
      return { roster: next, objective: Math.round(result.objective), isProven: result.status === 'optimal' };
    },
  };
}
