// Large-neighbourhood search: free the assignments of a group of workers linked through the shifts of a time
// window, keep the rest of the plan fixed, and let HiGHS solve that sub-model exactly from the current plan
// as its start. The answer becomes one move of the search model, scored by the constraint units like any
// other, and is taken when it is no worse.
import type { Highs } from 'highs';
import { isWorsening, type Rng, type Score } from '../core/index.js';
import { runHighs } from '../highs/index.js';
import type { CompiledProblem } from './compile.js';
import { buildRegionalMip } from './mip.js';
import type { Move, RegionalModel } from './model.js';

const DAY_MS = 86_400_000;

export interface LnsOptions {
  /** HiGHS time limit per sub-model (s); `stepSeconds` may change it between steps. */
  stepSeconds: number;
  /** Branch-and-bound nodes per sub-model; bounds the work so a budgeted run does not depend on wall time. */
  maxNodes?: number;
  /** Called with each move a step is about to apply (the plan still as before it). */
  onApply?: (move: Move) => void;
  /** Anchor neighbourhoods only on shifts that start in [from, to) (threads that share a plan split it). */
  anchorSpan?: { from: number; to: number };
}

export interface LnsStep {
  /** The change of score the step made (zero when the plan stayed as it was). */
  delta: Score;
  /** Whether HiGHS proved the sub-model optimal (the next neighbourhood grows) or not (it shrinks). */
  isSolved: boolean;
  columns: number;
  /** Whether HiGHS started from the current plan (always, unless the sub-model is built wrong). */
  isStartUsed: boolean;
}

/** Bounds on the free pairs of one neighbourhood; the search adapts between them to what HiGHS solves. */
const MIN_COLUMNS = 200;
const MAX_COLUMNS = 20_000;
/**
 * Share of neighbourhoods that span the whole horizon: the workers nearest to a place, their whole plans.
 * On gen-60x14 (10 CPU-s, seeds 1–3) 0.3 ended at 307,561 on average against 307,631 with windows only.
 */
const WHOLE_HORIZON_SHARE = 0.3;

export class LargeNeighbourhoodSearch {
  /** Per worker, the shifts it is a candidate for, by start. */
  private readonly workerShifts: Int32Array[];
  /** All shifts by start. */
  private readonly byStart: Int32Array;
  private readonly problem: CompiledProblem;
  /**
   * Target number of free pairs per neighbourhood; it adapts (see `step`). From the same ex-medium plans,
   * starting at 400 gained 667–706 in 10 s, at 1,500 577 (it grows to about 2,000 either way).
   */
  targetColumns = 400;

  stepSeconds: number;

  constructor(private readonly model: RegionalModel, private readonly highs: Highs, private readonly options: LnsOptions) {
    this.stepSeconds = options.stepSeconds;
    const p = model.problem;
    this.problem = p;
    const counts = new Int32Array(p.workerIds.length);
    for (const list of model.candidates) for (const w of list) counts[w]!++;
    this.workerShifts = Array.from(counts, (n) => new Int32Array(n));
    counts.fill(0);
    this.byStart = Int32Array.from(p.shiftIds.keys()).sort((a, b) => p.shiftStart[a]! - p.shiftStart[b]! || a - b);
    for (const shift of this.byStart) for (const w of model.candidates[shift]!) this.workerShifts[w]![counts[w]!++] = shift;
  }

