// The regional model as a MIP for HiGHS: the exact reference the benchmark and the tests hold the search to.
// x[s,w] ∈ {0,1} for every candidate pair (pairwise hard rules already applied); rows for demand (H2),
// supervision (H9), rest (H7: one row per maximal clique of clashing shifts, see addRestCliques), weekly
// hours (H8); continuous o[w] (minutes over desired) and u[w] (shifts under
// minimum). Objective = Σ uncovered weight × demand + Σ x·(pair costs − uncovered weight) + terms of o and u,
// i.e. exactly the spec's total.
import { createMipBuilder, solveMip, type MipBuilder, type MipStatus, type SparseMip } from '../highs/index.js';
import type { CompiledProblem } from './compile.js';
import { cost } from './constraints/cost.js';
import { travel } from './constraints/travel.js';
import { unpreferred } from './constraints/unpreferred.js';
import { buildCandidates } from './model.js';
import type { Plan } from './plan.js';

export interface RegionalMip {
  mip: SparseMip;
  /** Column k < pairs.length / 2 is x[pairs[2k], pairs[2k+1]] (shift, worker). */
  pairs: Int32Array;
  /** For a neighbourhood: the current plan as a start (HiGHS keeps it as its incumbent). */
  start?: Float64Array;
}

/**
 * Part of a current plan to decide again: the assignments of these workers to these shifts are free, every
 * other assignment (and every pin) stays as it is, so demand, supervision, rest, weekly caps and the
 * per-worker terms see it as fixed.
 */
export interface Neighbourhood {
  plan: Plan;
  shifts: ArrayLike<number>;
  workers: ArrayLike<number>;
}

const pairCosts = [travel, unpreferred, cost].map((c) => c.pairPenalty!);

