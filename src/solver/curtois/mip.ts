// The HiGHS reference: the benchmark as an integer program (after Strandmark, Qu & Curtois 2020,
// section 3), with the boundary reading of rules 6 and 7 that reproduces the published optima.
// Exact for the small instances; on the large ones it runs out its time limit or memory.
//
// The same builder also makes the sub-problems of the engine's exact repair (lns.ts): a set of
// employees over a window of days is free, everything else keeps the values of a given roster
// and enters the rows as constants.
import { createMipBuilder, solveMip, type MipStatus, type SolveMipOptions, type SparseMip } from '../highs/index.js';
import { evaluateRoster } from './evaluate.js';
import { createEmptyRoster, OFF, type CurtoisProblem, type Roster } from './problem.js';

export interface CurtoisMipResult {
  status: MipStatus;
  /** Objective of the roster HiGHS found, recomputed by the evaluator; null without a roster. */
  objective: number | null;
  isFeasible: boolean;
  /** HiGHS's proven lower bound, rounded up (the objective is an integer). */
  bound: number | null;
  roster: Roster | null;
  seconds: number;
  message?: string;
}

/** The free part of a sub-problem: these employees on days [from, to); the rest of `roster` is fixed. */
export interface MipNeighbourhood {
  roster: Roster;
  /** The roster's objective, when the caller knows it (saves an evaluation). */
  objective?: number;
  employees: readonly number[];
  from: number;
  to: number;
}

export interface CurtoisMip {
  mip: SparseMip;
  /** Column of x[e][d][s] at index (e * horizon + d) * shiftCount + s, or −1 where there is none. */
  x: Int32Array;
  /** With a neighbourhood: the values of its roster, a start whose objective (offset included) is that roster's. */
  start?: Float64Array;
}

