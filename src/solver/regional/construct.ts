import type { RegionalModel } from './model.js';

/**
 * Feasible candidates weighed per place: 64 up to ~30,000 places, fewer beyond, so that construction on
 * 100,000 places (2M evaluations) still fits a 30 s limit on a busy machine.
 */
function candidatesPerPlace(places: number): number {
  return Math.max(8, Math.min(64, Math.round(2_000_000 / Math.max(1, places))));
}

export interface ConstructionPace {
  /** Polled per shift: stop now, leaving the rest open (still a feasible plan). */
  shouldStop?: () => boolean;
  /** Share (1 → 0) of the time construction should take that is still left. */
  timeLeft?: () => number;
}

/** Shifts between two looks at the pace. */
const PACE_EVERY = 128;

/**
 * Greedy construction: shifts by priority (highest first), scarce shifts (fewest candidates) first within a
 * priority; each open place takes the feasible candidate that lowers the score most, and stays open when
 * none lowers it. `shouldStop` is polled per shift, so a time limit holds on huge problems too. With
 * `timeLeft`, construction keeps pace: when the share of places done falls behind the share of time used
 * (a busy machine, a huge pool), it weighs fewer candidates per place, down to first fit, so that every
 * place is reached in time; when well ahead, more again.
 */
export function constructGreedy(model: RegionalModel, pace: ConstructionPace = {}): void {
  const p = model.problem;
  const totalPlaces = p.shiftDemand.reduce((a, d) => a + d, 0);
  const maxLimit = candidatesPerPlace(totalPlaces);
  let limit = maxLimit;
  let placesDone = 0;
  const order = p.shiftIds.map((_, s) => s).sort((a, b) => (p.shiftPriority[b]! - p.shiftPriority[a]!)
    || (model.candidates[a]!.length - model.candidates[b]!.length) || (p.shiftStart[a]! - p.shiftStart[b]!) || (a - b));
  for (let k = 0; k < order.length; k++) {
    const shift = order[k]!;
    // Stopping early leaves places open, which is still a feasible plan.
    if (pace.shouldStop?.() === true) break;
    if (pace.timeLeft && k % PACE_EVERY === 0 && k > 0) {
      const timeUsed = 1 - pace.timeLeft();
      const done = placesDone / totalPlaces;
      if (timeUsed > done) limit = Math.max(1, limit >> 1);
      else if (timeUsed < 0.5 * done) limit = Math.min(maxLimit, 2 * limit);
    }
    placesDone += p.shiftDemand[shift]!;
    for (let place = model.openPlaceOf(shift); place >= 0; place = model.openPlaceOf(shift)) {
      let bestWorker = -1;
      let bestSoft = 0;
      const candidates = model.candidates[shift]!;
      // Large pools: weigh a bounded number of feasible candidates, from a shift-dependent offset so that
      // not every shift looks at the same workers first; the local search refines the choice.
      const offset = (shift * 7919) % Math.max(1, candidates.length);
      let feasible = 0;
      for (let k = 0; k < candidates.length && feasible < limit; k++) {
        const worker = candidates[(offset + k) % candidates.length]!;
        if (model.plan.hasAssignment(shift, worker)) continue;
        const delta = model.deltaOf([{ place, worker }]);
        if (delta.hard > 0) continue;
        feasible++;
        if (delta.soft < bestSoft) {
          bestSoft = delta.soft;
          bestWorker = worker;
        }
      }
      if (bestWorker < 0) break;
      model.setWorker(place, bestWorker);
    }
  }
  model.rescore();
}

/** First fit, for contrast in the benchmark: shifts in document order, the first feasible candidate. */
export function constructFirstFit(model: RegionalModel): void {
  const p = model.problem;
  for (let shift = 0; shift < p.shiftIds.length; shift++) {
    for (let place = model.openPlaceOf(shift); place >= 0; place = model.openPlaceOf(shift)) {
      const worker = model.candidates[shift]!.find((w) => !model.plan.hasAssignment(shift, w) && model.deltaOf([{ place, worker: w }]).hard <= 0);
      if (worker === undefined) break;
      model.setWorker(place, worker);
    }
  }
  model.rescore();
}
