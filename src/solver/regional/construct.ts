import type { RegionalModel } from './model.js';

/**
 * Feasible candidates weighed per place: 64 up to ~30,000 places, fewer beyond, so that construction on
 * 100,000 places (2M evaluations) still fits a 30 s limit on a busy machine.
 */
function candidatesPerPlace(places: number): number {
  return Math.max(8, Math.min(64, Math.round(2_000_000 / Math.max(1, places))));
}

/**
 * Greedy construction: shifts by priority (highest first), scarce shifts (fewest candidates) first within a
 * priority; each open place takes the feasible candidate that lowers the score most, and stays open when
 * none lowers it. `shouldStop` is polled per shift, so a time limit holds on huge problems too.
 */
export function constructGreedy(model: RegionalModel, shouldStop: () => boolean = () => false): void {
  const p = model.problem;
  const limit = candidatesPerPlace(p.shiftDemand.reduce((a, d) => a + d, 0));
  const order = p.shiftIds.map((_, s) => s).sort((a, b) => (p.shiftPriority[b]! - p.shiftPriority[a]!)
    || (model.candidates[a]!.length - model.candidates[b]!.length) || (p.shiftStart[a]! - p.shiftStart[b]!) || (a - b));
  for (const shift of order) {
    // Stopping early leaves places open, which is still a feasible plan.
    if (shouldStop()) break;
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
