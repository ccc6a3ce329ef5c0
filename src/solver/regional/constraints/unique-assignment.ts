import { withReason, type HardConstraint } from './constraint.js';

/** H1: a (shift, worker) pair appears at most once. Unknown ids are rejected before a plan exists. */
export const uniqueAssignment: HardConstraint = withReason({
  id: 'unique-assignment',
  name: 'One place per worker per shift',
  level: 'hard',
  specRule: 'H1',
  rule: 'overlap',
  weight: 1,
  description: 'A worker fills at most one place of a shift. Penalty: one per repeated pair.',
  isPairwise: false,
  evaluate: (plan) => plan.shiftWorkers.reduce((sum, workers) => sum + workers.length - new Set(workers).size, 0),
  deltaAssign: (plan, shift, worker) => (plan.hasAssignment(shift, worker) ? 1 : 0),
  deltaUnassign: (plan, shift, worker) => (plan.shiftWorkers[shift]!.filter((w) => w === worker).length > 1 ? -1 : 0),
}, (plan, shift) => ({ shiftId: plan.problem.shiftIds[shift]! }));
