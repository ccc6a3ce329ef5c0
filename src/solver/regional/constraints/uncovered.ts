import type { SoftConstraint } from './constraint.js';

/** Weight of one open place of a shift: the spec's uncovered weight times the shift's priority. */
function placeWeight(p: { weights: { uncovered: number }; shiftPriority: Int32Array }, shift: number): number {
  return p.weights.uncovered * p.shiftPriority[shift]!;
}

export const uncovered: SoftConstraint = {
  id: 'uncovered',
  name: 'Open places',
  level: 'soft',
  term: 'uncovered',
  weight: 1000,
  description: 'Per place left open: weights.uncovered × the shift\'s priority. This term dominates, so the most important places fill first.',
  isPairwise: false,
  evaluate: (plan) => plan.shiftWorkers.reduce((sum, workers, shift) => {
    const open = plan.problem.shiftDemand[shift]! - Math.min(plan.problem.shiftDemand[shift]!, workers.length);
    return sum + placeWeight(plan.problem, shift) * open;
  }, 0),
  deltaAssign: (plan, shift) => (plan.shiftWorkers[shift]!.length < plan.problem.shiftDemand[shift]! ? -placeWeight(plan.problem, shift) : 0),
  deltaUnassign: (plan, shift) => (plan.shiftWorkers[shift]!.length <= plan.problem.shiftDemand[shift]! ? placeWeight(plan.problem, shift) : 0),
};