export function buildCurtoisMip(problem: CurtoisProblem, neighbourhood?: MipNeighbourhood): CurtoisMip {
  const { horizon: h, shiftCount: S, instance } = problem;
  const roster = neighbourhood?.roster;
  const employees = neighbourhood?.employees ?? instance.employees.map((_, e) => e);
  const from = neighbourhood?.from ?? 0;
  const to = neighbourhood?.to ?? h;
  // Columns span the free days plus the reach of the sequence rules on either side (fixed there),
  // widened to whole weeks so a weekend is either all columns or all constants.
  const reach = Math.max(1, ...employees.map((e) => {
    const employee = instance.employees[e]!;
    return Math.max(employee.maxConsecutive, employee.minConsecutive, employee.minConsecutiveOff) + 1;
  }));
  const lo = neighbourhood ? Math.floor(Math.max(0, from - reach) / 7) * 7 : 0;
  const hi = neighbourhood ? Math.min(h, Math.ceil((to + reach) / 7) * 7) : h;
  const isFree = (d: number) => d >= from && d < to;
  const builder = createMipBuilder();
  const start: number[] = [];
  const addColumn = (cost: number, lower: number, upper: number, isInteger: boolean, value: number) => {
    start.push(value);
    return builder.addColumn({ cost, lower, upper, isInteger });
  };
  let offset = 0;
  // x[e][d][s]: e works s on d; omitted (−1) where a day off or a zero type limit forbids it, and
  // on fixed days for every shift but the one worked.
  const x = new Int32Array(problem.employeeCount * h * S).fill(-1);
  const work = new Int32Array(problem.employeeCount * h).fill(-1);
  for (const e of employees) {
    const employee = instance.employees[e]!;
    for (let d = lo; d < hi; d++) {
      const cell = e * h + d;
      const current = roster ? roster[cell]! : OFF;
      const onShift = problem.onRequestShift[cell]!;
      if (onShift >= 0) offset += problem.onRequestWeight[cell]!;
      const daily: number[] = [];
      for (let s = 0; s < S; s++) {
        const isAllowed = isFree(d) ? problem.isDayOff[cell] === 0 && employee.maxShifts[s]! > 0 : current === s;
        if (!isAllowed) continue;
        let cost = 0;
        if (onShift === s) cost -= problem.onRequestWeight[cell]!;
        if (problem.offRequestShift[cell] === s) cost += problem.offRequestWeight[cell]!;
        const isWorked = current === s ? 1 : 0;
        const column = isFree(d) ? addColumn(cost, 0, 1, true, isWorked) : addColumn(cost, 1, 1, true, 1);
        x[cell * S + s] = column;
        daily.push(column);
      }
      // work[e][d] = Σ_s x[e][d][s] ≤ 1 (rule 1), kept as its own column for the sequence rules.
      const w = addColumn(0, 0, daily.length === 0 ? 0 : 1, false, current >= 0 ? 1 : 0);
      builder.addRow(0, 0, [w, ...daily], [1, ...daily.map(() => -1)]);
      work[cell] = w;
    }
  }
  const xs = (e: number, d: number, s: number) => x[(e * h + d) * S + s]!;
  const w = (e: number, d: number) => work[e * h + d]!;
  /** Days [first, last] overlap the free days, so the row is not all constants. */
  const touchesFree = (first: number, last: number) => first < to && last >= from;

  for (const e of employees) {
    const employee = instance.employees[e]!;
    // Rule 2: forbidden successions.
    for (let d = Math.max(lo, from - 1); d + 1 < Math.min(hi, to + 1); d++) {
      for (let s = 0; s < S; s++) {
        for (let t = 0; t < S; t++) {
          if (problem.forbidden[s * S + t] === 1 && xs(e, d, s) >= 0 && xs(e, d + 1, t) >= 0) builder.addRow(-Infinity, 1, [xs(e, d, s), xs(e, d + 1, t)], [1, 1]);
        }
      }
    }
    // Rules 3 and 4: per-type limits and working time, less what the days outside the columns use.
    const fixedCount = new Int32Array(S);
    let fixedMinutes = 0;
    if (roster) {
      for (let d = 0; d < h; d++) {
        const v = roster[e * h + d]!;
        if ((d < lo || d >= hi) && v >= 0) {
          fixedCount[v]!++;
          fixedMinutes += problem.shiftMinutes[v]!;
        }
      }
    }
    const all: number[] = [];
    const minutes: number[] = [];
    for (let s = 0; s < S; s++) {
      const columns: number[] = [];
      for (let d = lo; d < hi; d++) if (xs(e, d, s) >= 0) columns.push(xs(e, d, s));
      const limit = employee.maxShifts[s]! - fixedCount[s]!;
      if (columns.length > limit) builder.addRow(-Infinity, limit, columns, columns.map(() => 1));
      all.push(...columns);
      minutes.push(...columns.map(() => problem.shiftMinutes[s]!));
    }
    builder.addRow(employee.minMinutes - fixedMinutes, employee.maxMinutes - fixedMinutes, all, minutes);
    // Rule 5: every window of maxConsecutive + 1 days holds a day off.
    const span = employee.maxConsecutive + 1;
    for (let d = lo; d + span <= hi; d++) {
      if (!touchesFree(d, d + span - 1)) continue;
      const window = Array.from({ length: span }, (_, i) => w(e, d + i));
      builder.addRow(-Infinity, employee.maxConsecutive, window, window.map(() => 1));
    }
    // Rule 6: no off, on^k, off with k < minimum, both off days inside the horizon.
    for (let k = 1; k < employee.minConsecutive; k++) {
      for (let d = Math.max(1, lo + 1); d + k < hi; d++) {
        if (!touchesFree(d - 1, d + k)) continue;
        const inside = Array.from({ length: k }, (_, i) => w(e, d + i));
        builder.addRow(-Infinity, k - 1, [w(e, d - 1), ...inside, w(e, d + k)], [-1, ...inside.map(() => 1), -1]);
      }
    }
    // Rule 7: no on, off^k, on with k < minimum, both working days inside the horizon.
    for (let k = 1; k < employee.minConsecutiveOff; k++) {
      for (let d = Math.max(1, lo + 1); d + k < hi; d++) {
        if (!touchesFree(d - 1, d + k)) continue;
        const inside = Array.from({ length: k }, (_, i) => w(e, d + i));
        builder.addRow(-Infinity, 1, [w(e, d - 1), ...inside, w(e, d + k)], [1, ...inside.map(() => -1), 1]);
      }
    }
    // Rule 8: weekend indicator ≥ Saturday and ≥ Sunday; at most maxWeekends of them.
    const weekends: number[] = [];
    let fixedWeekends = 0;
    for (let saturday = 5; saturday < h; saturday += 7) {
      if (saturday < lo || saturday >= hi) {
        if (roster && (roster[e * h + saturday]! >= 0 || roster[e * h + saturday + 1]! >= 0)) fixedWeekends++;
        continue;
      }
      const isWorked = roster && (roster[e * h + saturday]! >= 0 || roster[e * h + saturday + 1]! >= 0) ? 1 : 0;
      const y = addColumn(0, 0, 1, true, isWorked);
      builder.addRow(0, Infinity, [y, w(e, saturday)], [1, -1]);
      builder.addRow(0, Infinity, [y, w(e, saturday + 1)], [1, -1]);
      weekends.push(y);
    }
    if (weekends.length > employee.maxWeekends - fixedWeekends) builder.addRow(-Infinity, employee.maxWeekends - fixedWeekends, weekends, weekends.map(() => 1));
  }

  // Cover: Σ_e x[e][d][s] + under − over = requirement, less the employees fixed on that cell.
  const isEmployeeFree = new Uint8Array(problem.employeeCount);
  for (const e of employees) isEmployeeFree[e] = 1;
  for (let d = from; d < to; d++) {
    for (let s = 0; s < S; s++) {
      const cell = d * S + s;
      const columns: number[] = [];
      let fixed = 0;
      let freeWorked = 0;
      for (let e = 0; e < problem.employeeCount; e++) {
        if (isEmployeeFree[e] === 1) {
          if (xs(e, d, s) >= 0) columns.push(xs(e, d, s));
          if (roster && roster[e * h + d] === s) freeWorked++;
        } else if (roster && roster[e * h + d] === s) {
          fixed++;
        }
      }
      const target = problem.requirement[cell]! - fixed;
      const under = addColumn(problem.weightUnder[cell]!, 0, Infinity, false, Math.max(0, target - freeWorked));
      const over = addColumn(problem.weightOver[cell]!, 0, Infinity, false, Math.max(0, freeWorked - target));
      builder.addRow(target, target, [...columns, under, over], [...columns.map(() => 1), 1, -1]);
    }
  }
  if (!roster) return { mip: builder.build({ sense: 'minimize', offset }), x };
  // The offset makes the start's objective the roster's: the terms outside the columns are constants.
  const values = Float64Array.from(start);
  const built = builder.build({ sense: 'minimize', offset: 0 });
  let startCost = 0;
  values.forEach((v, j) => (startCost += v * built.colCost[j]!));
  return { mip: { ...built, offset: (neighbourhood?.objective ?? evaluateRoster(problem, roster).objective) - startCost }, x, start: values };
}

