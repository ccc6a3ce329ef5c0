import type { Rng, Score, SearchModel } from '../core/index.js';
import type { CompiledProblem } from './compile.js';
import { hardConstraints } from './constraints/index.js';
import { availability } from './constraints/availability.js';
import { cost } from './constraints/cost.js';
import { demand } from './constraints/demand.js';
import { overDesired } from './constraints/over-desired.js';
import { activityPackage } from './constraints/package.js';
import { registration } from './constraints/registration.js';
import { rest } from './constraints/rest.js';
import { supervision } from './constraints/supervision.js';
import { travel } from './constraints/travel.js';
import { travelRadius } from './constraints/travel-radius.js';
import { unavailability } from './constraints/unavailability.js';
import { uncovered } from './constraints/uncovered.js';
import { underMinimum } from './constraints/under-minimum.js';
import { uniqueAssignment } from './constraints/unique-assignment.js';
import { unpreferred } from './constraints/unpreferred.js';
import { weeklyHours } from './constraints/weekly-hours.js';
import { Plan } from './plan.js';
import { evaluatePlan } from './score.js';

/** One place gets a new worker (-1: left open). */
export interface Change {
  place: number;
  worker: number;
}
export type Move = Change[];

// The rules a move is scored by (the registry's non-pairwise hard rules and every soft term), called by name
// rather than in a loop over the registry: in such a loop one call site sees five or six different functions,
// more than V8 inlines there (four), so it inlined none. Hence four written-out functions of the same shape.
// Same rules in the same order, so the same sums to the last bit (checked: the same plan for a seed and move
// budget) and 25 % more moves per second on ex-medium (4.5M against 3.6M in 8 s, one thread).
// `model.test.ts` holds these four to the registry.

function hardAssign(plan: Plan, shift: number, worker: number, sum: number): number {
  sum += uniqueAssignment.deltaAssign(plan, shift, worker);
  sum += demand.deltaAssign(plan, shift, worker);
  sum += rest.deltaAssign(plan, shift, worker);
  sum += weeklyHours.deltaAssign(plan, shift, worker);
  return sum + supervision.deltaAssign(plan, shift, worker);
}

function hardUnassign(plan: Plan, shift: number, worker: number, sum: number): number {
  sum += uniqueAssignment.deltaUnassign(plan, shift, worker);
  sum += demand.deltaUnassign(plan, shift, worker);
  sum += rest.deltaUnassign(plan, shift, worker);
  sum += weeklyHours.deltaUnassign(plan, shift, worker);
  return sum + supervision.deltaUnassign(plan, shift, worker);
}

function softAssign(plan: Plan, shift: number, worker: number, sum: number): number {
  sum += uncovered.deltaAssign(plan, shift, worker);
  sum += travel.deltaAssign(plan, shift, worker);
  sum += unpreferred.deltaAssign(plan, shift, worker);
  sum += overDesired.deltaAssign(plan, shift, worker);
  sum += underMinimum.deltaAssign(plan, shift, worker);
  return sum + cost.deltaAssign(plan, shift, worker);
}

function softUnassign(plan: Plan, shift: number, worker: number, sum: number): number {
  sum += uncovered.deltaUnassign(plan, shift, worker);
  sum += travel.deltaUnassign(plan, shift, worker);
  sum += unpreferred.deltaUnassign(plan, shift, worker);
  sum += overDesired.deltaUnassign(plan, shift, worker);
  sum += underMinimum.deltaUnassign(plan, shift, worker);
  return sum + cost.deltaUnassign(plan, shift, worker);
}

export const moveDeltas = { hardAssign, hardUnassign, softAssign, softUnassign };

/** A set of small integers with O(1) add, delete and uniform pick. */
class IndexSet {
  readonly items: Int32Array;
  private readonly position: Int32Array;
  size = 0;

  constructor(capacity: number) {
    this.items = new Int32Array(capacity);
    this.position = new Int32Array(capacity).fill(-1);
  }

