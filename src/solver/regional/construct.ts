import type { RegionalModel } from './model.js';

/**
 * Greedy construction: shifts by priority (highest first), scarce shifts (fewest candidates) first within a
 * priority; each open place takes the feasible candidate that lowers the score most, and stays open when
 * none lowers it.
 */
export function constructGreedy(model: RegionalModel): void {
  const p = model.problem;
  const order = p.shiftIds.map((_, s) => s).sort((a, b) => (p.shiftPriority[b]! - p.shiftPriority[a]!)
    || (model.candidates[a]!.length - model.candidates[b]!.length) || (p.shiftStart[a]! - p.shiftStart[b]!) || (a - b));
  for (const shift of order) {
    for (let place = model.openPlaceOf(shift); place >= 0; place = model.openPlaceOf(shift)) {
      let bestWorker = -1;
      let bestSoft = 0;
      for (const worker of model.candidates[shift]!) {
        if (model.plan.hasAssignment(shift, worker)) continue;
        const delta = model.deltaOf([{ place, worker }]);
        if (delta.hard <= 0 && delta.soft < bestSoft) {
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
