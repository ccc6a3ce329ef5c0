import { definePairwise, withReason, type HardConstraint } from './constraint.js';

/** H3: the worker holds the shift's activity package. */
export const activityPackage: HardConstraint = withReason(definePairwise({
  id: 'package',
  name: 'Activity package held',
  level: 'hard' as const,
  specRule: 'H3',
  rule: 'package' as const,
  weight: 1,
  description: "The shift's activity package is among the worker's packages. Penalty: one per assignment without it.",
}, (p, shift, worker) => (p.workerPackages[worker * p.packageIds.length + p.shiftPackage[shift]!] === 1 ? 0 : 1)),
(plan, shift) => ({ packageId: plan.problem.packageIds[plan.problem.shiftPackage[shift]!]! }));