  has(x: number): boolean { return this.position[x]! >= 0; }
  add(x: number): void {
    if (this.has(x)) return;
    this.items[this.size] = x;
    this.position[x] = this.size++;
  }
  delete(x: number): void {
    const at = this.position[x]!;
    if (at < 0) return;
    const last = this.items[--this.size]!;
    this.items[at] = last;
    this.position[last] = at;
    this.position[x] = -1;
  }
  pick(rng: Rng): number { return this.items[rng.nextInt(this.size)]!; }
}


/** Memory allowed for the per-time-slot verdict cache of buildCandidates (one byte per worker and slot). */
const SLOT_CACHE_BYTES = 64 * 1024 * 1024;

/**
 * Workers that pass every pairwise hard rule for the shift, ascending. `shouldStop` is polled every 64
 * shifts, which are taken by priority: on a huge problem under a time limit, the shifts not reached (the
 * least important) get no candidates and simply stay open.
 */
export function buildCandidates(problem: CompiledProblem, shouldStop: () => boolean = () => false): Int32Array[] {
  const W = problem.workerIds.length;
  const P = problem.packageIds.length;
  const packageRule = activityPackage.pairPenalty!;
  const radiusRule = travelRadius.pairPenalty!;
  // Registration, availability and unavailability read only the shift's package, start and end, which
  // many shifts share: their verdict per worker is cached per such time slot (while memory allows).
  const bySlot = [registration, availability, unavailability].map((c) => c.pairPenalty!);
  const byShift = hardConstraints.filter((c) => c.isPairwise && ![activityPackage, travelRadius, registration, availability, unavailability].includes(c)).map((c) => c.pairPenalty!);
  // Plain loops: these run for every (shift, worker) pair, and a closure per call showed in profiles.
  const passesAll = (rules: typeof bySlot, shift: number, w: number): boolean => {
    for (let k = 0; k < rules.length; k++) if (rules[k]!(problem, shift, w) !== 0) return false;
    return true;
  };
  // The package rule depends only on the shift's package and the radius only on its location: ask the first
  // once per package, the second once per (location, package) among the package's holders, with the
  // group's first shift standing in for all.
  const holders = new Map<number, Int32Array>();
  const groups = new Map<number, Int32Array>();
  /** Per slot and worker: 0 not yet asked, 1 passes, 2 fails. */
  const slots = new Map<string, Uint8Array>();
  const maxSlots = Math.max(1, Math.floor(SLOT_CACHE_BYTES / Math.max(1, W)));
  const result: Int32Array[] = problem.shiftIds.map(() => new Int32Array(0));
  // Highest priority first: when the time runs out on a huge problem, the shifts left without candidates
  // (and so open) are the least important ones.
  const order = Int32Array.from(problem.shiftIds.keys()).sort((a, b) => problem.shiftPriority[b]! - problem.shiftPriority[a]! || a - b);
  for (let k = 0; k < order.length; k++) {
    if (k % 64 === 0 && shouldStop()) break;
    const shift = order[k]!;
    const pkg = problem.shiftPackage[shift]!;
    let holding = holders.get(pkg);
    if (!holding) {
      const members: number[] = [];
      for (let w = 0; w < W; w++) if (packageRule(problem, shift, w) === 0) members.push(w);
      holding = Int32Array.from(members);
      holders.set(pkg, holding);
    }
    const key = problem.shiftLocation[shift]! * P + pkg;
    let group = groups.get(key);
    if (!group) {
      group = holding.filter((w) => radiusRule(problem, shift, w) === 0);
      groups.set(key, group);
    }
    const slotKey = `${pkg}:${problem.shiftStart[shift]!}:${problem.shiftEnd[shift]!}`;
    let verdicts = slots.get(slotKey);
    if (!verdicts && slots.size < maxSlots) {
      verdicts = new Uint8Array(W);
      slots.set(slotKey, verdicts);
    }
    const members = new Int32Array(group.length);
    let count = 0;
    for (let k = 0; k < group.length; k++) {
      const w = group[k]!;
      let isPassing: boolean;
      if (verdicts) {
        if (verdicts[w] === 0) verdicts[w] = passesAll(bySlot, shift, w) ? 1 : 2;
        isPassing = verdicts[w] === 1;
      } else isPassing = passesAll(bySlot, shift, w);
      if (isPassing && (byShift.length === 0 || passesAll(byShift, shift, w))) members[count++] = w;
    }
    result[shift] = members.slice(0, count);
  }
  return result;
}

