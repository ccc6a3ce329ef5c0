import { withReason, type HardConstraint } from './constraint.js';

/** H9: a shift takes no more newcomers than it can supervise. */
export const supervision: HardConstraint = withReason({
  id: 'supervision',
  name: 'Supervision capacity',
  level: 'hard',
  specRule: 'H9',
  rule: 'supervision',
  weight: 1,
  description: 'The number of newcomers on a shift is at most its supervisionCapacity. Penalty: one per newcomer over capacity.',
  isPairwise: false,
  evaluate: (plan) => plan.shiftNewcomers.reduce((sum, n, shift) => sum + Math.max(0, n - plan.problem.shiftSupervision[shift]!), 0),
  deltaAssign: (plan, shift, worker) => (plan.problem.workerIsNewcomer[worker] === 1 && plan.shiftNewcomers[shift]! >= plan.problem.shiftSupervision[shift]! ? 1 : 0),
  deltaUnassign: (plan, shift, worker) => (plan.problem.workerIsNewcomer[worker] === 1 && plan.shiftNewcomers[shift]! > plan.problem.shiftSupervision[shift]! ? -1 : 0),
}, (plan, shift) => ({ capacity: plan.problem.shiftSupervision[shift]!, newcomers: plan.shiftNewcomers[shift]! }));
