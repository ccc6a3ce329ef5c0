// The HiGHS reference: the benchmark as an integer program (after Strandmark, Qu & Curtois 2020,
// section 3), with the boundary reading of rules 6 and 7 that reproduces the published optima.
// Exact for the small instances; on the large ones it runs out its time limit or memory.
import { createMipBuilder, solveMip, type MipStatus, type SolveMipOptions } from '../highs/index.js';
import { evaluateRoster } from './evaluate.js';
import { createEmptyRoster, type CurtoisProblem, type Roster } from './problem.js';

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

export function buildCurtoisMip(problem: CurtoisProblem) {
  const { horizon: h, shiftCount: S, instance } = problem;
  const builder = createMipBuilder();
  let offset = 0;
  // x[e][d][s]: e works s on d; omitted (−1) where a day off or a zero type limit forbids it.
  const x = new Int32Array(problem.employeeCount * h * S).fill(-1);
  const work: number[] = [];
  instance.employees.forEach((employee, e) => {
    for (let d = 0; d < h; d++) {
      const cell = e * h + d;
      const onShift = problem.onRequestShift[cell]!;
      if (onShift >= 0) offset += problem.onRequestWeight[cell]!;
      const daily: number[] = [];
      for (let s = 0; s < S; s++) {
        if (problem.isDayOff[cell] === 1 || employee.maxShifts[s] === 0) continue;
        let cost = 0;
        if (onShift === s) cost -= problem.onRequestWeight[cell]!;
        if (problem.offRequestShift[cell] === s) cost += problem.offRequestWeight[cell]!;
        const column = builder.addColumn({ cost, lower: 0, upper: 1, isInteger: true });
        x[cell * S + s] = column;
        daily.push(column);
      }
      // work[e][d] = Σ_s x[e][d][s] ≤ 1 (rule 1), kept as its own column for the sequence rules.
      const w = builder.addColumn({ cost: 0, lower: 0, upper: daily.length === 0 ? 0 : 1, isInteger: false });
      builder.addRow(0, 0, [w, ...daily], [1, ...daily.map(() => -1)]);
      work.push(w);
    }
  });
  const xs = (e: number, d: number, s: number) => x[(e * h + d) * S + s]!;
  const w = (e: number, d: number) => work[e * h + d]!;

  instance.employees.forEach((employee, e) => {
    // Rule 2: forbidden successions.
    for (let d = 0; d + 1 < h; d++) {
      for (let s = 0; s < S; s++) {
        for (let t = 0; t < S; t++) {
          if (problem.forbidden[s * S + t] === 1 && xs(e, d, s) >= 0 && xs(e, d + 1, t) >= 0) builder.addRow(-Infinity, 1, [xs(e, d, s), xs(e, d + 1, t)], [1, 1]);
        }
      }
    }
    // Rules 3 and 4: per-type limits and working time.
    const all: number[] = [];
    const minutes: number[] = [];
    for (let s = 0; s < S; s++) {
      const columns: number[] = [];
      for (let d = 0; d < h; d++) if (xs(e, d, s) >= 0) columns.push(xs(e, d, s));
      if (columns.length > employee.maxShifts[s]!) builder.addRow(-Infinity, employee.maxShifts[s]!, columns, columns.map(() => 1));
      all.push(...columns);
      minutes.push(...columns.map(() => problem.shiftMinutes[s]!));
    }
    builder.addRow(employee.minMinutes, employee.maxMinutes, all, minutes);
    // Rule 5: every window of maxConsecutive + 1 days holds a day off.
    const span = employee.maxConsecutive + 1;
    for (let d = 0; d + span <= h; d++) {
      const window = Array.from({ length: span }, (_, i) => w(e, d + i));
      builder.addRow(-Infinity, employee.maxConsecutive, window, window.map(() => 1));
    }
    // Rule 6: no off, on^k, off with k < minimum, both off days inside the horizon.
    for (let k = 1; k < employee.minConsecutive; k++) {
      for (let d = 1; d + k < h; d++) {
        const inside = Array.from({ length: k }, (_, i) => w(e, d + i));
        builder.addRow(-Infinity, k - 1, [w(e, d - 1), ...inside, w(e, d + k)], [-1, ...inside.map(() => 1), -1]);
      }
    }
    // Rule 7: no on, off^k, on with k < minimum, both working days inside the horizon.
    for (let k = 1; k < employee.minConsecutiveOff; k++) {
      for (let d = 1; d + k < h; d++) {
        const inside = Array.from({ length: k }, (_, i) => w(e, d + i));
        builder.addRow(-Infinity, 1, [w(e, d - 1), ...inside, w(e, d + k)], [1, ...inside.map(() => -1), 1]);
      }
    }
    // Rule 8: weekend indicator ≥ Saturday and ≥ Sunday; at most maxWeekends of them.
    const weekends: number[] = [];
    for (let saturday = 5; saturday < h; saturday += 7) {
      const y = builder.addColumn({ cost: 0, lower: 0, upper: 1, isInteger: true });
      builder.addRow(0, Infinity, [y, w(e, saturday)], [1, -1]);
      builder.addRow(0, Infinity, [y, w(e, saturday + 1)], [1, -1]);
      weekends.push(y);
    }
    builder.addRow(-Infinity, employee.maxWeekends, weekends, weekends.map(() => 1));
  });

  // Cover: Σ_e x[e][d][s] + under − over = requirement.
  for (let d = 0; d < h; d++) {
    for (let s = 0; s < S; s++) {
      const cell = d * S + s;
      const under = builder.addColumn({ cost: problem.weightUnder[cell]!, lower: 0, upper: Infinity, isInteger: false });
      const over = builder.addColumn({ cost: problem.weightOver[cell]!, lower: 0, upper: Infinity, isInteger: false });
      const columns: number[] = [];
      for (let e = 0; e < problem.employeeCount; e++) if (xs(e, d, s) >= 0) columns.push(xs(e, d, s));
      builder.addRow(problem.requirement[cell]!, problem.requirement[cell]!, [...columns, under, over], [...columns.map(() => 1), 1, -1]);
    }
  }
  return { mip: builder.build({ sense: 'minimize', offset }), x };
}

export async function solveCurtoisMip(problem: CurtoisProblem, options: Omit<SolveMipOptions, 'mipRelGap'>): Promise<CurtoisMipResult> {
  const { mip, x } = buildCurtoisMip(problem);
  // The objective is an integer, so a gap below 1 proves optimality.
  const result = await solveMip(mip, { ...options, mipRelGap: 0, highsOptions: { mip_abs_gap: 0.999, ...options.highsOptions } });
  let roster: Roster | null = null;
  if (result.values) {
    const values = result.values;
    roster = createEmptyRoster(problem);
    x.forEach((column, index) => {
      if (column >= 0 && values[column]! > 0.5) roster![Math.floor(index / problem.shiftCount)] = index % problem.shiftCount;
    });
  }
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