function hasPlace(move: Move, place: number): boolean {
  for (let k = 0; k < move.length; k++) if (move[k]!.place === place) return true;
  return false;
}

function hasCandidate(candidates: Int32Array, worker: number): boolean {
  let lo = 0;
  let hi = candidates.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = candidates[mid]!;
    if (v === worker) return true;
    if (v < worker) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

export interface MoveMix {
  /** Probability of a move that fills an open place (with ejection of the worker's conflicts). */
  fill: number;
  /** Of a move that gives a filled place another worker (with ejections). */
  change: number;
  /** Of a swap of the workers of two filled places. */
  swap: number;
  /** Of a block swap: two workers exchange all their shifts in a window of days around a filled place. */
  block?: number;
  /** The remainder: a filled place is emptied. */
}

/**
 * Partners a block swap tries before giving up: most random partners cannot take the other's shifts (82 %
 * of single-try block swaps on ex-medium proposed nothing), and block swaps improve the plan more often than
 * any other move (6 % of those evaluated, against 0.9 % for fill and 0.2 % for change). One thread, 8 s,
 * seeds 1–4, mean: 1 try 297,559; 4 tries 296,632; 8 tries 296,875; 16 tries 296,693. The same for plain
 * swaps (4 tries) changed nothing (296,758 vs 296,782, seeds 1–6).
 */
const BLOCK_ATTEMPTS = 4;
/** A block swap's window reaches up to this many days (plus half a day) either side of its shift. */
const BLOCK_MAX_DAYS = 2;

/** Longest chain of hand-overs one move may make. */
const MAX_CHAIN_DEPTH = 3;

/**
 * Measured at 2M moves on ex-medium (one thread, same start): the previous mix without block swaps
 * (0.4 / 0.3 / 0.25) averaged 298,696 over seeds 1-3; with block swaps taking most of the plain swaps' share
 * (three in four plain swaps found no partner) 297,245 over seeds 1-4 (297,048 with a 3-day window); block
 * swaps at 0.15 with plain swaps at 0.15, 297,870. More in docs/planning.md.
 */
export const DEFAULT_MOVE_MIX: MoveMix = { fill: 0.4, change: 0.25, swap: 0.05, block: 0.25 };

/**
 * The regional planning model for the search core. The planning entity is a place on a shift; its variable
 * is the worker (or none). Pairwise hard rules are applied once, as candidate lists; the other constraints
 * score every move incrementally. Pinned places never change.
 */
export class RegionalModel implements SearchModel<Move, Int32Array> {
  readonly plan: Plan;
  readonly placeShift: Int32Array;
  readonly placeWorker: Int32Array;
  readonly shiftFirstPlace: Int32Array;
  readonly placePinned: Uint8Array;
  readonly candidates: Int32Array[];
  private readonly open: IndexSet;
  private readonly filled: IndexSet;
  private current: Score;
  private lastMove: Move | undefined;
  /** Reused for every deltaOf answer (read at once by its callers): one object per move showed in profiles. */
  private readonly lastDelta: Score = { hard: 0, soft: 0 };
  /** (shift, worker) pairs removed then added by deltaOf, to undo; grown when a move is longer. */
  private undoBuffer = new Int32Array(64);

  constructor(readonly problem: CompiledProblem, readonly mix: MoveMix = DEFAULT_MOVE_MIX, candidates?: Int32Array[]) {
    const S = problem.shiftIds.length;
    this.plan = new Plan(problem);
    this.candidates = candidates ?? buildCandidates(problem);
    this.shiftFirstPlace = new Int32Array(S + 1);
    for (let s = 0; s < S; s++) this.shiftFirstPlace[s + 1] = this.shiftFirstPlace[s]! + problem.shiftDemand[s]!;
    const places = this.shiftFirstPlace[S]!;
    this.placeShift = new Int32Array(places);
    for (let s = 0; s < S; s++) this.placeShift.fill(s, this.shiftFirstPlace[s], this.shiftFirstPlace[s + 1]);
    this.placeWorker = new Int32Array(places).fill(-1);
    this.placePinned = new Uint8Array(places);
    this.open = new IndexSet(places);
    this.filled = new IndexSet(places);
    const used = new Int32Array(S);
    for (const { shift, worker } of problem.pinned) {
      const place = this.shiftFirstPlace[shift]! + used[shift]!++;
      this.placeWorker[place] = worker;
      this.placePinned[place] = 1;
      this.plan.add(shift, worker);
    }
    for (let place = 0; place < places; place++) {
      if (this.placePinned[place] === 0 && this.candidates[this.placeShift[place]!]!.length > 0) this.open.add(place);
    }
    this.current = evaluatePlan(this.plan).score;
  }

  score(): Score { return this.current; }

  /** A random open (movable) place, or -1 when every place is filled. */
  pickOpenPlace(rng: Rng): number {
    return this.open.size > 0 ? this.open.pick(rng) : -1;
  }

  /** Places of the shift that are open and movable. */
  openPlaceOf(shift: number): number {
    for (let place = this.shiftFirstPlace[shift]!; place < this.shiftFirstPlace[shift + 1]!; place++) {
      if (this.placeWorker[place] === -1 && this.open.has(place)) return place;
    }
    return -1;
  }

  placeOf(shift: number, worker: number): number {
    for (let place = this.shiftFirstPlace[shift]!; place < this.shiftFirstPlace[shift + 1]!; place++) {
      if (this.placeWorker[place] === worker) return place;
    }
    return -1;
  }

  proposeMove(rng: Rng): Move | undefined {
    const r = rng.nextFloat();
    if (r < this.mix.fill) return this.open.size > 0 ? this.proposeInsert(rng, this.open.pick(rng)) : undefined;
    if (this.filled.size === 0) return undefined;
    const place = this.filled.pick(rng);
    if (r < this.mix.fill + this.mix.change) return this.proposeInsert(rng, place);
    if (r < this.mix.fill + this.mix.change + this.mix.swap) return this.proposeSwap(rng, place);
    if (r < this.mix.fill + this.mix.change + this.mix.swap + (this.mix.block ?? 0)) return this.proposeBlockSwap(rng, place);
    return [{ place, worker: -1 }];
  }

  /**
   * Puts a random candidate on `place`. When the candidate's own shifts stand in the way (rest or weekly
   * hours), those are handed on to other candidates, whose conflicts are handed on in turn, or left open:
   * an ejection chain, which lets a higher-priority place take a worker from a lower one and moves a whole
   * row of workers one step along.
   */
  private proposeInsert(rng: Rng, place: number): Move | undefined {
    const shift = this.placeShift[place]!;
    const worker = rng.pick(this.candidates[shift]!);
    if (worker === this.placeWorker[place] || this.plan.hasAssignment(shift, worker)) return undefined;
    const move: Move = [];
    return this.extendChain(rng, move, place, worker, MAX_CHAIN_DEPTH) ? move : undefined;
  }

  /** Gives `place` (not yet in the move: conflicts it already holds are skipped below) to `worker`. */
  private extendChain(rng: Rng, move: Move, place: number, worker: number, depth: number): boolean {
    move.push({ place, worker });
    for (const other of this.conflictsOf(rng, this.placeShift[place]!, worker)) {
      const otherPlace = this.placeOf(other, worker);
      if (otherPlace < 0 || this.placePinned[otherPlace] === 1) return false;
      // The move already hands that place to someone else (the chain came round to its own start): no conflict.
      if (hasPlace(move, otherPlace)) continue;
      const replacement = rng.pick(this.candidates[other]!);
      const canHandOn = depth > 0 && replacement !== worker && !this.plan.hasAssignment(other, replacement) && rng.nextFloat() < 0.8;
      if (canHandOn) {
        if (!this.extendChain(rng, move, otherPlace, replacement, depth - 1)) return false;
      } else {
        move.push({ place: otherPlace, worker: -1 });
      }
    }
    return true;
  }

  /** Shifts of the worker that would keep them from taking `shift`: rest neighbours, else one of the same week. */
  private conflictsOf(rng: Rng, shift: number, worker: number): number[] {
    const p = this.problem;
    const list = this.plan.workerShifts[worker]!;
    const at = this.plan.positionOf(worker, shift);
    const minRestMs = p.minRestMinutes * 60_000;
    const conflicts: number[] = [];
    for (let k = at - 1; k >= 0 && p.shiftEnd[list[k]!]! + minRestMs > p.shiftStart[shift]!; k--) conflicts.push(list[k]!);
    for (let k = at; k < list.length && p.shiftEnd[shift]! + minRestMs > p.shiftStart[list[k]!]!; k++) conflicts.push(list[k]!);
    if (conflicts.length === 0) {
      const week = p.shiftWeek[shift]!;
      if (this.plan.weekMinutes[worker * p.weekCount + week]! + p.shiftMinutes[shift]! > p.workerWeeklyCapMinutes[worker]!) {
        const sameWeek = list.filter((s) => p.shiftWeek[s] === week);
        if (sameWeek.length > 0) conflicts.push(rng.pick(sameWeek));
      }
    }
    return conflicts;
  }

  private proposeSwap(rng: Rng, place: number): Move | undefined {
    const shift = this.placeShift[place]!;
    const worker = this.placeWorker[place]!;
    const other = rng.pick(this.candidates[shift]!);
    if (other === worker || this.plan.hasAssignment(shift, other)) return undefined;
    const otherShifts = this.plan.workerShifts[other]!;
    if (otherShifts.length === 0) return [{ place, worker: other }];
    const otherShift = rng.pick(otherShifts);
    const otherPlace = this.placeOf(otherShift, other);
    if (this.placePinned[otherPlace] === 1 || !hasCandidate(this.candidates[otherShift]!, worker) || this.plan.hasAssignment(otherShift, worker)) return undefined;
    return [{ place, worker: other }, { place: otherPlace, worker }];
  }

  /**
   * Block swap: the place's worker and a random candidate of its shift exchange every shift they have
   * that starts in a window of 0 to BLOCK_MAX_DAYS days either side of the place's shift. Each one must
   * be a candidate of the other's shifts. With an empty side this hands the place's shift (and the
   * worker's neighbours in the window) to the other worker.
   */
  private proposeBlockSwap(rng: Rng, place: number): Move | undefined {
    const p = this.problem;
    const shift = this.placeShift[place]!;
    const a = this.placeWorker[place]!;
    const reach = rng.nextInt(BLOCK_MAX_DAYS + 1) * 86_400_000 + 43_200_000;
    const from = p.shiftStart[shift]! - reach;
    const to = p.shiftStart[shift]! + reach;
    for (let attempt = 0; attempt < BLOCK_ATTEMPTS; attempt++) {
      const b = rng.pick(this.candidates[shift]!);
      if (b === a || this.plan.hasAssignment(shift, b)) continue;
      const move: Move = [];
      if (this.addBlockSide(move, a, b, from, to) && this.addBlockSide(move, b, a, from, to)) return move;
    }
    return undefined;
  }

  /** Hands the shifts of `from` that start in [lo, hi) to `to`; false when one cannot be handed. */
  private addBlockSide(move: Move, from: number, to: number, lo: number, hi: number): boolean {
    const p = this.problem;
    const list = this.plan.workerShifts[from]!;
    for (let k = 0; k < list.length; k++) {
      const s = list[k]!;
      const start = p.shiftStart[s]!;
      if (start < lo) continue;
      if (start >= hi) break;
      const place = this.placeOf(s, from);
      if (this.placePinned[place] === 1 || this.plan.hasAssignment(s, to) || !hasCandidate(this.candidates[s]!, to)) return false;
      move.push({ place, worker: to });
    }
    return true;
  }

  deltaOf(move: Move): Score {
    let hard = 0;
    let soft = 0;
    const plan = this.plan;
    // Reused buffers: the search calls this millions of times, and garbage collection showed in profiles.
    if (this.undoBuffer.length < 4 * move.length) this.undoBuffer = new Int32Array(4 * move.length);
    const undo = this.undoBuffer;
    let removedCount = 0;
    let addedCount = 0;
    let isRejected = false;
    for (const { place } of move) {
      const shift = this.placeShift[place]!;
      const old = this.placeWorker[place]!;
      if (old < 0) continue;
      hard = hardUnassign(plan, shift, old, hard);
      soft = softUnassign(plan, shift, old, soft);
      plan.remove(shift, old);
      undo[2 * removedCount] = shift;
      undo[2 * removedCount++ + 1] = old;
    }
    const addedFrom = 2 * removedCount;
    for (let k = 0; k < move.length; k++) {
      const { place, worker } = move[k]!;
      if (worker < 0) continue;
      const shift = this.placeShift[place]!;
      const addHard = hardAssign(plan, shift, worker, 0);
      hard += addHard;
      // Additions come after all removals, so a hard increase here can no longer be undone by this move.
      if (addHard > 0) { isRejected = true; break; }
      soft = softAssign(plan, shift, worker, soft);
      // The last change is read by no later one, so it need not enter the plan.
      if (k === move.length - 1) break;
      plan.add(shift, worker);
      undo[addedFrom + 2 * addedCount] = shift;
      undo[addedFrom + 2 * addedCount++ + 1] = worker;
    }
    for (let k = addedCount - 1; k >= 0; k--) plan.remove(undo[addedFrom + 2 * k]!, undo[addedFrom + 2 * k + 1]!);
    for (let k = removedCount - 1; k >= 0; k--) plan.add(undo[2 * k]!, undo[2 * k + 1]!);
    this.lastMove = move;
    this.lastDelta.hard = hard;
    this.lastDelta.soft = isRejected ? 0 : soft;
    return this.lastDelta;
  }

  applyMove(move: Move): void {
    const delta = this.lastMove === move ? this.lastDelta : this.deltaOf(move);
    for (const { place } of move) this.setWorker(place, -1);
    for (const { place, worker } of move) if (worker >= 0) this.setWorker(place, worker);
    this.current = { hard: this.current.hard + delta.hard, soft: this.current.soft + delta.soft };
    this.lastMove = undefined;
  }

  /** Sets a movable place's worker, keeping the plan and the open/filled sets in step. */
  setWorker(place: number, worker: number): void {
    const shift = this.placeShift[place]!;
    const old = this.placeWorker[place]!;
    if (old === worker) return;
    if (old >= 0) this.plan.remove(shift, old);
    this.placeWorker[place] = worker;
    if (worker >= 0) {
      this.plan.add(shift, worker);
      this.open.delete(place);
      this.filled.add(place);
    } else {
      this.filled.delete(place);
      this.open.add(place);
    }
  }

  /** Recomputes the score from scratch (after construction, and to shed floating-point drift). */
  rescore(): Score {
    this.current = evaluatePlan(this.plan).score;
    return this.current;
  }

  capture(): Int32Array { return this.placeWorker.slice(); }

  restore(snapshot: Int32Array): void {
    for (let place = 0; place < snapshot.length; place++) {
      if (this.placePinned[place] === 0 && this.placeWorker[place] !== snapshot[place]) this.setWorker(place, -1);
    }
    for (let place = 0; place < snapshot.length; place++) {
      if (this.placePinned[place] === 0 && snapshot[place]! >= 0) this.setWorker(place, snapshot[place]!);
    }
    this.rescore();
  }

  /** The assignments as (shift, worker) index pairs, pinned included. */
  assignments(): Array<{ shift: number; worker: number }> {
    const out: Array<{ shift: number; worker: number }> = [];
    this.placeWorker.forEach((worker, place) => { if (worker >= 0) out.push({ shift: this.placeShift[place]!, worker }); });
    return out;
  }
}