  /** First index in a by-start shift list whose start is at or after `t`. */
  private lowerBound(list: Int32Array, t: number): number {
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.problem.shiftStart[list[mid]!]! < t) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /**
   * A window of one to three days (or, WHOLE_HORIZON_SHARE of the time, the whole horizon) around an open
   * place (or, half the time or when all are filled, anywhere), and a group of workers **connected through
   * that window**, grown from the anchor shift until their candidate pairs in the window reach the target
   * size (see `connectedWorkers`). When the whole pool has fewer pairs in the window than the target (a
   * small region, or HiGHS solving fast), the window doubles around its middle until they reach it or it
   * spans the horizon: then the rules that tie a worker's days together (weekly hours, desired hours, the
   * minimum number of shifts) are re-decided as well.
   */
  chooseNeighbourhood(rng: Rng): { shifts: Int32Array; workers: Int32Array; columns: number } {
    const p = this.problem;
    const horizon = p.horizonEnd - p.horizonStart;
    const isWholeHorizon = rng.nextFloat() < WHOLE_HORIZON_SHARE;
    let length = isWholeHorizon ? horizon : Math.min(horizon, (1 + rng.nextInt(3)) * DAY_MS);
    const openPlace = rng.nextFloat() < 0.5 ? this.pickOpenPlace(rng) : -1;
    let anchor = openPlace >= 0 ? this.model.placeShift[openPlace]! : -1;
    const span = this.options.anchorSpan;
    if (anchor < 0 && span) {
      const inSpan = this.byStart.subarray(this.lowerBound(this.byStart, span.from), this.lowerBound(this.byStart, span.to));
      if (inSpan.length > 0) anchor = rng.pick(inSpan);
    }
    const earliest = anchor >= 0 ? Math.max(p.horizonStart, p.shiftStart[anchor]! - length + 1) : p.horizonStart;
    const latest = anchor >= 0 ? Math.min(p.horizonEnd - length, p.shiftStart[anchor]!) : p.horizonEnd - length;
    let from = earliest + rng.nextFloat() * Math.max(0, latest - earliest);
    let to = from + length;
    const middle = from + length / 2;
    const W = p.workerIds.length;
    for (;;) {
      let total = 0;
      for (let w = 0; w < W && total < this.targetColumns; w++) total += this.pairsInWindow(w, from, to);
      if (total >= this.targetColumns) break;
      if (length >= horizon) {
        // Everything: shifts that start at the very end of the horizon too.
        from = Number.NEGATIVE_INFINITY;
        to = Number.POSITIVE_INFINITY;
        break;
      }
      length = Math.min(horizon, 2 * length);
      from = Math.min(Math.max(p.horizonStart, middle - length / 2), p.horizonEnd - length);
      to = from + length;
    }
    const shifts = this.byStart.subarray(this.lowerBound(this.byStart, from), this.lowerBound(this.byStart, to));
    if (shifts.length === 0) return { shifts, workers: new Int32Array(0), columns: 0 };
    return { shifts, ...this.connectedWorkers(rng, anchor >= 0 ? anchor : rng.pick(shifts), from, to) };
  }

  /** A random open place (in the anchor span, when there is one), or -1. */
  private pickOpenPlace(rng: Rng): number {
    const span = this.options.anchorSpan;
    for (let tries = 0; tries < (span ? 8 : 1); tries++) {
      const place = this.model.pickOpenPlace(rng);
      if (place < 0) return -1;
      const start = this.problem.shiftStart[this.model.placeShift[place]!]!;
      if (!span || (start >= span.from && start < span.to)) return place;
    }
    return -1;
  }

  /** A worker's candidate pairs with shifts that start in [from, to). */
  private pairsInWindow(worker: number, from: number, to: number): number {
    const list = this.workerShifts[worker]!;
    return this.lowerBound(list, to) - this.lowerBound(list, from);
  }

  /**
   * Workers grown outwards from a worker of the anchor shift (its holder or a candidate), in random order:
   * each worker taken brings in the candidates of the shifts it holds in the window (who could take them
   * over) and the holders of the window's shifts it could take (whose places it could take over), until
   * their pairs in the window reach the target. An improving exchange runs along exactly such links (one
   * worker gives up a shift, another takes it and gives up one of its own, ...), so the group holds whole
   * chains of them where the nearest workers by distance (what was chosen before) mostly hold unrelated
   * ones. From the same two 12 s local-search plans of ex-medium, 10 s of steps (one thread, four seeds
   * each) gained 577, 667 and 706 on average in three runs, against 458 for the nearest workers.
   */
  private connectedWorkers(rng: Rng, anchor: number, from: number, to: number): { workers: Int32Array; columns: number } {
    const p = this.problem;
    const plan = this.model.plan;
    const isSeen = new Uint8Array(p.workerIds.length);
    const frontier: number[] = [];
    const reach = (w: number): void => {
      if (isSeen[w] === 1) return;
      isSeen[w] = 1;
      frontier.push(w);
    };
    const holders = plan.shiftWorkers[anchor]!;
    const candidates = this.model.candidates[anchor]!;
    if (holders.length > 0 && (candidates.length === 0 || rng.nextFloat() < 0.5)) reach(rng.pick(holders));
    else if (candidates.length > 0) reach(rng.pick(candidates));
    const workers: number[] = [];
    let columns = 0;
    for (let next = 0; next < frontier.length && columns < this.targetColumns; next++) {
      // The next worker is a random one of those reached and not yet taken.
      const k = next + rng.nextInt(frontier.length - next);
      const w = frontier[k]!;
      frontier[k] = frontier[next]!;
      frontier[next] = w;
      const n = this.pairsInWindow(w, from, to);
      if (n === 0) continue;
      workers.push(w);
      columns += n;
      for (const s of plan.workerShifts[w]!) {
        if (p.shiftStart[s]! >= from && p.shiftStart[s]! < to) for (const v of this.model.candidates[s]!) reach(v);
      }
      const list = this.workerShifts[w]!;
      for (let i = this.lowerBound(list, from); i < list.length && p.shiftStart[list[i]!]! < to; i++) {
        for (const v of plan.shiftWorkers[list[i]!]!) reach(v);
      }
    }
    return { workers: Int32Array.from(workers), columns };
  }

