import { definePairwise, withReason, type HardConstraint } from './constraint.js';

/** H4: packages that require a registration (BIG) need one valid until the shift ends. */
export const registration: HardConstraint = withReason(definePairwise({
  id: 'registration',
  name: 'Registration valid',
  level: 'hard' as const,
  specRule: 'H4',
  rule: 'registration' as const,
  weight: 1,
  description: 'If the package requires registration, the worker\'s registration is present and runs at least until the shift ends. Penalty: one per assignment without it.',
}, (p, shift, worker) => (p.packageRequiresRegistration[p.shiftPackage[shift]!] === 1 && !(p.workerRegistrationExpires[worker]! >= p.shiftEnd[shift]!) ? 1 : 0)),
(plan, shift, worker) => ({
  registrationExpires: plan.problem.workerRegistrationExpires[worker]!,
  shiftEnd: plan.problem.shiftEnd[shift]!,
}));