/** The whole model, or (with a neighbourhood) the sub-model of a large-neighbourhood search step. */
export function buildRegionalMip(problem: CompiledProblem, candidates: Int32Array[] = buildCandidates(problem), neighbourhood?: Neighbourhood): RegionalMip {
  const b = createMipBuilder();
  const S = problem.shiftIds.length;
  const W = problem.workerIds.length;
  const restMs = problem.minRestMinutes * 60_000;
  const pinned = new Set(problem.pinned.map((p) => p.shift * W + p.worker));
  const plan = neighbourhood?.plan;
  const isFreeShift = new Uint8Array(S);
  const isFreeWorker = new Uint8Array(W);
  const shifts = neighbourhood ? Array.from(neighbourhood.shifts) : Array.from({ length: S }, (_, s) => s);
  for (const s of shifts) isFreeShift[s] = 1;
  if (neighbourhood) for (let k = 0; k < neighbourhood.workers.length; k++) isFreeWorker[neighbourhood.workers[k]!] = 1;
  else isFreeWorker.fill(1);
  /** An assignment of the current plan that the neighbourhood keeps. */
  const isFixed = (shift: number, worker: number): boolean => isFreeShift[shift] === 0 || isFreeWorker[worker] === 0 || pinned.has(shift * W + worker);
  /** A fixed shift of the worker within rest distance of `shift` rules the pair out. */
  const clashesWithFixed = (shift: number, worker: number): boolean => {
    if (!plan) return false;
    const list = plan.workerShifts[worker]!;
    const at = plan.positionOf(worker, shift);
    for (let k = at - 1; k >= 0 && problem.shiftEnd[list[k]!]! + restMs > problem.shiftStart[shift]!; k--) if (isFixed(list[k]!, worker)) return true;
    for (let k = at; k < list.length && problem.shiftEnd[shift]! + restMs > problem.shiftStart[list[k]!]!; k++) if (list[k] !== shift && isFixed(list[k]!, worker)) return true;
    return false;
  };

  const pairs: number[] = [];
  const start: number[] = [];
  const byShift = new Map<number, number[]>();
  const byWorker = new Map<number, Array<[number, number]>>();
  const addPair = (shift: number, worker: number, isPinned: boolean): void => {
    let c = -problem.weights.uncovered * problem.shiftPriority[shift]!;
    for (const pairCost of pairCosts) c += pairCost(problem, shift, worker);
    const column = b.addColumn({ cost: c, lower: isPinned ? 1 : 0, upper: 1, isInteger: true });
    pairs.push(shift, worker);
    start.push(plan?.hasAssignment(shift, worker) === true ? 1 : 0);
    (byShift.get(shift) ?? byShift.set(shift, []).get(shift)!).push(column);
    (byWorker.get(worker) ?? byWorker.set(worker, []).get(worker)!).push([shift, column]);
  };
  for (const shift of shifts) {
    for (const worker of candidates[shift]!) {
      const isPinned = pinned.has(shift * W + worker);
      // In a neighbourhood, pins are part of the fixed plan.
      if (isFreeWorker[worker] === 1 && !(plan && isPinned) && !clashesWithFixed(shift, worker)) addPair(shift, worker, isPinned);
    }
  }
  if (!plan) {
    for (const { shift, worker } of problem.pinned) {
      if (!candidates[shift]!.includes(worker)) addPair(shift, worker, true);
    }
  }

  // What the fixed part of the plan already takes, per shift and per worker (week, horizon).
  const fixedOnShift = (shift: number): { count: number; newcomers: number } => {
    let count = 0;
    let newcomers = 0;
    for (const w of plan?.shiftWorkers[shift] ?? []) {
      if (!isFixed(shift, w)) continue;
      count++;
      newcomers += problem.workerIsNewcomer[w]!;
    }
    return { count, newcomers };
  };
  let offset = 0;
  for (const s of shifts) {
    const fixed = fixedOnShift(s);
    const places = Math.max(0, problem.shiftDemand[s]! - fixed.count);
    offset += problem.weights.uncovered * problem.shiftPriority[s]! * places;
    const columns = byShift.get(s) ?? [];
    if (columns.length > places) b.addRow(-Infinity, places, columns, columns.map(() => 1));
    const newcomers = columns.filter((col) => problem.workerIsNewcomer[pairs[2 * col + 1]!] === 1);
    const supervision = Math.max(0, problem.shiftSupervision[s]! - fixed.newcomers);
    if (newcomers.length > supervision) b.addRow(-Infinity, supervision, newcomers, newcomers.map(() => 1));
  }

  // Every worker in the whole model (one without candidates still pays for shifts under minimum); in a
  // neighbourhood only those with free pairs (the others' terms are fixed).
  const workers = neighbourhood ? [...byWorker.keys()] : Array.from({ length: W }, (_, w) => w);
  for (const w of workers) {
    const list = byWorker.get(w) ?? [];
    list.sort((x, y) => problem.shiftStart[x[0]]! - problem.shiftStart[y[0]]!);
    addRestCliques(b, problem, list, restMs);
    const fixedWeekMinutes = new Float64Array(problem.weekCount);
    let fixedMinutes = 0;
    let fixedCount = 0;
    for (const s of plan?.workerShifts[w] ?? []) {
      if (!isFixed(s, w)) continue;
      fixedWeekMinutes[problem.shiftWeek[s]!]! += problem.shiftMinutes[s]!;
      fixedMinutes += problem.shiftMinutes[s]!;
      fixedCount++;
    }
    const cap = problem.workerWeeklyCapMinutes[w]!;
    for (let week = 0; week < problem.weekCount; week++) {
      const inWeek = list.filter(([s]) => problem.shiftWeek[s] === week);
      const minutes = inWeek.map(([s]) => problem.shiftMinutes[s]!);
      const room = cap - fixedWeekMinutes[week]!;
      if (minutes.reduce((x, y) => x + y, 0) > room) b.addRow(-Infinity, room, inWeek.map(([, col]) => col), minutes);
    }
    const desired = problem.workerDesiredMinutes[w]!;
    if (!Number.isNaN(desired) && list.length > 0) {
      const over = b.addColumn({ cost: problem.weights.overDesired / 60, lower: 0, upper: Infinity, isInteger: false });
      start.push(Math.max(0, (plan?.workerMinutes[w] ?? 0) - desired));
      b.addRow(-Infinity, desired - fixedMinutes, [...list.map(([, col]) => col), over], [...list.map(([s]) => problem.shiftMinutes[s]!), -1]);
    }
    const minShifts = problem.workerMinShifts[w]! - fixedCount;
    if (minShifts > 0) {
      const under = b.addColumn({ cost: problem.weights.underMinimum, lower: 0, upper: Infinity, isInteger: false });
      start.push(Math.max(0, problem.workerMinShifts[w]! - (plan?.workerShiftCount[w] ?? 0)));
      b.addRow(minShifts, Infinity, [...list.map(([, col]) => col), under], [...list.map(() => 1), 1]);
    }
  }
  return { mip: b.build({ offset }), pairs: Int32Array.from(pairs), ...(plan && { start: Float64Array.from(start) }) };
}

/**
 * H7 as clique rows: a shift occupies [start, end + rest) for rest purposes, and two of a worker's shifts clash
 * exactly when those intervals overlap. The clashes form an interval graph, whose maximal cliques are the
 * sets of intervals covering a shift's start; one row Σ x ≤ 1 per maximal clique says the same as a row per
 * clashing pair, in far fewer rows and with an LP relaxation that is exact for the rest rule alone (pairwise
 * rows let x = ½ on every shift of a run, which is what kept HiGHS at the root on ex-medium).
 * `list` is the worker's free (shift, column) pairs sorted by start.
 */
export function addRestCliques(b: Pick<MipBuilder, 'addRow'>, problem: CompiledProblem, list: ReadonlyArray<readonly [number, number]>, restMs: number): void {
  const reach = (k: number): number => problem.shiftEnd[list[k]![0]]! + restMs;
  const startOf = (k: number): number => problem.shiftStart[list[k]![0]]!;
  // The intervals that cover the current start; a shift's own interval always covers its start.
  let active: number[] = [];
  for (let i = 0; i < list.length; i++) {
    const t = startOf(i);
    active.push(i);
    // Only the last interval starting at t opens the clique at t.
    if (i + 1 < list.length && startOf(i + 1) === t) continue;
    active = active.filter((k) => reach(k) > t);
    if (active.length < 2) continue;
    // The clique at t is maximal unless every member still covers the next start.
    if (i + 1 < list.length && active.every((k) => reach(k) > startOf(i + 1))) continue;
    b.addRow(-Infinity, 1, active.map((k) => list[k]![1]), active.map(() => 1));
  }
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
