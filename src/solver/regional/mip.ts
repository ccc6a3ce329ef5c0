// The regional model as a MIP for HiGHS: the exact reference the benchmark and the tests hold the search to.
// x[s,w] ∈ {0,1} for every candidate pair (pairwise hard rules already applied); rows for demand (H2),
// supervision (H9), rest (H7: pairwise conflicts, which for shifts sorted by start is the same as the
// consecutive-pair rule), weekly hours (H8); continuous o[w] (minutes over desired) and u[w] (shifts under
// minimum). Objective = Σ uncovered weight × demand + Σ x·(pair costs − uncovered weight) + terms of o and u,
// i.e. exactly the spec's total.
import { createMipBuilder, solveMip, type MipStatus, type SparseMip } from '../highs/index.js';
import type { CompiledProblem } from './compile.js';
import { cost } from './constraints/cost.js';
import { travel } from './constraints/travel.js';
import { unpreferred } from './constraints/unpreferred.js';
import { buildCandidates } from './model.js';

export interface RegionalMip {
  mip: SparseMip;
  /** Column k < pairs.length / 2 is x[pairs[2k], pairs[2k+1]] (shift, worker). */
  pairs: Int32Array;
}

const pairCosts = [travel, unpreferred, cost].map((c) => c.pairPenalty!);

export function buildRegionalMip(problem: CompiledProblem, candidates: Int32Array[] = buildCandidates(problem)): RegionalMip {
  const b = createMipBuilder();
  const S = problem.shiftIds.length;
  const W = problem.workerIds.length;
  const pinned = new Set(problem.pinned.map((p) => p.shift * W + p.worker));
  const pairs: number[] = [];
  const byShift: number[][] = Array.from({ length: S }, () => []);
  const byWorker: Array<Array<[number, number]>> = Array.from({ length: W }, () => []);
  const addPair = (shift: number, worker: number): void => {
    let c = -problem.weights.uncovered * problem.shiftPriority[shift]!;
    for (const pairCost of pairCosts) c += pairCost(problem, shift, worker);
    const isPinned = pinned.has(shift * W + worker);
    const column = b.addColumn({ cost: c, lower: isPinned ? 1 : 0, upper: 1, isInteger: true });
    pairs.push(shift, worker);
    byShift[shift]!.push(column);
    byWorker[worker]!.push([shift, column]);
  };
  candidates.forEach((list, shift) => list.forEach((worker) => addPair(shift, worker)));
  for (const { shift, worker } of problem.pinned) {
    if (!candidates[shift]!.includes(worker)) addPair(shift, worker);
  }

  let offset = 0;
  for (let s = 0; s < S; s++) {
    offset += problem.weights.uncovered * problem.shiftPriority[s]! * problem.shiftDemand[s]!;
    const columns = byShift[s]!;
    if (columns.length > problem.shiftDemand[s]!) b.addRow(-Infinity, problem.shiftDemand[s]!, columns, columns.map(() => 1));
    const newcomers = columns.filter((col) => problem.workerIsNewcomer[pairs[2 * col + 1]!] === 1);
    if (newcomers.length > problem.shiftSupervision[s]!) b.addRow(-Infinity, problem.shiftSupervision[s]!, newcomers, newcomers.map(() => 1));
  }

  const restMs = problem.minRestMinutes * 60_000;
  for (let w = 0; w < W; w++) {
    const list = byWorker[w]!.sort((x, y) => problem.shiftStart[x[0]]! - problem.shiftStart[y[0]]!);
    for (let i = 0; i < list.length; i++) {
      const [a, colA] = list[i]!;
      for (let j = i + 1; j < list.length; j++) {
        const [bShift, colB] = list[j]!;
        if (problem.shiftStart[bShift]! - problem.shiftEnd[a]! >= restMs) {
          // Later shifts can still clash with `a` only if one starts before `a` ends plus rest; starts are sorted.
          if (problem.shiftStart[bShift]! >= problem.shiftEnd[a]! + restMs) break;
          continue;
        }
        b.addRow(-Infinity, 1, [colA, colB], [1, 1]);
      }
    }
    const cap = problem.workerWeeklyCapMinutes[w]!;
    for (let week = 0; week < problem.weekCount; week++) {
      const inWeek = list.filter(([s]) => problem.shiftWeek[s] === week);
      const minutes = inWeek.map(([s]) => problem.shiftMinutes[s]!);
      if (minutes.reduce((x, y) => x + y, 0) > cap) b.addRow(-Infinity, cap, inWeek.map(([, col]) => col), minutes);
    }
    const desired = problem.workerDesiredMinutes[w]!;
    if (!Number.isNaN(desired) && list.length > 0) {
      const over = b.addColumn({ cost: problem.weights.overDesired / 60, lower: 0, upper: Infinity, isInteger: false });
      b.addRow(-Infinity, desired, [...list.map(([, col]) => col), over], [...list.map(([s]) => problem.shiftMinutes[s]!), -1]);
    }
    const minShifts = problem.workerMinShifts[w]!;
    if (minShifts > 0) {
      const under = b.addColumn({ cost: problem.weights.underMinimum, lower: 0, upper: Infinity, isInteger: false });
      b.addRow(minShifts, Infinity, [...list.map(([, col]) => col), under], [...list.map(() => 1), 1]);
    }
  }
  return { mip: b.build({ offset }), pairs: Int32Array.from(pairs) };
}

export interface RegionalMipResult {
  status: MipStatus;
  objective: number | null;
  bound: number | null;
  assignments: Array<{ shift: number; worker: number }> | null;
  seconds: number;
  message?: string;
}

/** Solves the MIP in a worker thread (HiGHS blocks its thread); never rejects. */
export async function solveRegionalMip(problem: CompiledProblem, options: { timeLimitSeconds: number; signal?: AbortSignal; candidates?: Int32Array[] }): Promise<RegionalMipResult> {
  const { mip, pairs } = buildRegionalMip(problem, options.candidates);
  // Loading a model of 100k+ rows can take HiGHS many seconds on a busy machine; a generous grace period
  // keeps the runner from killing a solve that is merely late to notice its time limit.
  const result = await solveMip(mip, {
    timeLimitSeconds: options.timeLimitSeconds, mipRelGap: 1e-9, graceSeconds: Math.max(30, options.timeLimitSeconds), ...(options.signal && { signal: options.signal }),
  });
  const values = result.values;
  const assignments = values === null ? null : Array.from({ length: pairs.length / 2 }, (_, k) => k)
    .filter((k) => values[k]! > 0.5)
    .map((k) => ({ shift: pairs[2 * k]!, worker: pairs[2 * k + 1]! }));
  return {
    status: result.status, objective: result.objective, bound: result.bound, assignments, seconds: result.seconds,
    ...(result.message !== undefined && { message: result.message }),
  };
}