/** The roster a MIP solution describes: the columns' values where there are columns, `base` elsewhere. */
export function rosterFromMip(problem: CurtoisProblem, x: Int32Array, values: Float64Array, base?: Roster): Roster {
  const roster = base ? base.slice() : createEmptyRoster(problem);
  const S = problem.shiftCount;
  const seen = new Uint8Array(problem.employeeCount * problem.horizon);
  x.forEach((column, index) => {
    if (column < 0) return;
    const cell = Math.floor(index / S);
    if (seen[cell] === 0) {
      seen[cell] = 1;
      roster[cell] = OFF;
    }
    if (values[column]! > 0.5) roster[cell] = index % S;
  });
  return roster;
}

export async function solveCurtoisMip(problem: CurtoisProblem, options: Omit<SolveMipOptions, 'mipRelGap'>): Promise<CurtoisMipResult> {
  const { mip, x } = buildCurtoisMip(problem);
  // The objective is an integer, so a gap below 1 proves optimality.
  const result = await solveMip(mip, { ...options, mipRelGap: 0, highsOptions: { mip_abs_gap: 0.999, ...options.highsOptions } });
  const roster = result.values ? rosterFromMip(problem, x, result.values) : null;
  const evaluation = roster ? evaluateRoster(problem, roster) : null;
  return {
    status: result.status,
    objective: evaluation ? evaluation.objective : null,
    isFeasible: evaluation?.isFeasible ?? false,
    bound: result.bound === null ? null : Math.ceil(result.bound - 1e-6),
    roster,
    seconds: result.seconds,
    ...(result.message !== undefined && { message: result.message }),
  };
}
