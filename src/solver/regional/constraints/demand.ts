import { withReason, type HardConstraint } from './constraint.js';

/** H2: a shift takes at most `demand` workers. */
export const demand: HardConstraint = withReason({
  id: 'demand',
  name: 'No more workers than places',
  level: 'hard',
  specRule: 'H2',
  rule: 'demand',
  weight: 1,
  description: 'A shift has at most `demand` assignments. Penalty: one per worker above demand.',
  isPairwise: false,
  evaluate: (plan) => plan.shiftWorkers.reduce((sum, workers, shift) => sum + Math.max(0, workers.length - plan.problem.shiftDemand[shift]!), 0),
  deltaAssign: (plan, shift) => (plan.shiftWorkers[shift]!.length >= plan.problem.shiftDemand[shift]! ? 1 : 0),
  deltaUnassign: (plan, shift) => (plan.shiftWorkers[shift]!.length > plan.problem.shiftDemand[shift]! ? -1 : 0),
}, (plan, shift) => ({ demand: plan.problem.shiftDemand[shift]!, assigned: plan.shiftWorkers[shift]!.length }));
