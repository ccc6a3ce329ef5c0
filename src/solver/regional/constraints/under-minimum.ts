import type { Plan } from '../plan.js';
import type { SoftConstraint } from './constraint.js';

function penalty(plan: Plan, worker: number, shifts: number): number {
  return plan.problem.weights.underMinimum * Math.max(0, plan.problem.workerMinShifts[worker]! - shifts);
}

export const underMinimum: SoftConstraint = {
  id: 'under-minimum',
  name: 'Shifts below minimum',
  level: 'soft',
  term: 'underMinimum',
  weight: 200,
  description: 'Per worker with minShifts: weights.underMinimum × the shifts missing to reach it.',
  isPairwise: false,
  evaluate: (plan) => plan.workerShiftCount.reduce((sum, n, worker) => sum + penalty(plan, worker, n), 0),
  deltaAssign: (plan, _shift, worker) => {
    const n = plan.workerShiftCount[worker]!;
    return penalty(plan, worker, n + 1) - penalty(plan, worker, n);
  },
  deltaUnassign: (plan, _shift, worker) => {
    const n = plan.workerShiftCount[worker]!;
    return penalty(plan, worker, n - 1) - penalty(plan, worker, n);
  },
};
