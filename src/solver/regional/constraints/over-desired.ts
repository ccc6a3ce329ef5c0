import type { Plan } from '../plan.js';
import type { SoftConstraint } from './constraint.js';

function penalty(plan: Plan, worker: number, minutes: number): number {
  const desired = plan.problem.workerDesiredMinutes[worker]!;
  return Number.isNaN(desired) ? 0 : plan.problem.weights.overDesired * Math.max(0, minutes - desired) / 60;
}

export const overDesired: SoftConstraint = {
  id: 'over-desired',
  name: 'Hours above desired',
  level: 'soft',
  term: 'overDesired',
  weight: 2,
  description: 'Per worker with desiredMinutes: weights.overDesired × the hours assigned above it over the horizon.',
  isPairwise: false,
  evaluate: (plan) => plan.workerMinutes.reduce((sum, minutes, worker) => sum + penalty(plan, worker, minutes), 0),
  deltaAssign: (plan, shift, worker) => {
    const m = plan.workerMinutes[worker]!;
    return penalty(plan, worker, m + plan.problem.shiftMinutes[shift]!) - penalty(plan, worker, m);
  },
  deltaUnassign: (plan, shift, worker) => {
    const m = plan.workerMinutes[worker]!;
    return penalty(plan, worker, m - plan.problem.shiftMinutes[shift]!) - penalty(plan, worker, m);
  },
};