  /** One step: choose, solve, and apply when no worse. */
  step(rng: Rng): LnsStep {
    const model = this.model;
    const hood = this.chooseNeighbourhood(rng);
    const none: LnsStep = { delta: { hard: 0, soft: 0 }, isSolved: true, columns: 0, isStartUsed: true };
    if (hood.columns === 0) return none;
    const { mip, pairs, start } = buildRegionalMip(this.problem, model.candidates, { plan: model.plan, shifts: hood.shifts, workers: hood.workers });
    let result: ReturnType<typeof runHighs>;
    try {
      result = runHighs(this.highs, mip, {
        timeLimitSeconds: this.stepSeconds, mipRelGap: 1e-9, ...(start && { start, stopWhenBetterThanStart: true }),
        highsOptions: { ...(this.options.maxNodes !== undefined && { mip_max_nodes: this.options.maxNodes }), random_seed: rng.nextInt(1 << 30) },
      });
    } catch {
      // An exact step is an extra: a HiGHS failure leaves the plan as it is and the search goes on.
      return { ...none, isSolved: false, columns: mip.numCols, isStartUsed: false };
    }
    const isSolved = result.status === 'optimal';
    const isStartUsed = result.isStartUsed === true;
    this.targetColumns = Math.round(Math.min(MAX_COLUMNS, Math.max(MIN_COLUMNS, this.targetColumns * (isSolved ? 1.1 : 0.8))));
    if (!result.values) return { ...none, isSolved, columns: mip.numCols, isStartUsed };
    const move = this.moveTo(hood, pairs, result.values);
    if (move.length === 0) return { ...none, isSolved, columns: mip.numCols, isStartUsed };
    const delta = model.deltaOf(move);
    if (isWorsening(delta)) return { ...none, isSolved, columns: mip.numCols, isStartUsed };
    this.options.onApply?.(move);
    model.applyMove(move);
    return { delta: { hard: delta.hard, soft: delta.soft }, isSolved, columns: mip.numCols, isStartUsed };
  }

  /** The move that turns the free part of the plan into the sub-model's solution. */
  private moveTo(hood: { shifts: Int32Array; workers: Int32Array }, pairs: Int32Array, values: Float64Array): Move {
    const model = this.model;
    const chosen = new Map<number, number[]>();
    for (let k = 0; k < pairs.length / 2; k++) {
      if (values[k]! > 0.5) (chosen.get(pairs[2 * k]!) ?? chosen.set(pairs[2 * k]!, []).get(pairs[2 * k]!)!).push(pairs[2 * k + 1]!);
    }
    const isFreeWorker = new Set(hood.workers);
    const move: Move = [];
    for (const shift of hood.shifts) {
      const next = chosen.get(shift) ?? [];
      const freed: number[] = [];
      const open: number[] = [];
      for (let place = model.shiftFirstPlace[shift]!; place < model.shiftFirstPlace[shift + 1]!; place++) {
        if (model.placePinned[place] === 1) continue;
        const worker = model.placeWorker[place]!;
        if (worker < 0) open.push(place);
        else if (isFreeWorker.has(worker) && !next.includes(worker)) freed.push(place);
      }
      const added = next.filter((w) => !model.plan.hasAssignment(shift, w));
      for (const worker of added) {
        const place = freed.pop() ?? open.pop();
        if (place === undefined) return [];
        move.push({ place, worker });
      }
      for (const place of freed) move.push({ place, worker: -1 });
    }
    return move;
  }
}
