import type { CompiledProblem } from './compile.js';

/**
 * A working assignment with the aggregates the constraints read: per shift its workers, per worker its
 * shifts in time order, minutes per worker and week, shift counts, newcomers per shift. It allows
 * infeasible states (the checker scores arbitrary solutions), so nothing here enforces a rule.
 */
export class Plan {
  readonly shiftWorkers: number[][];
  /** Sorted by start, then end, then shift index. */
  readonly workerShifts: number[][];
  readonly weekMinutes: Float64Array;
  readonly workerMinutes: Float64Array;
  readonly workerShiftCount: Int32Array;
  readonly shiftNewcomers: Int32Array;

  constructor(readonly problem: CompiledProblem) {
    const S = problem.shiftIds.length;
    const W = problem.workerIds.length;
    this.shiftWorkers = Array.from({ length: S }, () => []);
    this.workerShifts = Array.from({ length: W }, () => []);
    this.weekMinutes = new Float64Array(W * problem.weekCount);
    this.workerMinutes = new Float64Array(W);
    this.workerShiftCount = new Int32Array(W);
    this.shiftNewcomers = new Int32Array(S);
  }

  /** Position at which `shift` sits, or would be inserted, in the worker's time-ordered list. */
  positionOf(worker: number, shift: number): number {
    const list = this.workerShifts[worker]!;
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.isBefore(list[mid]!, shift)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  isBefore(a: number, b: number): boolean {
    const p = this.problem;
    const sa = p.shiftStart[a]!;
    const sb = p.shiftStart[b]!;
    if (sa !== sb) return sa < sb;
    const ea = p.shiftEnd[a]!;
    const eb = p.shiftEnd[b]!;
    return ea !== eb ? ea < eb : a < b;
  }

  // add and remove shift array elements by hand: splice allocates the array it returns, and the search
  // calls these millions of times.
  add(shift: number, worker: number): void {
    const p = this.problem;
    this.shiftWorkers[shift]!.push(worker);
    const list = this.workerShifts[worker]!;
    const at = this.positionOf(worker, shift);
    list.push(shift);
    for (let k = list.length - 1; k > at; k--) list[k] = list[k - 1]!;
    list[at] = shift;
    this.weekMinutes[worker * p.weekCount + p.shiftWeek[shift]!]! += p.shiftMinutes[shift]!;
    this.workerMinutes[worker]! += p.shiftMinutes[shift]!;
    this.workerShiftCount[worker]!++;
    if (p.workerIsNewcomer[worker] === 1) this.shiftNewcomers[shift]!++;
  }

  remove(shift: number, worker: number): void {
    const p = this.problem;
    const onShift = this.shiftWorkers[shift]!;
    const k = onShift.indexOf(worker);
    if (k < 0) throw new Error(`worker ${worker} is not on shift ${shift}`);
    removeAt(onShift, k);
    const list = this.workerShifts[worker]!;
    // A worker's list is short: a plain scan beat a binary search for the position (4.7M against 4.5M moves
    // in 8 s on ex-medium, same plans).
    removeAt(list, list.indexOf(shift));
    this.weekMinutes[worker * p.weekCount + p.shiftWeek[shift]!]! -= p.shiftMinutes[shift]!;
    this.workerMinutes[worker]! -= p.shiftMinutes[shift]!;
    this.workerShiftCount[worker]!--;
    if (p.workerIsNewcomer[worker] === 1) this.shiftNewcomers[shift]!--;
  }

  hasAssignment(shift: number, worker: number): boolean {
    return this.shiftWorkers[shift]!.includes(worker);
  }

  /** Every (shift, worker) pair, shift by shift. */
  assignments(): Array<{ shift: number; worker: number }> {
    return this.shiftWorkers.flatMap((workers, shift) => workers.map((worker) => ({ shift, worker })));
  }
}

/** Removes the element at `at`, keeping the order. */
function removeAt(list: number[], at: number): void {
  for (let k = at + 1; k < list.length; k++) list[k - 1] = list[k]!;
  list.pop();
}
